// Crawl throughput: pages/s that PoliteFetcher gets from the local news web (tests/support) of
// many hosts, at a given server latency, next to the sequential Fetcher (libcurl, one request
// at a time, what DocumentStream uses) on pages of the same web in the same run.
//
//   build/bench/crawl_bench [--sites 50] [--pages 200] [--latency 0,50] [--reference-pages 400]
//
// Both clients: per-host delay 0 (a bench, not a crawl), robots.txt obeyed by PoliteFetcher
// (its 1 request per host is counted in its time). A plain main, not Google Benchmark: one pass
// over 10,000 network requests is the measurement, repetitions would only re-measure it.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/crawl.h"
#include "ingest/fetch.h"
#include "news_web.h"

namespace {

using Clock = std::chrono::steady_clock;
using wirebrief::ingest::CrawlOutcome;

struct Run {
  size_t pages = 0;
  size_t ok = 0;
  double seconds = 0;
  double rate() const { return seconds > 0 ? ok / seconds : 0; }
};

Run Polite(const std::vector<std::string>& urls, size_t parallel_hosts) {
  wirebrief::ingest::CrawlOptions o;
  o.fetch.per_host_delay_ms = 0;
  o.max_parallel_hosts = parallel_hosts;
  wirebrief::ingest::PoliteFetcher fetcher(o);
  std::vector<wirebrief::ingest::CrawlRequest> reqs;
  for (size_t i = 0; i < urls.size(); ++i) reqs.push_back({urls[i], "", "", i});
  Run r;
  r.pages = urls.size();
  auto start = Clock::now();
  fetcher.FetchAll(std::move(reqs), [&](wirebrief::ingest::CrawlResult res) {
    if (res.outcome == CrawlOutcome::kFetched) ++r.ok;
  });
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

Run Sequential(const std::vector<std::string>& urls) {
  wirebrief::ingest::FetchOptions o;
  o.per_host_delay_ms = 0;
  wirebrief::ingest::Fetcher fetcher(o);
  Run r;
  r.pages = urls.size();
  auto start = Clock::now();
  for (const std::string& u : urls) r.ok += fetcher.Fetch(u).ok();
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

std::vector<int> ParseList(const char* s) {
  std::vector<int> out;
  for (const char* p = s; *p;) {
    out.push_back(std::atoi(p));
    while (*p && *p != ',') ++p;
    if (*p == ',') ++p;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t sites = 50, pages = 200, reference_pages = 400;
  std::vector<int> latencies = {0, 50};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--sites")
      sites = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--pages")
      pages = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--latency")
      latencies = ParseList(argv[i + 1]);
    else if (flag == "--reference-pages")
      reference_pages = std::strtoul(argv[i + 1], nullptr, 10);
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  wirebrief::testing::NewsWeb web(
      {.sites = sites, .articles_per_site = pages, .latency_ms = 0, .server_threads = 2});
  if (!web.ok()) {
    std::fprintf(stderr, "crawl_bench: could not start the news web\n");
    return 1;
  }
  std::vector<std::string> all;
  for (size_t s = 0; s < sites; ++s)
    for (const std::string& u : web.ArticleUrls(s)) all.push_back(u);
  // The reference takes pages from every host in turn, as a crawl would.
  std::vector<std::string> sample;
  for (size_t i = 0; i < all.size() && sample.size() < reference_pages; ++i)
    sample.push_back(all[(i % sites) * pages + i / sites]);

  std::printf("news web: %zu hosts x %zu pages = %zu pages on 127.0.0.1\n", sites, pages,
              all.size());
  std::printf("%-10s %-38s %8s %9s %10s %8s\n", "latency", "client", "pages", "seconds", "pages/s",
              "ratio");
  for (int latency : latencies) {
    web.SetLatency(latency);
    Run ref = Sequential(std::vector<std::string>(
        sample.begin(), sample.begin() + std::min(sample.size(), latency > 0 ? reference_pages / 2
                                                                             : reference_pages)));
    auto row = [&](const char* name, const Run& r) {
      std::printf("%-10s %-38s %8zu %9.2f %10.1f %8.2f\n",
                  (std::to_string(latency) + " ms").c_str(), name, r.ok, r.seconds, r.rate(),
                  ref.rate() > 0 ? r.rate() / ref.rate() : 0);
      if (r.ok != r.pages) std::printf("  (%zu of %zu failed)\n", r.pages - r.ok, r.pages);
    };
    row("reference: sequential Fetcher", ref);
    row("PoliteFetcher, 8 hosts at once", Polite(all, 8));
    row("PoliteFetcher, 50 hosts at once", Polite(all, 50));
    std::fflush(stdout);
  }
  return 0;
}
