// Dates in German, French, Spanish, Portuguese and Swedish (issue 27): the English reader's
// expressions (dates.cc) in each language's grammar ("am 4. November", "le 4 novembre", "8 de
// marzo de 2026", "vor zwei Wochen", "il y a deux semaines", "i tisdags"), resolved against the
// publication date to the same values English gives. Names come from ICU (lang.h), the words
// around them from date_grammar.cc.
#include "nlp/detail/date_grammar.h"
#include "nlp/detail/date_values.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

int LastDayOf(int year, int m) {
  if (m == 2) return core::IsValidDate({year ? year : 2001, 2, 29}) ? 29 : 28;
  return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
}

class IntlDateReader {
 public:
  IntlDateReader(const Doc& doc, Lang lang, std::vector<core::DateMention>* out)
      : d_(doc), lang_(lang), w_(WordsOf(lang)), g_(GrammarOf(lang)), out_(out) {}

  void Run() {
    for (const SentenceRange& s : IntlSentences(d_, lang_)) {
      tense_ = SentenceTense(s);
      for (size_t i = s.first; i < s.last;) {
        size_t next = Try(s, i);
        i = next > i ? next : i + 1;
      }
    }
  }

 private:
  // The word at i in lower case, without French elision ("l'année" -> "année", "d'avril").
  std::string_view Low(size_t i) const {
    std::string_view l = d_.low(i);
    if (lang_ == Lang::kFr && l.size() > 2 && (l[0] == 'l' || l[0] == 'd')) {
      if (l[1] == '\'') return l.substr(2);
      if (l.size() > 4 && l.substr(1, 3) == "\xE2\x80\x99") return l.substr(4);
    }
    return l;
  }
  bool Is(size_t i, const SentenceRange& s, std::string_view w) const {
    return i < s.last && Low(i) == w;
  }

  // +1 future, -1 past, 0 none: the tense a word marks.
  int Cue(size_t k) const {
    std::string_view l = d_.low(k);
    if (g_.future.count(l)) return 1;
    if (g_.past.count(l)) return -1;
    if (l.size() < 5 || !d_.tok(k).Is(kLower) || g_.no_tense.count(l)) return 0;
    if (lang_ == Lang::kDe) {
      // Past participles ("gestimmt", "getroffen"); "-ste(n)" ends superlatives, not preterites.
      if (l.starts_with("ge") && l.size() >= 7 && (l.ends_with("t") || l.ends_with("en")))
        return -1;
      if (l.ends_with("ste") || l.ends_with("sten")) return 0;
    }
    if (lang_ == Lang::kSv && (l.ends_with("ande") || l.ends_with("ende"))) return 0;
    for (std::string_view suffix : g_.future_suffix)
      if (!suffix.empty() && l.ends_with(suffix)) return 1;
    for (std::string_view suffix : g_.past_suffix)
      if (!suffix.empty() && l.ends_with(suffix)) return -1;
    return 0;
  }

  int SentenceTense(const SentenceRange& s) const {
    int future = 0, past = 0;
    for (size_t k = s.first; k < s.last; ++k) {
      int c = Cue(k);
      future += c > 0;
      past += c < 0;
    }
    if (future == 0 && past == 0) return g_.unmarked_tense > 0 ? 1 : 0;
    return future > past ? 1 : past > 0 ? -1 : 0;
  }

  // The tense nearest a weekday at `at`: the closest cue before it, else after it, else the
  // sentence's.
  int LocalTense(const SentenceRange& s, size_t at) const {
    for (size_t k = at; k > s.first && k + 10 > at;)
      if (int c = Cue(--k)) return c;
    for (size_t k = at + 1; k < s.last && k < at + 8; ++k)
      if (int c = Cue(k)) return c;
    return tense_;
  }

  void Emit(size_t a, size_t b, std::string value) {
    uint32_t begin = d_.tok(a).begin, end = d_.tok(b - 1).end;
    out_->push_back({{begin, end}, std::string(d_.Span(begin, end)), std::move(value)});
  }

  bool IsYear(size_t i, const SentenceRange& s, long* y) const {
    if (i >= s.last || d_.tok(i).text.size() != 4) return false;
    long v = ParseInt(d_.tok(i).text);
    if (v < 1000 || v > 2199) return false;
    *y = v;
    return true;
  }

  // A day of the month: "4", "1er" (French), "1º" (Portuguese).
  long Day(size_t i) const {
    if (!d_.tok(i).Is(kDigit)) return -1;
    std::string_view t = d_.tok(i).text;
    if (t.ends_with("er")) t.remove_suffix(2);
    long v = ParseInt(t);
    return v >= 1 && v <= 31 ? v : -1;
  }

  int YearFor(int month) const {
    if (!d_.anchor) return 0;
    int y = d_.anchor->year, am = d_.anchor->month;
    if (tense_ > 0 && month < am - 2) return y + 1;
    if (tense_ < 0 && month > am + 2) return y - 1;
    return y;
  }

  std::string DayValue(int year, int m, int day) const {
    core::CivilDate cd{year, m, day};
    return year && core::IsValidDate(cd) ? core::FormatIsoDate(cd) : Fmt("--%02d-%02d", m, day);
  }

  // A month name; German months are nouns and so capitalised.
  int FullMonth(size_t i) const {
    if (lang_ == Lang::kDe && !d_.tok(i).Is(kUpper)) return 0;
    return MonthNamed(w_, Low(i));
  }

  // A year after a month at `j` ("November 2026", "marzo de 2026", "novembre, 2026"): the token
  // after the year, or j when there is none.
  size_t YearAfter(const SentenceRange& s, size_t j, long* y) const {
    if (IsYear(j, s, y)) return j + 1;
    if (j < s.last && (Low(j) == "de" || d_.tok(j).text == ",") && IsYear(j + 1, s, y))
      return j + 2;
    return j;
  }

  size_t Try(const SentenceRange& s, size_t i) {
    if (size_t e = ReadWeekday(s, i); e > i) return e;
    if (size_t e = ReadPart(s, i); e > i) return e;
    if (size_t e = ReadDayMonth(s, i); e > i) return e;
    if (size_t e = ReadMonth(s, i); e > i) return e;
    if (size_t e = ReadNumericDate(i); e > i) return e;
    if (size_t e = ReadYear(s, i); e > i) return e;
    if (!d_.anchor) return i;
    if (size_t e = ReadDayWord(s, i); e > i) return e;
    if (size_t e = ReadRelativeUnit(s, i); e > i) return e;
    if (size_t e = ReadSeason(s, i); e > i) return e;
    return ReadAgo(s, i);
  }

  // A weekday and the form that marks its direction: "letzten Dienstag", "mardi prochain", "el
  // martes pasado", "i tisdags" (the Swedish past form), "Dienstagabend".
  int WeekdayAt(const SentenceRange& s, size_t i, bool* past_form) const {
    std::string_view l = Low(i);
    int wd = WeekdayNamed(w_, l);
    if (wd >= 0) {
      // German weekdays are capitalised nouns; elsewhere a capital inside a sentence is a name
      // ("Domingo"). Portuguese "segunda" without "-feira" is also "second": only after "na".
      bool upper = d_.tok(i).Is(kUpper);
      if (lang_ == Lang::kDe ? !upper : upper && i != s.first) return -1;
      if (lang_ == Lang::kPt && wd >= 1 && wd <= 5 && !l.ends_with("-feira") &&
          !(i > s.first && (d_.low(i - 1) == "na" || d_.low(i - 1) == "nesta" ||
                            d_.low(i - 1) == "próxima" || d_.low(i - 1) == "passada")))
        return -1;
      return wd;
    }
    if (lang_ == Lang::kDe && d_.tok(i).Is(kUpper)) {
      for (std::string_view part :
           {"abend", "morgen", "nachmittag", "vormittag", "nacht", "mittag"})
        if (l.ends_with(part) && (wd = WeekdayNamed(w_, l.substr(0, l.size() - part.size()))) >= 0)
          return wd;
    }
    if (lang_ == Lang::kSv && l.size() > 4) {
      if (l.ends_with("s") && (wd = WeekdayNamed(w_, l.substr(0, l.size() - 1))) >= 0) {
        *past_form = true;  // "i tisdags": last Tuesday
        return wd;
      }
      if (l.ends_with("en") && (wd = WeekdayNamed(w_, l.substr(0, l.size() - 2))) >= 0) return wd;
    }
    return -1;
  }

  size_t ReadWeekday(const SentenceRange& s, size_t i) {
    bool past_form = false;
    int wd = WeekdayAt(s, i, &past_form);
    if (wd < 0) return i;
    // "Dienstag, 4. November 2026", "mardi 4 novembre", "el martes 4 de noviembre".
    size_t j = i + 1;
    if (j < s.last && d_.tok(j).text == ",") ++j;
    if (Is(j, s, "den") || Is(j, s, "le") || Is(j, s, "el")) ++j;
    if (j < s.last) {
      size_t e = ReadDayMonth(s, j);
      if (e > j) {
        out_->back().span.begin = d_.tok(i).begin;
        out_->back().text = std::string(d_.Span(d_.tok(i).begin, out_->back().span.end));
        return e;
      }
    }
    size_t b = i, e = i + 1;
    int dir = past_form ? -1 : 2;  // 2: not stated
    bool forced = dir != 2;        // "next"/"last" skip the anchor's own weekday
    if (i > s.first) {
      int before = Find(g_.before, Low(i - 1), 2);
      if (before != 2) dir = before, b = i - 1, forced = before != 0;
      // "på tisdag": the coming Tuesday, today's when the anchor is one.
      if (lang_ == Lang::kSv && Low(i - 1) == "på") dir = 1, b = i - 1;
    }
    if (e < s.last) {
      int after = Find(g_.after, Low(e), 2);
      if (after != 2) dir = after, forced = after != 0, ++e;
      // "el martes que viene", "a terça que vem": the coming one.
      if (after == 2 && Is(e, s, "que") && (Is(e + 1, s, "viene") || Is(e + 1, s, "vem")))
        dir = 1, forced = true, e += 2;
    }
    std::string value;
    if (d_.anchor) {
      int awd = core::Weekday(*d_.anchor);
      int tense = dir == 2 || dir == 0 ? LocalTense(s, i) : dir;
      long delta;
      if (tense > 0) {
        delta = (wd - awd + 7) % 7;
        if (delta == 0 && forced) delta = 7;
      } else {
        delta = -((awd - wd + 7) % 7);
        if (delta == 0 && forced) delta = -7;
      }
      value = core::FormatIsoDate(AddDays(*d_.anchor, delta));
    }
    Emit(b, e, value);
    return e;
  }

  // A part of a month or year: "Anfang März", "mi-mars", "fin novembre 2026", "a mediados de
  // marzo", "i slutet av mars", "Ende des Jahres", "fin de l'année".
  size_t ReadPart(const SentenceRange& s, size_t i) {
    std::string_view l = Low(i);
    int part = Find(g_.parts, l, -1);
    size_t j = i + 1;
    if (part < 0 && lang_ == Lang::kFr && l.starts_with("mi-") && MonthNamed(w_, l.substr(3)) > 0) {
      part = 1, j = i;  // "mi-mars" is one token
    }
    if (part < 0 || j > s.last) return i;
    if (j < s.last && (Low(j) == "de" || Low(j) == "av" || Low(j) == "do" || Low(j) == "des")) ++j;
    if (j >= s.last) return i;
    int m = j == i ? MonthNamed(w_, l.substr(3)) : FullMonth(j);
    if (m > 0) {
      long y = 0;
      size_t e = YearAfter(s, j + 1, &y);
      int year = y ? static_cast<int>(y) : YearFor(m);
      int lo = part == 0 ? 1 : part == 2 ? 15 : 10;
      int hi = part == 0 ? 15 : part == 2 ? LastDayOf(year, m) : 20;
      std::string ym = year ? Fmt("%04d-%02d", year, m) : Fmt("--%02d", m);
      Emit(i, e, ym + Fmt("-%02d/", lo) + ym + Fmt("-%02d", hi));
      return e;
    }
    long y = 0;
    if (IsYear(j, s, &y)) {  // "Anfang 2027"
      Emit(i, j + 1, Fmt("%04d", static_cast<int>(y)));
      return j + 1;
    }
    // "Ende des Jahres", "fin de l'année", "finales de año", "fim do ano", "slutet av året";
    // "Ende vergangenen Jahres", "Anfang nächsten Jahres".
    int dir = j + 1 < s.last ? Find(g_.before, Low(j), 2) : 2;
    size_t unit = dir == 2 || dir == 0 ? j : j + 1;
    if (dir == 2) dir = 0;
    if (d_.anchor && unit < s.last && Find(g_.units, Low(unit), 0) == kYear) {  // singular only
      int year = d_.anchor->year + dir;
      Emit(i, unit + 1, part == 2 ? Fmt("%04d-12-31", year) : Fmt("%04d", year));
      return unit + 1;
    }
    return i;
  }

  // Day before month: "4. November 2026", "le 1er mai", "8 de marzo de 2026", "4 nov. 2026".
  size_t ReadDayMonth(const SentenceRange& s, size_t i) {
    long day = Day(i);
    if (day < 0) return i;
    size_t j = i + 1;
    // "4." (German), "1º" and "1.º" (Portuguese, Spanish): the ordinal's marks.
    if (j < s.last && d_.tok(j).text == "." && d_.tok(j).begin == d_.tok(i).end) ++j;
    if (j < s.last && (d_.tok(j).text == "\xC2\xBA" || d_.tok(j).text == "\xC2\xB0") &&
        d_.tok(j).begin == d_.tok(j - 1).end)
      ++j;
    if (Is(j, s, "de")) ++j;
    if (j >= s.last) return i;
    int m = MonthOrAbbrev(w_, Low(j));
    if (m == 0 || (lang_ == Lang::kDe && !d_.tok(j).Is(kUpper))) return i;
    size_t e = j + 1;
    if (MonthNamed(w_, Low(j)) == 0 && e < s.last && d_.tok(e).text == "." &&
        d_.tok(e).begin == d_.tok(j).end)
      ++e;  // the abbreviation's period: "4 nov. 2026"
    long y = 0;
    e = YearAfter(s, e, &y);
    int year = y ? static_cast<int>(y) : YearFor(m);
    Emit(i, e, DayValue(year, m, static_cast<int>(day)));
    return e;
  }

  // Month-led: "November 2026", "noviembre de 2026", "im März", "en mars dernier".
  size_t ReadMonth(const SentenceRange& s, size_t i) {
    int m = FullMonth(i);
    if (m == 0) return i;
    long y = 0;
    if (size_t e = YearAfter(s, i + 1, &y); e > i + 1) {
      Emit(i, e, Fmt("%04d-%02d", static_cast<int>(y), m));
      return e;
    }
    int after = i + 1 < s.last ? Find(g_.after, Low(i + 1), 2) : 2;
    if (after == 1 || after == -1) {
      int year = d_.anchor ? d_.anchor->year + (after < 0 ? (m >= d_.anchor->month ? -1 : 0)
                                                          : (m <= d_.anchor->month ? 1 : 0))
                           : 0;
      Emit(i, i + 2, year ? Fmt("%04d-%02d", year, m) : Fmt("--%02d", m));
      return i + 2;
    }
    if (!(i > s.first && g_.month_preps.count(Low(i - 1)))) return i;
    int year = YearFor(m);
    Emit(i, i + 1, year ? Fmt("%04d-%02d", year, m) : Fmt("--%02d", m));
    return i + 1;
  }

  // "04.11.2026" (German, Swedish), "4/11/2026" (French, Spanish, Portuguese): day first.
  size_t ReadNumericDate(size_t i) {
    std::string_view t = d_.tok(i).text;
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
      if (auto cd = core::ParseIsoDate(t)) return Emit(i, i + 1, core::FormatIsoDate(*cd)), i + 1;
      return i;
    }
    char sep = lang_ == Lang::kDe || lang_ == Lang::kSv ? '.' : '/';
    size_t a = t.find(sep), b = a == std::string_view::npos ? a : t.find(sep, a + 1);
    if (b == std::string_view::npos || t.size() - b - 1 != 4) return i;
    long day = ParseInt(t.substr(0, a)), m = ParseInt(t.substr(a + 1, b - a - 1));
    long y = ParseInt(t.substr(b + 1));
    core::CivilDate cd{static_cast<int>(y), static_cast<int>(m), static_cast<int>(day)};
    if (day < 1 || m < 1 || y < 1000 || !core::IsValidDate(cd)) return i;
    Emit(i, i + 1, core::FormatIsoDate(cd));
    return i + 1;
  }

  // A year, or a decade: "1990er", "1990er-Jahre", "1990-talet", "les années 1990", "la década
  // de 1990". Not money or a count: "2000 Euro", "1500 %".
  size_t ReadYear(const SentenceRange& s, size_t i) {
    std::string_view t = d_.tok(i).text;
    long dy = t.size() > 4 ? ParseInt(t.substr(0, 4)) : -1;
    std::string_view rest = std::string_view(d_.low(i)).substr(t.size() > 4 ? 4 : 0);
    if (dy >= 1000 && dy % 10 == 0 &&
        (rest == "er" || rest.starts_with("er-") || rest == "-talet" || rest == "-tal")) {
      Emit(i, i + 1, Fmt("%04d-01-01/%04d-12-31", static_cast<int>(dy), static_cast<int>(dy + 9)));
      return i + 1;
    }
    long y = 0;
    if (!IsYear(i, s, &y)) return i;
    if (i + 1 < s.last) {
      std::string_view next = Low(i + 1);
      if (next == "%" || next == "prozent" || next == "procent" || next == "euro" ||
          next == "euros" || next == "dollar" || next == "kronor" || next == "pour" ||
          next == "por")
        return i;
    }
    if (i > s.first && (d_.tok(i - 1).text == "$" || d_.tok(i - 1).text == "\xE2\x82\xAC"))
      return i;
    size_t b = i;
    std::string_view prev = i > s.first ? Low(i - 1) : "";
    bool decade = y % 10 == 0 && (prev == "années" || prev == "años" || prev == "anos");
    if (y % 10 == 0 && prev == "de" && i >= s.first + 2 &&
        (Low(i - 2) == "década" || Low(i - 2) == "décennie"))
      decade = true, b = i - 2;
    if (decade) {
      if (b == i) b = i - 1;
      Emit(b, i + 1, Fmt("%04d-01-01/%04d-12-31", static_cast<int>(y), static_cast<int>(y + 9)));
      return i + 1;
    }
    if (y < 1500 && !g_.month_preps.count(prev)) return i;
    Emit(b, i + 1, Fmt("%04d", static_cast<int>(y)));
    return i + 1;
  }

  // "heute", "hier", "mañana", "i går", "pasado mañana".
  size_t ReadDayWord(const SentenceRange& s, size_t i) {
    std::string_view l = Low(i);
    int offset = Find(g_.day_words, l, 99);
    size_t e = i + 1;
    if (lang_ == Lang::kSv && l == "i" && i + 1 < s.last) {
      static const WordMap kAfterI = {
          {"dag", 0}, {"går", -1}, {"morgon", 1}, {"förrgår", -2}, {"övermorgon", 2}};
      offset = Find(kAfterI, Low(i + 1), 99);
      e = i + 2;
    }
    if (lang_ == Lang::kEs && l == "pasado" && Is(i + 1, s, "mañana")) offset = 2, e = i + 2;
    if (offset == 99) return i;
    // "Morgen" is the morning, "morgen" tomorrow; "por la mañana" is the morning too.
    if (lang_ == Lang::kDe && l == "morgen" && !d_.tok(i).Is(kLower)) return i;
    if (lang_ == Lang::kEs && l == "mañana" && i > s.first) {
      std::string_view p = Low(i - 1);
      if (p == "la" || p == "esta" || p == "cada" || p == "una" || p == "de") return i;
    }
    Emit(i, e, core::FormatIsoDate(AddDays(*d_.anchor, offset)));
    return e;
  }

  std::string UnitValue(int unit, int dir) const {
    const core::CivilDate& a = *d_.anchor;
    switch (unit) {
      case kYear:
        return Fmt("%04d", a.year + dir);
      case kMonth: {
        int mm = a.year * 12 + a.month - 1 + dir;
        return Fmt("%04d-%02d", mm / 12, mm % 12 + 1);
      }
      case kWeek:
      case kWeekend: {
        // As English: weeks Monday..Sunday, the weekend before a weekday anchor when looking back.
        core::CivilDate day = AddDays(a, 7 * dir);
        core::CivilDate monday = AddDays(day, -((core::Weekday(day) + 6) % 7));
        if (unit == kWeek)
          return core::FormatIsoDate(monday) + "/" + core::FormatIsoDate(AddDays(monday, 6));
        core::CivilDate sat = AddDays(monday, 5);
        if (dir <= 0 && core::DaysFromCivil(sat) > core::DaysFromCivil(a)) sat = AddDays(sat, -7);
        return core::FormatIsoDate(sat) + "/" + core::FormatIsoDate(AddDays(sat, 1));
      }
      case kDecade:
        return Fmt("%03dX", a.year / 10 + dir);
      default:
        return "";
    }
  }

  // "letzte Woche", "nächstes Jahr", "la semaine dernière", "l'an prochain", "el mes que viene",
  // "este año", "förra veckan", "i år", "i fjol".
  size_t ReadRelativeUnit(const SentenceRange& s, size_t i) {
    std::string_view l = Low(i);
    if (lang_ == Lang::kSv && l == "i" && i + 1 < s.last) {
      std::string_view n = Low(i + 1);
      if (n == "fjol") return Emit(i, i + 2, UnitValue(kYear, -1)), i + 2;
      if (n == "år" || n == "veckan" || n == "helgen" || n == "månaden") {
        Emit(i, i + 2, UnitValue(Find(g_.units, n, 0), 0));
        return i + 2;
      }
      return i;
    }
    int dir = Find(g_.before, l, 2);
    size_t b = i, u = i;
    if (dir != 2) {
      u = i + 1;
      if (lang_ == Lang::kSv && l == "här" && i > s.first && Low(i - 1) == "den") b = i - 1;
    }
    if (u >= s.last) return i;
    std::string_view unit_word = Low(u);
    // "ce mois-ci": the demonstrative's particle.
    if (unit_word.ends_with("-ci")) unit_word.remove_suffix(3);
    int unit = Find(g_.units, unit_word, 0);
    if (unit == 0 || unit == kDay || unit & kPlural) return i;
    size_t e = u + 1;
    if (dir == 2 && e < s.last) {
      dir = Find(g_.after, Low(e), 2);
      if (dir != 2) {
        ++e;
      } else if (Is(e, s, "que") && (Is(e + 1, s, "viene") || Is(e + 1, s, "vem"))) {
        dir = 1, e += 2;
      }
    }
    if (dir == 2) return i;
    Emit(b, e, UnitValue(unit, dir));
    return e;
  }

  static std::string SeasonValue(int season, int year) {
    static const int kFrom[] = {3, 6, 9, 12}, kTo[] = {6, 9, 12, 3};
    return Fmt("%04d-%02d/", year, kFrom[season]) +
           Fmt("%04d-%02d", season == 3 ? year + 1 : year, kTo[season]);
  }

  // Seasons with a year or a modifier, as English reads "summer of 2012" and "last summer":
  // "im Sommer 2025", "l'été 2025", "el verano de 2025", "sommaren 2025", "letzten Sommer",
  // "l'été dernier", "el verano pasado"; and Swedish "i somras" (the summer just gone).
  size_t ReadSeason(const SentenceRange& s, size_t i) {
    if (lang_ == Lang::kSv && Low(i) == "i" && i + 1 < s.last) {
      static const WordMap kPast = {{"våras", 0}, {"somras", 1}, {"höstas", 2}, {"vintras", 3}};
      int season = Find(kPast, Low(i + 1), -1);
      if (season < 0) return i;
      static const int kTo[] = {6, 9, 12, 3};
      int year = d_.anchor->year - (season < 3 && kTo[season] < d_.anchor->month ? 0 : 1);
      Emit(i, i + 2, SeasonValue(season, year));
      return i + 2;
    }
    size_t b = i, at = i;
    int dir = Find(g_.before, Low(i), 2);
    if (dir != 2) ++at;
    if (at >= s.last) return i;
    int season = Find(g_.seasons, Low(at), -1);
    if (season < 0 || (lang_ == Lang::kDe && !d_.tok(at).Is(kUpper))) return i;
    long y = 0;
    size_t e = YearAfter(s, at + 1, &y);
    if (e > at + 1 && dir == 2) {
      Emit(b, e, SeasonValue(season, static_cast<int>(y)));
      return e;
    }
    if (dir == 2 && at + 1 < s.last) {
      dir = Find(g_.after, Low(at + 1), 2);
      e = at + 2;
    }
    // French "été" alone is the participle of "être" ("a été fermé").
    bool elided = d_.low(at).size() > Low(at).size();
    if (dir == 2 || (lang_ == Lang::kFr && season == 1 && !elided && b == at)) return i;
    Emit(b, e, SeasonValue(season, d_.anchor->year + dir));
    return e;
  }

  // "vor zwei Wochen", "il y a deux semaines", "hace dos semanas", "há três anos", "duas semanas
  // atrás", "för två veckor sedan".
  size_t ReadAgo(const SentenceRange& s, size_t i) {
    size_t n = i, b = i;
    bool ago = false;
    if (g_.ago_before.count(Low(i))) {
      n = i + 1;
      ago = lang_ != Lang::kSv;  // Swedish "för" needs "sedan" after: "för två veckor" is "for"
    } else if (lang_ == Lang::kFr && Low(i) == "il" && Is(i + 1, s, "y") && Is(i + 2, s, "a")) {
      n = i + 3, ago = true;
    }
    // "vor rund 20 Jahren", "il y a près de deux semaines", "hace casi dos años".
    if (n > i)
      for (int skipped = 0; skipped < 2 && n < s.last && g_.approx.count(Low(n)); ++skipped) ++n;
    if (n + 1 >= s.last) return i;
    int count = Find(g_.numbers, Low(n), -1);
    if (count < 0) {
      long v = ParseInt(d_.tok(n).text);
      if (v < 0 || v >= 1000) return i;
      count = static_cast<int>(v);
    }
    int unit = Find(g_.units, Low(n + 1), 0) & ~kPlural;
    if (unit == 0 || unit == kWeekend) return i;
    size_t e = n + 2;
    if (e < s.last && g_.ago_after.count(Low(e))) ago = true, ++e;
    if (!ago) return i;
    const core::CivilDate& a = *d_.anchor;
    std::string v;
    switch (unit) {
      case kDay:
        v = core::FormatIsoDate(AddDays(a, -count));
        break;
      case kWeek:
        v = IsoWeek(AddDays(a, -7 * count));
        break;
      case kMonth: {
        int mm = a.year * 12 + a.month - 1 - count;
        v = Fmt("%04d-%02d", mm / 12, mm % 12 + 1);
        break;
      }
      case kYear:
        v = Fmt("%04d", a.year - count);
        break;
      default:
        v = Fmt("%04d", a.year - 10 * count);
    }
    Emit(b, e, v);
    return e;
  }

  const Doc& d_;
  Lang lang_;
  const LangWords& w_;
  const Grammar& g_;
  std::vector<core::DateMention>* out_;
  int tense_ = 0;
};

}  // namespace

std::vector<SentenceRange> IntlSentences(const Doc& doc, Lang lang) {
  const LangWords& w = WordsOf(lang);
  std::vector<SentenceRange> out;
  for (const SentenceRange& s : doc.tag.sentences) {
    if (!out.empty() && s.first < doc.size() && !doc.tok(s.first).Is(kParaStart)) {
      size_t last = out.back().last - 1;  // the previous sentence's final token
      bool joins = false;
      if (last > out.back().first && doc.tok(last).text == "." &&
          doc.tok(last - 1).end == doc.tok(last).begin) {
        std::string_view before = doc.low(last - 1);
        joins = (lang == Lang::kDe && before.size() <= 2 && ParseInt(before) >= 1) ||
                before == "mio" || before == "mrd" || before == "milj" ||
                (MonthOrAbbrev(w, before) > 0 && MonthNamed(w, before) == 0);
      }
      if (joins) {
        out.back().last = s.last;
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

void ReadDatesIntl(const Doc& doc, Lang lang, std::vector<core::DateMention>* out) {
  if (lang == Lang::kZh) return ReadDatesZh(doc, out);
  IntlDateReader(doc, lang, out).Run();
}

}  // namespace wirebrief::nlp::detail
