// Full-text search in scripts written without spaces between words (Chinese, Japanese kana,
// Thai, Lao, Khmer, Myanmar): a run of such characters is indexed and searched as overlapping
// character bigrams, the run's last character alone after them ("北京大学" -> 北京 京大 大学 学).
//
// Why bigrams and not a dictionary segmenter (ICU word breaks): the same rule must hold on both
// backends, and PostgreSQL computes its index in SQL (postgres_schema.cc), where only a rule as
// simple as this one can be written; a word within a run is found whatever a dictionary would
// have said its boundaries are. A search of n >= 2 characters is the phrase of its n-1 bigrams;
// one character is the prefix search of it, which finds it as the first character of a bigram
// or as a run's last character. SQLite's trigram tokenizer does not fit: it finds nothing for
// the two-character words most Chinese words are.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace wirebrief::store::detail {

// True for a code point of a script written without spaces between words.
bool IsUnspacedScript(char32_t c);

// True when `text` (UTF-8) holds a character of such a script.
bool HasUnspacedScript(std::string_view text);

// True when `text` is one character of such a script, spaces around it aside.
bool IsOneUnspacedCharacter(std::string_view text);

// The pieces `text` is indexed as: each run of other characters as itself, each run of an
// unspaced script as its bigrams (`with_last`: then its last character alone, as the index
// holds it; a search leaves it out, so that the phrase of its bigrams matches inside a longer
// run). A run of one character is that character. `piece(begin, end)` gets byte spans of
// `text`, in order. Invalid UTF-8 bytes count as other characters.
void ForEachScriptPiece(std::string_view text, bool with_last,
                        const std::function<void(size_t begin, size_t end)>& piece);

// `text` with each unspaced-script run replaced by its pieces, space-separated (with_last as
// above): what the PostgreSQL search writes for a quoted term.
std::string SpaceScriptPieces(std::string_view text, bool with_last);

}  // namespace wirebrief::store::detail
