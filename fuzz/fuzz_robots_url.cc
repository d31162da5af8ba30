// robots.txt parsing and matching, URL normalisation and resolution (ingest/robots.h, url.h).
// Input: robots.txt text; its last line doubles as a URL, the line before as a base URL.
// Aborts when normalisation is not idempotent or gives a URL it cannot parse again.
#include <cstdlib>
#include <string>

#include "ingest/robots.h"
#include "ingest/url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief::ingest;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  RobotsRules rules = RobotsRules::Parse(bytes, "wirebrief");
  size_t last_nl = bytes.rfind('\n');
  std::string_view last = last_nl == std::string_view::npos ? bytes : bytes.substr(last_nl + 1);
  std::string_view before =
      last_nl == std::string_view::npos ? std::string_view() : bytes.substr(0, last_nl);
  size_t prev_nl = before.rfind('\n');
  std::string_view base = prev_nl == std::string_view::npos ? before : before.substr(prev_nl + 1);

  rules.Allows(last);
  rules.Allows("/");
  for (const std::string& s : rules.sitemaps()) NormalizeUrl(s);

  for (std::string_view candidate : {last, base, bytes.substr(0, 256)}) {
    std::string once = NormalizeUrl(candidate);
    if (once.empty()) continue;
    if (NormalizeUrl(once) != once) std::abort();  // not idempotent
    if (UrlHost(once).empty()) std::abort();       // a normalised URL always has a host
    rules.Allows(UrlPathAndQuery(once));
  }
  std::string resolved = ResolveUrl(base, last);
  if (!resolved.empty()) {
    std::string n = NormalizeUrl(resolved);
    if (!n.empty() && NormalizeUrl(n) != n) std::abort();
  }
  return 0;
}
