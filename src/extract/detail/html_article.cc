// HTML article extraction. The DOM comes from libxml2's HTML parser (recover mode, no network).
// Main-text selection is a paragraph-scoring pass in the Readability family: text blocks score
// their ancestors, the best-scoring container wins, and sibling containers that score close to
// it are kept so bodies split by ad slots come back whole. Boilerplate is removed before
// scoring by the named rules below; each says which page pattern it targets.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "extract/detail/dom.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

// Rule: non-content elements. Scripts, styles, form controls, embedded media and page furniture
// never carry article prose. <form> itself is not among them: ASP.NET pages wrap the whole page
// in one form.
bool IsNeverContentTag(std::string_view t) {
  static const std::unordered_set<std::string_view> kTags = {
      "script", "style", "noscript", "nav",    "footer", "aside",  "iframe",
      "svg",    "button", "select",  "option", "template", "object", "embed", "canvas",
      "input",  "textarea", "label", "menu",   "dialog", "head",   "header", "link", "meta"};
  return kTags.count(t) > 0;
}

// Rule: boilerplate by class/id. Share bars, related/most-read boxes, comment widgets, cookie
// banners, newsletter promos, ad slots, breadcrumbs, author bios and site chrome are marked by
// their class or id on nearly every CMS; a strong "article body" marker overrides. Names are
// compared word by word ("node--promoted" is not a promo, "ad" inside "header" is not an ad);
// a few distinctive stems also match inside run-together names ("sharebar", "mostpopular").
bool IsBoilerplateByName(const xmlNode* n) {
  std::string names = Lower(Attr(n, "class") + " " + Attr(n, "id"));
  if (names.size() <= 1) return false;
  static const char* kStrongContent[] = {"article-body", "story-body", "entry-content",
                                         "post-content", "article-content", "articlebody",
                                         "article__body", "story-content"};
  for (const char* s : kStrongContent)
    if (names.find(s) != std::string::npos) return false;
  static const std::unordered_set<std::string_view> kWords = {
      "share",     "sharing",     "social",     "related",   "comment",     "comments",
      "cookie",    "cookies",     "consent",    "newsletter", "subscribe",  "subscription",
      "promo",     "promos",      "promotion",  "advert",    "advertisement", "ads",
      "ad",        "adslot",      "breadcrumb", "breadcrumbs", "sidebar",   "footer",
      "navbar",    "nav",         "navigation", "toolbar",   "signup",      "recommend",
      "recommended", "recommendations", "trending", "popular", "mostread",  "banner",
      "modal",     "popup",       "login",      "masthead",  "outbrain",    "taboola",
      "sponsor",   "sponsored",   "paywall",    "byline",    "tags",
      "menu",      "rail",        "caption",    "credit",    "bio",         "skip",
      "readmore"};
  static const char* kStems[] = {"sharebar", "socialshare", "mostpopular", "mostread", "relatedarticle",
                                 "relatedstor", "newsletter", "cookiebanner", "commentlist",
                                 "outbrain", "taboola", "breadcrumb", "author-bio", "authorbio"};
  for (const char* s : kStems)
    if (names.find(s) != std::string::npos) return true;
  std::string word;
  for (size_t i = 0; i <= names.size(); ++i) {
    char c = i < names.size() ? names[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
      continue;
    }
    if (!word.empty() && kWords.count(word)) return true;
    word.clear();
  }
  return false;
}

// Rule: hidden elements (hidden attribute, aria-hidden, inline display:none) are not shown to
// readers, so their text is not the article.
bool IsHidden(const xmlNode* n) {
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

struct Block {
  const xmlNode* node = nullptr;  // the element holding the text (or its container)
  std::string text;
  std::string tag;
  size_t link_chars = 0;
};

class PageWalker {
 public:
  PageWalker(const ExtractOptions& opts) : opts_(opts) {}

  std::vector<Block> blocks;
  std::vector<core::Caption> captions;
  bool limit_hit = false;

  void Walk(const xmlNode* n, int depth) {
    for (const xmlNode* c = n; c && !limit_hit; c = c->next) {
      if (++nodes_ > opts_.limits.max_dom_nodes) {
        limit_hit = true;
        return;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string_view t = Name(c);
      if (t == "figure" || t == "figcaption") {
        CollectCaption(c);
        continue;
      }
      if (IsNeverContentTag(t) || IsHidden(c)) continue;
      if (IsBoilerplateByName(c)) {
        std::string names = Lower(Attr(c, "class") + " " + Attr(c, "id"));
        if (names.find("caption") != std::string::npos) CollectCaption(c);
        continue;
      }
      if (depth >= opts_.limits.max_dom_depth) continue;
      if (HasBlockChild(c)) {
        // Inline text directly inside a container (div soup) forms its own block.
        std::string loose;
        size_t link = 0;
        for (const xmlNode* k = c->children; k; k = k->next) {
          if (k->type == XML_TEXT_NODE || (k->type == XML_ELEMENT_NODE && !IsBlockTag(Name(k)) &&
                                           !IsNeverContentTag(Name(k)) && Name(k) != "br")) {
            AppendText(k, &loose, &link, depth + 1);
          } else if (k->type == XML_ELEMENT_NODE && Name(k) == "br") {
            loose += ' ';
          }
        }
        std::string collapsed = CollapseSpace(loose);
        if (CountWords(collapsed) >= 8) blocks.push_back({c, collapsed, "div", link});
        Walk(c->children, depth + 1);
      } else {
        Block b{c, "", std::string(t), 0};
        std::string raw;
        AppendText(c->children, &raw, &b.link_chars, depth + 1, /*siblings=*/true);
        b.text = CollapseSpace(raw);
        if (!b.text.empty()) blocks.push_back(std::move(b));
      }
    }
  }

 private:
  static bool HasBlockChild(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && (IsBlockTag(Name(c)) || Name(c) == "figure")) return true;
    return false;
  }

  // Appends the visible text of `n` (and its following siblings when `siblings`).
  void AppendText(const xmlNode* n, std::string* out, size_t* link_chars, int depth,
                  bool siblings = false) {
    for (const xmlNode* c = n; c; c = siblings ? c->next : nullptr) {
      if (++nodes_ > opts_.limits.max_dom_nodes || depth >= opts_.limits.max_dom_depth) {
        limit_hit = nodes_ > opts_.limits.max_dom_nodes;
        return;
      }
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content) *out += reinterpret_cast<const char*>(c->content);
      } else if (c->type == XML_ELEMENT_NODE) {
        std::string_view t = Name(c);
        if (IsNeverContentTag(t) || IsHidden(c) || t == "figure" || t == "figcaption") continue;
        if (t == "br") {
          *out += ' ';
          continue;
        }
        size_t before = out->size();
        AppendText(c->children, out, link_chars, depth + 1, true);
        if (t == "a") *link_chars += out->size() - before;
        if (IsBlockTag(t)) *out += ' ';
      }
      if (!siblings) break;
    }
  }

  void CollectCaption(const xmlNode* n) {
    std::string raw, credit;
    size_t unused = 0;
    // The photo credit sits in its own element, inside or beside the caption.
    std::function<void(const xmlNode*, int)> find_credit = [&](const xmlNode* k, int depth) {
      for (; k && depth < 8; k = k->next) {
        if (k->type != XML_ELEMENT_NODE) continue;
        std::string names = Lower(Attr(k, "class"));
        if (names.find("credit") != std::string::npos || names.find("copyright") != std::string::npos ||
            names.find("source") != std::string::npos) {
          AppendText(k->children, &credit, &unused, 0, true);
        } else {
          find_credit(k->children, depth + 1);
        }
      }
    };
    find_credit(n->children, 0);
    const xmlNode* cap = n;
    if (Name(n) == "figure") {
      cap = nullptr;
      for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && Name(c) == "figcaption") cap = c;
      if (!cap) return;
    }
    AppendText(cap->children, &raw, &unused, 0, true);
    std::string text = CollapseSpace(raw);
    credit = CollapseSpace(credit);
    if (!credit.empty()) {
      size_t p = text.rfind(credit);
      if (p != std::string::npos) text = CollapseSpace(text.substr(0, p));
    }
    if (!text.empty()) captions.push_back({text, credit});
  }

  const ExtractOptions& opts_;
  size_t nodes_ = 0;
};

// Rule: chrome phrases that survive inside the body container ("Advertisement", "Read more:",
// share prompts) as whole blocks.
bool IsChromeBlock(const std::string& text) {
  std::string l = Lower(text);
  static const char* kExact[] = {"advertisement", "advertisment", "share this article", "share",
                                 "read more", "related", "related articles", "most read",
                                 "continue reading", "comments", "subscribe"};
  for (const char* e : kExact)
    if (l == e) return true;
  return StartsWith(l, "read more:") || StartsWith(l, "related:") || StartsWith(l, "also read:") ||
         StartsWith(l, "sign up for") || StartsWith(l, "follow us on");
}

}  // namespace

core::Status ExtractFromHtml(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* a) {
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, DocFree> dom(htmlReadMemory(doc.content.data(),
                                                      static_cast<int>(doc.content.size()),
                                                      nullptr, "UTF-8", opts));
  if (!dom || !xmlDocGetRootElement(dom.get()))
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id, "no HTML document");
  const xmlNode* root = xmlDocGetRootElement(dom.get());

  ReadHtmlMetadata(root, doc, options, a);

  // Main text.
  PageWalker walker(options);
  const xmlNode* body = root;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && Name(c) == "body") body = c;
  walker.Walk(body == root ? root : body->children, 0);
  if (walker.limit_hit)
    return core::Status::LimitExceeded(doc.provenance.source, doc.provenance.record_id,
                                       "page has more than " +
                                           std::to_string(options.limits.max_dom_nodes) + " nodes");
  a->captions = std::move(walker.captions);

  std::unordered_map<const xmlNode*, double> score;
  for (const Block& b : walker.blocks) {
    if (b.text.size() < 25 || IsHeading(b.tag) || b.tag == "li") continue;
    if (b.link_chars * 2 > b.text.size()) continue;  // link lists, not prose
    double s = 1.0 + static_cast<double>(std::count(b.text.begin(), b.text.end(), ',')) +
               std::min(3.0, static_cast<double>(b.text.size()) / 100.0);
    const xmlNode* p = b.tag == "div" && CountWords(b.text) >= 8 ? b.node : b.node->parent;
    double w = 1.0;
    for (int level = 0; p && level < 3; ++level, p = p->parent, w = level == 1 ? 0.5 : 1.0 / 3) {
      score[p] += s * w;
    }
  }
  const xmlNode* best = nullptr;
  double best_score = 0;
  for (const auto& [node, s] : score)
    if (s > best_score) best_score = s, best = node;

  std::vector<const xmlNode*> roots;
  if (best) {
    roots.push_back(best);
    // Rule: split bodies. Ad slots and inline modules split one body into sibling containers;
    // siblings scoring at least a fifth of the winner are the same article.
    if (best->parent) {
      for (const xmlNode* s = best->parent->children; s; s = s->next) {
        if (s == best || s->type != XML_ELEMENT_NODE) continue;
        auto it = score.find(s);
        if (it != score.end() && it->second >= 0.2 * best_score && it->second >= 3.0) roots.push_back(s);
      }
    }
  }
  auto under_root = [&](const xmlNode* n) {
    for (const xmlNode* p = n; p; p = p->parent)
      for (const xmlNode* r : roots)
        if (p == r) return true;
    return false;
  };
  std::vector<std::string> paragraphs;
  size_t min_words = options.mode == ExtractMode::kPrecision ? 6 : options.mode == ExtractMode::kRecall ? 1 : 3;
  for (const Block& b : walker.blocks) {
    if (best && !under_root(b.node)) continue;
    if (!best && CountWords(b.text) < 8) continue;
    bool heading = IsHeading(b.tag);
    if (!heading && b.tag != "li" && CountWords(b.text) < min_words) continue;
    if (b.link_chars * 2 > b.text.size() && CountWords(b.text) < 12) continue;
    if (IsChromeBlock(b.text)) continue;
    if (heading && b.text == a->title) continue;
    paragraphs.push_back(b.text);
  }
  a->wire = TakeWireCredit(&paragraphs);
  if (!a->wire.empty()) a->field_sources["wire"] = "text";
  if (paragraphs.empty())
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id,
                               "no article text found");
  std::string text;
  if (!a->title.empty()) text = a->title + "\n";
  for (const auto& p : paragraphs) {
    if (text.size() + p.size() > options.limits.max_text_bytes) break;
    text += p;
    text += '\n';
  }
  text.pop_back();
  a->text = std::move(text);
  if (a->language.empty()) {
    a->language = GuessLanguage(a->text);
    if (!a->language.empty()) a->field_sources["language"] = "text";
  }
  return core::Status::Ok();
}

}  // namespace wirebrief::extract::detail
