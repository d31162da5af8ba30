// The map and reduce halves of `run`, for spreading a big archive over many machines (issue 23;
// docs/scaling-out.md). Map: `wirebrief process` turns inputs into article lines with no
// database. Reduce: `wirebrief run` stores such lines and attaches them to stories.
//
// The lines are the store's transfer format (store/transfer.h): a header line, then one
// {"article":{...}} line per article with everything the store keeps (text, metadata and field
// sources, annotations, every provenance record down to WARC file, offset and length), so
// `db import` reads them too (uncompressed).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace wirebrief::pipeline {

struct ProcessSummary {
  size_t documents_read = 0;    // documents ingest delivered
  size_t documents_failed = 0;  // files/records that failed anywhere
  size_t articles = 0;          // lines written
  size_t headlines = 0;         // of articles: headline articles (a feed item without its page)
  size_t skipped = 0;           // folder entries of no supported kind
  std::vector<core::Status> errors;  // one per failed file or record, in input order
  std::vector<std::string> skipped_files;
};

// The map stage: what RunPipeline stores from `inputs` (as without RunOptions::follow: the
// documents, then the headline articles of feed and sitemap items), through the same extract
// and read path, handed to `write_line` as lines without '\n': the header, then one article
// line per document in input order (an article met twice is written twice, each with its own
// provenance record: the reduce merges them as `run` would, by storing them in this order).
// Memory: a batch of documents (RunOptions::batch_size); lines are written as they come.
// Deterministic: the same inputs give the same lines whatever options.jobs, and the time of the
// run is in none of them (a WARC record is dated by its WARC-Date; only a page file without any
// date is checked against today, for dates in the future).
// Errors: a failing file or record is tallied in the summary and the rest goes on; the
// Status is non-OK only when `write_line` fails (its Status is returned, and reading stops).
// `stdin_name`, when not empty, replaces "-" as the source of what standard input held (WARC
// bytes piped in by a cluster task), so its provenance names the archive.
core::Status ProcessInputs(const std::vector<std::string>& inputs, const RunOptions& options,
                           const std::string& stdin_name, core::ProgressSink* progress,
                           const std::function<core::Status(const std::string&)>& write_line,
                           ProcessSummary* summary);

// True when `path` names a file (plain, gzip or zstd) whose first line is the transfer format's
// header: what `process` and `db export` write. False for "-", folders and URLs.
bool IsArticleFile(const std::string& path);

// The reduce stage's storing half: the articles of `files` (IsArticleFile) stored as they are,
// file after file in the order given, each file's lines in order, every provenance record
// (PutArticle per record): the order `run` would have stored them in had it been given the
// inputs of the files in that order, so the store ends up the same (an article stored twice
// keeps its first copy, a headline is upgraded by its page). The story update that follows
// (UpdateStories) reads a new store in publication order, whatever order the files came in; on
// a store with stories, new articles attach in stored order and those older than the open
// window join their own days' stories, as after any run.
// Lines of another kind (the stories of a `db export`) and bad lines are errors in `summary`
// naming the file and line; the rest goes on. Counts go to documents_read, articles_new,
// articles_known and headlines. Limits: a line longer than store::kMaxImportLineBytes is an
// error (skipped). Errors: the store's stop it. `jobs` threads parse the lines (0 = one per
// core); storing stays on the calling thread. RunPipeline calls it for the inputs that are
// article files, before the rest.
core::Status StoreArticleFiles(const std::vector<std::string>& files, store::Store* store,
                               size_t jobs, core::ProgressSink* progress, RunSummary* summary);

}  // namespace wirebrief::pipeline
