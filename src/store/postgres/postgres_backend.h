// The PostgreSQL backend's class and what its files share (postgres_store.cc: articles,
// stories, search, settings; postgres_schema.cc: migrations; postgres_stories.cc: incremental
// stories; postgres_sources.cc: watched sources and page states). Private to src/store/postgres/.
#pragma once

#include <libpq-fe.h>

#include <cstdlib>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/store.h"

namespace wirebrief::store {

namespace pg_detail {

using json = nlohmann::json;

// Owns one PGresult.
class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept {
    std::swap(r_, o.r_);
    return *this;
  }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  int Rows() const { return PQntuples(r_); }
  // The value's bytes (text, or raw bytes in a binary-format result).
  std::string Text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col)));
  }
  int64_t Int(int row, int col) const {
    return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
  }
  bool IsNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  const char* CmdTuples() const { return PQcmdTuples(r_); }
  PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

// PostgreSQL rejects invalid UTF-8 (SQLite stores it as given); one bad byte in a page must not
// stop a batch, so it becomes U+FFFD here.
std::string ValidUtf8(const std::string& s);
// One row of COPY's text format (each field made valid UTF-8 and escaped).
void CopyRow(std::initializer_list<std::string> fields, std::string* out);
std::string Dump(const json& j);

// The 21 columns PostgresStore::ArticleFromRow decodes, and the FROM they need.
inline constexpr const char* kArticleColumns =
    "a.id, url, canonical_url, title, site_name, host, section, language, date_published, "
    "date_modified, date_crawled, content_hash, text, extras, p.source, p.container, p.\"offset\", "
    "p.length, p.record_id, p.crawl_date, p.http_status";
inline constexpr const char* kArticleFrom =
    " FROM articles a LEFT JOIN LATERAL (SELECT * FROM provenance WHERE article_id = a.id ORDER BY "
    "seq LIMIT 1) p ON true";

}  // namespace pg_detail

class PostgresStore final : public Store {
 public:
  static core::Result<std::unique_ptr<Store>> Open(const std::string& conninfo);
  ~PostgresStore() override;

  int SchemaVersion() const override { return version_; }
  core::Status PutArticle(const core::Article& a, bool* inserted) override;
  core::Status PutArticles(const std::vector<const core::Article*>& articles,
                           std::vector<bool>* inserted) override;
  core::Result<std::vector<core::Article>> LoadArticles() override;
  core::Status ReplaceStories(const std::vector<StoryRecord>& stories) override;
  core::Result<std::vector<StoryRecord>> LoadStories() override;
  core::Result<StoreCounts> Counts() override;
  core::Result<StoryPage> ListStories(const StoryQuery& query) override;
  core::Result<StoryRecord> LoadStory(const std::string& id) override;
  core::Result<core::Article> LoadArticle(const std::string& id) override;
  core::Result<std::vector<core::Provenance>> LoadProvenance(
      const std::string& article_id) override;
  core::Result<ArticlePage> SearchArticles(const ArticleQuery& query) override;
  core::Result<std::string> GetSetting(const std::string& key) override;
  core::Status PutSetting(const std::string& key, const std::string& value, bool only_if_absent,
                          bool* stored) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> LoadSettings() override;
  // Incremental stories: postgres_stories.cc.
  core::Result<std::vector<SequencedArticle>> LoadArticlesAfter(int64_t sequence,
                                                                size_t limit) override;
  core::Result<std::vector<core::Article>> LoadArticlesPublishedIn(const std::string& from,
                                                                   const std::string& to,
                                                                   size_t limit) override;
  core::Result<std::vector<SequencedArticle>> LoadArticlesInDateOrder(const DateOrderKey& after,
                                                                      const std::string& before,
                                                                      int64_t through_sequence,
                                                                      size_t limit) override;
  core::Result<int64_t> LastArticleSequence() override;
  core::Result<std::string> LoadEngineState(int64_t* clustered_through,
                                            int64_t* generation) override;
  core::Status CommitStoryUpdate(const StoryUpdate& update) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> StoriesOfArticles(
      const std::vector<std::string>& article_ids) override;
  core::Result<std::string> ResolveStoryId(const std::string& id) override;
  core::Result<std::vector<core::Brief>> LoadBriefVersions(const std::string& story_id,
                                                           int since) override;
  // Watchlists: postgres_watchlists.cc.
  core::Result<std::vector<WatchlistRecord>> ListWatchlists() override;
  core::Result<WatchlistRecord> LoadWatchlist(const std::string& name) override;
  core::Status PutWatchlist(const WatchlistRecord& watchlist) override;
  core::Status RemoveWatchlist(const std::string& name) override;
  core::Result<std::vector<AlertEvent>> LoadAlertEvents(const std::string& watchlist,
                                                        int64_t before_id, size_t limit) override;
  core::Result<AlertEvent> LoadAlertEvent(int64_t id) override;
  core::Result<std::vector<WebhookDelivery>> LoadDeliveriesDue(const std::string& now,
                                                               size_t limit) override;
  core::Result<std::vector<WebhookDelivery>> LoadDeliveries(const std::string& watchlist,
                                                            size_t limit) override;
  core::Status PutDelivery(const WebhookDelivery& delivery) override;
  // Watched sources and page states: postgres_sources.cc.
  core::Result<std::vector<SourceRecord>> ListSources() override;
  core::Status PutSource(const SourceRecord& source) override;
  core::Status RemoveSource(const std::string& url) override;
  core::Result<std::vector<PageState>> LoadPageStates(
      const std::vector<std::string>& urls) override;
  core::Status PutPageStates(const std::vector<PageState>& states) override;
  core::Result<bool> ClaimSource(const std::string& url, const std::string& expected_next_poll,
                                 const std::string& lease_until) override;
  core::Result<std::vector<PageState>> ListPageStates(const std::string& after_url,
                                                      size_t limit) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> ListStoryAliases() override;
  core::Result<std::vector<PageState>> LoadPageStatesDue(const std::string& now,
                                                         size_t limit) override;

 private:
  PostgresStore() = default;
  // Within CommitStoryUpdate's transaction (postgres_watchlists.cc).
  core::Status AppendAlertEvents(const std::vector<AlertEvent>& events);

  core::Status Exec(const std::string& sql) { return Run("", sql).status(); }
  // `params` are sent as text (made valid UTF-8), except those `binary` marks, which go as
  // bytes (bytea). `binary_result` asks for every column in binary format (bytea as raw bytes;
  // cast numbers to text to read them).
  core::Result<pg_detail::PgResult> Run(const std::string& what, const std::string& sql,
                                        const std::vector<std::string>& params = {},
                                        const std::vector<bool>& binary = {},
                                        bool binary_result = false);
  // Run for a statement this connection runs often: parsed and planned once (PQprepare on
  // first use, kept by `name` for the connection's life), then only executed. Text params.
  core::Result<pg_detail::PgResult> RunPrepared(const char* name, const std::string& what,
                                                const std::string& sql,
                                                const std::vector<std::string>& params);
  core::Status ErrorOf(const std::string& what, const pg_detail::PgResult& r) const;
  // BEGIN, body, COMMIT; ROLLBACK when the body or the commit fails (the body's status wins).
  template <typename Body>
  core::Status InTransaction(const char* begin, Body&& body) {
    WB_RETURN_IF_ERROR(Exec(begin));
    core::Status s = body();
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) Exec("ROLLBACK");
    return s;
  }
  core::Status Migrate();  // postgres_schema.cc
  core::Status MigrateInTransaction();
  // The search index in every script (issue 27), made once on a store that lacks it.
  core::Status EnsureScriptIndex();
  core::Status ReplaceStoriesInTransaction(const std::vector<StoryRecord>& stories);
  core::Status CommitStoryUpdateInTransaction(const StoryUpdate& update);
  // COPY ... FROM STDIN: one round trip per table instead of one per row.
  core::Status Copy(const std::string& target, const std::string& rows);
  // Decodes kArticleSelect's columns, starting at column `at` of row `i`.
  core::Status ArticleFromRow(const pg_detail::PgResult& r, int i, int at,
                              core::Article* out) const;
  core::Result<std::vector<StoryRecord>> LoadStoryRecords(const std::string& sql,
                                                          const std::vector<std::string>& params);

  PGconn* conn_ = nullptr;
  std::string location_;
  int version_ = 0;
  int64_t loaded_articles_ = -1;  // article count of the last LoadArticles snapshot; -1 = none
  std::unordered_set<std::string> prepared_;  // RunPrepared's statement names
};

}  // namespace wirebrief::store
