// The brief stage alone (brief::BuildBrief on stories whose annotations and copy families are
// computed beforehand), on the brief kit's Multi-News dev stories. The reference, measured in
// the same run on the same stories, is nlp::SplitSentences over every article's text: the
// ratio brief/reference (CPU time per pass) survives this noisy 2-core machine better than
// stories/s. Without ../shared the benchmarks are skipped with a message.
//
// Two story sets: "dev" is the 326 stories as given (2.7 articles each on average); "x10"
// joins consecutive dev stories until each has at least 10 articles (the bar is for
// ~10-article stories and the kit has none; a joined story mixes topics, which costs the brief
// stage the same work per sentence as one topic would).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "kits/brief_kit.h"
#include "nlp/read.h"

namespace {

namespace fs = std::filesystem;
using namespace wirebrief;

struct Prepared {
  kits::KitStory story;
  cluster::StoryGroup group;
  std::vector<const core::Article*> ptrs;
};

struct StorySets {
  std::string missing;  // non-empty when the kit's file is absent
  std::vector<Prepared> dev, x10;
  size_t dev_articles = 0, x10_articles = 0;
};

void Prepare(Prepared* p) {
  p->group = kits::KitStoryGroup(p->story);
  for (const auto& a : p->story.articles) p->ptrs.push_back(&a);
}

const StorySets& Sets() {
  static StorySets sets = [] {
    StorySets s;
    const char* root = std::getenv("WB_SOURCE_DIR");
    fs::path path = fs::path(root ? root : ".") / ".." / "shared" / "bench" / "brief" / "data" /
                    "multinews_dev.jsonl";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      s.missing = path.string() + " not found (needs ../shared): brief bench skipped";
      std::fprintf(stderr, "%s\n", s.missing.c_str());
      return s;
    }
    std::string line;
    kits::KitStory joined;
    while (std::getline(in, line)) {
      auto story = kits::ParseKitStoryLine(line, core::Limits{});  // annotates (ReadArticle)
      if (!story.ok()) continue;
      for (const auto& a : story->articles) {
        joined.articles.push_back(a);
        joined.idx.push_back(static_cast<int>(joined.idx.size()));
      }
      s.dev_articles += story->articles.size();
      s.dev.push_back({std::move(story.value()), {}, {}});
      if (joined.articles.size() >= 10) {
        joined.id = "x10-" + std::to_string(s.x10.size());
        s.x10_articles += joined.articles.size();
        s.x10.push_back({std::move(joined), {}, {}});
        joined = kits::KitStory();
      }
    }
    // Pointers into the stories are taken once the vectors stop moving.
    for (auto& p : s.dev) Prepare(&p);
    for (auto& p : s.x10) Prepare(&p);
    std::fprintf(stderr, "stories: dev %zu (%zu articles), x10 %zu (%zu articles)\n", s.dev.size(),
                 s.dev_articles, s.x10.size(), s.x10_articles);
    return s;
  }();
  return sets;
}

const std::vector<Prepared>* Pick(benchmark::State& state, bool ten) {
  const StorySets& s = Sets();
  if (!s.missing.empty()) {
    state.SkipWithError(s.missing.c_str());
    return nullptr;
  }
  return ten ? &s.x10 : &s.dev;
}

void BM_Reference_SplitSentences(benchmark::State& state, bool ten) {
  const auto* set = Pick(state, ten);
  if (!set) return;
  for (auto _ : state)
    for (const auto& p : *set)
      for (const auto& a : p.story.articles) benchmark::DoNotOptimize(nlp::SplitSentences(a.text));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * set->size()));
}

void BM_Brief(benchmark::State& state, bool ten) {
  const auto* set = Pick(state, ten);
  if (!set) return;
  brief::BriefOptions options;
  for (auto _ : state)
    for (const auto& p : *set)
      benchmark::DoNotOptimize(brief::BuildBrief(p.group, p.ptrs, options));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * set->size()));
}

// Copy families found within the story, then the brief: what `brief --jsonl` does per story
// after reading.
void BM_FamiliesAndBrief(benchmark::State& state, bool ten) {
  const auto* set = Pick(state, ten);
  if (!set) return;
  brief::BriefOptions options;
  for (auto _ : state)
    for (const auto& p : *set) benchmark::DoNotOptimize(kits::BriefKitStory(p.story, options));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * set->size()));
}

BENCHMARK_CAPTURE(BM_Reference_SplitSentences, x10, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Brief, x10, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FamiliesAndBrief, x10, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Reference_SplitSentences, dev, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Brief, dev, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FamiliesAndBrief, dev, false)->Unit(benchmark::kMillisecond);

// Prints the console table, then stories/s and the ratio to the reference of the same set.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& r : runs)
      if (r.run_type == Run::RT_Iteration && !r.error_occurred)
        cpu_ms_[r.benchmark_name()] = r.GetAdjustedCPUTime();
  }
  void Summary() const {
    const StorySets& s = Sets();
    if (!s.missing.empty()) return;
    std::printf("\n%-34s %12s %22s\n", "benchmark (one thread)", "stories/s",
                "CPU x SplitSentences");
    for (const char* set : {"x10", "dev"}) {
      size_t n = std::string(set) == "x10" ? s.x10.size() : s.dev.size();
      auto ref = cpu_ms_.find(std::string("BM_Reference_SplitSentences/") + set);
      for (const char* name : {"BM_Reference_SplitSentences", "BM_Brief", "BM_FamiliesAndBrief"}) {
        auto it = cpu_ms_.find(std::string(name) + "/" + set);
        if (it == cpu_ms_.end() || it->second <= 0) continue;
        double ratio = ref != cpu_ms_.end() && ref->second > 0 ? it->second / ref->second : 0;
        std::printf("%-34s %12.0f %22.2f\n", it->first.c_str(), n * 1000.0 / it->second, ratio);
      }
    }
  }

 private:
  std::map<std::string, double> cpu_ms_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.Summary();
  benchmark::Shutdown();
  return 0;
}
