#include "store/detail/script_bigrams.h"

#include <vector>

namespace wirebrief::store::detail {
namespace {

// One UTF-8 character at `i`: its code point and byte length (an invalid byte is U+FFFD, 1).
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t c = n == 1 ? b : b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    c = (c << 6) | (t & 0x3F);
  }
  *len = n;
  return c;
}

}  // namespace

bool IsUnspacedScript(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
         (c >= 0x31F0 && c <= 0x31FF) ||  // Katakana phonetic extensions
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility ideographs
         (c >= 0xFF66 && c <= 0xFF9F) ||  // halfwidth Katakana
         (c >= 0x20000 && c <= 0x3FFFF);  // CJK extensions B and later
}

bool HasUnspacedScript(std::string_view text) {
  for (size_t i = 0, n = 0; i < text.size(); i += n)
    if (IsUnspacedScript(Decode(text, i, &n))) return true;
  return false;
}

bool IsOneUnspacedCharacter(std::string_view text) {
  size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
  if (b == std::string_view::npos) return false;
  size_t n = 0;
  return IsUnspacedScript(Decode(text, b, &n)) && b + n == e + 1;
}

void ForEachScriptPiece(std::string_view text, bool with_last,
                        const std::function<void(size_t begin, size_t end)>& piece) {
  size_t i = 0;
  while (i < text.size()) {
    size_t n = 0;
    const bool unspaced = IsUnspacedScript(Decode(text, i, &n));
    // The character starts of the run beginning at i, plus its end.
    std::vector<size_t> starts{i};
    size_t j = i + n;
    while (j < text.size()) {
      size_t m = 0;
      if (IsUnspacedScript(Decode(text, j, &m)) != unspaced) break;
      starts.push_back(j);
      j += m;
    }
    starts.push_back(j);
    const size_t chars = starts.size() - 1;
    if (!unspaced || chars == 1) {
      piece(i, j);
    } else {
      for (size_t k = 0; k + 2 < starts.size(); ++k) piece(starts[k], starts[k + 2]);
      if (with_last) piece(starts[chars - 1], j);
    }
    i = j;
  }
}

std::string SpaceScriptPieces(std::string_view text, bool with_last) {
  std::string out;
  ForEachScriptPiece(text, with_last, [&](size_t b, size_t e) {
    if (!out.empty() && out.back() != ' ' && text[b] != ' ') out += ' ';
    out.append(text.substr(b, e - b));
  });
  return out;
}

}  // namespace wirebrief::store::detail
