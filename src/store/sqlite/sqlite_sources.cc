// Watched sources and page states in SQLite (schema 4; store.h has the contract).
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>

#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace wirebrief::store {
namespace {

using sqlite_detail::Stmt;

constexpr char kSourceColumns[] =
    "url, kind, etag, last_modified, added_at, last_poll, next_poll, last_success, "
    "consecutive_failures, last_error, last_outcome, items_seen, articles_stored, "
    "interval_seconds, title";
constexpr char kPageColumns[] =
    "url, article_id, state, etag, last_modified, failures, last_error, fetched_at, next_attempt, "
    "listed_in";

SourceRecord SourceFromRow(const Stmt& q) {
  SourceRecord s;
  s.url = q.Text(0);
  s.kind = q.Text(1);
  s.etag = q.Text(2);
  s.last_modified = q.Text(3);
  s.added_at = q.Text(4);
  s.last_poll = q.Text(5);
  s.next_poll = q.Text(6);
  s.last_success = q.Text(7);
  s.consecutive_failures = static_cast<int>(q.Int(8));
  s.last_error = q.Text(9);
  s.last_outcome = q.Text(10);
  s.items_seen = q.Int(11);
  s.articles_stored = q.Int(12);
  s.interval_seconds = sqlite3_column_double(q.get(), 13);
  s.title = q.Text(14);
  return s;
}

PageState PageFromRow(const Stmt& q) {
  PageState p;
  p.url = q.Text(0);
  p.article_id = q.Text(1);
  p.state = q.Text(2);
  p.etag = q.Text(3);
  p.last_modified = q.Text(4);
  p.failures = static_cast<int>(q.Int(5));
  p.last_error = q.Text(6);
  p.fetched_at = q.Text(7);
  p.next_attempt = q.Text(8);
  p.listed_in = q.Text(9);
  return p;
}

}  // namespace

core::Result<std::vector<SourceRecord>> SqliteStore::ListSources() {
  Stmt q(db_, (std::string("SELECT ") + kSourceColumns + " FROM sources ORDER BY url").c_str());
  if (!q.ok()) return Error("listing sources");
  std::vector<SourceRecord> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(SourceFromRow(q));
  if (rc != SQLITE_DONE) return Error("listing sources");
  return out;
}

core::Status SqliteStore::PutSource(const SourceRecord& s) {
  if (s.url.empty()) return core::Status::InvalidArgument(path_, "a source needs a URL");
  Stmt q(db_, (std::string("INSERT OR REPLACE INTO sources(") + kSourceColumns +
               ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)")
                  .c_str());
  if (!q.ok()) return Error("storing source " + s.url);
  q.Bind(1, s.url)
      .Bind(2, s.kind)
      .Bind(3, s.etag)
      .Bind(4, s.last_modified)
      .Bind(5, s.added_at)
      .Bind(6, s.last_poll)
      .Bind(7, s.next_poll)
      .Bind(8, s.last_success)
      .Bind(9, static_cast<int64_t>(s.consecutive_failures))
      .Bind(10, s.last_error)
      .Bind(11, s.last_outcome)
      .Bind(12, s.items_seen)
      .Bind(13, s.articles_stored);
  sqlite3_bind_double(q.get(), 14, s.interval_seconds);
  q.Bind(15, s.title);
  if (q.Step() != SQLITE_DONE) return Error("storing source " + s.url);
  return core::Status::Ok();
}

core::Result<bool> SqliteStore::ClaimSource(const std::string& url,
                                           const std::string& expected_next_poll,
                                           const std::string& lease_until) {
  Stmt q(db_, "UPDATE sources SET next_poll = ?3 WHERE url = ?1 AND next_poll = ?2");
  if (!q.ok()) return Error("claiming source " + url);
  q.Bind(1, url).Bind(2, expected_next_poll).Bind(3, lease_until);
  if (q.Step() != SQLITE_DONE) return Error("claiming source " + url);
  return sqlite3_changes(db_) == 1;
}

core::Status SqliteStore::RemoveSource(const std::string& url) {
  Stmt q(db_, "DELETE FROM sources WHERE url = ?1");
  if (!q.ok()) return Error("removing source " + url);
  q.Bind(1, url);
  if (q.Step() != SQLITE_DONE) return Error("removing source " + url);
  if (sqlite3_changes(db_) == 0) return core::Status::NotFound(path_, "no source " + url);
  return core::Status::Ok();
}

core::Result<std::vector<PageState>> SqliteStore::LoadPageStates(const std::vector<std::string>& urls) {
  Stmt q(db_, &prepared_,
         std::string("SELECT ") + kPageColumns + " FROM page_states WHERE url = ?1");
  if (!q.ok()) return Error("loading page states");
  std::vector<PageState> out;
  for (const std::string& url : urls) {
    q.Reset();
    q.Bind(1, url);
    int rc = q.Step();
    if (rc == SQLITE_ROW)
      out.push_back(PageFromRow(q));
    else if (rc != SQLITE_DONE)
      return Error("loading page state of " + url);
  }
  return out;
}

core::Result<std::vector<PageState>> SqliteStore::LoadPageStatesDue(const std::string& now,
                                                                   size_t limit) {
  Stmt q(db_, (std::string("SELECT ") + kPageColumns +
               " FROM page_states WHERE next_attempt <> '' AND next_attempt <= ?1 AND state NOT IN "
               "('stored', 'listing') ORDER BY next_attempt LIMIT ?2")
                  .c_str());
  if (!q.ok()) return Error("loading page states due");
  q.Bind(1, now).Bind(2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  std::vector<PageState> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(PageFromRow(q));
  if (rc != SQLITE_DONE) return Error("loading page states due");
  return out;
}

core::Result<std::vector<PageState>> SqliteStore::ListPageStates(const std::string& after_url,
                                                                size_t limit) {
  Stmt q(db_, (std::string("SELECT ") + kPageColumns +
               " FROM page_states WHERE url > ?1 ORDER BY url LIMIT ?2")
                  .c_str());
  if (!q.ok()) return Error("listing page states");
  q.Bind(1, after_url).Bind(2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  std::vector<PageState> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(PageFromRow(q));
  if (rc != SQLITE_DONE) return Error("listing page states");
  return out;
}

core::Status SqliteStore::PutPageStates(const std::vector<PageState>& states) {
  if (states.empty()) return core::Status::Ok();
  WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Stmt q(db_, (std::string("INSERT OR REPLACE INTO page_states(") + kPageColumns +
               ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)")
                  .c_str());
  if (!q.ok()) {
    core::Status s = Error("storing page states");
    Exec("ROLLBACK");
    return s;
  }
  for (const PageState& p : states) {
    q.Reset();
    q.Bind(1, p.url)
        .Bind(2, p.article_id)
        .Bind(3, p.state)
        .Bind(4, p.etag)
        .Bind(5, p.last_modified)
        .Bind(6, static_cast<int64_t>(p.failures))
        .Bind(7, p.last_error)
        .Bind(8, p.fetched_at)
        .Bind(9, p.next_attempt)
        .Bind(10, p.listed_in);
    if (q.Step() != SQLITE_DONE) {
      core::Status s = Error("storing page state of " + p.url);
      Exec("ROLLBACK");
      return s;
    }
  }
  return Exec("COMMIT");
}

}  // namespace wirebrief::store
