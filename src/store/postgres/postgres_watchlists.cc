// Watchlists, their events and webhook deliveries in PostgreSQL (schema version 7; store.h has
// the contract). Events are written inside CommitStoryUpdate's transaction, as one statement
// for the batch (json_to_recordset), and their deliveries with them.
#include <algorithm>
#include <cstdint>
#include <string>

#include "store/detail/model_json.h"
#include "store/postgres/postgres_backend.h"

namespace wirebrief::store {

using pg_detail::Dump;
using pg_detail::json;
using pg_detail::PgResult;

namespace {

constexpr const char* kEventColumns = "id, watchlist, story_id, kind, at, brief_version, payload";
constexpr const char* kDeliveryColumns =
    "event_id, watchlist, url, state, attempts, next_attempt, last_attempt, last_status, "
    "last_error";

std::string Rows(size_t limit) {
  return std::to_string(static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
}

core::Result<std::vector<AlertEvent>> EventsFromRows(const PgResult& r, const std::string& where) {
  std::vector<AlertEvent> out(static_cast<size_t>(r.Rows()));
  for (int i = 0; i < r.Rows(); ++i) {
    AlertEvent& e = out[i];
    e.id = r.Int(i, 0);
    e.watchlist = r.Text(i, 1);
    e.story_id = r.Text(i, 2);
    e.kind = r.Text(i, 3);
    e.at = r.Text(i, 4);
    e.brief_version = static_cast<int>(r.Int(i, 5));
    try {
      detail::AlertPayloadFromJson(json::parse(r.Text(i, 6)), &e);
    } catch (const std::exception& ex) {
      return core::Status::Corruption(where, "alert event " + std::to_string(e.id),
                                      std::string("damaged payload: ") + ex.what());
    }
  }
  return out;
}

std::vector<WebhookDelivery> DeliveriesFromRows(const PgResult& r) {
  std::vector<WebhookDelivery> out(static_cast<size_t>(r.Rows()));
  for (int i = 0; i < r.Rows(); ++i) {
    WebhookDelivery& d = out[i];
    d.event_id = r.Int(i, 0);
    d.watchlist = r.Text(i, 1);
    d.url = r.Text(i, 2);
    d.state = r.Text(i, 3);
    d.attempts = static_cast<int>(r.Int(i, 4));
    d.next_attempt = r.Text(i, 5);
    d.last_attempt = r.Text(i, 6);
    d.last_status = static_cast<int>(r.Int(i, 7));
    d.last_error = r.Text(i, 8);
  }
  return out;
}

}  // namespace

core::Result<std::vector<WatchlistRecord>> PostgresStore::ListWatchlists() {
  auto r = Run("listing watchlists",
               "SELECT name, query, webhook, secret, created_at FROM watchlists ORDER BY name");
  if (!r.ok()) return r.status();
  std::vector<WatchlistRecord> out;
  for (int i = 0; i < r->Rows(); ++i)
    out.push_back({r->Text(i, 0), r->Text(i, 1), r->Text(i, 2), r->Text(i, 3), r->Text(i, 4)});
  return out;
}

core::Result<WatchlistRecord> PostgresStore::LoadWatchlist(const std::string& name) {
  auto r = Run("loading watchlist " + name,
               "SELECT name, query, webhook, secret, created_at FROM watchlists WHERE name = $1",
               {name});
  if (!r.ok()) return r.status();
  if (r->Rows() == 0) return core::Status::NotFound(location_, "no watchlist named " + name);
  return WatchlistRecord{r->Text(0, 0), r->Text(0, 1), r->Text(0, 2), r->Text(0, 3),
                         r->Text(0, 4)};
}

core::Status PostgresStore::PutWatchlist(const WatchlistRecord& w) {
  if (w.name.empty()) return core::Status::InvalidArgument(location_, "a watchlist needs a name");
  return Run("storing watchlist " + w.name,
             "INSERT INTO watchlists(name, query, webhook, secret, created_at) VALUES ($1, $2, $3, "
             "$4, $5) ON CONFLICT (name) DO UPDATE SET query = EXCLUDED.query, webhook = "
             "EXCLUDED.webhook, secret = EXCLUDED.secret, created_at = EXCLUDED.created_at",
             {w.name, w.query, w.webhook, w.secret, w.created_at})
      .status();
}

core::Status PostgresStore::RemoveWatchlist(const std::string& name) {
  bool found = false;
  core::Status s = InTransaction("BEGIN", [&]() -> core::Status {
    auto r = Run("removing watchlist " + name,
                 "DELETE FROM watchlists WHERE name = $1 RETURNING name", {name});
    if (!r.ok()) return r.status();
    found = r->Rows() > 0;
    WB_RETURN_IF_ERROR(
        Run("removing watchlist " + name, "DELETE FROM alert_events WHERE watchlist = $1", {name})
            .status());
    return Run("removing watchlist " + name, "DELETE FROM webhook_deliveries WHERE watchlist = $1",
               {name})
        .status();
  });
  if (!s.ok()) return s;
  if (!found) return core::Status::NotFound(location_, "no watchlist named " + name);
  return core::Status::Ok();
}

core::Status PostgresStore::AppendAlertEvents(const std::vector<AlertEvent>& events) {
  if (events.empty()) return core::Status::Ok();
  json rows = json::array();
  for (size_t i = 0; i < events.size(); ++i) {
    const AlertEvent& e = events[i];
    rows.push_back({{"n", i},
                    {"watchlist", e.watchlist},
                    {"story_id", e.story_id},
                    {"kind", e.kind},
                    {"at", e.at},
                    {"brief_version", e.brief_version},
                    {"payload", Dump(detail::AlertPayloadToJson(e))}});
  }
  // Inserted in the batch's order (ids increase with it), then a pending delivery for each event
  // of a watchlist with a webhook.
  return Run("storing alert events",
             "WITH ins AS (INSERT INTO alert_events(watchlist, story_id, kind, at, brief_version, "
             "payload) SELECT watchlist, story_id, kind, at, brief_version, payload FROM "
             "json_to_recordset($1::json) AS v(n integer, watchlist text, story_id text, kind "
             "text, at text, brief_version integer, payload text) ORDER BY n RETURNING id, "
             "watchlist, at) INSERT INTO webhook_deliveries(event_id, watchlist, url, state, "
             "attempts, next_attempt, last_attempt, last_status, last_error) SELECT ins.id, "
             "ins.watchlist, w.webhook, 'pending', 0, ins.at, '', 0, '' FROM ins JOIN watchlists "
             "w ON w.name = ins.watchlist WHERE w.webhook <> ''",
             {Dump(rows)})
      .status();
}

core::Result<std::vector<AlertEvent>> PostgresStore::LoadAlertEvents(const std::string& watchlist,
                                                                     int64_t before_id,
                                                                     size_t limit) {
  auto r = Run("loading the events of " + watchlist,
               std::string("SELECT ") + kEventColumns +
                   " FROM alert_events WHERE watchlist = $1 AND ($2::bigint = 0 OR id < "
                   "$2::bigint) ORDER BY id DESC LIMIT $3::bigint",
               {watchlist, std::to_string(before_id), Rows(limit)});
  if (!r.ok()) return r.status();
  return EventsFromRows(*r, location_);
}

core::Result<AlertEvent> PostgresStore::LoadAlertEvent(int64_t id) {
  auto r = Run("loading alert event",
               std::string("SELECT ") + kEventColumns + " FROM alert_events WHERE id = $1::bigint",
               {std::to_string(id)});
  if (!r.ok()) return r.status();
  auto events = EventsFromRows(*r, location_);
  if (!events.ok()) return events.status();
  if (events->empty())
    return core::Status::NotFound(location_, "no alert event " + std::to_string(id));
  return std::move(events->front());
}

core::Result<std::vector<WebhookDelivery>> PostgresStore::LoadDeliveriesDue(const std::string& now,
                                                                            size_t limit) {
  auto r = Run("loading due webhook deliveries",
               std::string("SELECT ") + kDeliveryColumns +
                   " FROM webhook_deliveries WHERE state = 'pending' AND next_attempt <= $1 "
                   "ORDER BY next_attempt, event_id LIMIT $2::bigint",
               {now, Rows(limit)});
  if (!r.ok()) return r.status();
  return DeliveriesFromRows(*r);
}

core::Result<std::vector<WebhookDelivery>> PostgresStore::LoadDeliveries(
    const std::string& watchlist, size_t limit) {
  auto r = Run("loading the deliveries of " + watchlist,
               std::string("SELECT ") + kDeliveryColumns +
                   " FROM webhook_deliveries WHERE watchlist = $1 ORDER BY event_id DESC LIMIT "
                   "$2::bigint",
               {watchlist, Rows(limit)});
  if (!r.ok()) return r.status();
  return DeliveriesFromRows(*r);
}

core::Status PostgresStore::PutDelivery(const WebhookDelivery& d) {
  auto r = Run("recording a webhook delivery",
               "UPDATE webhook_deliveries SET state = $2, attempts = $3::integer, next_attempt = "
               "$4, last_attempt = $5, last_status = $6::integer, last_error = $7 WHERE event_id "
               "= $1::bigint RETURNING event_id",
               {std::to_string(d.event_id), d.state, std::to_string(d.attempts), d.next_attempt,
                d.last_attempt, std::to_string(d.last_status), d.last_error});
  if (!r.ok()) return r.status();
  if (r->Rows() == 0)
    return core::Status::NotFound(location_, "no webhook delivery of event " +
                                                 std::to_string(d.event_id));
  return core::Status::Ok();
}

}  // namespace wirebrief::store
