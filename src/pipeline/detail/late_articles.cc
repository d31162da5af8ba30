#include "pipeline/detail/late_articles.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/date.h"

namespace wirebrief::pipeline::detail {
namespace {

// A pass reads at most this many stored articles (bounds its memory: about 20 KB each with
// annotations), and takes at most this many late ones.
constexpr size_t kMaxPassArticles = 100000;
constexpr size_t kMaxLatePerPass = 10000;
// Late articles further apart than this (beyond the window on each side) get passes of their
// own, so a pass reads the days around them and not the weeks between.
constexpr double kPassSpanDays = 3;

std::string IsoDay(double days) {
  return core::FormatIsoDate(core::CivilFromDays(static_cast<long>(std::floor(days))));
}

// One pass: its late articles, and every article it clusters (the stored ones around them and
// the late ones), of which `known` are the stored ones that are not late.
struct Pass {
  std::set<std::string> late_ids;
  std::vector<core::Article> articles;
  std::vector<std::string> known;
};

// Reads the pass of late[first, end): the days a story it could have joined spans, with a day's
// margin for time zones.
core::Status ReadPass(store::Store* store, const std::vector<LateArticle>& late, size_t first,
                      size_t end, double window, std::vector<std::string>* warnings, Pass* pass) {
  for (size_t i = first; i < end; ++i) pass->late_ids.insert(late[i].id);
  auto around =
      store->LoadArticlesPublishedIn(IsoDay(late[first].time - window - 1),
                                     IsoDay(late[end - 1].time + window + 2), kMaxPassArticles + 1);
  if (!around.ok()) return around.status();
  if (around->size() > kMaxPassArticles) {
    around->resize(kMaxPassArticles);
    warnings->push_back("late articles from " + IsoDay(late[first].time) + ": more than " +
                        std::to_string(kMaxPassArticles) +
                        " stored articles around them; placed among the earliest of them");
  }
  // Late articles dated only by their crawl, or cut off above, are read by id.
  std::set<std::string> missing = pass->late_ids;
  for (auto& a : around.value()) {
    if (pass->late_ids.count(a.id)) {
      missing.erase(a.id);
    } else {
      pass->known.push_back(a.id);
    }
    pass->articles.push_back(std::move(a));
  }
  around->clear();
  for (const auto& id : missing) {
    auto a = store->LoadArticle(id);
    if (!a.ok()) return a.status();
    pass->articles.push_back(std::move(a).value());
  }
  return core::Status::Ok();
}

// Where each article of a pass went, clustered alone: id -> (group, copy_of).
using Groups = std::map<std::string, std::pair<std::string, std::string>>;

// Clusters the pass's articles (taken) with the stream's idf; `why` gets the late articles'
// explanations.
Groups ClusterPass(const cluster::ClusterOptions& options, const cluster::ClusterSnapshot& idf,
                   Pass* pass, std::map<std::string, core::StoryAttachment>* why) {
  cluster::OnlineClusterer clusterer(options, idf,
                                     [](const std::string&) { return std::string_view(); });
  cluster::HeadlineDayOrder day_order(options.short_words);
  std::vector<core::Article> ready = StreamOrder(std::move(pass->articles), &day_order);
  day_order.Flush(&ready);
  Groups group_of;
  for (const core::Article& a : ready) {
    cluster::Placement p = clusterer.Add(a);
    if (pass->late_ids.count(a.id) && !p.opened) (*why)[a.id] = p.why;
    group_of[a.id] = {p.story_id, ""};
  }
  ready.clear();
  clusterer.Finish();
  // Refined labels, when the options refine (the product's do); else Add's were final.
  for (auto& l : clusterer.TakeLabels()) group_of[l.article_id] = {l.story_id, l.copy_of};
  return group_of;
}

// Each group's known articles by story: stored stories and this update's new ones apart.
struct Votes {
  std::map<std::string, size_t> stored, fresh;  // story -> known articles in the group
};

std::map<std::string, Votes> CountVotes(
    const std::unordered_map<std::string, std::string>& story_of, const Groups& group_of,
    const KnownStories& known_stories) {
  std::map<std::string, Votes> votes;  // by group
  for (const auto& [id, story] : story_of) {
    auto it = group_of.find(id);
    if (it == group_of.end()) continue;
    Votes& v = votes[it->second.first];
    if (known_stories.new_story_sizes.count(story)) {
      ++v.fresh[story];
    } else {
      ++v.stored[story];
    }
  }
  return votes;
}

std::string Most(const std::map<std::string, size_t>& counts) {
  std::string best;
  size_t n = 0;
  for (const auto& [story, c] : counts)
    if (c > n) n = c, best = story;  // map order: the smaller id wins a tie
  return best;
}

// Each late article goes to the story most of its group's known articles are in (stored stories
// first), else to its group as a new story. Returns group -> story.
std::map<std::string, std::string> PlaceInGroups(const Pass& pass, const Groups& group_of,
                                                 const std::map<std::string, Votes>& votes,
                                                 std::map<std::string, core::StoryAttachment>* why,
                                                 std::vector<LatePlacement>* out) {
  std::map<std::string, std::string> target;  // group -> story
  for (const auto& id : pass.late_ids) {
    auto it = group_of.find(id);
    if (it == group_of.end()) continue;  // not read (cannot happen: every late id is read)
    const std::string& group = it->second.first;
    auto [t, fresh_target] = target.try_emplace(group, group);
    if (fresh_target) {
      if (auto v = votes.find(group); v != votes.end()) {
        std::string best = Most(v->second.stored);
        if (best.empty()) best = Most(v->second.fresh);
        if (!best.empty()) t->second = best;
      }
    }
    LatePlacement p;
    p.article_id = id;
    p.story_id = t->second;
    p.copy_of = it->second.second;
    if (auto w = why->find(id); w != why->end()) p.why = std::move(w->second);
    out->push_back(std::move(p));
  }
  return target;
}

// New stories that are mostly a group's move into its story, whole (their members outside the
// pass's range too).
void MoveNewStories(const std::map<std::string, std::string>& target,
                    const std::map<std::string, Votes>& votes, const KnownStories& known_stories,
                    std::vector<LatePlacement>* out) {
  for (const auto& [group, story] : target) {
    auto v = votes.find(group);
    if (v == votes.end()) continue;
    for (const auto& [fresh, in_group] : v->second.fresh) {
      if (fresh == story) continue;
      auto size = known_stories.new_story_sizes.find(fresh);
      if (size == known_stories.new_story_sizes.end() || 2 * in_group < size->second) continue;
      LatePlacement p;
      p.story_id = story;
      p.from_story = fresh;
      out->push_back(std::move(p));
    }
  }
}

}  // namespace

std::vector<core::Article> StreamOrder(std::vector<core::Article> batch,
                                       cluster::HeadlineDayOrder* day_order) {
  std::vector<std::pair<double, size_t>> keyed;
  for (size_t i = 0; i < batch.size(); ++i)
    keyed.push_back(
        {cluster::ArticleTime(batch[i]).value_or(std::numeric_limits<double>::infinity()), i});
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<core::Article> ready;
  for (const auto& [t, i] : keyed) day_order->Push(std::move(batch[i]), &ready);
  return ready;
}

core::Result<std::vector<LatePlacement>> PlaceLateArticles(store::Store* store,
                                                           const cluster::ClusterOptions& options,
                                                           const cluster::ClusterSnapshot& learned,
                                                           std::vector<LateArticle> late,
                                                           const KnownStories& known_stories,
                                                           std::vector<std::string>* warnings) {
  std::vector<LatePlacement> out;
  std::sort(late.begin(), late.end(), [](const LateArticle& x, const LateArticle& y) {
    return x.time != y.time ? x.time < y.time : x.id < y.id;
  });
  // The idf the stream has learned, with no open document.
  cluster::ClusterSnapshot idf;
  idf.options_digest = learned.options_digest;
  idf.docs_seen = learned.docs_seen;
  idf.df = learned.df;
  const double window = std::max(options.window_days, options.headline_window_days);

  for (size_t first = 0; first < late.size();) {
    size_t end = first + 1;
    while (end < late.size() && end - first < kMaxLatePerPass &&
           late[end].time - late[first].time <= kPassSpanDays)
      ++end;
    Pass pass;
    WB_RETURN_IF_ERROR(ReadPass(store, late, first, end, window, warnings, &pass));
    auto story_of = known_stories.stories_of(pass.known);
    if (!story_of.ok()) return story_of.status();
    std::map<std::string, core::StoryAttachment> why;
    Groups group_of = ClusterPass(options, idf, &pass, &why);
    std::map<std::string, Votes> votes = CountVotes(story_of.value(), group_of, known_stories);
    std::map<std::string, std::string> target = PlaceInGroups(pass, group_of, votes, &why, &out);
    MoveNewStories(target, votes, known_stories, &out);
    first = end;
  }
  return out;
}

}  // namespace wirebrief::pipeline::detail
