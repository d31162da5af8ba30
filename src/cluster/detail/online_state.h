// The online clusterer's state, shared by its three files: cluster.cc (placing an article,
// closing stories), detail/refine.cc (a label stream's window refinement) and
// online_snapshot.cc (the open window saved and restored).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cluster/cluster.h"
#include "cluster/detail/copies.h"
#include "cluster/detail/terms.h"

namespace wirebrief::cluster {
namespace detail {

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
  // Its language's primary subtag ("de", "zh"; empty when unknown) and its figures, names and
  // countries as a unit vector sorted by key (ClusterOptions::cross_language_join_threshold).
  std::string language;
  std::vector<std::pair<uint64_t, float>> anchors;
};

inline double SparseDot(const std::vector<std::pair<uint64_t, float>>& a,
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

// HasNeighbour on the members' anchor vectors (DocInfo::anchors).
template <typename Members, typename Get>
bool HasAnchorNeighbour(const Members& members, Get get,
                        const std::vector<std::pair<uint64_t, float>>& anchors, double gate) {
  if (gate <= 0) return true;
  for (const auto& m : members) {
    const DocInfo* info = get(m);
    if (info != nullptr && !info->anchors.empty() && SparseDot(anchors, info->anchors) >= gate)
      return true;
  }
  return false;
}

struct OpenStory {
  uint64_t number = 0;
  std::string id;                                // stable, minted when the story opens
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
  // Members' languages (distinct; "" for unknown) and the sum of their anchor vectors.
  std::vector<std::string> languages;
  std::unordered_map<uint64_t, float> anchor_sum;
  double anchor_sq = 0;
};

// Member sums of a closing group of stories per term, (story slot, weight) (see State::Refine).
using GroupIndex = std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>>;

}  // namespace detail

struct OnlineClusterer::State {
  using DocInfo = detail::DocInfo;
  using OpenStory = detail::OpenStory;

  ClusterOptions opt;
  detail::TermWeights weights;           // articles with a body
  detail::TermWeights headline_weights;  // headline-only articles
  detail::CopyIndex copies;
  std::vector<uint32_t> df = std::vector<uint32_t>(size_t{1} << detail::kDfBits, 0);
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
    weights.countries = headline_weights.countries = o.cross_language_join_threshold > 0;
  }

  float Idf(uint64_t key) const {
    double d = df[key & ((size_t{1} << detail::kDfBits) - 1)];
    return static_cast<float>(std::log((docs_seen + 1) / (d + 1)) + 1.0);
  }

  // Closing (cluster.cc).
  void Close(uint32_t slot);
  // Whether a story of this kind whose newest member is at `last` has closed at `now`. A
  // headline story's window counts whole days (UTC): headlines of one day reach the clusterer
  // in HeadlineDayOrder, not by time, so within a day the clock says nothing about them, and
  // with headline_window_days 0 a timestamped feed item closed its story as soon as a later
  // item arrived.
  bool Closed(double last, bool is_short) const {
    if (is_short) return std::floor(now) - std::floor(last) > opt.headline_window_days + 1e-9;
    return now - last > opt.window_days + 1e-9;
  }
  void AdvanceTo(double t);
  // Closes the stories `group` together (refining their articles first when asked).
  void CloseAll(const std::vector<uint32_t>& group);

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

  // Placing an article (cluster.cc, the steps of OnlineClusterer::Add, in order).
  struct ArticleVector {
    std::vector<detail::Term> terms;
    std::vector<std::pair<float, size_t>> w;      // weight, index into terms; heaviest kMaxTerms
    std::vector<std::pair<uint64_t, float>> vec;  // the same as a unit vector sorted by key
    std::string language;                         // DocInfo::language
    std::vector<std::pair<uint64_t, float>> anchors;  // DocInfo::anchors
  };
  ArticleVector Vectorize(const core::Article& a, bool is_short);
  // The best-scoring open story the article may join at time `at` (-1 when none) and its score;
  // `lists` gets each term's postings list as scoring found it.
  std::pair<int, double> BestStory(const ArticleVector& v, const std::vector<int>& years,
                                   bool is_short, double at,
                                   std::vector<std::vector<Posting>*>* lists);
  uint32_t OpenStoryFor(const core::Article& a, bool is_short, double at);
  core::StoryAttachment Explain(const core::Article& a, const OpenStory& st, const ArticleVector& v,
                                const detail::CopyMatch& copy, double score) const;
  void AddToCentroid(uint32_t slot, const ArticleVector& v,
                     const std::vector<std::vector<Posting>*>* found_lists);
  // The article's cosine with the story on anchors alone when the story has no member in its
  // language (cross_language_join_threshold), else -1.
  double CrossLanguageScore(const ArticleVector& v, const OpenStory& st) const;
  void AddLanguage(OpenStory& st, const std::string& language,
                   const std::vector<std::pair<uint64_t, float>>& anchors);
  void Touch(uint32_t slot, double at);
  void AddYears(OpenStory& st, const std::vector<int>& years);
  void KeepMember(const core::Article& a, OpenStory& st, DocInfo& info, const Placement& p,
                  double score, const detail::CopyMatch& copy);

  // Refining a closing window (detail/refine.cc).
  using GroupIndex = detail::GroupIndex;
  // Reassigns the articles of the closing stories `group` among them (refine_passes).
  void Refine(const std::vector<uint32_t>& group);
  void MergeFragments(const std::vector<uint32_t>& group, const std::vector<DocInfo*>& order,
                      GroupIndex* index, std::vector<double>* size);
  void ReassignArticles(const std::vector<DocInfo*>& order, GroupIndex* index,
                        std::vector<double>* size);
  void MoveArticle(const DocInfo& info, uint32_t slot, float sign, GroupIndex* index,
                   std::vector<double>* size);
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
  std::vector<uint32_t> LinkFragments(const std::vector<uint32_t>& group, const GroupIndex& index,
                                      std::vector<double> size);
};

}  // namespace wirebrief::cluster
