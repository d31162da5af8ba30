// ingest/fetch.h: fetching pages, feeds and sitemaps over HTTP(S) with libcurl.
//
// Polite by default: a clear user agent, a delay between requests to the same host, bounded
// redirects, time and size. HTTP 401/402/403/451 are not errors: the page comes back with its
// status (evidence for a paywall or legal block); other statuses >= 400 are errors.
// Errors name the URL: "https://x.test/a: HTTP 404", "https://x.test/b: timed out after 30000 ms".
// Thread safety: a Fetcher is used by one thread at a time (it sleeps in Fetch() to keep the
// per-host delay).
// Loading: libcurl (with its TLS, Kerberos and LDAP chain) is in the module wirebrief-fetch.so,
// loaded by the first request (core/module.h), so a process that never fetches never loads it.
// Without the module every request fails with LoadFetchModule()'s error.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace wirebrief::ingest {

struct FetchOptions {
  // Default: "wirebrief/<version> (news reader; libcurl)".
  std::string user_agent;
  // Default: 10000 ms to connect, 30000 ms for the whole transfer.
  long connect_timeout_ms = 10000;
  long timeout_ms = 30000;
  // Default: 5 redirects.
  long max_redirects = 5;
  // Largest body accepted. Default: 20 MiB.
  size_t max_bytes = 20u << 20;
  // Least time between the starts of two requests to the same host. Default: 1000 ms.
  long per_host_delay_ms = 1000;
};

struct FetchedPage {
  std::string requested_url;
  std::string url;           // after redirects
  long status = 0;           // HTTP status
  std::string content_type;  // the Content-Type header, as sent
  std::string body;
  std::string fetched_at;  // ISO 8601 UTC time the response arrived
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  core::Result<FetchedPage> Fetch(const std::string& url);

 private:
  FetchOptions options_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;  // by host
};

// Loads the HTTP client module now (else the first request does). Errors: kUnsupported naming
// the module's path and the loader's reason (dlerror()).
core::Status LoadFetchModule();

// True for "http://..." and "https://..." (case-insensitive scheme).
bool IsHttpUrl(std::string_view s);

// POSTs `body` to an http(s) URL (a watchlist's webhook) with `headers` (full header lines),
// following no redirect and keeping at most 64 KiB of the answer. Returns the HTTP status,
// whatever it is; an error only when no answer arrived (refused connection, timeout after
// `timeout_ms`, not an http(s) URL), naming the URL. Thread safety: reentrant.
core::Result<long> PostBody(const std::string& url, const std::string& body,
                            const std::vector<std::string>& headers, long timeout_ms);

}  // namespace wirebrief::ingest
