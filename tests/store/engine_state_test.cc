// The store side of incremental stories on every backend: the stored order articles are paged
// by, the engine state's generation check, and merged story ids.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::store {
namespace {

class EngineStateTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string why;
    ASSERT_TRUE(where_.Create(GetParam(), &why)) << why;
    if (where_.location().empty()) GTEST_SKIP() << why;
    store_ = Open();
    ASSERT_TRUE(store_);
  }
  std::unique_ptr<Store> Open() {
    auto s = OpenStore(where_.location());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  static core::Article Article(const std::string& id, bool headline = false) {
    core::Article a;
    a.id = id;
    a.title = "Title " + id;
    a.text = headline ? "" : "Title " + id + "\nBody of " + id + ".";
    a.headline_only = headline;
    a.date_published = "2026-12-01";
    a.provenance.source = id + ".html";
    return a;
  }
  static StoryRecord Story(const std::string& id, std::vector<std::string> members) {
    StoryRecord r;
    r.story.id = id;
    r.story.article_ids = std::move(members);
    r.brief.story_id = id;
    r.brief.version = 1;
    return r;
  }
  std::vector<std::string> IdsAfter(int64_t sequence) {
    auto page = store_->LoadArticlesAfter(sequence, 100);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok())
      for (const auto& s : page.value()) ids.push_back(s.article.id);
    return ids;
  }

  testing_util::TempStore where_;
  std::unique_ptr<Store> store_;
};

TEST_P(EngineStateTest, AnUpgradedHeadlineMovesToTheEndOfTheStoredOrder) {
  bool inserted = false;
  ASSERT_TRUE(store_->PutArticle(Article("h", true), &inserted).ok());
  ASSERT_TRUE(store_->PutArticle(Article("b"), &inserted).ok());
  EXPECT_EQ(IdsAfter(0), (std::vector<std::string>{"h", "b"}));
  auto before = store_->LoadArticlesAfter(0, 100);
  ASSERT_TRUE(before.ok());
  const int64_t b_sequence = before->back().sequence;

  ASSERT_TRUE(store_->PutArticle(Article("b"), &inserted).ok());  // known page: stays
  EXPECT_FALSE(inserted);
  ASSERT_TRUE(store_->PutArticle(Article("h"), &inserted).ok());  // the headline's page
  EXPECT_TRUE(inserted);
  EXPECT_EQ(IdsAfter(0), (std::vector<std::string>{"b", "h"}));
  EXPECT_EQ(IdsAfter(b_sequence), std::vector<std::string>{"h"});
  auto h = store_->LoadArticle("h");
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->headline_only);
  EXPECT_EQ(h->text, "Title h\nBody of h.");

  ASSERT_TRUE(store_->PutArticle(Article("h", true), &inserted).ok());  // a listing again
  EXPECT_FALSE(inserted);
  EXPECT_EQ(IdsAfter(b_sequence), std::vector<std::string>{"h"});
  EXPECT_FALSE(store_->LoadArticle("h")->headline_only) << "a headline replaced its page";
}

// A sequence number handed out at insert (PostgreSQL BIGSERIAL) can commit after a larger one:
// a reader that saw the larger moved its watermark past the smaller for good, and that article
// was never clustered. Writers and a reader paging from its watermark run at once here.
TEST_P(EngineStateTest, AReaderPagingByTheWatermarkMissesNoConcurrentlyStoredArticle) {
  constexpr int kWriters = 3, kPerWriter = 80;
  std::atomic<int> failures{0};
  std::atomic<bool> done{false};
  std::set<std::string> seen;
  int64_t watermark = 0;
  std::thread reader([&] {
    auto s = Open();
    if (!s) return void(++failures);
    auto read_all = [&] {
      for (;;) {
        auto page = s->LoadArticlesAfter(watermark, 7);
        if (!page.ok()) return void(++failures);
        if (page->empty()) return;
        for (const auto& a : page.value()) {
          if (a.sequence <= watermark) ++failures;  // not in stored order
          watermark = a.sequence;
          seen.insert(a.article.id);
        }
      }
    };
    while (!done) read_all();
    read_all();
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      auto s = Open();
      if (!s) return void(++failures);
      for (int i = 0; i < kPerWriter; ++i) {
        bool inserted = false;
        if (!s->PutArticle(Article("w" + std::to_string(w) + "-" + std::to_string(i)), &inserted)
                 .ok())
          ++failures;
      }
    });
  for (auto& t : writers) t.join();
  done = true;
  reader.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(seen.size(), static_cast<size_t>(kWriters * kPerWriter))
      << "articles committed behind the reader's watermark were skipped";
}

// `recluster` pages the store by (publication date, sequence): dated articles in date order,
// ties in stored order across page boundaries, undated ones apart, nothing stored after the
// bound, and nothing read twice or skipped.
TEST_P(EngineStateTest, ArticlesPageInPublicationOrderWithTiesInStoredOrder) {
  const std::vector<std::pair<std::string, std::string>> stored = {
      {"c", "2026-12-03"}, {"a1", "2026-12-01"}, {"u1", ""},  {"b", "2026-12-02T10:00:00Z"},
      {"a2", "2026-12-01"}, {"a3", "2026-12-01"}, {"u2", ""}, {"late", "2026-11-30"}};
  for (const auto& [id, date] : stored) {
    core::Article a = Article(id);
    a.date_published = date;
    bool inserted = false;
    ASSERT_TRUE(store_->PutArticle(a, &inserted).ok());
  }
  auto newest = store_->LastArticleSequence();
  ASSERT_TRUE(newest.ok()) << newest.status().ToString();
  core::Article after = Article("after-bound");
  after.date_published = "2026-12-01";
  bool inserted = false;
  ASSERT_TRUE(store_->PutArticle(after, &inserted).ok());
  auto read = [&](DateOrderKey key, const std::string& before) {
    std::vector<std::string> ids;
    for (;;) {  // pages of two, so ties straddle page boundaries
      auto page = store_->LoadArticlesInDateOrder(key, before, *newest, 2);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok() || page->empty()) break;
      for (const auto& s : page.value()) ids.push_back(s.article.id);
      key = {page->back().article.date_published, page->back().sequence};
    }
    return ids;
  };
  EXPECT_EQ(read({"0", 0}, ""), (std::vector<std::string>{"late", "a1", "a2", "a3", "b", "c"}));
  EXPECT_EQ(read({}, "0"), (std::vector<std::string>{"u1", "u2"}));
  auto last = store_->LastArticleSequence();
  ASSERT_TRUE(last.ok());
  EXPECT_GT(*last, *newest);
}

TEST_P(EngineStateTest, AnUpdateBuiltOnAStaleGenerationWritesNothing) {
  int64_t through = -1, generation = -1;
  auto state = store_->LoadEngineState(&through, &generation);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(*state, "");
  EXPECT_EQ(through, 0);
  EXPECT_EQ(generation, 0);
  bool inserted = false;
  ASSERT_TRUE(store_->PutArticle(Article("a1"), &inserted).ok());
  ASSERT_TRUE(store_->PutArticle(Article("a2"), &inserted).ok());

  // Two updates computed from the same state; the first commits.
  StoryUpdate first, second;
  first.upsert = {Story("s1", {"a1"})};
  first.engine_state = std::string("one\0bytes\xff", 10);  // bytes, not text
  first.clustered_through = 1;
  first.built_on_generation = generation;
  second.upsert = {Story("s1", {"a1", "a2"})};
  second.engine_state = "two";
  second.clustered_through = 2;
  second.built_on_generation = generation;
  ASSERT_TRUE(store_->CommitStoryUpdate(first).ok());

  core::Status late = store_->CommitStoryUpdate(second);
  EXPECT_EQ(late.code(), core::StatusCode::kConflict) << late.ToString();
  auto now = store_->LoadEngineState(&through, &generation);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(*now, first.engine_state);
  EXPECT_EQ(through, 1);
  EXPECT_EQ(generation, 1);
  auto s1 = store_->LoadStory("s1");
  ASSERT_TRUE(s1.ok());
  EXPECT_EQ(s1->story.article_ids, std::vector<std::string>{"a1"})
      << "the refused update was written";

  // Built again on the state now stored, it commits.
  second.built_on_generation = generation;
  ASSERT_TRUE(store_->CommitStoryUpdate(second).ok());
  EXPECT_EQ(store_->LoadStory("s1")->story.article_ids, (std::vector<std::string>{"a1", "a2"}));
  // An unconditional commit (a reset) always lands and moves the generation too.
  StoryUpdate reset;
  ASSERT_TRUE(store_->CommitStoryUpdate(reset).ok());
  EXPECT_EQ(store_->LoadEngineState(&through, &generation).value(), "");
  EXPECT_EQ(through, 0);
  EXPECT_EQ(generation, 3);
}

TEST_P(EngineStateTest, BriefVersionsAreKeptOldestFirst) {
  bool inserted = false;
  ASSERT_TRUE(store_->PutArticle(Article("a1"), &inserted).ok());
  for (int v = 1; v <= 3; ++v) {
    StoryUpdate u;
    u.upsert = {Story("s1", {"a1"})};
    u.upsert[0].brief.version = v;
    u.upsert[0].brief.article_count = 10 * v;
    ASSERT_TRUE(store_->CommitStoryUpdate(u).ok());
  }
  auto versions = store_->LoadBriefVersions("s1", 1);
  ASSERT_TRUE(versions.ok()) << versions.status().ToString();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].article_count, 20);
  EXPECT_EQ((*versions)[1].article_count, 30);
  EXPECT_EQ(store_->LoadStory("s1")->brief.article_count, 30);
}

// Merged ids: a story emptied into another resolves to it, through chains of merges, also a
// chain merged within one update.
TEST_P(EngineStateTest, AMergedIdResolvesToItsSurvivorThroughChains) {
  StoryUpdate u1;
  u1.upsert = {Story("sA", {}), Story("sB", {}), Story("sC", {}), Story("sD", {}), Story("sE", {})};
  ASSERT_TRUE(store_->CommitStoryUpdate(u1).ok());
  StoryUpdate u2;
  u2.merged = {{"sB", "sA"}};
  ASSERT_TRUE(store_->CommitStoryUpdate(u2).ok());
  EXPECT_EQ(store_->ResolveStoryId("sB").value(), "sA");
  EXPECT_EQ(store_->LoadStory("sB").status().code(), core::StatusCode::kNotFound);
  StoryUpdate u3;
  u3.merged = {{"sA", "sC"}, {"sC", "sD"}};
  ASSERT_TRUE(store_->CommitStoryUpdate(u3).ok());
  EXPECT_EQ(store_->ResolveStoryId("sB").value(), "sD");
  EXPECT_EQ(store_->ResolveStoryId("sA").value(), "sD");
  EXPECT_EQ(store_->ResolveStoryId("sC").value(), "sD");
  EXPECT_EQ(store_->ResolveStoryId("sE").value(), "sE");
  EXPECT_EQ(store_->ResolveStoryId("nope").status().code(), core::StatusCode::kNotFound);
  auto of = store_->StoriesOfArticles({"a-none"});
  ASSERT_TRUE(of.ok());
  EXPECT_TRUE(of->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, EngineStateTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::store
