// Charset decoding: every declared label path plus detection. The first byte picks the label so
// the fuzzer explores them all; the output must always be valid UTF-8.
#include <cstdlib>

#include "ingest/ingest.h"

namespace {
bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kLabels[] = {
      "",          "utf-8",    "windows-1252", "shift_jis",   "euc-kr",         "gbk",
      "gb18030",   "big5",     "euc-jp",       "iso-2022-jp", "windows-1251",   "koi8-r",
      "utf-16le",  "utf-16be", "iso-8859-2",   "x-bogus",     "x-user-defined", "iso-2022-kr",
      "macintosh", "ibm866"};
  if (size == 0) return 0;
  const char* label = kLabels[data[0] % (sizeof kLabels / sizeof *kLabels)];
  std::string cs, why;
  std::string out = wirebrief::ingest::DecodeToUtf8(
      std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), label, &cs, &why);
  if (!ValidUtf8(out) || cs.empty()) std::abort();
  if (why != "bom" && why != "http" && why != "meta" && why != "detected" && why != "default")
    std::abort();
  return 0;
}
