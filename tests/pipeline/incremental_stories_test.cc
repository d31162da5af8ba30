// Incremental stories (issue 20) on small hand-made streams: attach, ids for life, a late
// earlier report, a headline upgraded to its page, a story split by the refinement, merged ids
// resolving to the survivor, a damaged engine state, and the same stories in many runs as in one.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "cluster/snapshot.h"
#include "nlp/read.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::pipeline {
namespace {

core::Article Make(std::string id, std::string site, std::string date, std::string title,
                   std::string body) {
  core::Article a;
  a.id = std::move(id);
  a.url = "https://" + site + ".example/" + a.id;
  a.site_name = std::move(site);
  a.date_published = std::move(date);
  a.title = std::move(title);
  a.text = body;
  a.provenance.source = a.id + ".html";
  a.annotations = nlp::ReadArticle(a);
  return a;
}

// Three fictional events, three reports each, in three outlets' words.
std::vector<core::Article> Stream() {
  return {
      Make("dam-1", "valley-times", "2026-11-09T08:00:00Z", "Vessel Creek dam releases water",
           "The Vessel Creek dam in Harlow county began releasing water on Monday after the "
           "reservoir rose to a record 41 metres, the Harlow water board said. Residents of "
           "Lowmarsh were told to move cars away from the creek."),
      Make("prize-1", "arts-daily", "2026-11-09T09:00:00Z",
           "Tallis Youth Orchestra wins Aldmere prize",
           "The Tallis Youth Orchestra from Brennick won the Aldmere music prize on Monday, the "
           "first youth ensemble to take the award in its 60-year history. Conductor Mira Osk "
           "said the players had rehearsed for 14 months."),
      Make("dam-2", "harlow-echo", "2026-11-09T10:00:00Z",
           "Harlow dam opens gates as reservoir hits record",
           "Harlow water board engineers opened the gates of the Vessel Creek dam on Monday as "
           "the reservoir reached a record 41 metres. Lowmarsh residents moved cars away from "
           "the creek as the water board warned of rising levels."),
      Make("rail-1", "metro-wire", "2026-11-09T11:00:00Z", "Dorrin rail strike halts 300 trains",
           "A strike by Dorrin Rail drivers halted 300 trains on Monday, leaving commuters in "
           "Castlebay stranded. The drivers' union said the walkout over pay would last 24 hours."),
      Make("prize-2", "brennick-post", "2026-11-09T12:00:00Z",
           "Brennick orchestra takes Aldmere award",
           "Brennick's Tallis Youth Orchestra took the Aldmere music prize on Monday, the first "
           "youth ensemble to win it in 60 years. Conductor Mira Osk praised 14 months of "
           "rehearsals."),
      Make("rail-2", "castlebay-news", "2026-11-09T13:00:00Z",
           "Castlebay commuters stranded by Dorrin Rail walkout",
           "Commuters in Castlebay were stranded on Monday as Dorrin Rail drivers walked out over "
           "pay, halting 300 trains. The union said the strike would last 24 hours."),
      Make("dam-3", "river-daily", "2026-11-09T14:00:00Z",
           "Lowmarsh on alert as Vessel Creek dam spills",
           "Lowmarsh was on alert on Monday as the Vessel Creek dam released water from a "
           "reservoir at a record 41 metres. The Harlow water board told residents to keep cars "
           "away from the creek."),
      Make("rail-3", "metro-signal", "2026-11-09T15:00:00Z", "Dorrin Rail drivers strike over pay",
           "Dorrin Rail drivers went on strike over pay on Monday, halting 300 trains and "
           "stranding commuters across Castlebay for 24 hours, their union said."),
      Make("prize-3", "culture-week", "2026-11-09T16:00:00Z",
           "Aldmere prize goes to a youth orchestra",
           "The Aldmere music prize went to Brennick's Tallis Youth Orchestra on Monday, a first "
           "for a youth ensemble in the award's 60 years. Conductor Mira Osk said 14 months of "
           "rehearsal had paid off."),
  };
}

class IncrementalStoriesTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string why;
    ASSERT_TRUE(where_.Create(GetParam(), &why)) << why;
    if (where_.location().empty()) GTEST_SKIP() << why;
    auto s = store::OpenStore(where_.location());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    options_.jobs = 1;
  }
  void Put(const core::Article& a) {
    bool inserted = false;
    ASSERT_TRUE(store_->PutArticle(a, &inserted).ok());
  }
  StoriesSummary Update() {
    StoriesSummary sum;
    core::Status s = UpdateStories(store_.get(), options_, &sum);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return sum;
  }
  // article id -> story id, as stored.
  std::map<std::string, std::string> StoryOf() {
    std::map<std::string, std::string> out;
    auto stories = store_->LoadStories();
    EXPECT_TRUE(stories.ok());
    for (const auto& r : stories.value())
      for (const auto& a : r.story.article_ids) out[a] = r.story.id;
    return out;
  }
  // The partition as sets of article ids, whatever the story ids.
  static std::set<std::set<std::string>> Partition(const std::map<std::string, std::string>& of) {
    std::map<std::string, std::set<std::string>> by;
    for (const auto& [a, s] : of) by[s].insert(a);
    std::set<std::set<std::string>> out;
    for (auto& [s, m] : by) out.insert(m);
    return out;
  }

  testing_util::TempStore where_;
  std::unique_ptr<store::Store> store_;
  RunOptions options_;
};

TEST_P(IncrementalStoriesTest, ArticlesAttachAndStoriesKeepTheirIds) {
  std::vector<core::Article> s = Stream();
  for (size_t i = 0; i < 6; ++i) Put(s[i]);
  Update();
  auto first = StoryOf();
  ASSERT_EQ(first.size(), 6u);
  EXPECT_EQ(first["dam-1"], first["dam-2"]);
  EXPECT_EQ(first["prize-1"], first["prize-2"]);
  EXPECT_EQ(first["rail-1"], first["rail-2"]);
  EXPECT_NE(first["dam-1"], first["rail-1"]);
  EXPECT_NE(first["dam-1"], first["prize-1"]);

  Put(s[6]);  // dam-3 only
  StoriesSummary sum = Update();
  EXPECT_EQ(sum.articles_clustered, 1u);
  EXPECT_EQ(sum.stories_new, 0u);
  EXPECT_EQ(sum.stories_updated, 1u);
  auto second = StoryOf();
  EXPECT_EQ(second["dam-3"], first["dam-1"]);
  for (const auto& [article, story] : first) EXPECT_EQ(second[article], story) << article;
  auto dam = store_->LoadStory(first["dam-1"]);
  ASSERT_TRUE(dam.ok());
  EXPECT_EQ(dam->brief.version, 2);
  auto rail = store_->LoadStory(first["rail-1"]);
  ASSERT_TRUE(rail.ok());
  EXPECT_EQ(rail->brief.version, 1) << "a story that gained nothing was rewritten";
  {
    auto versions = store_->LoadBriefVersions(first["dam-1"], 0);
    ASSERT_TRUE(versions.ok());
    ASSERT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].article_count + 1, (*versions)[1].article_count);
  }
}

TEST_P(IncrementalStoriesTest, ARunWithNothingNewWritesNothing) {
  for (const auto& a : Stream()) Put(a);
  Update();
  auto before = store_->LoadStories();
  ASSERT_TRUE(before.ok());
  StoriesSummary again = Update();
  EXPECT_EQ(again.articles_clustered, 0u);
  EXPECT_EQ(again.stories_new + again.stories_updated, 0u);
  EXPECT_FALSE(again.rebuilt);
  auto after = store_->LoadStories();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size());
  for (size_t i = 0; i < after->size(); ++i)
    EXPECT_EQ((*after)[i].brief.version, (*before)[i].brief.version);
}

// The story id used to follow its earliest article, so an earlier report arriving late renamed
// the story and lost every bookmark to it.
TEST_P(IncrementalStoriesTest, ALateEarlierReportDoesNotRenameItsStory) {
  std::vector<core::Article> s = Stream();
  Put(s[2]);  // dam-2, 10:00
  Put(s[6]);  // dam-3, 14:00
  Update();
  std::string id = StoryOf()["dam-2"];
  ASSERT_FALSE(id.empty());
  Put(s[0]);  // dam-1, 08:00: earlier than both, arriving last
  Update();
  auto of = StoryOf();
  EXPECT_EQ(of["dam-1"], id);
  EXPECT_EQ(of["dam-2"], id);
  EXPECT_EQ(of["dam-3"], id);
}

// A report that arrives after its story's window closed (the stream has moved days on) used to
// be placed as if published now: among today's stories, or opening a story of its own beside the
// one it belongs to. It joins its own story, found among the stored stories of its days; one
// whose event has no story opens one, and today's stories are not touched.
TEST_P(IncrementalStoriesTest, AReportArrivingAfterItsWindowClosedJoinsItsStory) {
  std::vector<core::Article> s = Stream();
  Put(s[2]);  // dam-2, Monday
  Put(s[6]);  // dam-3
  Put(s[4]);  // prize-2
  Put(s[8]);  // prize-3
  Update();
  std::map<std::string, std::string> first = StoryOf();
  const std::string dam = first["dam-2"];
  ASSERT_EQ(first["dam-3"], dam);
  // Five days on: the rail strike (redated), and Monday's stories close.
  for (int i : {3, 5, 7}) {
    core::Article a = s[i];
    a.date_published = "2026-11-14" + a.date_published.substr(10);
    Put(a);
  }
  Update();
  std::map<std::string, std::string> second = StoryOf();
  const std::string rail = second["rail-1"];
  ASSERT_FALSE(rail.empty());
  ASSERT_NE(rail, dam);
  auto rail_before = store_->LoadStory(rail);
  ASSERT_TRUE(rail_before.ok());
  // Monday's first dam report, and a Monday rail report (another strike day), arrive now.
  Put(s[0]);  // dam-1, Monday 08:00
  core::Article monday_rail = s[3];
  monday_rail.id = "rail-0";
  monday_rail.url = "https://metro-wire.example/rail-0";
  Put(monday_rail);
  StoriesSummary sum = Update();
  EXPECT_EQ(sum.articles_late, 2u);
  EXPECT_EQ(sum.articles_clustered, 2u);
  std::map<std::string, std::string> third = StoryOf();
  EXPECT_EQ(third["dam-1"], dam);
  EXPECT_EQ(third["dam-2"], dam);
  EXPECT_FALSE(third["rail-0"].empty());
  EXPECT_NE(third["rail-0"], rail);  // Monday's strike is not Friday's story
  EXPECT_NE(third["rail-0"], dam);
  EXPECT_EQ(third["prize-2"], first["prize-2"]);
  auto dam_story = store_->LoadStory(dam);
  ASSERT_TRUE(dam_story.ok());
  EXPECT_EQ(dam_story->brief.version, 2);
  EXPECT_EQ(dam_story->story.first_published, "2026-11-09T08:00:00Z");
  auto rail_after = store_->LoadStory(rail);
  ASSERT_TRUE(rail_after.ok());
  EXPECT_EQ(rail_after->brief.version, rail_before->brief.version);
  EXPECT_EQ(rail_after->story.article_ids, rail_before->story.article_ids);
}

TEST_P(IncrementalStoriesTest, AHeadlineIsUpgradedInPlaceWhenItsPageArrives) {
  std::vector<core::Article> s = Stream();
  Put(s[0]);
  Put(s[2]);
  core::Article headline;
  headline.id = "dam-4";
  headline.url = "https://news-feed.example/dam-4";
  headline.site_name = "news-feed";
  headline.date_published = "2026-11-09T11:30:00Z";
  headline.title = "Vessel Creek dam releases water as Harlow reservoir hits record";
  headline.headline_only = true;
  Put(headline);
  Update();
  std::string id = StoryOf()["dam-4"];
  ASSERT_FALSE(id.empty()) << "a headline article reached no story";

  core::Article page = Make("dam-4", "news-feed", "2026-11-09T11:30:00Z", headline.title,
                            "The Harlow water board opened the Vessel Creek dam on Monday as the "
                            "reservoir reached a record 41 metres, and Lowmarsh residents moved "
                            "their cars away from the creek.");
  bool inserted = false;
  ASSERT_TRUE(store_->PutArticle(page, &inserted).ok());
  EXPECT_TRUE(inserted) << "the page did not upgrade the stored headline";
  StoriesSummary sum = Update();
  EXPECT_EQ(sum.articles_upgraded, 1u);
  EXPECT_EQ(StoryOf()["dam-4"], id);
  auto stored = store_->LoadArticle("dam-4");
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->headline_only);
  EXPECT_EQ(stored->text, page.text);
  auto story = store_->LoadStory(id);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->brief.version, 2);
}

// A stored story split by the refinement used to keep its id on the part where the clusterer's
// own story stayed (the article that opened it), however small: here the bridge report that
// opened it, while the three strike reports it held moved to the story a later report opened.
// The part holding most of the story's former articles keeps the id; the rest is a new story.
TEST_P(IncrementalStoriesTest, ASplitStoryKeepsItsIdWithThePartHoldingMostOfItsArticles) {
  // A bridge report that mentions a strike, three strike reports on different sides of it, and
  // a day and a half later a round-up that covers all three sides.
  Put(Make("bridge", "olm-courier", "2026-03-02T08:00:00Z",
           "Tarvel river bridge closed after crack found",
           "Engineers closed the Tarvel river bridge on Monday after inspectors found a crack in "
           "its main span, the county roads office said. Traffic was sent over the Olm ferry "
           "road. The closure came as Tarvel bakers began a strike over flour prices, leaving "
           "the town short of bread as well as a crossing."));
  Put(Make("strike-1", "tarvel-gazette", "2026-03-02T09:00:00Z",
           "Tarvel bakers strike over flour prices",
           "Bakers in Tarvel went on strike on Monday over flour prices, the bakers guild said. "
           "Guild chair Anna Reeve said flour had doubled in a year and small ovens could not "
           "keep selling bread at the old price."));
  Put(Make("strike-2", "valley-times", "2026-03-02T10:00:00Z",
           "Bread runs short as Tarvel bakers strike",
           "Shops in Tarvel ran out of bread by noon on Monday as bakers struck over flour "
           "prices. The Millhaven mill said it had raised flour prices twice because of the poor "
           "harvest."));
  Put(Make("strike-3", "county-post", "2026-03-02T11:00:00Z",
           "Tarvel council urges talks in bakers strike",
           "Tarvel council urged talks on Monday to end the bakers strike over flour prices. "
           "Mayor Jon Kessel offered the town hall for a meeting between the bakers guild and the "
           "Millhaven mill."));
  Update();
  auto first = StoryOf();
  ASSERT_EQ(first.size(), 4u);
  const std::string id = first["bridge"];
  for (const char* a : {"strike-1", "strike-2", "strike-3"})
    ASSERT_EQ(first[a], id) << "the stream no longer builds one story to split";

  Put(Make("round-up", "harvest-news", "2026-03-03T20:00:00Z",
           "Tarvel bakers strike: guild, mill and council to meet",
           "The Tarvel bakers guild, the Millhaven mill and Tarvel council will meet at the town "
           "hall to end the bakers strike over flour prices, mayor Jon Kessel said. Guild chair "
           "Anna Reeve said flour had doubled in a year; the mill blamed the poor harvest. Shops "
           "in Tarvel ran out of bread as the strike went on."));
  StoriesSummary sum = Update();
  auto second = StoryOf();
  ASSERT_NE(second["bridge"], second["strike-1"]) << "the refinement no longer splits the story";
  for (const char* a : {"strike-1", "strike-2", "strike-3", "round-up"})
    EXPECT_EQ(second[a], id) << a << " left the story that held most of its articles";
  EXPECT_EQ(sum.stories_new, 1u);
  EXPECT_EQ(sum.stories_updated, 1u);
  EXPECT_EQ(sum.stories_merged, 0u);
  auto kept = store_->LoadStory(id);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->brief.version, 2);
  auto part = store_->LoadStory(second["bridge"]);
  ASSERT_TRUE(part.ok());
  EXPECT_EQ(part->brief.version, 1) << "the smaller part is a new story";
  EXPECT_EQ(store_->ResolveStoryId(id).value(), id);

  // The next run finds the same parts under the same ids and writes nothing.
  StoriesSummary again = Update();
  EXPECT_EQ(again.stories_new + again.stories_updated + again.stories_merged, 0u);
  EXPECT_EQ(StoryOf(), second);
}

// One run or one run per article: the same stories (the open window is restored exactly).
TEST_P(IncrementalStoriesTest, ManyRunsGiveTheStoriesOfOne) {
  std::vector<core::Article> s = Stream();
  for (const auto& a : s) {
    Put(a);
    Update();
  }
  auto many = StoryOf();
  testing_util::TempStore other;
  std::string why;
  ASSERT_TRUE(other.Create("sqlite", &why)) << why;
  auto one_store = store::OpenStore(other.location());
  ASSERT_TRUE(one_store.ok());
  for (const auto& a : s) {
    bool inserted = false;
    ASSERT_TRUE(one_store.value()->PutArticle(a, &inserted).ok());
  }
  StoriesSummary sum;
  ASSERT_TRUE(UpdateStories(one_store.value().get(), options_, &sum).ok());
  std::map<std::string, std::string> one;
  auto stories = one_store.value()->LoadStories();
  ASSERT_TRUE(stories.ok());
  std::vector<store::StoryRecord> records = std::move(stories).value();
  for (const auto& r : records)
    for (const auto& a : r.story.article_ids) one[a] = r.story.id;
  EXPECT_EQ(Partition(many), Partition(one));
  EXPECT_EQ(Partition(one).size(), 3u);
}

// Stored out of order (Friday's strike clustered first, Monday's news stored days later, as
// from an archive given after the feeds): read in stored order, Monday's reports would reach the
// engine as late arrivals. `recluster` reads the store in publication order, so none is late, the
// stories are those of one run over the stream in date order, and Friday's story keeps its id.
TEST_P(IncrementalStoriesTest, ReclusterReadsTheStoreInPublicationOrder) {
  std::vector<core::Article> s = Stream();
  std::vector<core::Article> friday;
  for (int i : {3, 5, 7}) {
    core::Article a = s[i];
    a.date_published = "2026-11-13" + a.date_published.substr(10);
    friday.push_back(a);
    Put(a);
  }
  Update();
  const std::string strike = StoryOf()["rail-1"];
  ASSERT_FALSE(strike.empty());
  for (int i : {0, 1, 2, 4, 6, 8}) Put(s[i]);
  options_.articles_per_step = 2;  // a big store's steps: each page is ordered on its own
  StoriesSummary sum;
  ASSERT_TRUE(Recluster(store_.get(), options_, &sum).ok());
  EXPECT_EQ(sum.articles_late, 0u);
  EXPECT_EQ(sum.articles_clustered, 9u);
  auto after = StoryOf();
  EXPECT_EQ(after["rail-1"], strike);

  testing_util::TempStore other;
  std::string why;
  ASSERT_TRUE(other.Create("sqlite", &why)) << why;
  auto in_order = store::OpenStore(other.location());
  ASSERT_TRUE(in_order.ok());
  for (int i : {0, 1, 2, 4, 6, 8}) {
    bool inserted = false;
    ASSERT_TRUE(in_order.value()->PutArticle(s[i], &inserted).ok());
  }
  for (const auto& a : friday) {
    bool inserted = false;
    ASSERT_TRUE(in_order.value()->PutArticle(a, &inserted).ok());
  }
  StoriesSummary one;
  ASSERT_TRUE(UpdateStories(in_order.value().get(), options_, &one).ok());
  std::map<std::string, std::string> expected;
  auto stories = in_order.value()->LoadStories();
  ASSERT_TRUE(stories.ok());
  for (const auto& r : stories.value())
    for (const auto& a : r.story.article_ids) expected[a] = r.story.id;
  EXPECT_EQ(Partition(after), Partition(expected));
  EXPECT_EQ(Partition(after).size(), 3u);
  // Nothing new since the recluster: the next run writes nothing.
  StoriesSummary again = Update();
  EXPECT_EQ(again.stories_new + again.stories_updated + again.stories_merged, 0u);
}

// A start-over (recluster, a first run over a backlog) writes the stories whose windows closed a
// step at a time, so it holds the window and not the store. A stored story whose articles the
// engine now splits across steps (as an older model's story could hold two events) keeps its id
// with the part of the step that took it; the part closing in a later step leaves it (before
// step-wise writes it was claimed back and the two events stayed one story).
TEST_P(IncrementalStoriesTest, AStartOverWritesClosedStoriesStepByStepRegression) {
  std::vector<core::Article> s = Stream();
  // Three events a week apart: each closes before the next one's reports arrive.
  for (auto& a : s) {
    const char* day = a.id.rfind("dam", 0) == 0 ? "2026-11-02" : a.id.rfind("rail", 0) == 0 ? "2026-11-09" : "2026-11-16";
    a.date_published = day + a.date_published.substr(10);
    Put(a);
  }
  store::StoryUpdate older;  // what an older model stored: the dam reports and one strike report
  store::StoryRecord mixed;
  mixed.story.id = "older-model-story";
  mixed.story.title = "Vessel Creek dam releases water";
  mixed.story.article_ids = {"dam-1", "dam-2", "dam-3", "rail-1"};
  older.upsert.push_back(mixed);
  ASSERT_TRUE(store_->CommitStoryUpdate(older).ok());

  int64_t generation = 0, through = 0;
  ASSERT_TRUE(store_->LoadEngineState(&through, &generation).ok());
  options_.articles_per_step = 1;
  StoriesSummary sum;
  ASSERT_TRUE(Recluster(store_.get(), options_, &sum).ok());
  int64_t stepped = 0;
  ASSERT_TRUE(store_->LoadEngineState(&through, &stepped).ok());
  // The reset, the dam step, the strike step and the last commit (with the open window).
  EXPECT_GE(stepped - generation, 4);
  auto after = StoryOf();
  EXPECT_EQ(after["dam-1"], "older-model-story");
  EXPECT_EQ(after["dam-3"], "older-model-story");
  EXPECT_NE(after["rail-1"], "older-model-story");
  EXPECT_EQ(after["rail-1"], after["rail-2"]);
  EXPECT_EQ(after["rail-1"], after["rail-3"]);

  // One commit at the end gives the same stories.
  generation = stepped;
  options_.articles_per_step = 4096;
  ASSERT_TRUE(Recluster(store_.get(), options_, &sum).ok());
  ASSERT_TRUE(store_->LoadEngineState(&through, &stepped).ok());
  EXPECT_EQ(stepped - generation, 2);
  EXPECT_EQ(Partition(StoryOf()), Partition(after));
  EXPECT_EQ(Partition(after).size(), 3u);
  EXPECT_EQ(StoryOf(), after);  // and the same ids
}

// A store a user damaged: the engine's state is unreadable. The run says so and starts the
// window again over every article; the stories keep their ids.
TEST_P(IncrementalStoriesTest, ADamagedEngineStateIsReportedAndRebuiltKeepingIds) {
  std::vector<core::Article> s = Stream();
  for (size_t i = 0; i < 8; ++i) Put(s[i]);
  Update();
  auto before = StoryOf();
  int64_t through = 0;
  ASSERT_TRUE(store_->LoadEngineState(&through, nullptr).ok());
  store::StoryUpdate damage;
  damage.engine_state = "WBCS\x01garbage";
  damage.clustered_through = through;
  ASSERT_TRUE(store_->CommitStoryUpdate(damage).ok());
  Put(s[8]);
  StoriesSummary sum = Update();
  ASSERT_EQ(sum.warnings.size(), 1u);
  EXPECT_NE(sum.warnings[0].find("cluster state"), std::string::npos) << sum.warnings[0];
  auto after = StoryOf();
  for (const auto& [article, story] : before) EXPECT_EQ(after[article], story) << article;
  EXPECT_EQ(after["prize-3"], before["prize-1"]);
}

INSTANTIATE_TEST_SUITE_P(Backends, IncrementalStoriesTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

// Merged ids: a story emptied into another resolves to it, through chains of merges.
TEST(StoryAliasesTest, AMergedIdResolvesToItsSurvivorThroughChains) {
  testing_util::TempStore where;
  std::string why;
  ASSERT_TRUE(where.Create("sqlite", &why)) << why;
  auto s = store::OpenStore(where.location());
  ASSERT_TRUE(s.ok());
  store::Store* store = s.value().get();
  auto record = [](const std::string& id) {
    store::StoryRecord r;
    r.story.id = id;
    r.brief.story_id = id;
    return r;
  };
  store::StoryUpdate u1;
  u1.upsert = {record("sA"), record("sB"), record("sC")};
  ASSERT_TRUE(store->CommitStoryUpdate(u1).ok());
  store::StoryUpdate u2;
  u2.merged = {{"sB", "sA"}};
  ASSERT_TRUE(store->CommitStoryUpdate(u2).ok());
  EXPECT_EQ(store->ResolveStoryId("sB").value(), "sA");
  EXPECT_EQ(store->LoadStory("sB").status().code(), core::StatusCode::kNotFound);
  store::StoryUpdate u3;
  u3.merged = {{"sA", "sC"}};
  ASSERT_TRUE(store->CommitStoryUpdate(u3).ok());
  EXPECT_EQ(store->ResolveStoryId("sB").value(), "sC");
  EXPECT_EQ(store->ResolveStoryId("sA").value(), "sC");
  EXPECT_EQ(store->ResolveStoryId("sC").value(), "sC");
  EXPECT_EQ(store->ResolveStoryId("nope").status().code(), core::StatusCode::kNotFound);
}

}  // namespace
}  // namespace wirebrief::pipeline
