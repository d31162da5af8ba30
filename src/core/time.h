// The calendar words every date grammar reads, defined once. Each stage keeps its own grammar
// (a feed's RFC 822 date, a page's byline date, "last Tuesday" in prose) but looks the words up
// here, so the tables cannot drift apart. English only; other languages' month words live with
// the grammar that reads them. Calendar arithmetic is core/date.h. Pure, thread-safe.
#pragma once

#include <array>
#include <string_view>

namespace wirebrief::core {

// Lower-case English month names, index 0 = January.
inline constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Lower-case English weekday names, index 0 = Sunday (as core::Weekday counts).
inline constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// 1..12 for a lower-case full month name, 0 otherwise.
int MonthFromFullName(std::string_view lower);
// 1..12 when the first three letters of `word` (any case) are a month's; 0 otherwise. For
// machine-written dates (RFC 822, HTTP), where "Sept" and "September" both occur.
int MonthFromPrefix(std::string_view word);
// 0 (Sunday)..6 for a lower-case full weekday name, -1 otherwise.
int WeekdayFromFullName(std::string_view lower);
// 0..6 when the first three letters of `word` (any case) are a weekday's; -1 otherwise.
int WeekdayFromPrefix(std::string_view word);

}  // namespace wirebrief::core
