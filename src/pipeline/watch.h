// pipeline/watch.h: following news sources round after round (`wirebrief watch`, issue 19).
//
// A round polls the sources that are due (feeds, sitemaps and sitemap indexes, news sitemaps,
// and home pages whose linked feeds become sources of their own), finds the items whose pages
// are not stored yet, fetches those pages politely (ingest::PoliteFetcher: robots.txt, one
// request in flight per host, conditional GET, Retry-After), and runs them through extract ->
// read -> store -> stories (RunDocuments, incremental). What cannot be fetched is still news:
// an item whose page is disallowed, failing, paywalled or beyond the round's page cap is stored
// as a headline article from what the listing said, and upgraded in place (same article id)
// when its page arrives in a later round.
//
// State lives in the store (store::SourceRecord, store::PageState): validators, poll times and
// health per source; per page URL whether it is stored, and when a failed one may be tried
// again. A page URL is normalised (ingest::NormalizeUrl) before anything else, so an article
// listed by several sources, or with tracking parameters, is fetched once.
//
// Polling adapts: a source's next poll follows its observed publishing rate (the median gap
// between its newest items), never sooner than the publisher asks (RSS ttl, sy:updatePeriod,
// Cache-Control max-age), between min and max interval; a source that had nothing new waits
// longer each time (x1.5), one that fails backs off (x2 per consecutive failure).
//
// Errors: a failing source or page is reported in RoundSummary::errors, naming its URL, and the
// round goes on; the returned Status is non-OK only when the store fails.
// Thread safety: one round at a time per store; the PoliteFetcher is the caller's (a `watch`
// process keeps one for its lifetime, so robots.txt and per-host politeness carry across
// rounds).
#pragma once

#include <atomic>
#include <ctime>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "ingest/crawl.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace wirebrief::pipeline {

struct WatchOptions {
  RunOptions run;  // run.crawl: the politeness and limits of every request
  // Bounds of the adaptive poll interval. Default: 300 s and 86400 s.
  double min_interval_seconds = 300;
  double max_interval_seconds = 86400;
  // The interval of a source that has not told its rate yet. Default: 900 s.
  double default_interval_seconds = 900;
  // Article pages fetched per round at most, newest items first; the rest are stored as
  // headlines and fetched in later rounds. Default: 2000.
  size_t max_pages_per_round = 2000;
  // A page that failed is tried again after this, doubled per consecutive failure, and given
  // up (kept as a headline) after max_page_failures. Default: 1800 s, 5 failures.
  double page_retry_seconds = 1800;
  int max_page_failures = 5;
  // A paywalled (401/402/403/451) or robots-disallowed page is asked again after this.
  // Default: 7 days.
  double blocked_retry_seconds = 7 * 86400.0;
  // Sitemap-index children fetched per index and round, most recently modified first.
  // Default: 8.
  size_t max_sitemap_children = 8;
  // Poll every source now, whatever its next_poll says (`watch --once --force`). Default: false.
  bool poll_all = false;
  // A round claims each due source it polls until now + this (Store::ClaimSource), so another
  // watch process on the same store leaves it alone; if this process dies mid-round, the
  // source is due again when the lease ends. Default: 1800 s.
  double source_lease_seconds = 1800;
};

struct RoundSummary {
  size_t sources_polled = 0;     // asked this round
  size_t sources_unchanged = 0;  // answered 304, or listed nothing new
  size_t sources_failed = 0;     // failed, refused (robots) or asked to wait (429/503)
  size_t sources_not_due = 0;    // left for a later round (their next poll is later)
  // Due when listed, but another watch process on the store claimed them first (a source
  // another process holds already reads as not due: its next_poll is that process's lease end).
  size_t sources_busy = 0;
  size_t sources_added = 0;      // feeds a home page linked, now sources of their own
  size_t pages_fetched = 0;      // article pages that answered with a body
  size_t pages_failed = 0;       // failed or asked to wait: tried again later
  size_t pages_blocked = 0;      // disallowed by robots.txt or paywalled
  size_t pages_deferred = 0;     // past the round's page cap: stored as headlines for now
  size_t articles_new = 0;       // pages and headlines stored for the first time
  size_t headlines_new = 0;      // of which headline articles
  size_t articles_upgraded = 0;  // headline articles whose page arrived
  size_t stories_new = 0, stories_updated = 0;
  size_t alerts = 0;               // watchlist events reported (pipeline/alerts.h)
  size_t webhooks_delivered = 0, webhooks_failed = 0;
  std::vector<core::Status> errors;  // one per failed source or page, naming its URL
  std::vector<std::string> warnings;
  double seconds = 0;
  std::string next_poll;  // the earliest next poll of any source, ISO 8601 UTC; "" if none
};

// Adds sources (URLs as the user gives them; normalised) that are not yet stored, due at once.
// kInvalidArgument names a URL that is not http(s).
core::Status AddSources(store::Store* store, const std::vector<std::string>& urls,
                        size_t* added);

// One round at time `now` (Unix seconds; the caller's clock, so tests can move it). `stop`
// (may be null) is polled between requests and documents: what was fetched and stored stays,
// the rest waits for the next round.
core::Result<RoundSummary> WatchRound(store::Store* store, ingest::PoliteFetcher* fetcher,
                                      const WatchOptions& options, std::time_t now,
                                      core::ProgressSink* progress,
                                      const std::atomic<bool>* stop = nullptr);

// "2026-12-07T04:43:31Z" for a Unix time, and back (0 for an empty or unreadable string).
std::string IsoUtc(std::time_t t);
std::time_t ParseIsoUtc(const std::string& iso);

}  // namespace wirebrief::pipeline
