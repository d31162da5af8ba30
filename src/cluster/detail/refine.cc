// A label stream's window refinement (ClusterOptions::refine_passes, refine_merge,
// headline_refine_link): when stories close together, their articles are reassigned among them
// before the labels are final.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "cluster/detail/online_state.h"

namespace wirebrief::cluster {

using detail::DocInfo;
using detail::HasNeighbour;
using detail::kNoDoc;
using detail::OpenStory;

namespace {

// The weight of `slot` for `key` in `index`, added as 0 when the story has none yet.
float& Entry(detail::GroupIndex& index, uint64_t key, uint32_t slot) {
  auto& entries = index[key];
  auto it =
      std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == slot; });
  if (it == entries.end()) it = entries.insert(entries.end(), {slot, 0.0f});
  return it->second;
}

// Dot products of `v` with the member sums of the group's stories (but `skip`), into
// scratch/touched.
template <typename Vector>
void Dots(const detail::GroupIndex& index, const Vector& v, uint32_t skip,
          std::vector<float>* scratch, std::vector<uint32_t>* touched) {
  for (const auto& [key, x] : v) {
    if (x == 0) continue;
    auto it = index.find(key);
    if (it == index.end()) continue;
    for (const auto& [s, weight] : it->second) {
      if (s == skip) continue;
      if ((*scratch)[s] == 0) touched->push_back(s);
      (*scratch)[s] += x * weight;
    }
  }
}

}  // namespace

void OnlineClusterer::State::Refine(const std::vector<uint32_t>& group) {
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
  for (uint32_t g : group) all.insert(all.end(), stories[g]->docs.begin(), stories[g]->docs.end());
  std::sort(all.begin(), all.end());
  for (uint32_t d : all)
    if (DocInfo& info = docs.at(d); info.copy_of == kNoDoc) order.push_back(&info);
  // Member sums are read from an index of (story, weight) per term, built once: a contiguous
  // scan instead of a hash lookup per story and term (measured: with lookups, the two passes
  // cost twice the online pass). The stories' own maps then only serve to unlink their
  // postings when they close, and to read a story's whole vector when merging.
  GroupIndex index;
  size_t reserve = 0;  // reserved once: the table is never iterated, only looked up
  for (uint32_t g : group) reserve += stories[g]->centroid.size();
  index.reserve(reserve);
  for (uint32_t g : group)
    for (const auto& [key, x] : stories[g]->centroid)
      if (x != 0) index[key].push_back({g, x});
  if (opt.refine_merge > 0 || opt.headline_refine_merge > 0)
    MergeFragments(group, order, &index, &size);
  ReassignArticles(order, &index, &size);
  if (opt.headline_refine_link > 0) {
    std::vector<uint32_t> root = LinkFragments(group, index, size);
    for (DocInfo* info : order) info->story = root[info->story];
  }
  // Copies follow their originals.
  for (uint32_t g : group) stories[g]->docs.clear();
  for (uint32_t d : all) {
    DocInfo& info = docs.at(d);
    if (info.copy_of != kNoDoc) info.story = docs.at(info.copy_of).story;
    stories[info.story]->docs.push_back(d);
  }
}

// Fragments of one story (opened before its vocabulary settled) join the story their centroid,
// read as one article, would join; smallest first, into a bigger one.
void OnlineClusterer::State::MergeFragments(const std::vector<uint32_t>& group,
                                            const std::vector<DocInfo*>& order, GroupIndex* index,
                                            std::vector<double>* size_of) {
  std::vector<double>& size = *size_of;
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
    Dots(*index, sb.centroid, b, &scratch, &touched);
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
      Entry(*index, key, best) = in_a;
      Entry(*index, key, b) = 0;
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

// Up to refine_passes passes over the articles in arrival order, each moving to the story it
// now scores best with (its own scored without it); stops early when a pass moves none.
void OnlineClusterer::State::ReassignArticles(const std::vector<DocInfo*>& order, GroupIndex* index,
                                              std::vector<double>* size_of) {
  std::vector<double>& size = *size_of;
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
      Dots(*index, info->vec, kNoDoc, &scratch, &touched);
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
      MoveArticle(*info, own, -1.0f, index, size_of);
      std::vector<DocInfo*>& from = members[own];
      from.erase(std::find(from.begin(), from.end(), info));
      info->story = best;
      members[best].push_back(info);
      MoveArticle(*info, best, 1.0f, index, size_of);
    }
    if (moved == 0) break;
  }
}

// Adds (sign 1) or takes (sign -1) the article's vector to or from the story's member sum.
void OnlineClusterer::State::MoveArticle(const DocInfo& info, uint32_t slot, float sign,
                                         GroupIndex* index, std::vector<double>* size) {
  OpenStory& st = *stories[slot];
  for (const auto& [key, x] : info.vec) {
    float& weight = Entry(*index, key, slot);
    double old = weight;
    weight += sign * x;
    st.sq += (old + sign * x) * (old + sign * x) - old * old;
  }
  st.members = sign > 0 ? st.members + 1 : st.members - 1;
  (*size)[slot] += sign;
}

std::vector<uint32_t> OnlineClusterer::State::LinkFragments(const std::vector<uint32_t>& group,
                                                            const GroupIndex& index,
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

}  // namespace wirebrief::cluster
