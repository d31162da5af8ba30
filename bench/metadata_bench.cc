// What metadata costs inside extraction (issue 6: at most 15% on top of extraction time).
// Corpus: the extraction kit's dev and readability pages when ../shared is present, else
// tests/fixtures/metadata. Metadata is read during the body walker's pass over the DOM (one walk
// for both), so it cannot be timed on its own; each page is extracted twice per iteration, in
// alternating order: ExtractArticle (parse, body, metadata, language), and the same HTML path with
// metadata off (parse, body, captions, wire; the identity hash, as ExtractArticle computes it).
// "metadata_share" = (with - without) / without, in thread CPU time, both sides measured in the
// same run so the noisy shared machine affects them alike.
#include <benchmark/benchmark.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace {

namespace fs = std::filesystem;
using namespace wirebrief;

// Thread CPU time: the machine is shared, and wall time would charge other processes' load to
// whichever side happened to be running.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Page {
  core::RawDocument doc;
};

std::vector<Page>& Corpus() {
  static std::vector<Page> pages = [] {
    std::vector<Page> out;
    const char* root = std::getenv("WB_SOURCE_DIR");
    fs::path src = root ? root : ".";
    fs::path kit = src / ".." / "shared" / "bench" / "extraction" / "data";
    std::vector<std::string> inputs;
    if (fs::exists(kit / "dev")) {
      inputs = {(kit / "dev").string(), (kit / "readability").string()};
    } else {
      inputs = {(src / "tests" / "fixtures" / "metadata").string()};
    }
    ingest::DocumentStream stream(inputs, ingest::IngestOptions{});
    while (auto r = stream.Next()) {
      if (!r->ok() || r->value().kind != core::ContentKind::kHtml) continue;
      // The readability folders also hold Readability.js's output (expected.html).
      if (r->value().provenance.source.find("expected.html") != std::string::npos) continue;
      Page p;
      p.doc = std::move(r->value());
      // Pages without an article stop before most of extraction's work: not comparable.
      if (extract::ExtractArticle(p.doc, extract::ExtractOptions{}).ok())
        out.push_back(std::move(p));
    }
    return out;
  }();
  return pages;
}

// Extraction without metadata: the HTML reader with metadata off, plus the identity hash that
// ExtractArticle's finishing step computes for every article.
double TextOnlySeconds(const Page& p) {
  double t0 = ThreadSeconds();
  core::Article a;
  a.provenance = p.doc.provenance;
  core::Status s = extract::detail::ExtractFromHtml(p.doc, extract::ExtractOptions{}, &a,
                                                    /*facts=*/nullptr);
  benchmark::DoNotOptimize(s);
  benchmark::DoNotOptimize(core::HashHex128(extract::detail::CollapseSpace(a.text)));
  return ThreadSeconds() - t0;
}

double FullSeconds(const Page& p) {
  double t0 = ThreadSeconds();
  auto a = extract::ExtractArticle(p.doc, extract::ExtractOptions{});
  benchmark::DoNotOptimize(a);
  return ThreadSeconds() - t0;
}

void BM_MetadataShareOfExtraction(benchmark::State& state) {
  auto& pages = Corpus();
  if (pages.empty()) {
    state.SkipWithError("no pages found (set WB_SOURCE_DIR to the repository root)");
    return;
  }
  double full_s = 0, text_s = 0;
  size_t bytes = 0, round = 0;
  for (auto _ : state) {
    for (const Page& p : pages) {
      // Alternating which goes first cancels what one run leaves in caches for the other.
      if (++round % 2) {
        full_s += FullSeconds(p);
        text_s += TextOnlySeconds(p);
      } else {
        text_s += TextOnlySeconds(p);
        full_s += FullSeconds(p);
      }
      bytes += p.doc.content.size();
    }
  }
  double docs = static_cast<double>(pages.size() * state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages"] = static_cast<double>(pages.size());
  state.counters["extract_docs_per_s"] = docs / full_s;
  state.counters["text_only_docs_per_s"] = docs / text_s;
  state.counters["metadata_share"] = (full_s - text_s) / text_s;
}
BENCHMARK(BM_MetadataShareOfExtraction)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
