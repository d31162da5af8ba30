// Bug: a run that stored new articles and died before rebuilding stories left the story set
// stale for good: the rerun found no new articles and skipped the rebuild. The rerun must notice
// (the story engine's watermark stays behind the articles it has not clustered) on every backend.
#include <gtest/gtest.h>

#include <algorithm>

#include "nlp/read.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::pipeline {
namespace {

core::Article Make(std::string id, std::string site, std::string title, std::string body) {
  core::Article a;
  a.id = std::move(id);
  a.url = "https://" + site + ".example/" + a.id;
  a.site_name = std::move(site);
  a.date_published = "2026-11-09";
  a.title = std::move(title);
  a.text = a.title + "\n" + body;
  a.provenance.source = a.id + ".html";
  a.annotations = nlp::ReadArticle(a);
  return a;
}

class StaleStoriesTest : public ::testing::TestWithParam<const char*> {
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
    ASSERT_TRUE(inserted);
  }
  RunSummary Rerun() {  // a run whose inputs are all stored already: nothing new arrives
    auto sum = RunPipeline({}, store_.get(), options_, nullptr);
    EXPECT_TRUE(sum.ok()) << sum.status().ToString();
    return sum.ok() ? sum.value() : RunSummary{};
  }
  bool InSomeStory(const std::string& article_id) {
    auto stories = store_->LoadStories();
    EXPECT_TRUE(stories.ok());
    for (const auto& r : stories.value())
      if (std::count(r.story.article_ids.begin(), r.story.article_ids.end(), article_id))
        return true;
    return false;
  }

  testing_util::TempStore where_;
  std::unique_ptr<store::Store> store_;
  RunOptions options_;
};

TEST_P(StaleStoriesTest, RerunAfterACrashBeforeTheRebuildRebuildsStories) {
  Put(Make("dam-1", "valley-times", "Vessel Creek dam releases water",
           "The Vessel Creek dam in Harlow county began releasing water on Monday after the "
           "reservoir rose to a record level, the Harlow water board said."));
  Put(Make("prize-1", "arts-daily", "Tallis Youth Orchestra wins Aldmere prize",
           "The Tallis Youth Orchestra from Brennick won the Aldmere music prize on Saturday."));
  RunSummary first = Rerun();
  EXPECT_TRUE(first.reclustered);  // stored but never clustered
  ASSERT_TRUE(InSomeStory("dam-1"));

  // The crash: a run stores its new article, then dies before the rebuild.
  Put(Make("dam-2", "harlow-echo", "Harlow residents move cars as dam releases water",
           "Residents of Lowmarsh and Pellby moved cars away from Vessel Creek after the dam "
           "began releasing water, the Harlow water board said."));
  ASSERT_FALSE(InSomeStory("dam-2"));

  RunSummary rerun = Rerun();
  EXPECT_EQ(rerun.articles_new, 0u);
  EXPECT_TRUE(rerun.reclustered) << "stories were left stale after the crash";
  EXPECT_TRUE(InSomeStory("dam-2"));

  // Caught up: a repeated run writes nothing.
  EXPECT_FALSE(Rerun().reclustered);
}

INSTANTIATE_TEST_SUITE_P(Backends, StaleStoriesTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::pipeline
