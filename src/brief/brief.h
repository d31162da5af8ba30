// brief/: a story -> a brief an analyst reads in a minute: lede, why it matters, one line per
// stakeholder, what's next, key figures (with disagreements across outlets flagged), a
// timeline and the sources.
//
// Extractive: every prose line is a source sentence, and every line carries citations (article
// id + byte span of the sentence in that article's text), so each statement can be checked
// against its source. Lines that compare figures are assembled from cited figures only.
//
// Thread safety: BuildBrief is reentrant. Never fails; a story whose articles have no usable
// sentences gets a brief with only its sources.
#pragma once

#include <vector>

#include "cluster/cluster.h"
#include "core/model.h"

namespace wirebrief::brief {

struct BriefOptions {
  size_t max_why = 2;           // Default: 2.
  size_t max_stakeholders = 5;  // Default: 5.
  size_t max_whats_next = 3;    // Default: 3.
  size_t max_figures = 6;       // Default: 6.
  size_t max_timeline = 8;      // Default: 8.
};

// `articles` are the story's members (any order); ids must match group.story.article_ids.
core::Brief BuildBrief(const cluster::StoryGroup& group,
                       const std::vector<const core::Article*>& articles,
                       const BriefOptions& options);

}  // namespace wirebrief::brief
