#include "core/text.h"
#include "ingest/fetch.h"

#include "ingest/detail/http_client.h"

#include <algorithm>
#include <cctype>
#include <thread>

#include "ingest/url.h"

namespace wirebrief::ingest {

core::Status LoadFetchModule() { return detail::LoadFetchModuleApi().status(); }

bool IsHttpUrl(std::string_view s) {
  auto starts = [&](std::string_view p) {
    if (s.size() <= p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (core::AsciiLower(s[i]) != p[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  if (options_.user_agent.empty()) options_.user_agent = "wirebrief/0.1 (news reader; libcurl)";
}

Fetcher::~Fetcher() = default;

core::Result<FetchedPage> Fetcher::Fetch(const std::string& url) {
  if (!IsHttpUrl(url)) return core::Status::InvalidArgument(url, "not an http(s) URL");
  std::string host = UrlHost(url);
  if (host.empty()) return core::Status::InvalidArgument(url, "not a valid URL");
  auto now = std::chrono::steady_clock::now();
  auto it = last_request_.find(host);
  if (it != last_request_.end()) {
    auto ready = it->second + std::chrono::milliseconds(options_.per_host_delay_ms);
    if (ready > now) std::this_thread::sleep_for(ready - now);
  }
  last_request_[host] = std::chrono::steady_clock::now();

  core::Result<const detail::FetchModuleApi*> api = detail::LoadFetchModuleApi();
  if (!api.ok()) return core::Status::IOError(url, api.status().ToString());
  FetchedPage page;
  WB_RETURN_IF_ERROR(api.value()->fetch(url, options_, &page));
  long s = page.status;
  if (s >= 400 && s != 401 && s != 402 && s != 403 && s != 451)
    return s == 404 || s == 410 ? core::Status::NotFound(url, "HTTP " + std::to_string(s))
                                : core::Status::IOError(url, "HTTP " + std::to_string(s));
  return page;
}

}  // namespace wirebrief::ingest

namespace wirebrief::ingest {

core::Result<long> PostBody(const std::string& url, const std::string& body,
                            const std::vector<std::string>& headers, long timeout_ms) {
  if (!IsHttpUrl(url)) return core::Status::InvalidArgument(url, "not an http(s) URL");
  detail::HttpClient client;
  detail::TransferOptions o;
  o.connect_timeout_ms = std::min(timeout_ms, 10000L);
  o.timeout_ms = timeout_ms;
  o.max_bytes = 64 << 10;
  o.truncate = true;  // the answer is read for its status only
  o.user_agent = "wirebrief/0.1 (webhook; libcurl)";
  detail::Transfer t = client.Post(url, headers, body, o);
  if (t.failure != detail::Transfer::Failure::kNone) return t.error;
  return t.status;
}

}  // namespace wirebrief::ingest
