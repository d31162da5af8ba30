// Watchlist evaluation per watch round (issue 24; bench/README.md ## watchlists): 1,000
// watchlists over a round that changed 500 stories, against indexing the round's articles once
// (the floor any in-memory matcher pays), measured in the same run. Stories and queries are
// synthetic: words drawn from a fictional vocabulary with a skewed frequency, as news words are.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/alerts.h"

namespace {

using namespace wirebrief;

struct Round {
  std::vector<std::vector<core::Article>> articles;  // per story
  std::vector<store::StoryRecord> records;
  std::vector<pipeline::CompiledWatchlist> watchlists;
};

std::string Word(std::mt19937& rng, double lowest = 0) {
  // Zipf-like: low ranks are common, so most watchlist terms are rare, as names are.
  static const char* kSyll[] = {"ka", "ro", "ven", "tal", "mir", "os", "del", "bra", "nu", "sel",
                                "ti", "gor", "lan", "pe", "qua", "zi"};
  std::uniform_real_distribution<double> u(lowest, 1);
  int rank = static_cast<int>(std::pow(4000.0, u(rng)));
  std::string w;
  for (int r = rank + 17; r > 0; r /= 16) w += kSyll[r % 16];
  return w;
}

const Round& MakeRound() {
  static Round* round = [] {
    auto* r = new Round;
    std::mt19937 rng(24);
    const size_t kStories = 500, kPerStory = 4, kWords = 180, kWatchlists = 1000;
    r->articles.resize(kStories);
    r->records.resize(kStories);
    for (size_t s = 0; s < kStories; ++s) {
      for (size_t k = 0; k < kPerStory; ++k) {
        core::Article a;
        a.id = "a" + std::to_string(s) + "-" + std::to_string(k);
        a.site_name = "outlet-" + std::to_string(rng() % 40);
        a.language = "en";
        for (int w = 0; w < 8; ++w) a.title += (w ? " " : "") + Word(rng);
        for (size_t w = 0; w < kWords; ++w) a.text += (w ? " " : "") + Word(rng);
        r->records[s].story.outlets.push_back(a.site_name);
        r->articles[s].push_back(std::move(a));
      }
      r->records[s].story.id = "s" + std::to_string(s);
      r->records[s].story.last_published = "2026-11-09";
      r->records[s].brief.lines.push_back({core::BriefSection::kLede, "", "lede", {{"a", {0, 4}}}});
    }
    for (size_t i = 0; i < kWatchlists; ++i) {
      // Terms a user watches are names and topics: the rarer half of the vocabulary.
      auto term = [&] { return Word(rng, 0.5); };
      std::string q;
      switch (i % 4) {
        case 0: q = term(); break;                                 // one term
        case 1: q = term() + " " + term(); break;                  // both
        case 2: q = "\"" + term() + " " + term() + "\""; break;  // a phrase
        default: q = term() + " OR " + term() + " outlet:outlet-" + std::to_string(i % 40);
      }
      auto m = pipeline::WatchlistMatcher::Compile(q);
      if (!m.ok()) continue;
      store::WatchlistRecord rec;
      rec.name = "w" + std::to_string(i);
      rec.query = q;
      r->watchlists.push_back({rec, std::move(m).value()});
    }
    return r;
  }();
  return *round;
}

// The reference: indexing every article of the round once (what any matcher must read).
void BM_IndexRoundArticles(benchmark::State& state) {
  const Round& r = MakeRound();
  for (auto _ : state) {
    size_t words = 0;
    for (size_t s = 0; s < r.records.size(); ++s) {
      std::vector<const core::Article*> members;
      for (const auto& a : r.articles[s]) members.push_back(&a);
      // A query nothing matches indexes every member once, and tests one word in each.
      static const auto kNever = pipeline::WatchlistMatcher::Compile("zzzzqqq").value();
      words += kNever.Matches(r.records[s].story, r.records[s].brief, members);
    }
    benchmark::DoNotOptimize(words);
  }
  state.counters["stories"] = static_cast<double>(r.records.size());
}
BENCHMARK(BM_IndexRoundArticles)->Unit(benchmark::kMillisecond);

void BM_EvaluateRound(benchmark::State& state) {
  const Round& r = MakeRound();
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (size_t s = 0; s < r.records.size(); ++s) {
      pipeline::StoryChange change;
      change.now = &r.records[s];
      for (const auto& a : r.articles[s]) change.members.push_back(&a);
      change.is_new = true;
      events += pipeline::EvaluateWatchlists(r.watchlists, change, "2026-11-09T12:00:00Z").size();
    }
  }
  state.counters["stories"] = static_cast<double>(r.records.size());
  state.counters["watchlists"] = static_cast<double>(r.watchlists.size());
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_EvaluateRound)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
