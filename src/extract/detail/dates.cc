// Date normalisation for metadata fields. Handles the shapes news pages and feeds use; anything
// else yields "" rather than a guess, because a wrong publication date misplaces a story.
#include <cstdio>
#include <regex>

#include "core/date.h"
#include "extract/detail/text_util.h"
#include "extract/extract.h"

namespace wirebrief::extract {
namespace {

int MonthFromName(std::string_view name) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l = detail::Lower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (l == kMonths[i]) return i + 1;
  return 0;
}

std::string Format(int y, int m, int d, int hh, int mm, int ss, const std::string& offset) {
  core::CivilDate date{y, m, d};
  if (y < 1990 || y > 2100 || !core::IsValidDate(date)) return "";
  if (hh < 0) return core::FormatIsoDate(date);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%s", core::FormatIsoDate(date).c_str(), hh % 24,
                mm % 60, ss % 60, offset.c_str());
  return buf;
}

// "+0100" / "+01:00" / "GMT" / "Z" -> "+01:00" / "Z"; unknown zone names -> "".
std::string NormalizeOffset(std::string zone) {
  if (zone.empty()) return "";
  if (zone == "Z" || zone == "GMT" || zone == "UTC" || zone == "UT") return "Z";
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 5) {
    std::string digits;
    for (char c : zone.substr(1))
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    if (digits.size() == 4) return zone.substr(0, 1) + digits.substr(0, 2) + ":" + digits.substr(2);
  }
  return "";
}

}  // namespace

std::string NormalizeDate(std::string_view input) {
  std::string text = detail::CollapseSpace(input);
  if (text.empty() || text.size() > 200) return "";
  std::smatch m;
  // ISO 8601: 2026-11-03, 2026-11-03T10:32, 2026-11-03T10:32:00+01:00, 2026-11-03 10:32:00Z
  static const std::regex kIso(
      R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)");
  if (std::regex_search(text, m, kIso)) {
    int hh = m[4].matched ? std::stoi(m[4]) : -1;
    return Format(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), hh,
                  m[5].matched ? std::stoi(m[5]) : 0, m[6].matched ? std::stoi(m[6]) : 0,
                  NormalizeOffset(m[7].matched ? m[7].str() : ""));
  }
  // RFC 822 as feeds write it: "Tue, 03 Nov 2026 10:32:00 +0100"
  static const std::regex kRfc822(
      R"((\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,4})?)?)");
  if (std::regex_search(text, m, kRfc822) && MonthFromName(m[2].str()) > 0) {
    int hh = m[4].matched ? std::stoi(m[4]) : -1;
    return Format(std::stoi(m[3]), MonthFromName(m[2].str()), std::stoi(m[1]), hh,
                  m[5].matched ? std::stoi(m[5]) : 0, m[6].matched ? std::stoi(m[6]) : 0,
                  NormalizeOffset(m[7].matched ? m[7].str() : ""));
  }
  // US style: "Nov. 4, 2026", "November 4, 2026 10:32 a.m."
  static const std::regex kUs(
      R"(([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[^\d]{0,12}(\d{1,2}):(\d{2})\s*([aApP])\.?\s*[mM]\.?)?)");
  if (std::regex_search(text, m, kUs) && MonthFromName(m[1].str()) > 0) {
    int hh = -1;
    if (m[4].matched) {
      hh = std::stoi(m[4]) % 12;
      if (std::tolower(static_cast<unsigned char>(m[6].str()[0])) == 'p') hh += 12;
    }
    return Format(std::stoi(m[3]), MonthFromName(m[1].str()), std::stoi(m[2]), hh,
                  m[5].matched ? std::stoi(m[5]) : 0, 0, "");
  }
  // Numeric day-first: 03/11/2026 or 03.11.2026 (European pages)
  static const std::regex kNumeric(R"((\d{1,2})[./](\d{1,2})[./](\d{4}))");
  if (std::regex_search(text, m, kNumeric)) {
    return Format(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]), -1, 0, 0, "");
  }
  return "";
}

}  // namespace wirebrief::extract
