#include "brief/brief.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "brief/detail/support_text.h"
#include "brief/detail/text.h"
#include "brief/support.h"
#include "nlp/read.h"

namespace wirebrief::brief {
namespace {

core::Article Make(std::string id, std::string site, std::string title, std::string body) {
  core::Article a;
  a.id = std::move(id);
  a.site_name = std::move(site);
  a.date_published = "2026-11-03T10:00:00Z";
  a.title = std::move(title);
  a.text = a.title + "\n" + body;
  a.annotations = nlp::ReadArticle(a);
  return a;
}

}  // namespace

class BriefTest : public ::testing::Test {
 protected:
  void SetUp() override {
    arts_ = {
        Make("a", "Coast Daily", "Flooding closes Rivermouth bridge",
             "Floodwater closed the Rivermouth bridge on Monday after two days of heavy rain, the "
             "regional council said. "
             "At least 37 people were evacuated from homes near the river. "
             "The closure matters because the bridge carries most freight to the port. "
             "Engineers will inspect the bridge on Wednesday before any decision to reopen it."),
        Make("b", "Valley Post", "Rivermouth bridge shut as river rises",
             "The Rivermouth bridge was shut on Monday as the river rose after two days of heavy "
             "rain. "
             "Officials said 41 people were evacuated from riverside homes. "
             "Council leader Ines Moravec said the regional council would publish a repair plan "
             "next week."),
    };
    for (auto& a : arts_) ptrs_.push_back(&a);
    group_.story.id = "s1";
    group_.story.title = "Flooding closes Rivermouth bridge";
    for (auto& a : arts_) group_.story.article_ids.push_back(a.id);
    brief_ = BuildBrief(group_, ptrs_, BriefOptions{});
  }
  std::vector<core::Article> arts_;
  std::vector<const core::Article*> ptrs_;
  cluster::StoryGroup group_;
  core::Brief brief_;
};

TEST_F(BriefTest, EveryLineCitesValidSpansAndProseLinesAreTheCitedSentence) {
  std::map<std::string, const core::Article*> by_id;
  for (auto& a : arts_) by_id[a.id] = &a;
  ASSERT_FALSE(brief_.lines.empty());
  for (const auto& line : brief_.lines) {
    ASSERT_FALSE(line.citations.empty()) << line.text;
    for (const auto& c : line.citations) {
      ASSERT_TRUE(by_id.count(c.article_id));
      EXPECT_LE(c.span.end, by_id[c.article_id]->text.size());
      EXPECT_LT(c.span.begin, c.span.end);
    }
    if (line.section == core::BriefSection::kLede || line.section == core::BriefSection::kContext ||
        line.section == core::BriefSection::kWhyItMatters ||
        line.section == core::BriefSection::kWhatsNext ||
        line.section == core::BriefSection::kStakeholder) {
      const auto& c = line.citations.front();
      std::string source =
          by_id[c.article_id]->text.substr(c.span.begin, c.span.end - c.span.begin);
      if (!line.compressed) {
        EXPECT_EQ(source, line.text);
      } else {
        // Deletion only: the line's words appear in the source sentence, in order.
        size_t at = 0;
        std::istringstream words(line.text);
        for (std::string w; words >> w;) {
          if (w.back() == '.') w.pop_back();
          at = source.find(w, at);
          ASSERT_NE(at, std::string::npos) << line.text << " | " << source;
        }
      }
    }
  }
  EXPECT_EQ(brief_.lines.front().section, core::BriefSection::kLede);
}

TEST_F(BriefTest, DisagreeingFiguresAreFlaggedWithBothOutlets) {
  const core::BriefLine* conflict = nullptr;
  for (const auto& l : brief_.lines)
    if (l.section == core::BriefSection::kKeyFigure && l.conflict) conflict = &l;
  ASSERT_NE(conflict, nullptr);
  EXPECT_NE(conflict->text.find("37 people (Coast Daily)"), std::string::npos) << conflict->text;
  EXPECT_NE(conflict->text.find("41 people (Valley Post)"), std::string::npos) << conflict->text;
  EXPECT_EQ(conflict->citations.size(), 2u);
}

TEST_F(BriefTest, HasWhatsNextAndSources) {
  int next = 0, sources = 0;
  for (const auto& l : brief_.lines) {
    next += l.section == core::BriefSection::kWhatsNext;
    sources += l.section == core::BriefSection::kSource;
  }
  EXPECT_GE(next, 1);
  EXPECT_EQ(sources, 2);
}

// Bug (seen in the demo's briefs): "What's next" repeated the quote a stakeholder line already
// gave ("We will reopen ...," said the harbour master): the section took any line the brief held
// and printed it a second time. A sentence serves one section; the next future sentence takes
// the place.
TEST(BriefSectionsTest, WhatsNextRepeatsAStakeholderQuoteRegression) {
  std::vector<core::Article> arts = {
      Make("a", "Harbour Gazette", "Storm surge shuts Tessel ferry terminal",
           "Floodwater closed the Tessel ferry terminal on Tuesday after a storm surge damaged two "
           "pontoons, the port authority said. About 2,300 passengers were stranded overnight in "
           "the terminal hall. “We will reopen the terminal as soon as the pontoons are safe,” "
           "said Mirela Strand, the harbour master. Divers inspected the pontoons on Tuesday "
           "afternoon."),
      Make("b", "Northcape Herald", "Tessel ferries halted after surge",
           "Ferries to and from Tessel were halted on Tuesday after a storm surge damaged two "
           "pontoons at the terminal. About 2,300 passengers spent the night in the terminal hall. "
           "“We will reopen the terminal as soon as the pontoons are safe,” harbour master Mirela "
           "Strand said. The port authority said divers found cracks in both pontoons. The "
           "authority will decide on Thursday whether to hire a replacement pontoon from Velden."),
  };
  std::vector<const core::Article*> ptrs;
  cluster::StoryGroup group;
  group.story.id = "tessel";
  for (auto& a : arts) ptrs.push_back(&a), group.story.article_ids.push_back(a.id);
  core::Brief b = BuildBrief(group, ptrs, BriefOptions{});

  std::map<std::string, core::BriefSection> section_of;
  bool quoted = false;
  std::vector<std::string> next;
  for (const auto& l : b.lines) {
    if (l.section == core::BriefSection::kKeyFigure || l.section == core::BriefSection::kTimeline ||
        l.section == core::BriefSection::kSource)
      continue;
    auto [it, first] = section_of.emplace(l.text, l.section);
    EXPECT_TRUE(first || it->second == l.section)
        << "in " << core::BriefSectionName(it->second) << " and "
        << core::BriefSectionName(l.section) << ": " << l.text;
    quoted |= l.section == core::BriefSection::kStakeholder && l.label == "Mirela Strand" &&
              l.text.find("We will reopen") != std::string::npos;
    if (l.section == core::BriefSection::kWhatsNext) next.push_back(l.text);
  }
  EXPECT_TRUE(quoted) << "the harbour master's quote belongs to her stakeholder line";
  ASSERT_EQ(next.size(), 1u);
  EXPECT_NE(next[0].find("will decide on Thursday"), std::string::npos) << next[0];
}

// Bug (issue 21, the demo bushfire brief): What's next held a mayor's "We will rebuild": any
// "will" counted as future. It holds what is scheduled or planned: a date after publication, a
// plan stated ("is set to", "plans to"), or "will" with an event that happens on a date; a
// resolve or a sentiment is no schedule, and with nothing scheduled the section is empty.
TEST(BriefSectionsTest, WhatsNextHoldsScheduleNotSentimentRegression) {
  auto build = [](const std::string& extra) {
    std::vector<core::Article> arts = {
        Make("a", "Valley Post", "Hail flattens Ardmoor orchards",
             "A hailstorm flattened orchards across Ardmoor on Sunday, destroying most of the "
             "apple crop, the growers' cooperative said. About 140 farms lost at least half "
             "their fruit. \u201cWe will get through this together,\u201d said Jonas Pike, the "
             "cooperative's chair. " +
                 extra),
        Make("b", "Ardmoor Echo", "Ardmoor growers count hail losses",
             "Growers in Ardmoor counted their losses on Monday after Sunday's hailstorm "
             "destroyed most of the apple crop. The cooperative said about 140 farms lost at "
             "least half their fruit. Insurers sent assessors to the worst-hit valleys."),
    };
    std::vector<const core::Article*> ptrs;
    cluster::StoryGroup group;
    group.story.id = "hail";
    for (auto& a : arts) ptrs.push_back(&a), group.story.article_ids.push_back(a.id);
    std::vector<std::string> next;
    for (const auto& l : BuildBrief(group, ptrs, BriefOptions{}).lines)
      if (l.section == core::BriefSection::kWhatsNext) next.push_back(l.text);
    return next;
  };
  EXPECT_TRUE(build("").empty()) << build("")[0];
  std::vector<std::string> next =
      build("The regional council will vote on an emergency grant for the growers.");
  ASSERT_EQ(next.size(), 1u);
  EXPECT_NE(next[0].find("will vote"), std::string::npos) << next[0];
  next = build("The cooperative plans to ask the ministry for drought-style relief.");
  ASSERT_EQ(next.size(), 1u);
  EXPECT_NE(next[0].find("plans to"), std::string::npos) << next[0];
}

// Issue 21: Why it matters holds consequence, stakes or precedent, and nothing when the
// articles hold none. A time since when ("burning since Saturday"), a superlative that only
// describes ("the region's largest port") and what did not happen ("No tsunami warning") are
// no reason why.
TEST(BriefSectionsTest, WhyItMattersHoldsStakesNotFillerRegression) {
  auto build = [](const std::string& extra) {
    std::vector<core::Article> arts = {
        Make("a", "Valley Post", "Quake shakes Ardmoor port",
             "A magnitude 5.9 earthquake shook the port city of Ardmoor on Sunday, damaging "
             "piers, officials said. Aftershocks have rattled the Ardmoor coast and its piers "
             "almost every hour since Saturday. The damaged piers serve the region's largest "
             "port, which handles most of the coast's container ships. No tsunami warning was "
             "issued for the Ardmoor coast or for the islands to the north. " +
                 extra),
        Make("b", "Ardmoor Echo", "Ardmoor counts quake damage",
             "Engineers inspected damaged piers in Ardmoor on Monday after Sunday's magnitude "
             "5.9 earthquake. The port authority said two of its five piers were closed. "
             "Shipping agents diverted four container ships to Kelby."),
    };
    std::vector<const core::Article*> ptrs;
    cluster::StoryGroup group;
    group.story.id = "quake";
    group.story.first_published = "2026-11-09";
    for (auto& a : arts) ptrs.push_back(&a), group.story.article_ids.push_back(a.id);
    std::vector<std::string> why;
    for (const auto& l : BuildBrief(group, ptrs, BriefOptions{}).lines)
      if (l.section == core::BriefSection::kWhyItMatters) why.push_back(l.text);
    return why;
  };
  std::vector<std::string> why = build("");
  EXPECT_TRUE(why.empty()) << why[0];
  why = build(
      "It was the strongest quake to hit the coast since 1998, and the closures put "
      "about 3,000 port jobs at risk.");
  ASSERT_EQ(why.size(), 1u);
  EXPECT_NE(why[0].find("since 1998"), std::string::npos) << why[0];
}

// The builder reads each article once through ContentTokenSpans and takes each sentence's
// tokens by span: that must give what ContentTokens gives on the sentence alone.
TEST(ContentTokenSpans, SameTokensAsContentTokensPerSentence) {
  const std::string text =
      "Officials in the U.S. said 28,500 people left.\nThe minister's plan isn't final, "
      "Dr. Ana Lenz told reporters on 3 March.\n\"We will rebuild,\" said the mayor.";
  std::vector<nlp::ContentTokenSpan> spans;
  std::string lower;
  nlp::ContentTokenSpans(text, &spans, &lower);
  std::vector<std::string> whole;
  for (const auto& t : spans) {
    ASSERT_LE(t.end, text.size());
    whole.push_back(lower.substr(t.lower_begin, t.lower_end - t.lower_begin));
  }
  EXPECT_EQ(whole, nlp::ContentTokens(text));
  const std::vector<core::Sentence> sentences = nlp::SplitSentences(text);
  ASSERT_EQ(sentences.size(), 3u);
  for (const core::Sentence& s : sentences) {
    std::vector<std::string> in_span;
    for (size_t k = 0; k < spans.size(); ++k)
      if (spans[k].begin >= s.span.begin && spans[k].end <= s.span.end) in_span.push_back(whole[k]);
    EXPECT_EQ(in_span, nlp::ContentTokens(
                           std::string_view(text).substr(s.span.begin, s.span.end - s.span.begin)));
  }
}

TEST(ScoreSupport, LineSaidByItsSourceIsFullySupported) {
  const std::string_view src =
      "Council leader Ines Moravec said 41 people were evacuated on Monday.";
  const Support s = ScoreSupport(src, {src});
  EXPECT_DOUBLE_EQ(s.score, 1);
  EXPECT_DOUBLE_EQ(s.term_coverage, 1);
  EXPECT_DOUBLE_EQ(s.pair_coverage, 1);
  EXPECT_DOUBLE_EQ(s.number_coverage, 1);
  EXPECT_DOUBLE_EQ(s.name_coverage, 1);
  EXPECT_DOUBLE_EQ(s.trigram_coverage, 1);
  EXPECT_FALSE(s.negation_mismatch);
}

TEST(ScoreSupport, InventedNumberNameAndNegationLowerTheScore) {
  const std::string_view src =
      "Council leader Ines Moravec said 41 people were evacuated on Monday.";
  const Support number =
      ScoreSupport("Council leader Ines Moravec said 52 people were evacuated.", {src});
  EXPECT_DOUBLE_EQ(number.number_coverage, 0);
  EXPECT_LT(number.score, 1);
  const Support name = ScoreSupport("Mayor Tomas Brandt said 41 people were evacuated.", {src});
  EXPECT_LT(name.name_coverage, 1);
  EXPECT_LT(name.score, kSupportedAt);
  const Support negated =
      ScoreSupport("Ines Moravec said 41 people were not evacuated on Monday.", {src});
  EXPECT_TRUE(negated.negation_mismatch);
  EXPECT_LT(negated.score, number.score);
}

TEST(ScoreSupport, FactsFusedFromTwoSentencesAreCoveredTogether) {
  const std::string_view a = "Floodwater closed the Rivermouth bridge on Monday.";
  const std::string_view b = "Engineers will inspect the bridge on Wednesday.";
  const std::string_view line =
      "Floodwater closed the Rivermouth bridge; engineers will inspect it.";
  const Support both = ScoreSupport(line, {a, b});
  EXPECT_DOUBLE_EQ(both.term_coverage, 1);
  EXPECT_LT(both.best_coverage, 1);
  EXPECT_GT(both.score, ScoreSupport(line, {a}).score);
}

// The brief builder reads each cited sentence once, from tokens it has already read and stems it
// has already computed (SetTermOfToken); the score must be the one ScoreSupport gives.
TEST(ScoreReadSupport, PreReadTokensScoreAsScoreSupport) {
  const std::vector<std::string_view> cited = {
      "Officials in the U.S. said 28,500 people left the flooded districts on Monday.",
      "The minister's plan isn't final, Dr. Ana Lenz told reporters on 3 March."};
  const std::vector<std::string_view> lines = {
      "Officials said 28,500 people left the flooded districts.",
      "Dr. Ana Lenz said the minister's plan is final.",
      "Officials in the U.S. said 3,000 people left, Ana Lenz told reporters.", ""};
  for (std::string_view line : lines) {
    detail::SupportVocab vocab;
    std::vector<detail::SupportText> read;
    for (std::string_view c : cited) {
      std::vector<int> tokens;
      for (const std::string& token : nlp::ContentTokens(c)) {
        const int word = vocab.Word(token);
        vocab.SetTermOfToken(word, vocab.Word(detail::Stem(token)));
        tokens.push_back(word);
      }
      read.push_back(detail::ReadSupportText(c, tokens, false, &vocab));
    }
    const Support got =
        detail::ScoreReadSupport(detail::ReadSupportText(line, true, &vocab), {&read[0], &read[1]});
    const Support want = ScoreSupport(line, cited);
    SCOPED_TRACE(std::string(line));
    EXPECT_DOUBLE_EQ(got.score, want.score);
    EXPECT_DOUBLE_EQ(got.term_coverage, want.term_coverage);
    EXPECT_DOUBLE_EQ(got.pair_coverage, want.pair_coverage);
    EXPECT_DOUBLE_EQ(got.number_coverage, want.number_coverage);
    EXPECT_DOUBLE_EQ(got.name_coverage, want.name_coverage);
    EXPECT_DOUBLE_EQ(got.trigram_coverage, want.trigram_coverage);
    EXPECT_DOUBLE_EQ(got.best_coverage, want.best_coverage);
    EXPECT_EQ(got.negation_mismatch, want.negation_mismatch);
  }
}

TEST(SupportVocab, EqualIdsForEqualStringsAndStemsOnce) {
  detail::SupportVocab vocab;
  const int floods = vocab.Word("floods");
  EXPECT_EQ(vocab.Word("floods"), floods);
  EXPECT_NE(vocab.Word("flood"), floods);
  EXPECT_EQ(vocab.TermOfToken(floods), vocab.Word(detail::Stem("floods")));
  // A stem the caller gives is taken as given, not computed again.
  const int rivers = vocab.Word("rivers");
  vocab.SetTermOfToken(rivers, vocab.Word("river-given"));
  EXPECT_EQ(vocab.TermOfToken(rivers), vocab.Word("river-given"));
}

}  // namespace wirebrief::brief

namespace wirebrief::brief {
namespace {

const char* kGermanBody =
    "Die Nordbahn will bis 2031 rund 30.000 Kilometer Gleise erneuern lassen. Nach Angaben der "
    "Deutschen Bahn entstehen dabei Kosten von 250 Millionen Euro pro Jahr. Der Vorstand stellte "
    "den Plan am 8. März in Hannover vor. Die Landesregierung will im Mai über die Finanzierung "
    "entscheiden.";

core::Article German(std::string id) {
  core::Article a;
  a.id = std::move(id);
  a.site_name = "Nordkurier";
  a.date_published = "2026-11-03T09:00:00Z";
  a.title = "Nordbahn will Gleise erneuern";
  a.text = a.title + "\n" + kGermanBody;
  // As a store made before issue 27 holds it: read with the English rules. The brief must not
  // use what those rules found.
  a.annotations = nlp::ReadArticle(a);
  // What the English rules made of it before (issue 27), as such a store may still hold.
  auto span = [&](const std::string& words) {
    uint32_t at = static_cast<uint32_t>(a.text.find(words));
    return core::CharSpan{at, static_cast<uint32_t>(at + words.size())};
  };
  a.annotations.figures.push_back(
      {span("250 Millionen Euro pro"), 250, "pro", "250 Millionen Euro pro"});
  a.annotations.figure_details.push_back({"pro", 0, false});
  a.annotations.figures.push_back({span("30.000 Kilometer"), 30, "entstehen", "30.000 Kilometer"});
  a.annotations.figure_details.push_back({"entstehen", 0, false});
  a.annotations.mentions.push_back(
      {span("Deutschen Bahn"), core::EntityType::kPerson, "Deutschen Bahn", ""});
  a.annotations.dates.push_back({span("8. März"), "8. März", "2026-03-08"});
  a.language = "de";
  return a;
}

const char* kPolishBody =
    "Kolej Północna chce do 2031 roku wymienić około 30.000 kilometrów torów. Według zarządu "
    "koszt wyniesie 250 milionów euro rocznie. Plan przedstawiono 8 marca w Gdańsku. Rząd "
    "regionu zdecyduje o finansowaniu w maju.";

// A Polish article as a store made before issue 27 holds it: read with the English rules, plus
// the kind of misreads those rules made. Polish has no grammar of the reader's.
core::Article Polish(std::string id) {
  core::Article a;
  a.id = std::move(id);
  a.site_name = "Kurier Północny";
  a.date_published = "2026-11-03T09:00:00Z";
  a.title = "Kolej Północna wymieni tory";
  a.text = a.title + "\n" + kPolishBody;
  a.annotations = nlp::ReadArticle(a);
  auto span = [&](const std::string& words) {
    uint32_t at = static_cast<uint32_t>(a.text.find(words));
    return core::CharSpan{at, static_cast<uint32_t>(at + words.size())};
  };
  a.annotations.figures.push_back(
      {span("30.000 kilometrów"), 30, "kilometrów", "30.000 kilometrów"});
  a.annotations.figure_details.push_back({"kilometrów", 0, false});
  a.annotations.mentions.push_back(
      {span("Kolej Północna"), core::EntityType::kPerson, "Kolej Północna", ""});
  a.language = "pl";
  return a;
}

bool Cites(const core::BriefLine& l, const std::string& id) {
  return std::any_of(l.citations.begin(), l.citations.end(),
                     [&](const core::Citation& c) { return c.article_id == id; });
}

}  // namespace

// Issue 27: German briefs listed "pro: 250 Kilometer pro" as a key figure and "Bei Fahrten" as
// a stakeholder. A German story is briefed from what German's own grammar reads (the member is
// read again, so what a store made with the English rules holds is not used), without names.
TEST(UnreadLanguageBriefTest, GermanStoryUsesItsOwnGrammarNotStoredMisreadsRegression) {
  std::vector<core::Article> arts = {German("de1")};
  cluster::StoryGroup group;
  group.story.id = "s-de";
  group.story.article_ids = {"de1"};
  core::Brief b = BuildBrief(group, {&arts[0]}, BriefOptions{});
  EXPECT_TRUE(b.languages_not_read.empty());
  size_t ledes = 0, sources = 0;
  for (const auto& l : b.lines) {
    EXPECT_NE(l.section, core::BriefSection::kStakeholder) << l.label << " " << l.text;
    for (const char* misread : {"entstehen", "pro:", "Deutschen Bahn"})
      EXPECT_EQ((l.label + " " + l.text).find(misread), std::string::npos)
          << core::BriefSectionName(l.section) << ": " << l.label << " " << l.text;
    ledes += l.section == core::BriefSection::kLede;
    sources += l.section == core::BriefSection::kSource;
  }
  EXPECT_EQ(ledes, 1u);
  EXPECT_EQ(sources, 1u);
}

// A story in a language the reader has no grammar for keeps its lede and sources from
// sentences, and nothing else.
TEST(UnreadLanguageBriefTest, PolishStoryHasLedeAndSourcesOnlyRegression) {
  std::vector<core::Article> arts = {Polish("pl1")};
  cluster::StoryGroup group;
  group.story.id = "s-pl";
  group.story.article_ids = {"pl1"};
  core::Brief b = BuildBrief(group, {&arts[0]}, BriefOptions{});
  EXPECT_EQ(b.languages_not_read, std::vector<std::string>{"pl"});
  size_t ledes = 0, sources = 0;
  for (const auto& l : b.lines) {
    EXPECT_TRUE(
        l.section == core::BriefSection::kLede || l.section == core::BriefSection::kContext ||
        l.section == core::BriefSection::kWhyItMatters ||
        l.section == core::BriefSection::kWhatsNext || l.section == core::BriefSection::kSource)
        << core::BriefSectionName(l.section) << ": " << l.label << " " << l.text;
    EXPECT_FALSE(l.text.empty());
    ledes += l.section == core::BriefSection::kLede;
    sources += l.section == core::BriefSection::kSource;
  }
  EXPECT_EQ(ledes, 1u);
  EXPECT_EQ(sources, 1u);
}

// A story mixing an English and a Polish article: the English one is read as without the
// Polish one (its figures and stakeholders stay), the Polish one adds sentences only.
TEST(UnreadLanguageBriefTest, EnglishMemberOfAMixedStoryIsReadAsBefore) {
  core::Article en;
  en.id = "en1";
  en.site_name = "Harbour Post";
  en.date_published = "2026-11-03T10:00:00Z";
  en.title = "Northern rail plans track renewal";
  en.text = en.title +
            "\nThe northern rail operator will renew about 30,000 kilometres of track by 2031, "
            "chief executive Mara Lindqvist said on Tuesday. The work will cost 250 million "
            "euros a year. Passenger groups warned that services could fall by 70 percent. "
            "Mara Lindqvist said the board would decide on funding on Nov. 20.";
  en.language = "en";
  en.annotations = nlp::ReadArticle(en);
  std::vector<core::Article> arts = {en, Polish("pl1")};
  cluster::StoryGroup group;
  group.story.id = "s-mixed";
  group.story.article_ids = {"en1", "pl1"};
  core::Brief mixed = BuildBrief(group, {&arts[0], &arts[1]}, BriefOptions{});
  EXPECT_EQ(mixed.languages_not_read, std::vector<std::string>{"pl"});
  size_t figures = 0;
  for (const auto& l : mixed.lines) {
    if (l.section == core::BriefSection::kKeyFigure ||
        l.section == core::BriefSection::kStakeholder ||
        l.section == core::BriefSection::kTimeline) {
      EXPECT_FALSE(Cites(l, "pl1")) << core::BriefSectionName(l.section) << ": " << l.text;
      EXPECT_TRUE(Cites(l, "en1")) << l.text;
    }
    figures += l.section == core::BriefSection::kKeyFigure;
  }
  EXPECT_GE(figures, 2u);
  cluster::StoryGroup alone;
  alone.story.id = "s-en";
  alone.story.article_ids = {"en1"};
  core::Brief english = BuildBrief(alone, {&arts[0]}, BriefOptions{});
  EXPECT_TRUE(english.languages_not_read.empty());
  auto figure_texts = [](const core::Brief& b) {
    std::vector<std::string> out;
    for (const auto& l : b.lines)
      if (l.section == core::BriefSection::kKeyFigure) out.push_back(l.label + ": " + l.text);
    return out;
  };
  std::vector<std::string> with_german = figure_texts(mixed), alone_figures = figure_texts(english);
  std::sort(with_german.begin(), with_german.end());
  std::sort(alone_figures.begin(), alone_figures.end());
  EXPECT_EQ(with_german, alone_figures);
}

}  // namespace wirebrief::brief
