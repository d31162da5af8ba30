// Ingest throughput. The .warc.gz is built at start-up from the demo pages (data/demo/pages),
// one gzip member per response record as crawlers write them, and read by the real
// DocumentStream (inflate, record parsing, HTTP headers, charset decoding to UTF-8). The
// reference is `zcat` of the same file to /dev/null, timed in the same run: the ratio of the two
// rates is the figure to compare across machines (the goal is >= 0.8x zcat on one core).
// Feed and sitemap parsing are timed on generated documents of 2,000 items / 10,000 URLs.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ingest/ingest.h"

namespace {

namespace fs = std::filesystem;
using wirebrief::ingest::DocumentStream;
using wirebrief::ingest::IngestOptions;

struct Corpus {
  std::string warc_gz;
  size_t warc_gz_bytes = 0;
  size_t records = 0;
  std::string feed;
  std::string sitemap;
};

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const Corpus& GetCorpus() {
  static Corpus corpus = [] {
    Corpus c;
    const char* root = std::getenv("WB_SOURCE_DIR");
    fs::path pages = fs::path(root ? root : ".") / "data/demo/pages";
    std::vector<std::string> html;
    for (auto& e : fs::recursive_directory_iterator(pages))
      if (e.is_regular_file()) html.push_back(Slurp(e.path()));
    if (html.empty()) {
      std::fprintf(stderr, "no pages under %s (set WB_SOURCE_DIR)\n", pages.c_str());
      std::exit(1);
    }
    fs::path dir = fs::temp_directory_path() / ("wb_ingest_bench_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    c.warc_gz = (dir / "demo-x.warc.gz").string();
    std::ofstream out(c.warc_gz, std::ios::binary);
    // ~60 passes over the 46 demo pages: about 40 MB of records, 2,760 responses.
    for (int pass = 0; pass < 60; ++pass) {
      for (size_t i = 0; i < html.size(); ++i) {
        std::string uri = "https://demo.test/p" + std::to_string(pass) + "/" + std::to_string(i);
        std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                           std::to_string(html[i].size()) + "\r\n\r\n" + html[i];
        std::string rec = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(c.records) +
                          ">\r\nWARC-Date: 2026-11-09T10:00:00Z\r\nWARC-Target-URI: " + uri +
                          "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                          std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
        std::string m = Gzip(rec);
        out.write(m.data(), static_cast<std::streamsize>(m.size()));
        c.warc_gz_bytes += m.size();
        ++c.records;
      }
    }
    std::string rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
        "<title>Bench</title><link>https://demo.test/</link>";
    for (int i = 0; i < 2000; ++i)
      rss += "<item><title>Harbour council approves pier repairs, part " + std::to_string(i) +
             "</title><link>https://demo.test/n/" + std::to_string(i) +
             "</link><guid>g" + std::to_string(i) +
             "</guid><pubDate>Mon, 09 Nov 2026 09:30:00 -0600</pubDate><dc:creator>Gene Halvorsen</dc:creator>"
             "<description>Work starts in spring and takes about two years &amp; the port stays open.</description>"
             "</item>";
    rss += "</channel></rss>";
    c.feed = (dir / "bench.rss").string();
    std::ofstream(c.feed, std::ios::binary) << rss;
    std::string sm =
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">";
    for (int i = 0; i < 10000; ++i)
      sm += "<url><loc>https://demo.test/s/" + std::to_string(i) +
            "</loc><news:news><news:publication><news:name>Demo</news:name><news:language>en</news:language>"
            "</news:publication><news:publication_date>2026-11-09T09:30:00+00:00</news:publication_date>"
            "<news:title>Pier repairs approved</news:title></news:news></url>";
    sm += "</urlset>";
    c.sitemap = (dir / "bench-sitemap.xml").string();
    std::ofstream(c.sitemap, std::ios::binary) << sm;
    std::atexit([] { fs::remove_all(fs::temp_directory_path() / ("wb_ingest_bench_" + std::to_string(::getpid()))); });
    return c;
  }();
  return corpus;
}

void BM_Reference_Zcat(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::string cmd = "zcat '" + c.warc_gz + "' > /dev/null";
  for (auto _ : state)
    if (std::system(cmd.c_str()) != 0) state.SkipWithError("zcat failed");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.warc_gz_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.records));
}

void BM_WarcGz_DocumentStream(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  size_t docs = 0, utf8 = 0;
  for (auto _ : state) {
    DocumentStream s({c.warc_gz}, IngestOptions{});
    while (auto r = s.Next()) {
      if (!r->ok()) continue;
      ++docs;
      utf8 += r->value().content.size();
    }
  }
  if (docs != state.iterations() * c.records) state.SkipWithError("records lost");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.warc_gz_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(docs));
  state.counters["utf8_MB_per_pass"] = static_cast<double>(utf8) / state.iterations() / 1e6;
}

void ParseListing(benchmark::State& state, const std::string& path, size_t expect) {
  size_t items = 0;
  for (auto _ : state) {
    DocumentStream s({path}, IngestOptions{});
    while (s.Next()) {
    }
    items += s.references().size();
  }
  if (items != state.iterations() * expect) state.SkipWithError("items lost");
  state.SetItemsProcessed(static_cast<int64_t>(items));
}

void BM_Feed_Rss2000(benchmark::State& state) { ParseListing(state, GetCorpus().feed, 2000); }
void BM_Sitemap_News10000(benchmark::State& state) { ParseListing(state, GetCorpus().sitemap, 10000); }

BENCHMARK(BM_Reference_Zcat)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WarcGz_DocumentStream)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Feed_Rss2000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Sitemap_News10000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Prints the WARC reader's rate as a multiple of zcat's after the table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      auto it = r.counters.find("bytes_per_second");
      if (it != r.counters.end()) rate_[r.benchmark_name()] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    double ref = 0, ours = 0;
    for (auto& [name, v] : rate_) {
      if (name.rfind("BM_Reference_Zcat", 0) == 0) ref = v;
      if (name.rfind("BM_WarcGz_DocumentStream", 0) == 0) ours = v;
    }
    const Corpus& c = GetCorpus();
    std::printf("\nwarc.gz: %zu records, %.1f MB compressed\n", c.records, c.warc_gz_bytes / 1e6);
    if (ref > 0 && ours > 0)
      std::printf("zcat %.1f MB/s, DocumentStream %.1f MB/s (compressed input): ratio %.2f\n", ref / 1e6, ours / 1e6,
                  ours / ref);
  }

 private:
  std::map<std::string, double> rate_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
