// The page walk behind HTML extraction: one pass over libxml2's DOM that builds a flat table of
// block-level elements (Node) and the ordered list of text blocks (Block) that body selection
// (html_article.cc) works on, collecting captions on the way and driving the metadata reader.
// Split from html_article.cc by concern: the walk turns a DOM into arrays, selection reads them.
#pragma once

#include <libxml/tree.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "extract/detail/blocks.h"
#include "extract/detail/boilerplate_rules.h"
#include "extract/detail/dom.h"
#include "extract/detail/rules.h"
#include "extract/extract.h"

namespace wirebrief::extract::detail {

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

// The walk's kind of an element name: block, inline, or one of the elements it treats apart.
Tag ClassifyTag(std::string_view t);

// Commas, fullwidth and ideographic ones included: the Readability score counts clauses.
size_t CountCommas(std::string_view s);

struct Node {
  const xmlNode* x = nullptr;
  int parent = -1;
  Tag tag = Tag::kBlock;
  NameClass name_class = NameClass::kNeutral;
  bool role_boilerplate = false;
  bool data_table = false;
  bool end_marker = false;  // share bar, tags block, "next article" label: IsArticleEndName
  int weight = 0;           // class weight
  int children = 0;
  // Own counts, then subtree totals after Aggregate().
  uint32_t prose_chars = 0;  // text in prose-like blocks (long, few links), before any removal
  uint32_t text_chars = 0, link_chars = 0, commas = 0, p_count = 0, li_chars = 0;
  uint32_t heading_chars = 0, imgs = 0, inputs = 0, embeds = 0;
};

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

  // Counts one node against the node and time budgets; false once either is spent.
  bool Budget();

  // Walks `n` and its following siblings at `depth`, text into the buffer, elements into the
  // node table (and, through the metadata reader, its signals).
  void Visit(const xmlNode* n, int depth, MetaContext mc);

  // The body walk's handling of element `c`; false when it did not descend into the children.
  bool VisitElement(const xmlNode* c, int depth, MetaContext inner, const ElementAttrs& attrs);

  // Makes element `c` (node `idx`, of kind `tag`, named `name`) the owner of the text that
  // follows and sets what it changes for its subtree: list, heading, pre, quote, table, row, cell.
  void EnterContainer(const xmlNode* c, Tag tag, int idx, std::string_view name);

  // Rule: layout tables. A table holding another table, or a cell of more than 300 characters, lays
  // out the page; its cells are containers, not data. Other tables are data and keep their rows.
  static bool IsDataTable(const xmlNode* table);

  // Ends the text block being collected: one Block with its kind, owner and link share.
  void Flush();

  // Appends the visible text under `n` (no block structure) for captions.
  void CaptionText(const xmlNode* n, std::string* out, int depth);

  // Rule: captions apart. Photo captions and credits are not body text; they are reported in
  // Article::captions with the credit (an element named credit/copyright/source) split off.
  void CollectCaption(const xmlNode* n);

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

}  // namespace wirebrief::extract::detail
