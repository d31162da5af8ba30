// How each language marks and attributes direct speech: its quote mark pairs and the words that
// report speech, for the quote reader (quotes.cc). A language without its own entry (and "") is
// read with English's conventions, so English text reads exactly as before.
#pragma once

#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace wirebrief::nlp::detail {

struct QuoteConventions {
  // Opening and closing mark of each pair the language uses at the top level. A mark listed as
  // both an opener and a closer (Swedish ”…”, German “ closing „ but opening “…”) closes when a
  // quote is open and opens otherwise. Marks of other pairs inside an open quote are ignored.
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  // True for English's historic rule, which this keeps: any closing mark closes any open quote.
  bool any_close_closes = false;
  // Lower-cased (ASCII-lowered) tokens that report speech: "sagte", "dijo", "déclaré".
  const std::unordered_set<std::string_view>* speech_words = nullptr;
  // Words reporting speech inside a token, for scripts written without spaces: the tokenizer
  // leaves "他表示" one token. Matched as a token's ending, or anywhere when two or more
  // characters long. Speakers are not read there: the name cannot be told from the verb.
  std::vector<std::string_view> inner_speech_words;
  // Words ending in a one-character verb that report no speech (小说 "novel", 据说 "reportedly").
  std::vector<std::string_view> inner_not_speech;
  // An auxiliary between the speaker and the participle ("Marie Dubois a déclaré").
  const std::unordered_set<std::string_view>* auxiliaries = nullptr;
  // Words after a verb that end the phrase naming the speaker ("sagte er nach einem Treffen
  // mit X": X did not speak), so a name after them is no speaker.
  const std::unordered_set<std::string_view>* breakers = nullptr;
  // Words that attribute only right after a quote and its comma (German „…“, so Müller): "so"
  // anywhere else is an adverb.
  std::vector<std::string_view> after_quote_words;
  // Third-person singular pronouns resolved like English "he"/"she" (one candidate or none).
  const std::unordered_set<std::string_view>* pronouns = nullptr;
  // Words the English-trained tagger glues to the front of a name here, which are no part of
  // it: articles ("Die Sprecherin Nina Feld") and, matched as a word's ending, role nouns,
  // which German capitalises and compounds ("HWU-Vorsitzende", "Regierungssprecherin").
  const std::unordered_set<std::string_view>* articles = nullptr;
  std::vector<std::string_view> role_endings;
  bool english = true;
};

// The conventions for a language code ("de", "de-CH", "pt_BR", "zh-Hant"); English's for ""
// and for languages without an entry. The result lives for the program's lifetime.
const QuoteConventions& QuoteConventionsFor(std::string_view language);

}  // namespace wirebrief::nlp::detail
