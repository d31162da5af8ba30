// ingest/: turns the inputs a user names into a stream of RawDocuments, with provenance.
//
// Inputs are detected by content, not by file extension: HTML pages, pasted page text, WARC
// (plain, gzip with one member per record or one for the whole file, zstd with an optional
// dictionary), RSS/Atom feeds, sitemaps and JSON lines, each possibly gzip- or
// zstd-compressed; http(s) URLs are fetched (fetch.h). Folders are walked recursively in sorted
// order; inside a folder, files of no supported kind (JSON documents, binaries, hidden files)
// are skipped and listed in skipped(), while a file named explicitly is an error when it cannot
// be read.
//
// Memory: WARC and JSON lines are streamed, one record at a time (at most
// Limits::max_document_bytes plus a 64 KiB header), whatever the input size; a larger record is
// skipped with a LimitExceeded item. Pages are read whole up to max_document_bytes, feeds and
// sitemaps up to IngestOptions::max_xml_bytes.
//
// Provenance (core::Provenance): container "warc" means offset/length are the record's
// compressed gzip member or zstd frame (or its bytes in an uncompressed WARC), ready for
// `file:offset:length` retrieval; "warc-stream" means a compressed WARC holding several records
// per member, where offset/length are positions in the decompressed stream. WARC-Date is the
// crawl date, never the publication date.
//
// Feeds and sitemaps also name URLs without carrying their content; those come out as
// references (fetching them is the caller's decision). A feed item that carries its full
// content (content:encoded, Atom <content>) also comes out as a document, and so does an item
// without a link (keyed by its guid, else by a hash of what it says).
//
// Errors: each unreadable file or corrupt record is one error item in the stream, named
// "file@offset: problem" for WARC records, "feeds/world.xml: item 12: no link, title,
// description or content" for feed items, "docs.jsonl: line 7: ..." for JSON lines; the
// stream then goes on with the next record or file.
// Thread safety: a DocumentStream is used by one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"
#include "ingest/fetch.h"

namespace wirebrief::ingest {

struct IngestOptions {
  core::Limits limits;
  // Files naming one input (path or URL) per line, read lazily after the named inputs; blank
  // lines and lines starting with '#' are ignored. Default: none.
  std::vector<std::string> input_lists;
  // Whether http(s) inputs are fetched; when off they are errors. Default: true.
  bool fetch = true;
  FetchOptions fetch_options;
  // Largest feed or sitemap parsed, after decompression. Default: 64 MiB (the sitemap protocol
  // allows 50 MB).
  size_t max_xml_bytes = 64u << 20;
  // Follow sitemapindex entries (http(s) ones are fetched when `fetch` is on and the index was
  // itself fetched; others are paths relative to a local index), at most this many levels deep;
  // 0 lists them as references only. Every entry is also a Reference of kind "sitemap".
  // Default: 3.
  int sitemap_index_depth = 3;
  // List the feeds an HTML page links with <link rel="alternate"> as references. Default: true.
  bool discover_feeds = true;
};

// A URL listed by a feed or sitemap (or a feed linked from a page), with what the listing said
// about it.
struct Reference {
  std::string url;
  std::string kind;  // "feed_item", "sitemap_url", "sitemap" (index entry), "feed" (discovered)
  std::string listed_in;  // the feed, sitemap or page path/URL
  // "title", "date_published" (ISO 8601 when recognised), "date_modified", "author",
  // "description", "image", "site_name", "language", "record" (guid or "item N").
  std::map<std::string, std::string> hints;
};

enum class InputKind {
  kHtml,
  kText,
  kWarc,
  kGzip,
  kFeed,
  kSitemap,
  kJsonl,
  kJson,
  kBinary,
  kEmpty,
  kZstd
};

// Classifies the first bytes of an input. Never fails; kBinary for data that is not text.
InputKind DetectInputKind(std::string_view head);

class DocumentStream {
 public:
  // `inputs`: paths to files or folders, "-" for standard input, or http(s) URLs. Nothing is
  // read until Next().
  DocumentStream(std::vector<std::string> inputs, IngestOptions options);
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // The next document, or the error for the next failing file or record; nullopt once every
  // input is exhausted.
  std::optional<core::Result<core::RawDocument>> Next();

  // References listed so far and not yet taken, in listing order.
  const std::vector<Reference>& references() const;
  // Moves out the references listed so far (a long-running consumer keeps memory flat).
  std::vector<Reference> TakeReferences();
  // Files inside folders that were skipped as no supported kind, with the reason.
  const std::vector<std::string>& skipped() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Decodes `bytes` to UTF-8 by the WHATWG encoding sniffing algorithm: byte-order mark,
// `declared` (the transport's charset label, e.g. from an HTTP header), the HTML standard's
// <meta> prescan of the first 1024 bytes (a <meta> naming UTF-16 means UTF-8), then detection
// (ISO-2022-JP escapes, UTF-16 without BOM, valid UTF-8, uchardet for the rest: EUC-JP,
// Shift_JIS, GBK, ...), then windows-1252 (undeclared ASCII too). Labels are the WHATWG Encoding
// standard's; unknown ones are ignored. A legacy label on bytes that are valid UTF-8 with
// non-ASCII characters yields UTF-8. Invalid sequences become U+FFFD. *charset_out (optional)
// receives the encoding's WHATWG name ("utf-8", "windows-1252", "shift_jis", "euc-jp", ...);
// *source_out (optional) why: "bom", "http", "meta", "detected" or "default".
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* charset_out, std::string* source_out = nullptr);

// Feed URLs an HTML page (UTF-8) links with <link rel="alternate" type="application/rss+xml">
// (or atom+xml, rdf+xml, feed+json), resolved against <base href> or `base_url`; deduplicated,
// in page order.
std::vector<std::string> DiscoverFeeds(std::string_view html, const std::string& base_url);

}  // namespace wirebrief::ingest
