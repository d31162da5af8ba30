// Text primitives every stage needs, defined once: ASCII case folding and UTF-8 walking.
//
// Case folding here is ASCII only, as std::tolower in the "C" locale: the rule tables of the
// stages are English words and markup, and folding non-ASCII letters would change which
// bytes a span covers. Code-point offsets are what the kit formats and the web page count in.
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirebrief::core {

inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `s` with A-Z folded to a-z; every other byte as it is (so spans keep their offsets).
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// The primary subtag of a BCP-47 language tag, lower-cased: "pt" for "pt-BR", "en" for "EN_us",
// "" for "".
inline std::string PrimaryLanguage(std::string_view tag) {
  return AsciiLower(tag.substr(0, tag.find_first_of("-_")));
}

// Appends AsciiLower(s) to *out without a temporary (hot loops reuse one buffer).
inline void AppendAsciiLower(std::string_view s, std::string* out) {
  size_t at = out->size();
  out->resize(at + s.size());
  char* o = out->data() + at;
  for (char c : s) *o++ = AsciiLower(c);
}

// The code point starting at byte i of s, its length in *len. A malformed or truncated
// sequence reads as U+FFFD of length 1, so a walk always advances.
uint32_t DecodeUtf8(std::string_view s, size_t i, int* len);

// For each byte offset 0..s.size(), the code-point offset it falls in (a continuation byte maps
// to the code point it belongs to); the last entry is the number of code points.
std::vector<uint32_t> CodePointOffsets(std::string_view s);

}  // namespace wirebrief::core
