// Token-level helpers shared by selection, sections and the support check.
#pragma once

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

std::string Lower(std::string_view s);

}  // namespace wirebrief::brief::detail
