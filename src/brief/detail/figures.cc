#include "brief/detail/figures.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "nlp/read.h"

namespace wirebrief::brief::detail {
namespace {

struct Seen {
  double value;
  std::string text, outlet, unit;
  core::Citation cite;
  std::set<std::string> context;
  std::string event;  // what happened to what it counts ("injured", "destroyed"); may be empty
};

// What a figure counts, by how much a reader would quote it. A key figure says how many were
// hurt or affected, how much, what share, how far or how long; a count of some other thing
// ("two websites", "one step") is rarely the news.
enum class Kind { kOther, kDuration, kThing, kMeasure, kPeople, kMoney, kShare, kHarm };

double KindWeight(Kind k) {
  switch (k) {
    case Kind::kHarm:
      return 4;
    case Kind::kMoney:
    case Kind::kShare:
      return 3;
    case Kind::kPeople:
      return 2.5;
    case Kind::kMeasure:
    case Kind::kThing:
      return 2;
    case Kind::kDuration:
      return 1.5;
    case Kind::kOther:
      break;
  }
  return 1;
}

// Counted nouns by kind (figures' units are lower-case nouns, ISO currency codes, "percent",
// "magnitude" or a measure). Written for this project; plurals and the usual singulars.
const std::unordered_map<std::string_view, Kind>& NounKinds() {
  static const std::unordered_map<std::string_view, Kind> kKinds = [] {
    std::unordered_map<std::string_view, Kind> m;
    for (std::string_view w :
         {"killed",    "dead",     "deaths",   "death",     "injured",  "wounded",    "missing",
          "displaced", "detained", "arrested", "evacuated", "victims",  "casualties", "fatalities",
          "bodies",    "injuries", "hostages", "survivors", "evacuees", "homeless"})
      m[w] = Kind::kHarm;
    for (std::string_view w :
         {"people",    "persons",      "residents",  "civilians",     "children", "adults",
          "students",  "patients",     "workers",    "employees",     "staff",    "passengers",
          "migrants",  "refugees",     "asylum",     "voters",        "votes",    "ballots",
          "seats",     "delegates",    "members",    "troops",        "soldiers", "officers",
          "police",    "firefighters", "protesters", "demonstrators", "fighters", "militants",
          "prisoners", "inmates",      "families",   "households",    "homes",    "houses",
          "buildings", "jobs",         "customers",  "users",         "cases",    "infections",
          "doctors",   "nurses",       "teachers",   "women",         "men",      "visitors",
          "tourists",  "fans",         "pilgrims",   "crew",          "sailors"})
      m.emplace(w, Kind::kPeople);
    for (std::string_view w :
         {"ships",      "vessels",     "boats",  "aircraft",  "planes",   "jets",    "helicopters",
          "vehicles",   "cars",        "trucks", "tanks",     "missiles", "rockets", "drones",
          "weapons",    "guns",        "bombs",  "flights",   "trains",   "schools", "hospitals",
          "businesses", "companies",   "firms",  "countries", "nations",  "states",  "acres",
          "hectares",   "barrels",     "tonnes", "tons",      "doses",    "tests",   "wildfires",
          "fires",      "earthquakes", "storms", "charges",   "counts"})
      m.emplace(w, Kind::kThing);
    for (std::string_view w : {"magnitude",
                               "kilometres",
                               "kilometers",
                               "km",
                               "miles",
                               "metres",
                               "meters",
                               "feet",
                               "inches",
                               "centimetres",
                               "millimetres",
                               "square kilometres",
                               "square kilometers",
                               "square miles",
                               "square metres",
                               "square meters",
                               "square feet",
                               "litres",
                               "liters",
                               "gallons",
                               "kilograms",
                               "kg",
                               "megawatts",
                               "gigawatts",
                               "degrees",
                               "mph"})
      m.emplace(w, Kind::kMeasure);
    for (std::string_view w : {"years", "months", "weeks", "days", "hours", "minutes", "decades"})
      m.emplace(w, Kind::kDuration);
    m.emplace("percent", Kind::kShare);
    m.emplace("percentage points", Kind::kShare);
    return m;
  }();
  return kKinds;
}

// Stems (ContextStems' 4 letters) that make a nearby count one of harm: people or things killed,
// hurt, displaced, damaged or destroyed ("two firefighters were injured", "killing 12",
// "2,300 homes were damaged").
bool HarmContext(const std::set<std::string>& context) {
  for (const char* s : {"kill", "dead", "deat", "died", "inju", "woun", "evac", "fata", "casu",
                        "hurt", "dama", "dest"})
    if (context.count(s)) return true;
  return false;
}

Kind KindOf(const Seen& s) {
  // ISO 4217 codes: three capitals.
  if (s.unit.size() == 3 &&
      std::all_of(s.unit.begin(), s.unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return Kind::kMoney;
  auto it = NounKinds().find(s.unit);
  Kind k = it != NounKinds().end() ? it->second : Kind::kOther;
  if ((k == Kind::kPeople || k == Kind::kOther) && HarmContext(s.context)) k = Kind::kHarm;
  return k;
}

// A count below 2 ("one step", "a tweet", "an hour") is not a figure a reader quotes; money,
// shares and measures are ("$1 billion" has its value, "1.5 percent" is a share).
bool CountOfOne(const Seen& s, Kind k) {
  return s.value < 2 && k != Kind::kMoney && k != Kind::kShare && k != Kind::kMeasure;
}

// How many: a small count of generic things ("two websites", "three reasons").
bool SmallGenericCount(const Seen& s, Kind k) {
  return s.value < 10 && (k == Kind::kOther || k == Kind::kDuration || k == Kind::kThing);
}

// Words around a figure, cut to 4-letter stems so "killing"/"killed" and "injured"/"injuring"
// meet: two figures of the same unit whose surroundings share a stem report the same fact.
std::set<std::string> ContextStems(const std::string& text, core::CharSpan fig,
                                   core::CharSpan sentence) {
  uint32_t b = fig.begin > sentence.begin + 60 ? fig.begin - 60 : sentence.begin;
  uint32_t e = std::min<uint32_t>(sentence.end, fig.end + 60);
  std::set<std::string> out;
  if (e <= b) return out;
  for (const auto& t : nlp::ContentTokens(std::string_view(text).substr(b, e - b)))
    if (!std::isdigit(static_cast<unsigned char>(t[0])) && t.size() >= 4)
      out.insert(t.substr(0, 4));
  return out;
}

// Lower-case words of `text` with their spans, letters and apostrophes only (digits and
// punctuation end a word; a number is one "#" word, so a coordinated figure can be skipped).
struct Word {
  std::string w;
  uint32_t begin, end;
};
std::vector<Word> WordsOf(std::string_view text, uint32_t from, uint32_t to) {
  std::vector<Word> out;
  uint32_t i = from;
  while (i < to) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) || c >= 0x80) {
      uint32_t b = i;
      std::string w;
      while (i < to && (std::isalpha(static_cast<unsigned char>(text[i])) ||
                        static_cast<unsigned char>(text[i]) >= 0x80 || text[i] == '-')) {
        w.push_back(core::AsciiLower(text[i]));
        ++i;
      }
      out.push_back({std::move(w), b, i});
    } else if (std::isdigit(c)) {
      uint32_t b = i;
      while (i < to && (std::isdigit(static_cast<unsigned char>(text[i])) ||
                        ((text[i] == ',' || text[i] == '.') && i + 1 < to &&
                         std::isdigit(static_cast<unsigned char>(text[i + 1])))))
        ++i;
      out.push_back({"#", b, i});
    } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"') {
      out.push_back({",", i, i + 1});  // a clause boundary: the event is not looked for across it
      ++i;
    } else {
      ++i;
    }
  }
  return out;
}

// Past participles the -ed rule misses, and -ing forms whose participle is irregular. Written
// for this project: the verbs news uses of what happens to counted people and things.
const std::unordered_map<std::string_view, std::string_view>& IrregularParticiples() {
  static const std::unordered_map<std::string_view, std::string_view> kForms = {
      // "left"/"leaving" are absent: "left 61 ships stacked up" says what with its complement.
      {"hurt", "hurt"},         {"hurting", "hurt"},    {"lost", "lost"},
      {"losing", "lost"},
      {"burnt", "burned"},      {"sent", "sent"},       {"sending", "sent"},
      {"held", "held"},         {"holding", "held"},    {"taken", "taken"},
      {"taking", "taken"},      {"built", "built"},
      {"sold", "sold"},         {"selling", "sold"},    {"shot", "shot"},
      {"shooting", "shot"},     {"struck", "struck"},   {"striking", "struck"},
      {"brought", "brought"},   {"bringing", "brought"}, {"cut", "cut"},
      {"cutting", "cut"},       {"made", "made"},       {"making", "made"},
      {"found", "found"},       {"finding", "found"},   {"paid", "paid"},
      {"paying", "paid"},       {"laid", "laid"},       {"won", "won"},
      {"winning", "won"},       {"spent", "spent"},     {"spending", "spent"},
      {"dead", "dead"},         {"missing", "missing"}, {"trapped", "trapped"},
      {"stranded", "stranded"}, {"homeless", "homeless"},
  };
  return kForms;
}

// -ed words that are no verbs.
bool NotAParticiple(std::string_view w) {
  for (std::string_view x : {"left", "leaving", "hundred", "need", "speed", "seed", "shed", "feed", "bed", "red",
                             "indeed", "united", "limited", "related", "based", "aged",
                             "armed", "so-called", "detailed", "combined", "estimated",
                             "expected", "reported", "allowed", "needed", "supposed", "used",
                             "called", "named", "planned", "scheduled", "proposed",
                             // what is said or thought of the count, not what happened to it
                             "believed", "thought", "feared", "considered", "known", "seen",
                             "understood", "understanding", "likely", "fighting", "fought",
                             "having", "including", "included", "according", "following",
                             "regarding", "concerning", "weighed", "weighing", "measured",
                             "measuring", "derived", "totaled", "totalled", "totaling",
                             "numbered", "ranged", "ranging", "compared", "equipped",
                             // -ing words that are no verb forms
                             "during", "morning", "evening", "nothing", "something",
                             "anything", "everything", "spring", "string", "ceiling",
                             "meeting", "wedding", "funding", "housing", "training", "warning",
                             "ruling", "hearing", "opening", "offering", "landing", "bombing",
                             "earnings", "savings", "holdings", "building", "falling",
                             "rising", "growing", "increasing", "decreasing",
                             // the figure acting, without an object: not what happened to it
                             "arrived", "emerged", "traveled", "travelled", "gathered",
                             "resulted", "ended", "reached", "followed", "remained", "lived",
                             "worked", "voted", "died"})
    if (w == x) return true;
  return false;
}

// The participle of a verb form as written: "injured" stays, "killing" is "killed", "forcing"
// "forced", "robbing" "robbed"; "" when it is not a verb form this can read.
std::string Participle(const std::string& w) {
  if (auto it = IrregularParticiples().find(w); it != IrregularParticiples().end())
    return std::string(it->second);
  if (w.size() < 5 || NotAParticiple(w) || w.find('-') != std::string::npos) return "";
  if (w.ends_with("ed")) return w;
  if (w.ends_with("ing") && w.size() >= 6) {
    // A doubled consonant stays ("robbing" -> "robbed"), a final e comes back ("freeing",
    // "forcing" -> "forced").
    std::string stem = w.substr(0, w.size() - 3);
    size_t n = stem.size();
    if (stem.ends_with("y")) {  // "destroying" -> "destroyed", "carrying" -> "carried"
      bool vowel = n >= 2 && std::string_view("aeiou").find(stem[n - 2]) != std::string_view::npos;
      return vowel ? stem + "ed" : stem.substr(0, n - 1) + "ied";
    }
    if (stem.ends_with("e")) return stem + "d";
    return stem + "ed";
  }
  return "";
}

bool IsAuxiliary(std::string_view w) {
  for (std::string_view x : {"was", "were", "is", "are", "be", "been", "being", "has", "have",
                             "had", "will", "would", "reportedly", "also", "now", "all"})
    if (w == x) return true;
  return false;
}

bool IsDeterminer(std::string_view w) {
  for (std::string_view x : {"the", "a", "an", "their", "its", "his", "her", "this", "that",
                             "these", "those", "our", "your", "my", "#"})
    if (w == x) return true;
  return false;
}

bool IsApproximator(std::string_view w) {
  for (std::string_view x : {"at", "least", "about", "around", "some", "nearly", "almost",
                             "roughly", "more", "than", "over", "up", "an", "estimated",
                             "approximately", "another", "further", "just", "under", "fewer",
                             "less", "a", "total", "of", "the"})
    if (w == x) return true;
  return false;
}

// What happened to what a figure counts, read from its sentence: "Two firefighters were
// injured" -> "injured", "destroyed at least 47 homes" -> "destroyed", "12,000 people
// evacuated" -> "evacuated". The passive or a participle right after the figure is preferred;
// a verb right before it (an active clause whose object is the figure) otherwise.
std::string EventOf(const std::string& text, core::CharSpan fig, core::CharSpan sentence,
                    const std::string& unit) {
  std::vector<Word> after = WordsOf(text, fig.end, std::min<uint32_t>(sentence.end, fig.end + 80));
  size_t k = 0;
  // A figure whose span stops at its number ("3,000" of "3,000 litres of diesel"): its unit
  // comes first.
  if (!after.empty() && !unit.empty() &&
      after[0].w == core::AsciiLower(unit.substr(0, unit.find(' '))))
    k = 1;
  // A coordinated figure shares the verb: "1,100 firefighters and 64 aircraft were assigned".
  if (k + 2 < after.size() && after[k].w == "and" && after[k + 1].w == "#") {
    k += 2;
    while (k < after.size() && after[k].w != "," && after[k].w != "#" && !IsAuxiliary(after[k].w) &&
           Participle(after[k].w).empty() && k < 5)
      ++k;
  }
  // A form of "be" makes the passive ("were injured"); "has"/"had" alone is the figure acting
  // ("150 passengers had refused").
  // What the unit is of: "3,000 litres of diesel leaked".
  if (k <= 1 && k + 1 < after.size() && after[k].w == "of" && after[k + 1].w != "#" &&
      after[k + 1].w != ",") {
    k += 2;
    if (k < after.size() && !IsAuxiliary(after[k].w) && Participle(after[k].w).empty() &&
        after[k].w != "," && after[k].w != "#" && k + 1 < after.size())
      ++k;  // a two-word noun: "of crude oil"
  }
  bool aux = false;
  for (; k < after.size() && IsAuxiliary(after[k].w); ++k)
    aux = aux || (after[k].w != "has" && after[k].w != "have" && after[k].w != "had" &&
                  after[k].w != "will" && after[k].w != "would");
  // A present participle after the figure is the figure acting ("1,100 firefighters were
  // fighting"), not what happened to it.
  if (k < after.size() && !after[k].w.ends_with("ing")) {
    std::string p = Participle(after[k].w);
    const std::string next = k + 1 < after.size() ? after[k + 1].w : ",";
    // "were ordered to evacuate": the event is the whole phrase.
    if (!p.empty() && aux && next == "to" && k + 2 < after.size() &&
        after[k + 2].w.size() >= 3 && !IsDeterminer(after[k + 2].w) && after[k + 2].w != "be" &&
        after[k + 2].w != "have")
      return p + " to " + after[k + 2].w;
    // Without an auxiliary, a past form is a reduced passive ("47 homes destroyed in the
    // fire") only when no object or "to" follows; "412 engineers inspected buildings" and
    // "customers belonged to" are the figure acting.
    bool reduced = false;
    for (std::string_view x : {",", "in", "on", "at", "from", "by", "across", "around", "after",
                               "during", "since", "near", "when", "and", "or", "but", "as",
                               "overnight", "throughout", "along", "within", "while", "up", "into",
                               "onto", "out", "off", "over", "under"})
      reduced = reduced || next == x;
    if (!p.empty() && (aux || reduced)) return p;
  }
  uint32_t from = fig.begin > sentence.begin + 60 ? fig.begin - 60 : sentence.begin;
  std::vector<Word> before = WordsOf(text, from, fig.begin);
  size_t j = before.size();
  while (j > 0 && (IsApproximator(before[j - 1].w) ||
                   (before[j - 1].w == "to" && j >= 2 && before[j - 2].w == "up")))
    --j;
  // "was fishing six miles inside": a progressive verb before a figure mostly tells where or
  // how long the subject acted, not what happened to the figure.
  const bool progressive = j >= 2 && before[j - 1].w.ends_with("ing") && IsAuxiliary(before[j - 2].w);
  if (j > 0 && !progressive) {
    const std::string& w = before[j - 1].w;
    if (w.ends_with("ed") || w.ends_with("ing") || IrregularParticiples().count(w)) {
      std::string p = Participle(w);
      // "injuring two", "killed 12": the figure is the object. A harm adjective before a
      // count ("missing 3") reads oddly; those come after.
      if (!p.empty() && p != "missing" && p != "dead" && p != "homeless") return p;
    }
  }
  return "";
}

// Events that are distinct facts about a count of people or things: figures in two classes
// are never one fact. 0: any other event (synonyms such as "grounded" and "cancelled" flights
// are left to the values and context to tell apart).
int EventClass(std::string_view e) {
  static const std::unordered_map<std::string_view, int> kClasses = {
      {"killed", 1},    {"dead", 1},       {"died", 1},      {"slain", 1},
      {"injured", 2},   {"wounded", 2},    {"hurt", 2},      {"missing", 3},
      {"arrested", 4},  {"detained", 4},   {"held", 4},      {"jailed", 4},
      {"evacuated", 5}, {"displaced", 5},  {"ordered to evacuate", 5},
      {"forced to evacuate", 5}, {"forced to flee", 5}, {"destroyed", 6},
      {"damaged", 7},   {"rescued", 8},    {"freed", 8},     {"released", 8},
      {"charged", 9},   {"convicted", 10}, {"sentenced", 10}};
  auto it = kClasses.find(e);
  return it == kClasses.end() ? 0 : it->second;
}

// A number whose digits were split by a space ("21, 000 people" read as "000 people"): the
// part after the break starts with a zero.
bool SplitNumber(const std::string& figure_text) {
  return figure_text.size() > 1 && figure_text[0] == '0' &&
         std::isdigit(static_cast<unsigned char>(figure_text[1]));
}

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// Outlets disagree when one gives a value without the other and another outlet does the
// reverse; an outlet that prints both (a revised toll, an aftershock beside the main shock) is
// telling a development, not contradicting anyone.
bool Disagree(const std::vector<const Seen*>& g) {
  std::map<std::string, std::set<double>> by_outlet;
  for (const Seen* s : g) by_outlet[s->outlet].insert(s->value);
  for (auto i = by_outlet.begin(); i != by_outlet.end(); ++i)
    for (auto j = std::next(i); j != by_outlet.end(); ++j) {
      bool only1 = false, only2 = false;
      for (double v : i->second) only1 = only1 || !j->second.count(v);
      for (double v : j->second) only2 = only2 || !i->second.count(v);
      if (only1 && only2) return true;
    }
  return false;
}

// A figure's label: what it counts and what happened to it ("firefighters injured"), the event
// most of its outlets give; the unit alone for money, shares and measures of size, and where
// no outlet says.
std::string LabelOf(const std::vector<const Seen*>& list) {
  const std::string& unit = list.front()->unit;
  Kind k = KindOf(*list.front());
  if (k == Kind::kMoney || k == Kind::kShare || k == Kind::kDuration || unit == "times")
    return unit;
  std::map<std::string, size_t> votes;
  for (const Seen* s : list)
    if (!s->event.empty() && s->event != unit) ++votes[s->event];
  // The most given; at a tie the first given (the outlets' order), not the alphabet's.
  std::string best;
  size_t most = 0;
  for (const Seen* s : list)
    if (auto v = votes.find(s->event); v != votes.end() && v->second > most)
      best = v->first, most = v->second;
  return best.empty() ? unit : unit + " " + best;
}

void CiteAll(const std::vector<const Seen*>& list, core::BriefLine* line) {
  for (const Seen* s : list)
    if (std::find(line->citations.begin(), line->citations.end(), s->cite) == line->citations.end())
      line->citations.push_back(s->cite);
}

// The figures of the story's sentences, with their outlet, citation, context and event.
std::vector<Seen> SeenFigures(const std::vector<const core::Article*>& articles,
                              const std::vector<Candidate>& candidates,
                              const std::vector<std::string>& outlets) {
  std::vector<std::vector<const Candidate*>> by_article(articles.size());
  for (const Candidate& c : candidates) by_article[c.art].push_back(&c);
  std::vector<Seen> seen;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const core::Article* a = articles[ai];
    for (const core::Figure& f : a->annotations.figures) {
      if (f.unit.empty() || SplitNumber(f.text)) continue;
      const Candidate* s = nullptr;
      for (const Candidate* c : by_article[ai])
        if (c->parts.empty() && c->span.begin <= f.span.begin && f.span.begin < c->span.end) s = c;
      if (!s) continue;
      seen.push_back({f.value,
                      f.text,
                      outlets[ai],
                      f.unit,
                      {a->id, s->span},
                      ContextStems(a->text, f.span, s->span),
                      EventOf(a->text, f.span, s->span, f.unit)});
    }
  }
  return seen;
}

// Union figures of one unit that describe one fact: shared context stems, and values within
// 50% of each other (outlets disagree by a few, not by multiples; further apart, two figures
// are two facts).
std::map<size_t, std::vector<const Seen*>> GroupFacts(const std::vector<Seen>& seen) {
  std::vector<size_t> parent(seen.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < seen.size(); ++i)
    for (size_t j = i + 1; j < seen.size(); ++j) {
      const Seen &x = seen[i], &y = seen[j];
      if (x.unit != y.unit) continue;
      // 12 killed and 14 injured are two facts however close; "grounded" and "cancelled"
      // flights may be one.
      if (EventClass(x.event) != EventClass(y.event) && EventClass(x.event) != 0 &&
          EventClass(y.event) != 0)
        continue;
      double lo = std::min(x.value, y.value), hi = std::max(x.value, y.value);
      if (lo <= 0 || hi > 1.5 * lo) continue;
      bool shared = false;
      for (const auto& c : x.context) shared = shared || y.context.count(c) > 0;
      if (shared) parent[Find(parent, j)] = Find(parent, i);
    }
  std::map<size_t, std::vector<const Seen*>> groups;
  for (size_t i = 0; i < seen.size(); ++i) groups[Find(parent, i)].push_back(&seen[i]);
  return groups;
}

// A fact: the figures that give it, its score and how many values they give.
struct Ranked {
  std::vector<const Seen*> g;
  double score = 0;
  size_t values = 0;
};

// The facts worth a line, best first.
std::vector<Ranked> RankFacts(const std::map<size_t, std::vector<const Seen*>>& groups,
                              const core::Brief& brief) {
  // The sentences the brief's lines cite: a figure stated there is one the brief is about.
  std::set<std::pair<std::string, uint32_t>> in_lines;
  for (const core::BriefLine& l : brief.lines)
    for (const core::Citation& c : l.citations) in_lines.insert({c.article_id, c.span.begin});
  std::vector<Ranked> ranked;
  for (auto& [root, all] : groups) {
    Ranked r;
    // Counts of one never; small counts of generic things only when the story's point: given
    // by two outlets or more.
    std::set<std::string> said_by;
    for (const Seen* s : all) said_by.insert(s->outlet);
    for (const Seen* s : all) {
      Kind k = KindOf(*s);
      if (CountOfOne(*s, k) || (SmallGenericCount(*s, k) && said_by.size() < 2)) continue;
      r.g.push_back(s);
    }
    if (r.g.empty()) continue;
    said_by.clear();
    bool said_in_lines = false;
    double kind = 0;
    std::set<double> values;
    for (const Seen* s : r.g) {
      said_by.insert(s->outlet);
      values.insert(s->value);
      kind = std::max(kind, KindWeight(KindOf(*s)));
      said_in_lines = said_in_lines || in_lines.count({s->cite.article_id, s->cite.span.begin});
    }
    r.values = values.size();
    // What it counts, times how many outlets give it (and how often it is given), with a
    // bonus when a line of the brief states it.
    r.score = kind * (1 + 0.5 * static_cast<double>(said_by.size() - 1)) *
              (1 + 0.1 * static_cast<double>(std::min<size_t>(r.g.size() - 1, 5))) *
              (said_in_lines ? 1.5 : 1.0);
    ranked.push_back(std::move(r));
  }
  // Best first; a disagreement outranks agreement at equal score.
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.values > y.values;
  });
  return ranked;
}

// Lines for the best facts, at most `max`: a value per line, or one line naming who gives which
// when the outlets disagree.
void AddFactLines(const std::vector<Ranked>& ranked, size_t max, core::Brief* brief) {
  // Fewer, better figures: none far below the best one (a third of its score).
  const double floor = ranked.empty() ? 0 : ranked.front().score / 3;
  size_t n = 0;
  for (const Ranked& r : ranked) {
    if (n >= max || r.score < floor) break;
    const std::vector<const Seen*>& g = r.g;
    std::map<double, std::vector<const Seen*>> values;
    for (const Seen* s : g) values[s->value].push_back(s);
    // Each value shown as its fullest wording ("3,000 litres", not a bare "3,000").
    for (auto& [v, list] : values)
      std::stable_sort(list.begin(), list.end(), [](const Seen* x, const Seen* y) {
        return x->text.size() > y->text.size();
      });
    if (!Disagree(g)) {
      // Several values but no disagreement: each value is its own fact.
      for (const auto& [v, list] : values) {
        if (n >= max) break;
        core::BriefLine line{
            core::BriefSection::kKeyFigure, LabelOf(list), list.front()->text, {}, false};
        CiteAll(list, &line);
        brief->lines.push_back(std::move(line));
        ++n;
      }
      continue;
    }
    // "28,000 (Outlet A) vs 28,500 (Outlet B, Outlet C)".
    core::BriefLine line{core::BriefSection::kKeyFigure, LabelOf(g), "", {}, true};
    for (const auto& [v, list] : values) {
      std::set<std::string> names;
      for (const Seen* s : list) names.insert(s->outlet);
      CiteAll(list, &line);
      if (!line.text.empty()) line.text += " vs ";
      line.text += list.front()->text + " (";
      bool first = true;
      for (const auto& o : names) line.text += (first ? "" : ", ") + o, first = false;
      line.text += ")";
    }
    brief->lines.push_back(std::move(line));
    ++n;
  }
}

}  // namespace

void AddKeyFigures(const std::vector<const core::Article*>& articles,
                   const std::vector<Candidate>& candidates,
                   const std::vector<std::string>& outlets, size_t max, core::Brief* brief) {
  const std::vector<Seen> seen = SeenFigures(articles, candidates, outlets);
  const std::map<size_t, std::vector<const Seen*>> groups = GroupFacts(seen);
  AddFactLines(RankFacts(groups, *brief), max, brief);
}

}  // namespace wirebrief::brief::detail
