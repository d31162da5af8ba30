// HTML page metadata: headline, authors, dates, site, section, description, language, with the
// source of every field. Precedence is JSON-LD > OpenGraph > other meta > DOM > ingest hints.
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "extract/detail/dom.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

using json = nlohmann::json;

struct PageMeta {
  std::string title_tag, h1, canonical, lang;
  std::map<std::string, std::string> meta;  // lower-cased name/property -> content
  std::vector<json> jsonld;
  std::string time_datetime, time_text, byline_text, date_text;
  std::vector<std::string> breadcrumb;
};

void CollectMeta(const xmlNode* n, PageMeta* pm, int depth) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || depth > 256) continue;
    std::string_view t = Name(c);
    if (t == "html") pm->lang = Attr(c, "lang");
    if (t == "title" && pm->title_tag.empty()) {
      xmlChar* s = xmlNodeGetContent(c);
      pm->title_tag = CollapseSpace(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    } else if (t == "h1" && pm->h1.empty()) {
      xmlChar* s = xmlNodeGetContent(c);
      pm->h1 = CollapseSpace(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    } else if (t == "meta") {
      std::string key = Lower(Attr(c, "property"));
      if (key.empty()) key = Lower(Attr(c, "name"));
      if (key.empty()) key = Lower(Attr(c, "itemprop"));
      std::string content = Attr(c, "content");
      if (!key.empty() && !content.empty() && !pm->meta.count(key)) pm->meta[key] = content;
    } else if (t == "link" && Lower(Attr(c, "rel")) == "canonical" && pm->canonical.empty()) {
      pm->canonical = Attr(c, "href");
    } else if (t == "script" && Lower(Attr(c, "type")) == "application/ld+json") {
      xmlChar* s = xmlNodeGetContent(c);
      json j = json::parse(s ? reinterpret_cast<const char*>(s) : "", nullptr, false);
      xmlFree(s);
      if (!j.is_discarded()) pm->jsonld.push_back(std::move(j));
      continue;
    } else if (t == "time" && pm->time_datetime.empty()) {
      pm->time_datetime = Attr(c, "datetime");
      xmlChar* s = xmlNodeGetContent(c);
      pm->time_text = CollapseSpace(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
    std::string names = Lower(Attr(c, "class") + " " + Attr(c, "id") + " " + Attr(c, "rel") + " " +
                              Attr(c, "itemprop"));
    if (pm->byline_text.empty() &&
        (names.find("byline") != std::string::npos || names.find("author") != std::string::npos) &&
        names.find("bio") == std::string::npos) {
      xmlChar* s = xmlNodeGetContent(c);
      std::string text = CollapseSpace(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
      if (!text.empty() && text.size() < 200) pm->byline_text = text;
    }
    // Rule: visible date lines. Pages without date metadata print "Published Nov. 2, 2026
    // 10:32 a.m." or "Posted: Tuesday, November 3, 2026 2:20pm" in an element named for it.
    if (pm->date_text.empty() && (names.find("date") != std::string::npos || names.find("posted") != std::string::npos ||
                                  names.find("publish") != std::string::npos || names.find("timestamp") != std::string::npos)) {
      xmlChar* s = xmlNodeGetContent(c);
      std::string text = CollapseSpace(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
      if (!text.empty() && text.size() < 160 && !NormalizeDate(text).empty()) pm->date_text = text;
    }
    if (pm->breadcrumb.empty() && (names.find("breadcrumb") != std::string::npos ||
                                   Lower(Attr(c, "aria-label")) == "breadcrumb")) {
      std::vector<std::string> items;
      std::function<void(const xmlNode*)> links = [&](const xmlNode* k) {
        for (; k; k = k->next) {
          if (k->type != XML_ELEMENT_NODE) continue;
          if (Name(k) == "a" || Name(k) == "li" || Name(k) == "span") {
            xmlChar* s = xmlNodeGetContent(k);
            std::string text = CollapseSpace(s ? reinterpret_cast<const char*>(s) : "");
            xmlFree(s);
            if (!text.empty() && text.size() < 60 && text != ">" && text != "/" && text != "›")
              if (items.empty() || items.back() != text) items.push_back(text);
            if (Name(k) != "li") continue;
          }
          if (Name(k) != "li") links(k->children);
        }
      };
      links(c->children);
      pm->breadcrumb = items;
    }
    CollectMeta(c->children, pm, depth + 1);
  }
}

bool TypeIsArticle(const json& t) {
  auto is = [](const json& s) {
    if (!s.is_string()) return false;
    std::string v = s.get<std::string>();
    return v.find("Article") != std::string::npos || v == "BlogPosting" || v == "Report";
  };
  if (is(t)) return true;
  if (t.is_array())
    for (const auto& x : t)
      if (is(x)) return true;
  return false;
}

const json* FindArticleObject(const json& j, int depth = 0) {
  if (depth > 8) return nullptr;
  if (j.is_object()) {
    if (j.contains("@type") && TypeIsArticle(j["@type"])) return &j;
    if (j.contains("@graph")) return FindArticleObject(j["@graph"], depth + 1);
  } else if (j.is_array()) {
    for (const auto& x : j)
      if (const json* f = FindArticleObject(x, depth + 1)) return f;
  }
  return nullptr;
}

std::string JsonString(const json& o, const char* key) {
  if (!o.is_object() || !o.contains(key)) return "";
  const json& v = o[key];
  if (v.is_string()) return CollapseSpace(v.get<std::string>());
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
  if (v.is_object() && v.contains("@id") && v["@id"].is_string()) return v["@id"].get<std::string>();
  if (v.is_array() && !v.empty() && v[0].is_string()) return v[0].get<std::string>();
  return "";
}

std::vector<std::string> JsonAuthors(const json& o) {
  std::vector<std::string> out;
  if (!o.is_object() || !o.contains("author")) return out;
  auto add = [&](const json& a) {
    if (a.is_string()) out.push_back(a.get<std::string>());
    else if (a.is_object() && a.contains("name") && a["name"].is_string())
      out.push_back(a["name"].get<std::string>());
  };
  const json& a = o["author"];
  if (a.is_array()) {
    for (const auto& x : a) add(x);
  } else {
    add(a);
  }
  return out;
}

// Rule: bylines. "By Jane Roe and John Doe, Staff Reporter" -> ["Jane Roe", "John Doe"]:
// drop the "By", job titles after a comma, dates and anything with digits.
std::vector<std::string> CleanAuthors(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (std::string s : raw) {
    s = CollapseSpace(s);
    if (StartsWith(Lower(s), "by ")) s = s.substr(3);
    size_t pipe = s.find_first_of("|");
    if (pipe != std::string::npos) s = s.substr(0, pipe);
    std::vector<std::string> parts;
    std::string cur;
    std::string lower = Lower(s);
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == ',' || lower.compare(i, 5, " and ") == 0 || s[i] == '&') {
        parts.push_back(cur);
        cur.clear();
        if (lower.compare(i, 5, " and ") == 0) i += 4;
        continue;
      }
      cur += s[i];
    }
    parts.push_back(cur);
    for (auto& p : parts) {
      std::string name = CollapseSpace(p);
      bool ok = !name.empty() && CountWords(name) <= 4 && name.size() < 60 &&
                std::isupper(static_cast<unsigned char>(name[0]));
      for (char c : name)
        if (std::isdigit(static_cast<unsigned char>(c))) ok = false;
      std::string ln = Lower(name);
      for (const char* bad : {"staff", "reporter", "correspondent", "editor", "updated", "published",
                              "email", "desk"})
        if (ln.find(bad) != std::string::npos) ok = false;
      if (ok && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
  }
  return out;
}

// Rule: site suffix in titles. "Headline | Outlet" and "Headline - Outlet": keep the longer side.
std::string StripSiteSuffix(std::string title, const std::string& site) {
  for (const char* sep : {" | ", " - ", " — ", " – ", " :: "}) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos) continue;
    std::string left = title.substr(0, p), right = title.substr(p + std::strlen(sep));
    if ((!site.empty() && Lower(right) == Lower(site)) || CountWords(right) <= 4)
      return CollapseSpace(left);
  }
  return title;
}

}  // namespace

void ReadHtmlMetadata(const xmlNode* root, const core::RawDocument& doc, const ExtractOptions& options,
                      core::Article* a) {
  PageMeta pm;
  CollectMeta(root, &pm, 0);
  json article_ld;
  for (const auto& j : pm.jsonld)
    if (const json* f = FindArticleObject(j)) {
      article_ld = *f;
      break;
    }
  auto meta = [&](const char* k) {
    auto it = pm.meta.find(k);
    return it == pm.meta.end() ? std::string() : CollapseSpace(it->second);
  };
  auto set = [&](std::string* field, const char* name, std::string value, const char* source) {
    if (field->empty() && !value.empty()) {
      *field = std::move(value);
      a->field_sources[name] = source;
    }
  };

  // URL and site.
  set(&a->canonical_url, "canonical_url", pm.canonical, "dom");
  set(&a->canonical_url, "canonical_url", meta("og:url"), "opengraph");
  a->url = !doc.url.empty() ? doc.url : !a->canonical_url.empty() ? a->canonical_url : options.base_url;
  set(&a->site_name, "site_name", meta("og:site_name"), "opengraph");
  if (!article_ld.is_null()) set(&a->site_name, "site_name", JsonString(article_ld, "publisher"), "jsonld");
  set(&a->site_name, "site_name", meta("application-name"), "meta");
  a->host = HostOf(!a->canonical_url.empty() ? a->canonical_url : a->url);

  // Title.
  if (!article_ld.is_null()) set(&a->title, "title", JsonString(article_ld, "headline"), "jsonld");
  set(&a->title, "title", meta("og:title"), "opengraph");
  set(&a->title, "title", pm.h1, "dom");
  set(&a->title, "title", StripSiteSuffix(pm.title_tag, a->site_name), "dom");
  if (a->field_sources["title"] == "opengraph") a->title = StripSiteSuffix(a->title, a->site_name);
  set(&a->title, "title", doc.hints.count("title") ? doc.hints.at("title") : "", "hint");

  // Dates.
  if (!article_ld.is_null()) {
    set(&a->date_published, "date_published", NormalizeDate(JsonString(article_ld, "datePublished")), "jsonld");
    set(&a->date_modified, "date_modified", NormalizeDate(JsonString(article_ld, "dateModified")), "jsonld");
  }
  set(&a->date_published, "date_published", NormalizeDate(meta("article:published_time")), "opengraph");
  set(&a->date_modified, "date_modified", NormalizeDate(meta("article:modified_time")), "opengraph");
  for (const char* k : {"date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
                        "parsely-pub-date", "sailthru.date", "datepublished"})
    set(&a->date_published, "date_published", NormalizeDate(meta(k)), "meta");
  set(&a->date_published, "date_published", NormalizeDate(pm.time_datetime), "dom");
  set(&a->date_published, "date_published", NormalizeDate(pm.time_text), "dom");
  set(&a->date_published, "date_published", NormalizeDate(pm.date_text), "dom");
  if (doc.hints.count("date_published"))
    set(&a->date_published, "date_published", NormalizeDate(doc.hints.at("date_published")), "hint");
  a->date_crawled = NormalizeDate(doc.provenance.crawl_date);

  // Authors.
  std::vector<std::string> authors;
  if (!article_ld.is_null()) authors = CleanAuthors(JsonAuthors(article_ld));
  const char* author_source = "jsonld";
  if (authors.empty() && !meta("author").empty()) {
    authors = CleanAuthors({meta("author")});
    author_source = "meta";
  }
  if (authors.empty() && !pm.byline_text.empty()) {
    authors = CleanAuthors({pm.byline_text});
    author_source = "dom";
  }
  if (authors.empty() && doc.hints.count("author")) {
    authors = CleanAuthors({doc.hints.at("author")});
    author_source = "hint";
  }
  if (!authors.empty()) {
    a->authors = authors;
    a->field_sources["authors"] = author_source;
  }

  // Section, description, language.
  if (!article_ld.is_null()) set(&a->section, "section", JsonString(article_ld, "articleSection"), "jsonld");
  set(&a->section, "section", meta("article:section"), "opengraph");
  for (auto it = pm.breadcrumb.rbegin(); it != pm.breadcrumb.rend(); ++it) {
    if (Lower(*it) == "home" || *it == a->title || it->size() > 40) continue;
    set(&a->section, "section", *it, "dom");
    break;
  }
  if (!article_ld.is_null()) set(&a->description, "description", JsonString(article_ld, "description"), "jsonld");
  set(&a->description, "description", meta("og:description"), "opengraph");
  set(&a->description, "description", meta("description"), "meta");
  std::string lang = pm.lang;
  if (lang.empty()) lang = meta("og:locale");
  if (lang.empty()) lang = meta("content-language");
  for (char& c : lang) c = c == '_' ? '-' : c;
  if (!lang.empty()) {
    a->language = Lower(lang.substr(0, lang.find('-')));
    a->field_sources["language"] = "dom";
  }
}

}  // namespace wirebrief::extract::detail
