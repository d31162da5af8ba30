#include "kits/brief_kit.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace wirebrief::kits {
namespace {

using json = nlohmann::json;

// Two fictional reports of one event, given with their sentence lists as the kit does.
json TwoArticleStory() {
  return {{"id", "mn-test"},
          {"articles",
           {{{"idx", 3},
             {"sentences",
              {"The Lindqvist ferry service to Orrholm resumed on Tuesday after a nine-day strike.",
               "Crews accepted a 6 percent pay rise, the operator said.", "Weather was mild."}}},
            {{"idx", 7},
             {"sentences",
              {"Ferries to Orrholm sailed again on Tuesday.",
               "The strike ended when crews accepted a 6 percent pay rise."}}}}}};
}

TEST(KitStoryTest, CitesIndexTheGivenSentenceListsByArticleIdx) {
  core::Limits limits;
  auto story = ParseKitStoryLine(TwoArticleStory().dump(), limits);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  ASSERT_EQ(story->articles.size(), 2u);
  EXPECT_EQ(story->articles[0].annotations.sentences.size(), 3u);
  json out = json::parse(KitBriefToJsonLine(*story, BriefKitStory(*story, brief::BriefOptions{})));
  EXPECT_EQ(out["id"], "mn-test");
  ASSERT_FALSE(out["sentences"].empty());
  const json in = TwoArticleStory();
  for (const auto& line : out["sentences"]) {
    ASSERT_FALSE(line["cites"].empty()) << line.dump();
    for (const auto& c : line["cites"]) {
      int idx = c[0], k = c[1];
      ASSERT_TRUE(idx == 3 || idx == 7) << c.dump();
      const json& sents = in["articles"][idx == 3 ? 0 : 1]["sentences"];
      ASSERT_LT(k, static_cast<int>(sents.size()));
    }
  }
}

// Found while writing the fuzz target: a repeated or out-of-range "idx" made two articles share
// an id (the cluster stage requires unique ids) or wrapped into another article's number.
TEST(KitStoryTest, DuplicateOrOutOfRangeIdxIsAnErrorNamingTheStory) {
  core::Limits limits;
  json dup = TwoArticleStory();
  dup["articles"][1]["idx"] = 3;
  auto r = ParseKitStoryLine(dup.dump(), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("mn-test"), std::string::npos);
  EXPECT_NE(r.status().ToString().find("duplicate"), std::string::npos);
  for (json bad : {json(-1), json(4294967299ull), json(-4294967296ll)}) {
    json s = TwoArticleStory();
    s["articles"][0]["idx"] = bad;
    EXPECT_FALSE(ParseKitStoryLine(s.dump(), limits).ok()) << bad.dump();
  }
}

TEST(KitStoryTest, BadLinesAreErrorsNotCrashes) {
  core::Limits limits;
  EXPECT_FALSE(ParseKitStoryLine("", limits).ok());
  EXPECT_FALSE(ParseKitStoryLine("[1,2]", limits).ok());
  EXPECT_FALSE(ParseKitStoryLine(R"({"articles": []})", limits).ok());
  EXPECT_FALSE(ParseKitStoryLine(R"({"id": "x", "articles": [7]})", limits).ok());
  limits.max_document_bytes = 16;
  auto r = ParseKitStoryLine(TwoArticleStory().dump(), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("size limit"), std::string::npos);
  // A story with no usable sentences still gets a (sources-only) line.
  auto empty = ParseKitStoryLine(R"({"id": "e", "articles": [{"idx": 0, "sentences": ["", 5]}]})",
                                 core::Limits{});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(
      json::parse(KitBriefToJsonLine(*empty, BriefKitStory(*empty, brief::BriefOptions{})))["id"],
      "e");
}

}  // namespace
}  // namespace wirebrief::kits
