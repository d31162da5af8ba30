// The per-page path every command shares (pipeline.cc): documents pulled from a stream are
// extracted, and read when asked, a batch at a time on a thread pool, and handed on in input
// order. `run` stores what comes out, `extract` prints it, `process` writes it as JSON lines.
#pragma once

#include <functional>
#include <optional>

#include "core/model.h"
#include "core/progress.h"
#include "core/status.h"
#include "pipeline/pipeline.h"

namespace wirebrief::pipeline::detail {

// The next document or the error for the next failing file or record; nullopt at the end.
using NextDocument = std::function<std::optional<core::Result<core::RawDocument>>()>;

// Pulls documents in batches of options.batch_size, extracts (and with a `reader`, reads) each
// batch on options.jobs threads, and calls `sink` in input order with each article or error.
// `from_ingest` is true for an error ingest reported (no document was read). With
// `metadata_on_empty`, a page without article text (kEmpty) passes what it says about itself as
// `page_metadata` (valid during the call), else nullptr. `next_document` and `sink` run on the
// calling thread.
void ForEachExtracted(const RunOptions& options, const nlp::Reader* reader,
                      core::ProgressSink* progress, const NextDocument& next_document,
                      const std::function<void(const core::Result<core::Article>&, bool from_ingest,
                                               const core::Article* page_metadata)>& sink,
                      bool metadata_on_empty = false);

}  // namespace wirebrief::pipeline::detail
