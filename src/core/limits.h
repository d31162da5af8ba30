// Per-record resource limits shared by every parser, so one hostile page cannot sink a batch.
// A parser that hits a limit returns StatusCode::kLimitExceeded for that record and the batch
// goes on (Resiliparse's process guards, done in-process).
#pragma once

#include <cstddef>
#include <cstdint>

namespace wirebrief::core {

struct Limits {
  // Largest input file or record read into memory.
  // Default: 20 MiB (trafilatura and warc2text use the same cap).
  size_t max_document_bytes = 20u << 20;
  // Largest container file (WARC, feed, sitemap, JSONL) opened; records inside are capped by
  // max_document_bytes. Default: 1 GiB.
  uint64_t max_container_bytes = 1ull << 30;
  // Deepest element nesting the HTML parser accepts before it stops descending.
  // Default: 256 (libxml2's own hard limit is 256 unless HTML_PARSE_HUGE is set).
  int max_dom_depth = 256;
  // Most DOM nodes visited per page. Default: 2,000,000.
  size_t max_dom_nodes = 2'000'000;
  // Longest clean text kept per article. Default: 2 MiB.
  size_t max_text_bytes = 2u << 20;
  // Longest text the nlp reader annotates; the rest of a longer text is not read. Larger than
  // max_text_bytes because the reader also takes text that never went through extraction
  // (`wirebrief read` input, ReadText callers): every extracted article is read whole, and only
  // such raw text is cut, to bound the tokens held per text. Default: 8 MiB.
  size_t max_read_bytes = 8u << 20;
};

}  // namespace wirebrief::core
