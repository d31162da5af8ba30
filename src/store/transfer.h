// Moving a store's contents between backends (`wirebrief db export|import`), as JSON lines.
//
// Format: a header line {"format":"wirebrief-store","schema_version":N}, then one line per
// article {"article":{...columns..., "extras":{...}, "provenance":[...]}} (every provenance
// record, arrival order), then one per story {"story":{...},"brief":{...},"copy_families":[...]}.
// Import is idempotent (PutArticle per provenance record) and replaces the story set when the
// file holds stories. Settings (the server's token hash) are not exported.
// Limits: lines longer than kMaxImportLineBytes are bad records.
// Errors: a bad line is reported in *errors naming the file and line, and the import goes on;
// database errors stop it. Thread safety: as the Store passed in.
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace wirebrief::store {

inline constexpr size_t kMaxImportLineBytes = size_t{64} << 20;

struct TransferCounts {
  int64_t articles = 0;    // exported, or newly stored by an import
  int64_t provenance = 0;  // records written (import: offered; duplicates are ignored)
  int64_t stories = 0;
};

core::Status ExportJsonl(Store* store, std::ostream& out, TransferCounts* counts);
// `name` labels errors (the file name).
core::Status ImportJsonl(Store* store, std::istream& in, const std::string& name,
                         TransferCounts* counts, std::vector<core::Status>* errors);

}  // namespace wirebrief::store
