// One story across languages (issue 27): short reports of one event in three languages join on
// what no language changes (figures, names in Latin script, countries), and unrelated events
// that only share a country do not. All text is fictional.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cluster/cluster.h"
#include "cluster/snapshot.h"

namespace wirebrief::cluster {
namespace {

core::Article Report(std::string id, std::string language, std::string text) {
  core::Article a;
  a.id = std::move(id);
  a.url = "https://news.invalid/" + a.id;
  a.site_name = "Outlet " + a.id;
  a.date_published = "2026-11-03T10:00:00Z";
  a.language = std::move(language);
  a.text = std::move(text);
  return a;
}

// A ferry aground off Norway, in English, German and Chinese (traditional script: the names are
// transliterated there, so only the figures, the Latin port name and the country are shared).
std::vector<core::Article> Ferry() {
  return {
      Report("ferry-en", "en",
             "A ferry carrying 312 passengers ran aground near the port of Kessnar in Norway on "
             "Tuesday morning. Captain Ilva Brandtmoor said 14 people were slightly hurt and the "
             "coast guard towed the ship back to Kessnar."),
      Report("ferry-de", "de",
             "Eine Fähre mit 312 Passagieren ist am Dienstagmorgen vor dem Hafen von Kessnar in "
             "Norwegen auf Grund gelaufen. Kapitänin Ilva Brandtmoor sagte, 14 Menschen seien "
             "leicht verletzt worden; die Küstenwache schleppte das Schiff nach Kessnar zurück."),
      Report("ferry-zh", "zh-Hant",
             "一艘載有312名乘客的渡輪週二早上在挪威Kessnar港附近擱淺。船長表示，14人受輕傷，"
             "海岸警衛隊已將船拖回Kessnar。"),
  };
}

// Two other events in Norway: a rate decision (English) and a fishing law (Portuguese).
std::vector<core::Article> OtherNorwayEvents() {
  return {
      Report("rate-en", "en",
             "Norway's central bank raised its main interest rate to 4.75 percent, governor Sander "
             "Vollen told reporters in Oslo, citing prices that rose faster than expected in "
             "October."),
      Report("fish-pt", "pt",
             "O parlamento da Noruega aprovou uma nova lei sobre a pesca costeira, que limita as "
             "capturas de bacalhau a 9 toneladas por barco, disse a ministra Tove Lindgard."),
  };
}

std::map<std::string, std::string> StoryOf(const std::vector<core::Article>& articles,
                                           const ClusterOptions& options) {
  std::vector<const core::Article*> ptrs;
  for (const auto& a : articles) ptrs.push_back(&a);
  std::map<std::string, std::string> story;
  for (const StoryGroup& g : ClusterStories(ptrs, options))
    for (const auto& id : g.story.article_ids) story[id] = g.story.id;
  return story;
}

TEST(CrossLanguageTest, ReportsOfOneEventInThreeLanguagesJoinOneStory) {
  std::vector<core::Article> arts = Ferry();
  for (auto& a : OtherNorwayEvents()) arts.push_back(a);
  std::map<std::string, std::string> story = StoryOf(arts, StoryStreamOptions());
  ASSERT_EQ(story.size(), arts.size());
  EXPECT_EQ(story["ferry-en"], story["ferry-de"]);
  EXPECT_EQ(story["ferry-en"], story["ferry-zh"]);
}

TEST(CrossLanguageTest, UnrelatedEventsSharingOnlyACountryStayApart) {
  std::vector<core::Article> arts = Ferry();
  for (auto& a : OtherNorwayEvents()) arts.push_back(a);
  std::map<std::string, std::string> story = StoryOf(arts, StoryStreamOptions());
  EXPECT_NE(story["rate-en"], story["ferry-en"]);
  EXPECT_NE(story["fish-pt"], story["ferry-en"]);
  EXPECT_NE(story["rate-en"], story["fish-pt"]);
}

// An article whose language is unknown never joins across languages: the rule needs to know
// the two sides differ.
TEST(CrossLanguageTest, UnknownLanguageNeverJoinsAcrossLanguages) {
  std::vector<core::Article> arts = Ferry();
  arts[2].language.clear();
  ClusterOptions o = StoryStreamOptions();
  std::map<std::string, std::string> story = StoryOf(arts, o);
  o.cross_language_join_threshold = 0;
  std::map<std::string, std::string> off = StoryOf(arts, o);
  EXPECT_EQ(story["ferry-zh"] == story["ferry-en"], off["ferry-zh"] == off["ferry-en"]);
}

// Within one language the rule changes nothing: an English stream is placed the same with it
// on or off.
TEST(CrossLanguageTest, OneLanguageStreamIsPlacedAsWithoutTheRule) {
  std::vector<core::Article> arts = {Ferry()[0], OtherNorwayEvents()[0],
                                     Report("ferry-en2", "en",
                                            "The ferry that ran aground off Kessnar with 312 "
                                            "passengers aboard is back in port, Norway's coast "
                                            "guard said.")};
  ClusterOptions on = StoryStreamOptions(), off = on;
  off.cross_language_join_threshold = 0;
  EXPECT_EQ(StoryOf(arts, on), StoryOf(arts, off));
}

// The open window keeps each document's language and anchors, so a stream restored from its
// snapshot still joins the next language's report (the pipeline restores one every run).
TEST(CrossLanguageTest, SnapshotKeepsLanguagesAndAnchors) {
  std::vector<core::Article> arts = Ferry();
  ClusterOptions o = StoryStreamOptions();
  o.keep_stories = false;
  OnlineClusterer first(o);
  Placement en = first.Add(arts[0]);
  first.Add(arts[1]);
  auto parsed = ParseSnapshot(SerializeSnapshot(first.Snapshot()));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  std::map<std::string, std::string> texts = {{arts[0].id, arts[0].text},
                                              {arts[1].id, arts[1].text}};
  OnlineClusterer second(o, *parsed,
                         [&](const std::string& id) -> std::string_view { return texts.at(id); });
  Placement zh = second.Add(arts[2]);
  EXPECT_EQ(zh.story_id, en.story_id);
}

}  // namespace
}  // namespace wirebrief::cluster
