// RSS/Atom/sitemap reading with libxml2's XML parser (recover mode, no network, no entity
// expansion: feeds are untrusted).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr ParseXml(std::string_view bytes) {
  int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
             XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  return DocPtr(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, opts));
}

std::string_view LocalName(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string Prefix(const xmlNode* n) {
  return n->ns && n->ns->prefix ? reinterpret_cast<const char*>(n->ns->prefix) : "";
}

std::string NodeText(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

template <typename Fn>
void ForEachElement(xmlNode* n, const Fn& fn) {
  for (xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!fn(c)) ForEachElement(c->children, fn);
  }
}

}  // namespace

core::Status ReadFeed(const std::string& source, std::string_view bytes, const EmitFn& emit,
                      std::vector<Reference>* refs) {
  DocPtr doc = ParseXml(bytes);
  if (!doc || !xmlDocGetRootElement(doc.get()))
    return core::Status::Corruption(source, "", "feed is not well-formed XML");
  int index = 0;
  ForEachElement(xmlDocGetRootElement(doc.get()), [&](xmlNode* item) {
    std::string_view name = LocalName(item);
    if (name != "item" && name != "entry") return false;  // descend
    ++index;
    Reference ref;
    ref.listed_in = source;
    std::string content, guid;
    for (xmlNode* f = item->children; f; f = f->next) {
      if (f->type != XML_ELEMENT_NODE) continue;
      std::string_view fn = LocalName(f);
      std::string prefix = Prefix(f);
      if (fn == "title") {
        ref.hints["title"] = NodeText(f);
      } else if (fn == "link") {
        std::string href = Attr(f, "href");
        std::string rel = Attr(f, "rel");
        if (!href.empty() && (rel.empty() || rel == "alternate")) ref.url = href;
        else if (href.empty() && ref.url.empty()) ref.url = NodeText(f);
      } else if (fn == "guid" || fn == "id") {
        guid = NodeText(f);
      } else if (fn == "pubDate" || fn == "published" || (fn == "date" && prefix == "dc")) {
        ref.hints["date_published"] = NodeText(f);
      } else if (fn == "updated" && !ref.hints.count("date_published")) {
        ref.hints["date_modified"] = NodeText(f);
      } else if (fn == "creator" || fn == "author") {
        xmlNode* nm = nullptr;
        for (xmlNode* a = f->children; a; a = a->next)
          if (a->type == XML_ELEMENT_NODE && LocalName(a) == "name") nm = a;
        ref.hints["author"] = NodeText(nm ? nm : f);
      } else if (fn == "description" || fn == "summary") {
        ref.hints["description"] = NodeText(f);
      } else if ((fn == "encoded" && prefix == "content") || fn == "content") {
        content = NodeText(f);
      }
    }
    if (ref.url.empty()) ref.url = guid;
    if (!content.empty()) {
      core::RawDocument d;
      d.url = ref.url;
      d.kind = core::ContentKind::kHtml;
      d.content = std::move(content);
      d.charset = "utf-8";
      d.hints = ref.hints;
      d.provenance = {source, "feed", 0, 0, guid.empty() ? "item " + std::to_string(index) : guid,
                      "", 0};
      emit(std::move(d));
    }
    if (!ref.url.empty()) refs->push_back(std::move(ref));
    return true;  // do not descend into an item
  });
  return core::Status::Ok();
}

core::Status ReadSitemap(const std::string& source, std::string_view bytes,
                         std::vector<Reference>* refs) {
  DocPtr doc = ParseXml(bytes);
  if (!doc || !xmlDocGetRootElement(doc.get()))
    return core::Status::Corruption(source, "", "sitemap is not well-formed XML");
  ForEachElement(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    std::string_view name = LocalName(n);
    if (name != "url" && name != "sitemap") return false;
    Reference ref;
    ref.listed_in = source;
    ForEachElement(n->children, [&](xmlNode* f) {
      std::string_view fn = LocalName(f);
      if (fn == "loc") ref.url = NodeText(f);
      else if (fn == "publication_date") ref.hints["date_published"] = NodeText(f);
      else if (fn == "title") ref.hints["title"] = NodeText(f);
      else if (fn == "lastmod") ref.hints["date_modified"] = NodeText(f);
      else if (fn == "name") ref.hints["site_name"] = NodeText(f);
      return false;
    });
    if (name == "sitemap") ref.hints["kind"] = "sitemap";
    if (!ref.url.empty()) refs->push_back(std::move(ref));
    return true;
  });
  return core::Status::Ok();
}

}  // namespace wirebrief::ingest::detail
