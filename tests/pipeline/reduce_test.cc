// The reduce's storing half (StoreArticleFiles, issue 23) stores a batch of lines per
// transaction. What batching must not change: a bad line is an error naming it while the other
// lines of its batch are stored, and when the store refuses one article of a batch the articles
// before it are kept and the error names it. On every backend.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/process.h"
#include "store/store.h"
#include "store/transfer.h"
#include "temp_store.h"

namespace wirebrief::pipeline {
namespace {

namespace fs = std::filesystem;

core::Article Make(const std::string& id) {
  core::Article a;
  a.id = id;
  a.url = "https://harbour-post.example/" + id;
  a.site_name = "Harbour Post";
  a.date_published = "2026-11-04T08:00:00Z";
  a.title = "Calder ferry timetable " + id;
  a.text = a.title + "\nThe Calder ferry sails again from Portmere on Tuesday.";
  a.provenance.source = "crawl.warc.gz";
  a.provenance.container = "warc";
  a.provenance.offset = 512;
  return a;
}

// A store that refuses one article id, as a database refuses a row: a batch holding it fails
// whole (nothing of it written, as a rolled back transaction), PutArticle fails for it alone.
class RefusingStore final : public store::Store {
 public:
  RefusingStore(store::Store* inner, std::string refused)
      : inner_(inner), refused_(std::move(refused)) {}
  core::Status PutArticle(const core::Article& a, bool* inserted) override {
    if (a.id == refused_) return core::Status::Internal("test store", "refusing " + a.id);
    return inner_->PutArticle(a, inserted);
  }
  core::Status PutArticles(const std::vector<const core::Article*>& articles,
                           std::vector<bool>* inserted) override {
    ++batches_;
    for (const core::Article* a : articles)
      if (a->id == refused_) return core::Status::Internal("test store", "refusing " + a->id);
    return inner_->PutArticles(articles, inserted);
  }
  core::Result<std::vector<core::Article>> LoadArticles() override {
    return inner_->LoadArticles();
  }
  core::Status ReplaceStories(const std::vector<store::StoryRecord>& s) override {
    return inner_->ReplaceStories(s);
  }
  core::Result<std::vector<store::StoryRecord>> LoadStories() override {
    return inner_->LoadStories();
  }
  core::Result<store::StoreCounts> Counts() override { return inner_->Counts(); }
  int SchemaVersion() const override { return inner_->SchemaVersion(); }
  int batches() const { return batches_; }

 private:
  store::Store* inner_;
  std::string refused_;
  int batches_ = 0;
};

class ReduceTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string why;
    ASSERT_TRUE(where_.Create(GetParam(), &why)) << why;
    if (where_.location().empty()) GTEST_SKIP() << why;
    auto s = store::OpenStore(where_.location());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    file_ = (fs::temp_directory_path() /
             ("wb_reduce_" + std::to_string(::getpid()) + "_" + GetParam() + ".jsonl"))
                .string();
  }
  void TearDown() override { fs::remove(file_); }
  // The header, then the given lines (already article lines, or anything else).
  void Write(const std::vector<std::string>& lines) {
    std::ofstream f(file_, std::ios::binary);
    f << store::TransferHeaderLine() << '\n';
    for (const auto& l : lines) f << l << '\n';
  }
  static std::string Line(const std::string& id) {
    core::Article a = Make(id);
    return store::ArticleLine(a, {a.provenance});
  }
  int64_t StoredArticles() {
    auto c = store_->Counts();
    EXPECT_TRUE(c.ok());
    return c.ok() ? c->articles : -1;
  }

  testing_util::TempStore where_;
  std::unique_ptr<store::Store> store_;
  std::string file_;
};

TEST_P(ReduceTest, ABadLineMidBatchIsAnErrorAndTheRestOfItsBatchIsStored) {
  Write({Line("a1"), Line("a2"), Line("a3"), "{\"article\":{\"id\":", Line("a5"), Line("a6")});
  RunSummary sum;
  core::Status s = StoreArticleFiles({file_}, store_.get(), 2, nullptr, &sum);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(sum.documents_read, 5u);
  EXPECT_EQ(sum.articles_new, 5u);
  ASSERT_EQ(sum.documents_failed, 1u);  // `run` exits 1: something failed, the rest is stored
  ASSERT_EQ(sum.errors.size(), 1u);
  EXPECT_NE(sum.errors[0].ToString().find("line 5"), std::string::npos) << sum.errors[0].ToString();
  EXPECT_EQ(StoredArticles(), 5);
  for (const char* id : {"a1", "a3", "a5", "a6"}) EXPECT_TRUE(store_->LoadArticle(id).ok()) << id;
}

// Bug this guards against: a batch the store refuses was lost whole, the articles before the
// refused one with it (they had each been committed before batching).
TEST_P(ReduceTest, AStoreErrorMidBatchKeepsTheArticlesBeforeItAndNamesIt) {
  Write({Line("a1"), Line("a2"), Line("bad"), Line("a4")});
  RefusingStore refusing(store_.get(), "bad");
  RunSummary sum;
  core::Status s = StoreArticleFiles({file_}, &refusing, 1, nullptr, &sum);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("refusing bad"), std::string::npos) << s.ToString();
  EXPECT_EQ(refusing.batches(), 1);  // one batch was tried whole first
  EXPECT_TRUE(store_->LoadArticle("a1").ok());
  EXPECT_TRUE(store_->LoadArticle("a2").ok());
  EXPECT_EQ(store_->LoadArticle("a4").status().code(), core::StatusCode::kNotFound);
  EXPECT_EQ(StoredArticles(), 2);
}

// Every provenance record of a line is stored (a `db export` line carries several), the
// article counted once; the same file again stores nothing twice.
TEST_P(ReduceTest, ALineWithSeveralProvenanceRecordsStoresEachOnce) {
  core::Article a = Make("m1");
  core::Provenance second = a.provenance;
  second.source = "crawl-2.warc.gz";
  second.offset = 77;
  Write({store::ArticleLine(a, {a.provenance, second}), Line("m2")});
  RunSummary sum;
  ASSERT_TRUE(StoreArticleFiles({file_}, store_.get(), 1, nullptr, &sum).ok());
  EXPECT_EQ(sum.articles_new, 2u);
  EXPECT_EQ(sum.articles_known, 0u);
  auto c = store_->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, 2);
  EXPECT_EQ(c->provenance, 3);
  RunSummary again;
  ASSERT_TRUE(StoreArticleFiles({file_}, store_.get(), 1, nullptr, &again).ok());
  EXPECT_EQ(again.articles_new, 0u);
  EXPECT_EQ(again.articles_known, 2u);
  c = store_->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->provenance, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReduceTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::pipeline
