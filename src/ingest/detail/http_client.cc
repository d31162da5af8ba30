#include "ingest/detail/http_client.h"

#include <cctype>
#include <ctime>

#include "core/module.h"

namespace wirebrief::ingest::detail {

core::Result<const FetchModuleApi*> LoadFetchModuleApi() {
  core::Result<void*> entry = core::LoadModuleEntry(kFetchModule, kFetchModuleEntry);
  if (!entry.ok())
    return core::Status::Unsupported("fetch",
                                     "HTTP client unavailable: " + entry.status().ToString());
  auto get = reinterpret_cast<const FetchModuleApi* (*)()>(entry.value());
  const FetchModuleApi* api = get();
  if (!api || api->abi != kFetchModuleAbi)
    return core::Status::Unsupported(kFetchModule,
                                     "built for another wirebrief (interface version " +
                                         std::to_string(api ? api->abi : 0) + ", want " +
                                         std::to_string(kFetchModuleAbi) + ")");
  return api;
}

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
  // An HTTP date: libcurl's lenient reader, from the module (loaded by the transfer that
  // carried this header anyway).
  core::Result<const FetchModuleApi*> api = LoadFetchModuleApi();
  if (!api.ok()) return -1;
  long long when = api.value()->parse_http_date(v);
  if (when < 0) return -1;
  double s = std::difftime(static_cast<time_t>(when), std::time(nullptr));
  return s < 0 ? 0 : s;
}

HttpClient::HttpClient() {
  core::Result<const FetchModuleApi*> api = LoadFetchModuleApi();
  if (!api.ok()) {
    unavailable_ = api.status();
    return;
  }
  transport_.reset(api.value()->new_transport());
  if (!transport_)
    unavailable_ = core::Status::Internal("fetch", "libcurl could not start a transfer");
}

HttpClient::~HttpClient() = default;

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
  if (transport_) return transport_->Perform(url, headers, post_body, options);
  Transfer t;
  t.url = url;
  t.failure = Transfer::Failure::kNetwork;
  t.error = core::Status::IOError(url, unavailable_.ToString());
  t.ended = std::chrono::steady_clock::now();
  t.fetched_at = NowIso8601();
  return t;
}

}  // namespace wirebrief::ingest::detail
