#include "ingest/listing.h"

#include <set>

#include "ingest/detail/byte_input.h"
#include "ingest/detail/readers.h"
#include "ingest/url.h"

namespace wirebrief::ingest {
namespace {

constexpr size_t kHeadBytes = 64 << 10;

// The body without its transfer compression (a .xml.gz sitemap served as application/gzip).
core::Status Decompress(const std::string& source, const std::string& body, size_t max,
                        const char* what, std::string* out, std::string_view* view) {
  detail::Compression comp =
      detail::DetectCompression(std::string_view(body).substr(0, kHeadBytes));
  if (comp == detail::Compression::kNone) {
    *view = body;
    return core::Status::Ok();
  }
  auto decoder = detail::MakeDecoder(detail::ByteInput::FromMemory(body), comp);
  WB_RETURN_IF_ERROR(detail::DecodeWhole(source, *decoder, max, what, out));
  *view = *out;
  return core::Status::Ok();
}

InputKind KindOf(std::string_view bytes, bool* compressed_twice) {
  std::string_view head = bytes.substr(0, kHeadBytes);
  *compressed_twice = detail::DetectCompression(head) != detail::Compression::kNone;
  return DetectInputKind(head);
}

core::Status TooBig(const std::string& source, const char* what, size_t max) {
  return core::Status::LimitExceeded(
      source, "", std::string(what) + " exceeds the limit of " + std::to_string(max) + " bytes");
}

}  // namespace

std::string_view ListingKindName(Listing::Kind kind) {
  switch (kind) {
    case Listing::Kind::kFeed:
      return "feed";
    case Listing::Kind::kSitemap:
      return "sitemap";
    case Listing::Kind::kSitemapIndex:
      return "sitemap_index";
    case Listing::Kind::kHtmlPage:
      return "html_page";
    case Listing::Kind::kOther:
      break;
  }
  return "other";
}

core::Result<Listing> ReadListing(const FetchedPage& page, const IngestOptions& options) {
  const std::string& source = page.url.empty() ? page.requested_url : page.url;
  size_t max = std::max(options.max_xml_bytes, options.limits.max_document_bytes);
  std::string decompressed;
  std::string_view bytes;
  WB_RETURN_IF_ERROR(Decompress(source, page.body, max, "listing", &decompressed, &bytes));
  bool twice = false;
  InputKind kind = KindOf(bytes, &twice);
  Listing out;
  if (twice) return out;  // compressed twice: no listing a site serves
  if (kind == InputKind::kHtml) {
    if (bytes.size() > options.limits.max_document_bytes)
      return TooBig(source, "page", options.limits.max_document_bytes);
    out.kind = Listing::Kind::kHtmlPage;
    std::string html =
        DecodeToUtf8(bytes, detail::CharsetFromContentType(page.content_type), nullptr);
    std::set<std::string> seen;
    for (const std::string& url : DiscoverFeeds(html, source)) {
      std::string n = NormalizeUrl(url);
      if (!n.empty() && seen.insert(n).second) out.listings.push_back(std::move(n));
    }
    return out;
  }
  if (kind != InputKind::kFeed && kind != InputKind::kSitemap) return out;
  if (bytes.size() > options.max_xml_bytes)
    return TooBig(source, kind == InputKind::kFeed ? "feed" : "sitemap", options.max_xml_bytes);
  std::vector<Reference> refs;
  detail::ListingInfo info;
  auto emit = [&](core::Result<core::RawDocument> r) {
    if (!r.ok()) {
      out.errors.push_back(r.status());
      return;
    }
    core::RawDocument doc = std::move(r.value());
    std::string n = NormalizeUrl(doc.url);
    if (!doc.url.empty() && n.empty()) return;  // reported with its reference below
    doc.url = n;
    out.documents.push_back(std::move(doc));
  };
  core::Status s = kind == InputKind::kFeed
                       ? detail::ReadFeed(source, bytes, source, emit, &refs, &info)
                       : detail::ReadSitemap(source, bytes, source, emit, &refs, &info);
  if (!s.ok()) return s;
  out.kind = kind == InputKind::kFeed ? Listing::Kind::kFeed
             : info.sitemap_index     ? Listing::Kind::kSitemapIndex
                                      : Listing::Kind::kSitemap;
  out.title = info.title;
  out.ttl_seconds = info.ttl_seconds;
  std::set<std::string> seen_listings;
  for (Reference& r : refs) {
    std::string n = NormalizeUrl(r.url);
    if (n.empty()) {
      auto record = r.hints.find("record");
      out.errors.push_back(core::Status::InvalidArgument(
          source, (record == r.hints.end() ? std::string() : record->second + ": ") +
                      "not an http(s) URL: " + r.url.substr(0, 200)));
      continue;
    }
    if (r.kind == "sitemap") {
      if (seen_listings.insert(n).second) out.listings.push_back(std::move(n));
      continue;
    }
    r.url = std::move(n);
    out.items.push_back(std::move(r));
  }
  return out;
}

core::Result<core::RawDocument> DocumentFromPage(const FetchedPage& page,
                                                 const IngestOptions& options) {
  const std::string& source = page.url.empty() ? page.requested_url : page.url;
  size_t max = options.limits.max_document_bytes;
  std::string decompressed;
  std::string_view bytes;
  WB_RETURN_IF_ERROR(Decompress(source, page.body, max, "page", &decompressed, &bytes));
  if (bytes.size() > max) return TooBig(source, "page", max);
  bool twice = false;
  InputKind kind = KindOf(bytes, &twice);
  if (twice) kind = InputKind::kBinary;
  switch (kind) {
    case InputKind::kHtml:
    case InputKind::kText:
      break;
    case InputKind::kEmpty:
      return core::Status::Empty(source, "", "empty body");
    case InputKind::kFeed:
      return core::Status::Unsupported(source, "a feed, not a page");
    case InputKind::kSitemap:
      return core::Status::Unsupported(source, "a sitemap, not a page");
    case InputKind::kWarc:
      return core::Status::Unsupported(source, "a WARC archive, not a page");
    case InputKind::kJson:
    case InputKind::kJsonl:
      return core::Status::Unsupported(source, "JSON, not a page");
    case InputKind::kGzip:
    case InputKind::kZstd:
    case InputKind::kBinary:
      return core::Status::Unsupported(source, "binary data, not a page");
  }
  core::RawDocument doc = detail::DecodePage(bytes, kind, page.content_type);
  doc.url = source;
  doc.provenance = {
      source, "http", 0, bytes.size(), "", page.fetched_at, static_cast<int>(page.status)};
  return doc;
}

}  // namespace wirebrief::ingest
