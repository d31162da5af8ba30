#include "pipeline/process.h"

#include <sys/stat.h>

#include <deque>
#include <memory>
#include <optional>

#include "core/thread_pool.h"
#include "ingest/ingest.h"
#include "ingest/lines.h"
#include "pipeline/detail/extracted.h"
#include "pipeline/detail/items.h"
#include "store/transfer.h"

namespace wirebrief::pipeline {

core::Status ProcessInputs(const std::vector<std::string>& inputs, const RunOptions& options,
                           const std::string& stdin_name, core::ProgressSink* progress,
                           const std::function<core::Status(const std::string&)>& write_line,
                           ProcessSummary* summary) {
  core::Result<nlp::Reader> reader = nlp::OpenReader(options.read);
  if (!reader.ok()) return reader.status();
  ingest::IngestOptions io;
  io.limits = options.limits;
  ingest::DocumentStream stream(inputs, io);
  // The documents, then the headline articles of listed items: RunPipeline's order without
  // --follow, so the reduce stores them in the order `run` would.
  core::Status written = write_line(store::TransferHeaderLine());
  std::vector<ingest::Reference> refs;
  size_t next_ref = 0;
  bool stream_done = false;
  detail::NextDocument next = [&]() -> std::optional<core::Result<core::RawDocument>> {
    if (!written.ok()) return std::nullopt;  // the output failed: reading on is wasted
    if (!stream_done) {
      if (auto d = stream.Next()) return d;
      stream_done = true;
      refs = stream.TakeReferences();
    }
    std::optional<core::Result<core::RawDocument>> out;
    while (next_ref < refs.size() && !out)
      if (auto h = detail::HeadlineOf(refs[next_ref++])) out.emplace(std::move(*h));
    return out;
  };
  core::NullProgress quiet;
  if (!progress) progress = &quiet;
  progress->Begin("processing", 0);
  detail::ForEachExtracted(
      options, &reader.value(), progress, next,
      [&](const core::Result<core::Article>& a, bool from_ingest, const core::Article*) {
        if (!from_ingest) ++summary->documents_read;
        if (!a.ok()) {
          ++summary->documents_failed;
          summary->errors.push_back(a.status());
          return;
        }
        if (!written.ok()) return;
        core::Provenance p = a->provenance;
        if (!stdin_name.empty() && p.source == "-") p.source = stdin_name;
        written = write_line(store::ArticleLine(a.value(), {p}));
        ++summary->articles;
        if (a->headline_only) ++summary->headlines;
      });
  progress->End();
  summary->skipped_files = stream.skipped();
  summary->skipped = summary->skipped_files.size();
  return written;
}

bool IsArticleFile(const std::string& path) {
  if (path == "-" || path.find("://") != std::string::npos) return false;
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  static constexpr std::string_view kHeader = R"({"format":"wirebrief-store")";
  return ingest::LineReader::Head(path, kHeader.size()) == kHeader;
}

core::Status StoreArticleFiles(const std::vector<std::string>& files, store::Store* store,
                               size_t jobs, core::ProgressSink* progress, RunSummary* summary) {
  core::NullProgress quiet;
  if (!progress) progress = &quiet;
  progress->Begin("storing processed articles", 0);
  // Lines are parsed a batch at a time on the pool (decoding annotations is most of a line's
  // cost) and stored in order on this thread, the store's one user.
  constexpr size_t kLinesPerBatch = 256;
  core::ThreadPool pool(jobs);
  struct Line {
    core::Result<std::string> text = std::string();
    size_t number = 0;
    std::optional<core::Result<store::TransferLine>> parsed;
  };
  std::vector<Line> batch;
  for (const std::string& name : files) {
    auto reader = ingest::LineReader::Open(name, store::kMaxImportLineBytes);
    if (!reader.ok()) {
      summary->errors.push_back(reader.status());
      ++summary->documents_failed;
      continue;
    }
    size_t other_lines = 0;
    bool more = true;
    while (more) {
      batch.clear();
      while (batch.size() < kLinesPerBatch) {
        auto line = reader.value()->Next();
        if (!line) {
          more = false;
          break;
        }
        batch.push_back({std::move(*line), reader.value()->line_number(), std::nullopt});
      }
      core::ParallelFor(pool, batch.size(), [&](size_t i) {
        if (!batch[i].text.ok()) return;
        batch[i].parsed = store::ParseTransferLine(batch[i].text.value(), name,
                                                   "line " + std::to_string(batch[i].number));
      });
      std::vector<const core::Article*> puts;  // each line's article once per provenance record
      std::vector<size_t> first_put;           // per stored line: its first entry in `puts`
      std::deque<core::Article> copies;        // a line's records after its first (`db export`)
      for (Line& l : batch) {
        if (!l.text.ok() || !l.parsed->ok()) {
          summary->errors.push_back(!l.text.ok() ? l.text.status() : l.parsed->status());
          ++summary->documents_failed;
          continue;
        }
        store::TransferLine& parsed = l.parsed->value();
        if (parsed.kind == store::TransferLine::kOther &&
            l.text.value().find_first_not_of(" \t\r") != std::string::npos)
          ++other_lines;  // a blank line is kOther too, and no error
        if (parsed.kind != store::TransferLine::kArticle) continue;
        store::ArticleRecord& r = *parsed.article;
        first_put.push_back(puts.size());
        r.article.provenance = r.provenance.front();
        puts.push_back(&r.article);
        for (size_t k = 1; k < r.provenance.size(); ++k) {
          copies.push_back(r.article);
          copies.back().provenance = r.provenance[k];
          puts.push_back(&copies.back());
        }
      }
      std::vector<bool> inserted;
      WB_RETURN_IF_ERROR(store::PutArticleBatch(store, puts, &inserted));
      for (size_t put : first_put) {
        ++summary->documents_read;
        ++(inserted[put] ? summary->articles_new : summary->articles_known);
        if (inserted[put] && puts[put]->headline_only) ++summary->headlines;
        progress->Advance(1);
      }
    }
    if (other_lines > 0) {
      summary->errors.push_back(core::Status::Unsupported(
          name, std::to_string(other_lines) +
                    " lines are not articles (stories, sources, ... of a store export): run "
                    "stores articles; `wirebrief db import` takes a whole store"));
      ++summary->documents_failed;
    }
  }
  progress->End();
  return core::Status::Ok();
}

}  // namespace wirebrief::pipeline
