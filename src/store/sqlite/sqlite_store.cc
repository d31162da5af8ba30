// SQLite backend (Debian's libsqlite3). WAL journal so readers (show, serve) never block the
// writer; every multi-row change is one transaction.
#include "store/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "store/detail/cursor.h"
#include "store/detail/model_json.h"
#include "store/sqlite/sqlite_rows.h"

namespace wirebrief::store {
namespace {

using json = nlohmann::json;
using namespace sqlite_detail;  // NOLINT: the backend's own helpers

// Migrations, in order; the schema version is the number applied. Never edit a shipped entry:
// append a new one.
const char* const kMigrations[] = {
    // 1: articles, their provenance, stories with members, families and briefs.
    R"sql(
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  title TEXT NOT NULL,
  site_name TEXT NOT NULL,
  host TEXT NOT NULL,
  section TEXT NOT NULL,
  language TEXT NOT NULL,
  date_published TEXT NOT NULL,
  date_modified TEXT NOT NULL,
  date_crawled TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  extras TEXT NOT NULL,
  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX articles_published ON articles(date_published);
CREATE TABLE provenance (
  article_id TEXT NOT NULL REFERENCES articles(id),
  source TEXT NOT NULL,
  container TEXT NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  crawl_date TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  UNIQUE(article_id, source, offset, record_id)
);
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  first_published TEXT NOT NULL,
  last_published TEXT NOT NULL,
  outlets TEXT NOT NULL,
  independent_outlets INTEGER NOT NULL
);
CREATE TABLE story_articles (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,
  PRIMARY KEY(story_id, article_id)
);
CREATE TABLE copy_families (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  family INTEGER NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,
  PRIMARY KEY(story_id, family, position)
);
CREATE TABLE briefs (
  story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
  brief TEXT NOT NULL
);
)sql",
    // 2: what the HTTP server reads. Full-text search over articles (FTS5, external content kept
    // in step by triggers, so PutArticle needs no change; the wb_scripts tokenizer, unicode61
    // plus bigrams for scripts without spaces, sqlite_fts.cc (a store made with plain unicode61
    // is rebuilt on open: EnsureScriptIndex); 2- and 3-letter prefix indexes, since
    // "bra*" over 100,000 articles took 1.4 s without them), the entities each article mentions
    // (for the story list's entity filter; filled from the extras JSON by a trigger), an index
    // for newest-first story pages, and settings (the server's API token hash).
    R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
                                              tokenize='wb_scripts remove_diacritics 2', prefix='2 3');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE TABLE article_entities (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY(name, article_id)
) WITHOUT ROWID;
CREATE TRIGGER article_entities_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO article_entities(article_id, name)
    SELECT new.id, json_extract(value, '$.name') FROM
      json_each(CASE WHEN json_valid(new.extras) THEN new.extras ELSE '{}' END, '$.entities')
    WHERE json_extract(value, '$.name') <> '';
END;
INSERT OR IGNORE INTO article_entities(article_id, name)
  SELECT a.id, json_extract(e.value, '$.name') FROM articles a,
    json_each(CASE WHEN json_valid(a.extras) THEN a.extras ELSE '{}' END, '$.entities') e
  WHERE json_extract(e.value, '$.name') <> '';
CREATE INDEX stories_recent ON stories(last_published DESC, id);
CREATE INDEX story_articles_article ON story_articles(article_id);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql",
    // 3: incremental stories. The clusterer's open window between runs (one row, the bytes of
    // cluster/snapshot.h, and the last article sequence it covered), the ids of stories merged
    // into others, and every brief version a story had (`show --since-version`).
    R"sql(
CREATE TABLE engine_state (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  clustered_through INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_aliases (
  old_id TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE brief_versions (
  story_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  brief TEXT NOT NULL,
  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  PRIMARY KEY(story_id, version)
) WITHOUT ROWID;
)sql",
    // 4: `wirebrief watch`. The sources it polls, with what a feed reader keeps (validators,
    // poll times, health), and one row per article page URL it has met, so a page is fetched
    // once however many sources list it and a page that failed is tried again later.
    R"sql(
CREATE TABLE sources (
  url TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  added_at TEXT NOT NULL,
  last_poll TEXT NOT NULL,
  next_poll TEXT NOT NULL,
  last_success TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  last_outcome TEXT NOT NULL,
  items_seen INTEGER NOT NULL,
  articles_stored INTEGER NOT NULL,
  interval_seconds REAL NOT NULL,
  title TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE page_states (
  url TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  state TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  next_attempt TEXT NOT NULL,
  listed_in TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX page_states_due ON page_states(next_attempt) WHERE next_attempt <> '';
)sql",
    // 5: a generation on the engine state, moved by every story update, so an update computed
    // from a state another process has since replaced is refused instead of overwriting it.
    R"sql(
ALTER TABLE engine_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
)sql",
    // 6: what a run reads or writes, found without scanning what the store has accumulated.
    // Row counts kept by triggers: Counts() ends every `run` (its summary), and four COUNT(*)
    // scans made adding 50 articles cost more the bigger the store (bench/README.md
    // ## incremental stories); reading four rows does not. A cascaded delete fires the triggers
    // too; nothing here deletes by REPLACE (which would not). And merged ids by survivor: each
    // merge repoints the ids that named the story it empties (CommitStoryUpdate), a scan of
    // every merge ever made without this index.
    R"sql(
CREATE INDEX story_aliases_survivor ON story_aliases(survivor_id);
CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO row_counts(name, n) SELECT 'articles', COUNT(*) FROM articles;
INSERT INTO row_counts(name, n) SELECT 'provenance', COUNT(*) FROM provenance;
INSERT INTO row_counts(name, n) SELECT 'stories', COUNT(*) FROM stories;
INSERT INTO row_counts(name, n) SELECT 'briefs', COUNT(*) FROM briefs;
CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
  UPDATE row_counts SET n = n + 1 WHERE name = 'articles';
END;
CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
  UPDATE row_counts SET n = n - 1 WHERE name = 'articles';
END;
CREATE TRIGGER provenance_count_insert AFTER INSERT ON provenance BEGIN
  UPDATE row_counts SET n = n + 1 WHERE name = 'provenance';
END;
CREATE TRIGGER provenance_count_delete AFTER DELETE ON provenance BEGIN
  UPDATE row_counts SET n = n - 1 WHERE name = 'provenance';
END;
CREATE TRIGGER stories_count_insert AFTER INSERT ON stories BEGIN
  UPDATE row_counts SET n = n + 1 WHERE name = 'stories';
END;
CREATE TRIGGER stories_count_delete AFTER DELETE ON stories BEGIN
  UPDATE row_counts SET n = n - 1 WHERE name = 'stories';
END;
CREATE TRIGGER briefs_count_insert AFTER INSERT ON briefs BEGIN
  UPDATE row_counts SET n = n + 1 WHERE name = 'briefs';
END;
CREATE TRIGGER briefs_count_delete AFTER DELETE ON briefs BEGIN
  UPDATE row_counts SET n = n - 1 WHERE name = 'briefs';
END;
)sql",
    // 7: watchlists, what they report about stories (committed with the story update that
    // changed them), and the webhook delivery of each event with its log.
    R"sql(
CREATE TABLE watchlists (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  webhook TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE alert_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  watchlist TEXT NOT NULL,
  story_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  brief_version INTEGER NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX alert_events_watchlist ON alert_events(watchlist, id);
CREATE TABLE webhook_deliveries (
  event_id INTEGER PRIMARY KEY,
  watchlist TEXT NOT NULL,
  url TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt TEXT NOT NULL,
  last_attempt TEXT NOT NULL,
  last_status INTEGER NOT NULL,
  last_error TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_watchlist ON webhook_deliveries(watchlist, event_id);
)sql",
};

// An article's columns as the insert and the in-place upgrade both number them (?1 id .. ?14
// extras), so the two statements cannot drift apart.
void BindArticleColumns(Stmt& s, const core::Article& a, const std::string& extras) {
  s.Bind(1, a.id)
      .Bind(2, a.url)
      .Bind(3, a.canonical_url)
      .Bind(4, a.title)
      .Bind(5, a.site_name)
      .Bind(6, a.host)
      .Bind(7, a.section)
      .Bind(8, a.language)
      .Bind(9, a.date_published)
      .Bind(10, a.date_modified)
      .Bind(11, a.date_crawled)
      .Bind(12, a.content_hash)
      .Bind(13, a.text)
      .Bind(14, extras);
}

}  // namespace

SqliteStore::~SqliteStore() {
  for (auto& [sql, st] : prepared_) sqlite3_finalize(st);
  if (db_) sqlite3_close(db_);
}

core::Status SqliteStore::Error(const std::string& what) const {
  return core::Status::Internal(path_, what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database"));
}

core::Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return core::Status::Internal(path_, msg);
  }
  return core::Status::Ok();
}

core::Result<std::unique_ptr<Store>> SqliteStore::Open(const std::string& path) {
  auto store = std::unique_ptr<SqliteStore>(new SqliteStore());
  store->path_ = path;
  if (sqlite3_open_v2(path.c_str(), &store->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK)
    return core::Status::IOError(path,
                                 std::string("cannot open database: ") +
                                     (store->db_ ? sqlite3_errmsg(store->db_) : "out of memory"));
  sqlite3_busy_timeout(store->db_, 10000);
  // Switching a fresh file to WAL needs an exclusive lock, and SQLite returns SQLITE_BUSY for it
  // without calling the busy handler, so processes opening a new store at once failed "database
  // is locked" (CI, OpeningAFreshStoreFromManyProcessesMigratesOnce). Retry for as long as the
  // busy timeout would have waited.
  for (int attempt = 0;; ++attempt) {
    int rc = sqlite3_exec(store->db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) break;
    if ((rc & 0xff) != SQLITE_BUSY || attempt >= 2000)
      return store->Error("switching to WAL journal");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  WB_RETURN_IF_ERROR(store->Exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"));
  WB_RETURN_IF_ERROR(store->RegisterScriptTokenizer());
  WB_RETURN_IF_ERROR(store->Migrate());
  WB_RETURN_IF_ERROR(store->EnsureScriptIndex());
  return std::unique_ptr<Store>(std::move(store));
}

core::Status SqliteStore::Migrate() {
  WB_RETURN_IF_ERROR(
      Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
           "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"));
  {
    // Scoped so the read ends before BEGIN IMMEDIATE below: a connection that holds a read
    // lock and asks for the write lock gets SQLITE_BUSY at once, without the busy handler
    // (SQLite's deadlock rule). Four processes opening a fresh file failed "database is locked".
    Stmt q(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!q.ok() || q.Step() != SQLITE_ROW) return Error("reading schema version");
    version_ = static_cast<int>(q.Int(0));
  }
  constexpr int kLatest = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
  if (version_ > kLatest)
    return core::Status::Unsupported(path_, "database schema version " + std::to_string(version_) +
                                                " is newer than this wirebrief (" +
                                                std::to_string(kLatest) + ")");
  for (int v = version_; v < kLatest; ++v) {
    WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    // Another process may have migrated while this one waited for the write lock: read the
    // version again under the lock (two runs opening a fresh file at once failed with "table
    // articles already exists").
    Stmt again(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!again.ok() || again.Step() != SQLITE_ROW) {
      Exec("ROLLBACK");
      return Error("reading schema version");
    }
    if (again.Int(0) > v) {
      version_ = static_cast<int>(again.Int(0));
      v = version_ - 1;
      WB_RETURN_IF_ERROR(Exec("COMMIT"));
      continue;
    }
    core::Status s = Exec(kMigrations[v]);
    if (s.ok())
      s = Exec(
          ("INSERT INTO schema_version(version) VALUES (" + std::to_string(v + 1) + ")").c_str());
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    WB_RETURN_IF_ERROR(Exec("COMMIT"));
    version_ = v + 1;
  }
  return core::Status::Ok();
}

core::Status SqliteStore::PutArticle(const core::Article& a, bool* inserted) {
  std::vector<bool> one;
  WB_RETURN_IF_ERROR(PutArticles({&a}, &one));
  *inserted = one.front();
  return core::Status::Ok();
}

core::Status SqliteStore::PutArticles(const std::vector<const core::Article*>& articles,
                                      std::vector<bool>* inserted) {
  // A connection that stores articles is a pipeline run (`run`, `watch`, the server's ingest,
  // each on a connection of its own): its reads are bounded by the stories it updates, and a
  // mapped file only made its resident memory follow the store's size (bench/README.md
  // ## incremental stories: peak RSS 39 -> 70 MB adding 50 articles to 2,000 -> 20,000).
  tuned_for_reads_ = true;
  inserted->assign(articles.size(), false);
  if (articles.empty()) return core::Status::Ok();
  if (articles.size() > 1 && !batch_cache_) {
    // A batch dirties more pages than the default 2 MB cache holds (FTS5 flushes its terms at
    // every statement, and merges them), so SQLite spilled them to the WAL and wrote them again
    // and again within one transaction. 32 MB bounds what a writer keeps.
    WB_RETURN_IF_ERROR(Exec("PRAGMA cache_size = -32768"));
    batch_cache_ = true;
  }
  WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  for (size_t i = 0; i < articles.size(); ++i) {
    bool one = false;
    if (core::Status s = PutArticleRows(*articles[i], &one); !s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    (*inserted)[i] = one;
  }
  if (core::Status s = Exec("COMMIT"); !s.ok()) {
    Exec("ROLLBACK");  // a failed COMMIT (SQLITE_BUSY, full disk) leaves the transaction open
    return s;
  }
  return core::Status::Ok();
}

core::Status SqliteStore::PutArticleRows(const core::Article& a, bool* inserted) {
  // Whether the id is stored, and as a headline, is asked first: a line the store already has
  // (half of a reduce over re-crawled pages) then costs one lookup and its provenance row, not
  // the encoding of its annotations for an INSERT that is ignored.
  Stmt known(db_, &prepared_,
             "SELECT json_valid(extras) AND json_extract(extras, '$.headline_only') = 1 "
             "FROM articles WHERE id = ?1");
  if (!known.ok()) return Error("preparing article lookup");
  known.Bind(1, a.id);
  int rc = known.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("looking up article " + a.id);
  const bool stored = rc == SQLITE_ROW;
  const bool stored_headline = stored && known.Int(0) != 0;
  known.Reset();
  *inserted = false;
  if (!stored) {
    Stmt ins(db_, &prepared_,
             "INSERT OR IGNORE INTO articles(id, url, canonical_url, title, site_name, host, "
             "section, language, date_published, date_modified, date_crawled, content_hash, text, "
             "extras) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
    if (!ins.ok()) return Error("preparing article insert");
    BindArticleColumns(ins, a, Dump(detail::ArticleExtrasToJson(a)));
    if (ins.Step() != SQLITE_DONE) return Error("storing article " + a.id);
    *inserted = sqlite3_changes(db_) > 0;
  } else if (stored_headline && !a.headline_only) {
    // A headline stored earlier gets its page: upgraded in place under the same id, moved to
    // the end of the stored order so the story engine sees it again (LoadArticlesAfter).
    const std::string extras = Dump(detail::ArticleExtrasToJson(a));
    Stmt up(
        db_, &prepared_,
        "UPDATE articles SET rowid = (SELECT MAX(rowid) + 1 FROM articles), url = ?2, "
        "canonical_url = ?3, title = ?4, site_name = ?5, host = ?6, section = ?7, language = ?8, "
        "date_published = ?9, date_modified = ?10, date_crawled = ?11, content_hash = ?12, "
        "text = ?13, extras = ?14 WHERE id = ?1 AND json_valid(extras) AND "
        "json_extract(extras, '$.headline_only') = 1");
    if (!up.ok()) return Error("preparing article upgrade");
    BindArticleColumns(up, a, extras);
    if (up.Step() != SQLITE_DONE) return Error("upgrading article " + a.id);
    if (sqlite3_changes(db_) > 0) {
      *inserted = true;
      Stmt ent(db_, &prepared_,
               "INSERT OR IGNORE INTO article_entities(article_id, name) SELECT ?1, "
               "json_extract(value, '$.name') FROM json_each(?2, '$.entities') "
               "WHERE json_extract(value, '$.name') <> ''");
      ent.Bind(1, a.id).Bind(2, extras);
      if (!ent.ok() || ent.Step() != SQLITE_DONE) return Error("indexing entities of " + a.id);
    }
  }
  const core::Provenance& p = a.provenance;
  Stmt prov(db_, &prepared_,
            "INSERT OR IGNORE INTO provenance(article_id, source, container, offset, length, "
            "record_id, crawl_date, http_status) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
  prov.Bind(1, a.id)
      .Bind(2, p.source)
      .Bind(3, p.container)
      .Bind(4, static_cast<int64_t>(p.offset))
      .Bind(5, static_cast<int64_t>(p.length))
      .Bind(6, p.record_id)
      .Bind(7, p.crawl_date)
      .Bind(8, static_cast<int64_t>(p.http_status));
  if (!prov.ok() || prov.Step() != SQLITE_DONE) return Error("storing provenance of " + a.id);
  return core::Status::Ok();
}

core::Result<std::vector<core::Article>> SqliteStore::LoadArticles() {
  Stmt q(db_,
         (std::string("SELECT ") + kArticleColumns + " ORDER BY date_published, a.id").c_str());
  if (!q.ok()) return Error("loading articles");
  std::vector<core::Article> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    core::Article a;
    WB_RETURN_IF_ERROR(ArticleFromRow(q, path_, &a));
    out.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE) return Error("loading articles");
  // One statement reads one snapshot, so the rows counted are the rows read (ReplaceStories).
  loaded_articles_ = static_cast<int64_t>(out.size());
  return out;
}

core::Status SqliteStore::ReplaceStories(const std::vector<StoryRecord>& stories) {
  WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](const std::string& what) {
    core::Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  // A rebuild that read fewer articles than the stored set was built from lost a race with
  // another process's rebuild (articles are never deleted, so fewer means an older snapshot):
  // keep the newer set. Same rule as the PostgreSQL backend; BEGIN IMMEDIATE serializes.
  {
    Stmt built(
        db_,
        "SELECT CAST(value AS INTEGER), (SELECT COUNT(*) FROM articles) FROM settings WHERE key = "
        "'stories.built_from_articles'");
    if (!built.ok()) return fail("reading story state");
    int64_t from = loaded_articles_;
    int rc = built.Step();
    if (rc == SQLITE_ROW && from < 0) from = built.Int(1);
    if (rc == SQLITE_ROW && built.Int(0) > from) return Exec("ROLLBACK");
    if (from < 0) {
      Stmt n(db_, "SELECT COUNT(*) FROM articles");
      if (!n.ok() || n.Step() != SQLITE_ROW) return fail("counting articles");
      from = n.Int(0);
    }
    Stmt set(
        db_,
        "INSERT OR REPLACE INTO settings(key, value) VALUES ('stories.built_from_articles', ?1)");
    set.Bind(1, std::to_string(from));
    if (!set.ok() || set.Step() != SQLITE_DONE) return fail("storing story state");
  }
  if (!Exec("DELETE FROM stories").ok()) return fail("clearing stories");
  Stmt st(db_,
          "INSERT INTO stories(id, title, first_published, last_published, outlets, "
          "independent_outlets) "
          "VALUES (?1,?2,?3,?4,?5,?6)");
  Stmt mem(db_, "INSERT INTO story_articles(story_id, article_id, position) VALUES (?1,?2,?3)");
  Stmt fam(
      db_,
      "INSERT INTO copy_families(story_id, family, article_id, position) VALUES (?1,?2,?3,?4)");
  Stmt br(db_, "INSERT INTO briefs(story_id, brief) VALUES (?1,?2)");
  if (!st.ok() || !mem.ok() || !fam.ok() || !br.ok()) return fail("preparing story inserts");
  for (const StoryRecord& r : stories) {
    const core::Story& s = r.story;
    st.Reset();
    st.Bind(1, s.id)
        .Bind(2, s.title)
        .Bind(3, s.first_published)
        .Bind(4, s.last_published)
        .Bind(5, Dump(json(s.outlets)))
        .Bind(6, static_cast<int64_t>(s.independent_outlets));
    if (st.Step() != SQLITE_DONE) return fail("storing story " + s.id);
    for (size_t i = 0; i < s.article_ids.size(); ++i) {
      mem.Reset();
      mem.Bind(1, s.id).Bind(2, s.article_ids[i]).Bind(3, static_cast<int64_t>(i));
      if (mem.Step() != SQLITE_DONE) return fail("storing members of story " + s.id);
    }
    for (size_t f = 0; f < r.copy_families.size(); ++f)
      for (size_t i = 0; i < r.copy_families[f].size(); ++i) {
        fam.Reset();
        fam.Bind(1, s.id)
            .Bind(2, static_cast<int64_t>(f))
            .Bind(3, r.copy_families[f][i])
            .Bind(4, static_cast<int64_t>(i));
        if (fam.Step() != SQLITE_DONE) return fail("storing copy families of story " + s.id);
      }
    br.Reset();
    br.Bind(1, s.id).Bind(2, Dump(detail::BriefToJson(r.brief)));
    if (br.Step() != SQLITE_DONE) return fail("storing brief of story " + s.id);
  }
  return Exec("COMMIT");
}

core::Result<std::vector<StoryRecord>> SqliteStore::LoadStories() {
  Stmt q(
      db_,
      (std::string("SELECT ") + kStoryColumns + " ORDER BY s.last_published DESC, s.id").c_str());
  Stmt mem(db_, kStoryMembers);
  Stmt fam(db_, kStoryFamilies);
  if (!q.ok() || !mem.ok() || !fam.ok()) return Error("loading stories");
  std::vector<StoryRecord> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    StoryRecord r;
    WB_RETURN_IF_ERROR(StoryFromRow(q, &mem, &fam, path_, &r));
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("loading stories");
  return out;
}

core::Result<StoreCounts> SqliteStore::Counts() {
  StoreCounts c;
  Stmt q(db_, "SELECT name, n FROM row_counts");  // kept by triggers (migration 5)
  if (!q.ok()) return Error("counting rows");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    std::string name = q.Text(0);
    int64_t* out = name == "articles"     ? &c.articles
                   : name == "provenance" ? &c.provenance
                   : name == "stories"    ? &c.stories
                   : name == "briefs"     ? &c.briefs
                                          : nullptr;
    if (out) *out = q.Int(1);
  }
  if (rc != SQLITE_DONE) return Error("counting rows");
  return c;
}

// ---- Read side of the HTTP server (migration 2; searches in sqlite_search.cc) ----

void SqliteStore::TuneForReads() {
  if (tuned_for_reads_) return;
  tuned_for_reads_ = true;
  // The server reads story and article pages at random over the whole file: through the
  // connection's 2 MB page cache every read was a pread() (8% of the story page's time).
  // Mapped, pages come from the OS cache directly. Best effort: a failure only costs speed.
  sqlite3_exec(db_, "PRAGMA mmap_size=1073741824", nullptr, nullptr, nullptr);
}

core::Result<StoryRecord> SqliteStore::LoadStory(const std::string& id) {
  TuneForReads();
  Stmt q(db_, &prepared_, std::string("SELECT ") + kStoryColumns + " WHERE s.id = ?1");
  Stmt mem(db_, &prepared_, kStoryMembers);
  Stmt fam(db_, &prepared_, kStoryFamilies);
  if (!q.ok() || !mem.ok() || !fam.ok()) return Error("loading story " + id);
  q.Bind(1, id);
  int rc = q.Step();
  if (rc == SQLITE_DONE) return core::Status::NotFound(path_, "no story with id " + id);
  if (rc != SQLITE_ROW) return Error("loading story " + id);
  StoryRecord r;
  WB_RETURN_IF_ERROR(StoryFromRow(q, &mem, &fam, path_, &r));
  return r;
}

core::Result<core::Article> SqliteStore::LoadArticle(const std::string& id) {
  TuneForReads();
  Stmt q(db_, &prepared_, std::string("SELECT ") + kArticleColumns + " WHERE a.id = ?1");
  if (!q.ok()) return Error("loading article " + id);
  q.Bind(1, id);
  int rc = q.Step();
  if (rc == SQLITE_DONE) return core::Status::NotFound(path_, "no article with id " + id);
  if (rc != SQLITE_ROW) return Error("loading article " + id);
  core::Article a;
  WB_RETURN_IF_ERROR(ArticleFromRow(q, path_, &a));
  return a;
}

core::Result<std::vector<core::Article>> SqliteStore::LoadArticlesForStoryPage(
    const std::vector<std::string>& ids) {
  TuneForReads();
  // One statement for all of them: each statement is a read transaction of its own, and the
  // WAL read locks (fcntl) per article lookup showed in the page's profile. SQLite's own JSON
  // reader picks the three members out of the extras column without building a tree of the
  // rest (entities, sentences, ...); nlohmann then decodes only those. Extras that are not
  // valid JSON decode as empty, as in LoadArticle.
  Stmt q(db_, &prepared_,
         "SELECT k.key, a.id, a.url, a.title, a.site_name, a.host, a.language, a.date_published, "
         "a.text, CASE "
         "WHEN json_valid(a.extras) THEN json_extract(a.extras, '$.authors', '$.wire', "
         "'$.figures', '$.headline_only') END, "
         "CASE WHEN a.site_name = '' AND a.host = '' THEN (SELECT source FROM provenance WHERE "
         "rowid = "
         "(SELECT MIN(rowid) FROM provenance WHERE article_id = a.id)) END "
         "FROM json_each(?1) k JOIN articles a ON a.id = k.value");
  if (!q.ok()) return Error("loading the articles of a story page");
  q.Bind(1, Dump(json(ids)));
  std::vector<std::pair<int64_t, core::Article>> found;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    core::Article a;
    a.id = q.Text(1);
    a.url = q.Text(2);
    a.title = q.Text(3);
    a.site_name = q.Text(4);
    a.host = q.Text(5);
    a.language = q.Text(6);
    a.date_published = q.Text(7);
    a.text = q.Text(8);
    a.provenance.source = q.Text(10);  // the outlet's name of last resort (core::OutletOf)
    json members = json::parse(q.Text(9), nullptr, false);
    if (members.is_array() && members.size() == 4) {
      json extras = json::object();
      const char* const kNames[] = {"authors", "wire", "figures", "headline_only"};
      for (size_t i = 0; i < 4; ++i)
        if (!members[i].is_null()) extras[kNames[i]] = std::move(members[i]);
      try {
        detail::ArticleExtrasFromJson(extras, &a);
      } catch (const json::exception& e) {
        return core::Status::Corruption(path_, "article " + a.id,
                                        std::string("bad extras column: ") + e.what());
      }
    }
    found.emplace_back(q.Int(0), std::move(a));
  }
  if (rc != SQLITE_DONE) return Error("loading the articles of a story page");
  std::sort(found.begin(), found.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<core::Article> out;
  out.reserve(found.size());
  for (auto& [index, a] : found) out.push_back(std::move(a));
  return out;
}

core::Result<std::vector<core::Provenance>> SqliteStore::LoadProvenance(
    const std::string& article_id) {
  Stmt q(db_, &prepared_,
         "SELECT source, container, offset, length, record_id, crawl_date, http_status FROM "
         "provenance "
         "WHERE article_id = ?1 ORDER BY rowid");
  if (!q.ok()) return Error("loading provenance of " + article_id);
  q.Bind(1, article_id);
  std::vector<core::Provenance> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW)
    out.push_back({q.Text(0), q.Text(1), static_cast<uint64_t>(q.Int(2)),
                   static_cast<uint64_t>(q.Int(3)), q.Text(4), q.Text(5),
                   static_cast<int>(q.Int(6))});
  if (rc != SQLITE_DONE) return Error("loading provenance of " + article_id);
  return out;
}

core::Result<uint64_t> SqliteStore::DataVersion() {
  // data_version moves with other connections' commits, total_changes with this one's.
  Stmt q(db_, &prepared_, "PRAGMA data_version");
  if (!q.ok() || q.Step() != SQLITE_ROW) return Error("reading the data version");
  return (static_cast<uint64_t>(q.Int(0)) << 32) ^
         static_cast<uint64_t>(sqlite3_total_changes64(db_));
}

core::Result<std::string> SqliteStore::GetSetting(const std::string& key) {
  Stmt q(db_, "SELECT value FROM settings WHERE key = ?1");
  if (!q.ok()) return Error("reading setting " + key);
  q.Bind(1, key);
  int rc = q.Step();
  if (rc == SQLITE_DONE) return core::Status::NotFound(path_, "no setting " + key);
  if (rc != SQLITE_ROW) return Error("reading setting " + key);
  return q.Text(0);
}

core::Status SqliteStore::PutSetting(const std::string& key, const std::string& value,
                                     bool only_if_absent, bool* stored) {
  Stmt q(db_, only_if_absent ? "INSERT OR IGNORE INTO settings(key, value) VALUES (?1, ?2)"
                             : "INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)");
  if (!q.ok()) return Error("storing setting " + key);
  q.Bind(1, key).Bind(2, value);
  if (q.Step() != SQLITE_DONE) return Error("storing setting " + key);
  if (stored) *stored = sqlite3_changes(db_) > 0;
  return core::Status::Ok();
}

core::Result<std::vector<std::pair<std::string, std::string>>> SqliteStore::LoadSettings() {
  Stmt q(db_, "SELECT key, value FROM settings ORDER BY key");
  if (!q.ok()) return Error("loading settings");
  std::vector<std::pair<std::string, std::string>> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.emplace_back(q.Text(0), q.Text(1));
  if (rc != SQLITE_DONE) return Error("loading settings");
  return out;
}

}  // namespace wirebrief::store
