// nlp/: reads an article's clean text: sentences, named people (with roles), organisations,
// countries and places, figures with what they count, dates resolved against the publication
// date, and direct quotes with their speakers. All offsets are byte spans into Article::text.
//
// This first reader is rule-based (capitalisation runs, a country gazetteer, organisation
// keywords, title words, regular patterns for figures and dates). Later work replaces the
// internals against ../shared/bench/nlp without changing this contract.
//
// Thread safety: ReadArticle is reentrant. Never fails: text it cannot read yields fewer
// annotations, not an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace wirebrief::nlp {

// Annotates `article.text`; `article.date_published` (if any) anchors relative dates, falling
// back to `date_crawled`.
core::Annotations ReadArticle(const core::Article& article);

// Sentence spans of `text` (paragraph breaks always end a sentence).
std::vector<core::Sentence> SplitSentences(std::string_view text);

// Lower-cased word tokens of `text` with stop words removed: the vocabulary clustering and
// briefs compare on. Digits are kept ("6.4", "2026").
std::vector<std::string> ContentTokens(std::string_view text);

// True for English function words ("the", "said", "would").
bool IsStopWord(std::string_view lower_word);

}  // namespace wirebrief::nlp
