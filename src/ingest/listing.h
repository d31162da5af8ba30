// ingest/listing.h: what a watched source returned, read by content (not by URL or
// Content-Type): a feed, a sitemap or sitemap index (gzip or zstd compressed too), an HTML page
// linking feeds, or something else.
//
// The readers are DocumentStream's (same XML limits, same recovery from ill-formed feeds);
// these functions only take a fetched page instead of a path.
//
// URLs: every item and listing URL is resolved against the page's final URL and normalised
// (NormalizeUrl); an item whose URL is not http(s) is left out with an error naming it.
// Sitemap-index children are listed in `listings`, not fetched: following them (to
// IngestOptions::sitemap_index_depth) is the caller's decision.
//
// Errors: Result errors name the URL: unreadable XML ("https://x.test/feed: line 3: not
// well-formed XML (...)"), a body over the limit (LimitExceeded), corrupt compression. Problems
// with single items go to Listing::errors and the other items are kept.
//
// Thread safety: free functions; no shared state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "ingest/fetch.h"
#include "ingest/ingest.h"

namespace wirebrief::ingest {

struct Listing {
  enum class Kind { kFeed, kSitemap, kSitemapIndex, kHtmlPage, kOther };
  Kind kind = Kind::kOther;
  std::string title;  // the feed's <title>; empty for sitemaps and pages
  // Feed items and sitemap <url>s, in listing order, with hints: "title" (news:title too),
  // "date_published" (news:publication_date; ISO 8601 when recognised), "date_modified"
  // (lastmod), "description", "author", "image", "site_name" (news:publication/news:name),
  // "language", "keywords", "record" (guid or "item N" / "url N"), "feed_title".
  std::vector<Reference> items;
  // Feed items that carry their full content (content:encoded, Atom <content>), as documents;
  // each is also in `items` when it has a link. Items without a link are documents only (url
  // empty; provenance.record_id is the guid or a content hash).
  std::vector<core::RawDocument> documents;
  // Sitemap-index children, or the feeds an HTML page links (<link rel="alternate">).
  std::vector<std::string> listings;
  // How long the publisher says the listing stays fresh: RSS <ttl> (minutes) when present,
  // else sy:updatePeriod / sy:updateFrequency (hourly/2 -> 1800 s).
  std::optional<double> ttl_seconds;
  // Per-item problems ("https://x.test/feed: item 4: not an http(s) URL: ..."); the items are
  // left out.
  std::vector<core::Status> errors;
};

std::string_view ListingKindName(Listing::Kind kind);  // "feed", "sitemap", ...

// Reads `page.body` (limit: options.max_xml_bytes after decompression for feeds and sitemaps,
// options.limits.max_document_bytes for HTML) into a Listing. kOther, not an error, for bodies
// that are none of the four kinds (a PDF, JSON, plain text). HTML feed discovery runs even when
// options.discover_feeds is off: asking for a page's listing is asking for its feeds.
core::Result<Listing> ReadListing(const FetchedPage& page, const IngestOptions& options);

// `page` as one document, decoded as DocumentStream decodes fetched pages (Content-Type
// charset, then <meta>, then detection): url = page.url (after redirects), provenance {source =
// page.url, container "http", offset 0, length = body size, crawl_date = page.fetched_at,
// http_status = page.status}. Errors: Empty for an empty body, Unsupported for a feed, sitemap,
// WARC or binary body, LimitExceeded past options.limits.max_document_bytes.
core::Result<core::RawDocument> DocumentFromPage(const FetchedPage& page,
                                                 const IngestOptions& options);

}  // namespace wirebrief::ingest
