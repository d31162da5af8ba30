// Figures: numbers in digits or words with scale ("1.2 billion", "tens of thousands"), unit
// (currency, percent, magnitude) and the noun they count, approximate and ranged values marked.
#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

double WordValue(std::string_view l) {
  static const std::pair<std::string_view, double> kWords[] = {{"one", 1},
                                                               {"two", 2},
                                                               {"three", 3},
                                                               {"four", 4},
                                                               {"five", 5},
                                                               {"six", 6},
                                                               {"seven", 7},
                                                               {"eight", 8},
                                                               {"nine", 9},
                                                               {"ten", 10},
                                                               {"eleven", 11},
                                                               {"twelve", 12},
                                                               {"thirteen", 13},
                                                               {"fourteen", 14},
                                                               {"fifteen", 15},
                                                               {"sixteen", 16},
                                                               {"seventeen", 17},
                                                               {"eighteen", 18},
                                                               {"nineteen", 19},
                                                               {"twenty", 20},
                                                               {"thirty", 30},
                                                               {"forty", 40},
                                                               {"fifty", 50},
                                                               {"sixty", 60},
                                                               {"seventy", 70},
                                                               {"eighty", 80},
                                                               {"ninety", 90},
                                                               {"hundred", 100},
                                                               {"dozen", 12},
                                                               {"half", 0.5},
                                                               {"two-thirds", 2.0 / 3},
                                                               {"one-third", 1.0 / 3},
                                                               {"one-quarter", 0.25},
                                                               {"three-quarters", 0.75},
                                                               {"one-half", 0.5},
                                                               {"one-fifth", 0.2},
                                                               {"two-fifths", 0.4}};
  for (const auto& [w, v] : kWords)
    if (l == w) return v;
  // "twenty-five"
  size_t h = l.find('-');
  if (h != std::string_view::npos && h > 0) {
    double a = WordValue(l.substr(0, h)), b = WordValue(l.substr(h + 1));
    if (a >= 20 && a <= 90 && b >= 1 && b <= 9) return a + b;
  }
  return 0;
}

double ScaleOf(std::string_view l) {
  if (l == "thousand") return 1e3;
  if (l == "million" || l == "mln" || l == "m") return 1e6;
  if (l == "billion" || l == "bn" || l == "b") return 1e9;
  if (l == "trillion" || l == "tn") return 1e12;
  if (l == "hundred") return 1e2;
  return 0;
}

bool ParseNumber(std::string_view t, double* v) {
  std::string digits;
  for (char c : t) {
    if (c == ',') continue;
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.')) return false;
    digits += c;
  }
  if (digits.empty() || digits[0] == '.' || digits.size() > 18) return false;
  char* end = nullptr;
  *v = std::strtod(digits.c_str(), &end);
  return end && *end == 0;
}

std::string_view Currency(std::string_view t) {
  if (t == "$" || t == "US$") return "USD";
  if (t == "\xE2\x82\xAC") return "EUR";
  if (t == "\xC2\xA3") return "GBP";
  if (t == "\xC2\xA5") return "JPY";
  return {};
}

std::string_view CurrencyWord(std::string_view l) {
  // ISO 4217 codes, so figures from different outlets compare.
  if (l == "dollars" || l == "dollar" || l == "usd") return "USD";
  if (l == "euros" || l == "euro" || l == "eur") return "EUR";
  if (l == "pounds" || l == "pound" || l == "gbp") return "GBP";
  if (l == "yen") return "JPY";
  if (l == "yuan" || l == "renminbi") return "CNY";
  if (l == "rupees") return "INR";
  if (l == "rubles" || l == "roubles") return "RUB";
  if (l == "pesos") return "MXN";
  if (l == "shekels") return "ILS";
  if (l == "won") return "KRW";
  return {};
}

bool IsApprox(std::string_view l) {
  return l == "about" || l == "around" || l == "nearly" || l == "almost" || l == "roughly" ||
         l == "approximately" || l == "some" || l == "over" || l == "estimated" || l == "least" ||
         l == "than" || l == "more" || l == "under" || l == "circa";
}

// The number token i opens: digits, "tens of thousands", "a third of", a number word ("five",
// "half of"); false when it opens none. *k is the token after the number's words, *approx true
// for an order of magnitude.
bool NumberAt(const Doc& d, const SentenceRange& s, size_t i, double* value_out, bool* approx_out,
              size_t* k_out) {
  const Token& t = d.tok(i);
  const std::string& l = d.low(i);
  double value = 0;
  bool approx = false;
  size_t k = i + 1;
  if (t.Is(kDigit)) {
    if (!ParseNumber(t.text, &value)) return false;
  } else if (l == "tens" || l == "hundreds" || l == "thousands" || l == "millions") {
    // "tens of thousands": the lower bound of the order named.
    if (l == "tens" || l == "hundreds") {
      if (!(i + 2 < s.last && d.low(i + 1) == "of" && ScaleOf(d.low(i + 2)) == 0 &&
            (d.low(i + 2) == "thousands" || d.low(i + 2) == "millions")))
        return false;
      value = (l == "tens" ? 10 : 100) * (d.low(i + 2) == "thousands" ? 1e3 : 1e6);
      k = i + 3;
    } else {
      if (!(i + 1 < s.last && d.low(i + 1) == "of")) return false;
      value = l == "thousands" ? 1e3 : 1e6;
      k = i + 1;
    }
    approx = true;
  } else if ((l == "third" || l == "quarter" || l == "fifth") && i > s.first &&
             (d.low(i - 1) == "a" || d.low(i - 1) == "one") && i + 1 < s.last &&
             d.low(i + 1) == "of") {
    value = l == "third" ? 1.0 / 3 : l == "quarter" ? 0.25 : 0.2;  // "a third of patients"
  } else {
    value = WordValue(l);
    if (value == 0) return false;
    // "one" alone is too often a pronoun; "half" needs "a half" or "half of".
    if (l == "one" &&
        !(i + 1 < s.last && d.tok(i + 1).Is(kLower) && !StopWords().count(d.low(i + 1))))
      return false;
    if (l == "half" && !(i + 1 < s.last && d.low(i + 1) == "of")) return false;
  }
  *value_out = value;
  *approx_out = approx;
  *k_out = k;
  return true;
}

// The counted noun from token c on: "28,500 troops", "3 million more people"; after a measure,
// what it measures ("12 million tonnes of carbon": unit "tonnes", counted "carbon"; "9,000
// square kilometres" moves *k past the unit's two words).
void ReadCountedNoun(const Doc& d, const SentenceRange& s, size_t c, std::string* unit,
                     std::string* counted, size_t* k) {
  for (size_t z = c; z < s.last && z < c + 3; ++z) {
    const Token& w = d.tok(z);
    if (!w.Is(kAlpha) || d.tok(z).Is(kAbbrev)) break;
    const std::string& wl = d.low(z);
    if (wl == "more" || wl == "additional" || wl == "new" || wl == "other" || wl == "extra")
      continue;
    if (StopWords().count(wl) && wl != "people") break;
    bool upper = w.Is(kUpper);
    // A demonym or place modifier ("28,500 US troops"): keep looking for the noun.
    if (upper && z + 1 < s.last && d.tok(z + 1).Is(kLower)) continue;
    if (upper) break;
    // Verbs are not what a number counts ("18,400 watched"), except the casualty words.
    if (wl.size() > 3 && wl.ends_with("ed") && !CasualtyWords().count(wl)) break;
    // "9,000 square kilometres of forest": a measure, then what it measures.
    if ((wl == "square" || wl == "cubic") && z + 1 < s.last && d.tok(z + 1).Is(kLower)) {
      *unit = wl + " " + d.low(z + 1);
      *counted = *unit;
      *k = z + 2;
      if (z + 3 < s.last && d.low(z + 2) == "of" && d.tok(z + 3).Is(kLower) &&
          !StopWords().count(d.low(z + 3)))
        *counted = d.low(z + 3);
      break;
    }
    *counted = wl;
    // "12 million tonnes of carbon": a measure, then what it measures.
    if (MeasureUnits().count(wl) && z + 2 < s.last && d.low(z + 1) == "of" &&
        d.tok(z + 2).Is(kLower) && !StopWords().count(d.low(z + 2))) {
      *unit = wl;
      *counted = d.low(z + 2);
      break;
    }
    if (wl == "percentage" && z + 1 < s.last && d.low(z + 1) == "points") {
      *unit = *counted = "percentage points";
      *k = z + 2;
      break;
    }
    // "troops" in "armed troops": prefer a following plural noun.
    if (z + 1 < s.last && d.tok(z + 1).Is(kLower) && !StopWords().count(d.low(z + 1)) &&
        d.low(z + 1).back() == 's' && wl.back() != 's')
      *counted = d.low(z + 1), ++z;
    break;
  }
}

// Whether words before token b make the figure approximate: "about", "nearly", "up to",
// "estimated at"; "up 20 percent" is a change, stated exactly.
bool ApproximateBefore(const Doc& d, const SentenceRange& s, size_t b) {
  bool approx = false;
  for (size_t z = b; z > s.first && z + 3 > b; --z) {
    const std::string& pl = d.low(z - 1);
    std::string_view before =
        z >= s.first + 2 ? std::string_view(d.low(z - 2)) : std::string_view();
    if ((pl == "to" && (before == "up" || before == "close")) ||
        (pl == "at" && before == "estimated")) {
      return true;
    }
    if (pl == "up") break;  // "up 20 percent": a change, stated exactly
    if (!IsApprox(pl)) break;
    approx = true;
  }
  return approx;
}

}  // namespace

void ReadFigures(const Doc& d, std::vector<core::Figure>* out,
                 std::vector<core::FigureDetail>* details) {
  if (Lang lang = LangOf(d.language); lang != Lang::kEn)
    return ReadFiguresIntl(d, lang, out, details);
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      const Token& t = d.tok(i);
      double value = 0;
      bool approx = false;
      size_t b = i, k = i + 1;
      if (!NumberAt(d, s, i, &value, &approx, &k)) continue;
      std::string prev = i > s.first ? d.low(i - 1) : "";
      // Dates and times are not figures: "Nov. 4", "10:32", "2026".
      if (t.text.find(':') != std::string_view::npos || t.text.find('/') != std::string_view::npos)
        continue;
      bool month_before =
          i > s.first && d.tok(i - 1).Is(kUpper) &&
          (prev.starts_with("jan") || prev.starts_with("feb") || prev.starts_with("mar") ||
           prev.starts_with("apr") || prev == "may" || prev.starts_with("jun") ||
           prev.starts_with("jul") || prev.starts_with("aug") || prev.starts_with("sep") ||
           prev.starts_with("oct") || prev.starts_with("nov") || prev.starts_with("dec"));
      if (month_before && t.Is(kDigit)) continue;
      std::string unit;
      if (i > s.first && !Currency(d.tok(i - 1).text).empty()) {
        unit = Currency(d.tok(i - 1).text);
        b = i - 1;
      }
      // Scale words: "1.2 billion", "5m".
      if (k < s.last) {
        double sc = ScaleOf(d.low(k));
        if (sc > 0 && (d.low(k).size() > 2 || !d.tok(k).Is(kSpaceBefore))) {
          value *= sc;
          ++k;
        }
      }
      // Ranges: "10 to 20", "10-20", "between 10 and 20".
      double value_max = 0;
      size_t end_tok_override = 0;
      if (k + 1 < s.last && (d.low(k) == "to" || d.low(k) == "and" || d.tok(k).text == "-" ||
                             d.tok(k).text == "\xE2\x80\x93")) {
        double v2 = 0;
        if (d.tok(k + 1).Is(kDigit) && ParseNumber(d.tok(k + 1).text, &v2) && v2 > 0) {
          size_t k2 = k + 2;
          if (k2 < s.last && ScaleOf(d.low(k2)) > 0) v2 *= ScaleOf(d.low(k2)), ++k2;
          // "between 40 and 60 million": the scale of the second applies to the first.
          if (k2 == k + 3 && value < v2 && k == i + 1) value *= ScaleOf(d.low(k + 2));
          if (v2 > value && (d.low(k) != "and" || prev == "between")) {
            value_max = v2;
            k = k2;
          }
        }
      }
      if (k < s.last) {
        const std::string& nx = d.low(k);
        if (nx == "%" || nx == "percent" || nx == "per") {
          if (nx == "per" && !(k + 1 < s.last && d.low(k + 1) == "cent")) {
          } else {
            unit = "percent";
            k += nx == "per" ? 2 : 1;
          }
        } else if (!CurrencyWord(nx).empty() && unit.empty()) {
          unit = CurrencyWord(nx);
          ++k;
        }
      }
      if (unit.empty() && (prev == "magnitude" || (k < s.last && d.low(k) == "magnitude"))) {
        unit = "magnitude";
        if (prev == "magnitude")
          b = i - 1;
        else
          ++k;
      }
      if (unit.empty() && (k < s.last && (d.low(k) == "a.m." || d.low(k) == "p.m." ||
                                          d.low(k) == "am" || d.low(k) == "pm")))
        continue;
      // The counted noun: "28,500 troops", "$1.2 billion in aid", "3 million more people".
      std::string counted;
      size_t c = k;
      bool of_phrase = false;
      if (c < s.last &&
          (d.low(c) == "of" || d.low(c) == "in" || d.low(c) == "for" || d.low(c) == "on") &&
          !unit.empty() && unit != "percent" && unit != "magnitude")
        ++c, of_phrase = true;
      if (c < s.last && d.low(c) == "of" && (unit == "percent" || unit.empty()))
        ++c, of_phrase = true;
      if (unit == "percent" && !of_phrase) c = s.last;  // "91 percent effective": no counted noun
      if (c < s.last && d.low(c) == "the") ++c;
      ReadCountedNoun(d, s, c, &unit, &counted, &k);
      // A year is a date, and small bare integers without unit or noun are not worth keeping.
      bool integer = t.Is(kDigit) && t.text.find('.') == std::string_view::npos;
      if (unit.empty() && counted.empty()) continue;
      if (!unit.empty() && unit.find(' ') != std::string::npos) end_tok_override = k;
      if (unit.empty() && integer && value >= 1000 && value <= 2100 && t.text.size() == 4) continue;
      if (counted == "years" || counted == "year") {
        // durations and ages are figures too ("five years"), keep them
      }
      if (ApproximateBefore(d, s, b)) approx = true;
      size_t end_tok = end_tok_override ? end_tok_override : k;
      uint32_t begin = d.tok(b).begin, end = d.tok(end_tok - 1).end;
      if (unit.empty()) unit = counted;
      if (!counted.empty() && counted == unit) {
        // The span covers the counted noun too: "28,500 troops".
        for (size_t z = k; z < s.last && z < k + 4; ++z)
          if (d.low(z) == counted) {
            end = d.tok(z).end;
            break;
          }
      }
      out->push_back({{begin, end}, value, unit, std::string(d.Span(begin, end))});
      details->push_back({counted, value_max, approx});
      i = end_tok - 1;
    }
  }
}

}  // namespace wirebrief::nlp::detail
