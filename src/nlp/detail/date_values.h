// The values date expressions resolve to, shared by the English grammar (dates.cc) and the
// others (dates_intl.cc), so every language writes the same ISO 8601 / TIMEX3 forms. Pure.
#pragma once

#include <cstdio>
#include <string>

#include "core/date.h"

namespace wirebrief::nlp::detail {

inline std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

inline core::CivilDate AddDays(core::CivilDate d, long n) {
  return core::CivilFromDays(core::DaysFromCivil(d) + n);
}

// ISO 8601 week of a date: "2013-W41".
inline std::string IsoWeek(core::CivilDate d) {
  long days = core::DaysFromCivil(d);
  int wd = core::Weekday(d);  // 0 = Sunday
  int iso_wd = wd == 0 ? 7 : wd;
  core::CivilDate thursday = core::CivilFromDays(days - iso_wd + 4);
  long jan1 = core::DaysFromCivil({thursday.year, 1, 1});
  int week = static_cast<int>((core::DaysFromCivil(thursday) - jan1) / 7 + 1);
  return Fmt("%04d-W%02d", thursday.year, week);
}

}  // namespace wirebrief::nlp::detail
