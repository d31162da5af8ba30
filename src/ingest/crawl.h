// ingest/crawl.h: polite, parallel fetching for watching news sources (issue 19).
//
// PoliteFetcher fetches batches of URLs the way a well-behaved crawler does:
//   - robots.txt (RFC 9309) is fetched before the first request to an origin and cached for
//     robots_ttl_seconds; a disallowed URL is never requested. robots.txt answering 4xx means
//     all allowed; 5xx, 429 or no answer means nothing is fetched from that origin until it
//     answers (those requests come back kRetryLater; it is asked again after
//     robots_error_ttl_seconds);
//   - one request in flight per host, successive requests to a host spaced by
//     FetchOptions::per_host_delay_ms or the host's Crawl-delay, whichever is longer (measured
//     from the end of one response to the start of the next request); up to
//     max_parallel_hosts hosts at once;
//   - conditional GET: CrawlRequest::etag / last_modified are sent as If-None-Match /
//     If-Modified-Since; 304 gives kNotModified;
//   - 429 and 503 give kRetryLater: the host is left alone for its Retry-After (seconds or an
//     HTTP date, capped at max_retry_after_seconds) or, without one, for min_backoff_seconds
//     doubled for each consecutive refusal (same cap); its other requests in this call and
//     later calls within that time come back kRetryLater without a request;
//   - redirects are followed by hand, at most FetchOptions::max_redirects hops: each hop is
//     normalised, checked against the scheme rule, the target origin's robots.txt and the
//     address policy, queued on its own host (so politeness holds per hop) and recorded;
//   - only http and https; bodies past FetchOptions::max_bytes (after content decoding),
//     requests past FetchOptions::timeout_ms and calls past max_requests are cut off;
//   - when allow_private_addresses is false, every connection (first request, redirect hop,
//     robots.txt, whatever DNS answers) is checked when its socket is opened: loopback,
//     private, link-local and other non-public addresses (IsPublicAddress) are refused, and
//     proxies from the environment are not used (they would reach such addresses for us).
// User-Agent: FetchOptions::user_agent when set, else
// "wirebrief/<version> (+<contact_url>)" or "wirebrief/<version> (news reader)". robots.txt
// groups are chosen by robots_product_token.
//
// URLs: a request's URL is normalised (NormalizeUrl) before anything else; requests whose
// normalised URLs are equal are fetched once and each gets the result. A non-http(s) or
// unparseable URL gives kFailed without a request. When a server redirects to the spelling
// normalisation removed (".../news" -> ".../news/"), that spelling is fetched as given.
//
// Thread safety: FetchAll runs on the calling thread plus worker threads it starts and joins;
// one FetchAll at a time per PoliteFetcher (calls from several threads are serialised). The
// robots.txt cache and per-host state (next allowed time, backoff) carry across calls; entries
// that no longer constrain anything (expired robots.txt, idle hosts) are dropped at the start of
// each call. Memory during a call: the requests, one queue entry and one libcurl handle per host,
// and the responses under way (at most max_parallel_hosts bodies of FetchOptions::max_bytes).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/fetch.h"

namespace wirebrief::ingest {

struct CrawlOptions {
  // Timeouts, redirect limit, size cap, per-host delay and User-Agent; see fetch.h for their
  // defaults (10 s connect, 30 s total, 5 redirects, 20 MiB, 1000 ms between requests).
  FetchOptions fetch;
  // Where a site owner can learn about the crawler, put in the default User-Agent.
  // Default: "" (none).
  std::string contact_url;
  // The robots.txt product token. Default: "wirebrief".
  std::string robots_product_token = "wirebrief";
  // Hosts fetched at once (one request in flight on each). Default: 8.
  size_t max_parallel_hosts = 8;
  // Obey robots.txt. Default: true.
  bool obey_robots = true;
  // How long a fetched robots.txt is trusted. Default: 86400 s (the RFC's upper bound).
  double robots_ttl_seconds = 86400;
  // How long an unreachable robots.txt (5xx, 429, network error) keeps its origin closed before
  // it is asked again. Default: 600 s.
  double robots_error_ttl_seconds = 600;
  // A host whose next request may not start within this many seconds (a Crawl-delay above
  // it) is deferred: its remaining requests in this call come back kRetryLater with
  // retry_after_seconds telling when the host is ready. Default: 60 s.
  double max_crawl_delay_seconds = 60;
  // Longest wait honoured from a Retry-After or backoff; longer asks are cut to it.
  // Default: 3600 s.
  double max_retry_after_seconds = 3600;
  // Backoff after a 429/503 without Retry-After, doubled per consecutive refusal.
  // Default: 60 s.
  double min_backoff_seconds = 60;
  // Allow connections to loopback, private and link-local addresses. The HTTP server's ingest
  // endpoint turns this off; command-line sources are the user's choice. Default: true.
  bool allow_private_addresses = true;
  // Most HTTP requests (pages, redirect hops, robots.txt) per FetchAll call; requests not
  // started once it is reached come back kSkipped. 0 = no cap. Default: 0.
  size_t max_requests = 0;
};

struct CrawlRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  uint64_t tag = 0;           // the caller's, returned untouched
};

enum class CrawlOutcome {
  kFetched,      // a 2xx response, or 401/402/403/451 with its body (paywall evidence)
  kNotModified,  // 304 to the validators sent
  kDisallowed,   // robots.txt or the address policy forbids it; no retry will help
  kRetryLater,   // 429/503, robots.txt unreachable, or the host deferred: ask again later
  kFailed,       // network error, timeout, size cap, too many redirects, other HTTP status
  kSkipped,      // not started: the stop flag was raised or max_requests was reached
};

std::string_view CrawlOutcomeName(CrawlOutcome outcome);  // "fetched", "not_modified", ...

struct CrawlResult {
  CrawlRequest request;  // as given (URL not normalised)
  CrawlOutcome outcome = CrawlOutcome::kFailed;
  // kFetched: the response (requested_url = the normalised request URL, url = the final
  // URL); kNotModified: status 304 and url, no body; otherwise only the URL reached.
  FetchedPage page;
  // Validators and caching headers of the last response, as sent; for kNotModified the
  // request's validators when the 304 repeats none.
  std::string etag, last_modified, cache_control, expires;
  // The URLs redirected to, in order (each as fetched); empty without redirects.
  std::vector<std::string> redirects;
  // kRetryLater: seconds until the host may be asked again (0 when unknown).
  double retry_after_seconds = 0;
  // Why, for every outcome but kFetched and kNotModified; names the URL
  // ("https://x.test/a: HTTP 404", "https://x.test/b: disallowed by robots.txt").
  core::Status error;
};

class PoliteFetcher {
 public:
  explicit PoliteFetcher(CrawlOptions options = {});
  ~PoliteFetcher();
  PoliteFetcher(const PoliteFetcher&) = delete;
  PoliteFetcher& operator=(const PoliteFetcher&) = delete;

  // Fetches each request at most once and calls `done` once per request, in completion order,
  // never concurrently with itself (it may run on a worker thread; an exception from it ends
  // the program). Polls `stop` (may be null) between requests and while waiting on a host:
  // requests not started then come back kSkipped, and transfers under way are aborted
  // (kSkipped too). Blocks until every request has a result.
  void FetchAll(std::vector<CrawlRequest> requests, const std::function<void(CrawlResult)>& done,
                const std::atomic<bool>* stop = nullptr);

  const CrawlOptions& options() const;
  // The User-Agent sent.
  const std::string& user_agent() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace wirebrief::ingest
