// Read-stage throughput per language (issue 27): whitespace tokens per second of the whole reader
// (tokens, sentences, names, roles, countries, figures, dates, quotes) on a document read with its
// language's date and figure grammar, against two references measured in the same run on the
// same texts: the reader with the English grammar (what the reader does today with no language)
// and a lower-casing whitespace split. Texts: the nlp kit's translated dev sets where they exist
// (../shared/bench/nlp/data/uner-pud-news-{de,pt,sv}-dev.jsonl), else the language's fixture
// sentences (tests/fixtures/nlp/{dates,figures}-<lang>*.txt, repeated to ~20,000 tokens). For
// Chinese (uner-pud-news-zh-dev) the counter is characters per second: the text has no spaces.
//
//   taskset -c 1 build/bench/nlp_lang_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nlp/detail/parts.h"
#include "nlp/detail/text.h"
#include "nlp/read.h"

namespace {

namespace detail = wirebrief::nlp::detail;

struct Corpus {
  std::vector<std::string> docs;
  size_t tokens = 0;
  std::string source;
};

// Whitespace tokens; for Chinese, which has no spaces, characters (code points) instead.
size_t CountTokens(const std::string& text, bool chars = false) {
  if (chars) {
    size_t n = 0;
    for (char ch : text)
      n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 &&
           !std::isspace(static_cast<unsigned char>(ch));
    return n;
  }
  std::stringstream ss(text);
  std::string w;
  size_t n = 0;
  while (ss >> w) ++n;
  return n;
}

const Corpus& Load(const std::string& lang) {
  static std::map<std::string, Corpus> cache;
  if (auto it = cache.find(lang); it != cache.end()) return it->second;
  Corpus c;
  std::ifstream kit("../shared/bench/nlp/data/uner-pud-news-" + lang + "-dev.jsonl");
  std::string line;
  while (kit && std::getline(kit, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) c.docs.push_back(j.value("text", ""));
  }
  c.source = "kit dev set";
  if (c.docs.empty()) {
    std::string text;
    for (const char* kind : {"dates-", "figures-"})
      for (const char* set : {"", ".heldout"}) {
        std::ifstream f(std::string("tests/fixtures/nlp/") + kind + lang + set + ".txt");
        while (f && std::getline(f, line))
          if (!line.empty() && line[0] != '#' && line[0] != '@')
            text += line.substr(0, line.find(" || ")) + "\n";
      }
    size_t n = CountTokens(text, lang == "zh");
    for (size_t have = 0; n > 0 && have < 20000; have += n) c.docs.push_back(text);
    c.source = "fixture sentences";
  }
  for (const auto& d : c.docs) c.tokens += CountTokens(d, lang == "zh");
  return cache.emplace(lang, std::move(c)).first->second;
}

const detail::NerModel& Model() {
  static const std::unique_ptr<detail::NerModel> model = [] {
    for (const std::string& p : wirebrief::nlp::DefaultModelPaths()) {
      auto m = detail::NerModel::Load(p);
      if (m.ok()) return std::move(m).value();
    }
    return std::make_unique<detail::NerModel>();
  }();
  return *model;
}

// What nlp::Reader::ReadText does, with the document's language set (read.cc fills Doc the same
// way but has no language yet; the reader's language input lands separately).
size_t ReadIn(std::string_view text, std::string_view language) {
  wirebrief::core::Annotations ann;
  detail::Doc d;
  d.text = text;
  d.model = &Model();
  d.anchor = wirebrief::core::ParseIsoDate("2026-11-05");
  d.language = language;
  d.tag.text = text;
  d.tag.tokens = detail::Tokenize(text);
  d.tag.sentences = detail::SplitTokens(text, d.tag.tokens);
  d.sentence_of.assign(d.tag.tokens.size(), 0);
  for (uint32_t k = 0; k < d.tag.sentences.size(); ++k)
    for (uint32_t i = d.tag.sentences[k].first; i < d.tag.sentences[k].last; ++i)
      d.sentence_of[i] = k;
  detail::Prepare(*d.model, &d.tag);
  d.labels = d.model->empty() ? std::vector<uint8_t>(d.tag.tokens.size(), detail::kO)
                              : d.model->Tag(d.tag);
  detail::ApplyNameRules(&d, true);
  ann.mentions = detail::BuildMentions(&d);
  detail::ReadRoles(d, &ann.mentions, &ann.roles);
  detail::ReadCountries(d, &ann.countries);
  detail::ReadFigures(d, &ann.figures, &ann.figure_details);
  detail::ReadDates(d, &ann.dates);
  detail::ReadQuotes(d, ann.mentions, ann.roles, &ann.quotes, &ann.quote_details);
  return ann.mentions.size() + ann.figures.size() + ann.dates.size();
}

// state.range(0): the language's index; grammar: the language's own or English ("").
void Run(benchmark::State& state, bool own_grammar) {
  static const char* kLangs[] = {"de", "fr", "es", "pt", "sv", "zh"};
  std::string lang = kLangs[state.range(0)];
  const Corpus& c = Load(lang);
  ReadIn("warm up", own_grammar ? lang : "");
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& d : c.docs) n += ReadIn(d, own_grammar ? lang : "");
    benchmark::DoNotOptimize(n);
  }
  state.SetLabel(lang + (own_grammar ? " grammar, " : " text, English grammar, ") + c.source);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Reference_LowerWhitespaceSplit(benchmark::State& state) {
  static const char* kLangs[] = {"de", "fr", "es", "pt", "sv", "zh"};
  const Corpus& c = Load(kLangs[state.range(0)]);
  for (auto _ : state) {
    size_t words = 0;
    for (const auto& d : c.docs) {
      std::string lower(d);
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
  state.SetLabel(kLangs[state.range(0)]);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ReadEnglishGrammar(benchmark::State& state) { Run(state, false); }
void BM_ReadOwnGrammar(benchmark::State& state) { Run(state, true); }

}  // namespace

BENCHMARK(BM_Reference_LowerWhitespaceSplit)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadEnglishGrammar)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadOwnGrammar)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
