// libxml2 DOM helpers shared by the HTML page readers (main text and metadata).
#pragma once

#include <libxml/tree.h>

#include <cstring>
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

// An attribute's value without a copy: libxml2 keeps a plain value as the attribute's one text
// child; "" for other values (with entity references) and for empty ones.
inline std::string_view AttrText(const xmlAttr* a) {
  if (a->children && a->children->type == XML_TEXT_NODE && a->children->content &&
      !a->children->next)
    return reinterpret_cast<const char*>(a->children->content);
  return "";
}

// The value of `n`'s first attribute called `name` (see AttrText); "" when absent. The one
// attribute view of both page walkers (body and metadata).
inline std::string_view AttrView(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0)
      return AttrText(a);
  return "";
}

// The attributes the page walkers read, found in one pass over an element's attribute list
// (views into libxml2's attribute text; empty when absent or not plain text; the first of a
// name wins). Measured: the body walker and the metadata reader scanning the list apart, once
// per attribute they need, was a visible share of the walk.
struct ElementAttrs {
  std::string_view cls, id, role, itemprop, rel, aria_label, itemtype;
};

inline ElementAttrs ScanAttrs(const xmlNode* n) {
  ElementAttrs e;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    const char* name = reinterpret_cast<const char*>(a->name);
    if (!name) continue;
    // Pages carry many long attributes (style, src, data-*): look at the first letter first.
    std::string_view* slot = nullptr;
    switch (name[0]) {
      case 'c':
        slot = std::strcmp(name, "class") == 0 ? &e.cls : nullptr;
        break;
      case 'i':
        slot = std::strcmp(name, "id") == 0         ? &e.id
               : std::strcmp(name, "itemprop") == 0 ? &e.itemprop
               : std::strcmp(name, "itemtype") == 0 ? &e.itemtype
                                                    : nullptr;
        break;
      case 'r':
        slot = std::strcmp(name, "rel") == 0    ? &e.rel
               : std::strcmp(name, "role") == 0 ? &e.role
                                                : nullptr;
        break;
      case 'a':
        slot = std::strcmp(name, "aria-label") == 0 ? &e.aria_label : nullptr;
        break;
      default:
        break;
    }
    if (!slot || slot->data()) continue;
    *slot = AttrText(a);
  }
  return e;
}

inline bool IsHeading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

inline bool IsBlockTag(std::string_view t) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "p",          "div",    "section", "article", "main",   "ul",      "ol",   "li",      "table",
      "tr",         "td",     "th",      "tbody",   "thead",  "dl",      "dd",   "dt",      "pre",
      "blockquote", "figure", "header",  "footer",  "aside",  "nav",     "form", "h1",      "h2",
      "h3",         "h4",     "h5",      "h6",      "center", "address", "hr",   "br-block"};
  return kBlocks.count(t) > 0;
}

}  // namespace wirebrief::extract::detail
