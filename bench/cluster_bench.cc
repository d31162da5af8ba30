// Story clustering throughput and quality (bench/README.md, "## cluster"):
//   kit/headlines, kit/ecbplus  the kit's dev sets (../shared/bench/clustering, or
//   $WB_CLUSTER_KIT),
//                               one online pass as `wirebrief cluster` runs it, tokenization
//                               included;
//   reprints                    the generated reprint-family set ($WB_REPRINTS, made by
//                               bench/cluster/make_reprints.py): ARI of families and stories, and
//                               whether every story's independent-outlet count is exact;
//   synthetic_1M                one million synthetic headlines over 50 days: RSS and open
//   articles.
// bench/cluster/run.sh runs this next to the kit's baseline.py and prints the ratio.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cluster/cluster.h"

namespace {

using wirebrief::cluster::ClusterOptions;
using wirebrief::cluster::OnlineClusterer;
using wirebrief::core::Article;

struct Labeled {
  std::vector<Article> docs;
  std::vector<std::string> gold, family;
  std::map<std::string, int> voices;  // story -> expected independent outlets
};

Labeled Load(const std::string& path) {
  Labeled out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    Article a;
    a.id = j.value("id", "");
    a.date_published = j.value("date", "");
    a.title = j.value("title", "");
    a.text = j.value("text", "");
    a.site_name = j.value("source", "");
    a.url = j.value("url", "");
    if (j.contains("wire") && j["wire"].is_array())
      a.wire = j["wire"].get<std::vector<std::string>>();
    out.gold.push_back(j.contains("cluster") ? j["cluster"].dump() : j.value("story", ""));
    out.family.push_back(j.value("family", ""));
    out.docs.push_back(std::move(a));
  }
  return out;
}

std::string KitPath(const char* file) {
  const char* kit = std::getenv("WB_CLUSTER_KIT");
  return std::string(kit ? kit : "../shared/bench/clustering") + "/data/" + file;
}

ClusterOptions CliOptions() { return wirebrief::cluster::LabelStreamOptions(); }

double Ari(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::pair<std::string, std::string>, double> cell;
  std::map<std::string, double> ra, rb;
  for (size_t i = 0; i < a.size(); ++i) ++cell[{a[i], b[i]}], ++ra[a[i]], ++rb[b[i]];
  auto c2 = [](double n) { return n * (n - 1) / 2; };
  double idx = 0, sa = 0, sb = 0;
  for (auto& [k, n] : cell) idx += c2(n);
  for (auto& [k, n] : ra) sa += c2(n);
  for (auto& [k, n] : rb) sb += c2(n);
  double expected = sa * sb / c2(static_cast<double>(a.size())), max = (sa + sb) / 2;
  return max == expected ? 1.0 : (idx - expected) / (max - expected);
}

void Kit(benchmark::State& state, const char* file) {
  Labeled set = Load(KitPath(file));
  if (set.docs.empty()) {
    state.SkipWithError("kit data missing: set WB_CLUSTER_KIT or run from the worktree root");
    return;
  }
  // As `wirebrief cluster` does by default: each day's headlines longest first. The copy into
  // the day buffer is part of the work (the CLI moves the article it has just parsed).
  std::vector<Article> ready;
  for (auto _ : state) {
    OnlineClusterer c(CliOptions());
    wirebrief::cluster::HeadlineDayOrder order;
    for (const auto& a : set.docs) {
      order.Push(a, &ready);
      for (const Article& r : ready) benchmark::DoNotOptimize(c.Add(r).story);
      ready.clear();
      benchmark::DoNotOptimize(c.TakeLabels());
    }
    order.Flush(&ready);
    for (const Article& r : ready) benchmark::DoNotOptimize(c.Add(r).story);
    ready.clear();
    c.Finish();  // the last window's refinement is part of the work
    benchmark::DoNotOptimize(c.TakeLabels());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * set.docs.size()));
}
BENCHMARK_CAPTURE(Kit, headlines, "dev.jsonl")->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK_CAPTURE(Kit, ecbplus, "ecbplus-dev.jsonl")->Unit(benchmark::kMillisecond)->MinTime(2);

void Reprints(benchmark::State& state) {
  const char* path = std::getenv("WB_REPRINTS");
  Labeled set = Load(path ? path : "");
  if (set.docs.empty()) {
    state.SkipWithError("set WB_REPRINTS to the output of bench/cluster/make_reprints.py");
    return;
  }
  std::vector<wirebrief::cluster::StoryGroup> groups;
  for (auto _ : state) {
    std::vector<const Article*> ptrs;
    for (const auto& a : set.docs) ptrs.push_back(&a);
    groups = wirebrief::cluster::ClusterStories(ptrs, ClusterOptions{});
  }
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < set.docs.size(); ++i) index[set.docs[i].id] = i;
  std::vector<std::string> story(set.docs.size()), family(set.docs.size());
  std::map<std::string, std::set<int>> voices_of_gold;  // gold story -> predicted counts
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const auto& id : groups[g].story.article_ids) {
      story[index[id]] = std::to_string(g);
      family[index[id]] = id;  // singletons are their own family
      voices_of_gold[set.gold[index[id]]].insert(groups[g].story.independent_outlets);
    }
    for (const auto& f : groups[g].families)
      for (const auto& id : f.article_ids) family[index[id]] = f.article_ids.front();
  }
  // Gold voices: distinct families per gold story.
  std::map<std::string, std::set<std::string>> gold_families;
  for (size_t i = 0; i < set.docs.size(); ++i) gold_families[set.gold[i]].insert(set.family[i]);
  int exact = 0;
  for (auto& [s, fams] : gold_families)
    exact += voices_of_gold[s] == std::set<int>{static_cast<int>(fams.size())};
  state.counters["docs"] = static_cast<double>(set.docs.size());
  state.counters["ARI_families"] = Ari(set.family, family);
  state.counters["ARI_stories"] = Ari(set.gold, story);
  state.counters["stories_exact_independent"] = exact;
  state.counters["stories"] = static_cast<double>(gold_families.size());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * set.docs.size()));
}
BENCHMARK(Reprints)->Unit(benchmark::kMillisecond)->Iterations(3);

long RssKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::string(field).size());
  return -1;
}

// One million headlines: 20,000 a day for 50 days, 400 events a day, each headline three event
// words and two words of a 50,000-word background vocabulary. Through HeadlineDayOrder, as in
// `wirebrief cluster`: a day's headlines wait in it, so memory follows the day.
void Synthetic1M(benchmark::State& state) {
  std::vector<Article> ready;
  for (auto _ : state) {
    OnlineClusterer c(CliOptions());
    wirebrief::cluster::HeadlineDayOrder order;
    std::mt19937_64 rng(42);
    long rss_100k = 0;
    for (int i = 0; i < 1000000; ++i) {
      int day = i / 20000;
      int event = static_cast<int>(rng() % 400);
      Article a;
      a.id = "h" + std::to_string(i);
      a.date_published = "2026-01-01";
      long d = 1 + day;  // days in Jan/Feb/Mar 2026 written out
      int month = d <= 31 ? 1 : d <= 59 ? 2 : 3;
      int dom = static_cast<int>(month == 1 ? d : month == 2 ? d - 31 : d - 59);
      char date[16];
      std::snprintf(date, sizeof date, "2026-%02d-%02d", month, dom);
      a.date_published = date;
      std::string e = "ev" + std::to_string(day) + "x" + std::to_string(event);
      for (int k = 0; k < 3; ++k) a.title += e + "w" + std::to_string(rng() % 4) + " ";
      for (int k = 0; k < 2; ++k) a.title += "bg" + std::to_string(rng() % 50000) + " ";
      order.Push(std::move(a), &ready);
      for (const Article& r : ready) benchmark::DoNotOptimize(c.Add(r).story);
      ready.clear();
      benchmark::DoNotOptimize(c.TakeLabels());
      if (i == 99999) rss_100k = RssKb("VmRSS:");
    }
    order.Flush(&ready);
    for (const Article& r : ready) benchmark::DoNotOptimize(c.Add(r).story);
    ready.clear();
    state.counters["rss_mb_after_100k"] = rss_100k / 1024.0;
    state.counters["rss_mb_after_1M"] = RssKb("VmRSS:") / 1024.0;
    state.counters["peak_rss_mb"] = RssKb("VmHWM:") / 1024.0;
    state.counters["open_articles_at_end"] = static_cast<double>(c.open_articles());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 1000000));
}
BENCHMARK(Synthetic1M)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
