// HTML article extraction. The DOM comes from libxml2's HTML parser (recover mode, no network).
//
// One walk over the DOM (page_walker.h) turns it into a flat table of block-level elements and
// an ordered list of text blocks (paragraphs, headings, list items, table cells, quotes, code).
// Body selection then works on those two arrays only, in the Readability family: text blocks
// score their ancestors, the best container wins, sibling containers close to it join it
// (bodies split by ad slots or inline modules come back whole), containers inside it that look
// like link lists, galleries or forms are cleaned away, and the story stops at its own end.
// Boilerplate names, roles and chrome phrases are the named rules in boilerplate_rules.h. We wrote
// this rather than bind a library because body selection is the product here, and no
// Debian-packaged C/C++ library does it.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "extract/detail/blocks.h"
#include "extract/detail/body_weights.h"
#include "extract/detail/boilerplate_rules.h"
#include "extract/detail/dom.h"
#include "extract/detail/metadata.h"
#include "extract/detail/page_walker.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

// Every threshold below is a BodyWeights field: the values and their provenance are there.
constexpr const BodyWeights& kWeights = kBodyWeights;

// Letters and digits only, lower-cased: "Tram line — opens!" and "tram line opens" compare equal.
std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += core::AsciiLower(static_cast<char>(u));
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

// Rule: link-poor prose. A text longer than long_prose_chars is prose while its link density
// stays under max_prose_link_density; a shorter one only without links.
bool LinkPoorProse(size_t chars, size_t link_chars) {
  if (chars > kWeights.long_prose_chars)
    return static_cast<double>(link_chars) / chars < kWeights.max_prose_link_density;
  return link_chars == 0;
}

class BodySelector {
 public:
  // `body_folded`: the JSON-LD articleBody, Fold()ed; empty when the page has none.
  BodySelector(const PageWalker& w, const ExtractOptions& opts, const std::string& title_folded,
               const std::string& body_folded)
      : w_(w),
        opts_(opts),
        n_(w.nodes.size()),
        title_folded_(title_folded),
        body_folded_(body_folded) {}

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
        if (!removed_[b.owner] && CountTextUnits(b.text) >= kWeights.fallback_min_units &&
            b.link_chars * 2 < b.text.size())
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
    CutAtArticleEnd(&out);
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
          if (share < kWeights.strong_name_max_share) removed_[i] = 1;
          break;
        case NameClass::kWeakBoilerplate:
          // Rule: wrapper modifiers. A weak name ("sidebar", "ad", "modal") on an element that
          // holds much of the page's prose is a layout modifier of the wrapper, not furniture.
          if (!wrapper_tag && share < kWeights.weak_name_max_share) removed_[i] = 1;
          break;
        default:
          break;
      }
      // Rule: landmark roles and HTML5 <header> (site banner, or the headline block).
      if ((n.role_boilerplate || n.tag == Tag::kHeader) && !wrapper_tag &&
          share < kWeights.weak_name_max_share)
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
      if (removed_[b.owner] || b.text.size() < kWeights.min_scored_block_chars) continue;
      if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kQuote &&
          b.kind != BlockKind::kPre)
        continue;
      double s = 1.0 + static_cast<double>(CountCommas(b.text)) +
                 std::min(kWeights.max_length_bonus, b.text.size() / kWeights.length_bonus_chars);
      int node = w_.loose[i] ? b.owner : w_.nodes[b.owner].parent;
      for (int level = 0; node >= 0 && level < kWeights.scored_levels;
           ++level, node = w_.nodes[node].parent) {
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
    if (cands.size() > kWeights.top_candidates) cands.resize(kWeights.top_candidates);
    int top = cands[0];
    double top_score = final_[top];
    // Rule: split bodies, part one. When several near-equal candidates share an ancestor, the
    // body is split into them (ad slots between runs of paragraphs): take the ancestor.
    std::vector<int> alts;
    for (size_t k = 1; k < cands.size(); ++k)
      if (final_[cands[k]] >= kWeights.alternative_share * top_score) alts.push_back(cands[k]);
    auto inside_story = [&](int p) { return story < 0 || IsAncestor(story, p); };
    if (alts.size() >= kWeights.min_alternatives) {
      for (int p = w_.nodes[top].parent; p > 0 && inside_story(p); p = w_.nodes[p].parent) {
        size_t inside = 0;
        for (int a : alts) inside += IsAncestor(p, a);
        if (inside >= std::min<size_t>(alts.size(), kWeights.max_alternatives_held)) {
          top = p;
          break;
        }
      }
    }
    // Walk up while the parent scores better (the body's real container).
    double last = final_[top];
    double threshold = last / kWeights.parent_score_divisor;
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
        if (w_.nodes[p].tag == Tag::kArticle)
          return prose_[p] >= kWeights.headline_article_min_prose ? p : -1;
      return -1;
    }
    return -1;
  }

  // Loose text beside the winner joins it when it is link-poor prose; short text must also read
  // as a sentence.
  static bool SiblingProse(const std::string& text, size_t link_chars) {
    if (!LinkPoorProse(text.size(), link_chars)) return false;
    return text.size() > kWeights.long_prose_chars ||
           (!text.empty() && (text.find(". ") != std::string::npos || text.back() == '.'));
  }

  // Rule: the article's own end. Selected blocks run in document order; the story stops where a
  // neighbour starts: (1) after an end marker (share bar, tags block, "next article" label, see
  // IsArticleEndName) when what follows opens with a heading or holds an <h1> of its own, or
  // (2) when the page's JSON-LD articleBody holds the whole story kept so far and what follows
  // opens with a heading and is not in it. Page-level density alone cannot tell: infinite-
  // scroll pages repeat one story's markup for the next, so the neighbour scores as well.
  void CutAtArticleEnd(std::vector<size_t>* sel) const {
    const std::vector<Block>& blocks = w_.blocks;
    const size_t n = sel->size();
    if (n < 2) return;
    // Linear in the selection and the node table, whatever the page: suffix flags for "an <h1>
    // of another story follows", a running prose count, the end markers in document order.
    std::vector<char> h1_after(n + 1, 0);
    for (size_t k = n; k-- > 0;) {
      const Block& b = blocks[(*sel)[k]];
      h1_after[k] = h1_after[k + 1] || (b.kind == BlockKind::kHeading && b.level == 1 &&
                                        !IsTitleHeading(b.text, title_folded_));
    }
    auto opens_story = [&](size_t from) {
      return blocks[(*sel)[from]].kind == BlockKind::kHeading || h1_after[from];
    };
    std::vector<int> markers;
    for (size_t i = 1; i < n_; ++i)
      if (w_.nodes[i].end_marker) markers.push_back(static_cast<int>(i));
    // (1) An end marker between two consecutive selected blocks, after some prose (a marker
    // before any prose is the top of the page, not the article's end).
    size_t prose = 0;
    for (size_t k = 0; k + 1 < n && !markers.empty(); ++k) {
      const Block& cur = blocks[(*sel)[k]];
      if (cur.kind != BlockKind::kHeading) prose += cur.text.size();
      int a = cur.owner, b = blocks[(*sel)[k + 1]].owner;
      if (b <= a + 1 || prose < kWeights.end_min_prose || !opens_story(k + 1)) continue;
      // A share bar between two paragraphs of one container is a mid-story widget: the
      // next story sits in a container of its own.
      int pa = w_.nodes[a].parent, pb = w_.nodes[b].parent;
      if (pa == pb || pb == a || pa == b) continue;
      bool marker = false;
      auto m = std::upper_bound(markers.begin(), markers.end(), a);
      // A few markers at most sit between two blocks; the cap keeps hostile pages linear.
      for (int tries = 0;
           m != markers.end() && *m < b && tries < kWeights.end_marker_tries && !marker;
           ++m, ++tries)
        marker = !IsAncestor(*m, b) && !IsAncestor(*m, a);
      if (marker) {
        sel->resize(k + 1);
        return;
      }
    }
    // (2) The JSON-LD articleBody as the boundary, when it covers the story kept so far (a
    // teaser-only articleBody would cut a real body: not trusted). Bounded: each block is
    // looked up by its first 120 folded bytes, and only on pages of ordinary size.
    if (body_folded_.size() < kWeights.jsonld_body_min ||
        body_folded_.size() > kWeights.jsonld_body_max || n > kWeights.jsonld_max_blocks)
      return;
    std::vector<char> in_body(n, 0), prose_block(n, 0);
    size_t last_in = n, kept_chars = 0;
    for (size_t k = 0; k < n; ++k) {
      std::string f = Fold(blocks[(*sel)[k]].text);
      prose_block[k] = f.size() >= kWeights.jsonld_prose_block_min;
      in_body[k] = prose_block[k] && body_folded_.find(f.substr(
                                         0, kWeights.jsonld_lookup_prefix)) != std::string::npos;
      if (in_body[k]) {
        last_in = k;
        kept_chars += f.size();
      }
    }
    if (last_in + 1 >= n || kept_chars * 10 < body_folded_.size() * kWeights.jsonld_cover_tenths)
      return;
    size_t tail_prose = 0;
    for (size_t k = last_in + 1; k < n; ++k) tail_prose += prose_block[k];
    if (tail_prose > 0 && opens_story(last_in + 1)) sel->resize(last_in + 1);
  }

  // Rule: split bodies, part two. Siblings of the winner that score near it, share its class,
  // or are plain prose paragraphs are the same article.
  std::vector<int> JoinSiblings(int top) const {
    std::vector<int> roots = {top};
    int parent = w_.nodes[top].parent;
    // The headline's <article> is a self-contained story: nothing beside it joins.
    if (parent < 0 || top == story_) return roots;
    double threshold = std::max(kWeights.sibling_min_score,
                                final_[top] * kWeights.sibling_score_share.For(opts_.mode));
    std::string_view top_class = w_.nodes[top].x ? AttrView(w_.nodes[top].x, "class") : "";
    for (size_t i = 1; i < n_; ++i) {
      if (w_.nodes[i].parent != parent || static_cast<int>(i) == top || removed_[i]) continue;
      // Rule: one <article>, one story. Sibling <article> elements are other stories (blog
      // index pages, "next article" teasers), never the rest of this one.
      if (w_.nodes[i].tag == Tag::kArticle) continue;
      double bonus = 0;
      if (!top_class.empty() && AttrView(w_.nodes[i].x, "class") == top_class)
        bonus = final_[top] * kWeights.same_class_bonus_share;
      bool add = scored_[i] && final_[i] + bonus >= threshold;
      if (!add && w_.nodes[i].tag == Tag::kP) {
        const Node& a = agg_[i];
        add = a.text_chars > 0 && LinkPoorProse(a.text_chars, a.link_chars);
      }
      if (add) roots.push_back(static_cast<int>(i));
    }
    // Rule: repeated templates. Bodies cut into sections render each section with the same
    // wrapper markup; a sibling of the winner (or of one of its near ancestors) with the same
    // tag and class, holding link-poor prose, is the next section of the same body.
    int x = top;
    for (int level = 0; level < kWeights.template_levels && x > 0;
         ++level, x = w_.nodes[x].parent) {
      std::string_view cls = AttrView(w_.nodes[x].x, "class");
      int px = w_.nodes[x].parent;
      if (cls.empty() || px < 0) continue;
      for (size_t i = 1; i < n_; ++i) {
        if (w_.nodes[i].parent != px || static_cast<int>(i) == x || removed_[i]) continue;
        if (w_.nodes[i].tag != w_.nodes[x].tag || w_.nodes[i].tag == Tag::kArticle) continue;
        if (AttrView(w_.nodes[i].x, "class") != cls) continue;
        if (prose_[i] < kWeights.template_min_prose ||
            LinkDensity(static_cast<int>(i)) > kWeights.template_max_link_density)
          continue;
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
    if (n.commas >= kWeights.clean_keep_commas) return false;
    bool is_list = t == Tag::kUl || t == Tag::kOl ||
                   (n.text_chars && n.li_chars * 10 >= n.text_chars * kWeights.list_li_tenths);
    double ld = LinkDensity(i);
    double ld_limit = kWeights.clean_link_density.For(opts_.mode);
    uint32_t len = n.text_chars;
    if (n.imgs > 1 && n.p_count * 2 < n.imgs && len < kWeights.gallery_max_chars) return true;
    if (n.inputs > n.p_count / 3 + 0 && n.inputs > 0) return true;
    if (!is_list && len < kWeights.short_box_chars &&
        n.heading_chars * 10 < len * kWeights.heading_tenths && (n.imgs == 0 || n.imgs > 2))
      return true;
    if (weight < kWeights.heavy_weight && ld > ld_limit) return true;
    if (weight >= kWeights.heavy_weight && ld > kWeights.heavy_link_density) return true;
    if ((n.embeds == 1 && len < kWeights.single_embed_max_chars) || n.embeds > 1)
      return n.p_count == 0;
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
  const std::string& body_folded_;
};

// Rule: the body's edges. Byline-and-timestamp lines, author label lines, date lines and
// comment policies that open the body container (and such lines closing it) are page
// furniture; see boilerplate_rules.h. The names of an author label line become the
// byline when the page gave none elsewhere (`authors` null: metadata is not being read).
void TrimBodyEdges(std::vector<Block>* blocks, std::vector<std::string>* authors) {
  std::vector<char> drop(blocks->size(), 0);
  std::string byline;
  auto furniture_line = [&](const Block& b) {
    if (b.kind != BlockKind::kParagraph) return false;
    if (IsDateOrBylineLine(b.text)) return true;
    if (std::string names = AuthorLabelLine(b.text); !names.empty()) {
      if (byline.empty()) byline = names;
      return true;
    }
    return false;
  };
  // The opening blocks up to the first one that is the article's own text (headings, such as
  // a kicker, neither end the run nor go).
  for (size_t k = 0, seen = 0; k < blocks->size() && seen < kWeights.opening_lines_checked; ++k) {
    const Block& b = (*blocks)[k];
    if (b.kind == BlockKind::kHeading) continue;
    ++seen;
    if (furniture_line(b) || IsCommentPolicyText(b.text))
      drop[k] = 1;
    else
      break;
  }
  // The closing blocks: an author credit or a comment policy after the last paragraph. Not a
  // date line: at the end of a story, "Festival 29 November | 20 January" is the event's dates.
  for (size_t k = blocks->size(), seen = 0; k > 0 && seen < kWeights.closing_lines_checked;
       --k, ++seen) {
    const Block& b = (*blocks)[k - 1];
    bool credit = b.kind == BlockKind::kParagraph && !AuthorLabelLine(b.text).empty();
    if (drop[k - 1] || !(credit || IsCommentPolicyText(b.text))) break;
    drop[k - 1] = 1;
  }
  // Never all of it: a page whose only text is such a line keeps it.
  if (std::all_of(drop.begin(), drop.end(), [](char d) { return d; })) return;
  size_t out = 0;
  for (size_t k = 0; k < blocks->size(); ++k) {
    if (drop[k]) continue;
    if (out != k) (*blocks)[out] = std::move((*blocks)[k]);
    ++out;
  }
  blocks->resize(out);
  if (authors && authors->empty() && !byline.empty())
    *authors = CleanAuthorNames({byline}, nullptr);
}

}  // namespace

core::Status ExtractFromHtml(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* a, PageFacts* facts) {
  auto deadline = std::chrono::steady_clock::now() + options.time_budget;
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, DocFree> dom(htmlReadMemory(
      doc.content.data(), static_cast<int>(doc.content.size()), nullptr, "UTF-8", opts));
  if (!dom || !xmlDocGetRootElement(dom.get()))
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id, "no HTML document");
  const xmlNode* root = xmlDocGetRootElement(dom.get());

  MetadataWalk meta;
  MetadataWalk* m = facts ? &meta : nullptr;
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
  if (m) *facts = m->Resolve(doc, options, a);

  std::string title_folded = Fold(a->title);
  // The JSON-LD articleBody, when the metadata reader ran on this page.
  std::string body_folded = facts ? Fold(facts->jsonld_body) : std::string();
  BodySelector selector(walker, options, title_folded, body_folded);
  std::vector<size_t> sel = selector.Select(/*name_rules=*/true);
  // Rule: second attempt. When the furniture-name rules leave almost nothing, the body sat in a
  // furniture-named wrapper after all ("share-tools-enabled"): select again keeping the largest
  // removed box, then without name rules at all, and keep the first result that is clearly
  // longer.
  if (selector.SelectedChars(sel) < kWeights.retry_below_chars) {
    for (bool name_rules : {true, false}) {
      std::vector<size_t> retry = selector.Select(name_rules, /*spare_wrapper=*/name_rules);
      if (selector.SelectedChars(retry) > kWeights.retry_gain * selector.SelectedChars(sel)) {
        sel = std::move(retry);
        break;
      }
    }
  }

  size_t min_words = kWeights.min_block_words.For(options.mode);
  std::vector<Block> body_blocks;
  for (size_t i : sel) {
    const Block& b = walker.blocks[i];
    bool structural = b.kind == BlockKind::kHeading || b.kind == BlockKind::kListItem ||
                      b.kind == BlockKind::kCell;
    size_t words = CountTextUnits(b.text);
    if (!structural && words < min_words) continue;
    // Link-only lines inside the body ("Read: <linked headline>") are navigation.
    // Headings are exempt: documentation and wiki pages link every subhead to itself.
    if (b.kind != BlockKind::kCell && b.kind != BlockKind::kHeading &&
        b.link_chars * 2 > b.text.size() && words < kWeights.link_line_max_words)
      continue;
    if (IsChromeText(b.text)) continue;
    if (b.kind == BlockKind::kHeading && IsTitleHeading(b.text, title_folded)) continue;
    body_blocks.push_back(b);
  }
  if (body_blocks.empty() && selector.SelectedChars(sel) < kWeights.tiny_page_chars) {
    // Rule: tiny pages, part two. A few short lines are the whole page; the length and link
    // rules above are for separating furniture from a real body, which is not there.
    for (size_t i : sel) body_blocks.push_back(walker.blocks[i]);
  }
  std::vector<std::string> page_authors = a->authors;
  TrimBodyEdges(&body_blocks, m ? &a->authors : nullptr);
  if (m && page_authors.empty() && !a->authors.empty()) {
    a->field_sources["authors"] = "dom";
    a->field_confidence["authors"] = SourceConfidence("dom");
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
