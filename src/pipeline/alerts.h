// pipeline/alerts.h: watchlists (standing questions about the news) and what they report.
//
// A watchlist is a name and a query in the search syntax of store/search_query.h, plus
// entity:NAME (some member article names the entity, case-insensitive; a country also by its
// ISO code) and conflict:yes (the brief flags a figure the outlets disagree on). It matches
// stories, not articles: the text terms must all be found in one member article (title or
// text), as the story list's search does. It reports a story
//   "new"      when the story first appears matching,
//   "grew"     when a matching story gains an independent outlet,
//   "revised"  when a matching story's brief gains lines (a source list aside),
// and nothing for a wire reprint alone, which adds neither. Events are evaluated in
// UpdateStories for the stories an update changed, never by rescanning the store, and are
// committed with the update (store::StoryUpdate::events): stored once or not at all.
//
// Delivery: feeds are read from the stored events (server/); webhooks by DeliverWebhooks, which
// `run` and each `watch` round call after their update.
//
// Thread safety: a WatchlistMatcher is immutable after Compile and may be shared by threads.
// Errors: Status, never exceptions.
#pragma once

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace wirebrief::pipeline {

// Names are 1-64 of [A-Za-z0-9._-]: they appear in URLs (/v1/watchlists/NAME/feed.atom).
core::Status ValidateWatchlistName(const std::string& name);

class WatchlistMatcher {
 public:
  // kInvalidArgument naming the problem for a query ParseSearchQuery refuses, an empty query,
  // or a conflict: value other than yes/no/true/false; kLimitExceeded past its limits.
  static core::Result<WatchlistMatcher> Compile(const std::string& query);
  ~WatchlistMatcher();
  WatchlistMatcher(WatchlistMatcher&&) noexcept;
  WatchlistMatcher& operator=(WatchlistMatcher&&) noexcept;

  // Whether the story, with its brief and member articles, matches.
  bool Matches(const core::Story& story, const core::Brief& brief,
               const std::vector<const core::Article*>& members) const;

  // The member articles' words, indexed once per story and shared by every watchlist tested
  // on it (EvaluateWatchlists): indexing them per watchlist made 1,000 watchlists cost 1,000
  // times the indexing.
  class MemberWords;
  bool Matches(const core::Story& story, const core::Brief& brief,
               const std::vector<const core::Article*>& members, MemberWords* words) const;

 private:
  struct Query;
  WatchlistMatcher();
  std::unique_ptr<Query> q_;
};

struct CompiledWatchlist {
  store::WatchlistRecord record;
  WatchlistMatcher matcher;
};

// Compiles every stored watchlist; one whose query no longer compiles (a store edited by
// hand) is left out with a warning naming it.
core::Result<std::vector<CompiledWatchlist>> LoadWatchlists(store::Store* store,
                                                            std::vector<std::string>* warnings);

// One story as an update leaves it, and what it was before (empty for a new story).
struct StoryChange {
  const store::StoryRecord* now = nullptr;
  std::vector<const core::Article*> members;  // the story's articles
  bool is_new = false;
  std::vector<core::BriefLine> old_lines;
  std::vector<std::string> old_outlets;
  int old_independent_outlets = 0;
  // Every article the story gained is a copy of one it already had (a wire reprint): its
  // brief may shift weight between sentences, but a reader learns nothing new.
  bool only_copies = false;
};

// The events `watchlists` report about one changed story, stamped `now` (ISO 8601 UTC).
std::vector<store::AlertEvent> EvaluateWatchlists(const std::vector<CompiledWatchlist>& watchlists,
                                                  const StoryChange& change,
                                                  const std::string& now);

// An event as JSON, the body of a webhook POST and an item of the JSON Feed:
// {"id", "watchlist", "story_id", "kind", "at", "brief_version", "headline",
//  "independent_outlets", "new_outlets": [...], "lines": [{"section", "label", "text",
//  "conflict", "citations": [{"article_id", "start", "end"}]}]}.
std::string AlertEventJson(const store::AlertEvent& event);

// "sha256=" and the hex HMAC-SHA256 of `body` under `secret`: the X-Wirebrief-Signature header
// a webhook receiver recomputes to know the POST came from this store's watchlist.
std::string WebhookSignature(const std::string& secret, const std::string& body);

// A new watchlist secret: 32 random bytes, hex.
std::string NewWatchlistSecret();

struct DeliveryOptions {
  // Attempts before a delivery is logged as failed. Default: 6.
  int max_attempts = 6;
  // The wait before the second attempt, doubled after each failure. Default: 60 s (then 2, 4,
  // 8, 16 minutes).
  double first_retry_seconds = 60;
  // Per attempt. Default: 5000 ms: a slow receiver must not hold up a watch round.
  long timeout_ms = 5000;
  // Deliveries attempted per call, earliest due first. Default: 200.
  size_t max_per_call = 200;
};

struct DeliverySummary {
  size_t delivered = 0;  // answered 2xx
  size_t retrying = 0;   // failed, another attempt scheduled
  size_t failed = 0;     // failed for the last time (kept in the log as "failed")
  std::vector<core::Status> errors;  // one per failed attempt, naming the URL
};

// POSTs each due pending delivery (Store::LoadDeliveriesDue at `now`) with its event as JSON
// and the headers X-Wirebrief-Event (the event id) and X-Wirebrief-Signature; records each
// attempt (Store::PutDelivery). A receiver that fails does not hold up the others. Errors: the
// store's (delivery failures are counted and listed, not returned).
core::Result<DeliverySummary> DeliverWebhooks(store::Store* store, const DeliveryOptions& options,
                                              std::time_t now);

}  // namespace wirebrief::pipeline
