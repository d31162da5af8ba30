#include "cluster/presets.h"

namespace wirebrief::cluster {

ClusterOptions LabelStreamOptions() {
  ClusterOptions o;
  o.keep_stories = false;
  o.window_days = 0;
  o.headline_window_days = 0;
  o.refine_passes = 2;
  o.headline_refine_merge = 1.1;
  o.headline_refine_link = 0.18;
  o.refine_link_max_smaller = 20;
  o.headline_join_threshold = 0.2;
  o.join_threshold = 0.28;
  o.linkage = 0.85;
  o.year_conflict_factor = 0.5;
  return o;
}

ClusterOptions StoryStreamOptions() {
  ClusterOptions o = LabelStreamOptions();
  o.window_days = 2;
  o.headline_window_days = 0;
  o.cross_language_join_threshold = 0.2;
  return o;
}

}  // namespace wirebrief::cluster
