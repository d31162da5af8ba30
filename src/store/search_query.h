// Search text as users type it (web-search style, the syntax Miniflux and PostgreSQL's
// websearch_to_tsquery accept) turned into an SQLite FTS5 expression plus filters.
//
//   storm surge          both words              "storm surge"   the exact phrase
//   storm OR flood       either word             -rumour         articles without the word
//   evacuat*             prefix                  outlet:example.com  outlet:"Metro Signal"  lang:en
//   since:2026-11-01     until:2026-11-30        (operators are case-insensitive)
//
// Every user term reaches FTS5 as a quoted string, so FTS5 operators, column filters and
// punctuation in the text are inert. Unknown `name:value` words are searched as text.
// Limits: at most kMaxQueryBytes of text and kMaxQueryTerms terms (kLimitExceeded beyond).
// Errors: kInvalidArgument for a malformed date or a query made only of exclusions.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace wirebrief::store {

inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxQueryTerms = 32;
// Limits of FtsMatchToTsQuery: ParseSearchQuery writes at most 4 bytes of expression per byte of
// text and one level of parentheses; hand-written expressions get a little more room.
inline constexpr size_t kMaxExpressionBytes = 4 * kMaxQueryBytes;
inline constexpr int kMaxExpressionDepth = 8;

struct ParsedSearch {
  std::string match;  // FTS5 expression; empty when the text had no search terms
  std::string outlet;
  std::string language;
  std::string since;  // YYYY-MM-DD (a longer ISO date is cut to the day)
  std::string until;
};

core::Result<ParsedSearch> ParseSearchQuery(std::string_view text);

// The same search for PostgreSQL: ParsedSearch::match (the FTS5 expression ParseSearchQuery
// writes: quoted literals, optional " *", parentheses, AND, OR, NOT) as to_tsquery() text.
// Each literal becomes one quoted tsquery lexeme, which to_tsquery splits with the server's
// parser into a phrase (<->), as FTS5 does with a quoted string; " *" becomes ":*".
// Errors: kInvalidArgument naming the problem and its byte offset for anything outside that
// form: an unterminated quote, unbalanced parentheses, an operator missing an operand, two terms
// with no operator between them (FTS5's implicit AND), bare words, NEAR or column filters.
// kLimitExceeded beyond kMaxExpressionBytes or kMaxExpressionDepth.
core::Result<std::string> FtsMatchToTsQuery(std::string_view match);

}  // namespace wirebrief::store
