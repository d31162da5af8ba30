#include "cluster/cluster.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "cluster/detail/article_time.h"
#include "cluster/detail/copies.h"
#include "cluster/detail/terms.h"
#include "core/date.h"
#include "core/hash.h"

namespace wirebrief::cluster {
namespace {

using detail::HeadlineOnly;
using detail::TimeOf;

constexpr size_t kMaxTerms = 100;  // a document keeps its heaviest terms; the tail is noise
constexpr size_t kDfBits =
    20;  // document frequencies in a fixed hashed table: 4 MiB whatever the stream
constexpr uint32_t kNoDoc = std::numeric_limits<uint32_t>::max();

struct DocInfo {
  uint32_t story = 0;  // story slot
  int family = -1;     // index into the story's families, -1 while the document has no copy
  std::string id, outlet, credit;
  bool short_text = false;
  uint32_t copy_of = std::numeric_limits<uint32_t>::max();  // the original's slot, for a copy
  // Unit term vector sorted by key; kept for the refinement, the member gate and snapshots.
  std::vector<std::pair<uint64_t, float>> vec;
  double arrival = 0;      // the clock when it arrived (snapshots)
  std::vector<int> years;  // years its lead names (snapshots)
};

double SparseDot(const std::vector<std::pair<uint64_t, float>>& a,
                 const std::vector<std::pair<uint64_t, float>>& b) {
  double dot = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      dot += static_cast<double>(a[i++].second) * b[j++].second;
    }
  }
  return dot;
}

// Whether some member (a DocInfo* from `members`, copies skipped) has a cosine of at least
// `gate` with `vec` (ClusterOptions::member_gate).
template <typename Members, typename Get>
bool HasNeighbour(const Members& members, Get get,
                  const std::vector<std::pair<uint64_t, float>>& vec, double gate) {
  if (gate <= 0) return true;
  for (const auto& m : members) {
    const DocInfo* info = get(m);
    if (info != nullptr && !info->vec.empty() && SparseDot(vec, info->vec) >= gate) return true;
  }
  return false;
}

struct OpenStory {
  uint64_t number = 0;
  std::string id;  // stable, minted when the story opens
  std::unordered_map<uint64_t, float> centroid;  // sum of member unit vectors
  double sq = 0;                                 // squared norm of centroid
  uint32_t members = 0;                          // documents summed into the centroid
  double last_time = 0;
  uint64_t touch = 0;
  std::vector<uint32_t> docs;  // document slots, for eviction from the copy index
  StoryGroup out;              // filled when keep_stories
  std::set<std::string> outlets, voices;
  double best_title_score = -1;
  std::vector<int> years;  // years written in members' leads (datelines), distinct
  bool is_short = false;   // opened by a headline-only article
};

}  // namespace

struct OnlineClusterer::State {
  ClusterOptions opt;
  detail::TermWeights weights;           // articles with a body
  detail::TermWeights headline_weights;  // headline-only articles
  detail::CopyIndex copies;
  std::vector<uint32_t> df = std::vector<uint32_t>(size_t{1} << kDfBits, 0);
  double docs_seen = 0;
  double now = -std::numeric_limits<double>::infinity();
  uint64_t next_story = 0;
  uint32_t next_doc = 0;
  std::vector<std::unique_ptr<OpenStory>> stories;  // by slot; null when free
  std::vector<uint32_t> free_slots;
  // (last_time, touch sequence, slot) of open stories: least recently joined first, also
  // among undated stories, which all share one time.
  std::set<std::tuple<double, uint64_t, uint32_t>> by_time;
  uint64_t touches = 0;
  // Term -> open stories whose centroid has it, with a copy of that centroid weight, kept equal
  // to it when an article joins (Refine may change centroids only of stories it then closes):
  // scoring reads postings in order instead of looking each story's weight up in its centroid
  // (measured: that lookup and its cache miss were 15% of clustering full text).
  struct Posting {
    uint32_t slot;
    float weight;
  };
  std::unordered_map<uint64_t, std::vector<Posting>> postings;
  std::unordered_map<uint32_t, DocInfo> docs;
  std::vector<float> scratch;
  std::vector<uint32_t> touched;
  std::vector<StoryGroup> finished;
  std::vector<FinalLabel> labels;
  size_t open_articles = 0;
  int year_lines = 3;

  explicit State(const ClusterOptions& o)
      : opt(o), copies(detail::CopyOptions{5, o.copy_containment, 12, 3000}) {
    // Figures, dates and names tell same-kind events apart in full text (two rehab check-ins
    // differ in who, when and how many). Tuned on the mean over 16 shuffles of ECB+ dev, since
    // a single file order flatters some settings by up to 0.03 (bench/cluster/orders.py):
    // figures x8 and names x3 instead of x4 and x1 give 0.907 -> 0.915 with the label-stream
    // settings and 0.883 -> 0.886 with the library's. In a headline a figure is mostly a list
    // count or a price, and x4 cost 0.004 on UCI headlines dev.
    weights.number = 8.0f;
    weights.name = 3.0f;
    headline_weights.number = 2.0f;
  }

  float Idf(uint64_t key) const {
    double d = df[key & ((size_t{1} << kDfBits) - 1)];
    return static_cast<float>(std::log((docs_seen + 1) / (d + 1)) + 1.0);
  }

  void Close(uint32_t slot) {
    std::unique_ptr<OpenStory> st = std::move(stories[slot]);
    by_time.erase({st->last_time, st->touch, slot});
    for (const auto& [term, w] : st->centroid) {
      if (postings.empty()) break;  // dropped whole by CloseAll
      auto it = postings.find(term);
      if (it == postings.end()) continue;
      auto& v = it->second;
      std::erase_if(v, [slot](const Posting& p) { return p.slot == slot; });
      if (v.empty()) postings.erase(it);
    }
    for (uint32_t d : st->docs) {
      copies.Remove(d);
      docs.erase(d);
    }
    open_articles -= st->docs.size();
    if (opt.keep_stories) {
      core::Story& s = st->out.story;
      s.outlets.assign(st->outlets.begin(), st->outlets.end());
      s.independent_outlets = static_cast<int>(st->voices.size());
      std::erase_if(st->out.families, [](const CopyFamily& f) { return f.article_ids.size() < 2; });
      finished.push_back(std::move(st->out));
    }
    free_slots.push_back(slot);
  }

  // Whether a story of this kind whose newest member is at `last` has closed at `now`. A
  // headline story's window counts whole days (UTC): headlines of one day reach the clusterer
  // in HeadlineDayOrder, not by time, so within a day the clock says nothing about them, and
  // with headline_window_days 0 a timestamped feed item closed its story as soon as a later
  // item arrived.
  bool Closed(double last, bool is_short) const {
    if (is_short) return std::floor(now) - std::floor(last) > opt.headline_window_days + 1e-9;
    return now - last > opt.window_days + 1e-9;
  }

  void AdvanceTo(double t) {
    now = t;
    std::vector<uint32_t> closing;
    const double shortest = std::min(opt.window_days, opt.headline_window_days);
    for (const auto& [last, touch, slot] : by_time) {
      // by_time is ordered by `last`: once neither kind can have closed, none later has.
      if (now - last <= shortest + 1e-9 &&
          std::floor(now) - std::floor(last) <= opt.headline_window_days + 1e-9)
        break;
      if (Closed(last, stories[slot]->is_short)) closing.push_back(slot);
    }
    CloseAll(closing);
  }

  // Story score of a unit vector whose dot product with the member sum (squared norm `sq`, of
  // `members` unit vectors, `size` articles with copies) is `dot`.
  double Score(double dot, double sq, double members, double size, bool is_short) const {
    double linkage = is_short ? opt.headline_linkage : opt.linkage;
    double prior = is_short ? opt.headline_size_prior : opt.size_prior;
    return dot /
           (std::pow(std::max(sq, 1e-12), 0.5 * linkage) *
            std::pow(std::max(members, 1.0), 1.0 - linkage)) *
           (1.0 + prior * std::log(std::max(size, 1.0)));
  }
  double Score(double dot, const OpenStory& st, double size, bool is_short) const {
    return Score(dot, st.sq, st.members, size, is_short);
  }
  double Gate(bool is_short) const { return is_short ? opt.headline_member_gate : opt.member_gate; }
  bool KeepVectors() const {
    return (opt.refine_passes > 0 && !opt.keep_stories) || opt.headline_member_gate > 0 ||
           opt.member_gate > 0;
  }

  // Score(dot, *stories[slot], size, is_short) with the story's normalisation memoised on its
  // exact inputs: Add scores every story that shares a term with the article, and a story's
  // norm changes only when it grows (measured: pow was 3-10% of clustering).
  struct ScoreMemo {
    double sq = -1, members = -1, size = -1;
    bool is_short = false;
    double denominator = 1, prior = 1;
  };
  std::vector<ScoreMemo> score_memo;
  double MemoScore(double dot, uint32_t slot, double size, bool is_short) {
    if (score_memo.size() <= slot) score_memo.resize(stories.size());
    ScoreMemo& m = score_memo[slot];
    const OpenStory& st = *stories[slot];
    double members = st.members;
    if (m.sq != st.sq || m.members != members || m.size != size || m.is_short != is_short) {
      double linkage = is_short ? opt.headline_linkage : opt.linkage;
      double prior = is_short ? opt.headline_size_prior : opt.size_prior;
      m = {st.sq,
           members,
           size,
           is_short,
           std::pow(std::max(st.sq, 1e-12), 0.5 * linkage) *
               std::pow(std::max(members, 1.0), 1.0 - linkage),
           1.0 + prior * std::log(std::max(size, 1.0))};
    }
    return dot / m.denominator * m.prior;
  }

  // The story each closing story of `group` is linked into (itself when none), by
  // headline_refine_link: `index` holds each story's current member sum per term (the passes
  // keep it, not the stories' own maps, current), `size` its articles.
  //
  // Tried on UCI headlines dev without gain over this greedy single link (all within 0.8163-
  // 0.8200): linking before the passes so they can move articles out again (0.8177), one or two
  // more passes after linking (0.8196), requiring the linked groups' own centroids to keep a
  // cosine of 0.1-0.2 (0.8200: chaining is rare at this threshold), a cap on the size ratio
  // instead of the smaller side's size (0.8163-0.8192), and in a prototype an LSA topic space
  // of the day (30 dimensions) as a second condition (+0.002 at best).
  std::vector<uint32_t> LinkFragments(
      const std::vector<uint32_t>& group,
      const std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>>& index,
      std::vector<double> size) {
    std::vector<uint32_t> parent(stories.size());
    for (uint32_t g : group) parent[g] = g;
    std::vector<char> linkable(stories.size(), 0);
    for (uint32_t g : group)
      linkable[g] = stories[g]->is_short && stories[g]->members > 0 && stories[g]->sq > 0;
    // Dot products of the pairs of linkable stories that share a term. A day of 4,500 headlines
    // in 600 stories gives about 10^5 pairs.
    std::unordered_map<uint64_t, double> pair_dot;
    std::vector<std::pair<uint32_t, float>> shared;
    for (const auto& [key, entries] : index) {
      shared.clear();
      for (const auto& e : entries)
        if (e.second != 0 && linkable[e.first]) shared.push_back(e);
      for (size_t i = 0; i < shared.size(); ++i)
        for (size_t j = i + 1; j < shared.size(); ++j) {
          auto [a, b] = std::minmax(shared[i].first, shared[j].first);
          pair_dot[(uint64_t{a} << 32) | b] += double{shared[i].second} * shared[j].second;
        }
    }
    std::vector<std::tuple<double, uint32_t, uint32_t>> pairs;
    for (const auto& [ab, dot] : pair_dot) {
      uint32_t a = static_cast<uint32_t>(ab >> 32), b = static_cast<uint32_t>(ab);
      double cosine = dot / std::sqrt(stories[a]->sq * stories[b]->sq);
      if (cosine >= opt.headline_refine_link) pairs.push_back({cosine, a, b});
    }
    // Closest first; ties by slot, so the result does not depend on the hash map's order.
    std::sort(pairs.begin(), pairs.end(), std::greater<>());
    auto find = [&](uint32_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    const double cap = static_cast<double>(opt.refine_link_max_smaller);
    for (const auto& [cosine, a, b] : pairs) {
      uint32_t ra = find(a), rb = find(b);
      if (ra == rb || std::min(size[ra], size[rb]) > cap) continue;
      if (size[rb] > size[ra] || (size[rb] == size[ra] && rb < ra)) std::swap(ra, rb);
      parent[rb] = ra;  // into the bigger one, whose number the labels keep
      size[ra] += size[rb];
    }
    for (uint32_t g : group) parent[g] = find(g);
    return parent;
  }

  // Reassigns the articles of the closing stories `group` among them (refine_passes).
  void Refine(const std::vector<uint32_t>& group) {
    if (group.size() < 2) return;
    std::vector<DocInfo*> order;  // member (non-copy) documents, in arrival order
    std::vector<double> size(stories.size(), 0);
    if (scratch.size() < stories.size()) scratch.resize(stories.size(), 0);
    for (uint32_t g : group) {
      size[g] = static_cast<double>(stories[g]->docs.size());
      std::vector<uint32_t>& members = stories[g]->docs;
      std::sort(members.begin(), members.end());
    }
    std::vector<uint32_t> all;  // every document of the group, copies too, in arrival order
    for (uint32_t g : group)
      all.insert(all.end(), stories[g]->docs.begin(), stories[g]->docs.end());
    std::sort(all.begin(), all.end());
    for (uint32_t d : all)
      if (DocInfo& info = docs.at(d); info.copy_of == kNoDoc) order.push_back(&info);
    // Member sums are read from an index of (story, weight) per term, built once: a contiguous
    // scan instead of a hash lookup per story and term (measured: with lookups, the two passes
    // cost twice the online pass). The stories' own maps then only serve to unlink their
    // postings when they close, and to read a story's whole vector when merging.
    std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>> index;
    size_t reserve = 0;  // reserved once: the table is never iterated, only looked up
    for (uint32_t g : group) reserve += stories[g]->centroid.size();
    index.reserve(reserve);
    for (uint32_t g : group)
      for (const auto& [key, x] : stories[g]->centroid)
        if (x != 0) index[key].push_back({g, x});
    auto entry = [&](uint64_t key, uint32_t slot) -> float& {
      auto& entries = index[key];
      auto it = std::find_if(entries.begin(), entries.end(),
                             [&](const auto& e) { return e.first == slot; });
      if (it == entries.end()) it = entries.insert(entries.end(), {slot, 0.0f});
      return it->second;
    };
    // Dot products of `v` with the member sums of the group's stories, into scratch/touched.
    auto dots = [&](const auto& v, uint32_t skip) {
      for (const auto& [key, x] : v) {
        if (x == 0) continue;
        auto it = index.find(key);
        if (it == index.end()) continue;
        for (const auto& [s, weight] : it->second) {
          if (s == skip) continue;
          if (scratch[s] == 0) touched.push_back(s);
          scratch[s] += x * weight;
        }
      }
    };
    if (opt.refine_merge > 0 || opt.headline_refine_merge > 0) {
      // Fragments of one story (opened before its vocabulary settled) join the story their
      // centroid, read as one article, would join; smallest first, into a bigger one.
      std::vector<uint32_t> by_size(group);
      std::sort(by_size.begin(), by_size.end(), [&](uint32_t x, uint32_t y) {
        return std::make_pair(size[x], x) < std::make_pair(size[y], y);
      });
      std::vector<uint32_t> target(stories.size());
      for (uint32_t g : group) target[g] = g;
      for (uint32_t b : by_size) {
        OpenStory& sb = *stories[b];
        double merge = sb.is_short ? opt.headline_refine_merge : opt.refine_merge;
        if (sb.members == 0 || merge <= 0) continue;
        dots(sb.centroid, b);
        double norm = std::sqrt(std::max(sb.sq, 1e-12));
        uint32_t best = b;
        double best_score = merge;
        for (uint32_t s : touched) {
          double x = scratch[s];
          scratch[s] = 0;
          if (stories[s]->members == 0 || size[s] < size[b]) continue;
          double sc = MemoScore(x / norm, s, size[s], sb.is_short);
          if (sc >= best_score) best = s, best_score = sc;
        }
        touched.clear();
        if (best == b) continue;
        OpenStory& sa = *stories[best];
        for (const auto& [key, x] : sb.centroid) {
          if (x == 0) continue;
          float& in_a = sa.centroid[key];
          double old = in_a;
          in_a += x;
          entry(key, best) = in_a;
          entry(key, b) = 0;
          sa.sq += (old + x) * (old + x) - old * old;
        }
        sa.members += sb.members;
        size[best] += size[b];
        size[b] = 0;
        for (auto& [key, x] : sb.centroid) x = 0;
        sb.sq = 0;
        sb.members = 0;
        target[b] = best;
      }
      for (DocInfo* info : order)
        while (target[info->story] != info->story) info->story = target[info->story];
    }
    auto move = [&](const DocInfo& info, uint32_t slot, float sign) {
      OpenStory& st = *stories[slot];
      for (const auto& [key, x] : info.vec) {
        float& weight = entry(key, slot);
        double old = weight;
        weight += sign * x;
        st.sq += (old + sign * x) * (old + sign * x) - old * old;
      }
      st.members = sign > 0 ? st.members + 1 : st.members - 1;
      size[slot] += sign;
    };
    // Members by story, for the member gate; kept current as articles move.
    std::unordered_map<uint32_t, std::vector<DocInfo*>> members;
    for (DocInfo* info : order) members[info->story].push_back(info);
    auto self = [](const DocInfo* d) { return d; };
    std::vector<std::pair<double, uint32_t>> candidates;
    for (int pass = 0; pass < opt.refine_passes; ++pass) {
      size_t moved = 0;
      for (DocInfo* info : order) {
        bool is_short = info->short_text;
        uint32_t own = info->story;
        dots(info->vec, kNoDoc);
        // The own story is scored without the article (a unit vector: v.v = 1), which is only
        // taken out when it moves.
        const OpenStory& home = *stories[own];
        double own_dot = scratch[own] - 1.0;
        double threshold = is_short ? opt.headline_join_threshold : opt.join_threshold;
        uint32_t best = own;
        double best_score = home.members > 1 ? Score(own_dot, home.sq - 2 * own_dot - 1,
                                                     home.members - 1, size[own] - 1, is_short)
                                             : -1;
        candidates.clear();
        for (uint32_t s : touched) {
          double x = scratch[s];
          scratch[s] = 0;
          if (s == own || stories[s]->members == 0) continue;
          double sc = MemoScore(x, s, size[s], is_short);
          if (sc >= threshold && sc > best_score) candidates.push_back({sc, s});
        }
        scratch[own] = 0;
        touched.clear();
        std::sort(candidates.begin(), candidates.end(), std::greater<>());
        for (const auto& [sc, s] : candidates) {
          if (HasNeighbour(members[s], self, info->vec, Gate(is_short))) {
            best = s;
            break;
          }
        }
        if (best == own) continue;
        ++moved;
        move(*info, own, -1.0f);
        std::vector<DocInfo*>& from = members[own];
        from.erase(std::find(from.begin(), from.end(), info));
        info->story = best;
        members[best].push_back(info);
        move(*info, best, 1.0f);
      }
      if (moved == 0) break;
    }
    if (opt.headline_refine_link > 0) {
      std::vector<uint32_t> root = LinkFragments(group, index, size);
      for (DocInfo* info : order) info->story = root[info->story];
    }
    for (uint32_t g : group) stories[g]->docs.clear();
    for (uint32_t d : all) {
      DocInfo& info = docs.at(d);
      if (info.copy_of != kNoDoc) info.story = docs.at(info.copy_of).story;
      stories[info.story]->docs.push_back(d);
    }
  }

  // Closes the stories `group` together (refining their articles first when asked).
  void CloseAll(const std::vector<uint32_t>& group) {
    if (group.empty()) return;
    bool refine = opt.refine_passes > 0 && !opt.keep_stories;
    if (refine) {
      Refine(group);
      std::vector<std::pair<uint32_t, uint64_t>> out;
      for (uint32_t g : group)
        for (uint32_t d : stories[g]->docs) out.push_back({d, stories[g]->number});
      std::sort(out.begin(), out.end());
      for (const auto& [d, number] : out) {
        const DocInfo& info = docs.at(d);
        labels.push_back({info.id, number, stories[info.story]->id,
                          info.copy_of == kNoDoc ? std::string() : docs.at(info.copy_of).id});
      }
    }
    if (group.size() == by_time.size()) {
      // Every open story closes (each day of a dated stream, the end of an undated one): the
      // indexes are dropped whole rather than term by term and document by document.
      postings.clear();
      copies.Clear();
    }
    for (uint32_t g : group) Close(g);
  }
};

OnlineClusterer::OnlineClusterer(const ClusterOptions& options)
    : state_(std::make_unique<State>(options)) {}
OnlineClusterer::~OnlineClusterer() = default;

OnlineClusterer::OnlineClusterer(
    const ClusterOptions& options, const ClusterSnapshot& snapshot,
    const std::function<std::string_view(const std::string& article_id)>& text_of)
    : state_(std::make_unique<State>(options)) {
  State& S = *state_;
  if (snapshot.df.size() == S.df.size()) S.df = snapshot.df;
  S.docs_seen = snapshot.docs_seen;
  S.next_story = snapshot.next_story;
  std::unordered_map<std::string, uint32_t> story_slot, doc_slot;
  // Each document goes back as Add placed it: into its story's centroid and postings (copies
  // add nothing there) and into the copy index, in arrival order, so ties and the least
  // recently joined order come out as they were.
  for (const OpenDocument& d : snapshot.docs) {
    uint32_t slot = S.next_doc++;
    S.copies.FindAndAdd(slot, text_of(d.article_id));
    auto [it, fresh] = story_slot.try_emplace(d.story_id, static_cast<uint32_t>(S.stories.size()));
    if (fresh) {
      S.stories.push_back(std::make_unique<OpenStory>());
      OpenStory& st = *S.stories.back();
      st.number = d.story;
      st.id = d.story_id;
      st.is_short = d.short_text;
      st.last_time = d.arrival;
      st.touch = ++S.touches;
      S.by_time.insert({st.last_time, st.touch, it->second});
      S.next_story = std::max(S.next_story, d.story + 1);
    }
    uint32_t story = it->second;
    OpenStory& st = *S.stories[story];
    auto original = d.copy_of.empty() ? doc_slot.end() : doc_slot.find(d.copy_of);
    bool copy = original != doc_slot.end();
    if (!copy) {
      ++st.members;
      for (const auto& [key, x] : d.vec) {
        auto [c, added] = st.centroid.try_emplace(key, 0.0f);
        double old = c->second;
        c->second += x;
        std::vector<State::Posting>& list = S.postings[key];
        if (added) {
          list.push_back({story, c->second});
        } else {
          for (auto& posting : list)
            if (posting.slot == story) posting.weight = c->second;
        }
        st.sq += (old + x) * (old + x) - old * old;
      }
    }
    S.by_time.erase({st.last_time, st.touch, story});
    st.last_time = std::max(st.last_time, d.arrival);
    st.touch = ++S.touches;
    S.by_time.insert({st.last_time, st.touch, story});
    st.docs.push_back(slot);
    ++S.open_articles;
    for (int y : d.years)
      if (std::find(st.years.begin(), st.years.end(), y) == st.years.end() && st.years.size() < 16)
        st.years.push_back(y);
    DocInfo& info = S.docs[slot];
    info.story = story;
    info.id = d.article_id;
    info.short_text = d.short_text;
    info.arrival = d.arrival;
    info.years = d.years;
    if (copy) info.copy_of = original->second;
    else info.vec = d.vec;
    doc_slot[d.article_id] = slot;
  }
  S.now = snapshot.now;
}

ClusterSnapshot OnlineClusterer::Snapshot() const {
  const State& S = *state_;
  ClusterSnapshot snap;
  snap.options_digest = OptionsDigest(S.opt);
  snap.docs_seen = S.docs_seen;
  snap.now = S.now;
  snap.next_story = S.next_story;
  if (S.docs_seen > 0) snap.df = S.df;
  std::vector<uint32_t> slots;
  for (const auto& [slot, info] : S.docs) slots.push_back(slot);
  std::sort(slots.begin(), slots.end());  // slots are handed out in arrival order
  for (uint32_t slot : slots) {
    const DocInfo& info = S.docs.at(slot);
    const OpenStory& st = *S.stories[info.story];
    OpenDocument d;
    d.article_id = info.id;
    d.story_id = st.id;
    d.story = st.number;
    if (info.copy_of != kNoDoc) d.copy_of = S.docs.at(info.copy_of).id;
    d.short_text = info.short_text;
    d.arrival = info.arrival;
    d.vec = info.vec;
    d.years = info.years;
    snap.docs.push_back(std::move(d));
  }
  return snap;
}

size_t OnlineClusterer::open_stories() const { return state_->by_time.size(); }
size_t OnlineClusterer::open_articles() const { return state_->open_articles; }

std::vector<StoryGroup> OnlineClusterer::TakeFinished() {
  return std::exchange(state_->finished, {});
}

void OnlineClusterer::Finish() {
  std::vector<uint32_t> all;
  for (const auto& entry : state_->by_time) all.push_back(std::get<2>(entry));
  state_->CloseAll(all);
}

std::vector<FinalLabel> OnlineClusterer::TakeLabels() { return std::exchange(state_->labels, {}); }

bool OnlineClusterer::Late(const core::Article& a) const {
  const State& S = *state_;
  std::optional<double> t = TimeOf(a);
  if (!t || !std::isfinite(S.now)) return false;
  return S.Closed(*t, HeadlineOnly(a, S.opt.short_words));
}

Placement OnlineClusterer::Add(const core::Article& a) {
  State& S = *state_;
  std::optional<double> t = TimeOf(a);
  if (t && *t > S.now) S.AdvanceTo(*t);
  double now = std::isfinite(S.now) ? S.now : 0;

  // Terms weighted by the idf the stream has taught so far (this document included).
  bool is_short = HeadlineOnly(a, S.opt.short_words);
  std::vector<detail::Term> terms =
      detail::ExtractTerms(a, is_short ? S.headline_weights : S.weights);
  S.docs_seen += 1;
  for (const auto& term : terms) ++S.df[term.key & ((size_t{1} << kDfBits) - 1)];
  std::vector<std::pair<float, size_t>> w;  // weight, index into terms
  w.reserve(terms.size());
  for (size_t i = 0; i < terms.size(); ++i)
    w.push_back({(1.0f + std::log(std::max(1.0f, terms[i].weight))) * S.Idf(terms[i].key), i});
  if (w.size() > kMaxTerms) {
    std::nth_element(w.begin(), w.begin() + kMaxTerms, w.end(), std::greater<>());
    w.resize(kMaxTerms);
  }
  double norm = 0;
  for (const auto& [x, i] : w) norm += static_cast<double>(x) * x;
  norm = norm > 0 ? std::sqrt(norm) : 1;
  for (auto& [x, i] : w) x = static_cast<float>(x / norm);
  std::vector<std::pair<uint64_t, float>> vec;
  vec.reserve(w.size());
  for (const auto& [x, i] : w) vec.push_back({terms[i].key, x});
  std::sort(vec.begin(), vec.end());

  std::vector<int> years = detail::LeadYears(a, S.year_lines);
  // A copy of an article still in the window joins that article's story and family.
  uint32_t doc_slot = S.next_doc++;
  detail::CopyMatch copy = S.copies.FindAndAdd(doc_slot, a.text);
  int best = -1;
  double best_score = 0;
  // Each term's postings list as scoring found it, for the join to reuse (one hash lookup per
  // term, not two).
  std::vector<std::vector<State::Posting>*> lists(w.size(), nullptr);
  if (copy.doc != kNoDoc) {
    best = static_cast<int>(S.docs.at(copy.doc).story);
    best_score = copy.containment;
  } else {
    if (S.scratch.size() < S.stories.size()) S.scratch.resize(S.stories.size(), 0);
    for (size_t k = 0; k < w.size(); ++k) {
      const auto& [x, i] = w[k];
      auto it = S.postings.find(terms[i].key);
      if (it == S.postings.end()) continue;
      lists[k] = &it->second;
      for (const auto& [s, weight] : it->second) {
        if (S.scratch[s] == 0) S.touched.push_back(s);
        S.scratch[s] += x * weight;
      }
    }
    double threshold = is_short ? S.opt.headline_join_threshold : S.opt.join_threshold;
    std::vector<std::pair<double, uint32_t>> candidates;
    for (uint32_t s : S.touched) {
      const OpenStory& cand = *S.stories[s];
      double sim = S.MemoScore(S.scratch[s], s, static_cast<double>(cand.docs.size()), is_short);
      // pow(x, 0) is exactly 1: skipped for stories grown at the current time, most of them.
      if (double days = now - S.stories[s]->last_time; days > 0)
        sim *= std::pow(S.opt.daily_decay, days);
      // Same kind, different event: a lead dated in another year is another event.
      const std::vector<int>& sy = S.stories[s]->years;
      if (!years.empty() && !sy.empty() && std::none_of(years.begin(), years.end(), [&](int y) {
            return std::find(sy.begin(), sy.end(), y) != sy.end();
          }))
        sim *= S.opt.year_conflict_factor;
      S.scratch[s] = 0;
      if (sim >= threshold) candidates.push_back({sim, s});
    }
    S.touched.clear();
    // The best-scoring story with a member close to the article (member_gate).
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    auto open_doc = [&S](uint32_t d) -> const DocInfo* {
      const DocInfo& info = S.docs.at(d);
      return info.copy_of == kNoDoc ? &info : nullptr;
    };
    for (const auto& [sim, s] : candidates) {
      if (HasNeighbour(S.stories[s]->docs, open_doc, vec, S.Gate(is_short))) {
        best = static_cast<int>(s), best_score = sim;
        break;
      }
    }
  }

  Placement p;
  if (best < 0) {
    uint32_t slot;
    if (!S.free_slots.empty()) {
      slot = S.free_slots.back();
      S.free_slots.pop_back();
    } else {
      slot = static_cast<uint32_t>(S.stories.size());
      S.stories.emplace_back();
    }
    S.stories[slot] = std::make_unique<OpenStory>();
    OpenStory& st = *S.stories[slot];
    st.number = S.next_story++;
    st.is_short = is_short;
    st.last_time = now;
    st.touch = ++S.touches;
    S.by_time.insert({now, st.touch, slot});
    st.id = "s" + core::HashHex128("story:" + a.id).substr(0, 15);
    if (S.opt.keep_stories) st.out.story.id = st.id;
    best = static_cast<int>(slot);
    p.opened = true;
    // The least recently joined other story closes. Not always the first entry: a story
    // opened by an undated article before any dated one sits at time 0, after a new story
    // dated before 1970 (found by fuzz_cluster: the new story was closed under itself).
    if (S.by_time.size() > std::max<size_t>(1, S.opt.max_open_stories)) {
      for (const auto& entry : S.by_time) {
        if (std::get<2>(entry) == slot) continue;
        S.CloseAll({std::get<2>(entry)});
        break;
      }
    }
  }
  uint32_t slot = static_cast<uint32_t>(best);
  OpenStory& st = *S.stories[slot];
  p.story = st.number;
  p.story_id = st.id;

  if (!p.opened) {
    // Why: the terms that carried the cosine, heaviest first.
    core::StoryAttachment& why = p.why;
    why.article_id = a.id;
    why.score = best_score;
    why.reason = copy.doc != kNoDoc ? "copy" : "similar";
    if (copy.doc != kNoDoc) why.copy_of = S.docs.at(copy.doc).id;
    std::vector<std::pair<float, size_t>> contrib;
    for (const auto& [x, i] : w) {
      auto it = st.centroid.find(terms[i].key);
      if (it != st.centroid.end()) contrib.push_back({x * it->second, i});
    }
    std::sort(contrib.begin(), contrib.end(), std::greater<>());
    for (const auto& [c, i] : contrib) {
      if (why.shared_terms.size() < 6) why.shared_terms.push_back(terms[i].text);
      if (terms[i].kind != detail::kWord && why.shared_entities.size() < 4)
        why.shared_entities.push_back(terms[i].text);
    }
  }

  // Join: centroid (a copy adds nothing: five reprints of one dispatch must not outweigh the
  // outlets' own reports), postings, clock.
  if (copy.doc == kNoDoc) ++st.members;
  // The lists found by scoring are still valid when the article joined an open story; opening a
  // story may have closed another one since (mapped values keep their address otherwise).
  const bool reuse_lists = !p.opened;
  for (size_t k = 0; k < w.size(); ++k) {
    if (copy.doc != kNoDoc) break;
    const auto& [x, i] = w[k];
    auto [it, fresh] = st.centroid.try_emplace(terms[i].key, 0.0f);
    double old = it->second;
    it->second += x;
    std::vector<State::Posting>& list =
        reuse_lists && lists[k] ? *lists[k] : S.postings[terms[i].key];
    if (fresh) {
      list.push_back({slot, it->second});
    } else {
      for (auto& posting : list)
        if (posting.slot == slot) {
          posting.weight = it->second;
          break;
        }
    }
    st.sq += (old + x) * (old + x) - old * old;
  }
  S.by_time.erase({st.last_time, st.touch, slot});
  st.last_time = std::max(st.last_time, now);
  st.touch = ++S.touches;
  S.by_time.insert({st.last_time, st.touch, slot});
  st.docs.push_back(doc_slot);
  ++S.open_articles;
  for (int y : years)
    if (std::find(st.years.begin(), st.years.end(), y) == st.years.end() && st.years.size() < 16)
      st.years.push_back(y);

  DocInfo& info = S.docs[doc_slot];
  info.story = slot;
  info.id = a.id;
  if (copy.doc != kNoDoc) info.copy_of = copy.doc;
  if (S.KeepVectors() && copy.doc == kNoDoc) info.vec = std::move(vec);
  info.short_text = is_short;
  info.arrival = now;
  info.years = years;
  if (S.opt.keep_stories) {
    info.outlet = core::OutletOf(a);
    info.credit = a.wire.empty() ? std::string() : a.wire.front();
    core::Story& s = st.out.story;
    s.article_ids.push_back(a.id);
    st.outlets.insert(info.outlet);
    if (!a.date_published.empty()) {
      if (s.first_published.empty() || a.date_published < s.first_published)
        s.first_published = a.date_published;
      if (a.date_published > s.last_published) s.last_published = a.date_published;
    }
    double title_score = p.opened ? 0.0 : best_score;
    if (!a.title.empty() && title_score > st.best_title_score)
      st.best_title_score = title_score, s.title = a.title;
    if (!p.opened) s.attachments.push_back(p.why);
    // Independent voices: each copy family speaks once, for its agency when credited.
    if (copy.doc != kNoDoc) {
      DocInfo& orig = S.docs.at(copy.doc);
      if (orig.family < 0) {
        orig.family = static_cast<int>(st.out.families.size());
        st.out.families.push_back({{orig.id}, orig.credit});
      }
      info.family = orig.family;
      CopyFamily& f = st.out.families[static_cast<size_t>(info.family)];
      f.article_ids.push_back(a.id);
      if (f.credit.empty()) f.credit = info.credit;
    } else {
      st.voices.insert(info.credit.empty() ? "outlet:" + info.outlet : "wire:" + info.credit);
    }
  }
  return p;
}

}  // namespace wirebrief::cluster
