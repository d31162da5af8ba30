#include "cluster/cluster.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/date.h"
#include "core/hash.h"
#include "nlp/read.h"

namespace wirebrief::cluster {
namespace {

using SparseVector = std::unordered_map<std::string, double>;

double Dot(const SparseVector& a, const SparseVector& b) {
  const SparseVector& small = a.size() < b.size() ? a : b;
  const SparseVector& large = a.size() < b.size() ? b : a;
  double s = 0;
  for (const auto& [k, v] : small) {
    auto it = large.find(k);
    if (it != large.end()) s += v * it->second;
  }
  return s;
}

void Normalize(SparseVector* v) {
  double n = 0;
  for (const auto& [k, x] : *v) n += x * x;
  n = std::sqrt(n);
  if (n > 0)
    for (auto& [k, x] : *v) x /= n;
}

std::optional<long> DayOf(const core::Article& a) {
  auto d = core::ParseIsoDate(!a.date_published.empty() ? a.date_published : a.date_crawled);
  if (!d) return std::nullopt;
  return core::DaysFromCivil(*d);
}

// Terms an article is compared on: title words count twice (headlines name the event), body
// words once, entity names as whole-name terms twice (two earthquakes share vocabulary but not
// places or officials).
std::unordered_map<std::string, double> TermCounts(const core::Article& a) {
  std::unordered_map<std::string, double> tf;
  for (const auto& t : nlp::ContentTokens(a.title)) tf[t] += 2;
  std::string_view body = a.text;
  if (body.size() > 20000) body = body.substr(0, 20000);  // the lead carries the event
  for (const auto& t : nlp::ContentTokens(body)) tf[t] += 1;
  for (const auto& m : a.annotations.mentions) tf["ent:" + m.name] += 2;
  for (auto& [k, v] : tf) v = 1 + std::log(v);
  return tf;
}

std::unordered_set<uint64_t> Shingles(const core::Article& a) {
  std::vector<std::string> words = nlp::ContentTokens(a.text);
  std::unordered_set<uint64_t> out;
  for (size_t i = 0; i + 5 <= words.size(); ++i) {
    std::string g = words[i];
    for (size_t k = 1; k < 5; ++k) g += " " + words[i + k];
    out.insert(core::Hash64(g));
  }
  return out;
}

double Jaccard(const std::unordered_set<uint64_t>& a, const std::unordered_set<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t inter = 0;
  for (uint64_t x : (a.size() < b.size() ? a : b)) inter += (a.size() < b.size() ? b : a).count(x);
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

struct OpenStory {
  std::vector<size_t> members;  // indexes into the sorted article list
  SparseVector centroid_sum;
  long last_day = 0;
  bool has_day = false;
};

}  // namespace

std::vector<StoryGroup> ClusterStories(const std::vector<const core::Article*>& input,
                                       const ClusterOptions& options) {
  std::vector<const core::Article*> arts(input);
  std::sort(arts.begin(), arts.end(), [](const core::Article* x, const core::Article* y) {
    return std::tie(x->date_published, x->id) < std::tie(y->date_published, y->id);
  });
  // IDF over this batch.
  std::vector<std::unordered_map<std::string, double>> tfs;
  std::unordered_map<std::string, int> df;
  for (const auto* a : arts) {
    tfs.push_back(TermCounts(*a));
    for (const auto& [k, v] : tfs.back()) ++df[k];
  }
  double n = static_cast<double>(arts.size());
  std::vector<SparseVector> vecs;
  for (auto& tf : tfs) {
    SparseVector v;
    for (const auto& [k, x] : tf) {
      int d = df[k];
      if (d < 2 && n > 2) continue;  // a term in one article cannot link two
      v[k] = x * std::log((n + 1) / d);
    }
    Normalize(&v);
    vecs.push_back(std::move(v));
  }

  std::vector<OpenStory> stories;
  for (size_t i = 0; i < arts.size(); ++i) {
    std::optional<long> day = DayOf(*arts[i]);
    double best = options.join_threshold;
    int best_story = -1;
    for (size_t s = 0; s < stories.size(); ++s) {
      const OpenStory& st = stories[s];
      if (day && st.has_day && *day - st.last_day > options.window_days) continue;
      SparseVector c = st.centroid_sum;
      Normalize(&c);
      double sim = Dot(vecs[i], c);
      if (sim >= best) best = sim, best_story = static_cast<int>(s);
    }
    if (best_story < 0) {
      stories.emplace_back();
      best_story = static_cast<int>(stories.size() - 1);
    }
    OpenStory& st = stories[best_story];
    st.members.push_back(i);
    for (const auto& [k, v] : vecs[i]) st.centroid_sum[k] += v;
    if (day && (!st.has_day || *day > st.last_day)) st.last_day = *day, st.has_day = true;
  }

  std::vector<StoryGroup> out;
  for (const OpenStory& st : stories) {
    StoryGroup g;
    core::Story& story = g.story;
    // Copy families within the story (union-find over near-duplicate pairs).
    std::vector<std::unordered_set<uint64_t>> sh;
    for (size_t m : st.members) sh.push_back(Shingles(*arts[m]));
    std::vector<size_t> parent(st.members.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
    for (size_t a = 0; a < st.members.size(); ++a)
      for (size_t b = a + 1; b < st.members.size(); ++b)
        if (Jaccard(sh[a], sh[b]) >= options.copy_threshold) parent[find(b)] = find(a);
    std::map<size_t, std::vector<size_t>> fam;
    for (size_t a = 0; a < st.members.size(); ++a) fam[find(a)].push_back(a);
    std::set<std::string> outlets, independent;
    for (auto& [root, idx] : fam) {
      // The family's earliest copy speaks for it; later reprints add no independent outlet.
      independent.insert(core::OutletOf(*arts[st.members[idx.front()]]));
      if (idx.size() >= 2) {
        CopyFamily f;
        for (size_t a : idx) f.article_ids.push_back(arts[st.members[a]]->id);
        g.families.push_back(std::move(f));
      }
    }
    for (size_t m : st.members) {
      story.article_ids.push_back(arts[m]->id);
      outlets.insert(core::OutletOf(*arts[m]));
    }
    story.outlets.assign(outlets.begin(), outlets.end());
    story.independent_outlets = static_cast<int>(independent.size());
    const core::Article& first = *arts[st.members.front()];
    story.id = "s" + core::HashHex128("story:" + first.id).substr(0, 15);
    for (size_t m : st.members) {
      const std::string& d = arts[m]->date_published;
      if (d.empty()) continue;
      if (story.first_published.empty() || d < story.first_published) story.first_published = d;
      if (d > story.last_published) story.last_published = d;
    }
    // Title: the headline of the member closest to the centroid (the most typical coverage).
    SparseVector c = st.centroid_sum;
    Normalize(&c);
    double best = -1;
    for (size_t m : st.members) {
      double sim = Dot(vecs[m], c);
      if (sim > best && !arts[m]->title.empty()) best = sim, story.title = arts[m]->title;
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace wirebrief::cluster
