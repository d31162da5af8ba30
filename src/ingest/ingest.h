// ingest/: turns the inputs a user names into a stream of RawDocuments, with provenance.
//
// Inputs are detected by content, not by file extension: HTML pages, pasted page text, WARC
// (plain or gzip, one member per record or whole-file), RSS/Atom feeds, sitemaps and JSON
// lines. Folders are walked recursively in sorted order; inside a folder, files of no supported
// kind (JSON documents, binaries, hidden files) are skipped and listed in skipped(), while a
// file named explicitly is an error when it cannot be read.
//
// Feeds and sitemaps also name URLs without carrying their content; those come out as
// references() (fetching them is the URL fetcher's job). A feed item that carries its full
// content (content:encoded, Atom <content>) comes out as a document.
//
// Errors: each unreadable file or corrupt record is one error item in the stream, naming the
// file and record; the stream then goes on with the next record or file.
// Thread safety: a DocumentStream is used by one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"

namespace wirebrief::ingest {

struct IngestOptions {
  core::Limits limits;
};

// A URL listed by a feed or sitemap, with what the listing said about it.
struct Reference {
  std::string url;
  std::string listed_in;  // the feed or sitemap path
  std::map<std::string, std::string> hints;  // "title", "date_published", "author"
};

enum class InputKind { kHtml, kText, kWarc, kGzip, kFeed, kSitemap, kJsonl, kJson, kBinary, kEmpty };

// Classifies the first bytes of an input. Never fails; kBinary for data that is not text.
InputKind DetectInputKind(std::string_view head);

class DocumentStream {
 public:
  // `inputs`: paths to files or folders, or "-" for standard input. Nothing is read until Next().
  DocumentStream(std::vector<std::string> inputs, IngestOptions options);
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // The next document, or the error for the next failing file or record; nullopt once every
  // input is exhausted.
  std::optional<core::Result<core::RawDocument>> Next();

  // URLs listed by feeds and sitemaps read so far (without content).
  const std::vector<Reference>& references() const;
  // Files inside folders that were skipped as no supported kind, with the reason.
  const std::vector<std::string>& skipped() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Decodes `bytes` to UTF-8. Order: byte-order mark, `declared` charset (HTTP header), the
// HTML <meta> prescan of the first 1024 bytes, then UTF-8 if valid, else windows-1252.
// Invalid sequences become U+FFFD. *charset_out (optional) receives the charset used.
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* charset_out);

}  // namespace wirebrief::ingest
