// Quotes in other languages' typography, read through detail::ReadQuotes with the document's
// language set (issue 27). Fixtures: tests/fixtures/nlp/quotes-<lang>.txt, fictional sentences
// with the persons marked, so these tests check the quote reader and not the English-trained
// name tagger.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "nlp/detail/parts.h"
#include "nlp/detail/text.h"

namespace wirebrief::nlp {
namespace {

// One document: its text with the [[person]] marks removed, their spans, and the quotes
// expected as "quoted words | speaker" ("" speaker = none).
struct QuoteCase {
  std::string text;
  std::vector<core::Mention> persons;
  std::vector<std::string> expected;
};

// "[[Henk Brüggemann]]" -> the name as a person mention at its place in the cleaned text.
void AppendMarked(std::string_view line, QuoteCase* c) {
  for (size_t i = 0; i < line.size();) {
    size_t open = line.find("[[", i);
    if (open == std::string_view::npos) {
      c->text += line.substr(i);
      break;
    }
    size_t close = line.find("]]", open);
    ASSERT_NE(close, std::string_view::npos) << line;
    c->text += line.substr(i, open - i);
    core::Mention m;
    m.name = std::string(line.substr(open + 2, close - open - 2));
    m.span.begin = static_cast<uint32_t>(c->text.size());
    c->text += m.name;
    m.span.end = static_cast<uint32_t>(c->text.size());
    c->persons.push_back(m);
    i = close + 2;
  }
}

// Format: "T " lines are a document's text (several make paragraphs), "Q words | speaker"
// lines its expected quotes in text order, a blank line ends the document, "#" comments.
std::vector<QuoteCase> LoadCases(const std::string& path) {
  std::vector<QuoteCase> out;
  std::ifstream f(path);
  std::string line;
  QuoteCase c;
  auto flush = [&] {
    if (!c.text.empty()) out.push_back(c);
    c = QuoteCase{};
  };
  while (std::getline(f, line)) {
    if (line.starts_with("#")) continue;
    if (line.empty()) {
      flush();
    } else if (line.starts_with("T ")) {
      if (!c.text.empty()) c.text += "\n";
      AppendMarked(std::string_view(line).substr(2), &c);
    } else if (line.starts_with("Q ")) {
      std::string q = line.substr(2);
      if (q.ends_with(" |")) q += " ";  // "words | " with the space trimmed by an editor
      c.expected.push_back(q);
    }
  }
  flush();
  return out;
}

// The quotes ReadQuotes finds in `text` read as `language`, as "words | speaker".
std::vector<std::string> Quotes(const QuoteCase& c, const std::string& language) {
  detail::Doc d;
  d.text = c.text;
  d.language = language;
  d.tag.text = c.text;
  d.tag.tokens = detail::Tokenize(c.text);
  d.tag.sentences = detail::SplitTokens(c.text, d.tag.tokens);
  for (const detail::Token& t : d.tag.tokens) d.tag.lower.push_back(detail::Lower(t.text));
  d.sentence_of.assign(d.tag.tokens.size(), 0);
  for (uint32_t k = 0; k < d.tag.sentences.size(); ++k)
    for (uint32_t i = d.tag.sentences[k].first; i < d.tag.sentences[k].last; ++i)
      d.sentence_of[i] = k;
  std::vector<core::Quote> quotes;
  std::vector<core::QuoteDetail> details;
  detail::ReadQuotes(d, c.persons, {}, &quotes, &details);
  std::vector<std::string> out;
  for (const core::Quote& q : quotes)
    out.push_back(c.text.substr(q.span.begin, q.span.end - q.span.begin) + " | " + q.speaker);
  return out;
}

std::string FixturePath(const std::string& language) {
  const char* root = std::getenv("WB_SOURCE_DIR");
  return std::string(root ? root : ".") + "/tests/fixtures/nlp/quotes-" + language + ".txt";
}

class QuotesInLanguageTest : public testing::TestWithParam<std::string> {};

// Every fixture document reads exactly its expected quotes and speakers. The count read with
// English's conventions (what the reader did before it knew the language) is printed beside it.
TEST_P(QuotesInLanguageTest, FixtureQuotesAndSpeakersAreExact) {
  const std::string language = GetParam();
  std::vector<QuoteCase> cases = LoadCases(FixturePath(language));
  ASSERT_FALSE(cases.empty()) << "no fixture at " << FixturePath(language);
  size_t expected = 0, with_speaker = 0, exact = 0, exact_as_english = 0;
  for (const QuoteCase& c : cases) {
    std::vector<std::string> got = Quotes(c, language);
    EXPECT_EQ(got, c.expected) << c.text;
    std::vector<std::string> as_english = Quotes(c, "");
    expected += c.expected.size();
    for (const std::string& q : c.expected) {
      with_speaker += !q.ends_with(" | ");
      exact += std::find(got.begin(), got.end(), q) != got.end();
      exact_as_english += std::find(as_english.begin(), as_english.end(), q) != as_english.end();
    }
  }
  EXPECT_GE(expected, 10u) << "at least ten quotes per language";
  std::printf(
      "quotes-%s: %zu quotes (%zu with a speaker) in %zu documents; exact %zu, read as "
      "English %zu\n",
      language.c_str(), expected, with_speaker, cases.size(), exact, exact_as_english);
}

INSTANTIATE_TEST_SUITE_P(Languages, QuotesInLanguageTest,
                         testing::Values("de", "fr", "es", "pt", "sv", "zh"));

QuoteCase Case(std::string_view marked) {
  QuoteCase c;
  AppendMarked(marked, &c);
  return c;
}

// Bug: German „…“ closes with U+201C, English's opening mark, so the closer opened a quote that
// swallowed the attribution and the next quote's opening.
TEST(QuotesInLanguageTest, GermanClosingMarkIsNotAnOpenerRegression) {
  QuoteCase c = Case(
      "\xE2\x80\x9E"
      "Wir bleiben hier\xE2\x80\x9C, sagte [[Henk Brüggemann]]. \xE2\x80\x9E"
      "Das Werk schließt nicht.\xE2\x80\x9C");
  std::vector<std::string> want = {"Wir bleiben hier | Henk Brüggemann",
                                   "Das Werk schließt nicht. | "};
  EXPECT_EQ(Quotes(c, "de"), want);
  EXPECT_EQ(Quotes(c, "de-AT"), want) << "region subtags read as the language";
}

// Bug: Swedish ”…” uses one mark on both sides; read as English the mark only ever closed, so
// Swedish quotes were never found.
TEST(QuotesInLanguageTest, SwedishSameMarkOnBothSidesPairsRegression) {
  QuoteCase c = Case(
      "\xE2\x80\x9D"
      "Vi öppnar skolan igen i augusti\xE2\x80\x9D, säger [[Lena Holmqvist]].");
  EXPECT_TRUE(Quotes(c, "").empty());
  EXPECT_EQ(Quotes(c, "sv"),
            std::vector<std::string>{"Vi öppnar skolan igen i augusti | Lena Holmqvist"});
}

// Bug: the speech verbs were English only, so a French quote lost its speaker ("a déclaré").
TEST(QuotesInLanguageTest, FrenchSpeechVerbAfterAnAuxiliaryNamesTheSpeakerRegression) {
  QuoteCase c = Case(
      "[[Marie Dubois]] a déclaré\xC2\xA0: \xC2\xAB\xE2\x80\xAF"
      "Le port rouvrira lundi."
      "\xE2\x80\xAF\xC2\xBB");
  EXPECT_EQ(Quotes(c, "fr"), std::vector<std::string>{"Le port rouvrira lundi. | Marie Dubois"});
  EXPECT_EQ(Quotes(c, ""), std::vector<std::string>{"Le port rouvrira lundi. | "});
}

// A name after a preposition following the verb did not speak: no speaker rather than a wrong one.
TEST(QuotesInLanguageTest, NameAfterAPrepositionIsNoSpeaker) {
  QuoteCase c = Case(
      "\xE2\x80\x9E"
      "Das war ein gutes Gespräch\xE2\x80\x9C, sagte er nach dem Treffen mit "
      "[[Ilse Vogt]] und [[Karl Renz]].");
  EXPECT_EQ(Quotes(c, "de"), std::vector<std::string>{"Das war ein gutes Gespräch | "});
}

// Bug: the English-trained tagger glues a capitalised speech word, article or German role noun
// to the front of a name ("Selon Hugo Bernard", "Die Sprecherin Nina Feld"), and the quote took
// that run as its speaker.
TEST(QuotesInLanguageTest, SpeakerDropsWordsTheTaggerGluedToTheNameRegression) {
  QuoteCase fr = Case("[[Selon Hugo Bernard]], \xC2\xAB la situation reste fragile \xC2\xBB.");
  EXPECT_EQ(Quotes(fr, "fr"),
            std::vector<std::string>{"la situation reste fragile | Hugo Bernard"});
  QuoteCase de = Case(
      "[[Die Sprecherin Nina Feld]] fügte hinzu: \xE2\x80\x9E"
      "Niemand muss gehen.\xE2\x80\x9C "
      "\xE2\x80\x9E"
      "Wir öffnen wieder\xE2\x80\x9C, sagte [[HWU-Vorsitzende Henk Brüggemann]].");
  EXPECT_EQ(Quotes(de, "de"), (std::vector<std::string>{"Niemand muss gehen. | Nina Feld",
                                                        "Wir öffnen wieder | Henk Brüggemann"}));
  QuoteCase en = Case("\"We will reopen,\" said [[Die Sprecherin Nina Feld]].");
  EXPECT_EQ(Quotes(en, ""), std::vector<std::string>{"We will reopen, | Die Sprecherin Nina Feld"})
      << "English names are left as the tagger found them";
}

}  // namespace
}  // namespace wirebrief::nlp
