// brief/: a story -> a brief an analyst reads in a minute: a lede, short context, why it
// matters, one line per stakeholder, what's next, key figures (with disagreements across outlets
// flagged), a timeline and the sources.
//
// Extractive: every prose line is a source sentence or a deletion-only compression of one
// (attribution tails, parentheticals), and every line carries citations (article id + byte span
// of the sentence in that article's text). A line whose content words or numbers are not covered
// by its cited sentences (brief/support.h) is not emitted. Quotes appear only inside the
// sentence that attributes them. Copies of one wire text count as one source: lines cite the
// earliest copy, plus the same statement in independent outlets. Each thing is said once: no
// source sentence is cited by two prose lines (key figures and the timeline, which index facts
// by number and date, may cite a line's sentence), no text is two lines, a restatement of a
// sentence (a reprint, a repeated paragraph) is not a line of its own, and of a quotation's
// run and the sentences inside it only one becomes a line.
//
// Thread safety: BuildBrief is reentrant. Never fails; a story whose articles have no usable
// sentences gets a brief with only its sources.
#pragma once

#include <cstddef>
#include <vector>

#include "cluster/cluster.h"
#include "core/model.h"

namespace wirebrief::brief {

struct BriefOptions {
  // Words shared by the prose lines (lede, context, why it matters, stakeholders, what's next);
  // counted on whitespace like the summarisation kit. Default: 250.
  size_t max_words = 250;
  size_t max_why = 2;           // Default: 2.
  size_t max_stakeholders = 5;  // Default: 5.
  size_t max_whats_next = 3;    // Default: 3.
  size_t max_figures = 6;       // Default: 6.
  size_t max_timeline = 8;      // Default: 8.
  size_t max_citations = 4;     // per prose line: the sentence plus corroboration. Default: 4.
  // Delete attribution tails and parentheticals when the shorter line still passes the support
  // check, leaving room for more facts in the word budget. Default: true.
  bool compress = true;
};

// `articles` are the story's members (any order); ids must match group.story.article_ids.
// Sentences are taken from each article's annotations (nlp::ReadArticle). A member whose
// `language` the reader does not read (nlp::ReadsLanguage) gives sentences only (lede, context,
// sources), never figures, dates or stakeholders; the brief's languages_not_read names such
// languages.
core::Brief BuildBrief(const cluster::StoryGroup& group,
                       const std::vector<const core::Article*>& articles,
                       const BriefOptions& options);

}  // namespace wirebrief::brief
