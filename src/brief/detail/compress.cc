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

// ", police said." / ", the ministry said on Tuesday." / ", said the fire service." -> "." when
// the tail is a short attribution (at most 8 words, no comma inside, a few words after the
// verb). "X, the mayor, said the town hall would shelter families." has a clause after the
// verb, not a speaker: dropping it left "X, the mayor." (seen in a fixture story's brief).
std::string DropAttributionTail(const std::string& s) {
  if (s.empty() || s.back() != '.') return s;
  size_t comma = s.rfind(", ");
  if (comma == std::string::npos || comma < 20) return s;
  std::string tail = s.substr(comma + 2, s.size() - comma - 3);
  size_t words = 1;
  for (char c : tail) words += c == ' ';
  if (words > 8 || tail.find(',') != std::string::npos) return s;
  std::string padded = " " + tail + " ";
  for (std::string_view verb :
       {" said ", " says ", " reported ", " told reporters ", " according to "}) {
    size_t at = padded.find(verb);
    if (at == std::string::npos) continue;
    // Words after the verb: the speaker ("said the regional fire service", "according to
    // police") or a time ("police said on Tuesday"), never a clause of its own.
    size_t after = 0;
    for (size_t k = at + verb.size(); k < padded.size(); ++k) after += padded[k] == ' ';
    const size_t max_after = at == 0 ? 4 : 3;
    if (after <= max_after) return s.substr(0, comma) + ".";
  }
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
