// CLDR's month and weekday names and number symbols, reached through the module
// wirebrief-calendar.so (core/module.h).
//
// They come from ICU's i18n library (DateFormatSymbols, DecimalFormatSymbols). Linked into the
// binary, libicui18n cost ~0.9 M instructions of every process start (a fifth of `--version`),
// though only a document in a language beyond English reads them, once per process. The module
// fills the reader's tables through callbacks, so no C++ object crosses the boundary.
#pragma once

#include "core/status.h"

namespace wirebrief::nlp::detail {

inline constexpr int kCalendarModuleAbi = 1;  // raised when this struct changes
struct CalendarModuleApi {
  int abi = 0;
  // For ICU locale `locale` ("de"): calls add_month(ctx, name, value) for every lower-cased month
  // name (wide names 1..12 first, format then stand-alone, then abbreviations 101..112) and
  // add_weekday(ctx, name, 0 = Sunday .. 6) for every wide weekday name, and sets *dot_groups to
  // whether the locale groups thousands with ".". Returns false when ICU has no such symbols.
  bool (*names)(const char* locale, void* ctx, void (*add_month)(void*, const char*, int),
                void (*add_weekday)(void*, const char*, int), bool* dot_groups) = nullptr;
};
inline constexpr char kCalendarModule[] = "wirebrief-calendar.so";
inline constexpr char kCalendarModuleEntry[] = "wirebrief_calendar_module";

// The module's interface, loaded by the first call; later calls return the first answer.
// Errors: kUnsupported naming the module and the loader's reason. Thread-safe.
const core::Result<const CalendarModuleApi*>& CalendarModule();

}  // namespace wirebrief::nlp::detail
