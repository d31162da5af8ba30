#include "ingest/fetch.h"

#include "ingest/detail/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <mutex>
#include <thread>

namespace wirebrief::ingest {
namespace {

struct Body {
  std::string data;
  size_t max = 0;
  bool too_big = false;
};

size_t OnData(char* ptr, size_t size, size_t n, void* user) {
  auto* b = static_cast<Body*>(user);
  size_t len = size * n;
  if (b->data.size() + len > b->max) {
    b->too_big = true;
    return 0;  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
  }
  b->data.append(ptr, len);
  return len;
}

std::string HostOf(const std::string& url) {
  CURLU* u = curl_url();
  std::string host;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* h = nullptr;
    if (curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h) host = h;
    char* p = nullptr;
    if (curl_url_get(u, CURLUPART_PORT, &p, 0) == CURLUE_OK && p) host += std::string(":") + p;
    curl_free(h);
    curl_free(p);
  }
  curl_url_cleanup(u);
  return host;
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

bool IsHttpUrl(std::string_view s) {
  auto starts = [&](std::string_view p) {
    if (s.size() <= p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (options_.user_agent.empty()) options_.user_agent = "wirebrief/0.1 (news reader; libcurl)";
}

Fetcher::~Fetcher() = default;

core::Result<FetchedPage> Fetcher::Fetch(const std::string& url) {
  if (!IsHttpUrl(url)) return core::Status::InvalidArgument(url, "not an http(s) URL");
  std::string host = HostOf(url);
  if (host.empty()) return core::Status::InvalidArgument(url, "not a valid URL");
  auto now = std::chrono::steady_clock::now();
  auto it = last_request_.find(host);
  if (it != last_request_.end()) {
    auto ready = it->second + std::chrono::milliseconds(options_.per_host_delay_ms);
    if (ready > now) std::this_thread::sleep_for(ready - now);
  }
  last_request_[host] = std::chrono::steady_clock::now();

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return core::Status::Internal(url, "libcurl could not start a transfer");
  Body body;
  body.max = options_.max_bytes;
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate/br as libcurl was built
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &OnData);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(c);

  FetchedPage page;
  page.requested_url = url;
  page.fetched_at = NowIso();
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &page.status);
  char* eff = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff) page.url = eff;
  char* ct = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) page.content_type = ct;
  if (rc != CURLE_OK) {
    std::string why;
    if (body.too_big || rc == CURLE_FILESIZE_EXCEEDED)
      return core::Status::LimitExceeded(
          url, "", "body exceeds " + std::to_string(options_.max_bytes) + " bytes");
    if (rc == CURLE_OPERATION_TIMEDOUT)
      why = "timed out after " + std::to_string(options_.timeout_ms) + " ms";
    else if (rc == CURLE_TOO_MANY_REDIRECTS)
      why = "more than " + std::to_string(options_.max_redirects) + " redirects";
    else
      why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    return core::Status::IOError(url, why);
  }
  long s = page.status;
  if (s >= 400 && s != 401 && s != 402 && s != 403 && s != 451)
    return s == 404 || s == 410 ? core::Status::NotFound(url, "HTTP " + std::to_string(s))
                                : core::Status::IOError(url, "HTTP " + std::to_string(s));
  page.body = std::move(body.data);
  return page;
}

}  // namespace wirebrief::ingest

namespace wirebrief::ingest {

core::Result<long> PostBody(const std::string& url, const std::string& body,
                            const std::vector<std::string>& headers, long timeout_ms) {
  if (!IsHttpUrl(url)) return core::Status::InvalidArgument(url, "not an http(s) URL");
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
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
