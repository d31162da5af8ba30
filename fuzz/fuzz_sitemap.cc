// Sitemaps (urlset, sitemapindex, Google News), feed dates and feed discovery in HTML.
#include "ingest/detail/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<ingest::Reference> refs;
  ingest::detail::ReadSitemap(
      "fuzz.xml", bytes, "https://site.test/sitemaps/index.xml",
      [](core::Result<core::RawDocument>) {}, &refs);
  ingest::detail::NormalizeFeedDate(bytes.substr(0, 64));
  ingest::DiscoverFeeds(bytes, "https://site.test/a/page.html");
  return 0;
}
