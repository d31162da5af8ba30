#include "brief/detail/compress.h"

#include <cctype>
#include <string>

namespace wirebrief::brief::detail {
namespace {

bool HasQuote(std::string_view s) {
  return s.find('"') != std::string_view::npos ||
         s.find("\xE2\x80\x9C") != std::string_view::npos ||
         s.find("\xE2\x80\x9D") != std::string_view::npos;
}

// Drops "(...)" groups with the space before them; keeps the text when brackets do not pair.
std::string DropParentheticals(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
      while (depth == 1 && !out.empty() && out.back() == ' ') out.pop_back();
      continue;
    }
    if (c == ')') {
      if (depth == 0) return std::string(s);
      --depth;
      continue;
    }
    if (depth == 0) out += c;
  }
  return depth == 0 ? out : std::string(s);
}

// ", police said." / ", the ministry said on Tuesday." -> "." when the tail is a short
// attribution (at most 8 words, no comma inside).
std::string DropAttributionTail(const std::string& s) {
  if (s.empty() || s.back() != '.') return s;
  size_t comma = s.rfind(", ");
  if (comma == std::string::npos || comma < 20) return s;
  std::string tail = s.substr(comma + 2, s.size() - comma - 3);
  size_t words = 1;
  for (char c : tail) words += c == ' ';
  if (words > 8 || tail.find(',') != std::string::npos) return s;
  std::string padded = " " + tail + " ";
  for (const char* verb : {" said ", " says ", " reported ", " told reporters ", " according to "})
    if (padded.find(verb) != std::string::npos) return s.substr(0, comma) + ".";
  return s;
}

}  // namespace

std::string Compress(std::string_view sentence) {
  if (HasQuote(sentence)) return std::string(sentence);
  std::string s = DropParentheticals(sentence);
  s = DropAttributionTail(s);
  return s;
}

}  // namespace wirebrief::brief::detail
