// `watch` end to end: pages/s fetched AND processed (extract, read, store, stories) by one round
// over a loopback news web of many outlets, at 0 ms and at 50 ms of server latency; and the CPU
// time of a round in which nothing changed, over 1,000 sources.
//
//   build/bench/watch_bench [--sites 50] [--pages 200] [--latency 0,50] [--sources 1000] [-j 2]
//
// The news web (tests/support/news_web.h) runs in a child process, so the CPU time measured
// (getrusage of this process) is the client's alone. Per-host delay 0 (a bench, not a crawl:
// with the default 1 s, 200 pages of one outlet take 200 s whatever the code does); robots.txt
// is obeyed. Reference in the same run: RunDocuments on the same pages already in memory (what
// processing alone costs), so the ratio says how much fetching adds.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ingest/crawl.h"
#include "ingest/listing.h"
#include "news_web.h"
#include "pipeline/watch.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace wb = wirebrief;

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Varied fictional news: event k (of `events`) is covered by several outlets, each with its own
// wording; names, places and figures differ per event, so stories stay the size real ones are
// (a web of a few templates would make every page a copy of every other and measure briefs of
// 2,000-article stories instead of a round).
wb::testing::NewsArticleSpec Article(size_t site, size_t i, size_t events) {
  static const char* const kFirst[] = {"Ana", "Tomas", "Ilse", "Rafael", "Noor", "Dmitri", "Keiko",
                                       "Oren", "Lucia", "Baltazar", "Maren", "Sefa"};
  static const char* const kLast[] = {"Varga", "Okafor", "Lindqvist", "Moreau", "Castellan",
                                      "Haddad", "Brennick", "Sato", "Quill", "Ferrow", "Adeyemi"};
  static const char* const kPlace[] = {"Harlow", "Castlebay", "Dunmore", "Vessel Creek", "Ostrava Vale",
                                       "Port Ellery", "Marrick", "Saltmarsh", "Kellsworth", "Brannock",
                                       "Wendale", "Gullrock", "Tarrow", "Emberly", "Lowmarsh"};
  static const char* const kWhat[] = {"flood barrier", "rail strike", "hospital wing", "wind farm",
                                      "port expansion", "school closure", "bridge repair", "water tariff",
                                      "bus contract", "housing plan", "fire station", "ferry route"};
  static const char* const kVerb[] = {"approved", "halted", "delayed", "funded", "rejected", "opened"};
  size_t e = (i * 7 + site * 13) % events;
  // Words of this event alone (made-up names of firms, streets, projects), so events differ as
  // real ones do and the shared sentence frames weigh little.
  static const char* const kSyllable[] = {"ka", "lo", "ven", "tri", "mar", "sel", "dun", "or", "bel",
                                          "quin", "zar", "ost", "ri", "pel", "hav", "em"};
  auto word = [&](size_t k) {
    size_t h = (e + 1) * 2654435761u + k * 40503u;
    std::string w;
    for (int n = 0; n < 3; ++n, h /= 16) w += kSyllable[h % 16];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  std::string who = std::string(kFirst[e % 12]) + " " + kLast[(e / 12) % 11];
  std::string where = kPlace[(e / 3) % 15];
  std::string what = kWhat[(e / 5) % 12];
  std::string verb = kVerb[e % 6];
  std::string n = std::to_string(100 + (e * 37) % 9000);
  std::string firm = word(1) + " " + word(2), project = word(3), street = word(4) + " Road";
  wb::testing::NewsArticleSpec a;
  a.slug = "e" + std::to_string(e) + "-s" + std::to_string(site) + "-" + std::to_string(i);
  a.title = where + " " + verb + " " + project + " " + what + " with " + firm;
  // Outlets word it differently: the paragraphs rotate per site.
  std::vector<std::string> p = {
      "The " + where + " council " + verb + " the " + project + " " + what + " on " + street +
          ", a " + n + " million contract with " + firm + " that " + who + " called overdue.",
      "\"We have waited " + std::to_string(3 + e % 9) + " years for " + project + ",\" " + who +
          " said, adding that " + firm + " would start work on " + street + " next spring.",
      "Opponents said the " + n + " million could have gone elsewhere, and " +
          std::to_string(200 + e % 700) + " residents near " + street + " signed a petition "
          "asking " + word(5) + " county to review the " + project + " deal.",
      "The " + word(6) + " regional authority must still confirm " + project + " before " + firm +
          " can sign, officials in " + where + " said."};
  std::rotate(p.begin(), p.begin() + static_cast<long>(site % p.size()), p.end());
  a.paragraphs = std::move(p);
  return a;
}

// A news web in a child process; the origins ("http://127.0.0.1:PORT") come back over a pipe.
struct ChildWeb {
  pid_t pid = -1;
  std::vector<std::string> origins;
  ChildWeb(size_t sites, size_t pages, int latency_ms) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid = fork();
    if (pid == 0) {
      close(fds[0]);
      wb::testing::NewsWeb web({.sites = sites, .articles_per_site = 0, .latency_ms = latency_ms,
                                .server_threads = 2});
      const size_t events = std::max<size_t>(1, sites * pages / 5);  // ~5 outlets per event
      for (size_t i = 0; web.ok() && i < pages; ++i)
        for (size_t site = 0; site < sites; ++site) web.AddArticle(site, Article(site, i, events));
      std::string out;
      for (size_t i = 0; web.ok() && i < sites; ++i) out += web.Url(i, "") + "\n";
      out += "\n";
      if (write(fds[1], out.data(), out.size()) < 0) _exit(1);
      close(fds[1]);
      pause();  // until the parent's SIGTERM
      _exit(0);
    }
    close(fds[1]);
    std::string got;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    size_t at = 0;
    while (at < got.size()) {
      size_t nl = got.find('\n', at);
      if (nl == std::string::npos || nl == at) break;
      origins.push_back(got.substr(at, nl - at));
      at = nl + 1;
    }
  }
  ~ChildWeb() {
    if (pid > 0) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
  }
};

std::unique_ptr<wb::store::Store> FreshStore(const std::string& path) {
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  return std::move(wb::store::OpenStore(path)).value();
}

std::vector<size_t> ParseList(const char* s) {
  std::vector<size_t> out;
  for (const char* p = s; *p;) {
    out.push_back(std::strtoul(p, const_cast<char**>(&p), 10));
    if (*p == ',') ++p;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t sites = 50, pages = 200, sources = 1000, jobs = 2;
  std::vector<size_t> latencies = {0, 50};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--sites") sites = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--pages") pages = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--sources") sources = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "-j") jobs = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--latency") latencies = ParseList(argv[i + 1]);
  }
  const std::string db = (std::filesystem::temp_directory_path() / "wb-watch-bench.db").string();
  wb::pipeline::WatchOptions o;
  o.run.jobs = jobs;
  o.run.crawl.fetch.per_host_delay_ms = 0;
  o.run.crawl.max_parallel_hosts = sites;
  o.max_pages_per_round = SIZE_MAX;
  o.poll_all = true;
  std::printf("watch bench: %zu outlets x %zu pages, -j %zu, per-host delay 0 ms\n", sites, pages, jobs);

  for (size_t latency : latencies) {
    ChildWeb web(sites, pages, static_cast<int>(latency));
    if (web.origins.size() != sites) {
      std::fprintf(stderr, "could not start the news web\n");
      return 1;
    }
    // The round: every outlet's links-only feed, then every page.
    auto store = FreshStore(db);
    std::vector<std::string> feeds;
    for (const auto& origin : web.origins) feeds.push_back(origin + "/feed.xml");
    size_t added = 0;
    (void)wb::pipeline::AddSources(store.get(), feeds, &added);
    wb::ingest::PoliteFetcher fetcher(o.run.crawl);
    double cpu0 = CpuSeconds();
    auto t0 = Clock::now();
    auto round = wb::pipeline::WatchRound(store.get(), &fetcher, o, std::time(nullptr), nullptr);
    double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    double cpu = CpuSeconds() - cpu0;
    if (!round.ok()) {
      std::fprintf(stderr, "%s\n", round.status().ToString().c_str());
      return 1;
    }
    // Reference: the same pages, fetched beforehand, processed by RunDocuments into a new store.
    auto ref_store = FreshStore(db + ".ref");
    std::vector<wb::core::RawDocument> docs;
    {
      wb::ingest::PoliteFetcher f2(o.run.crawl);
      // The same page URLs, listed by the same feeds.
      std::vector<wb::ingest::CrawlRequest> feed_reqs;
      for (size_t i = 0; i < feeds.size(); ++i) feed_reqs.push_back({feeds[i], "", "", i});
      std::vector<wb::ingest::CrawlRequest> page_reqs;
      f2.FetchAll(feed_reqs, [&](wb::ingest::CrawlResult r) {
        auto l = wb::ingest::ReadListing(r.page, {});
        if (l.ok())
          for (const auto& it : l->items) page_reqs.push_back({it.url, "", "", page_reqs.size()});
      });
      std::mutex mu;
      f2.FetchAll(page_reqs, [&](wb::ingest::CrawlResult r) {
        auto d = wb::ingest::DocumentFromPage(r.page, {});
        std::lock_guard<std::mutex> lock(mu);
        if (d.ok()) docs.push_back(std::move(d).value());
      });
    }
    size_t n = docs.size();
    double rcpu0 = CpuSeconds();
    auto r0 = Clock::now();
    auto ref = wb::pipeline::RunDocuments(std::move(docs), ref_store.get(), o.run, nullptr);
    double ref_wall = std::chrono::duration<double>(Clock::now() - r0).count();
    double ref_cpu = CpuSeconds() - rcpu0;
    const auto& s = round.value();
    std::printf(
        "latency %3zu ms: round fetched %zu pages, stored %zu articles, %zu stories new: %.1f s "
        "wall, %.1f s CPU -> %.0f pages/s fetched+processed; reference (processing only, same "
        "%zu pages): %.1f s wall, %.1f s CPU -> %.0f pages/s; ratio %.2f\n",
        latency, s.pages_fetched, s.articles_new, s.stories_new, wall, cpu, s.pages_fetched / wall,
        n, ref_wall, ref_cpu, ref.ok() ? n / ref_wall : 0.0, (s.pages_fetched / wall) / (n / ref_wall));
    std::fflush(stdout);
  }

  // A round in which nothing changed: `sources` feeds (query variants of each outlet's feed,
  // distinct sources that each answer 304), every one polled.
  {
    ChildWeb web(sites, 5, 0);
    auto store = FreshStore(db);
    std::vector<std::string> feeds;
    for (size_t k = 0; feeds.size() < sources; ++k)
      for (size_t i = 0; i < web.origins.size() && feeds.size() < sources; ++i)
        feeds.push_back(web.origins[i] + "/feed.xml?edition=" + std::to_string(k));
    size_t added = 0;
    (void)wb::pipeline::AddSources(store.get(), feeds, &added);
    wb::ingest::PoliteFetcher fetcher(o.run.crawl);
    auto first = wb::pipeline::WatchRound(store.get(), &fetcher, o, std::time(nullptr), nullptr);
    if (!first.ok()) return 1;
    double cpu0 = CpuSeconds();
    auto t0 = Clock::now();
    auto again = wb::pipeline::WatchRound(store.get(), &fetcher, o, std::time(nullptr) + 60, nullptr);
    double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    double cpu = CpuSeconds() - cpu0;
    if (!again.ok()) return 1;
    // Reference in the same run: the same number of plain GETs of a tiny static file (robots.txt),
    // sequentially with libcurl: the floor of what asking 1,000 URLs costs this machine.
    wb::ingest::FetchOptions fo;
    fo.per_host_delay_ms = 0;
    wb::ingest::Fetcher plain(fo);
    double pcpu0 = CpuSeconds();
    for (size_t i = 0; i < sources; ++i) (void)plain.Fetch(web.origins[i % web.origins.size()] + "/robots.txt");
    double plain_cpu = CpuSeconds() - pcpu0;
    std::printf(
        "no-change round over %zu sources: polled %zu, unchanged %zu, pages fetched %zu: %.2f s "
        "wall, %.3f s CPU; reference (%zu plain sequential GETs): %.3f s CPU; ratio %.2f\n",
        sources, again->sources_polled, again->sources_unchanged, again->pages_fetched, wall, cpu,
        sources, plain_cpu, cpu / plain_cpu);
  }
  for (const char* ext : {"", "-wal", "-shm", ".ref", ".ref-wal", ".ref-shm"})
    std::filesystem::remove(db + ext);
  return 0;
}
