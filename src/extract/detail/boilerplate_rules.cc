#include "core/text.h"
#include "extract/detail/boilerplate_rules.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "extract/detail/dom.h"
#include "extract/detail/metadata.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

enum class Word : unsigned char { kContent, kWeak, kStrong, kCaption };

// Word lists are written for this project from the class names news CMSs use. A strong word
// names furniture outright; a weak word also appears as a layout modifier on wrappers that hold
// the article ("has-sidebar", "with-right-rail", "modal-enabled"), so html_article.cc keeps a
// weak-named element when most of the page's prose is inside it.
const std::unordered_map<std::string_view, Word>& WordTable() {
  static const std::unordered_map<std::string_view, Word> kTable = {
      // Content markers.
      {"article", Word::kContent},
      {"body", Word::kContent},
      {"content", Word::kContent},
      {"entry", Word::kContent},
      {"hentry", Word::kContent},
      {"main", Word::kContent},
      {"post", Word::kContent},
      {"text", Word::kContent},
      {"story", Word::kContent},
      {"blog", Word::kContent},
      {"prose", Word::kContent},
      {"articlebody", Word::kContent},
      {"richtext", Word::kContent},
      // Always furniture.
      {"share", Word::kStrong},
      {"sharing", Word::kStrong},
      {"shares", Word::kStrong},
      {"social", Word::kStrong},
      {"sharebar", Word::kStrong},
      {"related", Word::kStrong},
      {"comment", Word::kStrong},
      {"comments", Word::kStrong},
      {"disqus", Word::kStrong},
      {"cookie", Word::kStrong},
      {"cookies", Word::kStrong},
      {"consent", Word::kStrong},
      {"gdpr", Word::kStrong},
      {"newsletter", Word::kStrong},
      {"subscribe", Word::kStrong},
      {"subscription", Word::kStrong},
      {"signup", Word::kStrong},
      {"promo", Word::kStrong},
      {"promos", Word::kStrong},
      {"promotion", Word::kStrong},
      {"outbrain", Word::kStrong},
      {"taboola", Word::kStrong},
      {"breadcrumb", Word::kStrong},
      {"breadcrumbs", Word::kStrong},
      {"recommend", Word::kStrong},
      {"recommended", Word::kStrong},
      {"recommendations", Word::kStrong},
      {"trending", Word::kStrong},
      {"popular", Word::kStrong},
      {"mostread", Word::kStrong},
      {"mostpopular", Word::kStrong},
      {"sponsor", Word::kStrong},
      {"sponsored", Word::kStrong},
      {"byline", Word::kStrong},
      {"tags", Word::kStrong},
      {"bio", Word::kStrong},
      {"skip", Word::kStrong},
      {"readmore", Word::kStrong},
      {"login", Word::kStrong},
      {"popup", Word::kStrong},
      {"overlay", Word::kStrong},
      {"newsletters", Word::kStrong},
      {"follow", Word::kStrong},
      {"print", Word::kStrong},
      {"copyright", Word::kStrong},
      {"disclaimer", Word::kStrong},
      // Wrapper-prone furniture.
      {"ad", Word::kWeak},
      {"ads", Word::kWeak},
      {"advert", Word::kWeak},
      {"advertisement", Word::kWeak},
      {"advertising", Word::kWeak},
      {"adslot", Word::kWeak},
      {"sidebar", Word::kWeak},
      {"rail", Word::kWeak},
      {"nav", Word::kWeak},
      {"navbar", Word::kWeak},
      {"navigation", Word::kWeak},
      {"menu", Word::kWeak},
      {"banner", Word::kWeak},
      {"masthead", Word::kWeak},
      {"footer", Word::kWeak},
      {"toolbar", Word::kWeak},
      {"tools", Word::kWeak},
      {"widget", Word::kWeak},
      {"modal", Word::kWeak},
      {"meta", Word::kWeak},
      {"author", Word::kWeak},
      {"pagination", Word::kWeak},
      {"pager", Word::kWeak},
      {"topbar", Word::kWeak},
      {"subnav", Word::kWeak},
      {"dropdown", Word::kWeak},
      {"search", Word::kWeak},
      {"header", Word::kWeak},
      {"hidden", Word::kWeak},
      {"combx", Word::kWeak},
      // Captions and photo credits.
      {"caption", Word::kCaption},
      {"credit", Word::kStrong},
      {"credits", Word::kStrong},
      {"figcaption", Word::kCaption},
  };
  return kTable;
}

// Run-together names that do not split into words ("mostpopular", "relatedstories").
constexpr std::string_view kStrongStems[] = {
    "sharebar",    "socialshare", "share-",     "mostpopular",  "mostread",    "relatedarticle",
    "relatedstor", "relatedpost", "newsletter", "cookiebanner", "commentlist", "outbrain",
    "taboola",     "breadcrumb",  "author-bio", "authorbio",    "related-"};

// Names that mark the article body itself override any furniture word next to them.
constexpr std::string_view kBodyMarkers[] = {
    "article-body", "articlebody", "article__body", "article-content", "article__content",
    "story-body",   "storybody",   "story-content", "story-text",      "entry-content",
    "post-content", "post-body",   "postbody",      "article-text",    "body-text",
    "main-content", "maincontent", "content-body",  "post-entry",      "news-body"};

}  // namespace

NameVerdict ClassifyByName(std::string_view class_attr, std::string_view id_attr) {
  NameVerdict v;
  if (class_attr.empty() && id_attr.empty()) return v;
  // Split into words: non-alphanumerics separate, and so does a lower->upper camelCase step.
  std::string names;
  names.reserve(class_attr.size() + id_attr.size() + 2);
  bool any_content = false, any_weak = false, any_strong = false, any_caption = false;
  auto scan = [&](std::string_view s) {
    std::string word;
    char prev = 0;
    auto flush = [&] {
      if (word.empty()) return;
      auto it = WordTable().find(word);
      if (it != WordTable().end()) {
        switch (it->second) {
          case Word::kContent:
            any_content = true;
            break;
          case Word::kWeak:
            any_weak = true;
            break;
          case Word::kStrong:
            any_strong = true;
            break;
          case Word::kCaption:
            any_caption = true;
            break;
        }
      }
      word.clear();
    };
    for (char c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      if (std::isalnum(u)) {
        if (std::isupper(u) && std::islower(static_cast<unsigned char>(prev))) flush();
        word += core::AsciiLower(static_cast<char>(u));
      } else {
        flush();
      }
      prev = c;
    }
    flush();
    names += core::AsciiLower(s);
    names += ' ';
  };
  scan(class_attr);
  scan(id_attr);
  for (std::string_view m : kBodyMarkers) {
    if (names.find(m) != std::string::npos) {
      v.cls = NameClass::kContent;
      v.weight = 25;
      return v;
    }
  }
  if (!any_strong) {
    for (std::string_view s : kStrongStems)
      if (names.find(s) != std::string::npos) any_strong = true;
  }
  if (any_caption) {
    v.cls = NameClass::kCaption;
    v.weight = -25;
  } else if (any_strong) {
    v.cls = NameClass::kStrongBoilerplate;
    v.weight = -25;
  } else if (any_weak) {
    v.cls = NameClass::kWeakBoilerplate;
    v.weight = any_content ? 0 : -25;
  } else if (any_content) {
    v.cls = NameClass::kContent;
    v.weight = 25;
  }
  return v;
}

bool IsNeverContentTag(std::string_view t) {
  static const std::unordered_set<std::string_view> kTags = {
      "script",   "style",  "noscript", "nav",      "footer", "aside",   "iframe", "svg",
      "button",   "select", "option",   "template", "object", "embed",   "canvas", "input",
      "textarea", "label",  "menu",     "dialog",   "head",   "link",    "meta",   "video",
      "audio",    "map",    "title",    "frameset", "frame",  "picture", "source"};
  return kTags.count(t) > 0;
}

bool IsHidden(const xmlNode* n) {
  // One pass over the attributes without copies: this runs on every element with attributes.
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    std::string_view name = reinterpret_cast<const char*>(a->name);
    if (name == "hidden") return true;
    if (name != "aria-hidden" && name != "style") continue;
    const xmlNode* v = a->children;
    if (!v || v->type != XML_TEXT_NODE || !v->content) continue;
    std::string_view value = reinterpret_cast<const char*>(v->content);
    if (name == "aria-hidden") {
      if (value == "true") return true;
      continue;
    }
    if (value.find("none") == std::string_view::npos &&
        value.find("hidden") == std::string_view::npos)
      continue;
    std::string style = core::AsciiLower(value);
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

bool IsBoilerplateRole(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "complementary" ||
         role == "contentinfo" || role == "dialog" || role == "alertdialog" || role == "menu" ||
         role == "menubar" || role == "search" || role == "toolbar" || role == "tablist";
}

bool IsChromeText(std::string_view text) {
  if (text.size() > 160) return false;
  std::string l = core::AsciiLower(text);
  // Trim trailing punctuation/arrows so "Read more »" and "Advertisement:" match.
  while (!l.empty() && (std::ispunct(static_cast<unsigned char>(l.back())) || l.back() == ' '))
    l.pop_back();
  while (!l.empty() && static_cast<unsigned char>(l.back()) >= 0x80) {
    // strip a trailing multi-byte symbol such as "»" or "→"
    size_t p = l.size() - 1;
    while (p > 0 && (static_cast<unsigned char>(l[p]) & 0xC0) == 0x80) --p;
    l.resize(p);
    while (!l.empty() && l.back() == ' ') l.pop_back();
  }
  static const std::unordered_set<std::string_view> kExact = {"advertisement",
                                                              "advertisment",
                                                              "ad",
                                                              "sponsored",
                                                              "sponsored content",
                                                              "share",
                                                              "share this",
                                                              "share this article",
                                                              "share this story",
                                                              "share on facebook",
                                                              "share on twitter",
                                                              "tweet",
                                                              "email",
                                                              "print",
                                                              "read more",
                                                              "more",
                                                              "related",
                                                              "related articles",
                                                              "related stories",
                                                              "related content",
                                                              "more stories",
                                                              "most read",
                                                              "most popular",
                                                              "trending",
                                                              "continue reading",
                                                              "comments",
                                                              "leave a comment",
                                                              "leave a reply",
                                                              "post a comment",
                                                              "subscribe",
                                                              "sign up",
                                                              "click here",
                                                              "skip to content",
                                                              "you may also like",
                                                              "recommended",
                                                              "loading",
                                                              "back to top",
                                                              "view comments",
                                                              "show comments",
                                                              "story continues below advertisement",
                                                              "scroll to continue",
                                                              "advertisement - scroll to continue",
                                                              "see also",
                                                              "listen to this article",
                                                              "watch",
                                                              "video",
                                                              "photo",
                                                              "enlarge this image",
                                                              "toggle caption",
                                                              "hide caption",
                                                              "image",
                                                              "copy link",
                                                              "link copied",
                                                              "facebook",
                                                              "twitter",
                                                              "linkedin",
                                                              "whatsapp",
                                                              "pinterest",
                                                              "reddit"};
  if (kExact.count(l)) return true;
  // Unrendered WordPress shortcodes ("[button link=...] Send us a review[/button]").
  if (l.size() > 2 && l.front() == '[' && l.find("[/") != std::string::npos) return true;
  static constexpr std::string_view kPrefixes[] = {"read more:",
                                                   "related:",
                                                   "also read:",
                                                   "see also:",
                                                   "sign up for",
                                                   "follow us on",
                                                   "subscribe to",
                                                   "click here to",
                                                   "join the conversation",
                                                   "read also:",
                                                   "recommended:",
                                                   "more:",
                                                   "copyright ©",
                                                   "©",
                                                   "(c) copyright",
                                                   "all rights reserved",
                                                   "share this:",
                                                   "like this:",
                                                   "related posts:",
                                                   "you might also like",
                                                   "this story has been shared",
                                                   "we use cookies",
                                                   "by using this site",
                                                   "get the latest",
                                                   "download the app",
                                                   "newsletter sign"};
  for (std::string_view p : kPrefixes)
    if (StartsWith(l, p)) return true;
  return false;
}

}  // namespace wirebrief::extract::detail

namespace wirebrief::extract::detail {
namespace {

// The tokens of a class or id value: lower-cased runs of ASCII letters ("story-tags__list" ->
// story, tags, list).
std::vector<std::string> NameTokens(std::string_view v) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : v) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      // camelCase splits: "nextArticle" -> next, article.
      if (std::isupper(u) && !cur.empty() && std::islower(static_cast<unsigned char>(cur.back()))) {
        out.push_back(cur);
        cur.clear();
      }
      cur += core::AsciiLower(static_cast<char>(u));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    if (out.size() > 32) break;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool Has(const std::vector<std::string>& tokens, std::initializer_list<std::string_view> words) {
  for (const auto& t : tokens)
    for (std::string_view w : words)
      if (t == w) return true;
  return false;
}

// Lower-cased, trimmed of spaces, punctuation and trailing arrows or colons.
std::string TrimLabel(std::string_view text) {
  std::string l = core::AsciiLower(CollapseSpace(text));
  while (!l.empty() && (std::ispunct(static_cast<unsigned char>(l.back())) || l.back() == ' '))
    l.pop_back();
  for (std::string_view arrow : {"\xC2\xBB", "\xE2\x86\x92", "\xE2\x80\xBA", "\xEF\xBC\x9A"})
    if (l.size() >= arrow.size() && l.compare(l.size() - arrow.size(), arrow.size(), arrow) == 0)
      l = CollapseSpace(l.substr(0, l.size() - arrow.size()));
  return l;
}

}  // namespace

bool IsArticleEndName(std::string_view class_attr) {
  if (class_attr.empty() || class_attr.size() > 256) return false;
  // Runs on every element with a class: a lower-cased copy in a reused buffer and a few
  // substring searches rule out nearly all before any tokenising. `lower` is a reuse buffer
  // only (no value survives a call): per-thread so the walk allocates no copy per element
  // (ff98a98, measured on the extraction kit).
  thread_local std::string lower;
  lower.assign(class_attr);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  bool maybe = false;
  for (std::string_view stem :
       {"tag", "shar", "keyword", "topic", "next", "footer", "end", "bottom"})
    maybe = maybe || lower.find(stem) != std::string::npos;
  if (!maybe) return false;
  std::vector<std::string> t = NameTokens(class_attr);
  if (Has(t, {"tags", "taglist", "keywords", "topics", "share", "sharing", "sharebar", "sharetools",
              "shares", "nextarticle", "readnext", "upnext", "nextstory"}))
    return true;
  // "next-article", "read-next", "up-next", "article-footer", "story-end".
  bool story = Has(t, {"article", "story", "post", "entry"});
  if (Has(t, {"next"}) && (story || Has(t, {"read", "up"}))) return true;
  return story && Has(t, {"footer", "end", "bottom"});
}

bool IsNextArticleLabel(std::string_view text) {
  if (text.size() > 60) return false;
  static const std::unordered_set<std::string_view> kLabels = {"next article",
                                                               "next story",
                                                               "read next",
                                                               "up next",
                                                               "next post",
                                                               "the next article",
                                                               "nächster artikel",
                                                               "nächster beitrag",
                                                               "weiterlesen im nächsten artikel",
                                                               "article suivant",
                                                               "à lire ensuite",
                                                               "siguiente artículo",
                                                               "siguiente noticia",
                                                               "próximo artigo",
                                                               "próxima notícia",
                                                               "articolo successivo",
                                                               "volgend artikel",
                                                               "następny artykuł",
                                                               "следующая статья",
                                                               "下一篇",
                                                               "次の記事",
                                                               "다음 기사",
                                                               "المقال التالي",
                                                               "الخبر التالي",
                                                               "nākamais raksts"};
  return kLabels.count(TrimLabel(text)) > 0;
}

bool IsCommentPolicyText(std::string_view text) {
  if (text.size() > 400 || text.size() < 20) return false;
  std::string l = core::AsciiLower(text);
  auto any = [&](std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
      if (l.find(w) != std::string::npos) return true;
    return false;
  };
  bool comment = any({"comment", "kommentar", "commentaire", "comentario", "comentário", "commento",
                      "komentarz", "komentār", "комментар", "التعليق", "تعليق", "评论", "留言",
                      "コメント", "댓글"});
  if (!comment) return false;
  // Policy phrasing, not a word that prose about comments also uses ("misrepresent").
  return any({"opinion of",
              "opinions of",
              "views of",
              "do not reflect",
              "does not reflect",
              "moderated",
              "comment policy",
              "commenting policy",
              "community guidelines",
              "reserve the right",
              "meinung der",
              "netiquette",
              "opinión de",
              "no reflejan",
              "reflètent",
              "opinione de",
              "opinião d",
              "رأي أصحابها",
              "آراء أصحابها",
              "لا تعبر",
              "观点",
              "立场",
              "意見であり",
              "見解"});
}

bool IsDateOrBylineLine(std::string_view text) {
  if (text.size() > 160 || text.empty()) return false;
  std::string t = CollapseSpace(text);
  if (t.empty()) return false;  // only whitespace (fuzz_metadata: "\n" read t.back() of "")
  // A sentence ends with a full stop ("approved on 17 November 2026."); a date line ends with
  // digits, "Uhr", "GMT" or "a.m."/"p.m.".
  if (t.back() == '.') {
    std::string tail = core::AsciiLower(t.substr(t.size() >= 4 ? t.size() - 4 : 0));
    if (tail != "a.m." && tail != "p.m.") return false;
  }
  DateContext ctx = MakeDateContext("", false);
  if (ParseDate(t, ctx).empty()) return false;
  // Segments between separators: those with digits are dates or times (with a few label words),
  // the others a weekday, an outlet or a name.
  std::vector<std::string> segments;
  std::string cur;
  for (size_t i = 0; i < t.size(); ++i) {
    bool sep = t[i] == '|' || t[i] == ',' || t[i] == '/' || t[i] == ';';
    size_t skip = 1;
    for (std::string_view s : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93", " - "})
      if (t.compare(i, s.size(), s) == 0) {
        sep = true;
        skip = s.size();
      }
    if (sep) {
      segments.push_back(cur);
      cur.clear();
      i += skip - 1;
    } else {
      cur += t[i];
    }
  }
  segments.push_back(cur);
  size_t dated = 0;
  for (const auto& seg : segments) {
    bool digits = std::any_of(seg.begin(), seg.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    // Words without digits in the segment ("Mis à jour le", "Uhr", "Dienstag").
    size_t words = 0;
    bool in = false, word_has_digit = false;
    for (size_t i = 0; i <= seg.size(); ++i) {
      char c = i < seg.size() ? seg[i] : ' ';
      if (c == ' ') {
        if (in && !word_has_digit) ++words;
        in = word_has_digit = false;
      } else {
        in = true;
        word_has_digit |= std::isdigit(static_cast<unsigned char>(c)) != 0;
      }
    }
    if (digits) {
      ++dated;
      if (words > 6) return false;
    } else if (words > 4) {
      return false;
    }
  }
  return dated > 0;
}

std::string AuthorLabelLine(std::string_view text) {
  if (text.size() > 200) return "";
  std::string t = CollapseSpace(text);
  std::string l = core::AsciiLower(t);
  // Labels followed by a colon, in the languages of the pages we meet.
  static constexpr std::string_view kColonLabels[] = {
      "autori",  "autors",  "autore",  "autor",      "autorin",  "autoren",   "author",
      "authors", "auteur",  "auteurs", "text",       "texte",    "texto",     "tekst",
      "teksts",  "tekstas", "testo",   "written by", "reporter", "redacción", "reportage",
      "szerző",  "yazar",   "writer",  "words",      "by"};
  size_t rest = std::string::npos;
  for (std::string_view label : kColonLabels) {
    if (l.compare(0, label.size(), label) != 0) continue;
    size_t k = label.size();
    while (k < l.size() && l[k] == ' ') ++k;
    if (k < l.size() && l[k] == ':') {
      rest = k + 1;
      break;
    }
  }
  // "By Jane Roe" without a colon: only the usual lead words.
  if (rest == std::string::npos)
    for (std::string_view lead : {"by ", "von ", "par ", "por ", "door "})
      if (StartsWith(l, lead)) rest = lead.size();
  if (rest == std::string::npos) return "";
  std::string names = CollapseSpace(t.substr(rest));
  if (names.empty() || EndsLikeSentence(names) || CountTextUnits(names) > 10) return "";
  std::vector<std::string> people = CleanAuthorNames({names}, nullptr);
  return people.empty() ? "" : names;
}

}  // namespace wirebrief::extract::detail
