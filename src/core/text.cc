#include "core/text.h"

namespace wirebrief::core {

uint32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  *len = n;
  return cp;
}

std::vector<uint32_t> CodePointOffsets(std::string_view s) {
  std::vector<uint32_t> out(s.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    // A continuation byte belongs to the code point before it (a stray one at the start, to 0).
    bool continuation = (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
    out[i] = continuation && cp > 0 ? cp - 1 : cp;
    if (!continuation) ++cp;
  }
  out[s.size()] = cp;
  return out;
}

}  // namespace wirebrief::core
