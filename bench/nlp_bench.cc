// Read-stage throughput: whitespace tokens per second for nlp::ReadText over the nlp kit's
// gum-news dev texts (or the repo's fixture articles without ../shared), model loading
// excluded. The reference, measured in the same run, is a lower-casing whitespace split of the
// same texts (the least any reader must do), so the ratio stays meaningful on a noisy machine.
//
//   taskset -c 1 build/bench/nlp_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nlp/read.h"

namespace {

struct Corpus {
  std::vector<std::pair<std::string, std::string>> docs;  // text, dct
  size_t tokens = 0;
};

const Corpus& Load() {
  static const Corpus corpus = [] {
    Corpus c;
    std::ifstream kit("../shared/bench/nlp/data/gum-news-dev.jsonl");
    std::string line;
    while (kit && std::getline(kit, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object()) c.docs.push_back({j.value("text", ""), j.value("dct", "")});
    }
    if (c.docs.empty()) {
      std::ifstream f("tests/fixtures/nlp/reading.txt");
      std::stringstream ss;
      ss << f.rdbuf();
      c.docs.push_back({ss.str(), "2026-11-05"});
    }
    for (const auto& d : c.docs) {
      std::stringstream ss(d.first);
      std::string w;
      while (ss >> w) ++c.tokens;
    }
    return c;
  }();
  return corpus;
}

void BM_Reference_LowerWhitespaceSplit(benchmark::State& state) {
  const Corpus& c = Load();
  for (auto _ : state) {
    size_t words = 0;
    for (const auto& d : c.docs) {
      std::string lower(d.first);
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      bool in = false;
      for (char ch : lower) {
        bool space = std::isspace(static_cast<unsigned char>(ch));
        words += !space && !in;
        in = !space;
      }
    }
    benchmark::DoNotOptimize(words);
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ReadText(benchmark::State& state) {
  const Corpus& c = Load();
  wirebrief::nlp::ReadText("warm up: loads the model once", "");
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& d : c.docs) n += wirebrief::nlp::ReadText(d.first, d.second).mentions.size();
    benchmark::DoNotOptimize(n);
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_Reference_LowerWhitespaceSplit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadText)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
