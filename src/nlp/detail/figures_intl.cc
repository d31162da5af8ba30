// Figures in German, French, Spanish, Portuguese and Swedish (issue 27): numbers in the locale's
// format ("28.500", "2,5", "12 000"), scale words ("2,5 Millionen", "1,2 milliard", "mil
// millones"), currencies, percent and the noun counted ("28.500 Soldaten", "12 000 personnes"),
// as the English reader gives them (figures.cc): value, unit (ISO 4217 code, "percent" or the
// counted noun), counted noun, range and approximation. The grouping separator comes from ICU
// (lang.h); the words are typed from the author's knowledge of each language, as news text uses
// them.
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

using WordSet = std::unordered_set<std::string_view>;
using ValueMap = std::unordered_map<std::string_view, double>;

struct FigureWords {
  ValueMap scales;       // "millionen" 1e6
  ValueMap collectives;  // "tausende" 1e3: an order of magnitude, approximate
  std::unordered_map<std::string_view, std::string_view> currencies;  // word -> ISO 4217
  WordSet percent;   // "prozent"; two-word forms by their second word ("pour cent")
  WordSet points;    // "prozentpunkte": percentage points
  WordSet stop;      // words that end a counted-noun search
  WordSet skip;      // words passed over on the way to the noun ("weitere", "nya")
  WordSet approx;    // "etwa", "environ", "unos"
  WordSet range_to;  // "bis", "à", "a", "till" between two numbers
  std::string_view between, and_word;  // "zwischen" ... "und"
};

FigureWords German() {
  FigureWords w;
  w.scales = {{"tausend", 1e3},    {"mio", 1e6},      {"million", 1e6},
              {"millionen", 1e6},  {"mrd", 1e9},      {"milliarde", 1e9},
              {"milliarden", 1e9}, {"billion", 1e12}, {"billionen", 1e12}};
  w.collectives = {{"tausende", 1e3}, {"hunderte", 1e2}, {"zehntausende", 1e4}};
  w.currencies = {{"euro", "EUR"},    {"dollar", "USD"}, {"us-dollar", "USD"}, {"pfund", "GBP"},
                  {"franken", "CHF"}, {"yen", "JPY"},    {"yuan", "CNY"},      {"rubel", "RUB"}};
  w.percent = {"prozent"};
  w.points = {"prozentpunkte"};
  w.stop = {"der",     "die",   "das",    "den",   "dem",   "des",    "ein",  "eine", "einer",
            "einem",   "und",   "oder",   "in",    "im",    "am",     "an",   "auf",  "aus",
            "bei",     "mit",   "nach",   "von",   "vom",   "zu",     "zum",  "zur",  "für",
            "über",    "unter", "um",     "bis",   "pro",   "je",     "als",  "wie",  "mehr",
            "weniger", "sich",  "es",     "sie",   "er",    "wir",    "ist",  "sind", "war",
            "waren",   "wurde", "wurden", "hat",   "haben", "werden", "wird", "seit", "vor",
            "gegen",   "ohne",  "durch",  "nicht", "noch",  "so"};
  w.skip = {"weitere", "zusätzliche", "neue", "neuen", "weiteren"};
  w.approx = {"etwa",  "rund", "ungefähr", "fast", "knapp",   "über", "mindestens",
              "circa", "ca",   "mehr",     "fast", "beinahe", "gut"};
  w.range_to = {"bis"};
  w.between = "zwischen";
  w.and_word = "und";
  return w;
}

FigureWords French() {
  FigureWords w;
  w.scales = {{"mille", 1e3},    {"million", 1e6},   {"millions", 1e6},
              {"milliard", 1e9}, {"milliards", 1e9}, {"md", 1e9},
              {"mds", 1e9},      {"billion", 1e12},  {"billions", 1e12}};
  w.collectives = {{"milliers", 1e3}, {"centaines", 1e2}, {"dizaines", 10}};
  w.currencies = {{"euro", "EUR"},   {"euros", "EUR"}, {"dollar", "USD"}, {"dollars", "USD"},
                  {"livres", "GBP"}, {"yens", "JPY"},  {"yuans", "CNY"}};
  w.percent = {"cent"};  // "pour cent"
  w.stop = {"le",    "la",    "les",   "un",    "une",    "des",    "de",   "du",   "et",  "ou",
            "en",    "dans",  "sur",   "pour",  "par",    "avec",   "sans", "sous", "à",   "au",
            "aux",   "qui",   "que",   "ce",    "ces",    "cette",  "son",  "sa",   "ses", "leur",
            "leurs", "il",    "elle",  "ils",   "elles",  "est",    "sont", "a",    "ont", "été",
            "plus",  "moins", "entre", "selon", "contre", "depuis", "ne",   "se",   "y"};
  w.skip = {"autres", "nouveaux", "nouvelles"};
  w.approx = {"environ", "près", "plus", "quelque", "presque", "moins", "quasiment", "quelques"};
  w.range_to = {"à"};
  w.between = "entre";
  w.and_word = "et";
  return w;
}

FigureWords Spanish() {
  FigureWords w;
  w.scales = {
      {"mil", 1e3}, {"millón", 1e6}, {"millones", 1e6}, {"billón", 1e12}, {"billones", 1e12}};
  w.collectives = {{"miles", 1e3}, {"cientos", 1e2}, {"centenares", 1e2}, {"decenas", 10}};
  w.currencies = {{"euro", "EUR"},   {"euros", "EUR"}, {"dólar", "USD"}, {"dólares", "USD"},
                  {"libras", "GBP"}, {"pesos", "MXN"}, {"yenes", "JPY"}, {"yuanes", "CNY"}};
  w.percent = {"ciento"};  // "por ciento"
  w.stop = {"el",  "la",    "los",   "las",   "un",     "una",   "unos",  "unas",   "de", "del",
            "y",   "o",     "en",    "con",   "por",    "para",  "sin",   "sobre",  "a",  "al",
            "que", "se",    "su",    "sus",   "es",     "son",   "fue",   "fueron", "ha", "han",
            "más", "menos", "entre", "según", "contra", "desde", "hasta", "no",     "lo"};
  w.skip = {"nuevos", "nuevas"};
  w.approx = {"unos", "unas", "alrededor", "cerca", "más", "casi", "aproximadamente", "menos"};
  w.range_to = {"a"};
  w.between = "entre";
  w.and_word = "y";
  return w;
}

FigureWords Portuguese() {
  FigureWords w;
  w.scales = {{"mil", 1e3},     {"milhão", 1e6},  {"milhões", 1e6}, {"bilhão", 1e9},
              {"bilhões", 1e9}, {"bilião", 1e12}, {"biliões", 1e12}};
  w.collectives = {{"milhares", 1e3}, {"centenas", 1e2}, {"dezenas", 10}};
  w.currencies = {{"euro", "EUR"},  {"euros", "EUR"},   {"real", "BRL"},  {"reais", "BRL"},
                  {"dólar", "USD"}, {"dólares", "USD"}, {"libras", "GBP"}};
  w.percent = {"cento"};  // "por cento"
  w.stop = {"o",     "a",    "os",    "as",    "um",      "uma",    "uns",   "umas", "de",
            "do",    "da",   "dos",   "das",   "e",       "ou",     "em",    "no",   "na",
            "nos",   "nas",  "com",   "por",   "para",    "sem",    "sobre", "ao",   "aos",
            "que",   "se",   "seu",   "sua",   "seus",    "suas",   "é",     "são",  "foi",
            "foram", "mais", "menos", "entre", "segundo", "contra", "desde", "até",  "não"};
  w.skip = {"novos", "novas"};
  w.approx = {"cerca", "mais", "quase", "aproximadamente", "uns", "umas", "menos"};
  w.range_to = {"a"};
  w.between = "entre";
  w.and_word = "e";
  return w;
}

FigureWords Swedish() {
  FigureWords w;
  w.scales = {{"tusen", 1e3},   {"miljon", 1e6},    {"miljoner", 1e6}, {"milj", 1e6}, {"mn", 1e6},
              {"miljard", 1e9}, {"miljarder", 1e9}, {"mdr", 1e9},      {"md", 1e9}};
  w.collectives = {{"tusentals", 1e3}, {"hundratals", 1e2}, {"tiotusentals", 1e4}};
  w.currencies = {
      {"kronor", "SEK"}, {"kr", "SEK"}, {"euro", "EUR"}, {"dollar", "USD"}, {"pund", "GBP"}};
  w.percent = {"procent"};
  w.points = {"procentenheter"};
  w.stop = {"en",   "ett", "och",    "eller", "i",     "på",   "av",  "för", "med",  "till",
            "från", "om",  "som",    "att",   "det",   "den",  "de",  "är",  "var",  "har",
            "hade", "mer", "mindre", "än",    "under", "över", "vid", "per", "inte", "sig"};
  w.skip = {"nya", "fler", "ytterligare"};
  w.approx = {"omkring", "cirka", "ca",   "drygt",   "nästan",
              "över",    "minst", "runt", "ungefär", "knappt"};
  w.range_to = {"till"};
  w.between = "mellan";
  w.and_word = "och";
  return w;
}

const FigureWords& WordsFor(Lang lang) {
  static const FigureWords kDe = German(), kFr = French(), kEs = Spanish(), kPt = Portuguese(),
                           kSv = Swedish();
  switch (lang) {
    case Lang::kDe:
      return kDe;
    case Lang::kFr:
      return kFr;
    case Lang::kEs:
      return kEs;
    case Lang::kPt:
      return kPt;
    default:
      return kSv;
  }
}

std::string_view CurrencySymbol(std::string_view t) {
  if (t == "$" || t == "US$") return "USD";
  if (t == "\xE2\x82\xAC") return "EUR";
  if (t == "\xC2\xA3") return "GBP";
  if (t == "\xC2\xA5") return "JPY";
  if (t == "R$") return "BRL";
  return {};
}

// A digit token read in a locale that groups with `dot_groups ? "." : " "` and writes decimals with
// ",": "28.500" -> 28500, "1,234" -> 1.234, "3.5" -> 3.5 (a "." not followed by groups of three
// is a decimal point whatever the locale).
bool ParseLocaleToken(std::string_view t, double* v, bool* has_decimal) {
  std::string digits;
  size_t comma = t.find(',');
  std::string_view whole = t.substr(0, comma);
  bool groups = false;
  if (size_t dot = whole.find('.'); dot != std::string_view::npos && dot >= 1 && dot <= 3) {
    groups = true;
    for (size_t p = dot; p < whole.size(); p += 4)
      groups = groups && whole[p] == '.' && p + 4 <= whole.size() &&
               (p + 4 == whole.size() || whole[p + 4] == '.');
  }
  for (char c : whole) {
    if (c == '.' && groups) continue;
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.')) return false;
    digits += c;
  }
  *has_decimal = comma != std::string_view::npos || (!groups && whole.find('.') != whole.npos);
  if (comma != std::string_view::npos) {
    std::string_view frac = t.substr(comma + 1);
    if (frac.empty() || frac.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    digits += '.';
    digits += frac;
  }
  if (digits.empty() || digits[0] == '.' || digits.size() > 18) return false;
  char* end = nullptr;
  *v = std::strtod(digits.c_str(), &end);
  return end && *end == 0;
}

// Whether tokens a and b are separated by one space of the kinds numbers are grouped with
// (space, no-break space, narrow no-break space, thin space).
bool GroupGap(const Doc& d, size_t a, size_t b) {
  std::string_view gap = d.text.substr(d.tok(a).end, d.tok(b).begin - d.tok(a).end);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

bool Adjacent(const Doc& d, size_t a, size_t b) { return d.tok(a).end == d.tok(b).begin; }

class IntlFigureReader {
 public:
  IntlFigureReader(const Doc& d, Lang lang)
      : d_(d), lang_(lang), lw_(WordsOf(lang)), w_(WordsFor(lang)) {}

  void Run(std::vector<core::Figure>* out, std::vector<core::FigureDetail>* details) {
    for (const SentenceRange& s : IntlSentences(d_, lang_))
      for (size_t i = s.first; i < s.last; ++i) {
        size_t e = ReadAt(s, i, out, details);
        if (e > i) i = e - 1;
      }
  }

 private:
  // The word at i in lower case, without French elision ("d'euros" -> "euros").
  std::string_view Low(size_t i) const {
    std::string_view l = d_.low(i);
    if (lang_ == Lang::kFr && l.size() > 2 && (l[0] == 'd' || l[0] == 'l')) {
      if (l[1] == '\'') return l.substr(2);
      if (l.size() > 4 && l.substr(1, 3) == "\xE2\x80\x99") return l.substr(4);
    }
    return l;
  }

  // The number in the locale's format starting at i; *k is the token after it.
  bool Number(const SentenceRange& s, size_t i, double* v, size_t* k) const {
    const Token& t = d_.tok(i);
    if (!t.Is(kDigit) || t.text.find_first_of(":/") != std::string_view::npos) return false;
    bool decimal = false;
    if (!ParseLocaleToken(t.text, v, &decimal)) return false;
    size_t j = i + 1;
    // "12 000", "1 200 000": groups of three after a space.
    if (!decimal && t.text.size() <= 3 && !lw_.dot_groups) {
      while (j < s.last && d_.tok(j).text.size() == 3 &&
             d_.tok(j).text.find_first_not_of("0123456789") == std::string_view::npos &&
             GroupGap(d_, j - 1, j)) {
        *v = *v * 1000 + static_cast<double>(ParseInt(d_.tok(j).text));
        ++j;
      }
    }
    // "2,5": the tokenizer splits a decimal comma not followed by three digits.
    if (!decimal && j + 1 < s.last && d_.tok(j).text == "," && Adjacent(d_, j - 1, j) &&
        Adjacent(d_, j, j + 1) && d_.tok(j + 1).Is(kDigit)) {
      std::string_view frac = d_.tok(j + 1).text;
      if (frac.find_first_not_of("0123456789") == std::string_view::npos && frac.size() < 10) {
        double f = static_cast<double>(ParseInt(frac));
        for (size_t z = 0; z < frac.size(); ++z) f /= 10;
        *v += f;
        j += 2;
      }
    }
    *k = j;
    return true;
  }

  // A date, not a figure: "5 mai", "8 de marzo", "4. November", "3 de novembro".
  bool BeforeMonth(const SentenceRange& s, size_t k) const {
    if (k < s.last && (d_.tok(k).text == "." || Low(k) == "de")) ++k;
    return k < s.last && MonthOrAbbrev(lw_, Low(k)) > 0;
  }

  size_t ReadAt(const SentenceRange& s, size_t i, std::vector<core::Figure>* out,
                std::vector<core::FigureDetail>* details) {
    double value = 0;
    size_t k = i + 1;
    bool approx = false;
    const Token& t = d_.tok(i);
    if (auto it = w_.collectives.find(Low(i)); it != w_.collectives.end()) {
      value = it->second;  // "Tausende Menschen", "des milliers de personnes"
      approx = true;
    } else if (!Number(s, i, &value, &k)) {
      return i;
    }
    if (t.Is(kDigit) && BeforeMonth(s, k)) return k;
    // German ordinals: "der 3. Platz", "zum 2. Mal".
    if (lang_ == Lang::kDe && k + 1 < s.last && d_.tok(k).text == "." && Adjacent(d_, k - 1, k))
      return k;
    size_t b = i;
    std::string unit;
    if (i > s.first && !CurrencySymbol(d_.tok(i - 1).text).empty()) {
      unit = CurrencySymbol(d_.tok(i - 1).text);
      b = i - 1;
      // "R$ 80": the real's sign is two tokens.
      if (unit == "USD" && b > s.first && d_.tok(b - 1).text == "R" && Adjacent(d_, b - 1, b))
        unit = "BRL", --b;
    }
    if (k < s.last) {
      if (auto it = w_.scales.find(Low(k)); it != w_.scales.end()) {
        value *= it->second;
        ++k;
        // "Mio.", "Mrd.": the abbreviation's period.
        if (k + 1 < s.last && d_.tok(k).text == "." && Adjacent(d_, k - 1, k)) ++k;
        // "mil millones", "mil milhões": a thousand millions.
        if (k < s.last && it->second == 1e3 && w_.scales.count(Low(k)) &&
            w_.scales.at(Low(k)) == 1e6)
          value *= w_.scales.at(Low(k)), ++k;
      }
    }
    double value_max = RangeEnd(s, i, value, &k);
    ReadUnit(s, &k, &unit);
    std::string counted;
    if (unit.empty()) counted = CountedNoun(s, &k);
    if (unit == "time") return k;
    if (unit.empty() && counted.empty()) return i + 1;
    // A year alone is a date: "2026".
    if (unit.empty() && t.text.size() == 4 && value >= 1000 && value <= 2100 && counted.empty())
      return i + 1;
    if (unit.empty()) unit = counted;
    approx = approx || ApproxBefore(s, b);
    uint32_t begin = d_.tok(b).begin, end = d_.tok(k - 1).end;
    out->push_back({{begin, end}, value, unit, std::string(d_.Span(begin, end))});
    details->push_back({counted, value_max, approx});
    return k;
  }

  // "10 bis 20", "10-20", "zwischen 10 und 20", "de 10 à 20", "entre 10 y 20": the upper bound,
  // 0 when there is none.
  double RangeEnd(const SentenceRange& s, size_t i, double value, size_t* k) const {
    size_t j = *k;
    if (j + 1 >= s.last) return 0;
    std::string_view l = Low(j);
    bool to = w_.range_to.count(l) || l == "-" || l == "\xE2\x80\x93";
    bool and_between = l == w_.and_word && i > s.first && Low(i - 1) == w_.between;
    if (!to && !and_between) return 0;
    double v2 = 0;
    size_t e = j + 1;
    if (!Number(s, j + 1, &v2, &e)) return 0;
    if (e < s.last)
      if (auto it = w_.scales.find(Low(e)); it != w_.scales.end()) v2 *= it->second, ++e;
    if (v2 <= value) return 0;
    *k = e;
    return v2;
  }

  // Currency, percent or percentage points after the number (and scale): "Euro", "d'euros",
  // "de dólares", "%", "pour cent", "Prozentpunkte", "kr". Moves *k past what it read.
  void ReadUnit(const SentenceRange& s, size_t* k, std::string* unit) const {
    size_t j = *k;
    if (j >= s.last) return;
    std::string_view l = Low(j);
    if (l == "%") {
      *unit = "percent", *k = j + 1;
      return;
    }
    if (w_.percent.count(l) ||
        (j + 1 < s.last && (l == "pour" || l == "por") && w_.percent.count(Low(j + 1)))) {
      *unit = "percent", *k = j + (w_.percent.count(l) ? 1 : 2);
      return;
    }
    if (w_.points.count(l)) {
      *unit = "percentage points", *k = j + 1;
      return;
    }
    if (l == "uhr" || (lang_ == Lang::kFr && l == "h")) {
      *unit = "time";  // "15 Uhr", "15 h 30": a time of day
      return;
    }
    if (!unit->empty()) return;
    if (auto sym = CurrencySymbol(d_.tok(j).text); !sym.empty()) {
      *unit = sym, *k = j + 1;  // "12 €"
      return;
    }
    size_t c = j;
    if (l == "de") ++c;  // "de dólares"; French "d'euros" reads as "euros"
    if (c < s.last)
      if (auto it = w_.currencies.find(Low(c)); it != w_.currencies.end())
        *unit = it->second, *k = c + 1;
  }

  // The noun counted from token *k on: "28.500 Soldaten", "5 neue Schulen", "12 000 personnes",
  // "2 millions de personnes", "d'habitants", "300 svenska soldater". German nouns are
  // capitalised; elsewhere a capital is a name, which a number does not count.
  std::string CountedNoun(const SentenceRange& s, size_t* k) const {
    size_t z = *k;
    if (z < s.last && (Low(z) == "de" || Low(z) == "von" || Low(z) == "av")) ++z;
    for (size_t end = z + 3; z < s.last && z < end; ++z) {
      const Token& w = d_.tok(z);
      if (!w.Is(kAlpha) || w.Is(kAbbrev)) break;
      std::string_view l = Low(z);
      if (w_.skip.count(l)) continue;
      if (w_.stop.count(l) || MonthOrAbbrev(lw_, l) > 0) break;
      if (lang_ == Lang::kDe) {
        if (w.Is(kLower)) continue;  // an adjective before the noun, or a verb
        *k = z + 1;
        return std::string(l);
      }
      if (w.Is(kUpper)) break;
      // Swedish adjectives come first and end in -a: "300 svenska soldater".
      if (lang_ == Lang::kSv && l.ends_with("a") && z + 1 < s.last && d_.tok(z + 1).Is(kLower) &&
          !w_.stop.count(Low(z + 1)))
        continue;
      *k = z + 1;
      return std::string(l);
    }
    return {};
  }

  bool ApproxBefore(const SentenceRange& s, size_t b) const {
    for (size_t z = b; z > s.first && z + 3 > b;) {
      std::string_view l = Low(--z);
      if (w_.approx.count(l)) return true;
      // "bis zu", "jusqu'à", "hasta", "até", "upp till": up to.
      if (l == "zu" || l == "jusqu'à" || l == "hasta" || l == "até") return true;
      if (!(l == "als" || l == "de" || l == "que" || l == "à" || l == "d'environ")) return false;
    }
    return false;
  }

  const Doc& d_;
  Lang lang_;
  const LangWords& lw_;
  const FigureWords& w_;
};

}  // namespace

void ReadFiguresIntl(const Doc& doc, Lang lang, std::vector<core::Figure>* out,
                     std::vector<core::FigureDetail>* details) {
  if (lang == Lang::kZh) return ReadFiguresZh(doc, out, details);
  IntlFigureReader(doc, lang).Run(out, details);
}

}  // namespace wirebrief::nlp::detail
