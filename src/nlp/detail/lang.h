// The reader's languages beyond English (issue 27) and the calendar and number words they need.
// Month and weekday names and the decimal and grouping separators come from ICU's CLDR data
// (DateFormatSymbols, DecimalFormatSymbols), so they are not typed here; the grammar words around
// them ("vor", "il y a", "hace") are listed next to the grammar that reads them (dates_intl.cc,
// figures_intl.cc). Pure; the tables are built once per process and are safe to read from any
// thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace wirebrief::nlp::detail {

// kZh reads its own way (chinese.cc): no tables here, no date grammar.
enum class Lang : uint8_t { kEn, kDe, kFr, kEs, kPt, kSv, kZh };

// The reader's language for a BCP-47 code ("de", "pt-BR", "FR"); English for "" (unknown) and for
// languages without tables of their own, which is how the reader worked before languages.
Lang LangOf(std::string_view code);

struct LangWords {
  // Lower-case month names -> 1..12, and abbreviations (without their period) -> 101..112: an
  // abbreviation ("mar", "set") is a month only next to a day number.
  std::unordered_map<std::string, int> months;
  // Lower-case weekday names -> 0 (Sunday)..6; Portuguese also without "-feira" ("terça").
  std::unordered_map<std::string, int> weekdays;
  // Whether the locale groups thousands with "." ("28.500"); the others group with spaces.
  bool dot_groups = false;
};

// The words of `lang`; English gives empty tables (English keeps core/time.h's).
const LangWords& WordsOf(Lang lang);

// 1..12 for a full month name of `lang` (lower case), 0 otherwise.
int MonthNamed(const LangWords& w, std::string_view lower);
// 1..12 for a month name or abbreviation of `lang`, 0 otherwise.
int MonthOrAbbrev(const LangWords& w, std::string_view lower);
// 0..6 for a weekday name of `lang`, -1 otherwise.
int WeekdayNamed(const LangWords& w, std::string_view lower);

}  // namespace wirebrief::nlp::detail
