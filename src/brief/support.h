// brief/support.h: does a line say only what its cited sentences say? The check that keeps
// every brief line (and every compression of a sentence) faithful to its sources.
//
// The score combines how much of the line its sources cover: content words (stemmed), pairs of
// adjacent content words, numbers, proper names, and whether a negation appears on one side only.
// It is lexical: it catches invented names, numbers and words, and wrong combinations of them;
// it cannot tell a paraphrase that reverses meaning with the same words.
//
// Thread safety: all functions are reentrant. Never fail: empty input scores 1 (nothing to check).
#pragma once

#include <string_view>
#include <vector>

namespace wirebrief::brief {

struct Support {
  double score = 1;                  // 0..1; >= kSupportedAt means supported
  double term_coverage = 1;          // share of the line's content terms found in the sources
  double pair_coverage = 1;          // share of its adjacent content-term pairs found as pairs
  double number_coverage = 1;        // share of its numbers found in the sources
  double name_coverage = 1;          // share of its capitalised (proper-name) words found
  double trigram_coverage = 1;       // share of its word trigrams (stop words kept) found verbatim
  double best_coverage = 1;          // share of its content terms in the single best cited sentence
  double best_pair_coverage = 1;     // pairs found in the single best cited sentence
  double best_trigram_coverage = 1;  // trigrams found in the single best cited sentence
  bool negation_mismatch = false;    // a negation on one side that the other lacks
};

// Scores at or above this count as supported: the cut with the best balanced accuracy on the
// FRANK dev split (CNN/DM and XSum weighted equally). Brief lines must also have >= 80% of their
// content terms and all their numbers in what they cite (brief.cc).
inline constexpr double kSupportedAt = 0.34;

// Scores `line` against the sentences it cites.
Support ScoreSupport(std::string_view line, const std::vector<std::string_view>& cited);

// Scores a whole text (split into sentences) against a document's sentences, the way a brief
// is checked when its citations are not known: each sentence is matched with the document
// sentences that cover it best; the text's score is the product of its sentences' scores (all
// must hold) and its other fields are those of its weakest sentence.
Support ScoreTextAgainstDocument(std::string_view text,
                                 const std::vector<std::string_view>& document);
// The same for a text already split into sentences.
Support ScoreSentencesAgainstDocument(const std::vector<std::string_view>& sentences,
                                      const std::vector<std::string_view>& document);

}  // namespace wirebrief::brief
