// pipeline/: the one place that knows the order of the stages. It runs ingest -> extract ->
// read -> store over the inputs with -j N workers, then (when anything new arrived) attaches the
// new articles to stories with the online clusterer, restored from the open window the store
// keeps, and rewrites the briefs of the stories that changed (stories.cc).
//
// Errors: a failing file or record is tallied in RunSummary::errors and the run goes on; the
// returned Status is non-OK only when the store itself fails (nothing later can be kept).
// Thread safety: one RunPipeline per Store at a time; the function itself is reentrant.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "cluster/cluster.h"
#include "cluster/presets.h"
#include "core/limits.h"
#include "core/progress.h"
#include "core/status.h"
#include "extract/extract.h"
#include "ingest/crawl.h"
#include "nlp/read.h"
#include "pipeline/alerts.h"
#include "store/store.h"

namespace wirebrief::pipeline {

struct RunOptions {
  size_t jobs = 0;  // worker threads; Default: 0 = one per core.
  core::Limits limits;
  extract::ExtractOptions extract;
  // How articles are read: where the name model is (a run fails when it is missing), ablations.
  // Default: ReadOptions's defaults.
  nlp::ReadOptions read;
  // Default: cluster::StoryStreamOptions() (cluster/presets.h), the settings `wirebrief cluster`
  // is scored with, stories following their event across days.
  cluster::ClusterOptions cluster = cluster::StoryStreamOptions();
  brief::BriefOptions brief;
  // Documents extracted per parallel batch (bounds memory). Default: 256.
  size_t batch_size = 256;
  // Stored articles the story engine reads per step (bounds its memory on a big backlog or a
  // recluster). Default: 4096.
  size_t articles_per_step = 4096;
  // Fetch the pages that feed and sitemap items link to (`run --follow`), by the rules of a
  // `watch` round (pipeline/watch.h); without it such items are stored as headline articles,
  // so a run on local files stays offline. Default: false.
  bool follow = false;
  // Politeness and limits of every request (`watch`, `run --follow`, URL inputs are fetched
  // by ingest's own Fetcher). Default: ingest::CrawlOptions's defaults.
  ingest::CrawlOptions crawl;
  // Webhook deliveries of watchlist events, made at the end of each run and watch round.
  // Default: DeliveryOptions's defaults.
  DeliveryOptions delivery;
};

struct RunSummary {
  size_t documents_read = 0;     // documents ingest delivered
  size_t documents_failed = 0;   // files/records that failed anywhere
  size_t articles_new = 0;
  size_t articles_known = 0;     // already stored (same input again, or the same page elsewhere)
  size_t references = 0;         // URLs feeds/sitemaps listed, not fetched, no title to keep;
                                 // not the feeds that pages link to
  size_t pages_fetched = 0;      // `follow`: item pages fetched
  size_t pages_failed = 0;       // `follow`: item pages that failed or were refused
  size_t headlines = 0;          // of articles_new: headline articles (a title, no page yet)
  size_t skipped = 0;            // folder entries of no supported kind
  size_t stories = 0;          // stories stored after the run
  size_t briefs = 0;
  size_t stories_new = 0;      // opened by this run
  size_t stories_updated = 0;  // existing stories whose members changed (new brief version)
  size_t stories_merged = 0;   // emptied into another story (their ids resolve to it)
  size_t articles_upgraded = 0;  // headline articles whose page arrived
  size_t articles_late = 0;      // dated before the open window: placed among their days' stories
  bool reclustered = false;    // the story engine ran
  size_t alerts = 0;              // watchlist events this run's update reported
  size_t webhooks_delivered = 0;  // webhook POSTs answered 2xx (this run's and earlier events')
  size_t webhooks_failed = 0;     // attempts that failed (retried later, or given up)
  double seconds = 0;
  std::vector<core::Status> errors;  // one per failed file or record, in input order
  std::vector<std::string> skipped_files;
  std::vector<std::string> warnings;  // not failures: e.g. the story engine was restarted
};

// What one story update did (UpdateStories).
struct StoriesSummary {
  size_t articles_clustered = 0;
  size_t articles_upgraded = 0;
  // Of the clustered, those dated before the open window (a page fetched late, an archive
  // given after the news it covers): placed among the stories of their own days.
  size_t articles_late = 0;
  size_t stories_new = 0, stories_updated = 0, stories_merged = 0;
  bool rebuilt = false;  // the backend has no incremental engine: every story was rebuilt
  size_t conflicts = 0;  // attempts redone because another process committed an update first
  size_t alerts = 0;     // watchlist events the update committed (pipeline/alerts.h)
  std::vector<std::string> warnings;
};

// Attaches the articles stored since the last update to stories, rewriting only the stories
// that changed, in one store transaction with the engine's state. Writes nothing when no article
// is new. A damaged engine state, or one built under other cluster options, is reported in
// `warnings` and the window starts again over every stored article (ids kept where stories
// survive). Several processes may update one store at once: an attempt that another process's
// commit overtook writes nothing and is redone from the new state (`conflicts` counts them).
// Errors: the store's; kConflict after 16 attempts in a row lost (the articles stay stored and
// the next update attaches them).
core::Status UpdateStories(store::Store* store, const RunOptions& options, StoriesSummary* summary);

// `wirebrief recluster`: forgets the engine's state and attaches every stored article again
// (after a settings or model change), streaming the store in publication order (undated
// articles last, in stored order) a step at a time (RunOptions::articles_per_step), so memory
// follows the open window; stories keep their ids where they survive. An update that starts
// over for another reason (a first run, a damaged or changed engine state) reads the same way.
core::Status Recluster(store::Store* store, const RunOptions& options, StoriesSummary* summary);

// RunPipeline over documents already in hand (`watch` fetches them): extract -> read -> store
// -> UpdateStories. Documents are consumed in order; `stop` (may be null) is polled between
// documents, and when it reads true the rest are left and the stored ones still clustered.
// RunDocuments over documents pulled one at a time from `next` (nullopt ends the stream), so a
// producer on another thread (a watch round's fetches) overlaps with extraction and reading.
// documents_read counts the documents pulled; the stream is left when `stop` reads true.
core::Result<RunSummary> RunDocumentStream(
    const std::function<std::optional<core::RawDocument>()>& next, store::Store* store,
    const RunOptions& options, core::ProgressSink* progress, const std::atomic<bool>* stop = nullptr);

core::Result<RunSummary> RunDocuments(std::vector<core::RawDocument> documents, store::Store* store,
                                      const RunOptions& options, core::ProgressSink* progress,
                                      const std::atomic<bool>* stop = nullptr);

// Fetches the pages at `urls` (options.crawl's rules; with allow_private_addresses off no
// connection reaches loopback, private or link-local addresses, whatever DNS or a redirect
// says) and runs them as RunDocuments does. A URL that cannot be fetched or read is an error
// in the summary; kInvalidArgument, before anything is fetched, for a URL that is not http(s).
core::Result<RunSummary> RunUrls(const std::vector<std::string>& urls, store::Store* store,
                                 const RunOptions& options, core::ProgressSink* progress);

core::Result<RunSummary> RunPipeline(const std::vector<std::string>& inputs, store::Store* store,
                                     const RunOptions& options, core::ProgressSink* progress);

// Ingest + extract only (the `extract` command): calls `sink` in input order with each
// article or error. Articles carry no annotations unless `read` is set; then options.read's
// model must open, else that is the error returned and nothing is extracted. When a page has no
// article text (kEmpty), `page_metadata` points at what the page says about itself (headline,
// authors, dates, site, language; extract/metadata.h), valid during the call; else nullptr.
core::Status ExtractDocuments(const std::vector<std::string>& inputs, const RunOptions& options,
                              bool read,
                              const std::function<void(const core::Result<core::Article>&,
                                                       const core::Article* page_metadata)>& sink);

// Clusters and briefs every stored article in one pass and replaces the stored stories: the
// path for backends without the incremental engine.
core::Status RebuildStories(store::Store* store, const RunOptions& options, size_t* stories);

}  // namespace wirebrief::pipeline
