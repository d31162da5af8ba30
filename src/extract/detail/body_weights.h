// The tuning of HTML body selection (html_article.cc), in one place, with where each value came
// from. "Readability.js" marks Mozilla Readability's own value, taken with its algorithm when
// body selection was rewritten in its family (commit 092d07e); the other values were tuned on the
// extraction kit's dev split (bench/extraction) in the commit named. Changing one changes what
// every HTML page extracts to: measure on the kit and the fixtures first.
#pragma once

#include <cstddef>
#include <cstdint>

#include "extract/extract.h"

namespace wirebrief::extract::detail {

// A value that depends on ExtractOptions::mode.
template <typename T>
struct ByMode {
  T precision, balanced, recall;
  constexpr T For(ExtractMode mode) const {
    return mode == ExtractMode::kPrecision ? precision
           : mode == ExtractMode::kRecall  ? recall
                                           : balanced;
  }
};

struct BodyWeights {
  // --- Furniture removal: what share of the page's prose a named element may hold ---
  // A strong furniture name ("comments", "related") goes unless the element holds this share
  // of the page's prose: then it is the body's wrapper. Tuned on extraction dev (092d07e).
  double strong_name_max_share = 0.75;
  // A weak name ("sidebar", "ad", "modal"), a landmark role or a <header> goes below this share:
  // above it the name is a layout modifier of the wrapper. Tuned on extraction dev (092d07e).
  double weak_name_max_share = 0.4;

  // --- Scoring text blocks into their ancestors ---
  size_t min_scored_block_chars = 25;  // shorter blocks score nothing; Readability.js
  double length_bonus_chars = 100;     // one point per this many characters; Readability.js
  double max_length_bonus = 3;         // at most; Readability.js
  int scored_levels = 5;               // ancestors a block scores; Readability.js

  // --- The top candidate ---
  size_t top_candidates = 5;         // candidates compared; Readability.js
  double alternative_share = 0.75;   // of the top score: a near-equal candidate; Readability.js
  size_t min_alternatives = 2;       // near-equal candidates that make a split body; 092d07e
  size_t max_alternatives_held = 3;  // an ancestor holding this many of them wins; Readability.js
  // Walking up from the top candidate stops at a parent scoring under the last score divided by
  // this; Readability.js.
  double parent_score_divisor = 3;
  // The headline's <article> is the story only with this much prose in it; otherwise the
  // headline sits in a teaser. Tuned on the rule fixtures and extraction dev (4509fa8).
  uint32_t headline_article_min_prose = 200;

  // --- Siblings of the winner that join it ---
  double sibling_min_score = 10;  // Readability.js
  // Of the top score: a sibling scoring this joins; Readability.js (0.2), recall mode looser
  // (092d07e).
  ByMode<double> sibling_score_share = {0.2, 0.2, 0.1};
  double same_class_bonus_share = 0.2;  // of the top score, for a sibling of the same class;
                                        // Readability.js
  // Link-poor prose: a text longer than this is prose under the link density below; a shorter
  // one only without links (and, for loose text, reading as a sentence). Readability.js.
  size_t long_prose_chars = 80;
  double max_prose_link_density = 0.25;
  // Repeated templates: how far up the winner's ancestors look for same-class siblings, and
  // the prose such a sibling must hold (at least, link density at most). Tuned on extraction
  // dev (eda43aa). Not LinkPoorProse: it measures the subtree's prose before removal and its
  // bounds are inclusive; making it one would move pages at the boundary.
  int template_levels = 4;
  uint32_t template_min_prose = 80;
  double template_max_link_density = 0.25;

  // --- The article's own end (CutAtArticleEnd; 5a3d139, bounds c2ef2a7) ---
  size_t end_min_prose = 200;  // prose kept before an end marker may end the story
  int end_marker_tries = 8;    // markers looked at between two blocks: linear on hostile pages
  // The JSON-LD articleBody is trusted as the boundary within these sizes (folded bytes) and
  // selections; shorter is a teaser, longer or more blocks would cost on hostile pages.
  size_t jsonld_body_min = 200;
  size_t jsonld_body_max = size_t{1} << 18;
  size_t jsonld_max_blocks = 2000;
  size_t jsonld_prose_block_min = 40;  // folded bytes for a block to count as prose
  size_t jsonld_lookup_prefix = 120;   // folded bytes of a block looked up in the articleBody
  size_t jsonld_cover_tenths = 9;      // the kept story must be this many tenths of it

  // --- Conditional cleaning inside the body (ShouldClean); Readability.js unless noted ---
  uint32_t clean_keep_commas = 10;  // a container with this many commas is prose: kept
  uint32_t list_li_tenths = 9;      // tenths of the text in <li>: the container is a list
  // Link density above which a container is a link list; per mode (092d07e: Readability.js's
  // 0.2 for balanced).
  ByMode<double> clean_link_density = {0.15, 0.2, 0.35};
  uint32_t gallery_max_chars = 200;  // more images than half the paragraphs, under this; 092d07e
  uint32_t short_box_chars = 25;     // a non-list box this short, not a heading, goes
  uint32_t heading_tenths = 9;       // tenths of a short box that make it a heading
  int heavy_weight = 25;             // class weight from which the looser limit below holds
  double heavy_link_density = 0.5;   // link density limit of such a heavy-weight box
  uint32_t single_embed_max_chars = 75;  // a box with one embed and less text is the embed's

  // --- Falling back and retrying (Select, ExtractFromHtml) ---
  // Without a candidate, blocks of at least this many words and under half links; 5a3d139.
  size_t fallback_min_units = 8;
  // Below this selection a second attempt runs and wins when it is retry_gain times longer;
  // Readability.js's 500-character threshold (092d07e).
  size_t retry_below_chars = 500;
  size_t retry_gain = 2;
  // Non-structural blocks with fewer words are dropped from the body; 092d07e.
  ByMode<size_t> min_block_words = {4, 2, 1};
  // Link-only lines: more than half links and fewer words than this are navigation; 092d07e.
  size_t link_line_max_words = 15;
  // Tiny pages: a selection under this many characters is kept whole when the rules above
  // leave nothing; 092d07e.
  size_t tiny_page_chars = 200;

  // --- The body's edges (TrimBodyEdges; 5a3d139) ---
  size_t opening_lines_checked = 4;  // non-heading blocks at the top that may be furniture
  size_t closing_lines_checked = 2;  // blocks at the bottom that may be a credit or a policy
};

// The weights every page is extracted with.
inline constexpr BodyWeights kBodyWeights{};

}  // namespace wirebrief::extract::detail
