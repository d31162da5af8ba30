// Dates and figures beyond English (issue 27): the fixture sets tests/fixtures/nlp/dates-<lang>.txt
// and figures-<lang>.txt (fictional sentences with the exact expected values) scored per language,
// failing under 90% exact and printing the misses.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "nlp/detail/parts.h"
#include "nlp/detail/text.h"
#include "nlp/read.h"

namespace wirebrief::nlp::detail {
namespace {

// What the reader gives for `text` in `language`, built as read.cc builds its document.
struct Read {
  std::vector<core::DateMention> dates;
  std::vector<core::Figure> figures;
  std::vector<core::FigureDetail> details;
};

Read ReadIn(std::string_view text, std::string_view language, std::string_view anchor) {
  static const NerModel kNoModel;
  Doc d;
  d.text = text;
  d.model = &kNoModel;
  d.anchor = core::ParseIsoDate(anchor);
  d.language = language;
  d.tag.text = text;
  d.tag.tokens = Tokenize(text);
  d.tag.sentences = SplitTokens(text, d.tag.tokens);
  d.sentence_of.assign(d.tag.tokens.size(), 0);
  for (uint32_t k = 0; k < d.tag.sentences.size(); ++k)
    for (uint32_t i = d.tag.sentences[k].first; i < d.tag.sentences[k].last; ++i)
      d.sentence_of[i] = k;
  Prepare(kNoModel, &d.tag);
  Read r;
  ReadFigures(d, &r.figures, &r.details);
  ReadDates(d, &r.dates);
  return r;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool Overlaps(core::CharSpan a, size_t b, size_t e) { return a.begin < e && b < a.end; }

struct Score {
  int items = 0, exact = 0;
  std::string misses;
};

// Scores one fixture file: "sentence || expression => expected [|| ...]", "@anchor DATE".
// A date item is exact when a date overlapping the expression has the expected value; a figure
// item ("=> value ; unit") when a figure overlapping it has that value and unit; "=> -" when
// nothing of the kind overlaps it.
Score ScoreFile(const std::string& path, std::string_view language, bool figures) {
  Score score;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::string line, anchor = "2026-11-05";
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with("@anchor ")) {
      anchor = line.substr(8);
      continue;
    }
    std::vector<std::string> parts;
    for (size_t at = 0;;) {
      size_t bar = line.find(" || ", at);
      parts.push_back(line.substr(at, bar == std::string::npos ? bar : bar - at));
      if (bar == std::string::npos) break;
      at = bar + 4;
    }
    const std::string& sentence = parts[0];
    Read r = ReadIn(sentence, language, anchor);
    size_t from = 0;
    for (size_t p = 1; p < parts.size(); ++p) {
      size_t arrow = parts[p].find(" => ");
      std::string expr = parts[p].substr(0, arrow), want = Trim(parts[p].substr(arrow + 4));
      size_t b = sentence.find(expr, from), e = b + expr.size();
      ++score.items;
      if (b == std::string::npos) {
        score.misses += "  fixture error, no \"" + expr + "\" in: " + sentence + "\n";
        continue;
      }
      from = b;
      std::string got;
      bool ok = false;
      if (figures) {
        for (const auto& f : r.figures) {
          if (!Overlaps(f.span, b, e)) continue;
          std::ostringstream g;
          g << f.value << " ; " << f.unit;
          got += (got.empty() ? "" : " | ") + g.str();
          if (want == "-") continue;
          size_t semi = want.find(" ; ");
          double v = std::stod(want.substr(0, semi));
          ok = ok || (std::fabs(f.value - v) <= 1e-9 * std::max(1.0, std::fabs(v)) &&
                      f.unit == want.substr(semi + 3));
        }
      } else {
        for (const auto& d : r.dates) {
          if (!Overlaps(d.span, b, e)) continue;
          got += (got.empty() ? "" : " | ") + d.text + " => " + d.value;
          ok = ok || d.value == want;
        }
      }
      if (want == "-") ok = got.empty();
      if (ok) {
        ++score.exact;
      } else {
        score.misses += "  \"" + expr + "\" want " + want + ", got " +
                        (got.empty() ? "nothing" : got) + "\n    in: " + sentence + "\n";
      }
    }
  }
  return score;
}

std::string Fixture(const std::string& name) {
  const char* root = std::getenv("WB_SOURCE_DIR");
  return std::string(root ? root : ".") + "/tests/fixtures/nlp/" + name;
}

// The figure of `expr`'s first figure in `text`, as "value unit", or "none".
std::string FigureAt(std::string_view text, std::string_view lang, std::string_view expr) {
  size_t b = text.find(expr), e = b + expr.size();
  for (const auto& f : ReadIn(text, lang, "2026-11-05").figures)
    if (Overlaps(f.span, b, e)) {
      std::ostringstream out;
      out << f.value << " " << f.unit;
      return out.str();
    }
  return "none";
}

// Bug (issue 27): German "30.000 Kilometer" was read as 30 with the unit "entstehen", the
// thousands dot taken for a decimal point and the capitalised noun for a name.
TEST(FiguresIntlTest, GermanThousandsDotAndCapitalisedNounRegression) {
  EXPECT_EQ(FigureAt("Es sollen 30.000 Kilometer entstehen.", "de", "30.000"), "30000 kilometer");
  EXPECT_EQ(FigureAt("Dort stehen 28.500 Soldaten.", "de", "28.500"), "28500 soldaten");
}

// Bug (issue 27): Spanish "8 de marzo" was listed as the figure "de: 8 de" and French "5 mai"
// counted as 5 "mai"; a day before a month is a date.
TEST(FiguresIntlTest, DayBeforeMonthIsADateNotAFigureRegression) {
  EXPECT_EQ(FigureAt("Las protestas del 8 de marzo fueron masivas.", "es", "8 de marzo"), "none");
  EXPECT_EQ(FigureAt("La grève du 5 mai a été suivie.", "fr", "5 mai"), "none");
  EXPECT_EQ(FigureAt("Die Wahl am 4. November verlief ruhig.", "de", "4. November"), "none");
  auto dates = ReadIn("Las protestas del 8 de marzo fueron masivas.", "es", "2026-11-05").dates;
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].value, "2026-03-08");
}

// Decimal commas and space groups by locale; English text keeps English numbers.
TEST(FiguresIntlTest, NumberFormatsFollowTheLanguage) {
  EXPECT_EQ(FigureAt("Le budget atteint 1,2 milliard d'euros.", "fr", "1,2"), "1.2e+09 EUR");
  EXPECT_EQ(FigureAt("Le salon a reçu 12\u00a0000 personnes.", "fr", "12"), "12000 personnes");
  EXPECT_EQ(FigureAt("Sie zahlen 2,5 Millionen Euro.", "de", "2,5"), "2.5e+06 EUR");
  EXPECT_EQ(FigureAt("They paid 1,250 dollars.", "", "1,250"), "1250 USD");
}

TEST(LangTest, CodesPickTablesAndUnknownReadsAsEnglish) {
  EXPECT_EQ(LangOf("de"), Lang::kDe);
  EXPECT_EQ(LangOf("pt-BR"), Lang::kPt);
  EXPECT_EQ(LangOf("SV"), Lang::kSv);
  EXPECT_EQ(LangOf(""), Lang::kEn);
  EXPECT_EQ(LangOf("ja"), Lang::kEn);
  // From ICU's CLDR data, not typed lists.
  EXPECT_EQ(MonthNamed(WordsOf(Lang::kFr), "août"), 8);
  EXPECT_EQ(WeekdayNamed(WordsOf(Lang::kPt), "terça"), 2);
  EXPECT_TRUE(WordsOf(Lang::kDe).dot_groups);
  EXPECT_FALSE(WordsOf(Lang::kSv).dot_groups);
}

// An unsupported or unknown language reads as English did before languages: the same values.
TEST(DatesIntlTest, UnknownLanguageReadsAsEnglish) {
  std::string t = "The council will vote on Tuesday. Prices rose last year.";
  auto a = ReadIn(t, "", "2026-11-05").dates, b = ReadIn(t, "ja", "2026-11-05").dates;
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(a[0].value, "2026-11-10");
  EXPECT_EQ(b[0].value, a[0].value);
  EXPECT_EQ(b[1].value, "2025");
}

class LanguageFixtures : public ::testing::TestWithParam<const char*> {};

// Each language's sets: the one written with the rules and the held-out one written after them
// (*.heldout.txt), each printed; the bar holds on both together.
TEST_P(LanguageFixtures, DatesAndFiguresAreNinetyPercentExact) {
  std::string lang = GetParam();
  Score total[2];
  for (const char* set : {"", ".heldout", ".blind"}) {
    for (int figures = 0; figures < 2; ++figures) {
      std::string name = std::string(figures ? "figures-" : "dates-") + lang + set + ".txt";
      if (*set && !std::ifstream(Fixture(name)).good()) continue;  // Chinese has the dev set only
      Score sc = ScoreFile(Fixture(name), lang, figures);
      std::printf("%s: %d/%d exact\n", name.c_str(), sc.exact, sc.items);
      if (!sc.misses.empty()) std::printf("%s", sc.misses.c_str());
      total[figures].items += sc.items;
      total[figures].exact += sc.exact;
      total[figures].misses += sc.misses;
    }
  }
  EXPECT_GE(total[0].items + total[1].items, 60) << "the bar asks for at least 60 expressions";
  EXPECT_GE(total[0].exact * 10, total[0].items * 9) << "date misses:\n" << total[0].misses;
  EXPECT_GE(total[1].exact * 10, total[1].items * 9) << "figure misses:\n" << total[1].misses;
}

INSTANTIATE_TEST_SUITE_P(Issue27, LanguageFixtures,
                         ::testing::Values("de", "fr", "es", "pt", "sv", "zh"));

}  // namespace
}  // namespace wirebrief::nlp::detail
