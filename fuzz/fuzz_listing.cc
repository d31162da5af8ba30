// What a watched source returned (ingest/listing.h): detection, feeds, sitemaps (gzip too),
// feed discovery, refresh hints, URL normalisation of every item; and the page as a document.
#include "ingest/listing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  ingest::FetchedPage page;
  page.requested_url = "https://site.test/feeds/main.xml";
  page.url = page.requested_url;
  page.status = 200;
  page.content_type = size % 2 ? "text/html; charset=windows-1252" : "";
  page.body.assign(reinterpret_cast<const char*>(data), size);
  ingest::IngestOptions options;
  options.max_xml_bytes = 4 << 20;
  options.limits.max_document_bytes = 4 << 20;
  auto listing = ingest::ReadListing(page, options);
  if (listing.ok())
    for (const auto& item : listing->items)
      if (item.url.empty()) __builtin_trap();  // items always carry a normalised URL
  (void)ingest::DocumentFromPage(page, options);
  return 0;
}
