// The support check (brief/support.h) on texts read once. The brief builder checks each line
// against the same few candidate sentences again and again (the compressed line, then the line
// with its corroborations); re-tokenising, re-stemming and re-hashing those sentences as strings
// was ~15% of BuildBrief's time (perf on bench/brief_bench). Here each text is read once into
// interned ids, and a line is scored against already-read sources with integer lookups.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "brief/support.h"

namespace wirebrief::brief::detail {

// Interns words and stems to ids (equal ids <=> equal strings) and stems each distinct content
// token once. Grows with the distinct words it has seen; one per story (or per ScoreSupport call).
// Not thread-safe: one owner.
class SupportVocab {
 public:
  int Word(std::string_view w);
  // The id of the Snowball stem of content token `word` (an id from Word), cached.
  int TermOfToken(int word);
  // Records that `term` is the stem of `word` (both ids from Word), for a caller that has
  // stemmed the token already.
  void SetTermOfToken(int word, int term) { term_[word] = term; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> ids_;
  std::vector<const std::string*> text_;  // per id: its string (a key of ids_)
  std::vector<int> term_;                 // per id: its stem's id, -1 until asked
};

// What the support check needs of a text, as ids of one SupportVocab. The *_set fields are
// sorted and distinct (what a source is searched in); the others are in text order.
struct SupportText {
  std::vector<int> terms;                    // stemmed content terms (Terms)
  std::vector<int> term_set;                 //
  std::vector<uint64_t> pair_set;            // adjacent terms, first << 32 | second
  std::vector<int> token_set;                // lower-cased content tokens (ContentTokens)
  std::vector<int> names;                    // NameWords (read only for a line)
  std::vector<std::array<int, 3>> trigrams;  // lower-cased word trigrams, stop words kept
  std::vector<std::array<int, 3>> trigram_set;
  std::vector<std::string> numbers;  // Numbers
  std::vector<std::string> number_set;
  bool negation = false;  // HasNegation
};

// Reads `text`; `as_line` also reads the names (only a line's names are checked).
SupportText ReadSupportText(std::string_view text, bool as_line, SupportVocab* vocab);
// The same for a text whose content tokens the caller has read already: `tokens` are the ids of
// what nlp::ContentTokens(text) gives, in order; their stems' ids are in the vocabulary already
// when SetTermOfToken was called for them.
SupportText ReadSupportText(std::string_view text, const std::vector<int>& tokens, bool as_line,
                            SupportVocab* vocab);

// ScoreSupport(line, cited) for texts read with the same vocabulary: the same result.
Support ScoreReadSupport(const SupportText& line, const std::vector<const SupportText*>& cited);

}  // namespace wirebrief::brief::detail
