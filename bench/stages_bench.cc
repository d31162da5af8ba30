// Per-stage throughput on real pages: the extraction kit's dev pages when ../shared is present,
// else the demo corpus. The reference, measured in the same run, is libxml2 parsing the same
// bytes with no extraction: ratios to it survive this noisy 2-core machine better than seconds.
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cluster/cluster.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "nlp/read.h"

namespace {

namespace fs = std::filesystem;
using namespace wirebrief;

struct Corpus {
  std::vector<core::RawDocument> docs;
  std::vector<core::Article> articles;
  size_t bytes = 0;
  std::string name;
};

const Corpus& GetCorpus() {
  static Corpus corpus = [] {
    Corpus c;
    const char* root = std::getenv("WB_SOURCE_DIR");
    fs::path src = root ? root : ".";
    fs::path kit = src / ".." / "shared" / "bench" / "extraction" / "data" / "dev";
    fs::path dir = fs::exists(kit) ? kit : src / "data" / "demo" / "pages";
    c.name = dir.string();
    std::vector<std::string> inputs{dir.string()};
    ingest::DocumentStream stream(inputs, ingest::IngestOptions{});
    while (auto r = stream.Next()) {
      if (!r->ok() || r->value().kind != core::ContentKind::kHtml) continue;
      c.bytes += r->value().content.size();
      c.docs.push_back(r->value());
    }
    for (const auto& d : c.docs) {
      auto a = extract::ExtractArticle(d, extract::ExtractOptions{});
      if (a.ok()) {
        a->annotations = nlp::ReadArticle(a.value());
        c.articles.push_back(a.value());
      }
    }
    std::fprintf(stderr, "corpus: %s (%zu pages, %zu bytes)\n", c.name.c_str(), c.docs.size(), c.bytes);
    return c;
  }();
  return corpus;
}

void Report(benchmark::State& state, size_t docs, size_t bytes) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_Reference_LibxmlParse(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state)
    for (const auto& d : c.docs) {
      htmlDocPtr doc = htmlReadMemory(d.content.data(), static_cast<int>(d.content.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | HTML_PARSE_COMPACT);
      xmlFreeDoc(doc);
    }
  Report(state, c.docs.size(), c.bytes);
}
BENCHMARK(BM_Reference_LibxmlParse)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state)
    for (const auto& d : c.docs) benchmark::DoNotOptimize(extract::ExtractArticle(d, extract::ExtractOptions{}));
  Report(state, c.docs.size(), c.bytes);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_Read(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  size_t bytes = 0;
  for (const auto& a : c.articles) bytes += a.text.size();
  for (auto _ : state)
    for (const auto& a : c.articles) benchmark::DoNotOptimize(nlp::ReadArticle(a));
  Report(state, c.articles.size(), bytes);
}
BENCHMARK(BM_Read)->Unit(benchmark::kMillisecond);

void BM_Cluster(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<const core::Article*> ptrs;
  size_t bytes = 0;
  for (const auto& a : c.articles) ptrs.push_back(&a), bytes += a.text.size();
  for (auto _ : state) benchmark::DoNotOptimize(cluster::ClusterStories(ptrs, cluster::ClusterOptions{}));
  Report(state, ptrs.size(), bytes);
}
BENCHMARK(BM_Cluster)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
