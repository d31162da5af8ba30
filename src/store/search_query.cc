#include "store/search_query.h"

#include <vector>

#include "core/text.h"
#include "store/detail/script_bigrams.h"

namespace wirebrief::store {
namespace {

struct Term {
  std::string text;
  bool phrase = false;  // written in double quotes
  bool prefix = false;  // ended in '*'
  bool exclude = false;
  bool or_before = false;  // "OR" stood between this term and the previous one
};

// Control bytes separate words too: a NUL inside a quoted FTS5 string ends it early for SQLite's
// parser ("unterminated string", found by fuzz_search_query).
bool IsSpace(char c) { return c == ' ' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

// FTS5 string literal: double quotes doubled. The tokenizer then splits it into a phrase.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    // No control byte reaches FTS5: a NUL would end its string (see IsSpace). A quoted operator
    // value may still carry one, as it runs to its closing quote.
    out += IsSpace(c) ? ' ' : c;
  }
  return out + "\"";
}

// True when the text holds something the unicode61 tokenizer would index (a letter or digit,
// or any non-ASCII byte); a term of punctuation alone would make FTS5 reject the expression.
bool HasToken(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      return true;
  return false;
}

bool IsDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

core::Result<std::string> DayOf(std::string_view op, std::string_view value) {
  std::string_view day = value.substr(0, 10);
  if (day.size() == 10 && IsDigits(day.substr(0, 4)) && day[4] == '-' &&
      IsDigits(day.substr(5, 2)) && day[7] == '-' && IsDigits(day.substr(8, 2)))
    return std::string(day);
  return core::Status::InvalidArgument("query", std::string(op) +
                                                    " wants a date like 2026-11-03, not \"" +
                                                    std::string(value.substr(0, 40)) + "\"");
}

}  // namespace

core::Result<ParsedSearch> ParseSearchQuery(std::string_view text) {
  if (text.size() > kMaxQueryBytes)
    return core::Status::LimitExceeded("query", "",
                                       "longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  ParsedSearch out;
  std::vector<Term> terms;
  bool pending_or = false;
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
      continue;
    }
    Term t;
    if (text[i] == '-' && i + 1 < text.size() && !IsSpace(text[i + 1])) {
      t.exclude = true;
      ++i;
    }
    if (text[i] == '"') {
      // A phrase runs to the closing quote, or to the end when it is missing (lenient, as
      // people type).
      size_t close = text.find('"', i + 1);
      size_t end = close == std::string_view::npos ? text.size() : close;
      t.text = std::string(text.substr(i + 1, end - i - 1));
      t.phrase = true;
      i = close == std::string_view::npos ? text.size() : close + 1;
    } else {
      size_t end = i;
      while (end < text.size() && !IsSpace(text[end])) ++end;
      // An operator's value may be quoted to hold spaces: outlet:"Metro Signal".
      size_t colon_quote = text.find(":\"", i);
      if (colon_quote != std::string_view::npos && colon_quote + 1 < end) {
        size_t close = text.find('"', colon_quote + 2);
        end = close == std::string_view::npos ? text.size() : close + 1;
      }
      std::string_view word = text.substr(i, end - i);
      i = end;
      if (word == "OR" && !t.exclude) {
        pending_or = !terms.empty();
        continue;
      }
      size_t colon = word.find(':');
      if (colon != std::string_view::npos && colon > 0 && !t.exclude) {
        std::string op = core::AsciiLower(word.substr(0, colon));
        std::string_view value = word.substr(colon + 1);
        if (!value.empty() && value.front() == '"') {
          value.remove_prefix(1);
          if (!value.empty() && value.back() == '"') value.remove_suffix(1);
        }
        if (op == "outlet" || op == "site") {
          out.outlet = std::string(value);
          continue;
        }
        if (op == "lang" || op == "language") {
          out.language = core::AsciiLower(value);
          continue;
        }
        if (op == "since" || op == "until") {
          auto day = DayOf(op, value);
          if (!day.ok()) return day.status();
          (op == "since" ? out.since : out.until) = day.value();
          continue;
        }
      }
      if (word.size() > 1 && word.back() == '*') {
        t.prefix = true;
        word.remove_suffix(1);
      }
      t.text = std::string(word);
    }
    if (!HasToken(t.text)) continue;
    // One character of a script without spaces is indexed as the first of a bigram or a run's
    // last character (detail/script_bigrams.h): it is searched as a prefix to be found at all.
    if (detail::IsOneUnspacedCharacter(t.text)) t.prefix = true;
    t.or_before = pending_or && !t.exclude;
    pending_or = false;
    terms.push_back(std::move(t));
    if (terms.size() > kMaxQueryTerms)
      return core::Status::LimitExceeded("query", "",
                                         "more than " + std::to_string(kMaxQueryTerms) + " terms");
  }

  // AND of OR-groups, then the exclusions: ("a") AND ("b" OR "c") NOT ("d" OR "e").
  std::vector<std::vector<std::string>> groups;
  std::vector<std::string> excluded;
  for (const Term& t : terms) {
    std::string lit = Quote(t.text) + (t.prefix ? " *" : "");
    if (t.exclude) {
      excluded.push_back(lit);
    } else if (t.or_before && !groups.empty()) {
      groups.back().push_back(lit);
    } else {
      groups.push_back({lit});
    }
  }
  if (groups.empty() && !excluded.empty())
    return core::Status::InvalidArgument(
        "query", "a search needs at least one term that is not excluded with '-'");
  auto join = [](const std::vector<std::string>& parts, const char* sep) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
    return "(" + s + ")";
  };
  for (const auto& g : groups) out.match += (out.match.empty() ? "" : " AND ") + join(g, " OR ");
  if (!excluded.empty()) out.match += " NOT " + join(excluded, " OR ");
  return out;
}

core::Result<std::string> FtsMatchToTsQuery(std::string_view match) {
  if (match.size() > kMaxExpressionBytes)
    return core::Status::LimitExceeded(
        "query", "", "search expression longer than " + std::to_string(kMaxExpressionBytes) + " bytes");
  auto bad = [&](size_t at, const std::string& why) {
    return core::Status::InvalidArgument(
        "query", why + " at byte " + std::to_string(at) + " of the search expression \"" +
                     std::string(match.substr(at, 20)) + "\"");
  };
  // A keyword is a whole word: "ANDROID" is not AND followed by "ROID".
  auto keyword = [&](size_t at, std::string_view word) {
    if (match.substr(at, word.size()) != word) return false;
    size_t next = at + word.size();
    return next == match.size() || IsSpace(match[next]) || match[next] == '(' ||
           match[next] == '"';
  };
  // Checked here rather than left to the server's tsquery parser, which reports a malformed
  // expression as a bare syntax error: each problem gets a message naming it.
  std::string out;
  bool want_operand = true;  // at the start, after '(' and after an operator
  int depth = 0;
  size_t i = 0;
  while (i < match.size()) {
    char c = match[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '(' || c == '"') {
      if (!want_operand) return bad(i, "two terms without AND, OR or NOT between them");
      if (c == '(') {
        if (++depth > kMaxExpressionDepth)
          return core::Status::LimitExceeded(
              "query", "", "search expression nested deeper than " +
                               std::to_string(kMaxExpressionDepth) + " parentheses");
        out += c;
        ++i;
        continue;
      }
      // FTS5 literal ("" is a quote) -> tsquery literal ('' is a quote, \ escapes).
      std::string literal;
      size_t j = i + 1;
      for (;; ++j) {
        if (j >= match.size()) return bad(i, "unterminated quote (a '\"' that is never closed)");
        if (match[j] == '"') {
          if (j + 1 < match.size() && match[j + 1] == '"') {
            literal += '"';
            ++j;
            continue;
          }
          break;
        }
        // As in Quote(): no control byte reaches the server (libpq would end the text at a NUL).
        literal += IsSpace(match[j]) ? ' ' : match[j];
      }
      // Runs of scripts without spaces as the bigrams the index holds (detail/script_bigrams.h);
      // the server's parser makes the space-separated pieces a phrase.
      if (detail::HasUnspacedScript(literal))
        literal = detail::SpaceScriptPieces(literal, /*with_last=*/false);
      std::string lexeme = "'";
      for (char ch : literal) {
        if (ch == '\'' || ch == '\\') lexeme += ch;
        lexeme += ch;
      }
      out += lexeme + "'";
      i = j + 1;
      size_t k = i;
      while (k < match.size() && IsSpace(match[k])) ++k;
      if (k < match.size() && match[k] == '*') {
        out += ":*";
        i = k + 1;
      }
      want_operand = false;
    } else if (c == ')') {
      if (depth == 0) return bad(i, "')' without a matching '('");
      if (want_operand) return bad(i, "empty parentheses or an operator without a right operand");
      --depth;
      out += c;
      ++i;
    } else if (keyword(i, "AND") || keyword(i, "OR") || keyword(i, "NOT")) {
      std::string_view op = match[i] == 'A' ? "AND" : match[i] == 'O' ? "OR" : "NOT";
      if (want_operand) return bad(i, std::string(op) + " without a left operand");
      out += op == "AND" ? " & " : op == "OR" ? " | " : " & !";
      i += op.size();
      want_operand = true;
    } else {
      return bad(i, "unsupported search expression (quote every term)");
    }
  }
  if (depth > 0) return bad(match.size(), "'(' never closed");
  if (want_operand && !out.empty())
    return bad(match.size(), "an operator without a right operand");
  return out;
}

}  // namespace wirebrief::store
