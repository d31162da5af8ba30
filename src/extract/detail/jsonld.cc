// JSON-LD as pages ship it. nlohmann::json parses; this file only repairs what CMSs break
// (CDATA wrappers, comments, raw newlines, trailing commas, concatenated objects) and walks
// the object graph (@graph, arrays, @id references).
#include <cctype>
#include <string>

#include "extract/detail/metadata.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

using json = nlohmann::json;

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Strips one wrapper layer: "<![CDATA[ ... ]]>", "<!-- ... -->", "//<![CDATA[ ... //]]>".
std::string_view Unwrap(std::string_view s) {
  for (int pass = 0; pass < 3; ++pass) {
    s = TrimView(s);
    bool changed = false;
    for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"}) {
      if (StartsWith(s, open)) {
        s.remove_prefix(open.size());
        changed = true;
      }
    }
    s = TrimView(s);
    for (std::string_view close : {"//]]>", "]]>", "//-->", "-->"}) {
      if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
        s.remove_suffix(close.size());
        changed = true;
      }
    }
    if (!changed) break;
  }
  return TrimView(s);
}

const char* kArticleTypes[] = {"NewsArticle",
                               "Article",
                               "ReportageNewsArticle",
                               "AnalysisNewsArticle",
                               "OpinionNewsArticle",
                               "ReviewNewsArticle",
                               "BackgroundNewsArticle",
                               "BlogPosting",
                               "LiveBlogPosting",
                               "Report",
                               "TechArticle",
                               "ScholarlyArticle",
                               "SocialMediaPosting",
                               "SatiricalArticle",
                               "AdvertiserContentArticle",
                               "DiscussionForumPosting",
                               "Posting"};

bool IsArticleType(const json& obj) {
  for (const char* t : kArticleTypes)
    if (JsonLdHasType(obj, t)) return true;
  return false;
}

}  // namespace

std::string RepairJsonLd(std::string_view raw) {
  std::string_view s = Unwrap(raw);
  if (s.empty() || s.size() > kMaxJsonLdBytes) return "";
  std::string out;
  out.reserve(s.size() + 8);
  int depth = 0, values = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        char n = s[i + 1];
        // JSON knows \" \\ \/ \b \f \n \r \t \uXXXX; "\'" and other stray escapes lose the
        // backslash.
        if (std::string_view("\"\\/bfnrtu").find(n) == std::string_view::npos) {
          out += n;
        } else {
          out += c;
          out += n;
        }
        ++i;
      } else if (c == '"') {
        in_string = false;
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out += ' ';
      } else {
        out += c;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else if (c == '{' || c == '[') {
      // A second top-level value ("{...}{...}" or "{...}\n{...}") becomes an array element.
      if (depth == 0 && values > 0) out += ',';
      if (++depth > kMaxJsonLdDepth) return "";
      out += c;
    } else if (c == '}' || c == ']') {
      // Trailing comma before a closer.
      size_t k = out.size();
      while (k > 0 && std::isspace(static_cast<unsigned char>(out[k - 1]))) --k;
      if (k > 0 && out[k - 1] == ',') out.erase(k - 1, 1);
      out += c;
      if (--depth == 0) ++values;
      if (depth < 0) return "";
    } else if (c == ';' && depth == 0) {
      // "var x = {...};" leftovers and stray semicolons between values.
    } else {
      out += c;
    }
  }
  if (values > 1) out = "[" + out + "]";
  return out;
}

bool JsonLdHasType(const json& obj, std::string_view type) {
  if (!obj.is_object()) return false;
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto is = [&](const json& v) {
    if (!v.is_string()) return false;
    std::string_view s = v.get_ref<const std::string&>();
    // "schema:NewsArticle", "http://schema.org/NewsArticle"
    size_t cut = s.find_last_of("/:");
    if (cut != std::string_view::npos) s = s.substr(cut + 1);
    return s == type;
  };
  if (is(*it)) return true;
  if (it->is_array())
    for (const auto& v : *it)
      if (is(v)) return true;
  return false;
}

void JsonLdGraph::AddBlock(std::string_view raw) {
  std::string repaired = RepairJsonLd(raw);
  if (repaired.empty()) return;
  json j = json::parse(repaired, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return;
  Flatten(j, 0);
}

void JsonLdGraph::Flatten(const json& j, int depth) {
  if (depth > 8 || objects_.size() > 256) return;
  if (j.is_array()) {
    for (const auto& x : j) Flatten(x, depth + 1);
  } else if (j.is_object()) {
    auto g = j.find("@graph");
    if (g != j.end()) {
      Flatten(*g, depth + 1);
      if (!j.contains("@type")) return;
    }
    objects_.push_back(j);
    // Articles nested as mainEntity of a WebPage.
    for (const char* k : {"mainEntity", "mainEntityOfPage"}) {
      auto m = j.find(k);
      if (m != j.end() && (m->is_object() || m->is_array()) && depth < 4) {
        if (m->is_object() && IsArticleType(*m)) objects_.push_back(*m);
        if (m->is_array())
          for (const auto& x : *m)
            if (IsArticleType(x)) objects_.push_back(x);
      }
    }
  }
}

const json* JsonLdGraph::Article(std::string_view page_title) const {
  const json* first = nullptr;
  std::string want = core::AsciiLower(page_title);
  for (const auto& o : objects_) {
    if (!IsArticleType(o)) continue;
    if (!first) first = &o;
    if (want.empty()) break;
    std::string h = core::AsciiLower(JsonLdText(*this, o, "headline"));
    if (!h.empty() && (want.find(h) != std::string::npos || h.find(want) != std::string::npos))
      return &o;
  }
  return first;
}

const json* JsonLdGraph::FirstOfType(std::string_view type) const {
  for (const auto& o : objects_)
    if (JsonLdHasType(o, type)) return &o;
  return nullptr;
}

const json& JsonLdGraph::Resolve(const json& v) const {
  if (!v.is_object() || v.size() > 2) return v;
  auto id = v.find("@id");
  if (id == v.end() || !id->is_string()) return v;
  for (const auto& o : objects_) {
    if (&o == &v || o.size() <= 1) continue;
    auto oid = o.find("@id");
    if (oid != o.end() && *oid == *id) return o;
  }
  return v;
}

std::string JsonLdText(const JsonLdGraph& g, const json& obj, const char* key) {
  if (!obj.is_object()) return "";
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  const json* v = &*it;
  if (v->is_array()) {
    if (v->empty()) return "";
    v = &(*v)[0];
  }
  const json& r = g.Resolve(*v);
  if (r.is_string()) return CollapseSpace(DecodeHtmlEntities(r.get_ref<const std::string&>()));
  if (r.is_number_integer()) return std::to_string(r.get<long long>());
  if (r.is_object()) {
    for (const char* k : {"name", "@value", "url", "@id"}) {
      auto n = r.find(k);
      if (n != r.end() && n->is_string())
        return CollapseSpace(DecodeHtmlEntities(n->get_ref<const std::string&>()));
    }
  }
  return "";
}

}  // namespace wirebrief::extract::detail
