// libxml2 DOM helpers shared by the HTML page readers (main text and metadata).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <unordered_set>

namespace wirebrief::extract::detail {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

inline std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

inline std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

inline bool IsHeading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

inline bool IsBlockTag(std::string_view t) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "p",  "div", "section", "article", "main", "ul",    "ol",  "li",     "table", "tr",
      "td", "th",  "tbody",   "thead",   "dl",   "dd",    "dt",  "pre",    "blockquote",
      "figure", "header", "footer", "aside", "nav", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "center", "address", "hr", "br-block"};
  return kBlocks.count(t) > 0;
}

}  // namespace wirebrief::extract::detail
