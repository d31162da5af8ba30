// Token-level helpers shared by selection, sections and the support check.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace wirebrief::brief::detail {

// Snowball (Porter 2) English stem of a lower-case word; digits and short words unchanged.
std::string Stem(std::string_view lower_word);

// Stemmed content terms of `text`, in order (nlp::ContentTokens, then Stem).
std::vector<std::string> Terms(std::string_view text);

// Numbers as written, normalised the way citation checks compare them: "28,500." -> "28500".
std::vector<std::string> Numbers(std::string_view text);

// Lower-cased words that start with a capital letter anywhere but the start of the sentence:
// names, the words a summary most often gets wrong.
std::vector<std::string> NameWords(std::string_view text);

// True when the text negates ("not", "no", "never", "n't", "without").
bool HasNegation(std::string_view text);

// Whitespace-separated word count (what the word budget counts).
size_t WordCount(std::string_view text);

// Which of a few fixed lists of phrases occur in a text (plain substring search, like
// std::string::find for each phrase). The brief checks every candidate sentence against several
// cue lists; one std::string::find per phrase was ~15% of BuildBrief's time (perf on
// bench/brief_bench), so one pass over the text looks up only the phrases whose first two bytes
// match, for all the lists at once. Immutable after construction; Find is thread-safe.
class CueSet {
 public:
  // Up to 32 lists; list i sets bit i of Find's result.
  CueSet(std::initializer_list<std::initializer_list<const char*>> lists);
  // The same from lists read at run time (rule data under data/brief/).
  explicit CueSet(const std::vector<std::vector<std::string>>& lists);
  // Bit i set when a phrase of list i occurs in `text`.
  uint32_t Find(std::string_view text) const;
  bool FoundIn(std::string_view text) const { return Find(text) != 0; }

 private:
  struct Phrase {
    std::string text;
    uint32_t list_bit;
  };
  void Index();  // sorts phrases_ and fills slot_ and from_
  void AddList(const std::vector<std::string>& list);
  std::vector<Phrase> phrases_;  // sorted by their first two bytes
  // Phrases of two bytes or more, by first byte: slot_ (-1 when none starts with it), then
  // [from_[slot][b], from_[slot][b + 1]) are the indexes of those whose second byte is b.
  std::array<int16_t, 256> slot_;
  std::vector<std::array<uint16_t, 257>> from_;
  std::array<uint32_t, 256> one_byte_{};  // list bits of one-byte phrases
  uint32_t all_ = 0;                      // every list's bit
  uint32_t next_bit_ = 1;                 // the bit of the next list added
};

}  // namespace wirebrief::brief::detail
