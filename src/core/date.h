// Calendar arithmetic on ISO 8601 dates, shared by the stages that read, resolve and sort dates.
// Proleptic Gregorian calendar; no time zones beyond carrying the offset text through.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wirebrief::core {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// Days since 1970-01-01 and back.
long DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(long days);
// 0 = Sunday .. 6 = Saturday.
int Weekday(CivilDate d);
bool IsValidDate(CivilDate d);

// Parses the date part of "YYYY-MM-DD[Thh:mm[:ss][offset]]"; nullopt when malformed.
std::optional<CivilDate> ParseIsoDate(std::string_view iso);
// "YYYY-MM-DD".
std::string FormatIsoDate(CivilDate d);

}  // namespace wirebrief::core
