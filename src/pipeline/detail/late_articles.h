// Articles that reach the story engine after their time (UpdateStories): a report published
// before the open window (a page fetched late, an archive given after the news it covers).
// The clusterer would place one among today's stories (cluster::OnlineClusterer::Late); here it
// goes where it would have gone had it arrived on time.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster.h"
#include "cluster/snapshot.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace wirebrief::pipeline::detail {

// The order the clusterer wants a batch in: by publication instant, input order within one
// instant (undated articles keep their order and go last, as in cluster::ClusterStories), then
// a day's headlines longest first (cluster::HeadlineDayOrder, which may hold some back).
std::vector<core::Article> StreamOrder(std::vector<core::Article> batch,
                                       cluster::HeadlineDayOrder* day_order);

struct LateArticle {
  std::string id;
  double time = 0;  // cluster::ArticleTime
};

struct LatePlacement {
  std::string article_id;  // empty when a whole new story moves (from_story)
  std::string story_id;    // a story it joins, or the id of a story it opens
  std::string from_story;  // a new story that moves whole into story_id (below); else empty
  std::string copy_of;     // the original it copies, when it is a copy
  core::StoryAttachment why;
};

// What the update knows of the stored articles' stories.
struct KnownStories {
  // The stories of known articles, by article id (articles in no story left out): this
  // update's labels first, then the store's.
  std::function<core::Result<std::unordered_map<std::string, std::string>>(
      const std::vector<std::string>&)>
      stories_of;
  // The stories this update opens (no reader has seen their ids), with their sizes.
  std::unordered_map<std::string, size_t> new_story_sizes;
};

// Places each late article among the stories around its date. The stored articles published
// within the window of it (found through the publication-date index:
// Store::LoadArticlesPublishedIn) are clustered again together with the late ones, in stream
// order, by a throwaway clusterer with `options` and the document frequencies the stream has
// learned (`learned`'s; its documents are not used). A late article then joins the stored
// story that holds most of the known articles of its group (its story in that pass; ties: the
// smaller id); else the new story holding most of them; else it opens a story with the late
// articles of its group (id minted by the clusterer, from the article that opened it). Stored
// stories keep their members. A story this update opens moves whole into the group's stored
// story when at least half of it is in the group: it opened only because the articles it
// belongs with came late (a copy published the day after the report it copies, both given in
// one run after the stream had moved on); each such move comes back as a placement with
// `from_story` set and no article_id (every member of from_story moves to story_id).
//
// Cost follows the late articles' dates, not the store: late articles within a few days of each
// other share one pass, and a pass reads at most 100,000 stored articles (beyond that, the
// earliest; a warning says so). Errors: the store's.
core::Result<std::vector<LatePlacement>> PlaceLateArticles(store::Store* store,
                                                           const cluster::ClusterOptions& options,
                                                           const cluster::ClusterSnapshot& learned,
                                                           std::vector<LateArticle> late,
                                                           const KnownStories& known,
                                                           std::vector<std::string>* warnings);

}  // namespace wirebrief::pipeline::detail
