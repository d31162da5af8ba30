// Dates: absolute ("Wednesday, October 9, 2013", "9 October", "December 2008", "2012", "the
// 1990s") and relative ("on Tuesday", "last year", "next month", "three weeks ago", "late
// September") expressions, resolved against the publication date to ISO 8601 / TIMEX3 values.
#include "core/time.h"
#include "nlp/detail/date_values.h"
#include "nlp/detail/lexicon.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

int MonthOf(std::string_view lower) {
  static const char* kShort[] = {"jan.", "feb.", "mar.", "apr.", "may",  "jun.",
                                 "jul.", "aug.", "sep.", "oct.", "nov.", "dec."};
  for (int m = 0; m < 12; ++m)
    if (lower == core::kMonthNames[m] || lower == kShort[m]) return m + 1;
  if (lower == "sept." || lower == "sept") return 9;
  if (lower.size() == 3)
    for (int m = 0; m < 12; ++m)
      if (lower == core::kMonthNames[m].substr(0, 3) && m != 4 && lower != "mar" && lower != "jan")
        return m + 1;
  return 0;
}

int WeekdayOf(std::string_view lower) {
  for (int d = 0; d < 7; ++d)
    if (lower == core::kWeekdayNames[d]) return d;
  return -1;
}

int NumberWord(std::string_view l) {
  static const char* kWords[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                 "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (l == kWords[i]) return i;
  if (l == "a" || l == "an") return 1;
  if (l == "several" || l == "few" || l == "a few") return -2;
  long v = ParseInt(l);
  return v >= 0 && v < 1000 ? static_cast<int>(v) : -1;
}

class DateReader {
 public:
  DateReader(const Doc& doc, std::vector<core::DateMention>* out) : d_(doc), out_(out) {}

  void Run() {
    for (const SentenceRange& s : d_.tag.sentences) {
      tense_ = Tense(s);
      for (size_t i = s.first; i < s.last;) {
        size_t next = Try(s, i);
        i = next > i ? next : i + 1;
      }
    }
  }

 private:
  // +1 future, -1 past, 0 unknown: decides which "Tuesday" or "March" a sentence means.
  int Tense(const SentenceRange& s) const {
    int fut = 0, past = 0;
    for (size_t i = s.first; i < s.last; ++i) {
      const std::string& l = d_.low(i);
      if (l == "will" || l == "'ll" || l == "shall" || l == "scheduled" || l == "upcoming" ||
          l == "expected" || l == "plans" || l == "planned" || l == "next" || l == "due" ||
          l == "until" || l == "coming")
        ++fut;
      else if (l == "was" || l == "were" || l == "had" || l == "did" || l == "ago" || l == "last" ||
               (l.size() > 3 && l.compare(l.size() - 2, 2, "ed") == 0 && d_.tok(i).Is(kLower)))
        ++past;
    }
    return fut > past ? 1 : past > 0 ? -1 : 0;
  }

  // The tense of the clause around a weekday at `at`: the nearest cue before it in its clause
  // ("will vote on Tuesday", "a ban from Tuesday", "voted on Tuesday"), else the nearest after it
  // ("On Tuesday, the council will vote"); 0 when the clause has none. A whole-sentence count
  // misreads "Lawmakers, who were elected in May, will vote on Tuesday" as past.
  static constexpr int kNearest = 2;

  int LocalTense(const SentenceRange& s, size_t at) const {
    auto cue = [&](size_t k) -> int {
      const std::string& l = d_.low(k);
      if (l == "will" || l == "'ll" || l == "\xE2\x80\x99ll" || l == "shall" || l == "would" ||
          l == "scheduled" || l == "upcoming" || l == "due" || l == "until" || l == "till" ||
          l == "from" || l == "starting" || l == "beginning" || l == "effective" ||
          l == "expected" || l == "plans" || l == "planned" || l == "set" || l == "to")
        return 1;
      if (l == "was" || l == "were" || l == "had" || l == "did" || l == "said" || l == "ago" ||
          l == "told" || l == "met" || l == "came" || l == "went" || l == "began" || l == "took" ||
          l == "held" || l == "left" || l == "won" || l == "lost" ||
          (l.size() > 3 && l.ends_with("ed") && d_.tok(k).Is(kLower)))
        return -1;
      return 0;
    };
    auto boundary = [&](size_t k) {
      std::string_view t = d_.tok(k).text;
      return t == ";" || t == ":" || t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" ||
             d_.low(k) == "but" || d_.low(k) == "after" || d_.low(k) == "since";
    };
    // "to" is a future cue only as an infinitive marker: "is set to vote on Tuesday", not "to
    // Tuesday" or "went to Paris on Tuesday".
    auto infinitive = [&](size_t k) {
      return d_.low(k) != "to" ||
             (k + 1 < at && d_.tok(k + 1).Is(kLower) && !d_.low(k + 1).ends_with("ed") &&
              !StopWords().count(d_.low(k + 1)));
    };
    auto l_is_preposition = [&](size_t k) {
      const std::string& l = d_.low(k);
      return l == "from" || l == "until" || l == "till" || l == "starting" || l == "beginning" ||
             l == "effective" || l == "for";
    };
    // "for Tuesday's attack" looks back; "ordered for Tuesday" names the day a thing is set for.
    const bool possessive =
        at + 1 < s.last && (d_.low(at + 1) == "'s" || d_.low(at + 1) == "\xE2\x80\x99s");
    // A verb right after the expression is its own: "Posts from Friday theorized ...".
    size_t after = at + 1;
    if (after < s.last && (d_.low(after) == "night" || d_.low(after) == "morning" ||
                           d_.low(after) == "afternoon" || d_.low(after) == "evening"))
      ++after;
    if (after < s.last && d_.low(after) != "to") {
      int c = cue(after);
      if (c != 0 && (c < 0 || d_.low(after) == "will" || d_.low(after) == "would")) return c;
      // A modal of possibility right after the day speaks of what may come: "a wind change on
      // Wednesday could make the fire worse". Not when negated or perfect ("could not say",
      // "may have started"), which narrate.
      const std::string& m = d_.low(after);
      if ((m == "could" || m == "may" || m == "might") && after + 1 < s.last) {
        const std::string& n = d_.low(after + 1);
        if (n != "not" && n != "n't" && n != "have" && n != "never") return 1;
      }
    }
    bool for_phrase = false;  // "ordered for the Sydney region on Tuesday"
    // A preposition still governs the day across a qualifier: "until at least Friday".
    size_t day = at;
    if (day >= s.first + 2 && d_.low(day - 2) == "at" && d_.low(day - 1) == "least") day -= 2;
    if (day >= s.first + 3 && d_.low(day - 3) == "as" && d_.low(day - 1) == "as" &&
        (d_.low(day - 2) == "early" || d_.low(day - 2) == "soon"))
      day -= 3;
    // "declared Saturday a day of mourning", "named Friday as the deadline": the day is the
    // verb's object, the day the thing is for, so the nearer of the two days.
    if (at > s.first && at + 1 < s.last && cue(at - 1) < 0 && d_.low(at - 1).ends_with("ed") &&
        (d_.low(at + 1) == "a" || d_.low(at + 1) == "an" || d_.low(at + 1) == "as"))
      return kNearest;
    for (size_t k = at; k > s.first && k + 13 > at;) {
      --k;
      if (boundary(k)) break;
      // Prepositions speak for the weekday right after them only ("a ban from Tuesday"), not
      // for one further on ("stolen from the museum on Saturday").
      bool preposition = l_is_preposition(k);
      if (d_.low(k) == "for" && (k + 1 != day || possessive)) {
        for_phrase = for_phrase || (!possessive && k + 8 >= at);
        continue;
      }
      // A past participle before a "for" phrase that ends on the day ("a ban was ordered for
      // the Sydney region on Tuesday") may date the order or the day it is for: the nearer of
      // the two days is the reading (kNearest).
      if (for_phrase && cue(k) < 0 && d_.low(k).ends_with("ed")) return kNearest;
      // "ahead of Wednesday's cool change", "ahead of Tuesday's vote": what is still to come.
      if (d_.low(k) == "ahead" && k + 2 == at && d_.low(k + 1) == "of") return 1;
      int c = d_.low(k) == "for" ? 1 : cue(k);
      if (c != 0 && infinitive(k) && (!preposition || k + 1 == day)) return c;
    }
    for (size_t k = at + 1; k < s.last && k < at + 8; ++k) {
      if (boundary(k)) break;
      // Only verbs decide from after: "On Thursday, with 110 days until the Games" is not future.
      const std::string& l = d_.low(k);
      int c = cue(k);
      if (c < 0 || (c > 0 && (l == "will" || l == "'ll" || l == "shall" || l == "would"))) return c;
      // "Whether Thursday's session produces a deal may depend on ...": a modal of possibility,
      // not negated or perfect, speaks of what is to come.
      if ((l == "may" || l == "might" || l == "could") && k + 1 < s.last &&
          d_.low(k + 1) != "not" && d_.low(k + 1) != "n't" && d_.low(k + 1) != "have" &&
          d_.low(k + 1) != "never")
        return 1;
    }
    return 0;
  }

  void Emit(size_t a, size_t b, std::string value) {
    uint32_t begin = d_.tok(a).begin, end = d_.tok(b - 1).end;
    out_->push_back({{begin, end}, std::string(d_.Span(begin, end)), std::move(value)});
  }

  bool IsYear(size_t i, long* y) const {
    const Token& t = d_.tok(i);
    if (t.text.size() != 4) return false;
    long v = ParseInt(t.text);
    if (v < 1000 || v > 2199) return false;
    *y = v;
    return true;
  }

  long Day(size_t i) const {
    std::string_view t = d_.tok(i).text;
    if (t.size() >= 3 &&
        (t.ends_with("st") || t.ends_with("nd") || t.ends_with("rd") || t.ends_with("th")))
      t = t.substr(0, t.size() - 2);
    long v = ParseInt(t);
    return v >= 1 && v <= 31 ? v : -1;
  }

  // The year a month of unstated year most likely falls in, from the sentence's tense.
  int YearFor(int month) const {
    if (!d_.anchor) return 0;
    int y = d_.anchor->year, am = d_.anchor->month;
    if (tense_ > 0 && month < am - 2) return y + 1;
    if (tense_ < 0 && month > am + 2) return y - 1;
    return y;
  }

  bool Word(size_t i, const SentenceRange& s, std::string_view w) const {
    return i < s.last && d_.low(i) == w;
  }

  // The date expression starting at token `i`, tried rule by rule in the order that matters
  // (a weekday may open a full date, a month-led date before a bare year, absolute forms before
  // those needing the anchor). Returns the end token, or i when nothing was read.
  size_t Try(const SentenceRange& s, size_t i) {
    const Token& t = d_.tok(i);
    const std::string& l = d_.low(i);
    int wd = WeekdayOf(l);
    if (wd >= 0 && t.Is(kUpper)) return ReadWeekday(s, i, wd);
    if (size_t e = ReadPartOfMonth(s, i); e > i) return e;
    if (t.Is(kUpper) && MonthOf(l)) {
      size_t e = Absolute(s, i, false);
      if (e > i) return e;
    }
    if (size_t e = ReadDayMonth(s, i); e > i) return e;
    if (size_t e = ReadYear(s, i); e > i) return e;
    if (size_t e = ReadDecadeWord(i); e > i) return e;
    if (size_t e = ReadIsoDate(i); e > i) return e;
    if (!d_.anchor) {
      if (l == "today" || l == "yesterday" || l == "tomorrow" || l == "tonight") {
        Emit(i, i + 1, "");
        return i + 1;
      }
      return i;
    }
    if (size_t e = ReadAnchoredWord(s, i); e > i) return e;
    if (size_t e = ReadRelativeUnit(s, i); e > i) return e;
    if (size_t e = ReadAgo(s, i); e > i) return e;
    if (size_t e = ReadSeason(s, i); e > i) return e;
    return ReadCentury(s, i);
  }

  // Weekday, optionally opening a full date: "Wednesday, October 9, 2013"; otherwise the day of
  // the anchor's week the sentence's tense points to. Always consumes the weekday.
  size_t ReadWeekday(const SentenceRange& s, size_t i, int wd) {
    const Token& t = d_.tok(i);
    const auto& anchor = d_.anchor;
    size_t j = i + 1;
    if (j < s.last && d_.tok(j).text == ",") ++j;
    if (j < s.last && MonthOf(d_.low(j)) && d_.tok(j).Is(kUpper)) {
      size_t e = Absolute(s, j, true);
      if (e > j) {
        out_->back().span.begin = t.begin;
        out_->back().text = std::string(d_.Span(t.begin, out_->back().span.end));
        return e;
      }
    }
    size_t b = i;
    std::string prev = i > s.first ? d_.low(i - 1) : "";
    if (prev == "a" || prev == "every" || (prev.size() > 1 && prev.back() == 's' && prev != "this"))
      return i + 1;  // "on a Monday"
    if (prev == "last" || prev == "next" || prev == "this" || prev == "coming") b = i - 1;
    std::string value;
    if (anchor) {
      int awd = core::Weekday(*anchor);
      int delta;
      int tense = prev == "last" || prev == "next" || prev == "coming" ? 0 : LocalTense(s, i);
      if (tense == kNearest) tense = (wd - awd + 7) % 7 <= 3 ? 1 : -1;
      if (tense == 0) tense = tense_;
      if (prev == "next" || prev == "coming" || (tense > 0 && prev != "last")) {
        delta = (wd - awd + 7) % 7;
        if (delta == 0 && prev == "next") delta = 7;
      } else {
        delta = -((awd - wd + 7) % 7);
        if (delta == 0 && prev == "last") delta = -7;
      }
      value = core::FormatIsoDate(AddDays(*anchor, delta));
    }
    size_t e = i + 1;
    // "Tuesday night/morning" stays one expression.
    if (e < s.last && (d_.low(e) == "night" || d_.low(e) == "morning" || d_.low(e) == "afternoon" ||
                       d_.low(e) == "evening"))
      ++e;
    Emit(b, e, value);
    return e;
  }

  // early/mid/late + month ("late September") or + year ("early 2014", "the mid-1990s").
  size_t ReadPartOfMonth(const SentenceRange& s, size_t i) {
    const std::string& l = d_.low(i);
    if (!((l == "early" || l == "late" || l == "mid" || l == "mid-") && i + 1 < s.last)) return i;
    size_t j = i + 1;
    if (d_.tok(j).text == "-") ++j;
    int m = j < s.last && d_.tok(j).Is(kUpper) ? MonthOf(d_.low(j)) : 0;
    if (m > 0 && (j + 1 >= s.last || Day(j + 1) < 0)) {
      long y = 0;
      size_t e = j + 1;
      if (e < s.last && IsYear(e, &y)) ++e;
      int year = y ? static_cast<int>(y) : YearFor(m);
      int lo = l == "early" ? 1 : l == "late" ? 15 : 10;
      int hi = l == "early"  ? 15
               : l == "late" ? (m == 2                                    ? 28
                                : (m == 4 || m == 6 || m == 9 || m == 11) ? 30
                                                                          : 31)
                             : 20;
      std::string ym = year ? Fmt("%04d-%02d", year, m) : Fmt("--%02d", m);
      Emit(i, e, ym + Fmt("-%02d/", lo) + ym + Fmt("-%02d", hi));
      return e;
    }
    long y = 0;
    if (j < s.last && IsYear(j, &y) && !(j + 1 < s.last && d_.tok(j + 1).text == "%")) {
      // "early 2014", "the mid-1990s"
      Emit(i, j + 1, Fmt("%04d", static_cast<int>(y)));
      return j + 1;
    }
    return i;
  }

  // Day before month: "9 October 2013", "the 9th of October".
  size_t ReadDayMonth(const SentenceRange& s, size_t i) {
    if (!(Day(i) > 0 && d_.tok(i).Is(kDigit))) return i;
    size_t j = i + 1;
    if (j < s.last && d_.low(j) == "of") ++j;
    if (!(j < s.last && d_.tok(j).Is(kUpper) && MonthOf(d_.low(j)))) return i;
    int m = MonthOf(d_.low(j));
    long y = 0;
    size_t e = j + 1;
    if (e < s.last && d_.tok(e).text == ",") ++e;
    if (e < s.last && IsYear(e, &y))
      ++e;
    else
      e = j + 1;
    int year = y ? static_cast<int>(y) : YearFor(m);
    core::CivilDate cd{year, m, static_cast<int>(Day(i))};
    Emit(i, e,
         year && core::IsValidDate(cd) ? core::FormatIsoDate(cd)
                                       : Fmt("--%02d-%02d", m, static_cast<int>(Day(i))));
    return e;
  }

  // A year ("in 2012", "1998") or a decade written "1990's", unless it is money, a percentage
  // or a count.
  size_t ReadYear(const SentenceRange& s, size_t i) {
    long y = 0;
    if (!IsYear(i, &y)) return i;
    std::string prev = i > s.first ? d_.low(i - 1) : "";
    bool money = prev == "$" || prev == "\xE2\x82\xAC" || prev == "\xC2\xA3";
    bool unit = i + 1 < s.last &&
                (d_.low(i + 1) == "%" || d_.low(i + 1) == "percent" || d_.low(i + 1) == "people");
    if (money || unit ||
        (i + 1 < s.last && d_.tok(i + 1).text == "," && d_.tok(i + 1).end == d_.tok(i).end))
      return i;
    size_t b = i;
    if (i + 1 < s.last && (d_.tok(i + 1).text == "'s" || d_.tok(i + 1).text == "\xE2\x80\x99s") &&
        y % 10 == 0) {
      Emit(b, i + 2, Fmt("%04d-01-01/%04d-12-31", static_cast<int>(y), static_cast<int>(y + 9)));
      return i + 2;
    }
    if (y >= 1500 || prev == "in" || prev == "since" || prev == "of" || prev == "by" ||
        prev == "until" || prev == "year") {
      Emit(b, i + 1, Fmt("%04d", static_cast<int>(y)));
      return i + 1;
    }
    return i;
  }

  // A decade in one token: "1990s".
  size_t ReadDecadeWord(size_t i) {
    const Token& t = d_.tok(i);
    if (t.text.size() == 5 && t.text.back() == 's' && ParseInt(t.text.substr(0, 4)) >= 1000) {
      long dy = ParseInt(t.text.substr(0, 4));
      if (dy % 10 == 0) {
        Emit(i, i + 1,
             Fmt("%04d-01-01/%04d-12-31", static_cast<int>(dy), static_cast<int>(dy + 9)));
        return i + 1;
      }
    }
    return i;
  }

  // ISO dates written out: "2013-10-09".
  size_t ReadIsoDate(size_t i) {
    const Token& t = d_.tok(i);
    if (t.text.size() == 10 && t.text[4] == '-' && t.text[7] == '-') {
      auto cd = core::ParseIsoDate(t.text);
      if (cd) {
        Emit(i, i + 1, core::FormatIsoDate(*cd));
        return i + 1;
      }
    }
    return i;
  }

  // Words naming a day or year-end relative to the anchor: "today", "yesterday", "the end of the
  // year", "by year end", "the year before". Needs the anchor.
  size_t ReadAnchoredWord(const SentenceRange& s, size_t i) {
    const std::string& l = d_.low(i);
    const auto& anchor = d_.anchor;
    // "today" in a present-tense sentence usually means "nowadays" ("magicians working today").
    if ((l == "today" || l == "tonight") && (tense_ != 0 || l == "tonight"))
      return Emit(i, i + 1, core::FormatIsoDate(*anchor)), i + 1;
    if (l == "end" && i + 1 < s.last) {
      size_t j = i + 1;
      if (d_.low(j) == "of") ++j;
      if (j < s.last && d_.low(j) == "the") ++j;
      long ey = 0;
      if (j < s.last && (d_.low(j) == "year" || IsYear(j, &ey))) {
        size_t b = i > s.first && d_.low(i - 1) == "the" ? i - 1 : i;
        Emit(b, j + 1, Fmt("%04d-12-31", ey ? static_cast<int>(ey) : anchor->year));
        return j + 1;
      }
    }
    if (l == "year" && i + 1 < s.last && d_.low(i + 1) == "end") {
      Emit(i, i + 2, Fmt("%04d-12-31", anchor->year));
      return i + 2;
    }
    if (l == "year" && i + 1 < s.last && d_.low(i + 1) == "before" && i > s.first &&
        d_.low(i - 1) == "the") {
      Emit(i - 1, i + 2, Fmt("%04d", anchor->year - 1));
      return i + 2;
    }
    if (l == "yesterday") return Emit(i, i + 1, core::FormatIsoDate(AddDays(*anchor, -1))), i + 1;
    if (l == "tomorrow") return Emit(i, i + 1, core::FormatIsoDate(AddDays(*anchor, 1))), i + 1;
    return i;
  }

  // this/last/next + unit; "earlier this year"; "the previous year"; "last summer".
  size_t ReadRelativeUnit(const SentenceRange& s, size_t i) {
    const std::string& l = d_.low(i);
    if (!((l == "this" || l == "last" || l == "next" || l == "past" || l == "previous" ||
           l == "coming") &&
          i + 1 < s.last))
      return i;
    const std::string& u = d_.low(i + 1);
    int dir = l == "last" || l == "past" || l == "previous" ? -1
              : l == "next" || l == "coming"                ? 1
                                                            : 0;
    size_t b = i;
    if (i > s.first && (d_.low(i - 1) == "earlier" || d_.low(i - 1) == "later")) b = i - 1;
    if (i > s.first && d_.low(i - 1) == "the" && dir != 0) b = i - 1;
    std::string v = Relative(u, dir);
    if (!v.empty()) {
      Emit(b, i + 2, v);
      return i + 2;
    }
    int season = Season(u);
    if (season >= 0) {
      int year = d_.anchor->year + dir;
      Emit(b, i + 2, SeasonValue(season, year));
      return i + 2;
    }
    return i;
  }

  // "three weeks ago", "a year ago".
  size_t ReadAgo(const SentenceRange& s, size_t i) {
    const auto& anchor = d_.anchor;
    int count = NumberWord(d_.low(i));
    if (!(count != -1 && i + 2 < s.last && d_.low(i + 2) == "ago")) return i;
    const std::string& u = d_.low(i + 1);
    std::string v;
    int c = count < 0 ? 3 : count;
    if (u.starts_with("day"))
      v = core::FormatIsoDate(AddDays(*anchor, -c));
    else if (u.starts_with("week"))
      v = IsoWeek(AddDays(*anchor, -7 * c));
    else if (u.starts_with("month")) {
      int mm = anchor->year * 12 + anchor->month - 1 - c;
      v = Fmt("%04d-%02d", mm / 12, mm % 12 + 1);
    } else if (u.starts_with("year"))
      v = Fmt("%04d", anchor->year - c);
    else if (u.starts_with("decade"))
      v = Fmt("%04d", anchor->year - 10 * c);
    if (v.empty()) return i;
    if (count == -2) v.clear();  // "a few weeks ago": no single value
    Emit(i, i + 3, v);
    return i + 3;
  }

  // Seasons with a year: "summer of 2012", "the 2012 summer", "winter 2013".
  size_t ReadSeason(const SentenceRange& s, size_t i) {
    const std::string& l = d_.low(i);
    int season = Season(l);
    if (!(season >= 0 && (l != "fall" || (i + 2 < s.last && d_.low(i + 1) == "of")))) return i;
    size_t e = i + 1;
    long sy = 0;
    if (e + 1 < s.last && d_.low(e) == "of" && IsYear(e + 1, &sy))
      e += 2;
    else if (e < s.last && IsYear(e, &sy))
      e += 1;
    if (sy || (d_.tok(i).Is(kUpper) && l != "fall")) {
      Emit(i, e, SeasonValue(season, static_cast<int>(sy)));
      return e;
    }
    return i;
  }

  // "the 19th century", "the past century".
  size_t ReadCentury(const SentenceRange& s, size_t i) {
    if (!(d_.low(i) == "century" && i > s.first)) return i;
    const auto& anchor = d_.anchor;
    std::string_view prev = d_.tok(i - 1).text;
    long c = ParseInt(prev.size() > 2 ? prev.substr(0, prev.size() - 2) : prev);
    int cy = -1;
    if (c >= 1 && c <= 21)
      cy = static_cast<int>(c - 1) * 100;
    else if (d_.low(i - 1) == "past" || d_.low(i - 1) == "last" || d_.low(i - 1) == "previous")
      cy = (anchor->year / 100 - 1) * 100;
    else if (d_.low(i - 1) == "this")
      cy = anchor->year / 100 * 100;
    if (cy < 0) return i;
    size_t b = i - 1;
    if (b > s.first && d_.low(b - 1) == "the") --b;
    Emit(b, i + 1, Fmt("%04d-01-01/%04d-12-31", cy, cy + 99));
    return i + 1;
  }

  static int Season(std::string_view l) {
    if (l == "spring") return 0;
    if (l == "summer") return 1;
    if (l == "autumn" || l == "fall") return 2;
    if (l == "winter") return 3;
    return -1;
  }

  static std::string SeasonValue(int season, int year) {
    static const int kFrom[] = {3, 6, 9, 12}, kTo[] = {6, 9, 12, 3};
    if (!year) return Fmt("--%02d/--%02d", kFrom[season], kTo[season]);
    return Fmt("%04d-%02d/", year, kFrom[season]) +
           Fmt("%04d-%02d", season == 3 ? year + 1 : year, kTo[season]);
  }

  std::string Relative(std::string_view unit, int dir) const {
    const core::CivilDate& a = *d_.anchor;
    if (unit == "year") return Fmt("%04d", a.year + dir);
    if (unit == "month") {
      int mm = a.year * 12 + a.month - 1 + dir;
      return Fmt("%04d-%02d", mm / 12, mm % 12 + 1);
    }
    // Weeks as Monday..Sunday ranges and weekends as Saturday..Sunday, the form TEI dates use.
    if (unit == "week" || unit == "weekend") {
      core::CivilDate day = AddDays(a, 7 * dir);
      int wd = core::Weekday(day);
      core::CivilDate monday = AddDays(day, -((wd + 6) % 7));
      if (unit == "week")
        return core::FormatIsoDate(monday) + "/" + core::FormatIsoDate(AddDays(monday, 6));
      // The weekend before a weekday anchor when looking back or at "this weekend" past.
      core::CivilDate sat = AddDays(monday, 5);
      if (dir <= 0 && core::DaysFromCivil(sat) > core::DaysFromCivil(a)) sat = AddDays(sat, -7);
      return core::FormatIsoDate(sat) + "/" + core::FormatIsoDate(AddDays(sat, 1));
    }
    if (unit == "decade") return Fmt("%03dX", a.year / 10 + dir);
    if (unit == "morning" || unit == "afternoon" || unit == "evening")
      return dir == 0 ? core::FormatIsoDate(a) : "";
    int m = MonthOf(unit);
    if (m > 0 && unit.size() > 3) {
      int y = a.year + dir;
      if (dir == 0) y = a.year;
      return Fmt("%04d-%02d", y, m);
    }
    return "";
  }

  // Month-led dates starting at token `i`: "October 9, 2013", "Nov. 4", "December 2008",
  // "October". Returns the end token (i when nothing was read).
  size_t Absolute(const SentenceRange& s, size_t i, bool after_weekday) {
    int m = MonthOf(d_.low(i));
    std::string prev = i > s.first ? d_.low(i - 1) : "";
    size_t j = i + 1;
    long day = j < s.last ? Day(j) : -1;
    if (day > 0 && !(j + 1 < s.last && (d_.low(j + 1) == "%" || d_.low(j + 1) == "percent"))) {
      size_t e = j + 1;
      long y = 0;
      if (e + 1 < s.last && d_.tok(e).text == "," && IsYear(e + 1, &y))
        e += 2;
      else if (e < s.last && IsYear(e, &y))
        e += 1;
      int year = y ? static_cast<int>(y) : YearFor(m);
      core::CivilDate cd{year, m, static_cast<int>(day)};
      Emit(i, e,
           year && core::IsValidDate(cd) ? core::FormatIsoDate(cd)
                                         : Fmt("--%02d-%02d", m, static_cast<int>(day)));
      return e;
    }
    long y = 0;
    if (j < s.last && IsYear(j, &y)) {
      Emit(i, j + 1, Fmt("%04d-%02d", static_cast<int>(y), m));
      return j + 1;
    }
    if (j + 1 < s.last && d_.low(j) == "of" && IsYear(j + 1, &y)) {
      Emit(i, j + 2, Fmt("%04d-%02d", static_cast<int>(y), m));
      return j + 2;
    }
    if (after_weekday) return i;
    // A bare month: "May" and "March" only where a date is expected.
    std::string_view l = d_.low(i);
    bool ambiguous = l == "may" || l == "march" || l.size() <= 4;
    if (ambiguous &&
        !(prev == "in" || prev == "since" || prev == "until" || prev == "by" || prev == "of" ||
          prev == "last" || prev == "next" || prev == "this" || prev == "early" || prev == "late" ||
          prev == "through" || prev == "from" || prev == "during"))
      return i;
    if (i == s.first && l == "may") return i;
    size_t b = i;
    if (prev == "last" || prev == "next" || prev == "this") {
      b = i - 1;
      int year = d_.anchor ? d_.anchor->year + (prev == "last"   ? (m >= d_.anchor->month ? -1 : 0)
                                                : prev == "next" ? (m <= d_.anchor->month ? 1 : 0)
                                                                 : 0)
                           : 0;
      Emit(b, i + 1, year ? Fmt("%04d-%02d", year, m) : Fmt("--%02d", m));
      return i + 1;
    }
    int year = YearFor(m);
    Emit(b, i + 1, year ? Fmt("%04d-%02d", year, m) : Fmt("--%02d", m));
    return i + 1;
  }

  const Doc& d_;
  std::vector<core::DateMention>* out_;
  int tense_ = 0;
};

}  // namespace

void ReadDates(const Doc& doc, std::vector<core::DateMention>* out) {
  if (Lang lang = LangOf(doc.language); lang != Lang::kEn) return ReadDatesIntl(doc, lang, out);
  DateReader(doc, out).Run();
}

}  // namespace wirebrief::nlp::detail
