// Brief versions across rebuilds: a story that grows gets version n+1, an unchanged story keeps
// its version, and a story whose id moved (an earlier report arrived) is still the same story.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "nlp/read.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

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
  a.text = a.title + "\n" + body;
  a.annotations = nlp::ReadArticle(a);
  return a;
}

const char* kDam =
    "The Vessel Creek dam in Harlow county began releasing water on Monday after the reservoir "
    "rose to a record level, the Harlow water board said. Residents of Lowmarsh and Pellby were "
    "told to move cars away from the creek. The water board said the Vessel Creek dam release "
    "would last three days.";
const char* kOrchestra =
    "The Tallis Youth Orchestra from Brennick won the Aldmere music prize on Saturday with a "
    "new symphony by its conductor Ysolde Park. The Aldmere jury praised the Tallis Youth "
    "Orchestra for its strings. The orchestra will tour Aldmere in the spring.";

class BriefVersionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("wb_brief_version_" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    auto s = store::OpenStore(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
    options_.jobs = 1;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove(path_);
  }
  void Put(const core::Article& a) {
    bool inserted = false;
    ASSERT_TRUE(store_->PutArticle(a, &inserted).ok());
  }
  // Rebuilds, then maps each stored story (by the article it contains) to its brief version.
  std::map<std::string, int> RebuildAndVersionOf(const std::vector<std::string>& marker_ids) {
    size_t n = 0;
    EXPECT_TRUE(RebuildStories(store_.get(), options_, &n).ok());
    std::map<std::string, int> out;
    auto stories = store_->LoadStories();
    EXPECT_TRUE(stories.ok());
    for (const auto& r : stories.value())
      for (const auto& id : r.story.article_ids)
        for (const auto& m : marker_ids)
          if (id == m) out[m] = r.brief.version;
    return out;
  }
  std::string path_;
  std::unique_ptr<store::Store> store_;
  RunOptions options_;
};

TEST_F(BriefVersionTest, StoryThatGrowsGetsNextVersionUnchangedStoryKeepsIts) {
  Put(Make("dam-1", "harlowherald", "2026-11-02T08:00:00Z", "Vessel Creek dam releases water",
           kDam));
  Put(Make("dam-2", "valleypost", "2026-11-02T09:30:00Z",
           "Harlow water board opens Vessel Creek dam", kDam));
  Put(Make("orc-1", "brennickbugle", "2026-11-01T20:00:00Z",
           "Tallis Youth Orchestra wins Aldmere prize", kOrchestra));
  Put(Make("orc-2", "aldmeretimes", "2026-11-01T21:00:00Z",
           "Brennick orchestra takes Aldmere music prize", kOrchestra));
  auto v1 = RebuildAndVersionOf({"dam-1", "orc-1"});
  ASSERT_EQ(v1.size(), 2u);
  EXPECT_EQ(v1["dam-1"], 1);
  EXPECT_EQ(v1["orc-1"], 1);

  // Nothing new: both keep version 1.
  auto same = RebuildAndVersionOf({"dam-1", "orc-1"});
  EXPECT_EQ(same["dam-1"], 1);
  EXPECT_EQ(same["orc-1"], 1);

  // The dam story grows; the orchestra story does not.
  Put(Make("dam-3", "lowmarshlocal", "2026-11-03T07:00:00Z",
           "Lowmarsh residents move cars as Vessel Creek dam releases water", kDam));
  auto v2 = RebuildAndVersionOf({"dam-1", "dam-3", "orc-1"});
  EXPECT_EQ(v2["dam-1"], 2);
  EXPECT_EQ(v2["dam-3"], 2);
  EXPECT_EQ(v2["orc-1"], 1);

  // An earlier report moves the story's id (it follows the earliest article) but the story is
  // recognised by its articles and grows to version 3.
  Put(Make("dam-0", "pellbynews", "2026-11-02T06:00:00Z", "Vessel Creek dam to release water",
           kDam));
  auto v3 = RebuildAndVersionOf({"dam-0", "dam-1", "orc-1"});
  EXPECT_EQ(v3["dam-0"], 3);
  EXPECT_EQ(v3["dam-1"], 3);
  EXPECT_EQ(v3["orc-1"], 1);
}

}  // namespace
}  // namespace wirebrief::pipeline
