// Dates as pages write them. A hand-written tokenizer instead of regexes: metadata reads a date
// from every candidate element, and std::regex was the largest cost of the metadata pass
// (measured with bench/metadata_bench.cc). Anything not understood yields "" rather than a
// guess, because a wrong publication date misplaces a story.
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "core/date.h"
#include "core/time.h"
#include "extract/detail/metadata.h"
#include "extract/detail/text_util.h"
#include "extract/extract.h"

namespace wirebrief::extract {
namespace detail {
namespace {

constexpr size_t kMaxDateText = 240;

struct Token {
  enum Kind { kNum, kWord, kPunct } kind = kPunct;
  std::string text;  // words ASCII-lower-cased; punctuation as is; CJK markers as "Y"/"M"/"D"
  int value = 0;     // numbers
  int digits = 0;    // numbers
  bool space_before = false;
};

// UTF-8 CJK date markers: 年 月 日 and Korean 년 월 일.
char CjkMarker(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return 0;
  std::string_view t = s.substr(i, 3);
  if (t == "\xE5\xB9\xB4" || t == "\xEB\x85\x84") return 'Y';
  if (t == "\xE6\x9C\x88" || t == "\xEC\x9B\x94") return 'M';
  if (t == "\xE6\x97\xA5" || t == "\xEC\x9D\xBC") return 'D';
  return 0;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  bool space = false;
  for (size_t i = 0; i < s.size() && out.size() < 80;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.space_before = space;
    space = false;
    if (char m = CjkMarker(s, i)) {
      t.text = std::string(1, m);
      i += 3;
    } else if (std::isdigit(c)) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - i < 14) ++j;
      t.kind = Token::kNum;
      t.text = std::string(s.substr(i, j - i));
      t.digits = static_cast<int>(j - i);
      t.value = t.digits <= 9 ? std::stoi(t.text) : 0;
      i = j;
    } else if (std::isalpha(c) || c >= 0x80) {
      size_t j = i;
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (!(std::isalpha(d) || d >= 0x80) || CjkMarker(s, j)) break;
        // Non-breaking space (C2 A0) and general punctuation (E2 80 xx) end a word.
        if (d == 0xC2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0xA0) break;
        if (d == 0xE2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0x80) break;
        ++j;
      }
      if (j == i) {  // a lone punctuation-like multibyte char
        j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        t.text = std::string(s.substr(i, j - i));
      } else {
        t.kind = Token::kWord;
        t.text = core::AsciiLower(s.substr(i, j - i));
      }
      i = j;
    } else {
      t.text = std::string(1, static_cast<char>(c));
      ++i;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Month names and abbreviations other than English (English: core/time.h): French, German,
// Spanish, Portuguese, Italian, Dutch, Scandinavian, Polish, Czech, Turkish, Indonesian, Russian
// (genitive). Lower-case; the first letters of names that pages capitalise are ASCII in every
// language listed but Russian, which is written lower-case inside dates. "sept" is French
// ("sept.") as much as English.
struct MonthWord {
  const char* name;
  int month;
};
constexpr MonthWord kOtherMonths[] = {
    {"janvier", 1},    {"janv", 1},       {"januar", 1},    {"enero", 1},         {"ene", 1},
    {"janeiro", 1},    {"gennaio", 1},    {"gen", 1},       {"januari", 1},       {"stycznia", 1},
    {"styczeń", 1},    {"ledna", 1},      {"ocak", 1},      {"января", 1},        {"jänner", 1},
    {"février", 2},    {"févr", 2},       {"fevrier", 2},   {"februar", 2},       {"febrero", 2},
    {"fevereiro", 2},  {"fev", 2},        {"febbraio", 2},  {"februari", 2},      {"lutego", 2},
    {"luty", 2},       {"února", 2},      {"şubat", 2},     {"февраля", 2},       {"febr", 2},
    {"mars", 3},       {"märz", 3},       {"marzo", 3},     {"março", 3},         {"maart", 3},
    {"marca", 3},      {"marzec", 3},     {"března", 3},    {"mart", 3},          {"maret", 3},
    {"марта", 3},      {"mrt", 3},        {"mär", 3},       {"avril", 4},         {"avr", 4},
    {"abril", 4},      {"abr", 4},        {"aprile", 4},    {"kwietnia", 4},      {"dubna", 4},
    {"nisan", 4},      {"апреля", 4},     {"mai", 5},       {"mayo", 5},          {"maio", 5},
    {"maggio", 5},     {"mag", 5},        {"mei", 5},       {"maj", 5},           {"maja", 5},
    {"května", 5},     {"mayıs", 5},      {"мая", 5},       {"juin", 6},          {"juni", 6},
    {"junio", 6},      {"junho", 6},      {"giugno", 6},    {"giu", 6},           {"czerwca", 6},
    {"června", 6},     {"haziran", 6},    {"июня", 6},      {"juillet", 7},       {"juil", 7},
    {"juli", 7},       {"julio", 7},      {"julho", 7},     {"luglio", 7},        {"lug", 7},
    {"lipca", 7},      {"července", 7},   {"temmuz", 7},    {"июля", 7},          {"août", 8},
    {"aout", 8},       {"agosto", 8},     {"ago", 8},       {"augustus", 8},      {"augusti", 8},
    {"sierpnia", 8},   {"srpna", 8},      {"ağustos", 8},   {"agustus", 8},       {"agu", 8},
    {"августа", 8},    {"okt", 10},       {"sept", 9},      {"septembre", 9},     {"septiembre", 9},
    {"setembro", 9},   {"set", 9},        {"settembre", 9}, {"września", 9},      {"září", 9},
    {"eylül", 9},      {"сентября", 9},   {"octobre", 10},  {"oktober", 10},      {"octubre", 10},
    {"outubro", 10},   {"ottobre", 10},   {"ott", 10},      {"października", 10}, {"října", 10},
    {"ekim", 10},      {"октября", 10},   {"novembre", 11}, {"noviembre", 11},    {"novembro", 11},
    {"listopada", 11}, {"listopadu", 11}, {"kasım", 11},    {"ноября", 11},       {"nop", 11},
    {"décembre", 12},  {"déc", 12},       {"decembre", 12}, {"dezember", 12},     {"dez", 12},
    {"diciembre", 12}, {"dic", 12},       {"dezembro", 12}, {"dicembre", 12},     {"grudnia", 12},
    {"prosince", 12},  {"aralık", 12},    {"декабря", 12},  {"desember", 12},     {"des", 12},
};

// A lower-case English month: its full name or its three-letter abbreviation.
int EnglishMonth(std::string_view w) {
  if (int m = core::MonthFromFullName(w)) return m;
  return w.size() == 3 ? core::MonthFromPrefix(w) : 0;
}

// A month word (lower-case), 1..12, or 0. A four-or-more-letter prefix of a full name is an
// abbreviation too ("Sept", "Janv", "Febr"). No word or prefix names two months but the Czech and
// Russian prefixes the order of kOtherMonths decides, as it always has.
int MonthFromWord(std::string_view w) {
  if (w.size() < 3) return 0;
  if (int m = EnglishMonth(w)) return m;
  for (const MonthWord& e : kOtherMonths)
    if (w == e.name) return e.month;
  if (w.size() >= 4) {
    for (size_t m = 0; m < core::kMonthNames.size(); ++m)
      if (core::kMonthNames[m].size() > w.size() && core::kMonthNames[m].substr(0, w.size()) == w)
        return static_cast<int>(m) + 1;
    for (const MonthWord& e : kOtherMonths)
      if (std::strlen(e.name) > w.size() && std::string_view(e.name).substr(0, w.size()) == w)
        return e.month;
  }
  return 0;
}

// Offsets of the zone abbreviations news pages print; ambiguous ones (IST, ET) are left out.
std::string ZoneOffset(std::string_view w) {
  struct Zone {
    const char* name;
    const char* offset;
  };
  static const Zone kZones[] = {
      {"z", "Z"},         {"utc", "Z"},       {"gmt", "Z"},       {"ut", "Z"},
      {"est", "-05:00"},  {"edt", "-04:00"},  {"cst", "-06:00"},  {"cdt", "-05:00"},
      {"mst", "-07:00"},  {"mdt", "-06:00"},  {"pst", "-08:00"},  {"pdt", "-07:00"},
      {"bst", "+01:00"},  {"cet", "+01:00"},  {"cest", "+02:00"}, {"met", "+01:00"},
      {"mez", "+01:00"},  {"mesz", "+02:00"}, {"eet", "+02:00"},  {"eest", "+03:00"},
      {"wet", "Z"},       {"west", "+01:00"}, {"msk", "+03:00"},  {"jst", "+09:00"},
      {"kst", "+09:00"},  {"hkt", "+08:00"},  {"sgt", "+08:00"},  {"aest", "+10:00"},
      {"aedt", "+11:00"}, {"nzst", "+12:00"}, {"nzdt", "+13:00"},
  };
  for (const Zone& z : kZones)
    if (w == z.name) return z.offset;
  return "";
}

bool IsOrdinalSuffix(std::string_view w) {
  return w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "e" || w == "º" ||
         w == "°" || w == "de" || w == "del";
}

std::string Format(int y, int m, int d, int hh, int mm, int ss, const std::string& offset) {
  core::CivilDate date{y, m, d};
  if (y < 1990 || y > 2100 || !core::IsValidDate(date)) return "";
  if (hh < 0 || hh > 23 || mm > 59 || ss > 59) return core::FormatIsoDate(date);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%s", core::FormatIsoDate(date).c_str(), hh, mm,
                ss, offset.c_str());
  return buf;
}

struct TimeOfDay {
  int hh = -1, mm = 0, ss = 0;
  std::string offset;
};

// "10:32", "10:32:05", "3:05 p.m.", "14h20", then an optional zone ("+0100", "+01:00", "GMT",
// "EST", "Z"), starting at token `i`. Returns the number of tokens consumed (0 when none).
size_t ReadTime(const std::vector<Token>& t, size_t i, TimeOfDay* out) {
  if (i + 2 >= t.size() || t[i].kind != Token::kNum || t[i].digits > 2) return 0;
  bool colon = t[i + 1].text == ":";
  bool french_h = t[i + 1].kind == Token::kWord && t[i + 1].text == "h";
  if (!colon && !french_h) return 0;
  if (t[i + 2].kind != Token::kNum || t[i + 2].digits != 2) return 0;
  TimeOfDay r;
  r.hh = t[i].value;
  r.mm = t[i + 2].value;
  size_t j = i + 3;
  if (colon && j + 1 < t.size() && t[j].text == ":" && t[j + 1].kind == Token::kNum &&
      t[j + 1].digits == 2) {
    r.ss = t[j + 1].value;
    j += 2;
    if (j + 1 < t.size() && t[j].text == "." && t[j + 1].kind == Token::kNum) j += 2;  // fraction
  }
  // am/pm: "pm", "p.m.", "p. m."
  if (j < t.size() && t[j].kind == Token::kWord) {
    std::string w = t[j].text;
    bool pm = w == "pm", am = w == "am";
    size_t used = 1;
    if ((w == "p" || w == "a") && j + 2 < t.size() && t[j + 1].text == "." &&
        t[j + 2].text == "m") {
      pm = w == "p";
      am = w == "a";
      used = 3;
      if (j + 3 < t.size() && t[j + 3].text == ".") used = 4;
    }
    if (am || pm) {
      if (r.hh < 1 || r.hh > 12) return 0;
      r.hh = r.hh % 12 + (pm ? 12 : 0);
      j += used;
    }
  }
  // Zone.
  if (j + 1 < t.size() && (t[j].text == "+" || t[j].text == "-") && t[j + 1].kind == Token::kNum &&
      !t[j + 1].space_before) {
    const Token& n = t[j + 1];
    std::string hh, mm = "00";
    size_t used = 0;
    if (n.digits == 4) {
      hh = n.text.substr(0, 2);
      mm = n.text.substr(2);
      used = 2;
    } else if (n.digits == 2 && j + 3 < t.size() && t[j + 2].text == ":" &&
               t[j + 3].kind == Token::kNum && t[j + 3].digits == 2) {
      hh = n.text;
      mm = t[j + 3].text;
      used = 4;
    } else if (n.digits == 2) {
      hh = n.text;
      used = 2;
    }
    if (used > 0 && std::stoi(hh) <= 14) {
      r.offset = t[j].text + hh + ":" + mm;
      j += used;
    }
  } else if (j < t.size() && t[j].kind == Token::kWord) {
    std::string z = ZoneOffset(t[j].text);
    if (!z.empty()) {
      r.offset = z;
      ++j;
      // "GMT+1", "UTC+05:30"
      if (z == "Z" && j + 1 < t.size() && (t[j].text == "+" || t[j].text == "-") &&
          t[j + 1].kind == Token::kNum && t[j + 1].digits <= 2 && t[j + 1].value <= 14) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s%02d:00", t[j].text.c_str(), t[j + 1].value);
        r.offset = buf;
        j += 2;
        if (j + 1 < t.size() && t[j].text == ":" && t[j + 1].digits == 2) {
          r.offset = r.offset.substr(0, 4) + t[j + 1].text;
          j += 2;
        }
      }
    }
  }
  if (r.hh > 23 || r.mm > 59 || r.ss > 59) return 0;
  *out = r;
  return j - i;
}

// The first time of day within tokens [from, to).
TimeOfDay FindTime(const std::vector<Token>& t, size_t from, size_t to) {
  TimeOfDay r;
  for (size_t i = from; i < to && i < t.size(); ++i)
    if (ReadTime(t, i, &r) > 0) return r;
  return {};
}

bool IsDay(const Token& t) {
  return t.kind == Token::kNum && t.digits <= 2 && t.value >= 1 && t.value <= 31;
}
bool IsYear(const Token& t) { return t.kind == Token::kNum && t.digits == 4; }

std::string FromDays(long days, int seconds, const std::string& offset) {
  core::CivilDate d = core::CivilFromDays(days);
  if (seconds < 0) return Format(d.year, d.month, d.day, -1, 0, 0, "");
  return Format(d.year, d.month, d.day, seconds / 3600, seconds / 60 % 60, seconds % 60, offset);
}

// "3 hours ago", "an hour ago", "vor 2 Tagen", "il y a 5 minutes", "hace 3 días", "há 2 dias",
// "2 giorni fa", "3 uur geleden", "yesterday", "hier", "gestern", "ayer", "ontem", "ieri".
std::string ParseRelative(const std::vector<Token>& t, const DateContext& ctx) {
  if (!ctx.has_reference || t.empty()) return "";
  auto day_word = [](const std::string& w) -> int {
    static const char* kToday[] = {"today", "heute",   "aujourd", "hoy",     "hoje",
                                   "oggi",  "vandaag", "idag",    "dzisiaj", "bugün"};
    static const char* kYesterday[] = {"yesterday", "gestern",  "hier", "ayer",    "ontem",
                                       "ieri",      "gisteren", "igår", "wczoraj", "dün"};
    for (const char* w2 : kToday)
      if (w == w2) return 0;
    for (const char* w2 : kYesterday)
      if (w == w2) return 1;
    return -1;
  };
  // Whole-day words only when the text is short (a date label, not a sentence).
  if (t.size() <= 6) {
    for (const Token& k : t) {
      int back = k.kind == Token::kWord ? day_word(k.text) : -1;
      if (back >= 0) return FromDays(ctx.reference_days - back, -1, "");
    }
    if (t.size() <= 3 && t[0].text == "just" && t.size() > 1 && t[1].text == "now")
      return FromDays(ctx.reference_days, ctx.reference_seconds, ctx.reference_offset);
  }
  auto unit_seconds = [](const std::string& w) -> long {
    static const struct {
      const char* word;
      long seconds;
    } kUnits[] = {
        {"second", 1},         {"seconds", 1},      {"sec", 1},
        {"secs", 1},           {"minute", 60},      {"minutes", 60},
        {"min", 60},           {"mins", 60},        {"minuten", 60},
        {"minuto", 60},        {"minutos", 60},     {"minuti", 60},
        {"minuut", 60},        {"hour", 3600},      {"hours", 3600},
        {"hr", 3600},          {"hrs", 3600},       {"h", 3600},
        {"stunde", 3600},      {"stunden", 3600},   {"heure", 3600},
        {"heures", 3600},      {"hora", 3600},      {"horas", 3600},
        {"ora", 3600},         {"ore", 3600},       {"uur", 3600},
        {"timme", 3600},       {"timmar", 3600},    {"day", 86400},
        {"days", 86400},       {"tag", 86400},      {"tagen", 86400},
        {"tage", 86400},       {"jour", 86400},     {"jours", 86400},
        {"día", 86400},        {"días", 86400},     {"dia", 86400},
        {"dias", 86400},       {"giorno", 86400},   {"giorni", 86400},
        {"dag", 86400},        {"dagen", 86400},    {"dagar", 86400},
        {"week", 604800},      {"weeks", 604800},   {"woche", 604800},
        {"wochen", 604800},    {"semaine", 604800}, {"semaines", 604800},
        {"semana", 604800},    {"semanas", 604800}, {"settimana", 604800},
        {"settimane", 604800}, {"weken", 604800},
    };
    for (const auto& u : kUnits)
      if (w == u.word) return u.seconds;
    return 0;
  };
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    long n = 0;
    if (t[i].kind == Token::kNum && t[i].digits <= 3)
      n = t[i].value;
    else if (t[i].text == "a" || t[i].text == "an" || t[i].text == "one" || t[i].text == "einer" ||
             t[i].text == "einem" || t[i].text == "une" || t[i].text == "un" || t[i].text == "una")
      n = 1;
    if (n == 0) continue;
    long unit = unit_seconds(t[i + 1].text);
    if (unit == 0) continue;
    // A marker of the past must accompany the amount: "ago", "vor", "il y a", "hace", "há",
    // "fa", "geleden", "sedan" — "3 hours" alone is a duration, not a date.
    bool past = false;
    for (size_t k = 0; k < t.size(); ++k) {
      const std::string& w = t[k].text;
      if (w == "ago" || w == "vor" || w == "hace" || w == "há" || w == "fa" || w == "geleden" ||
          w == "sedan" ||
          (w == "il" && k + 2 < t.size() && t[k + 1].text == "y" && t[k + 2].text == "a"))
        past = true;
    }
    if (!past) continue;
    long delta = n * unit;
    if (delta > 366L * 86400) return "";
    if (unit < 86400 && ctx.reference_seconds >= 0) {
      long total = ctx.reference_days * 86400 + ctx.reference_seconds - delta;
      long days = total >= 0 ? total / 86400 : (total - 86399) / 86400;
      return FromDays(days, static_cast<int>(total - days * 86400), ctx.reference_offset);
    }
    return FromDays(ctx.reference_days - delta / 86400, -1, "");
  }
  return "";
}

std::string ParseAbsolute(std::string_view text, const DateContext& ctx,
                          const std::vector<Token>& t) {
  // ISO-like with the year first: 2026-11-03, 2026/11/03, 2026.11.03, 2026-11-03T10:32:00+01:00.
  for (size_t i = 0; i + 4 < t.size(); ++i) {
    if (!IsYear(t[i])) continue;
    const std::string& sep = t[i + 1].text;
    if ((sep != "-" && sep != "/" && sep != ".") || t[i + 2].kind != Token::kNum ||
        t[i + 2].digits > 2 || t[i + 3].text != sep || t[i + 4].kind != Token::kNum ||
        t[i + 4].digits > 2)
      continue;
    TimeOfDay tod;
    size_t j = i + 5;
    // "T10:32" tokenizes as word "t10"? No: 't' is a word token, then the number.
    if (j < t.size() && t[j].kind == Token::kWord && t[j].text == "t" && !t[j].space_before)
      ++j;
    else if (j < t.size() && t[j].kind == Token::kWord && t[j].text.size() > 1 &&
             t[j].text[0] == 't')
      j = t.size();  // "2026-11-03Tfoo"
    if (j < t.size()) ReadTime(t, j, &tod);
    return Format(t[i].value, t[i + 2].value, t[i + 4].value, tod.hh, tod.mm, tod.ss, tod.offset);
  }
  // CJK: 2026年11月3日 / 2026년 11월 3일.
  for (size_t i = 0; i + 5 < t.size(); ++i) {
    if (IsYear(t[i]) && t[i + 1].text == "Y" && t[i + 2].kind == Token::kNum &&
        t[i + 3].text == "M" && IsDay(t[i + 4]) && t[i + 5].text == "D") {
      TimeOfDay tod = FindTime(t, i + 6, i + 12);
      return Format(t[i].value, t[i + 2].value, t[i + 4].value, tod.hh, tod.mm, tod.ss, tod.offset);
    }
  }
  // Month names: "4 November 2026", "4. November 2026", "4 de noviembre de 2026",
  // "November 4, 2026", "Nov. 4th 2026", "Tue, 03 Nov 2026 10:32:00 +0100".
  for (size_t m = 0; m < t.size(); ++m) {
    if (t[m].kind != Token::kWord) continue;
    int month = MonthFromWord(t[m].text);
    if (month == 0) continue;
    int day = 0;
    size_t end = m + 1;
    // Day before the month, skipping "." and "de".
    size_t k = m;
    while (k > 0 &&
           (t[k - 1].text == "." ||
            (t[k - 1].kind == Token::kWord && IsOrdinalSuffix(t[k - 1].text))) &&
           m - k < 2)
      --k;
    if (k > 0 && IsDay(t[k - 1]) && !(k >= 2 && t[k - 2].text == ":")) day = t[k - 1].value;
    size_t j = m + 1;
    if (j < t.size() && t[j].text == ".") ++j;
    if (day == 0 && j < t.size() && IsDay(t[j])) {
      day = t[j].value;
      ++j;
      while (j < t.size() && (t[j].text == "," || t[j].text == "." ||
                              (t[j].kind == Token::kWord && IsOrdinalSuffix(t[j].text))))
        ++j;
    }
    if (day == 0) continue;
    // Year within the next few tokens: "de 2026", ", 2026".
    int year = 0;
    for (size_t y = j; y < t.size() && y < j + 3; ++y) {
      if (IsYear(t[y])) {
        year = t[y].value;
        end = y + 1;
        break;
      }
      if (t[y].kind == Token::kNum) break;
    }
    if (year == 0) continue;
    size_t from = m >= 6 ? m - 6 : 0;
    TimeOfDay tod = FindTime(t, end, end + 8);
    if (tod.hh < 0) tod = FindTime(t, from, m);
    return Format(year, month, day, tod.hh, tod.mm, tod.ss, tod.offset);
  }
  // Numeric with the year last: 03.11.2026, 03/11/2026, 11/03/2026 (US), 03-11-2026.
  for (size_t i = 0; i + 4 < t.size(); ++i) {
    const std::string& sep = t[i + 1].text;
    if (t[i].kind != Token::kNum || t[i].digits > 2 || (sep != "." && sep != "/" && sep != "-") ||
        t[i + 2].kind != Token::kNum || t[i + 2].digits > 2 || t[i + 3].text != sep ||
        !IsYear(t[i + 4]))
      continue;
    int a = t[i].value, b = t[i + 2].value;
    bool month_first = sep == "/" && ctx.month_first;
    if (a > 12) month_first = false;
    if (b > 12) month_first = true;
    TimeOfDay tod = FindTime(t, i + 5, i + 14);
    if (tod.hh < 0) tod = FindTime(t, i >= 6 ? i - 6 : 0, i);
    return month_first ? Format(t[i + 4].value, a, b, tod.hh, tod.mm, tod.ss, tod.offset)
                       : Format(t[i + 4].value, b, a, tod.hh, tod.mm, tod.ss, tod.offset);
  }
  // Unix time in seconds or milliseconds (data attributes, some meta tags).
  if (t.size() == 1 && t[0].kind == Token::kNum && (t[0].digits == 10 || t[0].digits == 13)) {
    long long v = std::stoll(t[0].text.substr(0, 10));
    long days = static_cast<long>(v / 86400);
    return FromDays(days, static_cast<int>(v % 86400), "Z");
  }
  (void)text;
  return "";
}

bool AfterReference(const std::string& iso, const DateContext& ctx) {
  auto d = core::ParseIsoDate(iso);
  if (!d || !ctx.has_reference) return false;
  // A day of slack: a page's local date can run ahead of the crawler's UTC date.
  return core::DaysFromCivil(*d) > ctx.reference_days + 1;
}

}  // namespace

DateContext MakeDateContext(std::string_view crawl_date_iso, bool month_first) {
  DateContext ctx;
  ctx.month_first = month_first;
  std::string crawl = crawl_date_iso.empty() ? "" : NormalizeDate(crawl_date_iso);
  if (auto d = core::ParseIsoDate(crawl)) {
    ctx.has_reference = true;
    ctx.reference_days = core::DaysFromCivil(*d);
    if (crawl.size() >= 19 && crawl[10] == 'T') {
      ctx.reference_seconds = std::stoi(crawl.substr(11, 2)) * 3600 +
                              std::stoi(crawl.substr(14, 2)) * 60 + std::stoi(crawl.substr(17, 2));
      ctx.reference_offset = crawl.substr(19);
    }
  } else {
    // No crawl date: today (UTC) still rules out dates in the future.
    auto now = std::chrono::system_clock::now().time_since_epoch();
    ctx.has_reference = true;
    ctx.reference_days =
        static_cast<long>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
  }
  return ctx;
}

std::string ParseDate(std::string_view input, const DateContext& ctx) {
  if (input.empty() || input.size() > kMaxDateText) return "";
  std::vector<Token> t = Tokenize(input);
  std::string iso = ParseAbsolute(input, ctx, t);
  if (iso.empty()) iso = ParseRelative(t, ctx);
  if (iso.empty() || AfterReference(iso, ctx)) return "";
  return iso;
}

bool IsModifiedLabel(std::string_view text) {
  std::string l = core::AsciiLower(text.substr(0, 40));
  for (const char* w :
       {"updated", "update:", "modified", "last modified", "edited", "revised", "mis à jour",
        "mise à jour", "modifié", "aktualisiert", "geändert", "actualizado", "actualización",
        "atualizado", "aggiornato", "bijgewerkt", "uppdaterad", "zaktualizowano"})
    if (l.find(w) != std::string::npos) return true;
  return false;
}

std::string DateFromUrl(std::string_view url, const DateContext& ctx) {
  size_t scheme = url.find("://");
  std::string_view path = url.substr(scheme == std::string_view::npos ? 0 : scheme + 3);
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return "";
  path = path.substr(slash, path.find_first_of("?#") == std::string_view::npos
                                ? path.size()
                                : path.find_first_of("?#") - slash);
  std::vector<Token> t = Tokenize(path);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!IsYear(t[i]) || i == 0 || t[i - 1].text != "/") continue;
    // /2026/11/03/ or /2026-11-03
    if (i + 4 < t.size() && (t[i + 1].text == "/" || t[i + 1].text == "-") &&
        t[i + 2].kind == Token::kNum && t[i + 2].digits == 2 && t[i + 3].text == t[i + 1].text &&
        t[i + 4].kind == Token::kNum && t[i + 4].digits == 2) {
      std::string iso = Format(t[i].value, t[i + 2].value, t[i + 4].value, -1, 0, 0, "");
      return AfterReference(iso, ctx) ? "" : iso;
    }
  }
  // /20261103/ as one path segment.
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    if (t[i].kind == Token::kNum && t[i].digits == 8 && t[i - 1].text == "/" &&
        (t[i + 1].text == "/" || t[i + 1].text == "-" || t[i + 1].text == ".")) {
      std::string iso = Format(std::stoi(t[i].text.substr(0, 4)), std::stoi(t[i].text.substr(4, 2)),
                               std::stoi(t[i].text.substr(6, 2)), -1, 0, 0, "");
      return AfterReference(iso, ctx) ? "" : iso;
    }
  }
  return "";
}

}  // namespace detail

std::string NormalizeDate(std::string_view text) {
  // Context-free: absolute dates only, 1990..2100, no future check (there is no reference).
  std::string collapsed = detail::CollapseSpace(text);
  if (collapsed.empty() || collapsed.size() > detail::kMaxDateText) return "";
  detail::DateContext none;
  std::vector<detail::Token> t = detail::Tokenize(collapsed);
  return detail::ParseAbsolute(collapsed, none, t);
}

}  // namespace wirebrief::extract
