// The watchlist endpoints' work (/v1/watchlists...), apart from the routing in server.cc: read
// and write the store, render JSON, Atom and JSON Feed. Each function uses the one store it is
// given (a Store is single-threaded); thread-safe otherwise. Errors are Statuses that
// server.cc maps onto HTTP: kInvalidArgument 400 (the message names the problem), kNotFound 404.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace wirebrief::server::detail {

// {"watchlists": [{"name", "query", "webhook", "created_at"}]} by name. Never the secret.
core::Result<std::string> WatchlistListJson(store::Store* store);

struct WatchlistInput {
  std::string name;
  std::string query;
  std::string webhook;  // empty: feeds only
};

// A POST body {"name", "query", "webhook"?}, checked as `wirebrief watchlist add` checks its
// arguments: the name (pipeline::ValidateWatchlistName), the query (WatchlistMatcher::Compile,
// its message passed on), the webhook an http(s) URL. kInvalidArgument naming the problem.
core::Result<WatchlistInput> ParseWatchlistInput(const std::string& body);

// Adds the watchlist, or replaces the one of that name keeping its secret and created_at (a
// receiver already checking signatures keeps working). *created: whether it is new.
core::Result<store::WatchlistRecord> SaveWatchlist(store::Store* store, const WatchlistInput& in,
                                                   bool* created);

// The record with its secret: the answer to the POST, the only place the API shows it.
std::string WatchlistCreatedJson(const store::WatchlistRecord& w, bool created);

// {"watchlist", "query", "events": [pipeline::AlertEventJson...], "next_before"}: newest
// first, ids below `before_id` (0: from the newest); next_before is the id to pass as ?before=
// for the next page, null on the last. kNotFound for an unknown watchlist.
core::Result<std::string> WatchlistEventsJson(store::Store* store, const std::string& name,
                                              int64_t before_id, size_t limit);

// The watchlist's newest `limit` events as a feed; `format` is "atom" or "json" (JSON Feed
// 1.1). `base` is the server's own URL ("http://host:port"), `self` the feed's absolute URL.
// Entries link to the story page and carry the event's new lines with their citations
// resolved to outlet, cited sentence and original URL. kNotFound for an unknown watchlist.
core::Result<std::string> WatchlistFeed(store::Store* store, const std::string& name,
                                        const std::string& format, const std::string& base,
                                        const std::string& self, size_t limit);

// {"watchlist", "webhook", "deliveries": [{"event_id", "url", "state", "attempts",
// "next_attempt", "last_attempt", "last_status", "last_error"}]}, newest event first.
core::Result<std::string> WatchlistDeliveriesJson(store::Store* store, const std::string& name,
                                                  size_t limit);

}  // namespace wirebrief::server::detail
