// The module wirebrief-calendar.so: ICU's CLDR calendar and number symbols behind a C-typed entry
// (calendar_module.h).
#include "nlp/detail/calendar_module.h"

#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

namespace {

std::string LowerUtf8(const icu::UnicodeString& s, const icu::Locale& locale) {
  icu::UnicodeString l(s);
  l.toLower(locale);
  std::string out;
  l.toUTF8String(out);
  return out;
}

bool Names(const char* locale_id, void* ctx, void (*add_month)(void*, const char*, int),
           void (*add_weekday)(void*, const char*, int), bool* dot_groups) {
  icu::Locale locale(locale_id);
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return false;
  using Symbols = icu::DateFormatSymbols;
  int32_t n = 0;
  // Full names first, so an abbreviation equal to a full name ("mai", "juin") keeps the full value.
  for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
    const icu::UnicodeString* months = symbols.getMonths(n, context, Symbols::WIDE);
    for (int32_t m = 0; m < n && m < 12; ++m)
      add_month(ctx, LowerUtf8(months[m], locale).c_str(), m + 1);
    const icu::UnicodeString* days = symbols.getWeekdays(n, context, Symbols::WIDE);
    // ICU counts weekdays from 1 = Sunday; index 0 is empty.
    for (int32_t d = 1; d < n && d <= 7; ++d)
      add_weekday(ctx, LowerUtf8(days[d], locale).c_str(), d - 1);
  }
  for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
    const icu::UnicodeString* months = symbols.getMonths(n, context, Symbols::ABBREVIATED);
    for (int32_t m = 0; m < n && m < 12; ++m)
      add_month(ctx, LowerUtf8(months[m], locale).c_str(), 100 + m + 1);
  }
  *dot_groups = false;
  icu::DecimalFormatSymbols numbers(locale, status);
  if (U_SUCCESS(status))
    *dot_groups = numbers.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol) == u".";
  return true;
}

}  // namespace

extern "C" const wirebrief::nlp::detail::CalendarModuleApi* wirebrief_calendar_module() {
  static const wirebrief::nlp::detail::CalendarModuleApi api{
      wirebrief::nlp::detail::kCalendarModuleAbi, &Names};
  return &api;
}
