// Watchlists, their events and webhook deliveries in SQLite (schema 7; store.h has the
// contract). Events are written by CommitStoryUpdate (sqlite_stories.cc), in the update's
// transaction; AppendAlertEvents below is that step.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>

#include "store/detail/model_json.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace wirebrief::store {
namespace {

using sqlite_detail::Dump;
using sqlite_detail::json;
using sqlite_detail::Stmt;

constexpr char kEventColumns[] = "id, watchlist, story_id, kind, at, brief_version, payload";
constexpr char kDeliveryColumns[] =
    "event_id, watchlist, url, state, attempts, next_attempt, last_attempt, last_status, "
    "last_error";

int64_t Rows(size_t limit) { return static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)); }

core::Status EventFromRow(const Stmt& q, const std::string& where, AlertEvent* e) {
  e->id = q.Int(0);
  e->watchlist = q.Text(1);
  e->story_id = q.Text(2);
  e->kind = q.Text(3);
  e->at = q.Text(4);
  e->brief_version = static_cast<int>(q.Int(5));
  try {
    detail::AlertPayloadFromJson(json::parse(q.Text(6)), e);
  } catch (const std::exception& ex) {
    return core::Status::Corruption(where, "alert event " + std::to_string(e->id),
                                    std::string("damaged payload: ") + ex.what());
  }
  return core::Status::Ok();
}

WebhookDelivery DeliveryFromRow(const Stmt& q) {
  WebhookDelivery d;
  d.event_id = q.Int(0);
  d.watchlist = q.Text(1);
  d.url = q.Text(2);
  d.state = q.Text(3);
  d.attempts = static_cast<int>(q.Int(4));
  d.next_attempt = q.Text(5);
  d.last_attempt = q.Text(6);
  d.last_status = static_cast<int>(q.Int(7));
  d.last_error = q.Text(8);
  return d;
}

}  // namespace

core::Result<std::vector<WatchlistRecord>> SqliteStore::ListWatchlists() {
  Stmt q(db_, "SELECT name, query, webhook, secret, created_at FROM watchlists ORDER BY name");
  if (!q.ok()) return Error("listing watchlists");
  std::vector<WatchlistRecord> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW)
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
  if (rc != SQLITE_DONE) return Error("listing watchlists");
  return out;
}

core::Result<WatchlistRecord> SqliteStore::LoadWatchlist(const std::string& name) {
  Stmt q(db_, "SELECT name, query, webhook, secret, created_at FROM watchlists WHERE name = ?1");
  if (!q.ok()) return Error("loading watchlist " + name);
  q.Bind(1, name);
  int rc = q.Step();
  if (rc == SQLITE_DONE) return core::Status::NotFound(path_, "no watchlist named " + name);
  if (rc != SQLITE_ROW) return Error("loading watchlist " + name);
  return WatchlistRecord{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)};
}

core::Status SqliteStore::PutWatchlist(const WatchlistRecord& w) {
  if (w.name.empty()) return core::Status::InvalidArgument(path_, "a watchlist needs a name");
  Stmt q(db_,
         "INSERT OR REPLACE INTO watchlists(name, query, webhook, secret, created_at) "
         "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!q.ok()) return Error("storing watchlist " + w.name);
  q.Bind(1, w.name).Bind(2, w.query).Bind(3, w.webhook).Bind(4, w.secret).Bind(5, w.created_at);
  if (q.Step() != SQLITE_DONE) return Error("storing watchlist " + w.name);
  return core::Status::Ok();
}

core::Status SqliteStore::RemoveWatchlist(const std::string& name) {
  WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](const std::string& what) {
    core::Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  int removed = 0;
  for (const char* sql : {"DELETE FROM watchlists WHERE name = ?1",
                          "DELETE FROM alert_events WHERE watchlist = ?1",
                          "DELETE FROM webhook_deliveries WHERE watchlist = ?1"}) {
    Stmt q(db_, sql);
    if (!q.ok()) return fail("removing watchlist " + name);
    q.Bind(1, name);
    if (q.Step() != SQLITE_DONE) return fail("removing watchlist " + name);
    if (removed == 0) removed = sqlite3_changes(db_) > 0 ? 1 : -1;
  }
  if (removed < 0) {
    Exec("ROLLBACK");
    return core::Status::NotFound(path_, "no watchlist named " + name);
  }
  return Exec("COMMIT");
}

core::Status SqliteStore::AppendAlertEvents(const std::vector<AlertEvent>& events) {
  if (events.empty()) return core::Status::Ok();
  Stmt ev(db_,
          "INSERT INTO alert_events(watchlist, story_id, kind, at, brief_version, payload) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  Stmt hook(db_, "SELECT webhook FROM watchlists WHERE name = ?1");
  Stmt del(db_,
           "INSERT INTO webhook_deliveries(event_id, watchlist, url, state, attempts, "
           "next_attempt, last_attempt, last_status, last_error) "
           "VALUES (?1, ?2, ?3, 'pending', 0, ?4, '', 0, '')");
  if (!ev.ok() || !hook.ok() || !del.ok()) return Error("storing alert events");
  for (const AlertEvent& e : events) {
    ev.Reset();
    ev.Bind(1, e.watchlist)
        .Bind(2, e.story_id)
        .Bind(3, e.kind)
        .Bind(4, e.at)
        .Bind(5, static_cast<int64_t>(e.brief_version))
        .Bind(6, Dump(detail::AlertPayloadToJson(e)));
    if (ev.Step() != SQLITE_DONE) return Error("storing an alert event of " + e.watchlist);
    int64_t id = sqlite3_last_insert_rowid(db_);
    hook.Reset();
    hook.Bind(1, e.watchlist);
    if (hook.Step() != SQLITE_ROW) continue;  // removed meanwhile: feeds only
    std::string url = hook.Text(0);
    if (url.empty()) continue;
    del.Reset();
    del.Bind(1, id).Bind(2, e.watchlist).Bind(3, url).Bind(4, e.at);
    if (del.Step() != SQLITE_DONE) return Error("scheduling a webhook delivery of " + e.watchlist);
  }
  return core::Status::Ok();
}

core::Result<std::vector<AlertEvent>> SqliteStore::LoadAlertEvents(const std::string& watchlist,
                                                                   int64_t before_id,
                                                                   size_t limit) {
  Stmt q(db_, (std::string("SELECT ") + kEventColumns +
               " FROM alert_events WHERE watchlist = ?1 AND (?2 = 0 OR id < ?2) "
               "ORDER BY id DESC LIMIT ?3")
                  .c_str());
  if (!q.ok()) return Error("loading the events of " + watchlist);
  q.Bind(1, watchlist).Bind(2, before_id).Bind(3, Rows(limit));
  std::vector<AlertEvent> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    AlertEvent e;
    WB_RETURN_IF_ERROR(EventFromRow(q, path_, &e));
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return Error("loading the events of " + watchlist);
  return out;
}

core::Result<AlertEvent> SqliteStore::LoadAlertEvent(int64_t id) {
  Stmt q(db_, (std::string("SELECT ") + kEventColumns + " FROM alert_events WHERE id = ?1").c_str());
  if (!q.ok()) return Error("loading alert event");
  q.Bind(1, id);
  int rc = q.Step();
  if (rc == SQLITE_DONE)
    return core::Status::NotFound(path_, "no alert event " + std::to_string(id));
  if (rc != SQLITE_ROW) return Error("loading alert event");
  AlertEvent e;
  WB_RETURN_IF_ERROR(EventFromRow(q, path_, &e));
  return e;
}

core::Result<std::vector<WebhookDelivery>> SqliteStore::LoadDeliveriesDue(const std::string& now,
                                                                          size_t limit) {
  Stmt q(db_, (std::string("SELECT ") + kDeliveryColumns +
               " FROM webhook_deliveries WHERE state = 'pending' AND next_attempt <= ?1 "
               "ORDER BY next_attempt, event_id LIMIT ?2")
                  .c_str());
  if (!q.ok()) return Error("loading due webhook deliveries");
  q.Bind(1, now).Bind(2, Rows(limit));
  std::vector<WebhookDelivery> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(DeliveryFromRow(q));
  if (rc != SQLITE_DONE) return Error("loading due webhook deliveries");
  return out;
}

core::Result<std::vector<WebhookDelivery>> SqliteStore::LoadDeliveries(const std::string& watchlist,
                                                                       size_t limit) {
  Stmt q(db_, (std::string("SELECT ") + kDeliveryColumns +
               " FROM webhook_deliveries WHERE watchlist = ?1 ORDER BY event_id DESC LIMIT ?2")
                  .c_str());
  if (!q.ok()) return Error("loading the deliveries of " + watchlist);
  q.Bind(1, watchlist).Bind(2, Rows(limit));
  std::vector<WebhookDelivery> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(DeliveryFromRow(q));
  if (rc != SQLITE_DONE) return Error("loading the deliveries of " + watchlist);
  return out;
}

core::Status SqliteStore::PutDelivery(const WebhookDelivery& d) {
  Stmt q(db_,
         "UPDATE webhook_deliveries SET state = ?2, attempts = ?3, next_attempt = ?4, "
         "last_attempt = ?5, last_status = ?6, last_error = ?7 WHERE event_id = ?1");
  if (!q.ok()) return Error("recording a webhook delivery");
  q.Bind(1, d.event_id)
      .Bind(2, d.state)
      .Bind(3, static_cast<int64_t>(d.attempts))
      .Bind(4, d.next_attempt)
      .Bind(5, d.last_attempt)
      .Bind(6, static_cast<int64_t>(d.last_status))
      .Bind(7, d.last_error);
  if (q.Step() != SQLITE_DONE) return Error("recording a webhook delivery");
  if (sqlite3_changes(db_) == 0)
    return core::Status::NotFound(path_, "no webhook delivery of event " +
                                             std::to_string(d.event_id));
  return core::Status::Ok();
}

}  // namespace wirebrief::store
