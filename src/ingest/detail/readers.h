// Container readers behind DocumentStream.
//
// WARC and JSON lines are pull readers over a Decoder: they hold one record (at most
// Limits::max_document_bytes plus a header) in memory whatever the input size. Feeds and
// sitemaps are parsed whole (bounded by IngestOptions::max_xml_bytes) because libxml2's
// recovering parser, which copes with the ill-formed XML real feeds carry, needs the document.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"
#include "ingest/detail/byte_input.h"
#include "ingest/ingest.h"

namespace wirebrief::ingest::detail {

using EmitFn = std::function<void(core::Result<core::RawDocument>)>;

// One opened input that yields documents (or per-record errors) one at a time.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // nullopt once the input is exhausted.
  virtual std::optional<core::Result<core::RawDocument>> Next() = 0;
};

// WARC 1.0/1.1 over any decoder (plain, gzip per record or whole-file, zstd with dictionary).
// Documents: response records over http(s) with an HTML payload (or plain text, robots.txt
// aside), and resource records over http(s) with an HTML payload; an unstated type is sniffed.
// Skipped: request, metadata, warcinfo, revisit, non-page payloads and records whose target is
// not a web page (metadata://, urn:X-wpull:log, dns:). Lenient where other readers are: folded
// header lines, spaces around names and values, status lines without a reason phrase, chunked
// bodies (a broken chunk stream keeps what came before the break), and a wrong or missing
// Content-Length when the next record (or the record's own gzip member end) shows the
// boundary. A 3xx response is no document; with `redirects` it is listed there (kind
// "redirect", hints "status", "location", "record", "origin" = "source:offset:length").
// Errors are named "source@offset" (the compressed member's offset when records are one per
// member, else the decompressed offset); after a corrupt record the reader resynchronises at the
// next record.
std::unique_ptr<RecordSource> OpenWarcReader(std::string source, std::unique_ptr<Decoder> decoder,
                                             const core::Limits& limits,
                                             std::vector<Reference>* redirects = nullptr);

// JSON lines: {"url", "html"} or {"url", "text"} per line; other fields become hints.
std::unique_ptr<RecordSource> OpenJsonLinesReader(std::string source,
                                                  std::unique_ptr<Decoder> decoder,
                                                  const core::Limits& limits);

// A whole WARC held in memory (fuzzing and tests): every document and error goes to `emit`.
void ReadWarc(const std::string& source, std::string_view bytes, const core::Limits& limits,
              const EmitFn& emit, std::vector<Reference>* redirects = nullptr);

// What a feed or sitemap says about itself, beyond its items.
struct ListingInfo {
  std::string title;                  // feed <title>
  std::optional<double> ttl_seconds;  // RSS <ttl>, else sy:updatePeriod / sy:updateFrequency
  bool sitemap_index = false;         // the root was <sitemapindex>
};

// RSS 0.9x/1.0/2.0 and Atom 1.0. Items carrying full content become documents; every item
// with a link becomes a Reference (hints: title, author, date_published, description, image). An
// item without a link is still a document (RSS needs only a title or a description): content
// as HTML/text, else a headline (title, description), else its description's text; its
// record_id is the guid, else "hash:" + a stable hash of the feed URL, title, date and content.
// Only an item with none of link, title, description or content is an error "source: item N:
// no link, title, description or content". `base_url` (the URL the
// feed was fetched from, or empty) resolves relative links along with xml:base.
// `info` (optional) receives the feed's title and refresh hints.
core::Status ReadFeed(const std::string& source, std::string_view bytes,
                      const std::string& base_url, const EmitFn& emit, std::vector<Reference>* refs,
                      ListingInfo* info = nullptr);

// urlset (incl. Google News and image extensions) and sitemapindex: every <loc> becomes a
// Reference of kind "sitemap_url", or "sitemap" for a sitemapindex entry. Extension elements
// are recognised by namespace URI (any prefix), else by their usual prefix when undeclared.
core::Status ReadSitemap(const std::string& source, std::string_view bytes,
                         const std::string& base_url, const EmitFn& emit,
                         std::vector<Reference>* refs, ListingInfo* info = nullptr);

// Decodes all of `decoder` (every member) into *out; LimitExceeded past `max` bytes ("`what`
// exceeds the limit of N bytes"), Corruption naming "source@member offset" on corrupt data.
core::Status DecodeWhole(const std::string& source, Decoder& decoder, size_t max, const char* what,
                         std::string* out);

// A page's bytes as a document: kHtml or kText by `kind`, decoded to UTF-8 as DecodeToUtf8
// does with the charset of `content_type` (empty for files). Provenance and URL are the
// caller's.
core::RawDocument DecodePage(std::string_view bytes, InputKind kind, std::string_view content_type);

// Inflates a whole gzip stream (all members) into *out, up to `max_out` bytes.
core::Status Gunzip(std::string_view bytes, size_t max_out, std::string* out);

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8" -> "utf-8").
std::string CharsetFromContentType(std::string_view content_type);

// Feed and sitemap dates in the forms found in the wild (RFC 822 with or without weekday,
// named zones, two-digit years, ISO 8601 with a space) as ISO 8601; empty when unrecognised.
std::string NormalizeFeedDate(std::string_view raw);

}  // namespace wirebrief::ingest::detail
