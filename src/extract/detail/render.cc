// Renders the selected body blocks as plain text, Markdown and sanitized HTML.
#include <algorithm>
#include <string_view>

#include "extract/detail/blocks.h"

namespace wirebrief::extract::detail {
namespace {

// A table as rows of cells, gathered from consecutive kCell blocks of one table.
struct Table {
  std::vector<std::vector<const Block*>> rows;
  size_t columns = 0;
};

// Collects the table starting at blocks[*i]; leaves *i on the last cell.
Table TakeTable(const std::vector<Block>& blocks, size_t* i) {
  Table t;
  int group = blocks[*i].group, row = -2;
  size_t k = *i;
  for (; k < blocks.size() && blocks[k].kind == BlockKind::kCell && blocks[k].group == group; ++k) {
    if (blocks[k].row != row) {
      t.rows.emplace_back();
      row = blocks[k].row;
    }
    t.rows.back().push_back(&blocks[k]);
  }
  *i = k - 1;
  for (const auto& r : t.rows) t.columns = std::max(t.columns, r.size());
  return t;
}

void AppendEscapedHtml(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '&':
        *out += "&amp;";
        break;
      case '"':
        *out += "&quot;";
        break;
      default:
        *out += c;
    }
  }
}

// Escapes what would turn a paragraph into other Markdown: a leading "#", ">", "-", "+", "*" or
// "1." and inline "*", "_", "`", "[", "]", "|" anywhere.
std::string EscapeMarkdown(std::string_view s, bool in_table) {
  std::string out;
  out.reserve(s.size() + 8);
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) {
    out.append(s.substr(0, digits));
    out += '\\';
    s.remove_prefix(digits);
  } else if (!s.empty() &&
             (s[0] == '#' || s[0] == '>' || s[0] == '-' || s[0] == '+' || s[0] == '=')) {
    out += '\\';
  }
  for (char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '\\' ||
        (in_table && c == '|'))
      out += '\\';
    out += (c == '\n' && in_table) ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string RenderText(const std::vector<Block>& blocks, size_t max_bytes) {
  std::string out;
  for (size_t i = 0; i < blocks.size() && out.size() < max_bytes; ++i) {
    const Block& b = blocks[i];
    if (!out.empty()) out += '\n';
    if (b.kind == BlockKind::kCell) {
      Table t = TakeTable(blocks, &i);
      for (size_t r = 0; r < t.rows.size(); ++r) {
        if (r) out += '\n';
        for (size_t c = 0; c < t.rows[r].size(); ++c) {
          if (c) out += '\t';
          out += t.rows[r][c]->text;
        }
      }
    } else {
      out += b.text;
    }
  }
  return out;
}

std::string RenderMarkdown(const std::string& title, const std::vector<Block>& blocks,
                           size_t max_bytes) {
  std::string out;
  if (!title.empty()) out += "# " + EscapeMarkdown(title, false) + "\n";
  std::vector<int> counters(8, 0);
  BlockKind prev = BlockKind::kParagraph;
  int prev_group = -1;
  for (size_t i = 0; i < blocks.size() && out.size() < max_bytes; ++i) {
    const Block& b = blocks[i];
    bool list_continues = b.kind == BlockKind::kListItem && prev == BlockKind::kListItem;
    bool quote_continues = b.kind == BlockKind::kQuote && prev == BlockKind::kQuote;
    if (!out.empty()) out += quote_continues ? ">\n" : list_continues ? "" : "\n";
    switch (b.kind) {
      case BlockKind::kHeading:
        out += std::string(std::clamp<int>(b.level, 1, 6), '#') + " " +
               EscapeMarkdown(b.text, false) + "\n";
        break;
      case BlockKind::kListItem: {
        size_t depth = std::clamp<int>(b.level, 1, 8);
        if (!list_continues || (depth == 1 && b.group != prev_group))
          std::fill(counters.begin(), counters.end(), 0);
        for (size_t d = depth; d < counters.size(); ++d) counters[d] = 0;
        // Four spaces per level nests under both "- " and "10. " items in CommonMark.
        out += std::string(4 * (depth - 1), ' ');
        out += b.ordered ? std::to_string(++counters[depth - 1]) + ". " : "- ";
        out += EscapeMarkdown(b.text, false) + "\n";
        break;
      }
      case BlockKind::kQuote:
        out += "> " + EscapeMarkdown(b.text, false) + "\n";
        break;
      case BlockKind::kPre: {
        std::string fence = b.text.find("```") == std::string::npos ? "```" : "~~~~";
        out += fence + "\n" + b.text + "\n" + fence + "\n";
        break;
      }
      case BlockKind::kCell: {
        Table t = TakeTable(blocks, &i);
        for (size_t r = 0; r < t.rows.size(); ++r) {
          out += "|";
          for (size_t c = 0; c < t.columns; ++c) {
            std::string cell = c < t.rows[r].size() ? EscapeMarkdown(t.rows[r][c]->text, true) : "";
            out += " " + cell + " |";
          }
          out += "\n";
          if (r == 0) {
            out += "|";
            for (size_t c = 0; c < t.columns; ++c) out += " --- |";
            out += "\n";
          }
        }
        break;
      }
      case BlockKind::kParagraph:
        out += EscapeMarkdown(b.text, false) + "\n";
        break;
    }
    prev = b.kind;
    prev_group = b.group;
  }
  return out;
}

std::string RenderHtml(const std::string& title, const std::vector<Block>& blocks,
                       size_t max_bytes) {
  std::string out = "<article>\n";
  if (!title.empty()) {
    out += "<h1>";
    AppendEscapedHtml(title, &out);
    out += "</h1>\n";
  }
  // Open lists, innermost last: whether ordered, and whether an <li> is open in it.
  std::vector<std::pair<bool, bool>> lists;
  int list_group = -1;
  auto close_lists_to = [&](size_t depth) {
    while (lists.size() > depth) {
      if (lists.back().second) out += "</li>";
      out += lists.back().first ? "</ol>\n" : "</ul>\n";
      lists.pop_back();
    }
  };
  bool in_quote = false;
  for (size_t i = 0; i < blocks.size() && out.size() < max_bytes; ++i) {
    const Block& b = blocks[i];
    if (b.kind != BlockKind::kListItem) close_lists_to(0);
    if (b.kind != BlockKind::kQuote && in_quote) {
      out += "</blockquote>\n";
      in_quote = false;
    }
    switch (b.kind) {
      case BlockKind::kHeading: {
        char h = static_cast<char>('0' + std::clamp<int>(b.level, 1, 6));
        out += std::string("<h") + h + ">";
        AppendEscapedHtml(b.text, &out);
        out += std::string("</h") + h + ">\n";
        break;
      }
      case BlockKind::kListItem: {
        size_t depth = std::clamp<int>(b.level, 1, 8);
        if (depth == 1 && b.group != list_group) close_lists_to(0);
        list_group = depth == 1 ? b.group : list_group;
        close_lists_to(depth);
        if (lists.size() == depth && lists.back().second) out += "</li>\n";
        while (lists.size() < depth) {
          out += b.ordered ? "<ol>\n" : "<ul>\n";
          lists.push_back({b.ordered, false});
        }
        out += "<li>";
        AppendEscapedHtml(b.text, &out);
        lists.back().second = true;
        break;
      }
      case BlockKind::kQuote:
        if (!in_quote) out += "<blockquote>\n";
        in_quote = true;
        out += "<p>";
        AppendEscapedHtml(b.text, &out);
        out += "</p>\n";
        break;
      case BlockKind::kPre:
        out += "<pre>";
        AppendEscapedHtml(b.text, &out);
        out += "</pre>\n";
        break;
      case BlockKind::kCell: {
        Table t = TakeTable(blocks, &i);
        out += "<table>\n";
        for (const auto& row : t.rows) {
          out += "<tr>";
          for (const Block* c : row) {
            out += c->header ? "<th>" : "<td>";
            AppendEscapedHtml(c->text, &out);
            out += c->header ? "</th>" : "</td>";
          }
          out += "</tr>\n";
        }
        out += "</table>\n";
        break;
      }
      case BlockKind::kParagraph:
        out += "<p>";
        AppendEscapedHtml(b.text, &out);
        out += "</p>\n";
        break;
    }
  }
  close_lists_to(0);
  if (in_quote) out += "</blockquote>\n";
  out += "</article>\n";
  return out;
}

}  // namespace wirebrief::extract::detail
