#include "brief/brief.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "nlp/read.h"

namespace wirebrief::brief {
namespace {

struct Candidate {
  const core::Article* article;
  core::CharSpan span;
  size_t index_in_article;  // 0 = first body sentence
  std::string text;
  std::unordered_map<std::string, double> tf;
  double score = 0;
  bool used = false;
};

bool ContainsAny(const std::string& lower, std::initializer_list<const char*> cues) {
  for (const char* c : cues)
    if (lower.find(c) != std::string::npos) return true;
  return false;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

double TokenJaccard(const Candidate& a, const Candidate& b) {
  size_t inter = 0;
  for (const auto& [k, v] : a.tf) inter += b.tf.count(k);
  size_t uni = a.tf.size() + b.tf.size() - inter;
  return uni ? static_cast<double>(inter) / static_cast<double>(uni) : 0;
}

class BriefBuilder {
 public:
  BriefBuilder(const cluster::StoryGroup& g, const std::vector<const core::Article*>& arts,
               const BriefOptions& o)
      : group_(g), arts_(arts), opts_(o) {}

  core::Brief Build() {
    core::Brief brief;
    brief.story_id = group_.story.id;
    brief.headline = group_.story.title;
    CollectCandidates();
    Lede(&brief);
    Cued(&brief, core::BriefSection::kWhyItMatters, opts_.max_why,
         {"because", "could ", "would ", "risk", "first time", "largest", "biggest", "worst",
          "threat", "impact", "concern", "raises", "means", "amid", "critical", "pressure"});
    Stakeholders(&brief);
    Cued(&brief, core::BriefSection::kWhatsNext, opts_.max_whats_next,
         {" will ", "expected to", "plans to", "scheduled", "next week", "next month", "due to",
          "set to", "is to ", "are to ", "later this"});
    Figures(&brief);
    Timeline(&brief);
    Sources(&brief);
    return brief;
  }

 private:
  void CollectCandidates() {
    std::unordered_map<std::string, double> centroid;
    for (const core::Article* a : arts_) {
      size_t idx = 0;
      for (const core::Sentence& s : a->annotations.sentences) {
        std::string text = a->text.substr(s.span.begin, s.span.end - s.span.begin);
        if (text == a->title) continue;
        Candidate c{a, s.span, idx++, text, {}, 0, false};
        for (const auto& t : nlp::ContentTokens(text)) c.tf[t] += 1;
        if (c.tf.size() < 4) continue;
        for (const auto& [k, v] : c.tf) centroid[k] += 1;
        cands_.push_back(std::move(c));
      }
    }
    double cn = 0;
    for (const auto& [k, v] : centroid) cn += v * v;
    cn = std::sqrt(cn);
    for (Candidate& c : cands_) {
      double dot = 0, n = 0;
      for (const auto& [k, v] : c.tf) {
        auto it = centroid.find(k);
        if (it != centroid.end()) dot += v * it->second;
        n += v * v;
      }
      // Centrality (what the coverage agrees on) plus a lead bonus (news puts the event first).
      c.score = (n > 0 && cn > 0 ? dot / (std::sqrt(n) * cn) : 0) +
                (c.index_in_article == 0 ? 0.15 : c.index_in_article == 1 ? 0.07 : 0);
      // A sentence opening with a pronoun leans on the one before it; out of context it is vague.
      std::string first = c.text.substr(0, c.text.find(' '));
      for (const char* p : {"He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her", "Their"})
        if (first == p) c.score -= 0.3;
    }
  }

  // Citations for a chosen sentence: itself plus near-identical sentences elsewhere (the same
  // wire sentence in reprints, corroboration by other outlets).
  std::vector<core::Citation> CiteWithCorroboration(const Candidate& c) {
    std::vector<core::Citation> cites{{c.article->id, c.span}};
    for (Candidate& o : cands_) {
      if (o.article == c.article || cites.size() >= 4) continue;
      if (TokenJaccard(c, o) >= 0.6) {
        cites.push_back({o.article->id, o.span});
        o.used = true;
      }
    }
    return cites;
  }

  // True when most of the candidate's words are already in an emitted line: a bare quote
  // repeating an attributed one, or the same fact reworded.
  bool Redundant(const Candidate& c) const {
    for (const Candidate* e : emitted_) {
      size_t inter = 0;
      for (const auto& [k, v] : c.tf) inter += e->tf.count(k);
      if (inter * 5 >= c.tf.size() * 4) return true;
    }
    return false;
  }

  void Emit(core::Brief* b, core::BriefSection section, const std::string& label, Candidate& c) {
    c.used = true;
    emitted_.push_back(&c);
    b->lines.push_back({section, label, c.text, CiteWithCorroboration(c), false});
  }

  void Lede(core::Brief* b) {
    Candidate* best = nullptr;
    for (Candidate& c : cands_)
      if (c.index_in_article <= 1 && (!best || c.score > best->score)) best = &c;
    if (best) Emit(b, core::BriefSection::kLede, "", *best);
  }

  void Cued(core::Brief* b, core::BriefSection section, size_t max, std::initializer_list<const char*> cues) {
    std::vector<Candidate*> pool;
    for (Candidate& c : cands_)
      if (!c.used && ContainsAny(" " + Lower(c.text) + " ", cues)) pool.push_back(&c);
    std::sort(pool.begin(), pool.end(), [](auto* x, auto* y) { return x->score > y->score; });
    size_t n = 0;
    for (Candidate* c : pool) {
      if (n >= max) break;
      if (c->used || Redundant(*c)) continue;  // taken as corroboration, or said already
      Emit(b, section, "", *c);
      ++n;
    }
  }

  void Stakeholders(core::Brief* b) {
    // Entities named by the most articles have the biggest stake in the story.
    std::map<std::string, std::set<std::string>> articles_by_name;
    std::map<std::string, std::string> role;
    for (const core::Article* a : arts_)
      for (const core::Mention& m : a->annotations.mentions) {
        if (m.type == core::EntityType::kPlace) continue;  // places are where, not who has a stake
        articles_by_name[m.name].insert(a->id);
        if (!m.role.empty() && !role.count(m.name)) role[m.name] = m.role;
      }
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const auto& [name, ids] : articles_by_name)
      if (ids.size() >= 2 || arts_.size() == 1) ranked.push_back({ids.size(), name});
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    size_t n = 0;
    for (const auto& [count, name] : ranked) {
      if (n >= opts_.max_stakeholders) break;
      Candidate* best = nullptr;
      for (Candidate& c : cands_)
        if (!c.used && c.text.find(name) != std::string::npos && !Redundant(c) && (!best || c.score > best->score))
          best = &c;
      if (!best) continue;
      std::string label = role.count(name) ? name + " (" + role[name] + ")" : name;
      Emit(b, core::BriefSection::kStakeholder, label, *best);
      ++n;
    }
  }

  const Candidate* SentenceAt(const core::Article* a, uint32_t offset) const {
    for (const Candidate& c : cands_)
      if (c.article == a && c.span.begin <= offset && offset < c.span.end) return &c;
    return nullptr;
  }

  // Words around a figure, cut to 4-letter stems so "killing"/"killed" and "injured"/"injuring"
  // meet: two figures of the same unit whose surroundings share a stem report the same fact.
  static std::set<std::string> ContextStems(const std::string& text, core::CharSpan fig, core::CharSpan sentence) {
    uint32_t b = fig.begin > sentence.begin + 60 ? fig.begin - 60 : sentence.begin;
    uint32_t e = std::min<uint32_t>(sentence.end, fig.end + 60);
    std::set<std::string> out;
    for (const auto& t : nlp::ContentTokens(text.substr(b, e - b)))
      if (!std::isdigit(static_cast<unsigned char>(t[0])) && t.size() >= 4) out.insert(t.substr(0, 4));
    return out;
  }

  void Figures(core::Brief* b) {
    struct Seen {
      double value;
      std::string text, outlet, unit;
      core::Citation cite;
      std::set<std::string> context;
    };
    std::vector<Seen> seen;
    for (const core::Article* a : arts_)
      for (const core::Figure& f : a->annotations.figures) {
        if (f.unit.empty()) continue;
        const Candidate* s = SentenceAt(a, f.span.begin);
        if (!s) continue;
        seen.push_back({f.value, f.text, core::OutletOf(*a), f.unit, {a->id, s->span},
                        ContextStems(a->text, f.span, s->span)});
      }
    // Union figures of one unit that describe one fact: shared context stems, and values
    // within 50% of each other (outlets disagree by a few, not by multiples; further apart,
    // two figures are two facts).
    std::vector<size_t> parent(seen.size());
    for (size_t i = 0; i < seen.size(); ++i) parent[i] = i;
    std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
    for (size_t i = 0; i < seen.size(); ++i)
      for (size_t j = i + 1; j < seen.size(); ++j) {
        const Seen &x = seen[i], &y = seen[j];
        if (x.unit != y.unit) continue;
        double lo = std::min(x.value, y.value), hi = std::max(x.value, y.value);
        if (lo <= 0 || hi > 1.5 * lo) continue;
        bool shared = false;
        for (const auto& c : x.context) shared = shared || y.context.count(c) > 0;
        if (shared) parent[find(j)] = find(i);
      }
    std::map<size_t, std::vector<const Seen*>> groups;
    for (size_t i = 0; i < seen.size(); ++i) groups[find(i)].push_back(&seen[i]);
    std::vector<std::vector<const Seen*>> ranked;
    for (auto& [root, g] : groups) ranked.push_back(g);
    // Most-reported facts first; a disagreement outranks agreement at equal coverage.
    auto distinct_values = [](const std::vector<const Seen*>& g) {
      std::set<double> v;
      for (const Seen* s : g) v.insert(s->value);
      return v.size();
    };
    std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
      if (x.size() != y.size()) return x.size() > y.size();
      return distinct_values(x) > distinct_values(y);
    });
    size_t n = 0;
    for (const auto& g : ranked) {
      if (n >= opts_.max_figures) break;
      std::map<double, std::vector<const Seen*>> values;
      for (const Seen* s : g) values[s->value].push_back(s);
      // Outlets disagree when one gives a value without the other and another outlet does the
      // reverse; an outlet that prints both (a revised toll, an aftershock beside the main
      // shock) is telling a development, not contradicting anyone.
      std::map<std::string, std::set<double>> by_outlet;
      for (const Seen* s : g) by_outlet[s->outlet].insert(s->value);
      bool conflict = false;
      for (const auto& [o1, v1] : by_outlet)
        for (const auto& [o2, v2] : by_outlet) {
          if (o1 >= o2) continue;
          bool only1 = false, only2 = false;
          for (double v : v1) only1 = only1 || !v2.count(v);
          for (double v : v2) only2 = only2 || !v1.count(v);
          conflict = conflict || (only1 && only2);
        }
      auto cite_all = [](const std::vector<const Seen*>& list, core::BriefLine* line) {
        for (const Seen* s : list)
          if (std::find(line->citations.begin(), line->citations.end(), s->cite) == line->citations.end())
            line->citations.push_back(s->cite);
      };
      if (!conflict) {
        // Several values but no disagreement: each value is its own fact.
        for (const auto& [v, list] : values) {
          if (n >= opts_.max_figures) break;
          core::BriefLine line{core::BriefSection::kKeyFigure, list.front()->unit, list.front()->text, {}, false};
          cite_all(list, &line);
          b->lines.push_back(std::move(line));
          ++n;
        }
        continue;
      }
      core::BriefLine line{core::BriefSection::kKeyFigure, g.front()->unit, "", {}, true};
      std::string text;
      for (const auto& [v, list] : values) {
        std::set<std::string> outlets;
        for (const Seen* s : list) outlets.insert(s->outlet);
        cite_all(list, &line);
        if (!text.empty()) text += " vs ";
        text += list.front()->text + " (";
        bool first = true;
        for (const auto& o : outlets) text += (first ? "" : ", ") + o, first = false;
        text += ")";
      }
      line.text = text;
      b->lines.push_back(std::move(line));
      ++n;
    }
  }

  void Timeline(core::Brief* b) {
    std::map<std::string, std::vector<std::pair<const core::Article*, const Candidate*>>> by_date;
    for (const core::Article* a : arts_)
      for (const core::DateMention& d : a->annotations.dates) {
        if (d.value.size() != 10) continue;
        if (const Candidate* s = SentenceAt(a, d.span.begin)) by_date[d.value].push_back({a, s});
      }
    size_t n = 0;
    for (const auto& [date, hits] : by_date) {
      if (n >= opts_.max_timeline) break;
      const Candidate* best = hits.front().second;
      for (const auto& [a, s] : hits)
        if (s->score > best->score) best = s;
      b->lines.push_back({core::BriefSection::kTimeline, date, best->text, {{best->article->id, best->span}}, false});
      ++n;
    }
  }

  void Sources(core::Brief* b) {
    std::vector<const core::Article*> sorted(arts_);
    std::sort(sorted.begin(), sorted.end(), [](auto* x, auto* y) { return x->date_published < y->date_published; });
    for (const core::Article* a : sorted) {
      std::string text = core::OutletOf(*a) + ": " + a->title;
      if (!a->wire.empty()) text += " [wire: " + a->wire.front() + "]";
      uint32_t end = static_cast<uint32_t>(std::min(a->title.size(), a->text.size()));
      b->lines.push_back({core::BriefSection::kSource, a->date_published.substr(0, 10), text,
                          {{a->id, {0, end}}}, false});
    }
  }

  const cluster::StoryGroup& group_;
  const std::vector<const core::Article*>& arts_;
  const BriefOptions& opts_;
  std::vector<Candidate> cands_;
  std::vector<const Candidate*> emitted_;
};

}  // namespace

core::Brief BuildBrief(const cluster::StoryGroup& group, const std::vector<const core::Article*>& articles,
                       const BriefOptions& options) {
  return BriefBuilder(group, articles, options).Build();
}

}  // namespace wirebrief::brief
