#include "pipeline/pipeline.h"

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/thread_pool.h"
#include "extract/metadata.h"
#include "ingest/ingest.h"
#include "nlp/read.h"
#include "ingest/listing.h"
#include "ingest/url.h"
#include "pipeline/detail/extracted.h"
#include "pipeline/detail/item_pages.h"
#include "pipeline/detail/items.h"
#include "pipeline/process.h"
#include "pipeline/watch.h"

namespace wirebrief::pipeline {

using detail::ForEachExtracted;
using detail::NextDocument;

// Ingest and the sink stay on the calling thread (readers are sequential by nature, and the
// sink writes the store, which is used by one thread), but they overlap the pool's work: while
// the pool extracts batch k, the calling thread hands batch k-1 to the sink and reads batch
// k+1. In turn (read, extract, then store) the pool sat idle through every read and store.
void detail::ForEachExtracted(
    const RunOptions& options, const nlp::Reader* reader, core::ProgressSink* progress,
    const NextDocument& next_document,
    const std::function<void(const core::Result<core::Article>&, bool from_ingest,
                             const core::Article* page_metadata)>& sink,
    bool metadata_on_empty) {
  core::ThreadPool pool(options.jobs);
  extract::ExtractOptions xo = options.extract;
  xo.limits = options.limits;
  struct Batch {
    std::vector<std::optional<core::Result<core::RawDocument>>> documents;
    std::vector<std::optional<core::Result<core::Article>>> results;
    std::vector<std::optional<core::Article>> page_metadata;
  };
  bool done = false;
  auto fill = [&](Batch* b) {
    b->documents.clear();
    while (!done && b->documents.size() < std::max<size_t>(1, options.batch_size)) {
      auto next = next_document();
      if (!next) {
        done = true;
        break;
      }
      b->documents.push_back(std::move(next));
    }
    b->results.assign(b->documents.size(), std::nullopt);
    b->page_metadata.assign(b->documents.size(), std::nullopt);
  };
  auto extract_one = [&](Batch* b, size_t i) {
    const auto& in = *b->documents[i];
    if (!in.ok()) return;
    core::Result<core::Article> a = extract::ExtractArticle(in.value(), xo);
    if (a.ok() && reader) a->annotations = reader->Read(a.value());
    // A text file with no news in it still has its text to show (`extract` on a poem).
    if (!a.ok() && metadata_on_empty && a.status().code() == core::StatusCode::kEmpty)
      if (auto m = in.value().kind == core::ContentKind::kText
                       ? extract::PlainTextOf(in.value(), xo)
                       : extract::ExtractPageMetadata(in.value(), xo);
          m.ok())
        b->page_metadata[i].emplace(std::move(m.value()));
    b->results[i].emplace(std::move(a));
    if (progress) progress->Advance(1);
  };
  auto start = [&](Batch* b) {
    for (size_t i = 0; i < b->documents.size(); ++i) pool.Submit([&extract_one, b, i] { extract_one(b, i); });
  };
  auto drain = [&](Batch* b) {
    for (size_t i = 0; i < b->documents.size(); ++i) {
      if (!b->documents[i]->ok()) {
        sink(core::Result<core::Article>(b->documents[i]->status()), true, nullptr);
        if (progress) progress->Advance(1);
      } else {
        sink(*b->results[i], false, b->page_metadata[i] ? &*b->page_metadata[i] : nullptr);
      }
    }
  };
  Batch batches[2];
  Batch* current = &batches[0];
  Batch* following = &batches[1];
  fill(current);
  start(current);
  while (!current->documents.empty()) {
    fill(following);  // overlaps the extraction of `current`
    pool.Wait();
    start(following);
    drain(current);   // overlaps the extraction of `following`
    std::swap(current, following);
  }
  pool.Wait();
}

core::Status ExtractDocuments(const std::vector<std::string>& inputs, const RunOptions& options,
                              bool read,
                              const std::function<void(const core::Result<core::Article>&,
                                                       const core::Article* page_metadata)>& sink) {
  std::optional<nlp::Reader> reader;
  if (read) {
    core::Result<nlp::Reader> opened = nlp::OpenReader(options.read);
    if (!opened.ok()) return opened.status();
    reader.emplace(std::move(opened).value());
  }
  ingest::IngestOptions io;
  io.limits = options.limits;
  // Nothing here reads the stream's references: discovering a page's feeds would parse every
  // page that links one a second time, on the thread that feeds the workers (17% of an
  // `extract` run over the extraction kit's pages, perf).
  io.discover_feeds = false;
  ingest::DocumentStream stream(inputs, io);
  ForEachExtracted(
      options, reader ? &*reader : nullptr, nullptr, [&stream] { return stream.Next(); },
      [&](const core::Result<core::Article>& a, bool, const core::Article* page_metadata) {
        sink(a, page_metadata);
      },
      /*metadata_on_empty=*/true);
  return core::Status::Ok();
}

core::Status RebuildStories(store::Store* store, const RunOptions& options, size_t* story_count) {
  core::Result<std::vector<core::Article>> articles = store->LoadArticles();
  if (!articles.ok()) return articles.status();
  std::vector<const core::Article*> ptrs;
  std::map<std::string, const core::Article*> by_id;
  for (const auto& a : articles.value()) {
    ptrs.push_back(&a);
    by_id[a.id] = &a;
  }
  std::vector<cluster::StoryGroup> groups = cluster::ClusterStories(ptrs, options.cluster);
  // A story keeps its brief version while its articles stay the same and moves one up when it
  // changed. Its earlier self is the stored story sharing most of its articles (the id follows
  // the earliest article, so it changes when an earlier report arrives).
  std::map<std::string, std::pair<size_t, int>> version_of_article;  // article -> (story, version)
  std::vector<std::vector<std::string>> previous_ids;
  if (auto stored = store->LoadStories(); stored.ok())
    for (const auto& r : stored.value()) {
      for (const auto& id : r.story.article_ids)
        version_of_article[id] = {previous_ids.size(), r.brief.version};
      previous_ids.push_back(r.story.article_ids);
    }
  std::vector<store::StoryRecord> records(groups.size());
  core::ThreadPool pool(options.jobs);
  core::ParallelFor(pool, groups.size(), [&](size_t i) {
    std::vector<const core::Article*> members;
    for (const auto& id : groups[i].story.article_ids) members.push_back(by_id.at(id));
    records[i].story = groups[i].story;
    records[i].brief = brief::BuildBrief(groups[i], members, options.brief);
    std::map<size_t, size_t> shared;
    int version = 0;
    size_t best = SIZE_MAX;
    for (const auto& id : groups[i].story.article_ids)
      if (auto it = version_of_article.find(id); it != version_of_article.end())
        if (++shared[it->second.first] > (best == SIZE_MAX ? 0 : shared[best]))
          best = it->second.first, version = it->second.second;
    if (best != SIZE_MAX)
      records[i].brief.version =
          version + (previous_ids[best] != groups[i].story.article_ids ? 1 : 0);
    records[i].brief.story_attachments = groups[i].story.attachments;  // persisted with the brief
    for (const auto& f : groups[i].families) records[i].copy_families.push_back(f.article_ids);
  });
  *story_count = records.size();
  return store->ReplaceStories(records);
}

namespace {

// Extract -> read -> store over `next`, then the story update; RunPipeline and RunDocuments.
core::Result<RunSummary> StoreAndCluster(const NextDocument& next, store::Store* store,
                                         const RunOptions& options, core::ProgressSink* progress,
                                         RunSummary sum,
                                         const std::function<void(RunSummary*)>& after_ingest) {
  auto start = std::chrono::steady_clock::now();
  core::NullProgress quiet;
  if (!progress) progress = &quiet;
  progress->Begin("reading", 0);
  core::Result<nlp::Reader> reader = nlp::OpenReader(options.read);
  if (!reader.ok()) return reader.status();
  core::Status store_error;
  ForEachExtracted(options, &reader.value(), progress, next,
                   [&](const core::Result<core::Article>& a, bool from_ingest, const core::Article*) {
                     if (!from_ingest) ++sum.documents_read;
                     if (!a.ok()) {
                       ++sum.documents_failed;
                       sum.errors.push_back(a.status());
                       return;
                     }
                     if (!store_error.ok()) return;
                     bool inserted = false;
                     core::Status s = store->PutArticle(a.value(), &inserted);
                     if (!s.ok()) {
                       store_error = s;
                       return;
                     }
                     ++(inserted ? sum.articles_new : sum.articles_known);
                     if (inserted && a->headline_only) ++sum.headlines;
                   });
  progress->End();
  if (!store_error.ok()) return store_error;
  if (after_ingest) after_ingest(&sum);

  progress->Begin("clustering", 0);
  StoriesSummary stories;
  WB_RETURN_IF_ERROR(UpdateStories(store, options, &stories));
  progress->End();
  sum.reclustered = stories.rebuilt || stories.articles_clustered > 0 || stories.articles_upgraded > 0;
  sum.stories_new = stories.stories_new;
  sum.stories_updated = stories.stories_updated;
  sum.stories_merged = stories.stories_merged;
  sum.articles_upgraded = stories.articles_upgraded;
  sum.articles_late = stories.articles_late;
  sum.alerts = stories.alerts;
  for (auto& w : stories.warnings) sum.warnings.push_back(std::move(w));
  // Webhooks of this update's events, and retries that have come due; a receiver that fails
  // is counted and retried later, never a failure of the run.
  core::Result<DeliverySummary> delivered =
      DeliverWebhooks(store, options.delivery, std::time(nullptr));
  if (!delivered.ok()) return delivered.status();
  sum.webhooks_delivered = delivered->delivered;
  sum.webhooks_failed = delivered->retrying + delivered->failed;
  for (const auto& e : delivered->errors) sum.warnings.push_back("webhook: " + e.ToString());
  core::Result<store::StoreCounts> counts = store->Counts();
  if (!counts.ok()) return counts.status();
  sum.stories = static_cast<size_t>(counts->stories);
  sum.briefs = static_cast<size_t>(counts->briefs);
  sum.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sum;
}

}  // namespace

std::optional<core::RawDocument> detail::HeadlineOf(const ingest::Reference& ref) {
  if (ref.kind != "feed_item" && ref.kind != "sitemap_url") return std::nullopt;
  auto title = ref.hints.find("title");
  if (title == ref.hints.end() || title->second.empty()) return std::nullopt;
  core::RawDocument doc;
  doc.kind = core::ContentKind::kHeadline;
  doc.url = ref.url;
  // Named by its normalised link, as a watch round or `run --follow` names its page later.
  if (std::string url = ingest::NormalizeUrl(ref.url); !url.empty()) doc.hints["identity_url"] = url;
  for (const char* key : {"title", "description", "date_published", "author", "site_name", "language"})
    if (auto it = ref.hints.find(key); it != ref.hints.end()) doc.hints[key] = it->second;
  auto record = ref.hints.find("record");
  doc.provenance = {ref.listed_in, ref.kind == "feed_item" ? "feed" : "sitemap", 0, 0,
                    record == ref.hints.end() ? ref.url : record->second, "", 0};
  return doc;
}

core::Result<RunSummary> RunPipeline(const std::vector<std::string>& all_inputs, store::Store* store,
                                     const RunOptions& options, core::ProgressSink* progress) {
  // What `wirebrief process` wrote (the reduce of a distributed run) is stored as it is, first,
  // so the story update below covers it with the rest.
  std::vector<std::string> inputs, article_files;
  for (const auto& in : all_inputs) (IsArticleFile(in) ? article_files : inputs).push_back(in);
  RunSummary processed;
  if (!article_files.empty()) {
    auto start = std::chrono::steady_clock::now();
    WB_RETURN_IF_ERROR(StoreArticleFiles(article_files, store, options.jobs, progress, &processed));
    processed.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  ingest::IngestOptions io;
  io.limits = options.limits;
  ingest::DocumentStream stream(inputs, io);
  // Documents first, then what feed and sitemap items lead to: with `follow`, their pages
  // (fetched as a watch round would, headlines for what cannot be had); else their headline
  // articles (an item whose page was also given is the same article id: already stored).
  std::vector<ingest::Reference> refs;
  size_t next_ref = 0;
  bool stream_done = false;
  std::vector<core::RawDocument> followed;
  size_t next_followed = 0;
  detail::ItemPages pages;
  core::Status follow_error;
  NextDocument next = [&]() -> std::optional<core::Result<core::RawDocument>> {
    if (!stream_done) {
      if (auto d = stream.Next()) return d;
      stream_done = true;
      refs = stream.TakeReferences();
      if (options.follow) {
        std::vector<detail::ListedItem> items;
        std::set<std::string> seen;
        for (const auto& r : refs) {
          if (r.kind != "feed_item" && r.kind != "sitemap_url") continue;
          std::string url = ingest::NormalizeUrl(r.url);
          if (url.empty() || !seen.insert(url).second) continue;
          items.push_back({r, url, nullptr});
        }
        ingest::PoliteFetcher fetcher(options.crawl);
        WatchOptions wo;
        wo.run = options;
        wo.max_pages_per_round = SIZE_MAX;
        auto got = detail::FetchItemPages(items, store, &fetcher, wo, std::time(nullptr), nullptr,
                                          nullptr);
        if (!got.ok()) {
          follow_error = got.status();
        } else {
          pages = std::move(got).value();
          followed = std::move(pages.documents);
        }
      }
    }
    std::optional<core::Result<core::RawDocument>> out;
    if (options.follow) {
      if (next_followed < followed.size()) out.emplace(std::move(followed[next_followed++]));
      return out;
    }
    while (next_ref < refs.size() && !out)
      if (auto h = detail::HeadlineOf(refs[next_ref++])) out.emplace(std::move(*h));
    return out;
  };
  auto sum = StoreAndCluster(next, store, options, progress, std::move(processed), [&](RunSummary* s) {
    // Only URLs an input listed to be followed count: feeds a page's <link rel=alternate>
    // names are leads, and a folder of plain articles has nothing left unfetched (issue 29).
    for (const auto& r : refs) {
      if (r.kind == "feed") continue;
      if (options.follow ? r.kind == "sitemap" : !detail::HeadlineOf(r)) ++s->references;
    }
    s->skipped_files = stream.skipped();
    s->skipped = s->skipped_files.size();
  });
  if (!follow_error.ok()) return follow_error;
  if (!sum.ok() || !options.follow) return sum;
  // Every followed document was stored (a run is not stopped part way): every state holds.
  WB_RETURN_IF_ERROR(store->PutPageStates(pages.states));
  sum->pages_fetched = pages.fetched;
  sum->pages_failed = pages.failed + pages.blocked;
  for (auto& e : pages.errors) {
    sum->errors.push_back(std::move(e));
    ++sum->documents_failed;
  }
  return sum;
}

core::Result<RunSummary> RunUrls(const std::vector<std::string>& urls, store::Store* store,
                                 const RunOptions& options, core::ProgressSink* progress) {
  std::vector<ingest::CrawlRequest> requests;
  for (const auto& u : urls) {
    std::string url = ingest::NormalizeUrl(u);
    if (url.empty())
      return core::Status::InvalidArgument(u.substr(0, 200), "not an http(s) URL");
    requests.push_back({url, "", "", requests.size()});
  }
  ingest::PoliteFetcher fetcher(options.crawl);
  ingest::IngestOptions io;
  io.limits = options.limits;
  std::vector<core::RawDocument> docs;
  std::vector<core::Status> failures;
  for (ingest::CrawlResult& r : detail::FetchInOrder(&fetcher, std::move(requests), nullptr, nullptr)) {
    if (r.outcome != ingest::CrawlOutcome::kFetched) {
      failures.push_back(r.error.ok() ? core::Status::IOError(r.request.url, "not fetched") : r.error);
      continue;
    }
    auto doc = ingest::DocumentFromPage(r.page, io);
    if (!doc.ok()) {
      failures.push_back(doc.status());
      continue;
    }
    doc->hints["identity_url"] = r.request.url;
    docs.push_back(std::move(doc).value());
  }
  auto sum = RunDocuments(std::move(docs), store, options, progress);
  if (!sum.ok()) return sum;
  sum->documents_read += failures.size();
  sum->documents_failed += failures.size();
  for (auto& f : failures) sum->errors.push_back(std::move(f));
  return sum;
}

core::Result<RunSummary> RunDocumentStream(
    const std::function<std::optional<core::RawDocument>()>& next_document, store::Store* store,
    const RunOptions& options, core::ProgressSink* progress, const std::atomic<bool>* stop) {
  NextDocument next = [&]() -> std::optional<core::Result<core::RawDocument>> {
    std::optional<core::Result<core::RawDocument>> out;
    if (stop && stop->load()) return out;
    if (auto d = next_document()) out.emplace(std::move(*d));
    return out;
  };
  return StoreAndCluster(next, store, options, progress, RunSummary{}, nullptr);
}

core::Result<RunSummary> RunDocuments(std::vector<core::RawDocument> documents, store::Store* store,
                                      const RunOptions& options, core::ProgressSink* progress,
                                      const std::atomic<bool>* stop) {
  size_t i = 0;
  return RunDocumentStream(
      [&]() -> std::optional<core::RawDocument> {
        if (i >= documents.size()) return std::nullopt;
        return std::move(documents[i++]);
      },
      store, options, progress, stop);
}

core::Status Recluster(store::Store* store, const RunOptions& options, StoriesSummary* summary) {
  store::StoryUpdate reset;  // empty state, watermark 0: the next update starts over
  WB_RETURN_IF_ERROR(store->CommitStoryUpdate(reset));
  return UpdateStories(store, options, summary);
}

}  // namespace wirebrief::pipeline
