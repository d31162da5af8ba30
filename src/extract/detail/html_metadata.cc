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
#include "extract/detail/page_signals.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {

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
  // A reuse buffer only (no value survives a call): the lower-cased value without an
  // allocation per class and id value (1141ba1, measured with metadata_bench).
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
          name->content ? core::AsciiLower(reinterpret_cast<const char*>(name->content)) : "";
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
    if (core::AsciiLower(Attr(c, "itemprop")) == "name") {
      std::string v = Attr(c, "content");
      return v.empty() ? TextOf(c) : CollapseSpace(v);
    }
    std::string inner = ItempropName(c, depth + 1);
    if (!inner.empty()) return inner;
  }
  return "";
}

// Rule: property="dc:title og:title" names several properties at once; Dublin Core is written
// "DC.title", "dc:title" and "dcterms:title". Content escaped twice ("&amp;#8216;") is decoded
// once more, as browsers show it.
void ReadMetaTag(const xmlNode* c, PageSignals* ps) {
  std::string_view content = AttrView(c, "content");
  if (content.empty()) content = AttrView(c, "value");
  if (content.empty()) return;
  for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
    std::string keys = core::AsciiLower(AttrView(c, attr));
    if (keys.empty()) continue;
    size_t pos = 0;
    while (pos < keys.size()) {
      size_t end = keys.find(' ', pos);
      if (end == std::string::npos) end = keys.size();
      std::string key = keys.substr(pos, end - pos);
      if (std::strcmp(attr, "itemprop") == 0) key = "itemprop:" + key;
      if (StartsWith(key, "dc:")) key[2] = '.';
      if (StartsWith(key, "dcterms:")) key[7] = '.';
      if (!key.empty() && ps->meta[key].size() < kMaxCandidates)
        ps->meta[key].emplace_back(DecodeHtmlEntities(content));
      pos = end + 1;
    }
  }
}

// The elements that say something about the page as a whole (<html lang>, <title>, <meta>,
// <link>, <base>, JSON-LD scripts), and those with nothing to read. True when `c`'s subtree
// holds nothing more for the walk.
bool ReadPageElement(const xmlNode* c, Tag t, bool chrome, PageSignals* ps) {
  if (t == Tag::kHtml && ps->html_lang.empty()) {
    ps->html_lang = Attr(c, "lang");
    if (ps->html_lang.empty()) ps->html_lang = Attr(c, "xml:lang");
  } else if (t == Tag::kTitle && ps->title_tag.empty() && !chrome) {
    ps->title_tag = DecodeHtmlEntities(TextOf(c));
    return true;
  } else if (t == Tag::kMeta) {
    ReadMetaTag(c, ps);
    return true;
  } else if (t == Tag::kLink) {
    std::string rel = core::AsciiLower(AttrView(c, "rel"));
    if (rel == "canonical" && ps->canonical.empty())
      ps->canonical = Attr(c, "href");
    else if (rel == "license" && ps->rel_license.empty())
      ps->rel_license = Attr(c, "href");
    else if (rel == "image_src" && ps->image_src.empty())
      ps->image_src = Attr(c, "href");
    return true;
  } else if (t == Tag::kBase && ps->base_href.empty()) {
    ps->base_href = Attr(c, "href");
  } else if (t == Tag::kScript) {
    if (core::AsciiLower(AttrView(c, "type")).find("ld+json") != std::string::npos) {
      xmlChar* s = xmlNodeGetContent(c);
      if (s) ps->jsonld.AddBlock(reinterpret_cast<const char*>(s));
      xmlFree(s);
    }
    return true;
  } else if (t == Tag::kSkip) {
    // Chrome that never holds a byline, date, breadcrumb or tag link; measured: icon sprites
    // (svg) and menus (select) hold a good share of a page's elements.
    return true;
  }
  return false;
}

// Tag links, a licence link and the breadcrumb trail; read whatever the chrome flag says
// (breadcrumbs usually sit in a <nav>).
void ReadLinksAndBreadcrumb(const xmlNode* c, Tag t, const ElementAttrs& attrs, unsigned flags,
                            const std::string& rel, PageSignals* ps) {
  if (t == Tag::kA && HasRelToken(rel, "tag") && ps->rel_tags.size() < 30) {
    std::string tag = TextOf(c);
    if (!tag.empty() && tag.size() < 60) ps->rel_tags.push_back(tag);
  }
  if (t == Tag::kA && rel == "license" && ps->rel_license.empty())
    ps->rel_license = Attr(c, "href");
  if (ps->breadcrumb.empty() &&
      ((flags & kBreadcrumbToken) ||
       core::AsciiLower(attrs.aria_label).find("breadcrumb") != std::string::npos ||
       attrs.itemtype.find("BreadcrumbList") != std::string::npos)) {
    CollectBreadcrumb(c->children, &ps->breadcrumb, 0);
  }
}

// Byline candidates outside chrome: microdata, rel=author links, byline-named elements, and a
// lead word before an unnamed element.
void ReadBylines(const xmlNode* c, Tag t, unsigned flags, const std::string& itemprop,
                 const std::string& rel, PageSignals* ps) {
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
}

// Dates in markup outside chrome. `banner_date`: the element is in the site's banner before
// the headline, where a date is the day's, kept apart as the weakest evidence.
void ReadDates(const xmlNode* c, Tag t, unsigned flags, const std::string& itemprop,
               bool banner_date, PageSignals* ps) {
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

}  // namespace

MetadataWalk::MetadataWalk() : ps_(std::make_unique<PageSignals>()) {}
MetadataWalk::~MetadataWalk() = default;

MetadataWalk::Context MetadataWalk::Element(const xmlNode* c, Context up, int depth,
                                            const ElementAttrs* scanned) {
  const Context done{up.chrome, up.in_article, true, up.banner};
  if (up.done || c->type != XML_ELEMENT_NODE || depth > kMaxWalkDepth) return done;
  PageSignals* ps = ps_.get();
  const bool chrome = up.chrome, in_article = up.in_article;
  const Tag t = TagOf(c);
  if (ReadPageElement(c, t, chrome, ps)) return done;
  ElementAttrs attrs = scanned ? *scanned : ScanAttrs(c);
  unsigned flags = TokenFlags(attrs);
  bool here_chrome = chrome || IsChromeSubtree(t, flags, in_article);
  bool banner =
      up.banner ||
      (!in_article && (t == Tag::kHeader || (flags & kBannerToken) || attrs.role == "banner"));
  // Only before the headline: a <header> that holds the <h1> is the article's own.
  bool banner_date = banner && !ps->h1_seen;
  std::string itemprop = core::AsciiLower(attrs.itemprop);
  std::string rel = core::AsciiLower(attrs.rel);
  ReadLinksAndBreadcrumb(c, t, attrs, flags, rel, ps);
  if (!here_chrome) {
    if (t == Tag::kH1) ps->h1_seen = true;
    if (t == Tag::kH1 && ps->h1s.size() < 4) Push(&ps->h1s, TextOf(c));
    ReadBylines(c, t, flags, itemprop, rel, ps);
    ReadDates(c, t, flags, itemprop, banner_date, ps);
  }
  return Context{here_chrome, in_article || t == Tag::kArticle, false, banner};
}

void MetadataWalk::Siblings(const xmlNode* first, Context ctx, int depth) {
  if (ctx.done) return;
  for (const xmlNode* c = first; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    Context in = Element(c, ctx, depth);
    if (!in.done) Siblings(c->children, in, depth + 1);
  }
}

PageFacts ReadHtmlMetadata(const xmlNode* root, const core::RawDocument& doc,
                           const ExtractOptions& options, core::Article* a) {
  MetadataWalk walk;
  walk.Siblings(root, MetadataWalk::Context{}, 0);
  return walk.Resolve(doc, options, a);
}

}  // namespace wirebrief::extract::detail
