// Moving a store's contents between backends (`wirebrief db export|import`), as JSON lines.
//
// Format: a header line {"format":"wirebrief-store","schema_version":N}, then one line per
// article {"article":{...columns..., "extras":{...}, "provenance":[...]}} (every provenance
// record, arrival order), then one per story {"story":{...},"brief":{...},"copy_families":[...]},
// with its older brief versions ("brief_versions", oldest first), then one per merged story id
// {"alias":{"old_id","survivor_id"}}, per watched source {"source":{...}}, per page state
// {"page_state":{...}}, per watchlist {"watchlist":{...}} (its webhook secret included: treat
// the file as the store itself), then one per setting {"setting":{"key":...,"value":...}} (the
// server's token hash; not the store's own bookkeeping, "stories.*", which describes the rows
// and is rebuilt with them). Not carried: the story engine's window (derived; the importing
// store's next run rebuilds it, keeping story ids), watchlist events and webhook deliveries
// (a log of what was sent from the old store; importing them would send them again).
// Import is idempotent (PutArticle per provenance record, a batch of articles per transaction),
// replaces the story set when the file holds stories, replaces sources, page states and
// watchlists of the same key, and sets each setting to the file's value (a server moved to the
// new store keeps accepting its token).
// Limits (each a bad record, the import goes on): a line (one record) longer than
// kMaxImportLineBytes, JSON nested deeper than kMaxImportDepth, more than kMaxImportProvenance
// provenance records on one article. A story naming an article the store lacks, naming one
// twice, or repeating a story id is a bad record too (it would fail the whole story set).
// Errors: a bad line is reported in *errors naming the file and line, and the import goes on;
// database errors stop it. Thread safety: as the Store passed in.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace wirebrief::store {

inline constexpr size_t kMaxImportLineBytes = size_t{64} << 20;
inline constexpr int kMaxImportDepth = 64;  // the export itself nests 6 levels
inline constexpr size_t kMaxImportProvenance = 100'000;
// The schema_version of the header line.
inline constexpr int kTransferSchema = 3;

struct TransferCounts {
  int64_t articles = 0;    // exported, or newly stored by an import
  int64_t provenance = 0;  // records written (import: offered; duplicates are ignored)
  int64_t stories = 0;
  int64_t aliases = 0;  // merged story ids
  int64_t sources = 0;
  int64_t page_states = 0;
  int64_t watchlists = 0;
  int64_t settings = 0;
};

// An article with every provenance record it carries (at least one; an "article" line
// without any gets one empty record, as an import stores it).
struct ArticleRecord {
  core::Article article;  // article.provenance is provenance.front()
  std::vector<core::Provenance> provenance;
};

// One line of the format, parsed: the header, an article, or a line of another kind (story,
// source, ...) that the caller reports or skips. An empty line is kOther.
struct TransferLine {
  enum Kind { kHeader, kArticle, kOther };
  Kind kind = kOther;
  std::optional<ArticleRecord> article;
};

// The header line and one article line of the format, without the newline: the one encoder of
// articles as JSON lines (`db export`, `wirebrief process`). Pure; thread-safe.
std::string TransferHeaderLine();
std::string ArticleLine(const core::Article& article, const std::vector<core::Provenance>& provenance);
// Parses one line (no newline; the caller bounds its length by kMaxImportLineBytes). Errors
// name `name` and `where`: kLimitExceeded (nesting), kCorruption (not JSON, a bad article),
// kUnsupported (a header of another format). Pure; thread-safe.
core::Result<TransferLine> ParseTransferLine(std::string_view line, const std::string& name,
                                             const std::string& where);

core::Status ExportJsonl(Store* store, std::ostream& out, TransferCounts* counts);
// `name` labels errors (the file name).
core::Status ImportJsonl(Store* store, std::istream& in, const std::string& name,
                         TransferCounts* counts, std::vector<core::Status>* errors);
// The lines of an export, one per call without its '\n', or the error of a line that could not
// be read (too long, corrupt compressed data: reported in *errors, and the import goes on);
// nullopt at the end.
using ImportLineSource = std::function<std::optional<core::Result<std::string>>()>;
// ImportJsonl over lines from anywhere (`db import` reads gzip and zstd files through
// ingest::LineReader, as `run` reads `process` output). Articles are stored a batch at a time,
// one transaction each (PutArticleBatch): a bad line is left out of its batch, the rest stored;
// a process killed mid-import keeps the batches committed before, and importing again (it is
// idempotent) stores the rest.
core::Status ImportJsonlLines(Store* store, const ImportLineSource& next_line,
                              const std::string& name, TransferCounts* counts,
                              std::vector<core::Status>* errors);

}  // namespace wirebrief::store
