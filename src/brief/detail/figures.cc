#include "brief/detail/figures.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

#include "nlp/read.h"

namespace wirebrief::brief::detail {
namespace {

struct Seen {
  double value;
  std::string text, outlet, unit;
  core::Citation cite;
  std::set<std::string> context;
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

void CiteAll(const std::vector<const Seen*>& list, core::BriefLine* line) {
  for (const Seen* s : list)
    if (std::find(line->citations.begin(), line->citations.end(), s->cite) == line->citations.end())
      line->citations.push_back(s->cite);
}

}  // namespace

void AddKeyFigures(const std::vector<const core::Article*>& articles,
                   const std::vector<Candidate>& candidates,
                   const std::vector<std::string>& outlets, size_t max, core::Brief* brief) {
  std::vector<std::vector<const Candidate*>> by_article(articles.size());
  for (const Candidate& c : candidates) by_article[c.art].push_back(&c);
  std::vector<Seen> seen;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const core::Article* a = articles[ai];
    for (const core::Figure& f : a->annotations.figures) {
      if (f.unit.empty()) continue;
      const Candidate* s = nullptr;
      for (const Candidate* c : by_article[ai])
        if (c->parts.empty() && c->span.begin <= f.span.begin && f.span.begin < c->span.end) s = c;
      if (!s) continue;
      seen.push_back({f.value,
                      f.text,
                      outlets[ai],
                      f.unit,
                      {a->id, s->span},
                      ContextStems(a->text, f.span, s->span)});
    }
  }
  // Union figures of one unit that describe one fact: shared context stems, and values within
  // 50% of each other (outlets disagree by a few, not by multiples; further apart, two figures
  // are two facts).
  std::vector<size_t> parent(seen.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < seen.size(); ++i)
    for (size_t j = i + 1; j < seen.size(); ++j) {
      const Seen &x = seen[i], &y = seen[j];
      if (x.unit != y.unit) continue;
      double lo = std::min(x.value, y.value), hi = std::max(x.value, y.value);
      if (lo <= 0 || hi > 1.5 * lo) continue;
      bool shared = false;
      for (const auto& c : x.context) shared = shared || y.context.count(c) > 0;
      if (shared) parent[Find(parent, j)] = Find(parent, i);
    }
  std::map<size_t, std::vector<const Seen*>> groups;
  for (size_t i = 0; i < seen.size(); ++i) groups[Find(parent, i)].push_back(&seen[i]);
  // The sentences the brief's lines cite: a figure stated there is one the brief is about.
  std::set<std::pair<std::string, uint32_t>> in_lines;
  for (const core::BriefLine& l : brief->lines)
    for (const core::Citation& c : l.citations) in_lines.insert({c.article_id, c.span.begin});
  struct Ranked {
    std::vector<const Seen*> g;
    double score = 0;
    size_t values = 0;
  };
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
  // Fewer, better figures: none far below the best one (a third of its score).
  const double floor = ranked.empty() ? 0 : ranked.front().score / 3;
  size_t n = 0;
  for (const Ranked& r : ranked) {
    if (n >= max || r.score < floor) break;
    const std::vector<const Seen*>& g = r.g;
    std::map<double, std::vector<const Seen*>> values;
    for (const Seen* s : g) values[s->value].push_back(s);
    if (!Disagree(g)) {
      // Several values but no disagreement: each value is its own fact.
      for (const auto& [v, list] : values) {
        if (n >= max) break;
        core::BriefLine line{
            core::BriefSection::kKeyFigure, list.front()->unit, list.front()->text, {}, false};
        CiteAll(list, &line);
        brief->lines.push_back(std::move(line));
        ++n;
      }
      continue;
    }
    // "28,000 (Outlet A) vs 28,500 (Outlet B, Outlet C)".
    core::BriefLine line{core::BriefSection::kKeyFigure, g.front()->unit, "", {}, true};
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

}  // namespace wirebrief::brief::detail
