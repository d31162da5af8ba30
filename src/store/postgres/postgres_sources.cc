// The PostgreSQL side of `wirebrief watch`'s bookkeeping (schema version 4): the sources it
// polls and the state of every article page URL it has met. Batches travel as one JSON
// parameter (json_to_recordset), so a batch is one statement and one round trip.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "store/postgres/postgres_backend.h"

namespace wirebrief::store {

using pg_detail::Dump;
using pg_detail::json;
using pg_detail::PgResult;

namespace {

constexpr const char* kSourceColumns =
    "url, kind, etag, last_modified, added_at, last_poll, next_poll, last_success, "
    "consecutive_failures, last_error, last_outcome, items_seen, articles_stored, "
    "interval_seconds, title";

constexpr const char* kPageStateColumns =
    "url, article_id, state, etag, last_modified, failures, last_error, fetched_at, next_attempt, "
    "listed_in";

// PostgreSQL answers a double in its shortest exact text form (extra_float_digits 1 is the
// default since version 12), so strtod gives back the stored value.
double Real(const PgResult& r, int row, int col) {
  return std::strtod(PQgetvalue(r.get(), row, col), nullptr);
}

std::vector<PageState> PagesFromRows(const PgResult& r) {
  std::vector<PageState> out;
  out.reserve(static_cast<size_t>(r.Rows()));
  for (int i = 0; i < r.Rows(); ++i) {
    PageState p;
    p.url = r.Text(i, 0);
    p.article_id = r.Text(i, 1);
    p.state = r.Text(i, 2);
    p.etag = r.Text(i, 3);
    p.last_modified = r.Text(i, 4);
    p.failures = static_cast<int>(r.Int(i, 5));
    p.last_error = r.Text(i, 6);
    p.fetched_at = r.Text(i, 7);
    p.next_attempt = r.Text(i, 8);
    p.listed_in = r.Text(i, 9);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

core::Result<std::vector<SourceRecord>> PostgresStore::ListSources() {
  auto r = Run("listing sources",
               std::string("SELECT ") + kSourceColumns + " FROM sources ORDER BY url");
  if (!r.ok()) return r.status();
  std::vector<SourceRecord> out;
  out.reserve(static_cast<size_t>(r->Rows()));
  for (int i = 0; i < r->Rows(); ++i) {
    SourceRecord s;
    s.url = r->Text(i, 0);
    s.kind = r->Text(i, 1);
    s.etag = r->Text(i, 2);
    s.last_modified = r->Text(i, 3);
    s.added_at = r->Text(i, 4);
    s.last_poll = r->Text(i, 5);
    s.next_poll = r->Text(i, 6);
    s.last_success = r->Text(i, 7);
    s.consecutive_failures = static_cast<int>(r->Int(i, 8));
    s.last_error = r->Text(i, 9);
    s.last_outcome = r->Text(i, 10);
    s.items_seen = r->Int(i, 11);
    s.articles_stored = r->Int(i, 12);
    s.interval_seconds = Real(*r, i, 13);
    s.title = r->Text(i, 14);
    out.push_back(std::move(s));
  }
  return out;
}

core::Status PostgresStore::PutSource(const SourceRecord& s) {
  if (s.url.empty()) return core::Status::InvalidArgument(location_, "a source needs a URL");
  char interval[32];
  std::snprintf(interval, sizeof interval, "%.17g", s.interval_seconds);
  return Run("storing source " + s.url,
             std::string("INSERT INTO sources(") + kSourceColumns +
                 ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::integer,$10,$11,$12::bigint,$13::bigint,"
                 "$14::double precision,$15) ON CONFLICT (url) DO UPDATE SET kind = EXCLUDED.kind, "
                 "etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, added_at = "
                 "EXCLUDED.added_at, last_poll = EXCLUDED.last_poll, next_poll = "
                 "EXCLUDED.next_poll, "
                 "last_success = EXCLUDED.last_success, consecutive_failures = "
                 "EXCLUDED.consecutive_failures, last_error = EXCLUDED.last_error, last_outcome = "
                 "EXCLUDED.last_outcome, items_seen = EXCLUDED.items_seen, articles_stored = "
                 "EXCLUDED.articles_stored, interval_seconds = EXCLUDED.interval_seconds, title = "
                 "EXCLUDED.title",
             {s.url, s.kind, s.etag, s.last_modified, s.added_at, s.last_poll, s.next_poll,
              s.last_success, std::to_string(s.consecutive_failures), s.last_error, s.last_outcome,
              std::to_string(s.items_seen), std::to_string(s.articles_stored), interval, s.title})
      .status();
}

core::Status PostgresStore::RemoveSource(const std::string& url) {
  auto r = Run("removing source " + url, "DELETE FROM sources WHERE url = $1", {url});
  if (!r.ok()) return r.status();
  if (std::string(r->CmdTuples()) == "0")
    return core::Status::NotFound(location_, "no source " + url);
  return core::Status::Ok();
}

core::Result<std::vector<PageState>> PostgresStore::LoadPageStates(
    const std::vector<std::string>& urls) {
  json list = json::array();
  for (const auto& u : urls) list.push_back(u);
  auto r = Run("loading page states",
               std::string("SELECT ") + kPageStateColumns +
                   " FROM page_states WHERE url IN (SELECT json_array_elements_text($1::json))",
               {Dump(list)});
  if (!r.ok()) return r.status();
  return PagesFromRows(*r);
}

core::Status PostgresStore::PutPageStates(const std::vector<PageState>& states) {
  if (states.empty()) return core::Status::Ok();
  // One upsert may touch a row once, so a url given twice keeps its last state, as applying
  // the batch in order would.
  std::unordered_map<std::string, size_t> last;
  for (size_t i = 0; i < states.size(); ++i) last[states[i].url] = i;
  json rows = json::array();
  for (size_t i = 0; i < states.size(); ++i) {
    if (last[states[i].url] != i) continue;
    const PageState& p = states[i];
    rows.push_back({{"url", p.url},
                    {"article_id", p.article_id},
                    {"state", p.state},
                    {"etag", p.etag},
                    {"last_modified", p.last_modified},
                    {"failures", p.failures},
                    {"last_error", p.last_error},
                    {"fetched_at", p.fetched_at},
                    {"next_attempt", p.next_attempt},
                    {"listed_in", p.listed_in}});
  }
  // One statement: one transaction.
  return Run("storing page states",
             std::string("INSERT INTO page_states(") + kPageStateColumns + ") SELECT " +
                 kPageStateColumns +
                 " FROM json_to_recordset($1::json) AS v(url text, article_id text, state text, "
                 "etag "
                 "text, last_modified text, failures integer, last_error text, fetched_at text, "
                 "next_attempt text, listed_in text) ON CONFLICT (url) DO UPDATE SET article_id = "
                 "EXCLUDED.article_id, state = EXCLUDED.state, etag = EXCLUDED.etag, last_modified "
                 "= "
                 "EXCLUDED.last_modified, failures = EXCLUDED.failures, last_error = "
                 "EXCLUDED.last_error, fetched_at = EXCLUDED.fetched_at, next_attempt = "
                 "EXCLUDED.next_attempt, listed_in = EXCLUDED.listed_in",
             {Dump(rows)})
      .status();
}

core::Result<std::vector<PageState>> PostgresStore::LoadPageStatesDue(const std::string& now,
                                                                      size_t limit) {
  const int64_t rows = static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX));
  auto r = Run("loading page states due",
               std::string("SELECT ") + kPageStateColumns +
                   " FROM page_states WHERE next_attempt <> '' AND next_attempt <= $1 AND state "
                   "NOT IN ('stored', 'listing') ORDER BY next_attempt LIMIT $2::bigint",
               {now, std::to_string(rows)});
  if (!r.ok()) return r.status();
  return PagesFromRows(*r);
}

core::Result<std::vector<PageState>> PostgresStore::ListPageStates(const std::string& after_url,
                                                                   size_t limit) {
  const int64_t rows = static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX));
  auto r = Run("listing page states",
               std::string("SELECT ") + kPageStateColumns +
                   " FROM page_states WHERE url > $1 ORDER BY url LIMIT $2::bigint",
               {after_url, std::to_string(rows)});
  if (!r.ok()) return r.status();
  return PagesFromRows(*r);
}

core::Result<bool> PostgresStore::ClaimSource(const std::string& url,
                                             const std::string& expected_next_poll,
                                             const std::string& lease_until) {
  // One UPDATE: under READ COMMITTED the second of two concurrent claims waits for the first's
  // row lock, then re-checks next_poll against the committed value and matches nothing.
  auto r = Run("claiming source " + url,
               "UPDATE sources SET next_poll = $3 WHERE url = $1 AND next_poll = $2",
               {url, expected_next_poll, lease_until});
  if (!r.ok()) return r.status();
  return std::string_view(r->CmdTuples()) == "1";
}

}  // namespace wirebrief::store
