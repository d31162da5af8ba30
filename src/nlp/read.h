// nlp/: reads an article's clean text: sentences, named people (with roles), organisations,
// countries and places, figures with what they count, dates resolved against the publication
// date, and direct quotes with their speakers. All offsets are byte spans into Article::text.
//
// Names come from an averaged-perceptron tagger (data/nlp/ner.bin, trained by
// tools/train_ner.cc on the nlp kit's training split) plus name lists written here; sentences,
// dates, quotes, roles, countries and figures from rules over the same tokens.
//
// The model file is found, on first use, at $WB_NLP_MODEL, else $WB_NLP_DATA/ner.bin, else next
// to the binary (../share/wirebrief/nlp, ../data/nlp, ../../data/nlp), else in the source tree
// the build was configured from. Without it names come from the lists alone (fewer, not wrong).
//
// Limits: only the first kMaxReadBytes of a text are annotated.
// Thread safety: ReadArticle/ReadText are reentrant; the model loads once, thread-safely. Never
// fails: text it cannot read yields fewer annotations, not an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace wirebrief::nlp {

// Annotates `article.text`; `article.date_published` (if any) anchors relative dates, falling
// back to `date_crawled`.
core::Annotations ReadArticle(const core::Article& article);

inline constexpr size_t kMaxReadBytes = 8u << 20;

// Annotates plain `text`; `publication_date` ("2026-11-05", may carry a time; empty = unknown)
// anchors relative dates.
core::Annotations ReadText(std::string_view text, std::string_view publication_date);

// The model file in use, or "" when none was found (names then come from the lists alone).
std::string ReadModelPath();

// Sentence spans of `text` (paragraph breaks always end a sentence).
std::vector<core::Sentence> SplitSentences(std::string_view text);

// Lower-cased word tokens of `text` with stop words removed: the vocabulary clustering and
// briefs compare on. Digits are kept ("6.4", "2026").
std::vector<std::string> ContentTokens(std::string_view text);

// A content token of ContentTokenSpans: its byte span in the text it was read from and its
// lower-cased form as the byte range [lower_begin, lower_end) of the caller's buffer.
struct ContentTokenSpan {
  uint32_t begin = 0, end = 0;
  uint32_t lower_begin = 0, lower_end = 0;
};

// ContentTokens without a string per token, for callers that tokenise a whole text once and
// then take the tokens of each sentence by span: appends the same tokens, in order, to `*spans`
// and their lower-cased forms to `*lower` (both appended to, not cleared). The token spans lie
// inside `text`; a span is relative to `text`'s first byte.
void ContentTokenSpans(std::string_view text, std::vector<ContentTokenSpan>* spans,
                       std::string* lower);

// True for English function words ("the", "said", "would").
bool IsStopWord(std::string_view lower_word);

}  // namespace wirebrief::nlp
