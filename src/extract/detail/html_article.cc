// HTML article extraction. The DOM comes from libxml2's HTML parser (recover mode, no network).
//
// One walk over the DOM turns it into a flat table of block-level elements and an ordered list
// of text blocks (paragraphs, headings, list items, table cells, quotes, code). Body selection
// then works on those two arrays only, in the Readability family: text blocks score their
// ancestors, the best container wins, sibling containers close to it join it (bodies split by
// ad slots or inline modules come back whole), and containers inside it that look like link
// lists, galleries or forms are cleaned away. Boilerplate names, roles and chrome phrases are
// the named rules in boilerplate_rules.h. We wrote this rather than bind a library because
// body selection is the product here, and no Debian-packaged C/C++ library does it.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "extract/detail/blocks.h"
#include "extract/detail/boilerplate_rules.h"
#include "extract/detail/dom.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

enum class Tag : unsigned char {
  kBlock,  // any block-level or unknown element not listed below (div, section, custom tags)
  kInline,
  kP,
  kH,
  kLi,
  kUl,
  kOl,
  kDt,
  kDd,
  kTable,
  kTr,
  kTd,
  kTh,
  kPre,
  kBlockquote,
  kArticle,
  kMain,
  kBody,
  kA,
  kBr,
  kImg,
  kFigure,
  kFigcaption,
  kHeader,
  kEmbed,
};

Tag ClassifyTag(std::string_view t) {
  switch (t.size()) {
    case 1:
      if (t == "p") return Tag::kP;
      if (t == "a") return Tag::kA;
      if (t == "b" || t == "i" || t == "u" || t == "s" || t == "q") return Tag::kInline;
      break;
    case 2:
      if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return Tag::kH;
      if (t == "li") return Tag::kLi;
      if (t == "ul") return Tag::kUl;
      if (t == "ol") return Tag::kOl;
      if (t == "dt") return Tag::kDt;
      if (t == "dd") return Tag::kDd;
      if (t == "tr") return Tag::kTr;
      if (t == "td") return Tag::kTd;
      if (t == "th") return Tag::kTh;
      if (t == "br") return Tag::kBr;
      if (t == "em" || t == "tt") return Tag::kInline;
      break;
    default:
      break;
  }
  static const std::unordered_map<std::string_view, Tag> kTags = {
      {"table", Tag::kTable},     {"pre", Tag::kPre},       {"blockquote", Tag::kBlockquote},
      {"article", Tag::kArticle}, {"main", Tag::kMain},     {"body", Tag::kBody},
      {"img", Tag::kImg},         {"figure", Tag::kFigure}, {"figcaption", Tag::kFigcaption},
      {"header", Tag::kHeader},   {"iframe", Tag::kEmbed},  {"embed", Tag::kEmbed},
      {"object", Tag::kEmbed},    {"video", Tag::kEmbed},   {"span", Tag::kInline},
      {"strong", Tag::kInline},   {"abbr", Tag::kInline},   {"cite", Tag::kInline},
      {"code", Tag::kInline},     {"font", Tag::kInline},   {"small", Tag::kInline},
      {"big", Tag::kInline},      {"sub", Tag::kInline},    {"sup", Tag::kInline},
      {"time", Tag::kInline},     {"mark", Tag::kInline},   {"dfn", Tag::kInline},
      {"kbd", Tag::kInline},      {"samp", Tag::kInline},   {"var", Tag::kInline},
      {"del", Tag::kInline},      {"ins", Tag::kInline},    {"nobr", Tag::kInline},
      {"wbr", Tag::kInline},      {"bdi", Tag::kInline},    {"bdo", Tag::kInline},
      {"data", Tag::kInline},     {"strike", Tag::kInline}, {"acronym", Tag::kInline},
      {"blink", Tag::kInline}};
  auto it = kTags.find(t);
  if (it != kTags.end()) return it->second;
  // MathML flows inside the sentence it belongs to ("when a ≠ 0, there are two solutions").
  static const std::unordered_set<std::string_view> kMathMl = {
      "math",      "mi",      "mo",       "mn",         "ms",      "mrow",         "msup",
      "msub",      "msubsup", "mfrac",    "msqrt",      "mroot",   "mtext",        "mspace",
      "mstyle",    "mover",   "munder",   "munderover", "mtable",  "mtr",          "mtd",
      "semantics", "mpadded", "mphantom", "menclose",   "mfenced", "mmultiscripts"};
  // MathJax renders formulas as mjx-* custom elements, inline in the same way.
  return kMathMl.count(t) || StartsWith(t, "mjx-") ? Tag::kInline : Tag::kBlock;
}

// An attribute's value without a copy (libxml2 keeps simple values as one text child).
std::string_view AttrView(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next &&
        a->children->content)
      return reinterpret_cast<const char*>(a->children->content);
    return "";
  }
  return "";
}

struct Node {
  const xmlNode* x = nullptr;
  int parent = -1;
  Tag tag = Tag::kBlock;
  NameClass name_class = NameClass::kNeutral;
  bool role_boilerplate = false;
  bool data_table = false;
  int weight = 0;  // class weight
  int children = 0;
  // Own counts, then subtree totals after Aggregate().
  uint32_t prose_chars = 0;  // text in prose-like blocks (long, few links), before any removal
  uint32_t text_chars = 0, link_chars = 0, commas = 0, p_count = 0, li_chars = 0;
  uint32_t heading_chars = 0, imgs = 0, inputs = 0, embeds = 0;
};

size_t CountCommas(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    // Fullwidth and ideographic commas, U+FF0C and U+3001.
    else if (static_cast<unsigned char>(s[i]) == 0xEF && s.substr(i, 3) == "\xEF\xBC\x8C")
      ++n;
    else if (static_cast<unsigned char>(s[i]) == 0xE3 && s.substr(i, 3) == "\xE3\x80\x81")
      ++n;
  }
  return n;
}

// Words for length rules: whitespace-separated tokens, plus one per CJK character, since
// Chinese and Japanese prose has no spaces ("一来到美树" is five words, not one).
size_t CountWordsCjk(std::string_view s) {
  size_t n = CountWords(s);
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Lead bytes 0xE3..0xE9 cover kana and the CJK unified ideographs (U+3000..U+9FFF).
    if (c >= 0xE3 && c <= 0xE9) {
      ++n;
      i += 2;
    }
  }
  return n;
}

// Walks the DOM once, building the node table and the block list.
class PageWalker {
 public:
  using MetaContext = MetadataWalk::Context;

  // `meta` (may be null) is driven along the walk; see Visit.
  PageWalker(const ExtractOptions& opts, std::chrono::steady_clock::time_point deadline,
             MetadataWalk* meta)
      : opts_(opts), deadline_(deadline), meta_(meta) {
    nodes.push_back(Node{});  // 0: the page root (<body>)
    nodes[0].tag = Tag::kBody;
  }

  std::vector<Node> nodes;
  std::vector<Block> blocks;
  std::vector<bool> loose;  // per block: text directly in a container, not in its own element
  std::vector<core::Caption> captions;
  bool node_limit_hit = false, timed_out = false;

  // Walks `first` and its following siblings; `mc` is the metadata context of their parent.
  void Walk(const xmlNode* first, MetaContext mc) {
    Visit(first, 0, mc);
    Flush();
  }

 private:
  struct Ctx {
    int owner = 0;  // node whose text the buffer collects
    int list = -1;  // innermost list node
    int list_depth = 0;
    bool ordered = false;
    bool inline_blocks = false;  // inside li/heading/cell/pre: block tags do not split text
    bool in_pre = false, in_quote = false;
    BlockKind kind = BlockKind::kParagraph;
    unsigned char heading = 0;
    int table = -1, row = -1;
    bool header_cell = false;
  };

  bool Budget() {
    if (++visited_ > opts_.limits.max_dom_nodes) node_limit_hit = true;
    if ((visited_ & 1023) == 0 && std::chrono::steady_clock::now() > deadline_) timed_out = true;
    return !node_limit_hit && !timed_out;
  }

  void Visit(const xmlNode* n, int depth, MetaContext mc) {
    for (const xmlNode* c = n; c; c = c->next) {
      if (!Budget()) return;
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (!c->content) continue;
        const char* s = reinterpret_cast<const char*>(c->content);
        size_t len = std::strlen(s);
        if (br_run_ && std::any_of(s, s + len, [](char ch) {
              return !std::isspace(static_cast<unsigned char>(ch));
            })) {
          // Rule: double line breaks. Div soup that separates paragraphs with <br><br> gets
          // one block per paragraph, as if each were its own <p>.
          if (br_run_ >= 2 && !ctx_.inline_blocks) Flush();
          br_run_ = 0;
        }
        buf_.append(s, len);
        if (link_depth_) buf_links_ += len;
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      // The metadata reader sees every element once, here or, for the subtrees the body walk
      // skips (head, chrome, captions), in a walk of its own over just that subtree.
      ElementAttrs attrs;
      if (c->properties) attrs = ScanAttrs(c);
      MetaContext inner =
          meta_ ? meta_->Element(c, mc, depth, &attrs) : MetaContext{false, false, true};
      if (!VisitElement(c, depth, inner, attrs) && !inner.done)
        meta_->Siblings(c->children, inner, depth + 1);
    }
  }

  // The body walk's handling of element `c`; false when it did not descend into the children.
  bool VisitElement(const xmlNode* c, int depth, MetaContext inner, const ElementAttrs& attrs) {
    {
      std::string_view name = Name(c);
      Tag tag = ClassifyTag(name);
      if (tag == Tag::kBr) {
        ++br_run_;
        buf_ += ctx_.in_pre ? '\n' : ' ';
        return false;
      }
      if (tag == Tag::kImg) {
        ++nodes[ctx_.owner].imgs;
        return false;
      }
      if (tag == Tag::kEmbed) {
        ++nodes[ctx_.owner].embeds;
        return false;
      }
      if (name == "input" || name == "textarea" || name == "select") ++nodes[ctx_.owner].inputs;
      if (IsNeverContentTag(name) || (c->properties && IsHidden(c))) return false;
      if (tag == Tag::kFigure || tag == Tag::kFigcaption) {
        CollectCaption(c);
        return false;
      }
      NameVerdict verdict;
      bool bad_role = false;
      if (c->properties) {
        verdict = ClassifyByName(attrs.cls, attrs.id);
        bad_role = IsBoilerplateRole(attrs.role);
      }
      if (verdict.cls == NameClass::kCaption) {
        CollectCaption(c);
        return false;
      }
      if (depth >= opts_.limits.max_dom_depth) return false;
      if (tag == Tag::kInline || tag == Tag::kA) {
        if (verdict.cls == NameClass::kStrongBoilerplate) return false;
        link_depth_ += tag == Tag::kA;
        Visit(c->children, depth + 1, inner);
        link_depth_ -= tag == Tag::kA;
        return true;
      }
      bool structural = tag == Tag::kUl || tag == Tag::kOl || tag == Tag::kTable;
      if (ctx_.inline_blocks && !structural && !(tag == Tag::kLi && ctx_.list >= 0) &&
          !(ctx_.table >= 0 && (tag == Tag::kTr || tag == Tag::kTd || tag == Tag::kTh))) {
        if (verdict.cls == NameClass::kStrongBoilerplate) return false;
        buf_ += ' ';
        Visit(c->children, depth + 1, inner);
        buf_ += ' ';
        return true;
      }
      int idx = static_cast<int>(nodes.size());
      Node node;
      node.x = c;
      node.parent = ctx_.owner;
      node.tag = tag;
      node.name_class = verdict.cls;
      node.weight = verdict.weight;
      node.role_boilerplate = bad_role;
      nodes.push_back(node);
      ++nodes[ctx_.owner].children;
      Flush();
      Ctx saved = ctx_;
      ctx_.owner = idx;
      switch (tag) {
        case Tag::kUl:
        case Tag::kOl:
          ctx_.list = idx;
          ++ctx_.list_depth;
          ctx_.ordered = tag == Tag::kOl;
          ctx_.inline_blocks = false;
          break;
        case Tag::kLi:
          if (ctx_.list >= 0) {
            ctx_.kind = BlockKind::kListItem;
            ctx_.inline_blocks = true;
          }
          break;
        case Tag::kH:
          ctx_.kind = BlockKind::kHeading;
          ctx_.heading = static_cast<unsigned char>(name[1] - '0');
          ctx_.inline_blocks = true;
          break;
        case Tag::kPre:
          ctx_.kind = BlockKind::kPre;
          ctx_.in_pre = true;
          ctx_.inline_blocks = true;
          break;
        case Tag::kBlockquote:
          ctx_.in_quote = true;
          ctx_.kind = BlockKind::kQuote;
          break;
        case Tag::kTable:
          ctx_.table = IsDataTable(c) ? idx : -1;
          nodes[idx].data_table = ctx_.table >= 0;
          ctx_.list = -1;
          ctx_.list_depth = 0;
          ctx_.inline_blocks = false;
          if (ctx_.table < 0) ctx_.kind = ctx_.in_quote ? BlockKind::kQuote : BlockKind::kParagraph;
          break;
        case Tag::kTr:
          ctx_.row = idx;
          break;
        case Tag::kTd:
        case Tag::kTh:
          if (ctx_.table >= 0) {
            ctx_.kind = BlockKind::kCell;
            ctx_.header_cell = tag == Tag::kTh;
            ctx_.inline_blocks = true;
          }
          break;
        default:
          break;
      }
      br_run_ = 0;
      Visit(c->children, depth + 1, inner);
      Flush();
      ctx_ = saved;
      br_run_ = 0;
      return true;
    }
  }

  // Rule: layout tables. A table holding another table, or a cell of more than 300 characters, lays
  // out the page; its cells are containers, not data. Other tables are data and keep their rows.
  static bool IsDataTable(const xmlNode* table) {
    size_t seen = 0, rows = 0;
    bool layout = false;
    std::function<void(const xmlNode*, int)> scan = [&](const xmlNode* k, int depth) {
      for (; k && !layout && seen < 4000; k = k->next, ++seen) {
        if (k->type != XML_ELEMENT_NODE) continue;
        std::string_view t = Name(k);
        if (t == "table" || t == "article" || t == "main" || t == "section" || t == "ul" ||
            t == "ol" || t == "h1" || t == "h2" || t == "blockquote") {
          layout = true;
        } else if (t == "td" || t == "th") {
          xmlChar* s = xmlNodeGetContent(k);
          if (s && std::strlen(reinterpret_cast<const char*>(s)) > 300) layout = true;
          xmlFree(s);
        }
        if (!layout) {
          if (t == "tr") ++rows;
          if (depth < 32) scan(k->children, depth + 1);
        }
      }
    };
    scan(table->children, 0);
    return !layout && rows >= 1;
  }

  void Flush() {
    if (buf_.empty()) return;
    std::string text;
    if (ctx_.in_pre) {
      size_t b = buf_.find_first_not_of("\r\n");
      size_t e = buf_.find_last_not_of(" \t\r\n");
      if (b != std::string::npos && e != std::string::npos && e >= b)
        text = buf_.substr(b, e - b + 1);
    } else {
      text = CollapseSpace(buf_);
    }
    uint32_t links = static_cast<uint32_t>(std::min(buf_links_, text.size()));
    buf_.clear();
    buf_links_ = 0;
    if (text.empty()) return;
    Block b;
    b.kind = ctx_.kind;
    b.owner = ctx_.owner;
    b.link_chars = links;
    if (b.kind == BlockKind::kHeading) b.level = ctx_.heading;
    if (b.kind == BlockKind::kListItem) {
      b.level = static_cast<unsigned char>(std::min(ctx_.list_depth, 8));
      b.ordered = ctx_.ordered;
      b.group = ctx_.list;
    }
    if (b.kind == BlockKind::kCell) {
      b.group = ctx_.table;
      b.row = ctx_.row;
      b.header = ctx_.header_cell;
    }
    Tag owner_tag = nodes[ctx_.owner].tag;
    bool is_loose = b.kind == BlockKind::kParagraph && owner_tag != Tag::kP;
    if (b.kind == BlockKind::kQuote && owner_tag == Tag::kBlockquote) is_loose = true;
    b.text = std::move(text);
    Node& o = nodes[ctx_.owner];
    uint32_t len = static_cast<uint32_t>(b.text.size());
    if (len >= 50 && links * 10 < len * 3 && b.kind != BlockKind::kListItem &&
        b.kind != BlockKind::kCell)
      o.prose_chars += len;
    blocks.push_back(std::move(b));
    loose.push_back(is_loose);
  }

  // Appends the visible text under `n` (no block structure) for captions.
  void CaptionText(const xmlNode* n, std::string* out, int depth) {
    for (const xmlNode* c = n; c && depth < 64; c = c->next) {
      if (c->type == XML_TEXT_NODE && c->content) {
        *out += reinterpret_cast<const char*>(c->content);
      } else if (c->type == XML_ELEMENT_NODE) {
        std::string_view t = Name(c);
        if (IsNeverContentTag(t) || (c->properties && IsHidden(c))) continue;
        *out += ' ';
        CaptionText(c->children, out, depth + 1);
        *out += ' ';
      }
    }
  }

  // Rule: captions apart. Photo captions and credits are not body text; they are reported in
  // Article::captions with the credit (an element named credit/copyright/source) split off.
  void CollectCaption(const xmlNode* n) {
    std::string raw, credit;
    std::function<void(const xmlNode*, int)> find_credit = [&](const xmlNode* k, int depth) {
      for (; k && depth < 8; k = k->next) {
        if (k->type != XML_ELEMENT_NODE) continue;
        std::string names = Lower(std::string(AttrView(k, "class")));
        if (names.find("credit") != std::string::npos ||
            names.find("copyright") != std::string::npos ||
            names.find("source") != std::string::npos) {
          CaptionText(k->children, &credit, 0);
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
    CaptionText(cap->children, &raw, 0);
    std::string text = CollapseSpace(raw);
    credit = CollapseSpace(credit);
    if (!credit.empty()) {
      size_t p = text.rfind(credit);
      if (p != std::string::npos) text = CollapseSpace(text.substr(0, p));
    }
    if (!text.empty() && captions.size() < 256) captions.push_back({text, credit});
  }

  const ExtractOptions& opts_;
  std::chrono::steady_clock::time_point deadline_;
  MetadataWalk* meta_;
  size_t visited_ = 0;
  Ctx ctx_;
  std::string buf_;
  size_t buf_links_ = 0;
  int link_depth_ = 0;
  int br_run_ = 0;
};

// Letters and digits only, lower-cased: "Tram line — opens!" and "tram line opens" compare equal.
std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

// Rule: headline apart. The page's headline repeated as a heading in the body is the title, not
// body text (it is Article::title, and the Markdown/HTML outputs print it once at the top).
bool IsTitleHeading(const std::string& heading, const std::string& title_folded) {
  if (title_folded.empty()) return false;
  std::string h = Fold(heading);
  if (h.empty()) return false;
  if (h == title_folded) return true;
  // "Headline | Site" titles and headlines with a kicker prefix.
  return h.size() * 2 >= title_folded.size() &&
         (title_folded.find(h) != std::string::npos || h.find(title_folded) != std::string::npos);
}

class BodySelector {
 public:
  BodySelector(const PageWalker& w, const ExtractOptions& opts, const std::string& title_folded)
      : w_(w), opts_(opts), n_(w.nodes.size()), title_folded_(title_folded) {}

  // Returns the indices of the selected blocks, in document order. `spare_wrapper` is the
  // second attempt: the largest furniture-named element is kept as the body's wrapper (see
  // ExtractFromHtml). `name_rules` off is the
  // second attempt for pages whose body is wrapped in an element with a furniture name.
  std::vector<size_t> Select(bool name_rules, bool spare_wrapper = false) {
    spare_ = spare_wrapper ? LargestRemovedBox() : -1;
    ComputeRemoval(name_rules);
    Aggregate();
    Score();
    std::vector<size_t> out;
    int top = PickTop();
    if (top < 0) {
      // No candidate: every long, link-poor block the rules left.
      for (size_t i = 0; i < w_.blocks.size(); ++i) {
        const Block& b = w_.blocks[i];
        if (!removed_[b.owner] && CountWordsCjk(b.text) >= 8 && b.link_chars * 2 < b.text.size())
          out.push_back(i);
      }
      // Rule: tiny pages. A page with a few short lines and no furniture is all article.
      if (out.empty())
        for (size_t i = 0; i < w_.blocks.size(); ++i)
          if (!removed_[w_.blocks[i].owner]) out.push_back(i);
      return out;
    }
    std::vector<char> in_root(n_, 0);
    std::vector<int> roots = JoinSiblings(top);
    for (int r : roots) in_root[r] = 1;
    // Propagate root membership and conditional cleaning down the (preorder) node table.
    std::vector<char> cleaned(n_, 0);
    for (size_t i = 1; i < n_; ++i) {
      int p = w_.nodes[i].parent;
      if (in_root[p]) {
        if (!in_root[i]) in_root[i] = 2;  // descendant of a root
        cleaned[i] = cleaned[p] || ShouldClean(static_cast<int>(i));
      }
    }
    int parent_of_top = w_.nodes[top].parent;
    for (size_t i = 0; i < w_.blocks.size(); ++i) {
      const Block& b = w_.blocks[i];
      bool take = in_root[b.owner] && !cleaned[b.owner] && !removed_[b.owner];
      // Loose text beside the winning container (Readability wraps it in a <p> first).
      if (!take && b.owner == parent_of_top && w_.loose[i] && !removed_[b.owner])
        take = SiblingProse(b.text, b.link_chars);
      if (take) out.push_back(i);
    }
    return out;
  }

  size_t SelectedChars(const std::vector<size_t>& sel) const {
    size_t n = 0;
    for (size_t i : sel) n += w_.blocks[i].text.size();
    return n;
  }

 private:
  int Weight(int i) const { return i == spare_ ? 0 : w_.nodes[i].weight; }

  // The furniture-named element, removed by the last selection, holding the most prose.
  int LargestRemovedBox() const {
    int best = -1;
    for (size_t i = 1; i < n_; ++i) {
      if (!removed_[i] || removed_[w_.nodes[i].parent]) continue;
      if (best < 0 || prose_[i] > prose_[best]) best = static_cast<int>(i);
    }
    return best;
  }

  void ComputeRemoval(bool name_rules) {
    removed_.assign(n_, 0);
    // Raw prose totals per subtree, before any removal, to tell wrappers from boxes.
    prose_.assign(n_, 0);
    for (size_t i = 0; i < n_; ++i) prose_[i] = w_.nodes[i].prose_chars;
    for (size_t i = n_ - 1; i > 0; --i) prose_[w_.nodes[i].parent] += prose_[i];
    double page = std::max<double>(1, prose_[0]);
    for (size_t i = 1; i < n_; ++i) {
      const Node& n = w_.nodes[i];
      int p = n.parent;
      if (removed_[p]) {
        removed_[i] = 1;
        continue;
      }
      if (!name_rules || static_cast<int>(i) == spare_) continue;
      double share = prose_[i] / page;
      bool wrapper_tag = n.tag == Tag::kArticle || n.tag == Tag::kMain || n.tag == Tag::kBody;
      switch (n.name_class) {
        case NameClass::kStrongBoilerplate:
          // Rule: furniture names. Strong names go unless the element holds nearly all prose.
          if (share < 0.75) removed_[i] = 1;
          break;
        case NameClass::kWeakBoilerplate:
          // Rule: wrapper modifiers. A weak name ("sidebar", "ad", "modal") on an element that
          // holds much of the page's prose is a layout modifier of the wrapper, not furniture.
          if (!wrapper_tag && share < 0.4) removed_[i] = 1;
          break;
        default:
          break;
      }
      // Rule: landmark roles and HTML5 <header> (site banner, or the headline block).
      if ((n.role_boilerplate || n.tag == Tag::kHeader) && !wrapper_tag && share < 0.4)
        removed_[i] = 1;
    }
  }

  void Aggregate() {
    agg_.assign(w_.nodes.begin(), w_.nodes.end());
    for (auto& n : agg_)
      n.text_chars = n.link_chars = n.commas = n.p_count = n.li_chars = n.heading_chars = 0;
    for (size_t i = 0; i < w_.blocks.size(); ++i) {
      const Block& b = w_.blocks[i];
      if (removed_[b.owner]) continue;
      Node& o = agg_[b.owner];
      uint32_t len = static_cast<uint32_t>(b.text.size());
      o.text_chars += len;
      o.link_chars += b.link_chars;
      o.commas += static_cast<uint32_t>(CountCommas(b.text));
      if (b.kind == BlockKind::kParagraph && !w_.loose[i]) ++o.p_count;
      if (b.kind == BlockKind::kListItem) o.li_chars += len;
      if (b.kind == BlockKind::kHeading) o.heading_chars += len;
    }
    for (size_t i = n_ - 1; i > 0; --i) {
      Node& p = agg_[w_.nodes[i].parent];
      const Node& c = agg_[i];
      p.text_chars += c.text_chars;
      p.link_chars += c.link_chars;
      p.commas += c.commas;
      p.p_count += c.p_count;
      p.li_chars += c.li_chars;
      p.heading_chars += c.heading_chars;
      p.imgs += c.imgs;
      p.inputs += c.inputs;
      p.embeds += c.embeds;
    }
  }

  double LinkDensity(int i) const {
    return agg_[i].text_chars ? static_cast<double>(agg_[i].link_chars) / agg_[i].text_chars : 0;
  }

  static int TagBase(Tag t) {
    switch (t) {
      case Tag::kBlock:
      case Tag::kArticle:
      case Tag::kMain:
        return 5;
      case Tag::kPre:
      case Tag::kTd:
      case Tag::kBlockquote:
        return 3;
      case Tag::kUl:
      case Tag::kOl:
      case Tag::kLi:
      case Tag::kDt:
      case Tag::kDd:
        return -3;
      case Tag::kH:
      case Tag::kTh:
        return -5;
      default:
        return 0;
    }
  }

  void Score() {
    score_.assign(n_, 0);
    scored_.assign(n_, 0);
    for (size_t i = 0; i < w_.blocks.size(); ++i) {
      const Block& b = w_.blocks[i];
      if (removed_[b.owner] || b.text.size() < 25) continue;
      if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kQuote &&
          b.kind != BlockKind::kPre)
        continue;
      double s =
          1.0 + static_cast<double>(CountCommas(b.text)) + std::min(3.0, b.text.size() / 100.0);
      int node = w_.loose[i] ? b.owner : w_.nodes[b.owner].parent;
      for (int level = 0; node >= 0 && level < 5; ++level, node = w_.nodes[node].parent) {
        if (!scored_[node]) {
          scored_[node] = 1;
          score_[node] = TagBase(w_.nodes[node].tag) + Weight(node);
        }
        score_[node] += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      }
    }
    final_.assign(n_, 0);
    for (size_t i = 0; i < n_; ++i)
      if (scored_[i]) final_[i] = score_[i] * (1.0 - LinkDensity(static_cast<int>(i)));
  }

  bool IsAncestor(int a, int d) const {
    for (int p = d; p >= 0; p = w_.nodes[p].parent)
      if (p == a) return true;
    return false;
  }

  int PickTop() {
    int story = story_ = HeadlineArticle();
    std::vector<int> cands;
    // The page root is a candidate too: pages that put their paragraphs straight into <body>.
    for (size_t i = 0; i < n_; ++i)
      if (scored_[i] && !removed_[i] && (story < 0 || IsAncestor(story, static_cast<int>(i))))
        cands.push_back(static_cast<int>(i));
    if (cands.empty()) return -1;
    std::sort(cands.begin(), cands.end(), [&](int a, int b) { return final_[a] > final_[b]; });
    if (cands.size() > 5) cands.resize(5);
    int top = cands[0];
    double top_score = final_[top];
    // Rule: split bodies, part one. When several near-equal candidates share an ancestor, the
    // body is split into them (ad slots between runs of paragraphs): take the ancestor.
    std::vector<int> alts;
    for (size_t k = 1; k < cands.size(); ++k)
      if (final_[cands[k]] >= 0.75 * top_score) alts.push_back(cands[k]);
    auto inside_story = [&](int p) { return story < 0 || IsAncestor(story, p); };
    if (alts.size() >= 2) {
      for (int p = w_.nodes[top].parent; p > 0 && inside_story(p); p = w_.nodes[p].parent) {
        size_t inside = 0;
        for (int a : alts) inside += IsAncestor(p, a);
        if (inside >= std::min<size_t>(alts.size(), 3)) {
          top = p;
          break;
        }
      }
    }
    // Walk up while the parent scores better (the body's real container).
    double last = final_[top];
    double threshold = last / 3;
    for (int p = w_.nodes[top].parent; p > 0 && inside_story(p); p = w_.nodes[p].parent) {
      if (!scored_[p]) continue;
      if (final_[p] < threshold) break;
      if (final_[p] > last) {
        top = p;
        break;
      }
      last = final_[p];
    }
    // A lone child is its parent's content.
    while (w_.nodes[top].parent > 0 && w_.nodes[w_.nodes[top].parent].children == 1 &&
           !removed_[w_.nodes[top].parent] && inside_story(w_.nodes[top].parent))
      top = w_.nodes[top].parent;
    return top;
  }

  // Rule: the headline's article. When the page's headline sits in an <article> element that
  // also holds body prose, that element is the story and teaser lists elsewhere on the page
  // (which can outscore a one-paragraph post) are not candidates.
  int HeadlineArticle() const {
    for (const Block& b : w_.blocks) {
      if (b.kind != BlockKind::kHeading || b.level > 2 || removed_[b.owner]) continue;
      if (!IsTitleHeading(b.text, title_folded_)) continue;
      for (int p = b.owner; p > 0; p = w_.nodes[p].parent)
        if (w_.nodes[p].tag == Tag::kArticle) return prose_[p] >= 200 ? p : -1;
      return -1;
    }
    return -1;
  }

  bool SiblingProse(const std::string& text, size_t link_chars) const {
    double ld = text.empty() ? 0 : static_cast<double>(link_chars) / text.size();
    if (text.size() > 80) return ld < 0.25;
    return link_chars == 0 && !text.empty() &&
           (text.find(". ") != std::string::npos || text.back() == '.');
  }

  // Rule: split bodies, part two. Siblings of the winner that score near it, share its class,
  // or are plain prose paragraphs are the same article.
  std::vector<int> JoinSiblings(int top) const {
    std::vector<int> roots = {top};
    int parent = w_.nodes[top].parent;
    // The headline's <article> is a self-contained story: nothing beside it joins.
    if (parent < 0 || top == story_) return roots;
    double threshold =
        std::max(10.0, final_[top] * (opts_.mode == ExtractMode::kRecall ? 0.1 : 0.2));
    std::string_view top_class = w_.nodes[top].x ? AttrView(w_.nodes[top].x, "class") : "";
    for (size_t i = 1; i < n_; ++i) {
      if (w_.nodes[i].parent != parent || static_cast<int>(i) == top || removed_[i]) continue;
      // Rule: one <article>, one story. Sibling <article> elements are other stories (blog
      // index pages, "next article" teasers), never the rest of this one.
      if (w_.nodes[i].tag == Tag::kArticle) continue;
      double bonus = 0;
      if (!top_class.empty() && AttrView(w_.nodes[i].x, "class") == top_class)
        bonus = final_[top] * 0.2;
      bool add = scored_[i] && final_[i] + bonus >= threshold;
      if (!add && w_.nodes[i].tag == Tag::kP) {
        const Node& a = agg_[i];
        add = a.text_chars > 0 &&
              (a.text_chars > 80 ? LinkDensity(static_cast<int>(i)) < 0.25 : a.link_chars == 0);
      }
      if (add) roots.push_back(static_cast<int>(i));
    }
    // Rule: repeated templates. Bodies cut into sections render each section with the same
    // wrapper markup; a sibling of the winner (or of one of its near ancestors) with the same
    // tag and class, holding link-poor prose, is the next section of the same body.
    int x = top;
    for (int level = 0; level < 4 && x > 0; ++level, x = w_.nodes[x].parent) {
      std::string_view cls = AttrView(w_.nodes[x].x, "class");
      int px = w_.nodes[x].parent;
      if (cls.empty() || px < 0) continue;
      for (size_t i = 1; i < n_; ++i) {
        if (w_.nodes[i].parent != px || static_cast<int>(i) == x || removed_[i]) continue;
        if (w_.nodes[i].tag != w_.nodes[x].tag || w_.nodes[i].tag == Tag::kArticle) continue;
        if (AttrView(w_.nodes[i].x, "class") != cls) continue;
        if (prose_[i] < 80 || LinkDensity(static_cast<int>(i)) > 0.25) continue;
        if (std::find(roots.begin(), roots.end(), static_cast<int>(i)) == roots.end())
          roots.push_back(static_cast<int>(i));
      }
    }
    return roots;
  }

  // Rule: conditional cleaning. Inside the body, containers that read as link lists, galleries,
  // forms or furniture-named boxes go, unless they carry real prose (many commas).
  bool ShouldClean(int i) const {
    const Node& n = agg_[i];
    Tag t = n.tag;
    if (t == Tag::kP || t == Tag::kH || t == Tag::kLi || t == Tag::kPre || t == Tag::kBlockquote ||
        t == Tag::kTr || t == Tag::kTd || t == Tag::kTh || t == Tag::kDt || t == Tag::kDd)
      return false;
    if (n.data_table) return false;
    double content_score = scored_[i] ? score_[i] : 0;
    int weight = Weight(i);
    if (weight + content_score < 0) return true;
    if (n.commas >= 10) return false;
    bool is_list =
        t == Tag::kUl || t == Tag::kOl || (n.text_chars && n.li_chars * 10 >= n.text_chars * 9);
    double ld = LinkDensity(i);
    double ld_limit = opts_.mode == ExtractMode::kPrecision ? 0.15
                      : opts_.mode == ExtractMode::kRecall  ? 0.35
                                                            : 0.2;
    uint32_t len = n.text_chars;
    if (n.imgs > 1 && n.p_count * 2 < n.imgs && len < 200) return true;
    if (n.inputs > n.p_count / 3 + 0 && n.inputs > 0) return true;
    if (!is_list && len < 25 && n.heading_chars * 10 < len * 9 && (n.imgs == 0 || n.imgs > 2))
      return true;
    if (weight < 25 && ld > ld_limit) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if ((n.embeds == 1 && len < 75) || n.embeds > 1) return n.p_count == 0;
    return false;
  }

  const PageWalker& w_;
  const ExtractOptions& opts_;
  size_t n_;
  int spare_ = -1;
  int story_ = -1;
  std::vector<char> removed_, scored_;
  std::vector<uint32_t> prose_;
  std::vector<Node> agg_;
  std::vector<double> score_, final_;
  const std::string& title_folded_;
};

}  // namespace

core::Status ExtractFromHtml(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* a, bool read_metadata) {
  auto deadline = std::chrono::steady_clock::now() + options.time_budget;
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, DocFree> dom(htmlReadMemory(
      doc.content.data(), static_cast<int>(doc.content.size()), nullptr, "UTF-8", opts));
  if (!dom || !xmlDocGetRootElement(dom.get()))
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id, "no HTML document");
  const xmlNode* root = xmlDocGetRootElement(dom.get());

  MetadataWalk meta;
  MetadataWalk* m = read_metadata ? &meta : nullptr;
  PageWalker walker(options, deadline, m);
  const xmlNode* body = root;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && Name(c) == "body") body = c;
  if (body == root) {
    walker.Walk(root, MetadataWalk::Context{});
  } else {
    // The body walk starts inside <body>; the metadata reader takes <html> (its lang), <head>
    // and anything else outside the body itself, in document order.
    MetadataWalk::Context none{false, false, true};
    MetadataWalk::Context top = m ? m->Element(root, {}, 0) : none;
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      MetadataWalk::Context in = m ? m->Element(c, top, 1) : none;
      if (c == body)
        walker.Walk(body->children, in);
      else if (!in.done)
        m->Siblings(c->children, in, 2);
    }
    if (m) m->Siblings(root->next, {}, 0);
  }
  if (walker.node_limit_hit)
    return core::Status::LimitExceeded(
        doc.provenance.source, doc.provenance.record_id,
        "page has more than " + std::to_string(options.limits.max_dom_nodes) + " nodes");
  if (walker.timed_out)
    return core::Status::LimitExceeded(doc.provenance.source, doc.provenance.record_id,
                                       std::string(kTimeBudgetMessage));
  a->captions = std::move(walker.captions);
  if (m) m->Resolve(doc, options, a);

  std::string title_folded = Fold(a->title);
  BodySelector selector(walker, options, title_folded);
  std::vector<size_t> sel = selector.Select(/*name_rules=*/true);
  // Rule: second attempt. When the furniture-name rules leave almost nothing, the body sat in a
  // furniture-named wrapper after all ("share-tools-enabled"): select again keeping the largest
  // removed box, then without name rules at all, and keep the first result that is clearly
  // longer.
  if (selector.SelectedChars(sel) < 500) {
    for (bool name_rules : {true, false}) {
      std::vector<size_t> retry = selector.Select(name_rules, /*spare_wrapper=*/name_rules);
      if (selector.SelectedChars(retry) > 2 * selector.SelectedChars(sel)) {
        sel = std::move(retry);
        break;
      }
    }
  }

  size_t min_words = options.mode == ExtractMode::kPrecision ? 4
                     : options.mode == ExtractMode::kRecall  ? 1
                                                             : 2;
  std::vector<Block> body_blocks;
  for (size_t i : sel) {
    const Block& b = walker.blocks[i];
    bool structural = b.kind == BlockKind::kHeading || b.kind == BlockKind::kListItem ||
                      b.kind == BlockKind::kCell;
    size_t words = CountWordsCjk(b.text);
    if (!structural && words < min_words) continue;
    // Link-only lines inside the body ("Read: <linked headline>") are navigation.
    // Headings are exempt: documentation and wiki pages link every subhead to itself.
    if (b.kind != BlockKind::kCell && b.kind != BlockKind::kHeading &&
        b.link_chars * 2 > b.text.size() && words < 15)
      continue;
    if (IsChromeText(b.text)) continue;
    if (b.kind == BlockKind::kHeading && IsTitleHeading(b.text, title_folded)) continue;
    body_blocks.push_back(b);
  }
  if (body_blocks.empty() && selector.SelectedChars(sel) < 200) {
    // Rule: tiny pages, part two. A few short lines are the whole page; the length and link
    // rules above are for separating furniture from a real body, which is not there.
    for (size_t i : sel) body_blocks.push_back(walker.blocks[i]);
  }
  std::vector<std::string> paragraphs;
  paragraphs.reserve(body_blocks.size());
  for (const Block& b : body_blocks) paragraphs.push_back(b.text);
  a->wire = TakeWireCredit(&paragraphs);
  if (!a->wire.empty()) a->field_sources["wire"] = "text";
  body_blocks.resize(std::min(body_blocks.size(), paragraphs.size()));
  for (size_t i = 0; i < body_blocks.size(); ++i) body_blocks[i].text = paragraphs[i];
  if (body_blocks.empty())
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id,
                               "no article text found");
  a->text = RenderText(body_blocks, options.limits.max_text_bytes);
  if (options.with_markdown)
    a->markdown = RenderMarkdown(a->title, body_blocks, options.limits.max_text_bytes);
  if (options.with_html) a->html = RenderHtml(a->title, body_blocks, options.limits.max_text_bytes);
  return core::Status::Ok();
}

}  // namespace wirebrief::extract::detail
