#include "store/store.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace wirebrief::store {
namespace {

std::string TempDb(const char* name) {
  auto p = std::filesystem::temp_directory_path() / (std::string("wb_store_") + name + "_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(p);
  return p.string();
}

core::Article Make(const std::string& id, const std::string& source) {
  core::Article a;
  a.id = id;
  a.title = "Title " + id;
  a.text = "Title " + id + "\nBody.";
  a.date_published = "2026-11-03";
  a.authors = {"Ana Ruiz"};
  a.provenance.source = source;
  a.provenance.container = "file";
  a.annotations.sentences.push_back({{0, 7}});
  a.annotations.mentions.push_back({{6, 7}, core::EntityType::kPlace, "x", ""});
  return a;
}

}  // namespace

TEST(SqliteStoreTest, StoringTheSameArticleTwiceStoresItOnce) {
  std::string db = TempDb("idem");
  auto s = OpenStore(db);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s.value()->SchemaVersion(), 2);
  bool inserted = false;
  ASSERT_TRUE(s.value()->PutArticle(Make("a1", "p.html"), &inserted).ok());
  EXPECT_TRUE(inserted);
  ASSERT_TRUE(s.value()->PutArticle(Make("a1", "p.html"), &inserted).ok());
  EXPECT_FALSE(inserted);
  ASSERT_TRUE(s.value()->PutArticle(Make("a1", "crawl.warc.gz"), &inserted).ok());  // same page, other container
  EXPECT_FALSE(inserted);
  auto c = s.value()->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, 1);
  EXPECT_EQ(c->provenance, 2);
  std::filesystem::remove(db);
}

TEST(SqliteStoreTest, ArticlesAndStoriesSurviveReopening) {
  std::string db = TempDb("reopen");
  {
    auto s = OpenStore(db);
    ASSERT_TRUE(s.ok());
    bool inserted;
    ASSERT_TRUE(s.value()->PutArticle(Make("a1", "p.html"), &inserted).ok());
    StoryRecord r;
    r.story = {"s1", "Story", {"a1"}, {"Outlet"}, 1, "2026-11-03", "2026-11-03"};
    r.brief.story_id = "s1";
    r.brief.lines.push_back({core::BriefSection::kLede, "", "Lede.", {{"a1", {0, 7}}}, false});
    r.copy_families = {{"a1"}};
    ASSERT_TRUE(s.value()->ReplaceStories({r}).ok());
  }
  auto s = OpenStore(db);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->SchemaVersion(), 2);
  auto arts = s.value()->LoadArticles();
  ASSERT_TRUE(arts.ok());
  ASSERT_EQ(arts->size(), 1u);
  EXPECT_EQ(arts->at(0).authors, std::vector<std::string>{"Ana Ruiz"});
  ASSERT_EQ(arts->at(0).annotations.mentions.size(), 1u);
  EXPECT_EQ(arts->at(0).annotations.mentions[0].type, core::EntityType::kPlace);
  auto stories = s.value()->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.article_ids, std::vector<std::string>{"a1"});
  ASSERT_EQ(stories->at(0).brief.lines.size(), 1u);
  EXPECT_EQ(stories->at(0).brief.lines[0].citations[0], (core::Citation{"a1", {0, 7}}));
  EXPECT_EQ(stories->at(0).copy_families, (std::vector<std::vector<std::string>>{{"a1"}}));
  std::filesystem::remove(db);
}

TEST(SqliteStoreTest, ReplaceStoriesSwapsTheWholeSet) {
  std::string db = TempDb("swap");
  auto s = OpenStore(db);
  ASSERT_TRUE(s.ok());
  bool inserted;
  ASSERT_TRUE(s.value()->PutArticle(Make("a1", "p.html"), &inserted).ok());
  StoryRecord r1, r2;
  r1.story = {"s1", "One", {"a1"}, {}, 1, "", ""};
  r2.story = {"s2", "Two", {"a1"}, {}, 1, "", ""};
  ASSERT_TRUE(s.value()->ReplaceStories({r1}).ok());
  ASSERT_TRUE(s.value()->ReplaceStories({r2}).ok());
  auto stories = s.value()->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.id, "s2");
  std::filesystem::remove(db);
}

TEST(SqliteStoreTest, UnopenableLocationIsAnErrorNamingIt) {
  auto s = OpenStore("/nonexistent-dir/x/y.db");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().ToString().find("/nonexistent-dir/x/y.db"), std::string::npos);
}

}  // namespace wirebrief::store
