// wirebrief-fetch.so: the libcurl side of ingest's HTTP (detail/http_client.h, FetchModuleApi),
// loaded by the first request so that commands reading only files never load libcurl and its
// TLS, Kerberos and LDAP chain. The only symbol it exports is wirebrief_fetch_module().
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/detail/http_client.h"
#include "ingest/fetch.h"
#include "ingest/url.h"

namespace wirebrief::ingest::detail {
namespace {

void GlobalInit() {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Context {
  const TransferOptions* options = nullptr;
  std::string* body = nullptr;
  bool too_big = false;
  std::string refused;  // the address refused by the policy, printable
};

size_t OnData(char* ptr, size_t size, size_t n, void* user) {
  auto* ctx = static_cast<Context*>(user);
  size_t len = size * n;
  size_t room = ctx->options->max_bytes - std::min(ctx->options->max_bytes, ctx->body->size());
  if (len > room) {
    ctx->body->append(ptr, ctx->options->truncate ? room : 0);
    ctx->too_big = true;
    return 0;  // makes libcurl end the transfer with CURLE_WRITE_ERROR
  }
  ctx->body->append(ptr, len);
  return len;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* ctx = static_cast<Context*>(user);
  return ctx->options->stop && ctx->options->stop->load() ? 1 : 0;
}

std::string Printable(const sockaddr* a) {
  char buf[INET6_ADDRSTRLEN] = {0};
  if (a->sa_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a)->sin_addr, buf, sizeof buf);
  else if (a->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr, buf, sizeof buf);
  return buf[0] ? buf : "a non-IP address";
}

// The policy check sits here, on the address being connected to, so neither a redirect nor a
// DNS answer (rebinding included) can lead a server-side fetch into the local network.
curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* ctx = static_cast<Context*>(user);
  if (purpose != CURLSOCKTYPE_IPCXN || !address) return CURL_SOCKET_BAD;
  if (!ctx->options->allow_private_addresses && !IsPublicAddress(&address->addr)) {
    ctx->refused = Printable(&address->addr);
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

std::string Header(CURL* c, const char* name) {
  curl_header* h = nullptr;
  if (curl_easy_header(c, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h || !h->value) return "";
  return h->value;
}

struct FetchBody {
  std::string data;
  size_t max = 0;
  bool too_big = false;
};

size_t OnFetchData(char* ptr, size_t size, size_t n, void* user) {
  auto* b = static_cast<FetchBody*>(user);
  size_t len = size * n;
  if (b->data.size() + len > b->max) {
    b->too_big = true;
    return 0;  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
  }
  b->data.append(ptr, len);
  return len;
}

// One GET at a time over a reusable easy handle (keep-alive to the host it last talked to).
class CurlTransport final : public HttpTransport {
 public:
  CurlTransport() : curl_(curl_easy_init()) {}
  ~CurlTransport() override {
    if (curl_) curl_easy_cleanup(curl_);
  }
  Transfer Perform(const std::string& url, const std::vector<std::string>& headers,
                   const std::string* post_body, const TransferOptions& options) override;

 private:
  CURL* curl_;
};

Transfer CurlTransport::Perform(const std::string& url, const std::vector<std::string>& headers,
                                const std::string* post_body, const TransferOptions& options) {
  Transfer t;
  t.url = url;
  auto fail = [&](Transfer::Failure f, std::string why) {
    t.failure = f;
    t.error = f == Transfer::Failure::kTooBig ? core::Status::LimitExceeded(url, "", std::move(why))
                                              : core::Status::IOError(url, std::move(why));
    t.ended = std::chrono::steady_clock::now();
    t.fetched_at = NowIso8601();
    return std::move(t);
  };
  if (!curl_) return fail(Transfer::Failure::kNetwork, "libcurl could not start a transfer");
  CURL* c = curl_;
  // Reset clears the previous request's options but keeps the connection cache and cookies
  // off (none are set), so keep-alive to the same host survives between requests.
  curl_easy_reset(c);
  Context ctx;
  ctx.options = &options;
  ctx.body = &t.body;
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_slist* list = nullptr;
  for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // what this libcurl can decode
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  if (post_body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, post_body->data());
  }
  if (!options.truncate)
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &OnData);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &ctx);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &OnProgress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &ctx);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, &OnOpenSocket);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &ctx);
  if (!options.allow_private_addresses) curl_easy_setopt(c, CURLOPT_PROXY, "");
  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(list);
  t.ended = std::chrono::steady_clock::now();
  t.fetched_at = NowIso8601();
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &t.status);
  if (rc != CURLE_OK && !(ctx.too_big && options.truncate)) {
    t.status = 0;
    if (!ctx.refused.empty())
      return fail(Transfer::Failure::kRefusedAddress,
                  "refused: " + ctx.refused + " is not a public address");
    if (ctx.too_big || rc == CURLE_FILESIZE_EXCEEDED)
      return fail(Transfer::Failure::kTooBig,
                  "body exceeds " + std::to_string(options.max_bytes) + " bytes");
    if (rc == CURLE_OPERATION_TIMEDOUT)
      return fail(Transfer::Failure::kTimeout,
                  "timed out after " + std::to_string(options.timeout_ms) + " ms");
    if (rc == CURLE_ABORTED_BY_CALLBACK) return fail(Transfer::Failure::kAborted, "stopped");
    return fail(Transfer::Failure::kNetwork, errbuf[0] ? errbuf : curl_easy_strerror(rc));
  }
  char* ct = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) t.content_type = ct;
  char* loc = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc) t.location = loc;
  t.etag = Header(c, "ETag");
  t.last_modified = Header(c, "Last-Modified");
  t.cache_control = Header(c, "Cache-Control");
  t.expires = Header(c, "Expires");
  t.retry_after = Header(c, "Retry-After");
  return t;
}

// Fetcher::Fetch's request, libcurl following the redirects itself; *out is set on success
// (whatever the HTTP status: Fetcher judges it).
core::Status FetchWithCurl(const std::string& url, const FetchOptions& options, FetchedPage* out) {
  GlobalInit();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return core::Status::Internal(url, "libcurl could not start a transfer");
  FetchBody body;
  body.max = options.max_bytes;
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate/br as libcurl was built
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &OnFetchData);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(c);

  FetchedPage page;
  page.requested_url = url;
  page.fetched_at = NowIso8601();
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &page.status);
  char* eff = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff) page.url = eff;
  char* ct = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) page.content_type = ct;
  if (rc != CURLE_OK) {
    std::string why;
    if (body.too_big || rc == CURLE_FILESIZE_EXCEEDED)
      return core::Status::LimitExceeded(
          url, "", "body exceeds " + std::to_string(options.max_bytes) + " bytes");
    if (rc == CURLE_OPERATION_TIMEDOUT)
      why = "timed out after " + std::to_string(options.timeout_ms) + " ms";
    else if (rc == CURLE_TOO_MANY_REDIRECTS)
      why = "more than " + std::to_string(options.max_redirects) + " redirects";
    else
      why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    return core::Status::IOError(url, why);
  }
  *out = std::move(page);
  out->body = std::move(body.data);
  return core::Status::Ok();
}

HttpTransport* NewTransport() {
  GlobalInit();
  return new CurlTransport();  // owned by HttpClient
}

long long ParseHttpDate(const std::string& value) {
  return static_cast<long long>(curl_getdate(value.c_str(), nullptr));
}

}  // namespace
}  // namespace wirebrief::ingest::detail

extern "C" const wirebrief::ingest::detail::FetchModuleApi* wirebrief_fetch_module() {
  using namespace wirebrief::ingest::detail;
  static const FetchModuleApi api = {kFetchModuleAbi, &NewTransport, &FetchWithCurl,
                                     &ParseHttpDate};
  return &api;
}
