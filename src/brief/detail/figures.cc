#include "brief/detail/figures.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "nlp/read.h"

namespace wirebrief::brief::detail {
namespace {

struct Seen {
  double value;
  std::string text, outlet, unit;
  core::Citation cite;
  std::set<std::string> context;
};

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
  std::vector<std::vector<const Seen*>> ranked;
  for (auto& [root, g] : groups) ranked.push_back(g);
  auto distinct_values = [](const std::vector<const Seen*>& g) {
    std::set<double> v;
    for (const Seen* s : g) v.insert(s->value);
    return v.size();
  };
  // Most-reported facts first; a disagreement outranks agreement at equal coverage.
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
    if (x.size() != y.size()) return x.size() > y.size();
    return distinct_values(x) > distinct_values(y);
  });
  size_t n = 0;
  for (const auto& g : ranked) {
    if (n >= max) break;
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
