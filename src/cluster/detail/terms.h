// Term features of one article for story clustering: which words it is about and how strongly.
//
// The tokenizer is our own rather than nlp::ContentTokens because clustering needs what that
// contract drops (capitalisation, position in title/lede, sentence starts) and because it must
// run at tens of thousands of documents per second without a string per token (measured: the
// headline bar is 50,000 docs/s on one core).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace wirebrief::cluster::detail {

enum TermKind : uint8_t {
  kWord = 0,
  kName = 1,    // capitalised away from a sentence start, or an nlp/ mention
  kNumber = 2,  // a figure or year as written
  kDate = 3,    // a resolved calendar date from nlp/
  // An ISO country code (detail/countries.h). Read only across languages (cross-language
  // anchors): within one language the country's words are already terms, and counting the
  // code again cost the English kits (clustering dev 0.822 -> 0.819, ECB+ 0.937 -> 0.932).
  kCountry = 4,
};

struct Term {
  uint64_t key = 0;  // hash of the normalised form; what similarity compares
  float weight = 0;  // raw (before idf) weight summed over occurrences
  TermKind kind = kWord;
  std::string text;  // normalised form, for explanations
};

struct TermWeights {
  float title = 2.0f;  // a word of the headline
  float lede = 1.5f;   // a word of the first `lede_lines` lines of a body without a title
  float body = 1.0f;
  float name = 1.0f;    // added per occurrence of a capitalised word
  float number = 1.0f;  // multiplier for figures and years
  float url = 1.0f;     // a word of the URL path (the slug often keeps the original headline)
  // Country codes (kCountry terms): read only by the cross-language rule, so a stream without it
  // does not pay for the lookups (`wirebrief cluster` on UCI headlines: 1.27x the CPU of one
  // without them, start-up included).
  bool countries = false;
  int lede_lines = 2;
  size_t max_body_words = 4000;  // the lead carries the event; caps cost on long pages
};

// Terms of `article`: title words, then body words (when there is no title, the body's first
// line is read as the headline), plus nlp/ mentions, figures and dates when annotations exist.
std::vector<Term> ExtractTerms(const core::Article& article, const TermWeights& weights);

// Four-digit years (1900..2099) written in the first `lines` lines of the text or the title.
std::vector<int> LeadYears(const core::Article& article, int lines);

// Lower-cased word tokens of `text` including function words, as 64-bit hashes: the shingle
// alphabet for copy detection (function words keep reprints of short texts distinguishable).
void WordHashes(std::string_view text, size_t max_words, std::vector<uint64_t>* out);

bool IsClusterStopWord(std::string_view lower);

}  // namespace wirebrief::cluster::detail
