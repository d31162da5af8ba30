#include "cluster/cluster.h"

#include <gtest/gtest.h>

#include <set>

#include "nlp/read.h"

namespace wirebrief::cluster {
namespace {

core::Article Make(std::string id, std::string site, std::string date, std::string title, std::string body) {
  core::Article a;
  a.id = std::move(id);
  a.site_name = std::move(site);
  a.date_published = std::move(date);
  a.title = std::move(title);
  a.text = a.title + "\n" + body;
  a.annotations = nlp::ReadArticle(a);
  return a;
}

const std::string kWire =
    "A strong earthquake of magnitude 6.1 struck near the coastal town of Valmora on Tuesday, damaging the harbour "
    "wall and the old cathedral, the national seismic institute said. Regional governor Ada Perrin said 23 people "
    "were injured and rescue teams were checking collapsed houses in the fishing quarter of Valmora.";

}  // namespace

TEST(ClusterStoriesTest, SeparatesTwoEventsOfTheSameKindAndGroupsCoverage) {
  std::vector<core::Article> arts = {
      Make("a1", "Wire One", "2026-11-03T08:00:00Z", "Magnitude 6.1 quake hits Valmora", kWire),
      Make("a2", "Daily Two", "2026-11-03T09:00:00Z", "Valmora cathedral damaged in earthquake",
           kWire + " The town's mayor asked residents to avoid the seafront."),
      Make("a3", "Herald Three", "2026-11-03T12:00:00Z", "Injured in Valmora quake rise to 23",
           "Governor Ada Perrin said 23 people were hurt when the earthquake hit Valmora. The harbour wall cracked and "
           "the cathedral roof fell in, and rescue teams searched the fishing quarter through the night."),
      Make("b1", "Daily Two", "2026-11-06T07:00:00Z", "Earthquake shakes mountain villages near Korsk",
           "An earthquake of magnitude 5.4 shook mountain villages around Korsk on Friday, cutting the road to the "
           "mines. Mining minister Taro Lindqvist said two tunnels were closed as a precaution near Korsk."),
      Make("b2", "Herald Three", "2026-11-06T10:00:00Z", "Korsk mines shut after quake",
           "Two tunnels at the Korsk mines were closed after Friday's magnitude 5.4 earthquake, mining minister "
           "Taro Lindqvist said, and the mountain road to Korsk stayed shut."),
  };
  std::vector<const core::Article*> ptrs;
  for (auto& a : arts) ptrs.push_back(&a);
  auto groups = ClusterStories(ptrs, ClusterOptions{});
  std::set<std::set<std::string>> got;
  for (const auto& g : groups) got.insert({g.story.article_ids.begin(), g.story.article_ids.end()});
  EXPECT_EQ(got, (std::set<std::set<std::string>>{{"a1", "a2", "a3"}, {"b1", "b2"}}));
}

TEST(ClusterStoriesTest, WireReprintsFormACopyFamilyAndDoNotCountAsIndependent) {
  std::vector<core::Article> arts = {
      Make("a1", "Wire One", "2026-11-03T08:00:00Z", "Magnitude 6.1 quake hits Valmora", kWire),
      Make("a2", "Daily Two", "2026-11-03T09:00:00Z", "Valmora cathedral damaged", kWire + " Local note added."),
      Make("a3", "Herald Three", "2026-11-03T12:00:00Z", "Injured in Valmora quake rise to 23",
           "Governor Ada Perrin said 23 people were hurt when the earthquake hit Valmora on Tuesday; the harbour wall "
           "cracked and the cathedral roof fell in while teams searched the fishing quarter."),
  };
  std::vector<const core::Article*> ptrs;
  for (auto& a : arts) ptrs.push_back(&a);
  auto groups = ClusterStories(ptrs, ClusterOptions{});
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0].families.size(), 1u);
  EXPECT_EQ(groups[0].families[0].article_ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(groups[0].story.outlets.size(), 3u);
  EXPECT_EQ(groups[0].story.independent_outlets, 2);
}

TEST(ClusterStoriesTest, ResultDoesNotDependOnInputOrder) {
  std::vector<core::Article> arts = {
      Make("x1", "A", "2026-11-03", "Port strike halts container traffic in Salvo",
           "Dock workers in Salvo walked out over pay, halting container traffic at the port of Salvo."),
      Make("x2", "B", "2026-11-03", "Salvo dock strike enters second day",
           "The strike by dock workers at the port of Salvo over pay halted container traffic for a second day."),
  };
  std::vector<const core::Article*> fwd = {&arts[0], &arts[1]}, rev = {&arts[1], &arts[0]};
  auto g1 = ClusterStories(fwd, ClusterOptions{});
  auto g2 = ClusterStories(rev, ClusterOptions{});
  ASSERT_EQ(g1.size(), g2.size());
  EXPECT_EQ(g1[0].story.id, g2[0].story.id);
  EXPECT_EQ(g1[0].story.article_ids, g2[0].story.article_ids);
}

// Issue 29: a story of two articles from one unknown outlet, one crediting a wire, read "1
// outlets (2 independent)": the agency's voice was counted as an outlet.
TEST(AssembleStoryTest, IndependentOutletsNeverExceedOutletsRegression) {
  core::Article own = Make("own", "", "2026-11-09", "Valmora harbour wall damaged", kWire);
  core::Article wire = Make("wire", "", "2026-11-09", "Quake damages Valmora cathedral", kWire);
  wire.wire = {"Continental Wire Service"};
  StoryGroup g = AssembleStory("s1", {&own, &wire}, {}, {});
  EXPECT_EQ(g.story.outlets.size(), 1u);
  EXPECT_EQ(g.story.independent_outlets, 1);
  core::Article other = Make("other", "Harbour Times", "2026-11-09", "Valmora quake", kWire);
  StoryGroup g2 = AssembleStory("s2", {&own, &wire, &other}, {}, {});
  EXPECT_EQ(g2.story.outlets.size(), 2u);
  EXPECT_EQ(g2.story.independent_outlets, 2);
}

}  // namespace wirebrief::cluster
