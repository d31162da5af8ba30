#include "core/time.h"

#include "core/text.h"

namespace wirebrief::core {
namespace {

// The first three letters of `word`, folded; empty when it is shorter.
std::string_view Prefix3(std::string_view word, char (&buf)[3]) {
  if (word.size() < 3) return {};
  for (int i = 0; i < 3; ++i) buf[i] = AsciiLower(word[i]);
  return std::string_view(buf, 3);
}

}  // namespace

int MonthFromFullName(std::string_view lower) {
  for (size_t m = 0; m < kMonthNames.size(); ++m)
    if (lower == kMonthNames[m]) return static_cast<int>(m) + 1;
  return 0;
}

int MonthFromPrefix(std::string_view word) {
  char buf[3];
  std::string_view p = Prefix3(word, buf);
  if (p.empty()) return 0;
  for (size_t m = 0; m < kMonthNames.size(); ++m)
    if (kMonthNames[m].substr(0, 3) == p) return static_cast<int>(m) + 1;
  return 0;
}

int WeekdayFromFullName(std::string_view lower) {
  for (size_t d = 0; d < kWeekdayNames.size(); ++d)
    if (lower == kWeekdayNames[d]) return static_cast<int>(d);
  return -1;
}

int WeekdayFromPrefix(std::string_view word) {
  char buf[3];
  std::string_view p = Prefix3(word, buf);
  if (p.empty()) return -1;
  for (size_t d = 0; d < kWeekdayNames.size(); ++d)
    if (kWeekdayNames[d].substr(0, 3) == p) return static_cast<int>(d);
  return -1;
}

}  // namespace wirebrief::core
