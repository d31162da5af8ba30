// Issue 27: full-text search finds words in scripts written without spaces (Chinese, Japanese,
// Thai) on both backends, Latin-script search as before, and a store indexed before that is
// rebuilt when opened.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <set>

#include "store/detail/script_bigrams.h"
#include "store/search_query.h"
#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::store {
namespace {

class ScriptSearchTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string why;
    ASSERT_TRUE(where_.Create(GetParam(), &why)) << why;
    if (where_.location().empty()) GTEST_SKIP() << why;
  }
  std::unique_ptr<Store> Open() {
    auto s = OpenStore(where_.location());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  static void Put(Store* s, const std::string& id, const std::string& title,
                  const std::string& body) {
    core::Article a;
    a.id = id;
    a.title = title;
    a.text = title + "\n" + body;
    a.date_published = "2026-11-03";
    a.site_name = "Metro Signal";
    a.provenance.source = id;
    a.provenance.container = "file";
    bool inserted = false;
    ASSERT_TRUE(s->PutArticle(a, &inserted).ok());
  }
  static std::set<std::string> Find(Store* s, const std::string& text) {
    std::set<std::string> out;
    auto parsed = ParseSearchQuery(text);
    EXPECT_TRUE(parsed.ok()) << text;
    if (!parsed.ok()) return out;
    ArticleQuery q;
    q.match = parsed->match;
    q.limit = 50;
    auto page = s->SearchArticles(q);
    EXPECT_TRUE(page.ok()) << text << ": " << page.status().ToString();
    if (page.ok())
      for (const auto& h : page->hits) out.insert(h.id);
    return out;
  }
  testing_util::TempStore where_;
};

using Ids = std::set<std::string>;

TEST(ScriptPiecesTest, RunsBecomeOverlappingBigramsAndTheLastCharacter) {
  EXPECT_EQ(detail::SpaceScriptPieces("东京大学", true), "东京 京大 大学 学");
  EXPECT_EQ(detail::SpaceScriptPieces("东京大学", false), "东京 京大 大学");
  EXPECT_EQ(detail::SpaceScriptPieces("京", false), "京");
  EXPECT_EQ(detail::SpaceScriptPieces("iphone发布会 news", false), "iphone 发布 布会 news");
  EXPECT_EQ(detail::SpaceScriptPieces("storm surge", true), "storm surge");
  EXPECT_TRUE(detail::IsOneUnspacedCharacter("京"));
  EXPECT_FALSE(detail::IsOneUnspacedCharacter("京都"));
  EXPECT_FALSE(detail::IsOneUnspacedCharacter("a"));
  EXPECT_FALSE(detail::HasUnspacedScript("Überschwemmung \xff"));
}

TEST_P(ScriptSearchTest, FindsChineseJapaneseAndThaiWordsInTitlesAndText) {
  auto s = Open();
  ASSERT_TRUE(s);
  Put(s.get(), "zh", "东京大学宣布新校长", "北京时间周一，学校发布了任命。");
  Put(s.get(), "ja", "大阪で地震", "気象庁によると、震度5弱の揺れを観測した。");
  Put(s.get(), "th", "ข่าวด่วน", "รัฐบาลประกาศมาตรการใหม่วันนี้");
  Put(s.get(), "en", "Storm hits Portmere", "A storm surge flooded the harbour road.");
  EXPECT_EQ(Find(s.get(), "大学"), (Ids{"zh"}));  // inside the title's run
  EXPECT_EQ(Find(s.get(), "东京大学"), (Ids{"zh"}));
  EXPECT_EQ(Find(s.get(), "学校"), (Ids{"zh"}));  // inside the text's run
  EXPECT_EQ(Find(s.get(), "京"), (Ids{"zh"}));    // one character: 东京, 北京
  EXPECT_EQ(Find(s.get(), "京都"), (Ids{}));
  EXPECT_EQ(Find(s.get(), "気象庁"), (Ids{"ja"}));
  EXPECT_EQ(Find(s.get(), "地震"), (Ids{"ja"}));
  EXPECT_EQ(Find(s.get(), "รัฐบาล"), (Ids{"th"}));
  EXPECT_EQ(Find(s.get(), "มาตรการ"), (Ids{"th"}));
  EXPECT_EQ(Find(s.get(), "地震 OR 大学"), (Ids{"ja", "zh"}));
  EXPECT_EQ(Find(s.get(), "大学 -北京"), (Ids{}));
  EXPECT_EQ(Find(s.get(), "\"学校发布\""), (Ids{"zh"}));
  EXPECT_EQ(Find(s.get(), "storm"), (Ids{"en"}));
  EXPECT_EQ(Find(s.get(), "\"storm surge\""), (Ids{"en"}));
}

// A store whose index was made before issue 27 (unicode61 alone on SQLite, the plain 'simple'
// tsvector on PostgreSQL) is rebuilt when this version opens it.
TEST_P(ScriptSearchTest, AnIndexMadeBeforeScriptSearchIsRebuiltOnOpen) {
  {
    auto s = Open();
    ASSERT_TRUE(s);
  }
  const std::string backend = GetParam();
  const std::string& where = where_.location();
  if (backend == "sqlite") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(where.c_str(), &db), SQLITE_OK);
    const char* old_schema =
        "PRAGMA writable_schema=ON;"
        "UPDATE sqlite_master SET sql = replace(sql, 'wb_scripts', 'unicode61') "
        "WHERE name = 'articles_fts';";
    ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    // Stored as the old binary stores it: the trigger indexes it with unicode61.
    ASSERT_EQ(sqlite3_open(where.c_str(), &db), SQLITE_OK);
    const char* put =
        "INSERT INTO articles(id, url, canonical_url, title, site_name, host, section, language, "
        "date_published, date_modified, date_crawled, content_hash, text, extras) VALUES "
        "('zh', '', '', '东京大学宣布新校长', '', '', '', 'zh', '2026-11-03', '', '', '', "
        "'东京大学宣布新校长', '{}')";
    char* err = nullptr;
    int rc = sqlite3_exec(db, put, nullptr, nullptr, &err);
    std::string why = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << why;
  } else {
    {
      auto s = Open();
      ASSERT_TRUE(s);
      Put(s.get(), "zh", "东京大学宣布新校长", "");
    }
    PGconn* c = PQconnectdb(where.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK);
    PGresult* r = PQexec(
        c,
        "DROP FUNCTION wb_script_pieces(text) CASCADE;"
        "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), "
        "'D')) STORED;"
        "CREATE INDEX articles_tsv ON articles USING GIN (tsv);");
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
  }
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(Find(s.get(), "大学"), (Ids{"zh"}));
  EXPECT_EQ(Find(s.get(), "东京大学宣布新校长"), (Ids{"zh"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ScriptSearchTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::store
