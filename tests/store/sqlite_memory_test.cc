// The SQLite store's resident memory: a connection that stores articles (a pipeline run) must
// not map the database file for its reads, or its RSS follows the store's size.
#include <gtest/gtest.h>

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

class SqliteMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("wb_mem_" + std::to_string(::getpid()) + ".db");
    Clean();
    auto s = OpenStore(path_.string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    // About 24 MB of article text: far more than a connection's page cache.
    for (int i = 0; i < 240; ++i) {
      core::Article a;
      a.id = "a" + std::to_string(i);
      a.title = "Harbour report " + std::to_string(i);
      for (int w = 0; a.text.size() < 100000; ++w)
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
TEST_F(SqliteMemoryTest, AConnectionThatStoresArticlesDoesNotMapTheFile) {
  if (RssFileKib() < 0) GTEST_SKIP() << "no RssFile in /proc/self/status";
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

}  // namespace
}  // namespace wirebrief::store
