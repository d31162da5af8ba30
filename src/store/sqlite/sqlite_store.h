// The SQLite backend of Store (see store/store.h for the contract).
#pragma once

#include <string>
#include <unordered_map>

#include "store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace wirebrief::store {
namespace sqlite_detail {
class Stmt;
struct SqlBuilder;
struct HitReader;
}  // namespace sqlite_detail

class SqliteStore final : public Store {
 public:
  static core::Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~SqliteStore() override;

  core::Status PutArticle(const core::Article& article, bool* inserted) override;
  core::Status PutArticles(const std::vector<const core::Article*>& articles,
                           std::vector<bool>* inserted) override;
  core::Result<std::vector<core::Article>> LoadArticles() override;
  core::Status ReplaceStories(const std::vector<StoryRecord>& stories) override;
  core::Result<std::vector<StoryRecord>> LoadStories() override;
  core::Result<StoreCounts> Counts() override;
  int SchemaVersion() const override { return version_; }
  core::Result<StoryPage> ListStories(const StoryQuery& query) override;
  core::Result<StoryRecord> LoadStory(const std::string& id) override;
  core::Result<core::Article> LoadArticle(const std::string& id) override;
  core::Result<std::vector<core::Article>> LoadArticlesForStoryPage(
      const std::vector<std::string>& ids) override;
  core::Result<std::vector<core::Provenance>> LoadProvenance(
      const std::string& article_id) override;
  core::Result<ArticlePage> SearchArticles(const ArticleQuery& query) override;
  core::Result<uint64_t> DataVersion() override;
  core::Result<std::string> GetSetting(const std::string& key) override;
  core::Status PutSetting(const std::string& key, const std::string& value, bool only_if_absent,
                          bool* stored) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> LoadSettings() override;
  // Incremental stories: sqlite_stories.cc.
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
  // Watchlists: sqlite_watchlists.cc.
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
  // Watched sources and page states: sqlite_sources.cc.
  core::Result<std::vector<SourceRecord>> ListSources() override;
  core::Status PutSource(const SourceRecord& source) override;
  core::Status RemoveSource(const std::string& url) override;
  core::Result<std::vector<PageState>> LoadPageStates(
      const std::vector<std::string>& urls) override;
  core::Status PutPageStates(const std::vector<PageState>& states) override;
  core::Result<std::vector<PageState>> LoadPageStatesDue(const std::string& now,
                                                         size_t limit) override;
  core::Result<bool> ClaimSource(const std::string& url, const std::string& expected_next_poll,
                                 const std::string& lease_until) override;
  core::Result<std::vector<PageState>> ListPageStates(const std::string& after_url,
                                                      size_t limit) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> ListStoryAliases() override;

 private:
  // One article's rows (PutArticle's contract), within PutArticles' transaction.
  core::Status PutArticleRows(const core::Article& a, bool* inserted);
  // Within CommitStoryUpdate's transaction (sqlite_watchlists.cc).
  core::Status AppendAlertEvents(const std::vector<AlertEvent>& events);
  // Rows of (rowid, article columns...) as sequenced articles; `what` names a failure.
  core::Result<std::vector<SequencedArticle>> SequencedRows(sqlite_detail::Stmt& q,
                                                            const std::string& what);
  SqliteStore() = default;
  core::Status Migrate();
  // The full-text index in every script (sqlite_fts.cc): the tokenizer every connection must
  // know before it touches articles, and the rebuild of an index made before it (issue 27).
  core::Status RegisterScriptTokenizer();
  core::Status EnsureScriptIndex();
  core::Status Exec(const char* sql);
  core::Status Error(const std::string& what) const;
  core::Status QueryError(const std::string& what) const;
  // SearchArticles' steps (sqlite_search.cc): the newest matches ranked by relevance, then the
  // older ones; the page's snippets.
  core::Status ReadRankedHits(const sqlite_detail::SqlBuilder& b, bool filtered,
                              sqlite_detail::HitReader* hits);
  core::Status AddSnippets(const std::string& match, const std::vector<int64_t>& rowids,
                           ArticlePage* page);
  void TuneForReads();

  sqlite3* db_ = nullptr;
  std::string path_;
  int version_ = 0;
  int64_t loaded_articles_ = -1;  // article count of the last LoadArticles; -1 = none
  // The read side's statements by SQL text, prepared once per connection: preparing cost as
  // much as running the story and article lookups themselves.
  std::unordered_map<std::string, sqlite3_stmt*> prepared_;
  bool batch_cache_ = false;      // the page cache was grown for batches (PutArticles)
  bool tuned_for_reads_ = false;  // decided: the file mapped for reads, or never (a writer)
};

}  // namespace wirebrief::store
