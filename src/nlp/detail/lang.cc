// Tables from ICU's CLDR data rather than typed lists: ICU ships every locale's month and weekday
// names (wide and abbreviated, format and stand-alone) and number symbols, reviewed by native
// speakers, which a list typed here would only approximate. They come through the module
// wirebrief-calendar.so (calendar_module.h), so only a process that reads such a language loads
// libicui18n.
#include "nlp/detail/lang.h"

#include <array>
#include <cstdio>
#include <mutex>

#include "core/module.h"
#include "core/text.h"
#include "nlp/detail/calendar_module.h"

namespace wirebrief::nlp::detail {
namespace {

// Adds `name` (and its form without a final period) under `value`, unless a full name already
// holds it: "mai" is both the French month and its abbreviation.
void Add(std::unordered_map<std::string, int>* map, std::string name, int value) {
  if (name.empty()) return;
  if (name.back() == '.') name.pop_back();
  if (name.empty()) return;
  map->emplace(std::move(name), value);
}

void AddMonth(void* ctx, const char* name, int value) {
  Add(&static_cast<LangWords*>(ctx)->months, name, value);
}

void AddWeekday(void* ctx, const char* name, int value) {
  auto* w = static_cast<LangWords*>(ctx);
  std::string s(name);
  if (s.ends_with("-feira")) Add(&w->weekdays, s.substr(0, s.size() - 6), value);
  Add(&w->weekdays, std::move(s), value);
}

LangWords Build(const char* locale_id) {
  LangWords w;
  const core::Result<const CalendarModuleApi*>& api = CalendarModule();
  if (!api.ok()) {
    // No error path reaches the reader's caller from here: without the names, dates in the
    // language are not read (figures still are), and the process says why once.
    static std::once_flag told;
    std::call_once(told, [&] {
      std::fprintf(stderr, "wirebrief: month and weekday names beyond English unavailable: %s\n",
                   api.status().ToString().c_str());
    });
    return w;
  }
  if (!api.value()->names(locale_id, &w, &AddMonth, &AddWeekday, &w.dot_groups)) return LangWords{};
  return w;
}

}  // namespace

const core::Result<const CalendarModuleApi*>& CalendarModule() {
  static const core::Result<const CalendarModuleApi*> api = core::LoadModuleApi<CalendarModuleApi>(
      kCalendarModule, kCalendarModuleEntry, kCalendarModuleAbi);
  return api;
}

Lang LangOf(std::string_view code) {
  std::string primary = core::PrimaryLanguage(code);
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
