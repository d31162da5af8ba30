// One HTTP GET at a time over a reusable libcurl easy handle (keep-alive to the host it last
// talked to), without following redirects: PoliteFetcher follows them itself so each hop is
// checked. The address policy is enforced in libcurl's open-socket callback, i.e. on the
// address actually connected to, whatever DNS said and wherever a redirect pointed.
//
// libcurl is reached through the module wirebrief-fetch.so (curl_transport.cc; core/module.h),
// loaded by the first HttpClient, Fetcher request or PostBody: FetchModuleApi is its interface.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace wirebrief::ingest {
struct FetchOptions;
struct FetchedPage;
}  // namespace wirebrief::ingest

namespace wirebrief::ingest::detail {

struct TransferOptions {
  long connect_timeout_ms = 10000;
  long timeout_ms = 30000;
  size_t max_bytes = 20u << 20;
  // Past max_bytes: keep the first max_bytes and stop (robots.txt) instead of failing.
  bool truncate = false;
  std::string user_agent;
  bool allow_private_addresses = true;
  const std::atomic<bool>* stop = nullptr;  // aborts the transfer when raised
};

struct Transfer {
  enum class Failure { kNone, kRefusedAddress, kTooBig, kTimeout, kAborted, kNetwork };
  std::string url;
  long status = 0;  // 0 when no response arrived
  std::string content_type, etag, last_modified, cache_control, expires, retry_after;
  std::string location;  // a 3xx's Location, resolved against `url`
  std::string body;
  std::string fetched_at;  // ISO 8601 UTC, when the response ended
  Failure failure = Failure::kNone;
  core::Status error;  // set with `failure`; names the URL
  std::chrono::steady_clock::time_point ended;
};

// One libcurl easy handle and the exchange over it (the module's CurlTransport).
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // A GET, or a POST of *post_body when set.
  virtual Transfer Perform(const std::string& url, const std::vector<std::string>& headers,
                           const std::string* post_body, const TransferOptions& options) = 0;
};

// What wirebrief-fetch.so gives, through its one export `kFetchModuleEntry`.
inline constexpr int kFetchModuleAbi = 1;  // raised when this struct changes
struct FetchModuleApi {
  int abi = 0;
  HttpTransport* (*new_transport)() = nullptr;  // owned by the caller
  // Fetcher::Fetch's request, libcurl following redirects; *out set on success, whatever the
  // HTTP status.
  core::Status (*fetch)(const std::string& url, const FetchOptions& options,
                        FetchedPage* out) = nullptr;
  // An HTTP date as seconds since the epoch (curl_getdate); negative when unreadable.
  long long (*parse_http_date)(const std::string& value) = nullptr;
};
inline constexpr char kFetchModule[] = "wirebrief-fetch.so";
inline constexpr char kFetchModuleEntry[] = "wirebrief_fetch_module";

// The module's interface, loaded once; kUnsupported naming the module when it does not load.
core::Result<const FetchModuleApi*> LoadFetchModuleApi();

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // `headers`: full header lines ("If-None-Match: \"x\"").
  Transfer Get(const std::string& url, const std::vector<std::string>& headers,
               const TransferOptions& options);
  // The same exchange as a POST of `body` (webhook deliveries).
  Transfer Post(const std::string& url, const std::vector<std::string>& headers,
                const std::string& body, const TransferOptions& options);

 private:
  Transfer Perform(const std::string& url, const std::vector<std::string>& headers,
                   const std::string* post_body, const TransferOptions& options);
  std::unique_ptr<HttpTransport> transport_;
  core::Status unavailable_;  // why there is no transport (the module did not load)
};

// Seconds a Retry-After value asks for (delta-seconds or an HTTP date); negative when absent
// or unreadable.
double RetryAfterSeconds(const std::string& value);

// Now as ISO 8601 UTC ("2026-11-23T16:00:00Z").
std::string NowIso8601();

}  // namespace wirebrief::ingest::detail
