// The stream helpers around OnlineClusterer: the day order for headlines, the label-stream
// preset and the whole-collection pass.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "cluster/cluster.h"
#include "cluster/detail/article_time.h"
#include "core/hash.h"

namespace wirebrief::cluster {

using detail::HeadlineOnly;
using detail::TimeOf;

HeadlineDayOrder::HeadlineDayOrder(size_t short_words, size_t max_buffered)
    : short_words_(short_words), max_buffered_(std::max<size_t>(1, max_buffered)) {}

void HeadlineDayOrder::Push(core::Article article, std::vector<core::Article>* ready) {
  std::optional<double> t = TimeOf(article);
  if (t) {
    auto day = static_cast<int64_t>(std::floor(*t));
    // Any article of another day ends the waiting one first, a full-text one too: released
    // after it, the waiting headlines would reach the clusterer after its clock had moved on.
    if (!day_.empty() && day != day_number_) Flush(ready);
    if (HeadlineOnly(article, short_words_)) {
      if (day_.size() >= max_buffered_) Flush(ready);
      day_number_ = day;
      day_.push_back(std::move(article));
      return;
    }
  }
  ready->push_back(std::move(article));
}

void HeadlineDayOrder::Flush(std::vector<core::Article>* ready) {
  std::vector<std::pair<std::pair<size_t, uint64_t>, size_t>> order;  // (title bytes, id hash)
  order.reserve(day_.size());
  for (size_t i = 0; i < day_.size(); ++i)
    order.push_back({{day_[i].title.size(), core::Hash64(day_[i].id)}, i});
  std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    if (x.first.first != y.first.first) return x.first.first > y.first.first;
    return x.first.second != y.first.second ? x.first.second < y.first.second : x.second < y.second;
  });
  for (const auto& [key, i] : order) ready->push_back(std::move(day_[i]));
  day_.clear();
}

std::optional<double> ArticleTime(const core::Article& article) { return TimeOf(article); }
bool IsHeadlineOnly(const core::Article& article, size_t short_words) {
  return HeadlineOnly(article, short_words);
}

StoryGroup AssembleStory(const std::string& id, const std::vector<const core::Article*>& members,
                         std::vector<CopyFamily> families,
                         std::vector<core::StoryAttachment> attachments) {
  StoryGroup g;
  core::Story& s = g.story;
  s.id = id;
  std::map<std::string, double> score;
  for (const auto& why : attachments) score[why.article_id] = why.score;
  std::map<std::string, const core::Article*> copy_original;  // copy -> the family's original
  for (const CopyFamily& f : families)
    for (size_t i = 1; i < f.article_ids.size(); ++i) copy_original[f.article_ids[i]] = nullptr;
  std::set<std::string> outlets, voices;
  double best = -1;
  for (const core::Article* a : members) {
    s.article_ids.push_back(a->id);
    std::string outlet = core::OutletOf(*a);
    outlets.insert(outlet);
    if (!a->date_published.empty()) {
      if (s.first_published.empty() || a->date_published < s.first_published)
        s.first_published = a->date_published;
      if (a->date_published > s.last_published) s.last_published = a->date_published;
    }
    auto it = score.find(a->id);
    double sc = it == score.end() ? 0.0 : it->second;
    if (!a->title.empty() && sc > best) best = sc, s.title = a->title;
    // A copy repeats its family's voice; everyone else speaks for their agency or outlet.
    if (copy_original.count(a->id)) continue;
    voices.insert(!a->wire.empty() ? "wire:" + a->wire.front() : "outlet:" + outlet);
  }
  s.outlets.assign(outlets.begin(), outlets.end());
  // Voices of agencies an outlet credits can outnumber the outlets (two articles of one
  // unknown outlet, one crediting a wire): independent outlets never exceed outlets.
  s.independent_outlets = static_cast<int>(std::min(voices.size(), outlets.size()));
  std::set<std::string> member_ids(s.article_ids.begin(), s.article_ids.end());
  for (const auto& why : attachments)
    if (member_ids.count(why.article_id)) s.attachments.push_back(why);
  std::erase_if(families, [](const CopyFamily& f) { return f.article_ids.size() < 2; });
  g.families = std::move(families);
  return g;
}

std::string OptionsDigest(const ClusterOptions& o) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%.6g %.6g %zu %.6g %.6g %.6g %.6g %.6g %.6g %.6g %.6g %.6g %.6g %zu %d %.6g %.6g "
                "%.6g %zu %.6g %.6g",
                o.join_threshold, o.headline_join_threshold, o.short_words, o.headline_size_prior,
                o.size_prior, o.linkage, o.headline_linkage, o.window_days, o.daily_decay,
                o.year_conflict_factor, o.headline_member_gate, o.member_gate, o.copy_containment,
                o.max_open_stories, o.refine_passes, o.refine_merge, o.headline_refine_merge,
                o.headline_refine_link, o.refine_link_max_smaller, o.headline_window_days,
                o.cross_language_join_threshold);
  return core::HashHex128(std::string("cluster-options-v1 ") + buf).substr(0, 16);
}

std::vector<StoryGroup> ClusterStories(const std::vector<const core::Article*>& input,
                                       const ClusterOptions& options) {
  std::vector<const core::Article*> arts(input);
  // By the instant of publication (offsets applied), undated last, then id.
  std::vector<std::pair<double, const core::Article*>> keyed;
  for (const auto* a : arts)
    keyed.push_back({TimeOf(*a).value_or(std::numeric_limits<double>::infinity()), a});
  std::sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : x.second->id < y.second->id;
  });
  for (size_t i = 0; i < keyed.size(); ++i) arts[i] = keyed[i].second;
  ClusterOptions o = options;
  o.keep_stories = true;
  OnlineClusterer c(o);
  for (const auto* a : arts) c.Add(*a);
  c.Finish();
  return c.TakeFinished();
}

}  // namespace wirebrief::cluster
