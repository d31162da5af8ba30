#include "ingest/detail/http_client.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cctype>
#include <ctime>
#include <mutex>

#include "ingest/url.h"

namespace wirebrief::ingest::detail {
namespace {

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

}  // namespace

std::string NowIso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

double RetryAfterSeconds(const std::string& value) {
  size_t b = value.find_first_not_of(" \t");
  if (b == std::string::npos) return -1;
  std::string v = value.substr(b, value.find_last_not_of(" \t") - b + 1);
  bool digits = !v.empty() && v.size() < 10;
  for (char c : v) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  if (digits) return std::stod(v);
  time_t when = curl_getdate(v.c_str(), nullptr);
  if (when < 0) return -1;
  double s = std::difftime(when, std::time(nullptr));
  return s < 0 ? 0 : s;
}

HttpClient::HttpClient() {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) curl_easy_cleanup(curl_);
}

Transfer HttpClient::Get(const std::string& url, const std::vector<std::string>& headers,
                         const TransferOptions& options) {
  return Perform(url, headers, nullptr, options);
}

Transfer HttpClient::Post(const std::string& url, const std::vector<std::string>& headers,
                          const std::string& body, const TransferOptions& options) {
  return Perform(url, headers, &body, options);
}

Transfer HttpClient::Perform(const std::string& url, const std::vector<std::string>& headers,
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

}  // namespace wirebrief::ingest::detail
