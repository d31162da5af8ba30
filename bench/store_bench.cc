// Store backends side by side: ingest rate (PutArticle, one writer and two concurrent writers,
// each with its own connection as two `wirebrief run` processes would) and story-list latency
// on a store of kLargeArticles articles. SQLite runs first and is the reference: PostgreSQL rows
// print vs_sqlite (> 1 = faster than SQLite in this run).
// PostgreSQL: WB_BENCH_PG_URL = an admin URL ending in /postgres (scripts/pg-test-server.sh start
// STATE writes one); without it only SQLite runs. Articles are generated (fictional words).
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "store/search_query.h"
#include "store/store.h"

namespace {

using wirebrief::core::Article;
namespace store = wirebrief::store;

constexpr int kLargeArticles = 100000;
constexpr int kIngestArticles = 4000;
constexpr int kStorySize = 5;

const char* const kWords[] = {"harbour",  "council", "vote",     "storm",   "levee",    "budget",
                              "ferry",    "strike",  "bridge",   "quake",   "wildfire", "tariff",
                              "minister", "port",    "rescue",   "village", "river",    "market",
                              "school",   "road",    "hospital", "court",   "mayor",    "coast"};
const char* const kOutlets[] = {"Metro Signal", "The Coastal Ledger", "Meridian Post",
                                "Ridgeway Tribune"};

Article MakeArticle(int i) {
  std::mt19937 rng(static_cast<uint32_t>(i));
  Article a;
  char id[17];
  std::snprintf(id, sizeof id, "%016x", static_cast<unsigned>(i) * 2654435761u);
  a.id = std::string(id) + std::to_string(i);
  a.title = std::string("The ") + kWords[rng() % 24] + " " + kWords[rng() % 24] + " report " +
            std::to_string(i);
  a.text = a.title;
  for (int w = 0; w < 180; ++w)
    a.text += (w % 15 == 0 ? ".\n" : " ") + std::string(kWords[rng() % 24]);
  a.site_name = kOutlets[i % 4];
  a.host = "outlet" + std::to_string(i % 4) + ".example";
  a.language = "en";
  char date[32];
  std::snprintf(date, sizeof date, "2026-%02d-%02dT%02d:00:00Z", 1 + (i / 2800) % 12,
                1 + (i / 100) % 28, i % 24);
  a.date_published = date;
  a.provenance = {"bench.warc.gz",
                  "warc",
                  static_cast<uint64_t>(i) * 4096,
                  4096,
                  "rec" + std::to_string(i),
                  "",
                  200};
  a.annotations.mentions.push_back(
      {{0, 3}, wirebrief::core::EntityType::kPlace, kWords[i % 24], ""});
  return a;
}

// A fresh store location per call; PostgreSQL databases are created on the admin URL's server.
std::string FreshLocation(const std::string& backend, const std::string& tag) {
  static int counter = 0;
  std::string name =
      "wb_bench_" + std::to_string(::getpid()) + "_" + tag + std::to_string(counter++);
  if (backend == "sqlite") {
    auto p = std::filesystem::temp_directory_path() / (name + ".db");
    std::filesystem::remove(p);
    return p.string();
  }
  std::string admin = std::getenv("WB_BENCH_PG_URL");
  PGconn* c = PQconnectdb(admin.c_str());
  PQclear(PQexec(c, ("CREATE DATABASE " + name).c_str()));
  PQfinish(c);
  size_t at = admin.find("/postgres");
  return admin.substr(0, at) + "/" + name + admin.substr(at + 9);
}

std::map<std::string, double> sqlite_reference;  // benchmark family -> SQLite's rate

// SQLite's rate is the reference; a PostgreSQL row gets its ratio to it (> 1 = faster).
void Compare(benchmark::State& state, const std::string& backend, const std::string& family,
             double rate) {
  if (backend == "sqlite")
    sqlite_reference[family] = rate;
  else if (sqlite_reference.count(family))
    state.counters["vs_sqlite"] = rate / sqlite_reference[family];
}

void Ingest(store::Store* s, int from, int to, int step) {
  for (int i = from; i < to; i += step) {
    bool inserted;
    if (!s->PutArticle(MakeArticle(i), &inserted).ok()) std::abort();
  }
}

// kIngestArticles articles by `writers` processes' worth of connections; every writer offers
// every article (overlapping inputs), so the store dedupes writers-1 of each.
void BM_Ingest(benchmark::State& state, std::string backend, int writers) {
  double seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string where = FreshLocation(backend, "ingest");
    std::vector<std::unique_ptr<store::Store>> stores;
    for (int w = 0; w < writers; ++w) stores.push_back(std::move(store::OpenStore(where)).value());
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
      threads.emplace_back([&, w] { Ingest(stores[w].get(), 0, kIngestArticles, 1); });
    for (auto& t : threads) t.join();
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  Compare(state, backend, "ingest" + std::to_string(writers),
          kIngestArticles * static_cast<double>(state.iterations()) / seconds);
  double rate = static_cast<double>(kIngestArticles) * static_cast<double>(state.iterations());
  state.counters["articles_per_s"] = benchmark::Counter(rate, benchmark::Counter::kIsRate);
  state.counters["offers_per_s"] = benchmark::Counter(rate * writers, benchmark::Counter::kIsRate);
}

// One large store per backend, built once: kLargeArticles articles in stories of kStorySize.
store::Store* Large(const std::string& backend) {
  static std::map<std::string, std::unique_ptr<store::Store>> built;
  auto& s = built[backend];
  if (s) return s.get();
  std::string where = FreshLocation(backend, "large");
  s = std::move(store::OpenStore(where)).value();
  std::vector<std::unique_ptr<store::Store>> writers;
  for (int w = 0; w < 2; ++w) writers.push_back(std::move(store::OpenStore(where)).value());
  std::thread a([&] { Ingest(writers[0].get(), 0, kLargeArticles, 2); });
  std::thread b([&] { Ingest(writers[1].get(), 1, kLargeArticles, 2); });
  a.join();
  b.join();
  std::vector<store::StoryRecord> stories;
  for (int i = 0; i < kLargeArticles; i += kStorySize) {
    store::StoryRecord r;
    Article first = MakeArticle(i);
    r.story.id = "s" + first.id;
    r.story.title = first.title;
    for (int k = i; k < i + kStorySize; ++k) r.story.article_ids.push_back(MakeArticle(k).id);
    r.story.outlets = {kOutlets[i % 4], kOutlets[(i + 1) % 4]};
    r.story.independent_outlets = 2;
    r.story.first_published = first.date_published;
    r.story.last_published = MakeArticle(i + kStorySize - 1).date_published;
    r.copy_families = {r.story.article_ids};
    stories.push_back(std::move(r));
  }
  if (!s->ReplaceStories(stories).ok()) std::abort();
  return s.get();
}

void BM_ListStories(benchmark::State& state, std::string backend, std::string family,
                    std::string search, std::string entity) {
  store::Store* s = Large(backend);
  store::StoryQuery q;
  if (!search.empty()) q.match = store::ParseSearchQuery(search).value().match;
  q.entity = entity;
  size_t found = 0;
  auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    auto page = s->ListStories(q);
    if (!page.ok()) {
      state.SkipWithError(page.status().ToString().c_str());
      return;
    }
    found = page->stories.size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  state.counters["stories"] = static_cast<double>(found);
  Compare(state, backend, family, static_cast<double>(state.iterations()) / seconds);
}

void Register() {
  std::vector<std::string> backends = {"sqlite"};
  if (std::getenv("WB_BENCH_PG_URL")) backends.push_back("postgres");
  for (const auto& b : backends) {
    for (int writers : {1, 2})
      benchmark::RegisterBenchmark(("Ingest/" + b + "/writers:" + std::to_string(writers)).c_str(),
                                   BM_Ingest, b, writers)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(1)
          ->UseRealTime();
    struct {
      const char* name;
      const char* search;
      const char* entity;
    } lists[] = {{"newest", "", ""}, {"search", "harbour storm", ""}, {"entity", "", "levee"}};
    for (const auto& l : lists)
      benchmark::RegisterBenchmark(("ListStories/" + b + "/" + l.name).c_str(), BM_ListStories, b,
                                   l.name, l.search, l.entity)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime();
  }
}

}  // namespace

int main(int argc, char** argv) {
  Register();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
