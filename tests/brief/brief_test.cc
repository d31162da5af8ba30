#include "brief/brief.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

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

}  // namespace wirebrief::brief
