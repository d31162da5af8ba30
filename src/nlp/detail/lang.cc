// Tables from ICU's CLDR data rather than typed lists: ICU ships every locale's month and weekday
// names (wide and abbreviated, format and stand-alone) and number symbols, reviewed by native
// speakers, which a list typed here would only approximate.
#include "nlp/detail/lang.h"

#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>

#include "core/text.h"

namespace wirebrief::nlp::detail {
namespace {

std::string LowerUtf8(const icu::UnicodeString& s, const icu::Locale& locale) {
  icu::UnicodeString l(s);
  l.toLower(locale);
  std::string out;
  l.toUTF8String(out);
  return out;
}

// Adds `name` (and its form without a final period) under `value`, unless a full name already
// holds it: "mai" is both the French month and its abbreviation.
void Add(std::unordered_map<std::string, int>* map, std::string name, int value) {
  if (name.empty()) return;
  if (name.back() == '.') name.pop_back();
  if (name.empty()) return;
  map->emplace(std::move(name), value);
}

LangWords Build(const char* locale_id) {
  LangWords w;
  icu::Locale locale(locale_id);
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return w;
  using Symbols = icu::DateFormatSymbols;
  int32_t n = 0;
  // Full names first, so an abbreviation equal to a full name ("mai", "juin") keeps the full value.
  for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
    const icu::UnicodeString* months = symbols.getMonths(n, context, Symbols::WIDE);
    for (int32_t m = 0; m < n && m < 12; ++m) Add(&w.months, LowerUtf8(months[m], locale), m + 1);
    const icu::UnicodeString* days = symbols.getWeekdays(n, context, Symbols::WIDE);
    // ICU counts weekdays from 1 = Sunday; index 0 is empty.
    for (int32_t d = 1; d < n && d <= 7; ++d) {
      std::string name = LowerUtf8(days[d], locale);
      if (name.ends_with("-feira")) Add(&w.weekdays, name.substr(0, name.size() - 6), d - 1);
      Add(&w.weekdays, std::move(name), d - 1);
    }
  }
  for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
    const icu::UnicodeString* months = symbols.getMonths(n, context, Symbols::ABBREVIATED);
    for (int32_t m = 0; m < n && m < 12; ++m)
      Add(&w.months, LowerUtf8(months[m], locale), 100 + m + 1);
  }
  icu::DecimalFormatSymbols numbers(locale, status);
  if (U_SUCCESS(status))
    w.dot_groups = numbers.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol) == u".";
  return w;
}

}  // namespace

Lang LangOf(std::string_view code) {
  std::string primary = core::AsciiLower(code.substr(0, code.find_first_of("-_")));
  if (primary == "de") return Lang::kDe;
  if (primary == "fr") return Lang::kFr;
  if (primary == "es") return Lang::kEs;
  if (primary == "pt") return Lang::kPt;
  if (primary == "sv") return Lang::kSv;
  if (primary == "zh") return Lang::kZh;
  return Lang::kEn;
}

const LangWords& WordsOf(Lang lang) {
  static const std::array<LangWords, 7> kTables = {
      LangWords{}, Build("de"), Build("fr"), Build("es"), Build("pt"), Build("sv"), LangWords{}};
  return kTables[static_cast<size_t>(lang)];
}

int MonthNamed(const LangWords& w, std::string_view lower) {
  auto it = w.months.find(std::string(lower));
  return it != w.months.end() && it->second <= 12 ? it->second : 0;
}

int MonthOrAbbrev(const LangWords& w, std::string_view lower) {
  auto it = w.months.find(std::string(lower));
  return it == w.months.end() ? 0 : it->second % 100;
}

int WeekdayNamed(const LangWords& w, std::string_view lower) {
  auto it = w.weekdays.find(std::string(lower));
  return it == w.weekdays.end() ? -1 : it->second;
}

}  // namespace wirebrief::nlp::detail
