// Field resolution for HTML metadata: every field takes the first candidate in the order
// JSON-LD > OpenGraph > other meta > DOM > hints > URL, with its source and a confidence, from
// the signals the walk in html_metadata.cc collected (page_signals.h).
#include <algorithm>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "extract/detail/metadata.h"
#include "extract/detail/page_signals.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

using json = nlohmann::json;

// Letters and digits only, lower-cased: the comparison key for "do two sources agree".
std::string Key(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80)
      out += c;
    else if (std::isalnum(u))
      out += core::AsciiLower(static_cast<char>(u));
  }
  return out;
}

struct Candidate {
  std::string value;
  std::string source;
};

// Takes the first non-empty candidate. Its confidence starts from its source and moves with the
// first candidate of each other source: +0.04 when it agrees, -0.1 when it disagrees.
template <typename Same>
void Choose(core::Article* a, const char* field, std::string* out,
            const std::vector<Candidate>& cands, Same same) {
  const Candidate* win = nullptr;
  for (const auto& c : cands)
    if (!c.value.empty()) {
      win = &c;
      break;
    }
  if (!win) return;
  *out = win->value;
  a->field_sources[field] = win->source;
  double conf = SourceConfidence(win->source);
  std::vector<std::string> seen = {win->source};
  for (const auto& c : cands) {
    if (c.value.empty() || std::find(seen.begin(), seen.end(), c.source) != seen.end()) continue;
    seen.push_back(c.source);
    conf += same(c.value, win->value) ? 0.04 : -0.1;
  }
  a->field_confidence[field] = std::clamp(conf, 0.2, 0.99);
}

bool SameText(const std::string& x, const std::string& y) { return Key(x) == Key(y); }
bool SameDay(const std::string& x, const std::string& y) {
  return x.substr(0, 10) == y.substr(0, 10);
}

std::string FirstMeta(const PageSignals& ps, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = ps.meta.find(k);
    if (it != ps.meta.end())
      for (const auto& v : it->second) {
        std::string s = CollapseSpace(v);
        if (!s.empty()) return s;
      }
  }
  return "";
}

std::string ResolveUrl(const std::string& href, const std::string& base) {
  std::string h = CollapseSpace(href);
  if (h.empty() || StartsWith(core::AsciiLower(h), "javascript:") ||
      StartsWith(core::AsciiLower(h), "data:"))
    return "";
  if (h.find("://") != std::string::npos) return h;
  size_t scheme = base.find("://");
  if (scheme == std::string::npos) return h;
  if (StartsWith(h, "//")) return base.substr(0, scheme + 1) + h;
  size_t path = base.find('/', scheme + 3);
  std::string origin = path == std::string::npos ? base : base.substr(0, path);
  if (StartsWith(h, "/")) return origin + h;
  std::string dir = path == std::string::npos ? origin + "/" : base.substr(0, base.rfind('/') + 1);
  return dir + h;
}

// Rule: taglines after the outlet name ("Outlet - All the news that matters").
std::string CleanSiteName(const std::string& raw) {
  std::string s = CollapseSpace(raw);
  for (const char* sep : {" - ", " | ", " — ", " – ", ": "}) {
    size_t p = s.find(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string left = s.substr(0, p), right = s.substr(p + std::strlen(sep));
    if (CountWords(left) <= 3 && CountWords(right) >= 3) return CollapseSpace(left);
  }
  return s.size() > 100 ? "" : s;
}

std::vector<std::string> JsonLdStrings(const JsonLdGraph& g, const json& obj, const char* key) {
  std::vector<std::string> out;
  if (!obj.is_object()) return out;
  auto it = obj.find(key);
  if (it == obj.end()) return out;
  auto add = [&](const json& v) {
    const json& r = g.Resolve(v);
    if (r.is_string())
      out.push_back(CollapseSpace(DecodeHtmlEntities(r.get_ref<const std::string&>())));
    else if (r.is_object())
      for (const char* k : {"name", "url", "@id"})
        if (r.contains(k) && r[k].is_string()) {
          out.push_back(CollapseSpace(DecodeHtmlEntities(r[k].get_ref<const std::string&>())));
          break;
        }
  };
  if (it->is_array()) {
    for (const auto& v : *it)
      if (out.size() < 30) add(v);
  } else {
    add(*it);
  }
  return out;
}

// JSON-LD authors: people by name; organisations only when they are agencies (wire credit).
std::vector<std::string> JsonLdAuthors(const JsonLdGraph& g, const json& article,
                                       std::vector<std::string>* agencies) {
  std::vector<std::string> raw;
  for (const char* key : {"author", "creator"}) {
    auto it = article.find(key);
    if (it == article.end()) continue;
    std::vector<const json*> items;
    if (it->is_array()) {
      for (const auto& v : *it)
        if (items.size() < 30) items.push_back(&v);
    } else {
      items.push_back(&*it);
    }
    for (const json* v : items) {
      const json& r = g.Resolve(*v);
      std::string name;
      if (r.is_string())
        name = r.get<std::string>();
      else if (r.is_object() && r.contains("name") && r["name"].is_string())
        name = r["name"].get<std::string>();
      if (name.empty()) continue;
      name = DecodeHtmlEntities(name);
      bool organisation = JsonLdHasType(r, "Organization") ||
                          JsonLdHasType(r, "NewsMediaOrganization") ||
                          JsonLdHasType(r, "Corporation");
      if (organisation) {
        std::string agency = AgencyName(name);
        if (!agency.empty() &&
            std::find(agencies->begin(), agencies->end(), agency) == agencies->end())
          agencies->push_back(agency);
        continue;
      }
      raw.push_back(name);
    }
    if (!raw.empty()) break;
  }
  return CleanAuthorNames(raw, agencies);
}

std::vector<std::string> SplitTags(const std::vector<std::string>& values) {
  std::vector<std::string> out, keys;
  for (const auto& v : values) {
    std::string cur;
    for (char c : v + ",") {
      if (c == ',' || c == ';' || c == '|') {
        std::string tag = CollapseSpace(cur);
        cur.clear();
        if (tag.empty() || tag.size() > 60 || out.size() >= 30) continue;
        std::string k = Key(tag);
        if (k.empty() || std::find(keys.begin(), keys.end(), k) != keys.end()) continue;
        keys.push_back(k);
        out.push_back(tag);
      } else {
        cur += c;
      }
    }
  }
  return out;
}

// Rule: the section in a URL path is its first segment when that is a plain word
// ("/world/2026/11/03/story" -> "World"), not a language code or a generic word.
std::string SectionFromUrl(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t path = url.find('/', scheme + 3);
  if (path == std::string::npos) return "";
  size_t end = url.find_first_of("/?#", path + 1);
  if (end == std::string::npos || url[end] != '/')
    return "";  // a single segment is the article itself
  std::string seg = url.substr(path + 1, end - path - 1);
  if (seg.size() < 3 || seg.size() > 20) return "";
  for (char c : seg)
    if (!std::islower(static_cast<unsigned char>(c)) && c != '-') return "";
  static const char* kGeneric[] = {
      "news",  "article", "articles", "story", "stories", "post",  "posts", "blog",
      "blogs", "amp",     "www",      "index", "content", "page",  "pages", "html",
      "doc",   "docs",    "item",     "items", "view",    "read",  "wiki",  "test",
      "web",   "site",    "en-us",    "en-gb", "public",  "media", "static"};
  for (const char* g : kGeneric)
    if (seg == g) return "";
  std::string out = seg;
  std::replace(out.begin(), out.end(), '-', ' ');
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string SectionFromCrumbs(const std::vector<std::string>& crumbs, const std::string& title) {
  for (auto it = crumbs.rbegin(); it != crumbs.rend(); ++it) {
    std::string l = core::AsciiLower(*it);
    if (l == "home" || l == "startseite" || l == "accueil" || l == "inicio" || l == "início" ||
        l == "news" || it->size() > 40 || SameText(*it, title) ||
        (Key(*it).size() >= 12 && Key(title).find(Key(*it)) != std::string::npos))
      continue;
    return *it;
  }
  return "";
}

// "Hollis, Anne" -> "Anne Hollis", "Jong, Michiel de" -> "Michiel de Jong"; other values as given.
std::string InvertSurnameFirst(const std::string& v) {
  size_t comma = v.find(',');
  if (comma == std::string::npos || v.find(',', comma + 1) != std::string::npos) return v;
  std::string last = CollapseSpace(v.substr(0, comma)), first = CollapseSpace(v.substr(comma + 1));
  if (last.empty() || first.empty() || CountWords(last) > 2 || CountWords(first) > 3) return v;
  std::string particles;
  // Trailing lower-case particles of the first part belong before the surname.
  size_t sp = first.rfind(' ');
  if (sp != std::string::npos && std::islower(static_cast<unsigned char>(first[sp + 1]))) {
    particles = first.substr(sp + 1) + " ";
    first = first.substr(0, sp);
  }
  return first + " " + particles + last;
}

bool MonthFirstLanguage(const std::string& tag) {
  std::string t = NormalizeLanguageTag(tag);
  return t == "en" || t == "en-US" || t == "en-CA" || t == "en-PH";
}

// What every field rule reads: the page's signals, its JSON-LD article, the input's hints and
// the base URL relative links resolve against.
struct PageSources {
  const core::RawDocument& doc;
  const ExtractOptions& options;
  const PageSignals& ps;
  const JsonLdGraph& g;
  const json* ld;   // the JSON-LD article, or null
  const json& art;  // *ld, or an empty object
  std::string og_title;
  std::string base;

  std::string Meta(std::initializer_list<const char*> keys) const { return FirstMeta(ps, keys); }
  std::string Hint(const char* k) const {
    auto it = doc.hints.find(k);
    return it == doc.hints.end() ? std::string() : CollapseSpace(it->second);
  }
  std::string LdText(const char* key) const { return ld ? JsonLdText(g, art, key) : std::string(); }
  // The canonical URL if any, else the page's URL: where URL-derived fields read from.
  static const std::string& PageUrl(const core::Article& a) {
    return a.canonical_url.empty() ? a.url : a.canonical_url;
  }
};

std::string BaseUrl(const core::RawDocument& doc, const ExtractOptions& options,
                    const PageSignals& ps) {
  return !ps.base_href.empty()
             ? ResolveUrl(ps.base_href, !doc.url.empty() ? doc.url : options.base_url)
             : (!doc.url.empty() ? doc.url : options.base_url);
}

// URLs. Rule: rel=canonical is the page's own statement of its canonical URL and names the
// article across containers, so it outranks JSON-LD here; a canonical pointing at the site's
// home page (a common CMS default) is ignored.
void ResolveUrls(const PageSources& s, core::Article* a) {
  const core::RawDocument& doc = s.doc;
  auto not_home = [&](std::string u) {
    u = ResolveUrl(u, s.base);
    size_t scheme = u.find("://");
    if (scheme == std::string::npos) return std::string();
    size_t path = u.find('/', scheme + 3);
    bool home = path == std::string::npos || u.find_first_not_of('/', path) == std::string::npos;
    return home && !doc.url.empty() && HostOf(doc.url) == HostOf(u) && doc.url.size() > u.size() + 1
               ? std::string()
               : u;
  };
  std::string ld_url;
  if (s.ld) {
    ld_url = JsonLdText(s.g, s.art, "mainEntityOfPage");
    if (ld_url.find("://") == std::string::npos) ld_url = s.LdText("url");
    if (ld_url.find("://") == std::string::npos) ld_url.clear();
  }
  Choose(a, "canonical_url", &a->canonical_url,
         {{not_home(s.ps.canonical), "dom"},
          {not_home(ld_url), "jsonld"},
          {not_home(s.Meta({"og:url"})), "opengraph"}},
         SameText);
  a->url = !doc.url.empty()            ? doc.url
           : !a->canonical_url.empty() ? a->canonical_url
                                       : s.options.base_url;
  if (!a->url.empty())
    a->field_sources["url"] = !doc.url.empty()             ? "input"
                              : a->url == a->canonical_url ? a->field_sources["canonical_url"]
                                                           : "input";
  a->host = HostOf(!a->canonical_url.empty() ? a->canonical_url : a->url);
  if (!a->host.empty()) a->field_sources["host"] = "url";
}

void ResolveSiteName(const PageSources& s, core::Article* a) {
  std::string ld_site = s.ld ? JsonLdText(s.g, s.art, "publisher") : "";
  if (ld_site.find("://") != std::string::npos) ld_site.clear();
  if (ld_site.empty())
    if (const json* site = s.g.FirstOfType("WebSite")) ld_site = JsonLdText(s.g, *site, "name");
  Choose(a, "site_name", &a->site_name,
         {{CleanSiteName(ld_site), "jsonld"},
          {CleanSiteName(s.Meta({"og:site_name"})), "opengraph"},
          {CleanSiteName(s.Meta({"application-name", "dc.publisher", "dcterms.publisher",
                                 "publisher", "itemprop:publisher", "apple-mobile-web-app-title"})),
           "meta"},
          {CleanSiteName(s.Hint("site_name")), "hint"}},
         SameText);
}

// Authors: JSON-LD, OpenGraph, other meta, DOM bylines (strongest DOM signal first), hints.
// Agencies credited as authors go to `facts`: they are wire credit, not people.
void ResolveAuthors(const PageSources& s, core::Article* a, PageFacts* facts) {
  const PageSignals& ps = s.ps;
  std::vector<std::string> agencies;
  std::vector<std::string> authors;
  std::string author_source;
  std::string agencies_source;
  auto note_agencies = [&](const char* source) {
    if (agencies_source.empty() && !agencies.empty()) agencies_source = source;
  };
  if (s.ld) {
    authors = JsonLdAuthors(s.g, s.art, &agencies);
    author_source = "jsonld";
    note_agencies("jsonld");
  }
  auto try_meta = [&](const char* key, const char* source) {
    if (!authors.empty()) return;
    auto it = ps.meta.find(key);
    if (it == ps.meta.end()) return;
    std::vector<std::string> values = it->second;
    // Rule: Dublin Core and citation meta name one person per tag, written "Last, First".
    if (StartsWith(key, "dc") || StartsWith(key, "citation"))
      for (auto& v : values) v = InvertSurnameFirst(v);
    authors = CleanAuthorNames(values, &agencies);
    author_source = source;
    note_agencies(source);
  };
  try_meta("article:author", "opengraph");
  for (const char* k : {"dc.creator", "dcterms.creator", "author", "parsely-author",
                        "sailthru.author", "byl", "citation_author", "itemprop:author"})
    try_meta(k, "meta");
  // DOM bylines: schema.org microdata, rel=author links (every element: multi-author bylines),
  // then the first element named for a byline that yields a name.
  for (const auto* list : {&ps.byline_itemprop, &ps.byline_rel}) {
    if (!authors.empty()) break;
    authors = CleanAuthorNames(*list, &agencies);
    if (authors.size() > 6) authors.resize(6);
    author_source = "dom";
  }
  for (const auto& text : ps.byline_class) {
    if (!authors.empty()) break;
    authors = CleanAuthorNames({text}, &agencies);
    author_source = "dom";
  }
  // Then a lead word before an unnamed element ("By <a>Jane Roe</a>"): the weakest DOM signal.
  for (const auto& text : ps.byline_lead) {
    if (!authors.empty()) break;
    authors = CleanAuthorNames({text}, &agencies);
    author_source = "dom";
  }
  note_agencies("dom");
  if (authors.empty() && !s.Hint("author").empty()) {
    authors = CleanAuthorNames({s.Hint("author")}, &agencies);
    author_source = "hint";
  }
  if (!authors.empty()) {
    a->authors = authors;
    a->field_sources["authors"] = author_source;
    a->field_confidence["authors"] = SourceConfidence(author_source);
  }
  if (!agencies.empty()) {
    facts->agencies = agencies;
    facts->agencies_source = agencies_source;
  }
}

// Title, after site name and authors: a title segment naming either is an affix. JSON-LD's
// headline, or its name when that is closer to what the page shows (some pages put a type
// description in "headline").
void ResolveTitle(const PageSources& s, core::Article* a) {
  const PageSignals& ps = s.ps;
  std::string shown = !s.og_title.empty() ? s.og_title : ps.title_tag;
  std::string ld_title = s.LdText("headline");
  std::string ld_name = s.LdText("name");
  auto overlap = [](const std::string& x, const std::string& y) {
    std::string kx = Key(x), ky = Key(y);
    if (kx.empty() || ky.empty()) return false;
    return kx.find(ky) != std::string::npos || ky.find(kx) != std::string::npos;
  };
  if (ld_title.empty() ||
      (!ld_name.empty() && !shown.empty() && !overlap(ld_title, shown) && overlap(ld_name, shown)))
    ld_title = ld_name;
  // Choose compares candidates through `strip` too: each title is stripped once.
  std::vector<std::pair<std::string, std::string>> stripped;
  auto strip = [&](const std::string& t) {
    for (const auto& [in, out] : stripped)
      if (in == t) return out;
    std::string out = StripTitleAffixes(t, a->site_name, a->host, a->authors);
    if (stripped.size() < 16) stripped.emplace_back(t, out);
    return out;
  };
  std::string dom_title = strip(ps.title_tag);
  // Rule: <title> over <h1> (pages have logo and promo h1s), but an h1 that the title tag
  // starts with is the headline without whatever decorates the title tag.
  std::string h1 = ps.h1s.empty() ? "" : ps.h1s.front();
  if (!h1.empty() && h1.size() < 300 &&
      (dom_title.empty() || (CountWords(h1) >= 2 && StartsWith(Key(ps.title_tag), Key(h1)))))
    dom_title = h1;
  Choose(a, "title", &a->title,
         {{ld_title.size() < 400 ? ld_title : "", "jsonld"},
          {strip(s.og_title), "opengraph"},
          {strip(s.Meta({"dc.title", "dcterms.title", "parsely-title", "sailthru.title",
                         "twitter:title", "title", "itemprop:headline"})),
           "meta"},
          {dom_title, "dom"},
          {strip(s.Hint("title")), "hint"}},
         [&](const std::string& x, const std::string& y) { return SameText(strip(x), y); });
  if (a->field_sources["title"] == "jsonld")
    a->title = StripTitleAffixes(a->title, a->site_name, "", {});
  if (a->title.empty()) a->field_sources.erase("title");
}

// The publication date's candidates, strongest first.
std::vector<Candidate> PublishedCandidates(const PageSources& s, const DateContext& ctx,
                                           const core::Article& a) {
  const PageSignals& ps = s.ps;
  auto date = [&](const std::string& v) { return ParseDate(v, ctx); };
  auto first_date = [&](const std::vector<std::string>& values) {
    for (const auto& v : values)
      if (std::string d = date(v); !d.empty()) return d;
    return std::string();
  };
  return {
      {date(s.LdText("datePublished")), "jsonld"},
      {date(s.Meta({"article:published_time", "og:published_time", "article:published"})),
       "opengraph"},
      {date(s.LdText("dateCreated")), "jsonld"},
      {date(s.Meta({"datepublished",
                    "itemprop:datepublished",
                    "date",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "published_time",
                    "published-date",
                    "dc.date",
                    "dc.date.issued",
                    "dc.date.created",
                    "dcterms.date",
                    "dcterms.issued",
                    "dcterms.created",
                    "parsely-pub-date",
                    "sailthru.date",
                    "citation_publication_date",
                    "citation_date",
                    "originalpublicationdate",
                    "article.published",
                    "displaydate",
                    "pdate",
                    "ptime"})),
       "meta"},
      {first_date(ps.published_dom), "dom"},
      {first_date(ps.date_texts), "dom"},
      {date(ps.first_time), "dom"},
      {date(s.Hint("date_published")), "hint"},
      {DateFromUrl(PageSources::PageUrl(a), ctx), "url"},
      {first_date(ps.banner_dates), "dom"},
  };
}

// Dates, read against the crawl date (relative phrases, the future check); the modification
// first, because it rules out publication candidates.
void ResolveDates(const PageSources& s, const std::string& declared, core::Article* a) {
  const PageSignals& ps = s.ps;
  DateContext ctx = MakeDateContext(s.doc.provenance.crawl_date, MonthFirstLanguage(declared));
  auto date = [&](const std::string& v) { return ParseDate(v, ctx); };
  auto first_date = [&](const std::vector<std::string>& values) {
    for (const auto& v : values)
      if (std::string d = date(v); !d.empty()) return d;
    return std::string();
  };
  Choose(a, "date_modified", &a->date_modified,
         {{date(s.LdText("dateModified")), "jsonld"},
          {date(s.Meta({"article:modified_time", "og:updated_time", "article:modified"})),
           "opengraph"},
          {date(s.Meta({"dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
                        "parsely-updated", "itemprop:datemodified", "sailthru.lastmodified"})),
           "meta"},
          {first_date(ps.modified_dom), "dom"},
          {first_date(ps.modified_texts), "dom"}},
         SameDay);
  std::vector<Candidate> published = PublishedCandidates(s, ctx, *a);
  // Rule: a modification is never the publication. A candidate equal to the modified timestamp
  // (pages that fill article:published_time from the last edit) yields to a later candidate
  // with another value, and a publication after the modification is dropped.
  if (!a->date_modified.empty())
    for (size_t i = 0; i < published.size(); ++i) {
      if (published[i].value.empty()) continue;
      if (published[i].value.size() > 10 && published[i].value == a->date_modified &&
          std::any_of(published.begin() + i + 1, published.end(), [&](const Candidate& c) {
            return !c.value.empty() && c.value != a->date_modified;
          }))
        published[i].value.clear();
      break;
    }
  Choose(a, "date_published", &a->date_published, published, SameDay);
  if (!a->date_modified.empty() && !a->date_published.empty() &&
      a->date_modified.substr(0, 10) < a->date_published.substr(0, 10)) {
    a->date_modified.clear();
    a->field_sources.erase("date_modified");
    a->field_confidence.erase("date_modified");
  }
}

// The names of a JSON-LD BreadcrumbList, in position order.
std::vector<std::string> JsonLdCrumbs(const JsonLdGraph& g) {
  std::vector<std::string> crumbs;
  const json* bl = g.FirstOfType("BreadcrumbList");
  if (!bl) return crumbs;
  auto items = bl->find("itemListElement");
  if (items == bl->end() || !items->is_array()) return crumbs;
  std::vector<std::pair<int, std::string>> ordered;
  for (const auto& it : *items) {
    const json& r = g.Resolve(it);
    std::string name = JsonLdText(g, r, "name");
    if (name.empty()) name = JsonLdText(g, r, "item");
    int pos = r.is_object() && r.contains("position") && r["position"].is_number_integer()
                  ? r["position"].get<int>()
                  : 0;
    if (!name.empty() && name.find("://") == std::string::npos) ordered.emplace_back(pos, name);
  }
  std::stable_sort(ordered.begin(), ordered.end());
  for (auto& [pos, name] : ordered) crumbs.push_back(name);
  return crumbs;
}

// Section, after the title: a breadcrumb repeating the title is not a section.
void ResolveSection(const PageSources& s, core::Article* a) {
  Choose(
      a, "section", &a->section,
      {{s.LdText("articleSection"), "jsonld"},
       {SectionFromCrumbs(JsonLdCrumbs(s.g), a->title), "jsonld"},
       {s.Meta({"article:section"}), "opengraph"},
       {s.Meta({"section", "article-section", "parsely-section", "sailthru.section", "category"}),
        "meta"},
       {SectionFromCrumbs(s.ps.breadcrumb, a->title), "dom"},
       {s.Hint("section"), "hint"},
       {SectionFromUrl(PageSources::PageUrl(*a)), "url"}},
      SameText);
}

// Tags: the first source that has any, whole (sources are not mixed).
void ResolveTags(const PageSources& s, core::Article* a) {
  const PageSignals& ps = s.ps;
  std::vector<std::pair<std::vector<std::string>, const char*>> tag_sources = {
      {s.ld ? SplitTags(JsonLdStrings(s.g, s.art, "keywords")) : std::vector<std::string>{},
       "jsonld"},
      {ps.meta.count("article:tag") ? SplitTags(ps.meta.at("article:tag"))
                                    : std::vector<std::string>{},
       "opengraph"},
      {SplitTags({s.Meta({"news_keywords", "keywords", "parsely-tags", "sailthru.tags"})}), "meta"},
      {SplitTags(ps.rel_tags), "dom"}};
  for (auto& [tags, source] : tag_sources) {
    if (tags.empty()) continue;
    a->tags = std::move(tags);
    a->field_sources["tags"] = source;
    a->field_confidence["tags"] = SourceConfidence(source);
    break;
  }
}

void ResolveDescription(const PageSources& s, core::Article* a) {
  Choose(a, "description", &a->description,
         {{s.LdText("description"), "jsonld"},
          {s.Meta({"og:description"}), "opengraph"},
          {s.Meta({"description", "twitter:description", "dc.description", "dcterms.description"}),
           "meta"},
          {s.Hint("description"), "hint"}},
         SameText);
}

void ResolveImage(const PageSources& s, core::Article* a) {
  std::string ld_image = s.ld ? JsonLdText(s.g, s.art, "image") : "";
  if (ld_image.empty() && s.ld) ld_image = JsonLdText(s.g, s.art, "thumbnailUrl");
  Choose(a, "image", &a->image,
         {{ResolveUrl(ld_image, s.base), "jsonld"},
          {ResolveUrl(s.Meta({"og:image:secure_url", "og:image", "og:image:url"}), s.base),
           "opengraph"},
          {ResolveUrl(s.Meta({"twitter:image", "twitter:image:src", "itemprop:image", "thumbnail"}),
                      s.base),
           "meta"},
          {ResolveUrl(s.ps.image_src, s.base), "dom"}},
         SameText);
}

void ResolveLicense(const PageSources& s, core::Article* a) {
  Choose(a, "license", &a->license,
         {{s.LdText("license"), "jsonld"},
          {ResolveUrl(s.ps.rel_license, s.base), "dom"},
          {s.Meta({"dcterms.license", "dc.rights", "dcterms.rights", "license"}), "meta"}},
         SameText);
}

// Access: JSON-LD isAccessibleForFree, else OpenGraph's content tier; unset without either.
void ResolveAccess(const PageSources& s, core::Article* a) {
  if (s.ld && s.art.contains("isAccessibleForFree")) {
    const json& v = s.art["isAccessibleForFree"];
    std::string t = v.is_boolean()  ? (v.get<bool>() ? "true" : "false")
                    : v.is_string() ? core::AsciiLower(v.get<std::string>())
                                    : "";
    if (t == "true" || t == "false") {
      a->is_free = t == "true";
      a->field_sources["is_free"] = "jsonld";
      a->field_confidence["is_free"] = SourceConfidence("jsonld");
    }
  }
  if (!a->is_free.has_value()) {
    std::string tier = core::AsciiLower(s.Meta({"article:content_tier"}));
    if (tier == "free" || tier == "locked") {
      a->is_free = tier == "free";
      a->field_sources["is_free"] = "opengraph";
      a->field_confidence["is_free"] = SourceConfidence("opengraph");
    }
  }
}

// Declared language; the text has the last word in FinishMetadata. <html lang> ranks above
// og:locale here: themes ship og:locale "en_US" as a default far more often than a wrong lang.
void ResolveDeclaredLanguage(const PageSources& s, const std::string& declared, core::Article* a,
                             PageFacts* facts) {
  std::string ld_lang = NormalizeLanguageTag(s.LdText("inLanguage"));
  std::string og_locale = NormalizeLanguageTag(s.Meta({"og:locale"}));
  std::string meta_lang =
      NormalizeLanguageTag(s.Meta({"content-language", "dc.language", "language"}));
  for (const auto& [value, source] : {std::pair{ld_lang, "jsonld"},
                                      {declared, "dom"},
                                      {og_locale, "opengraph"},
                                      {meta_lang, "meta"}}) {
    if (value.empty()) continue;
    facts->declared_language = value;
    facts->declared_source = source;
    a->language = value;
    a->field_sources["language"] = source;
    break;
  }
}

}  // namespace

// Every field takes its rule order from its own function; the order between fields matters
// where a rule reads another field: site name and authors before the title (affixes), URLs
// before dates and section (the URL's date and first segment), title before section.
PageFacts MetadataWalk::Resolve(const core::RawDocument& doc, const ExtractOptions& options,
                                core::Article* a) {
  const PageSignals& ps = *ps_;
  PageFacts facts;
  std::string og_title = FirstMeta(ps, {"og:title"});
  const json* ld = ps.jsonld.Article(!og_title.empty() ? og_title : ps.title_tag);
  static const json kNone = json::object();
  const PageSources s{doc, options,          ps,       ps.jsonld,
                      ld,  ld ? *ld : kNone, og_title, BaseUrl(doc, options, ps)};
  ResolveUrls(s, a);
  ResolveSiteName(s, a);
  ResolveAuthors(s, a, &facts);
  ResolveTitle(s, a);
  const std::string declared = NormalizeLanguageTag(ps.html_lang);
  ResolveDates(s, declared, a);
  ResolveSection(s, a);
  ResolveTags(s, a);
  ResolveDescription(s, a);
  ResolveImage(s, a);
  ResolveLicense(s, a);
  ResolveAccess(s, a);
  if (s.ld && s.art.contains("articleBody") && s.art["articleBody"].is_string())
    facts.jsonld_body = s.art["articleBody"].get<std::string>();
  ResolveDeclaredLanguage(s, declared, a, &facts);
  return facts;
}

}  // namespace wirebrief::extract::detail
