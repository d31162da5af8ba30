// Feed and sitemap dates. RSS says RFC 822, Atom and sitemaps say ISO 8601 (W3C-DTF); real
// feeds also send full month names, no weekday, two-digit years, named US zones, "Nov." with a
// period, a space instead of "T" and US "November 9, 2026" order. Anything else is left to the
// caller (kept as written).
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/time.h"
#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {
namespace {

bool ToInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "+0100", "-06:00", "GMT", "EST" -> minutes east of UTC. False when unknown.
bool ZoneOffset(std::string_view z, int* minutes) {
  std::string u;
  for (char c : z) u += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  struct Named {
    const char* name;
    int offset;
  };
  static const Named kZones[] = {
      {"GMT", 0},    {"UT", 0},     {"UTC", 0},    {"Z", 0},      {"EST", -300},
      {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360},
      {"PST", -480}, {"PDT", -420}, {"CET", 60},   {"CEST", 120}, {"EET", 120},
      {"EEST", 180}, {"WET", 0},    {"WEST", 60},  {"BST", 60},   {"JST", 540},
      {"KST", 540},  {"AEST", 600}, {"AEDT", 660}, {"HKT", 480},  {"SGT", 480}};
  for (const auto& n : kZones)
    if (u == n.name) {
      *minutes = n.offset;
      return true;
    }
  if (u.size() >= 3 && (u[0] == '+' || u[0] == '-')) {
    std::string digits;
    for (char c : u.substr(1))
      if (c != ':') digits += c;
    int hh = 0, mm = 0;
    if (digits.size() == 4 && ToInt(digits.substr(0, 2), &hh) && ToInt(digits.substr(2), &mm)) {
    } else if (digits.size() == 2 && ToInt(digits, &hh)) {
    } else {
      return false;
    }
    if (hh > 14 || mm > 59) return false;
    *minutes = (u[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    return true;
  }
  return false;
}

// "09:30", "9:30:05", "09:30:05.123" -> fields; false when malformed.
bool ParseClock(std::string_view t, int* h, int* m, int* s) {
  size_t dot = t.find('.');
  if (dot != std::string_view::npos) t = t.substr(0, dot);
  size_t c1 = t.find(':');
  if (c1 == std::string_view::npos) return false;
  size_t c2 = t.find(':', c1 + 1);
  *s = 0;
  if (!ToInt(t.substr(0, c1), h)) return false;
  if (!ToInt(t.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1),
             m))
    return false;
  if (c2 != std::string_view::npos && !ToInt(t.substr(c2 + 1), s)) return false;
  return *h >= 0 && *h < 24 && *m >= 0 && *m < 60 && *s >= 0 && *s <= 60;
}

std::string Format(core::CivilDate d, bool has_time, int h, int m, int s, bool has_zone, int zone) {
  std::string out = core::FormatIsoDate(d);
  if (!has_time) return out;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, m, s);
  out += buf;
  if (has_zone) {
    int a = zone < 0 ? -zone : zone;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", zone < 0 ? '-' : '+', a / 60, a % 60);
    out += buf;
  }
  return out;
}

std::string FromIso(std::string_view s) {
  // YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|(+|-)hh[:]mm]
  int y, mo, d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !ToInt(s.substr(0, 4), &y) ||
      !ToInt(s.substr(5, 2), &mo) || !ToInt(s.substr(8, 2), &d))
    return "";
  core::CivilDate date{y, mo, d};
  if (!core::IsValidDate(date)) return "";
  std::string_view rest = s.substr(10);
  if (rest.empty()) return core::FormatIsoDate(date);
  if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return "";
  rest.remove_prefix(1);
  size_t z = rest.find_first_of("Zz+-");
  std::string_view clock = rest.substr(0, z);
  while (!clock.empty() && clock.back() == ' ') clock.remove_suffix(1);
  int h, m, sec;
  if (!ParseClock(clock, &h, &m, &sec)) return "";
  int zone = 0;
  bool has_zone = z != std::string_view::npos && ZoneOffset(rest.substr(z), &zone);
  if (z != std::string_view::npos && !has_zone) return "";
  return Format(date, true, h, m, sec, has_zone, zone);
}

}  // namespace

std::string NormalizeFeedDate(std::string_view raw) {
  std::string s(raw);
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  s = s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-')
    return FromIso(s);
  std::vector<std::string> tok;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!cur.empty()) tok.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) tok.push_back(cur);
  size_t i = 0;
  if (i < tok.size() && core::WeekdayFromPrefix(tok[i]) >= 0 && !core::MonthFromPrefix(tok[i])) ++i;
  int day = 0, month = 0, year = 0;
  auto strip_dot = [](std::string t) {
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t;
  };
  if (i + 2 < tok.size() + 0 && ToInt(tok[i], &day) &&
      (month = core::MonthFromPrefix(strip_dot(tok[i + 1])))) {
    i += 2;  // 9 Nov 2026
  } else if (i + 2 < tok.size() + 0 && (month = core::MonthFromPrefix(strip_dot(tok[i]))) &&
             ToInt(tok[i + 1], &day)) {
    i += 2;  // Nov 9, 2026
  } else {
    return "";
  }
  if (i >= tok.size() || !ToInt(tok[i], &year)) return "";
  if (tok[i].size() == 2) year += year < 50 ? 2000 : 1900;
  ++i;
  core::CivilDate date{year, month, day};
  if (!core::IsValidDate(date)) return "";
  int h = 0, m = 0, sec = 0, zone = 0;
  bool has_time = false, has_zone = false;
  if (i < tok.size() && ParseClock(tok[i], &h, &m, &sec)) {
    has_time = true;
    ++i;
    if (i < tok.size() && ZoneOffset(tok[i], &zone)) has_zone = true;
  } else if (i < tok.size() && tok[i].find(':') != std::string::npos) {
    return "";  // a time that is not one: the whole date is suspect
  }
  return Format(date, has_time, h, m, sec, has_zone, zone);
}

}  // namespace wirebrief::ingest::detail
