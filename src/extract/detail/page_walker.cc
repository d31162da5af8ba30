// The page walk: see page_walker.h.
#include "extract/detail/page_walker.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {

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

bool PageWalker::Budget() {
  if (++visited_ > opts_.limits.max_dom_nodes) node_limit_hit = true;
  if ((visited_ & 1023) == 0 && std::chrono::steady_clock::now() > deadline_) timed_out = true;
  return !node_limit_hit && !timed_out;
}

void PageWalker::Visit(const xmlNode* n, int depth, MetaContext mc) {
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

bool PageWalker::VisitElement(const xmlNode* c, int depth, MetaContext inner,
                              const ElementAttrs& attrs) {
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
    node.end_marker = c->properties && IsArticleEndName(attrs.cls);
    nodes.push_back(node);
    ++nodes[ctx_.owner].children;
    Flush();
    Ctx saved = ctx_;
    EnterContainer(c, tag, idx, name);
    br_run_ = 0;
    Visit(c->children, depth + 1, inner);
    Flush();
    ctx_ = saved;
    br_run_ = 0;
    return true;
  }
}

void PageWalker::EnterContainer(const xmlNode* c, Tag tag, int idx, std::string_view name) {
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
}

bool PageWalker::IsDataTable(const xmlNode* table) {
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

void PageWalker::Flush() {
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
  if (IsNextArticleLabel(b.text)) o.end_marker = true;
  uint32_t len = static_cast<uint32_t>(b.text.size());
  // Prose: a long, link-poor block, or a whole short sentence without links. Wire copy on
  // regional sites runs to one-sentence paragraphs under 50 bytes ("Verletzt wurde niemand."),
  // and a body measured as no prose at all lost its wrapper to the furniture-name rules
  // (issue 28: a dpa story rejected, or replaced by the teasers beside it).
  bool short_sentence = len >= 20 && links == 0 && b.kind == BlockKind::kParagraph &&
                        owner_tag == Tag::kP && EndsLikeSentence(b.text) &&
                        CountTextUnits(b.text) >= 3;
  if ((len >= 50 && links * 10 < len * 3 && b.kind != BlockKind::kListItem &&
       b.kind != BlockKind::kCell) ||
      short_sentence)
    o.prose_chars += len;
  blocks.push_back(std::move(b));
  loose.push_back(is_loose);
}

void PageWalker::CaptionText(const xmlNode* n, std::string* out, int depth) {
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

void PageWalker::CollectCaption(const xmlNode* n) {
  std::string raw, credit;
  std::function<void(const xmlNode*, int)> find_credit = [&](const xmlNode* k, int depth) {
    for (; k && depth < 8; k = k->next) {
      if (k->type != XML_ELEMENT_NODE) continue;
      std::string names = core::AsciiLower(std::string(AttrView(k, "class")));
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

}  // namespace wirebrief::extract::detail
