// cluster/: groups articles into stories (all coverage of one event) and, inside a story,
// wire-copy families (the same agency text republished with local edits).
//
// Stories are built online: articles arrive in publication order and each joins the most
// similar open story (TF-IDF cosine over title, body and named entities against the story's
// centroid, within a time window) or opens a new one. Copy families are near-duplicate groups
// by word 5-gram Jaccard similarity; an outlet that only republishes a family's copy does not
// count as independent corroboration.
//
// Thread safety: ClusterStories is reentrant. Never fails.
#pragma once

#include <vector>

#include "core/model.h"

namespace wirebrief::cluster {

struct ClusterOptions {
  // Minimum cosine similarity between an article and a story centroid to join it.
  // Default: 0.20 (between-event pairs of the same kind score below it on the demo's earthquakes;
  // retuned against ../shared/bench/clustering by the clustering work).
  double join_threshold = 0.20;
  // An article joins only stories whose latest article is at most this many days older.
  // Default: 4.
  int window_days = 4;
  // Word 5-gram Jaccard similarity at or above which two articles are copies. Default: 0.35.
  double copy_threshold = 0.35;
};

struct CopyFamily {
  std::vector<std::string> article_ids;  // earliest (the original) first
};

struct StoryGroup {
  core::Story story;
  std::vector<CopyFamily> families;  // only families of two or more copies
};

// REQUIRES: article ids are unique. Articles may come in any order; they are processed by
// publication date (then id) so the result does not depend on input order.
std::vector<StoryGroup> ClusterStories(const std::vector<const core::Article*>& articles,
                                       const ClusterOptions& options);

}  // namespace wirebrief::cluster
