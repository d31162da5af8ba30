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

}  // namespace wirebrief::cluster
