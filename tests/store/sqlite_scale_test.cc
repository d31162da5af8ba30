// What the SQLite store costs as it grows: a connection that stores articles (a pipeline run)
// must not map the database file for its reads, or its RSS follows the store's size; and the
// row counts every run reads are kept by triggers (migration 5), not counted by scans.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/store.h"

namespace wirebrief::store {
namespace {

namespace fs = std::filesystem;

// Resident file-backed pages of this process (mapped files), in KiB; -1 when unknown.
long RssFileKib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long value = -1;
  while (status >> key) {
    if (key == "RssFile:") {
      status >> value;
      return value;
    }
    status.ignore(1 << 12, '\n');
  }
  return -1;
}

class SqliteScaleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("wb_scale_" + std::to_string(::getpid()) + ".db");
    Clean();
  }
  // Stores `count` articles of about `bytes` of text each.
  void Fill(int count, size_t bytes) {
    auto s = OpenStore(path_.string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    for (int i = 0; i < count; ++i) {
      core::Article a;
      a.id = "a" + std::to_string(i);
      a.title = "Harbour report " + std::to_string(i);
      for (int w = 0; a.text.size() < bytes; ++w)
        a.text += "word" + std::to_string((i * 7919 + w) % 100003) + " ";
      a.date_published = "2026-11-03";
      a.provenance.source = a.id + ".txt";
      bool inserted = false;
      ASSERT_TRUE(s.value()->PutArticle(a, &inserted).ok());
      ids_.push_back(a.id);
    }
  }
  void TearDown() override { Clean(); }
  void Clean() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_.string() + suffix, ec);
  }
  // RssFile growth while `store` reads every article's text.
  long ReadEverything(Store* store) {
    long before = RssFileKib();
    auto read = store->LoadArticlesForStoryPage(ids_);
    EXPECT_TRUE(read.ok());
    EXPECT_EQ(read.ok() ? read->size() : 0, ids_.size());
    return RssFileKib() - before;
  }

  fs::path path_;
  std::vector<std::string> ids_;
};

// `run` reads story pages while it updates stories; with the file mapped for those reads, the
// peak RSS of adding 50 articles went from 39 MB to 70 MB between stores of 2,000 and 20,000
// articles (bench/stories/incremental_cost.py).
TEST_F(SqliteScaleTest, AConnectionThatStoresArticlesDoesNotMapTheFile) {
  if (RssFileKib() < 0) GTEST_SKIP() << "no RssFile in /proc/self/status";
  Fill(240, 100000);  // about 24 MB of text: far more than a connection's page cache
  {
    auto reader = OpenStore(path_.string());
    ASSERT_TRUE(reader.ok());
    long mapped = ReadEverything(reader.value().get());
    // The server's reads map the file; where the kernel does not count those pages as resident
    // there is nothing to measure.
    if (mapped < 12 * 1024) GTEST_SKIP() << "mapped reads added only " << mapped << " KiB";
  }
  auto writer = OpenStore(path_.string());
  ASSERT_TRUE(writer.ok());
  core::Article a;
  a.id = "late";
  a.title = "A late harbour report";
  a.text = "The harbour reopened on Tuesday after the storm, the port office said.";
  a.provenance.source = "late.txt";
  bool inserted = false;
  ASSERT_TRUE(writer.value()->PutArticle(a, &inserted).ok());
  EXPECT_LT(ReadEverything(writer.value().get()), 8 * 1024)
      << "a writing connection kept the pages it read resident";
}

// A store of schema 5 (articles and stories, no kept counts) opened by this version: the counts
// start from what the tables hold.
TEST_F(SqliteScaleTest, MigratingAnOlderStoreCountsWhatItHolds) {
  Fill(3, 100);
  {
    auto s = OpenStore(path_.string());
    ASSERT_TRUE(s.ok());
    StoryRecord r;
    r.story.id = "s1";
    r.story.article_ids = {"a1", "a2"};
    r.brief.story_id = "s1";
    ASSERT_TRUE(s.value()->ReplaceStories({r}).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.string().c_str(), &db), SQLITE_OK);
  // Back to schema 5: what migrations 6 and 7 added, gone.
  const char* down =
      "DROP TABLE row_counts; DROP INDEX story_aliases_survivor;"
      "DELETE FROM schema_version WHERE version >= 6;"
      "DROP TABLE watchlists; DROP TABLE alert_events; DROP TABLE webhook_deliveries;"
      "DROP TRIGGER articles_count_insert; DROP TRIGGER articles_count_delete;"
      "DROP TRIGGER provenance_count_insert; DROP TRIGGER provenance_count_delete;"
      "DROP TRIGGER stories_count_insert; DROP TRIGGER stories_count_delete;"
      "DROP TRIGGER briefs_count_insert; DROP TRIGGER briefs_count_delete;";
  char* err = nullptr;
  int rc = sqlite3_exec(db, down, nullptr, nullptr, &err);
  std::string why = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << why;
  auto s = OpenStore(path_.string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->SchemaVersion(), 7);
  auto c = s.value()->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, static_cast<int64_t>(ids_.size()));
  EXPECT_EQ(c->provenance, static_cast<int64_t>(ids_.size()));
  EXPECT_EQ(c->stories, 1);
  EXPECT_EQ(c->briefs, 1);
}

}  // namespace
}  // namespace wirebrief::store
