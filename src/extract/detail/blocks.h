// The article body as an ordered list of structural blocks, produced once by body selection and
// rendered from the same list into plain text, Markdown and sanitized HTML (one pass, three
// outputs).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wirebrief::extract::detail {

enum class BlockKind : unsigned char {
  kParagraph,  // <p> and loose text in containers
  kHeading,    // level in `level` (1..6)
  kListItem,   // depth in `level` (1 = top level), `ordered`
  kQuote,      // text inside <blockquote>
  kPre,        // preformatted text, whitespace kept
  kCell,       // a data-table cell; `group` = table, `row` = row, `header` for <th>
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  unsigned char level = 0;
  bool ordered = false;
  bool header = false;
  int owner = -1;  // index of the element holding the text (html_article.cc's node table)
  int group = -1;  // list or table element index
  int row = -1;    // table row element index
  uint32_t link_chars = 0;
  std::string text;
};

// Paragraphs (and table rows, cells tab-separated) separated by "\n"; no headline.
std::string RenderText(const std::vector<Block>& blocks, size_t max_bytes);
// Markdown: "# title", headings at their level, "-"/"1." lists indented by depth, "> " quotes,
// fenced code, GFM tables with a header row; blocks separated by a blank line.
std::string RenderMarkdown(const std::string& title, const std::vector<Block>& blocks,
                           size_t max_bytes);
// Sanitized HTML: only <article>, <h1>-<h6>, <p>, <ul>/<ol>/<li>, <blockquote>, <pre>,
// <table>/<tr>/<th>/<td>, text escaped, no attributes, so it is safe to embed.
std::string RenderHtml(const std::string& title, const std::vector<Block>& blocks,
                       size_t max_bytes);

}  // namespace wirebrief::extract::detail
