// HTML page metadata with the source and a confidence for every field. One walk over the DOM
// collects the page's signals (meta tags, JSON-LD, bylines, dates, breadcrumbs); each field then
// takes the first candidate in the order JSON-LD > OpenGraph > other meta > DOM > hints > URL.
// The body-dependent rest (language from the text, truncation) is in finish_metadata.cc.
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "extract/detail/dom.h"
#include "extract/detail/metadata.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {

// What one walk over the page collects; MetadataWalk::Resolve turns it into fields.
struct PageSignals {
  std::string html_lang, title_tag, base_href, canonical, rel_license, image_src;
  std::vector<std::string> h1s;
  // Lower-cased key -> values in page order. std::less<> looks keys up without building a string.
  std::map<std::string, std::vector<std::string>, std::less<>> meta;
  JsonLdGraph jsonld;
  std::vector<std::string> byline_itemprop, byline_rel, byline_class, byline_lead;
  std::vector<std::string> published_dom, modified_dom, date_texts, modified_texts;
  std::string first_time;
  // Dates in the site's banner before the headline (the day's date in the page chrome): the
  // weakest date evidence, used only when the page gives no other.
  std::vector<std::string> banner_dates;
  bool h1_seen = false;
  std::vector<std::string> breadcrumb, rel_tags;
};

namespace {

using json = nlohmann::json;

constexpr size_t kMaxCandidates = 12;   // per signal list; the first few decide
constexpr size_t kMaxSignalText = 400;  // bytes of text read from one element
constexpr int kMaxWalkDepth = 256;

// Visible text of `n`, at most kMaxSignalText bytes, scripts and styles skipped.
void AppendText(const xmlNode* n, std::string* out, int depth, const char* line_break = " ") {
  for (const xmlNode* c = n; c && out->size() < kMaxSignalText && depth < 32; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      *out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string_view t = Name(c);
      if (t == "script" || t == "style" || t == "noscript" || t == "template" || t == "svg")
        continue;
      if (t == "br" || IsBlockTag(t)) *out += line_break;
      AppendText(c->children, out, depth + 1, line_break);
      if (IsBlockTag(t)) *out += line_break;
    }
  }
}

// `line_break` replaces <br> and block boundaries: " ; " keeps the lines of a byline apart
// ("By Jane Roe, MA<br>Health News") for the byline splitter.
std::string TextOf(const xmlNode* n, const char* line_break = " ") {
  std::string s;
  AppendText(n->children, &s, 0, line_break);
  if (s.size() > kMaxSignalText) {
    s.resize(kMaxSignalText);
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  }
  return CollapseSpace(s);
}

// Attribute value without a copy: libxml2 keeps it as the attribute's text child.
std::string_view AttrView(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->name || name != reinterpret_cast<const char*>(a->name)) continue;
    if (a->children && a->children->type == XML_TEXT_NODE && a->children->content &&
        !a->children->next)
      return reinterpret_cast<const char*>(a->children->content);
    return "";
  }
  return "";
}

// What an element's class and id tokens say about it, one bit per question the walk asks.
enum TokenFlag : unsigned {
  kChromeToken = 1u << 0,      // comments, related lists, sidebars, promos
  kBreadcrumbToken = 1u << 1,  // a breadcrumb trail
  kBylineToken = 1u << 2,      // a byline container (IsBylineToken)
  kDateToken = 1u << 3,        // a date or dateline container
  kNotDateToken = 1u << 4,     // "runtime", "timeline", "datepicker", "update"
  kModifiedToken = 1u << 5,    // "update", "modified"
  kPublishedToken = 1u << 6,   // "publish", "posted", "pubdate", "created"
  kBannerToken = 1u << 7,      // "masthead", "topbar": the site's banner
};

bool HasAny(std::string_view s, std::initializer_list<const char*> stems) {
  for (const char* stem : stems)
    if (s.find(stem) != std::string_view::npos) return true;
  return false;
}

// Rule: byline containers are named for it ("byline", "author", "auteur", "autor"), but not
// author bios, avatars, or "authorization" widgets.
bool IsBylineToken(std::string_view t) {
  if (HasAny(t, {"bio", "avatar", "img", "image", "photo", "thumb", "follow", "social", "authoriz",
                 "authorit", "more"}))
    return false;
  return t.find("byline") != std::string::npos || t.find("author") != std::string::npos ||
         t == "auteur" || t == "autor" || t == "autore" || t == "writer" || t == "byl";
}

// The stems a class or id value is searched for, and the TokenFlags each sets. A stem can set
// several flags ("update": modified, and not a publication date); kBylineStem marks the stems
// after which the byline rule looks at the value token by token.
constexpr unsigned kBylineStem = 1u << 31;
struct Stem {
  std::string_view text;
  unsigned flags;
};
constexpr Stem kStems[] = {{"comment", kChromeToken},
                           {"related", kChromeToken},
                           {"sidebar", kChromeToken},
                           {"footer", kChromeToken},
                           {"recommend", kChromeToken},
                           {"popular", kChromeToken},
                           {"newsletter", kChromeToken},
                           {"most-read", kChromeToken},
                           {"mostread", kChromeToken},
                           {"trending", kChromeToken},
                           {"promo", kChromeToken},
                           {"breadcrumb", kBreadcrumbToken},
                           {"masthead", kBannerToken},
                           {"topbar", kBannerToken},
                           {"date", kDateToken},
                           {"time", kDateToken},
                           {"published", kDateToken},
                           {"posted", kDateToken | kPublishedToken},
                           {"pubdate", kDateToken | kPublishedToken},
                           {"datum", kDateToken},
                           {"fecha", kDateToken},
                           {"runtime", kNotDateToken},
                           {"timeline", kNotDateToken},
                           {"datepicker", kNotDateToken},
                           {"update", kNotDateToken | kModifiedToken},
                           {"modified", kModifiedToken},
                           {"publish", kPublishedToken},
                           {"created", kPublishedToken},
                           {"byl", kBylineStem},
                           {"author", kBylineStem},
                           {"auteur", kBylineStem},
                           {"autor", kBylineStem},
                           {"writer", kBylineStem}};
static_assert([] {
  for (const Stem& st : kStems)
    if (st.text.size() < 3) return false;
  return true;
}());

// The TokenFlags of one class or id value. The stems hold no spaces, so one search over the
// lower-cased value answers a "does any token contain" question; only the byline rule looks
// at tokens one by one. Measured: one pass that tries, at each letter, the stems starting with
// it costs a third of a search per stem (a page has thousands of class and id values).
unsigned FlagsOf(std::string_view attr) {
  static const auto by_letter = [] {
    std::array<std::vector<Stem>, 26> table;
    for (const Stem& st : kStems) table[st.text[0] - 'a'].push_back(st);
    return table;
  }();
  thread_local std::string buffer;
  buffer.assign(attr);
  for (char& c : buffer)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  std::string_view all = buffer;
  unsigned f = 0;
  // Every stem has three letters or more: the second letter, compared inline, rules out most
  // candidates before a memcmp call (measured: the calls were a fifth of this function).
  for (size_t i = 0; i + 2 < all.size(); ++i) {
    char c = all[i];
    if (c < 'a' || c > 'z') continue;
    for (const Stem& st : by_letter[c - 'a'])
      if (st.text[1] == all[i + 1] && st.text.size() <= all.size() - i &&
          std::memcmp(all.data() + i + 2, st.text.data() + 2, st.text.size() - 2) == 0)
        f |= st.flags;
  }
  if (f & kBylineStem) {
    f &= ~kBylineStem;
    size_t pos = 0;
    while (pos < all.size() && !(f & kBylineToken)) {
      while (pos < all.size() && std::isspace(static_cast<unsigned char>(all[pos]))) ++pos;
      size_t end = pos;
      while (end < all.size() && !std::isspace(static_cast<unsigned char>(all[end]))) ++end;
      if (end > pos && IsBylineToken(all.substr(pos, end - pos))) f |= kBylineToken;
      pos = end;
    }
  }
  return f;
}

// The TokenFlags of an element: those of its class value OR those of its id value.
// Measured: tokenising and lower-casing class/id per element and asking each question token by
// token was the largest cost of the metadata walk; a page repeats a few hundred class values
// over thousands of elements, so their flags are remembered (bounded, per thread). The memory is
// a direct-mapped table of 1024 slots (a later value takes an earlier one's slot): measured, a
// node-based hash map spent most of its lookup waiting on cache misses.
unsigned TokenFlags(const ElementAttrs& e) {
  constexpr size_t kMaxCachedClass = 256;
  constexpr size_t kSlots = 1024;
  struct Slot {
    size_t hash = 0;
    std::string value;
    unsigned flags = 0;
    bool used = false;
  };
  unsigned f = 0;
  if (!e.cls.empty() && e.cls.size() <= kMaxCachedClass) {
    thread_local std::vector<Slot> cache(kSlots);
    size_t h = std::hash<std::string_view>{}(e.cls);
    Slot& slot = cache[h & (kSlots - 1)];
    if (slot.used && slot.hash == h && slot.value == e.cls) {
      f = slot.flags;
    } else {
      f = FlagsOf(e.cls);
      slot.hash = h;
      slot.value.assign(e.cls);
      slot.flags = f;
      slot.used = true;
    }
  } else if (!e.cls.empty()) {
    f = FlagsOf(e.cls);
  }
  if (!e.id.empty()) f |= FlagsOf(e.id);
  return f;
}

// The element names the metadata walk asks about. Measured: comparing each element's name with
// some twenty strings was a tenth of the walk; one switch on the first letter names it once.
enum class Tag : unsigned char {
  kOther,
  kHtml,
  kTitle,
  kMeta,
  kLink,
  kBase,
  kScript,
  kSkip,  // style, svg, template, select, textarea, noscript, iframe, canvas: nothing to read
  kA,
  kH1,
  kTime,
  kArticle,
  kNoByline /* img, input, form */,
  kNav,
  kFooter,
  kAside,
  kButton,
  kLayout /* body, main */,
  kHeader
};

Tag TagOf(const xmlNode* n) {
  const char* s = reinterpret_cast<const char*>(n->name);
  if (!s) return Tag::kOther;
  auto is = [s](const char* name) { return std::strcmp(s, name) == 0; };
  switch (s[0]) {
    case 'a':
      if (s[1] == 0) return Tag::kA;
      if (is("article")) return Tag::kArticle;
      if (is("aside")) return Tag::kAside;
      break;
    case 'b':
      if (is("base")) return Tag::kBase;
      if (is("body")) return Tag::kLayout;
      if (is("button")) return Tag::kButton;
      break;
    case 'c':
      if (is("canvas")) return Tag::kSkip;
      break;
    case 'f':
      if (is("footer")) return Tag::kFooter;
      if (is("form")) return Tag::kNoByline;
      break;
    case 'h':
      if (is("h1")) return Tag::kH1;
      if (is("header")) return Tag::kHeader;
      if (is("html")) return Tag::kHtml;
      break;
    case 'i':
      if (is("img") || is("input")) return Tag::kNoByline;
      if (is("iframe")) return Tag::kSkip;
      break;
    case 'l':
      if (is("link")) return Tag::kLink;
      break;
    case 'm':
      if (is("meta")) return Tag::kMeta;
      if (is("main")) return Tag::kLayout;
      break;
    case 'n':
      if (is("nav")) return Tag::kNav;
      if (is("noscript")) return Tag::kSkip;
      break;
    case 's':
      if (is("script")) return Tag::kScript;
      if (is("style") || is("svg") || is("select")) return Tag::kSkip;
      break;
    case 't':
      if (is("title")) return Tag::kTitle;
      if (is("time")) return Tag::kTime;
      if (is("template") || is("textarea")) return Tag::kSkip;
      break;
    default:
      break;
  }
  return Tag::kOther;
}

// Rule: page chrome holds other articles' bylines and dates (comments, related lists, footers).
// An <aside> inside the <article> is the article's own furniture (byline, date, licence), and
// classes on html/body/main/article describe the page layout ("sidebar-primary"), not chrome.
// (noscript, template, select, textarea and svg are chrome too; the walk skips them whole.)
bool IsChromeSubtree(Tag tag, unsigned token_flags, bool in_article) {
  if (tag == Tag::kNav || tag == Tag::kFooter || (tag == Tag::kAside && !in_article) ||
      tag == Tag::kButton || tag == Tag::kSkip)
    return true;
  if (tag == Tag::kHtml || tag == Tag::kLayout || tag == Tag::kArticle) return false;
  return (token_flags & kChromeToken) != 0;
}

// " author " in rel="author nofollow": rel holds space-separated link types.
bool HasRelToken(std::string_view rel, std::string_view type) {
  size_t pos = 0;
  while (pos < rel.size()) {
    size_t end = rel.find(' ', pos);
    if (end == std::string_view::npos) end = rel.size();
    if (rel.substr(pos, end - pos) == type) return true;
    pos = end + 1;
  }
  return false;
}

void Push(std::vector<std::string>* v, std::string s) {
  if (!s.empty() && v->size() < kMaxCandidates) v->push_back(std::move(s));
}

// Rule: a byline's lead word outside the element that holds the name, with no class naming
// either ("By <a href=/people/x>Jane Roe</a>, <a>John Doe</a>", "Par<span>Jean Dupont</span>",
// "<span>Von</span> <span>Max Muster</span>"). The lead word is `n`'s first text, or all of
// `n`'s text; the names are the inline elements right after it, joined by commas or "and".
// Each name must have two words or more: "By <b>Tuesday</b>, ..." opens a sentence. Returns the
// names joined by ", ", or "". Cheap on the elements that are no byline: one look at the first
// child.
// Whether `n`'s first text may start with a lead word: a first letter that starts none ends it.
// Runs on every element the walk visits, so it is inline and touches one byte past the
// whitespace; NamesAfterLeadWord does the rest.
inline bool MayStartWithLeadWord(const xmlNode* n, size_t* skip) {
  const xmlNode* first = n->children;
  if (!first || first->type != XML_TEXT_NODE || !first->content) return false;
  const xmlChar* content = first->content;
  size_t i = 0;
  while (i < 16 &&
         (content[i] == ' ' || content[i] == '\n' || content[i] == '\t' || content[i] == '\r'))
    ++i;
  *skip = i;
  switch (content[i] | 0x20) {
    case 'a':
    case 'b':
    case 'd':
    case 'e':
    case 'p':
    case 'r':
    case 's':
    case 'v':
    case 'w':
      return true;
    default:
      return false;
  }
}

// Call only when MayStartWithLeadWord(n, &skip) holds.
std::string NamesAfterLeadWord(const xmlNode* n, size_t skip) {
  const xmlNode* first = n->children;
  // Bounded look: a text node may be a whole paragraph.
  const char* content = reinterpret_cast<const char*>(first->content);
  std::string_view lead(content, skip + strnlen(content + skip, 41));
  if (lead.size() > skip + 40 || !IsBylineLeadWord(lead)) return "";
  // Lead word in its own element: the names follow `n`.
  const xmlNode* name = first->next ? first->next : n->next;
  std::string out;
  for (int k = 0; k < 6 && name; ++k) {
    // Between two names only whitespace, a comma or a joining word.
    while (name && name->type == XML_TEXT_NODE) {
      std::string between =
          name->content ? Lower(reinterpret_cast<const char*>(name->content)) : "";
      if (k > 0) between.erase(std::remove(between.begin(), between.end(), ','), between.end());
      between = CollapseSpace(between);
      if (!(between.empty() || (k > 0 && (between == "and" || between == "&" || between == "et" ||
                                          between == "und" || between == "y" || between == "e"))))
        return out;
      name = name->next;
    }
    if (!name || name->type != XML_ELEMENT_NODE || IsBlockTag(Name(name)) || IsHeading(Name(name)))
      break;
    std::string text = TextOf(name);
    if (CountWords(text) < 2 || text.size() >= 100) break;
    out += out.empty() ? text : ", " + text;
    name = name->next;
  }
  return out;
}

bool HasElementChild(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return true;
  return false;
}

void CollectBreadcrumb(const xmlNode* n, std::vector<std::string>* items, int depth) {
  for (const xmlNode* k = n; k && depth < 16 && items->size() < 12; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    std::string_view t = Name(k);
    if (t == "a" || t == "li" || (t == "span" && !HasElementChild(k)) ||
        (t == "span" && Attr(k, "itemprop") == "name")) {
      std::string text = TextOf(k);
      if (!text.empty() && text.size() < 60 && text != ">" && text != "/" && text != "›" &&
          text != "»")
        if (items->empty() || items->back() != text) items->push_back(text);
      continue;
    }
    CollectBreadcrumb(k->children, items, depth + 1);
  }
}

std::string ItempropName(const xmlNode* n, int depth = 0) {
  for (const xmlNode* c = n->children; c && depth < 8; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Lower(Attr(c, "itemprop")) == "name") {
      std::string v = Attr(c, "content");
      return v.empty() ? TextOf(c) : CollapseSpace(v);
    }
    std::string inner = ItempropName(c, depth + 1);
    if (!inner.empty()) return inner;
  }
  return "";
}

// Letters and digits only, lower-cased: the comparison key for "do two sources agree".
std::string Key(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80)
      out += c;
    else if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
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
  if (h.empty() || StartsWith(Lower(h), "javascript:") || StartsWith(Lower(h), "data:")) return "";
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
    std::string l = Lower(*it);
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

}  // namespace

MetadataWalk::MetadataWalk() : ps_(std::make_unique<PageSignals>()) {}
MetadataWalk::~MetadataWalk() = default;

MetadataWalk::Context MetadataWalk::Element(const xmlNode* c, Context up, int depth,
                                            const ElementAttrs* scanned) {
  const Context done{up.chrome, up.in_article, true, up.banner};
  if (up.done || c->type != XML_ELEMENT_NODE || depth > kMaxWalkDepth) return done;
  PageSignals* ps = ps_.get();
  const bool chrome = up.chrome, in_article = up.in_article;
  {
    const Tag t = TagOf(c);
    if (t == Tag::kHtml && ps->html_lang.empty()) {
      ps->html_lang = Attr(c, "lang");
      if (ps->html_lang.empty()) ps->html_lang = Attr(c, "xml:lang");
    } else if (t == Tag::kTitle && ps->title_tag.empty() && !chrome) {
      ps->title_tag = DecodeHtmlEntities(TextOf(c));
      return done;
    } else if (t == Tag::kMeta) {
      std::string_view content = AttrView(c, "content");
      if (content.empty()) content = AttrView(c, "value");
      if (content.empty()) return done;
      for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
        std::string keys = Lower(AttrView(c, attr));
        if (keys.empty()) continue;
        // Rule: property="dc:title og:title" names several properties at once.
        size_t pos = 0;
        while (pos < keys.size()) {
          size_t end = keys.find(' ', pos);
          if (end == std::string::npos) end = keys.size();
          std::string key = keys.substr(pos, end - pos);
          if (std::strcmp(attr, "itemprop") == 0) key = "itemprop:" + key;
          // Dublin Core is written "DC.title", "dc:title" and "dcterms:title".
          if (StartsWith(key, "dc:")) key[2] = '.';
          if (StartsWith(key, "dcterms:")) key[7] = '.';
          // Content escaped twice ("&amp;#8216;") is decoded once more, as browsers show it.
          if (!key.empty() && ps->meta[key].size() < kMaxCandidates)
            ps->meta[key].emplace_back(DecodeHtmlEntities(content));
          pos = end + 1;
        }
      }
      return done;
    } else if (t == Tag::kLink) {
      std::string rel = Lower(AttrView(c, "rel"));
      if (rel == "canonical" && ps->canonical.empty())
        ps->canonical = Attr(c, "href");
      else if (rel == "license" && ps->rel_license.empty())
        ps->rel_license = Attr(c, "href");
      else if (rel == "image_src" && ps->image_src.empty())
        ps->image_src = Attr(c, "href");
      return done;
    } else if (t == Tag::kBase && ps->base_href.empty()) {
      ps->base_href = Attr(c, "href");
    } else if (t == Tag::kScript) {
      if (Lower(AttrView(c, "type")).find("ld+json") != std::string::npos) {
        xmlChar* s = xmlNodeGetContent(c);
        if (s) ps->jsonld.AddBlock(reinterpret_cast<const char*>(s));
        xmlFree(s);
      }
      return done;
    } else if (t == Tag::kSkip) {
      // Chrome that never holds a byline, date, breadcrumb or tag link; measured: icon sprites
      // (svg) and menus (select) hold a good share of a page's elements.
      return done;
    }
    ElementAttrs attrs = scanned ? *scanned : ScanAttrs(c);
    unsigned flags = TokenFlags(attrs);
    bool here_chrome = chrome || IsChromeSubtree(t, flags, in_article);
    bool banner =
        up.banner ||
        (!in_article && (t == Tag::kHeader || (flags & kBannerToken) || attrs.role == "banner"));
    // Only before the headline: a <header> that holds the <h1> is the article's own.
    bool banner_date = banner && !ps->h1_seen;
    std::string itemprop = Lower(attrs.itemprop);
    std::string rel = Lower(attrs.rel);
    if (t == Tag::kA && HasRelToken(rel, "tag") && ps->rel_tags.size() < 30) {
      std::string tag = TextOf(c);
      if (!tag.empty() && tag.size() < 60) ps->rel_tags.push_back(tag);
    }
    if (t == Tag::kA && rel == "license" && ps->rel_license.empty())
      ps->rel_license = Attr(c, "href");
    // Breadcrumbs usually sit in a <nav>: read them whatever the chrome flag says.
    if (ps->breadcrumb.empty() &&
        ((flags & kBreadcrumbToken) ||
         Lower(attrs.aria_label).find("breadcrumb") != std::string::npos ||
         attrs.itemtype.find("BreadcrumbList") != std::string::npos)) {
      CollectBreadcrumb(c->children, &ps->breadcrumb, 0);
    }
    if (!here_chrome) {
      if (t == Tag::kH1) ps->h1_seen = true;
      if (t == Tag::kH1 && ps->h1s.size() < 4) Push(&ps->h1s, TextOf(c));
      if (itemprop.find("author") != std::string::npos) {
        std::string name = ItempropName(c);
        Push(&ps->byline_itemprop, name.empty() ? TextOf(c) : name);
      }
      if (t == Tag::kA && HasRelToken(rel, "author")) Push(&ps->byline_rel, TextOf(c));
      bool byline = (flags & kBylineToken) != 0;
      if (byline && t != Tag::kNoByline) {
        std::string text = TextOf(c, " ; ");
        if (text.size() < 200) Push(&ps->byline_class, text);
      }
      if (t != Tag::kNoByline && !IsHeading(Name(c)) && ps->byline_lead.size() < kMaxCandidates)
        if (size_t skip = 0; MayStartWithLeadWord(c, &skip))
          Push(&ps->byline_lead, NamesAfterLeadWord(c, skip));
      // Dates in markup.
      auto attr_or_text = [&]() {
        std::string v = Attr(c, "datetime");
        if (v.empty()) v = Attr(c, "content");
        return v.empty() ? TextOf(c) : v;
      };
      if (banner_date && (t == Tag::kTime || itemprop == "datepublished" ||
                          ((flags & kDateToken) && !(flags & kNotDateToken)))) {
        std::string v = t == Tag::kTime || !itemprop.empty() ? attr_or_text() : TextOf(c);
        if (!v.empty() && v.size() < 160) Push(&ps->banner_dates, v);
      } else if (itemprop == "datepublished" || itemprop == "datecreated") {
        Push(&ps->published_dom, attr_or_text());
      } else if (itemprop == "datemodified") {
        Push(&ps->modified_dom, attr_or_text());
      }
      if (banner_date) {
        // Read above; nothing here is the story's date.
      } else if (t == Tag::kTime) {
        bool modified = (flags & kModifiedToken) != 0;
        bool published =
            xmlHasProp(c, reinterpret_cast<const xmlChar*>("pubdate")) || (flags & kPublishedToken);
        std::string v = attr_or_text();
        if (modified)
          Push(&ps->modified_dom, v);
        else if (published)
          Push(&ps->published_dom, v);
        if (ps->first_time.empty() && !modified) ps->first_time = v;
      } else if ((flags & kDateToken) && !(flags & kNotDateToken)) {
        std::string text = TextOf(c);
        if (!text.empty() && text.size() < 160)
          Push(IsModifiedLabel(text) ? &ps->modified_texts : &ps->date_texts, text);
      }
    }
    return Context{here_chrome, in_article || t == Tag::kArticle, false, banner};
  }
}

void MetadataWalk::Siblings(const xmlNode* first, Context ctx, int depth) {
  if (ctx.done) return;
  for (const xmlNode* c = first; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    Context in = Element(c, ctx, depth);
    if (!in.done) Siblings(c->children, in, depth + 1);
  }
}

void ReadHtmlMetadata(const xmlNode* root, const core::RawDocument& doc,
                      const ExtractOptions& options, core::Article* a) {
  MetadataWalk walk;
  walk.Siblings(root, MetadataWalk::Context{}, 0);
  walk.Resolve(doc, options, a);
}

void MetadataWalk::Resolve(const core::RawDocument& doc, const ExtractOptions& options,
                           core::Article* a) {
  const PageSignals& ps = *ps_;
  MetadataScratch& scratch = ThreadMetadataScratch();
  scratch = MetadataScratch{};
  auto meta = [&](std::initializer_list<const char*> keys) { return FirstMeta(ps, keys); };
  auto hint = [&](const char* k) {
    auto it = doc.hints.find(k);
    return it == doc.hints.end() ? std::string() : CollapseSpace(it->second);
  };

  std::string og_title = meta({"og:title"});
  const json* ld = ps.jsonld.Article(!og_title.empty() ? og_title : ps.title_tag);
  static const json kNone = json::object();
  const json& art = ld ? *ld : kNone;
  const JsonLdGraph& g = ps.jsonld;
  auto ld_text = [&](const char* key) { return ld ? JsonLdText(g, art, key) : std::string(); };

  // URLs. Rule: rel=canonical is the page's own statement of its canonical URL and names the
  // article across containers, so it outranks JSON-LD here; a canonical pointing at the site's
  // home page (a common CMS default) is ignored.
  std::string base = !ps.base_href.empty()
                         ? ResolveUrl(ps.base_href, !doc.url.empty() ? doc.url : options.base_url)
                         : (!doc.url.empty() ? doc.url : options.base_url);
  auto not_home = [&](std::string u) {
    u = ResolveUrl(u, base);
    size_t scheme = u.find("://");
    if (scheme == std::string::npos) return std::string();
    size_t path = u.find('/', scheme + 3);
    bool home = path == std::string::npos || u.find_first_not_of('/', path) == std::string::npos;
    return home && !doc.url.empty() && HostOf(doc.url) == HostOf(u) && doc.url.size() > u.size() + 1
               ? std::string()
               : u;
  };
  std::string ld_url;
  if (ld) {
    ld_url = JsonLdText(g, art, "mainEntityOfPage");
    if (ld_url.find("://") == std::string::npos) ld_url = ld_text("url");
    if (ld_url.find("://") == std::string::npos) ld_url.clear();
  }
  Choose(a, "canonical_url", &a->canonical_url,
         {{not_home(ps.canonical), "dom"},
          {not_home(ld_url), "jsonld"},
          {not_home(meta({"og:url"})), "opengraph"}},
         SameText);
  a->url = !doc.url.empty()            ? doc.url
           : !a->canonical_url.empty() ? a->canonical_url
                                       : options.base_url;
  if (!a->url.empty())
    a->field_sources["url"] = !doc.url.empty()             ? "input"
                              : a->url == a->canonical_url ? a->field_sources["canonical_url"]
                                                           : "input";
  a->host = HostOf(!a->canonical_url.empty() ? a->canonical_url : a->url);
  if (!a->host.empty()) a->field_sources["host"] = "url";

  // Site name.
  std::string ld_site = ld ? JsonLdText(g, art, "publisher") : "";
  if (ld_site.find("://") != std::string::npos) ld_site.clear();
  if (ld_site.empty())
    if (const json* site = g.FirstOfType("WebSite")) ld_site = JsonLdText(g, *site, "name");
  Choose(a, "site_name", &a->site_name,
         {{CleanSiteName(ld_site), "jsonld"},
          {CleanSiteName(meta({"og:site_name"})), "opengraph"},
          {CleanSiteName(meta({"application-name", "dc.publisher", "dcterms.publisher", "publisher",
                               "itemprop:publisher", "apple-mobile-web-app-title"})),
           "meta"},
          {CleanSiteName(hint("site_name")), "hint"}},
         SameText);

  // Authors (before the title: a title segment naming the author is an affix).
  std::vector<std::string> agencies;
  std::vector<std::string> authors;
  std::string author_source;
  std::string agencies_source;
  auto note_agencies = [&](const char* source) {
    if (agencies_source.empty() && !agencies.empty()) agencies_source = source;
  };
  if (ld) {
    authors = JsonLdAuthors(g, art, &agencies);
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
  if (authors.empty() && !hint("author").empty()) {
    authors = CleanAuthorNames({hint("author")}, &agencies);
    author_source = "hint";
  }
  if (!authors.empty()) {
    a->authors = authors;
    a->field_sources["authors"] = author_source;
    a->field_confidence["authors"] = SourceConfidence(author_source);
  }
  if (!agencies.empty()) {
    scratch.agencies = agencies;
    scratch.agencies_source = agencies_source;
  }

  // Title. JSON-LD's headline, or its name when that is closer to what the page shows
  // (some pages put a type description in "headline").
  std::string shown = !og_title.empty() ? og_title : ps.title_tag;
  std::string ld_title = ld_text("headline");
  std::string ld_name = ld_text("name");
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
          {strip(og_title), "opengraph"},
          {strip(meta({"dc.title", "dcterms.title", "parsely-title", "sailthru.title",
                       "twitter:title", "title", "itemprop:headline"})),
           "meta"},
          {dom_title, "dom"},
          {strip(hint("title")), "hint"}},
         [&](const std::string& x, const std::string& y) { return SameText(strip(x), y); });
  if (a->field_sources["title"] == "jsonld")
    a->title = StripTitleAffixes(a->title, a->site_name, "", {});
  if (a->title.empty()) a->field_sources.erase("title");

  // Dates, read against the crawl date (relative phrases, the future check).
  std::string declared = NormalizeLanguageTag(ps.html_lang);
  DateContext ctx = MakeDateContext(doc.provenance.crawl_date, MonthFirstLanguage(declared));
  auto date = [&](const std::string& s) { return ParseDate(s, ctx); };
  auto first_date = [&](const std::vector<std::string>& values) {
    for (const auto& v : values)
      if (std::string d = date(v); !d.empty()) return d;
    return std::string();
  };
  Choose(
      a, "date_modified", &a->date_modified,
      {{date(ld_text("dateModified")), "jsonld"},
       {date(meta({"article:modified_time", "og:updated_time", "article:modified"})), "opengraph"},
       {date(meta({"dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
                   "parsely-updated", "itemprop:datemodified", "sailthru.lastmodified"})),
        "meta"},
       {first_date(ps.modified_dom), "dom"},
       {first_date(ps.modified_texts), "dom"}},
      SameDay);
  std::vector<Candidate> published = {
      {date(ld_text("datePublished")), "jsonld"},
      {date(meta({"article:published_time", "og:published_time", "article:published"})),
       "opengraph"},
      {date(ld_text("dateCreated")), "jsonld"},
      {date(meta({"datepublished",
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
      {date(hint("date_published")), "hint"},
      {DateFromUrl(a->canonical_url.empty() ? a->url : a->canonical_url, ctx), "url"},
      {first_date(ps.banner_dates), "dom"},
  };
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

  // Section and tags.
  std::vector<std::string> ld_crumbs;
  if (const json* bl = g.FirstOfType("BreadcrumbList")) {
    auto items = bl->find("itemListElement");
    if (items != bl->end() && items->is_array()) {
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
      for (auto& [pos, name] : ordered) ld_crumbs.push_back(name);
    }
  }
  Choose(a, "section", &a->section,
         {{ld_text("articleSection"), "jsonld"},
          {SectionFromCrumbs(ld_crumbs, a->title), "jsonld"},
          {meta({"article:section"}), "opengraph"},
          {meta({"section", "article-section", "parsely-section", "sailthru.section", "category"}),
           "meta"},
          {SectionFromCrumbs(ps.breadcrumb, a->title), "dom"},
          {hint("section"), "hint"},
          {SectionFromUrl(a->canonical_url.empty() ? a->url : a->canonical_url), "url"}},
         SameText);

  std::vector<std::pair<std::vector<std::string>, const char*>> tag_sources = {
      {ld ? SplitTags(JsonLdStrings(g, art, "keywords")) : std::vector<std::string>{}, "jsonld"},
      {ps.meta.count("article:tag") ? SplitTags(ps.meta.at("article:tag"))
                                    : std::vector<std::string>{},
       "opengraph"},
      {SplitTags({meta({"news_keywords", "keywords", "parsely-tags", "sailthru.tags"})}), "meta"},
      {SplitTags(ps.rel_tags), "dom"}};
  for (auto& [tags, source] : tag_sources) {
    if (tags.empty()) continue;
    a->tags = std::move(tags);
    a->field_sources["tags"] = source;
    a->field_confidence["tags"] = SourceConfidence(source);
    break;
  }

  // Description, image, licence, access.
  Choose(a, "description", &a->description,
         {{ld_text("description"), "jsonld"},
          {meta({"og:description"}), "opengraph"},
          {meta({"description", "twitter:description", "dc.description", "dcterms.description"}),
           "meta"},
          {hint("description"), "hint"}},
         SameText);
  std::string ld_image = ld ? JsonLdText(g, art, "image") : "";
  if (ld_image.empty() && ld) ld_image = JsonLdText(g, art, "thumbnailUrl");
  Choose(
      a, "image", &a->image,
      {{ResolveUrl(ld_image, base), "jsonld"},
       {ResolveUrl(meta({"og:image:secure_url", "og:image", "og:image:url"}), base), "opengraph"},
       {ResolveUrl(meta({"twitter:image", "twitter:image:src", "itemprop:image", "thumbnail"}),
                   base),
        "meta"},
       {ResolveUrl(ps.image_src, base), "dom"}},
      SameText);
  Choose(a, "license", &a->license,
         {{ld_text("license"), "jsonld"},
          {ResolveUrl(ps.rel_license, base), "dom"},
          {meta({"dcterms.license", "dc.rights", "dcterms.rights", "license"}), "meta"}},
         SameText);
  if (ld && art.contains("isAccessibleForFree")) {
    const json& v = art["isAccessibleForFree"];
    std::string s = v.is_boolean()  ? (v.get<bool>() ? "true" : "false")
                    : v.is_string() ? Lower(v.get<std::string>())
                                    : "";
    if (s == "true" || s == "false") {
      a->is_free = s == "true";
      a->field_sources["is_free"] = "jsonld";
      a->field_confidence["is_free"] = SourceConfidence("jsonld");
    }
  }
  if (!a->is_free.has_value()) {
    std::string tier = Lower(meta({"article:content_tier"}));
    if (tier == "free" || tier == "locked") {
      a->is_free = tier == "free";
      a->field_sources["is_free"] = "opengraph";
      a->field_confidence["is_free"] = SourceConfidence("opengraph");
    }
  }
  if (ld && art.contains("articleBody") && art["articleBody"].is_string()) {
    scratch.jsonld_body = art["articleBody"].get<std::string>();
    scratch.jsonld_body_chars = scratch.jsonld_body.size();
  }

  // Declared language; the text has the last word in FinishMetadata. <html lang> ranks above
  // og:locale here: themes ship og:locale "en_US" as a default far more often than a wrong lang.
  std::string ld_lang = NormalizeLanguageTag(ld_text("inLanguage"));
  std::string og_locale = NormalizeLanguageTag(meta({"og:locale"}));
  std::string meta_lang =
      NormalizeLanguageTag(meta({"content-language", "dc.language", "language"}));
  for (const auto& [value, source] : {std::pair{ld_lang, "jsonld"},
                                      {declared, "dom"},
                                      {og_locale, "opengraph"},
                                      {meta_lang, "meta"}}) {
    if (value.empty()) continue;
    scratch.declared_language = value;
    scratch.declared_source = source;
    a->language = value;
    a->field_sources["language"] = source;
    break;
  }
}

}  // namespace wirebrief::extract::detail
