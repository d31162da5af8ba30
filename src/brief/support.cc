#include "brief/support.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>

#include "brief/detail/text.h"
#include "nlp/read.h"

namespace wirebrief::brief {
namespace {

double Share(size_t found, size_t total) {
  return total == 0 ? 1.0 : static_cast<double>(found) / total;
}

// How many document sentences a summary sentence is checked against: a summary sentence fuses
// at most a few source sentences, and a wider net lets unrelated sentences "support" it.
constexpr size_t kBestSources = 2;

// Bias, term, pair, number, name coverage, negation mismatch.
constexpr double kWeights[6] = {-6.0, 4.0, 1.0, 1.5, 2.0, -1.0};

}  // namespace

Support ScoreSupport(std::string_view line, const std::vector<std::string_view>& cited) {
  Support s;
  std::vector<std::string> terms = detail::Terms(line);
  std::unordered_set<std::string> src_terms, src_pairs, src_numbers, src_names;
  bool src_negation = false;
  for (std::string_view c : cited) {
    std::vector<std::string> t = detail::Terms(c);
    for (size_t i = 0; i < t.size(); ++i) {
      src_terms.insert(t[i]);
      if (i + 1 < t.size()) src_pairs.insert(t[i] + " " + t[i + 1]);
    }
    for (auto& n : detail::Numbers(c)) src_numbers.insert(n);
    // Names in the source count wherever they stand (a name opening a source sentence is still
    // a name), so the source side takes every word, lower-cased.
    for (auto& w : nlp::ContentTokens(c)) src_names.insert(w);
    src_negation = src_negation || detail::HasNegation(c);
  }
  size_t found = 0, pairs = 0, pairs_found = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    found += src_terms.count(terms[i]);
    if (i + 1 < terms.size()) {
      ++pairs;
      pairs_found += src_pairs.count(terms[i] + " " + terms[i + 1]);
    }
  }
  s.term_coverage = Share(found, terms.size());
  s.pair_coverage = Share(pairs_found, pairs);
  std::vector<std::string> numbers = detail::Numbers(line);
  size_t nf = 0;
  for (const auto& n : numbers) nf += src_numbers.count(n);
  s.number_coverage = Share(nf, numbers.size());
  std::vector<std::string> names = detail::NameWords(line);
  size_t namef = 0;
  for (const auto& n : names) namef += src_names.count(n);
  s.name_coverage = Share(namef, names.size());
  s.negation_mismatch = detail::HasNegation(line) != src_negation && !cited.empty();
  // Logistic combination; weights fitted on the FRANK dev split (see bench/README.md, ## brief).
  double z = kWeights[0] + kWeights[1] * s.term_coverage + kWeights[2] * s.pair_coverage +
             kWeights[3] * s.number_coverage + kWeights[4] * s.name_coverage +
             kWeights[5] * (s.negation_mismatch ? 1.0 : 0.0);
  s.score = terms.empty() && numbers.empty() ? 1.0 : 1.0 / (1.0 + std::exp(-z));
  return s;
}

Support ScoreTextAgainstDocument(std::string_view text,
                                 const std::vector<std::string_view>& document) {
  std::vector<std::unordered_set<std::string>> doc_terms;
  doc_terms.reserve(document.size());
  for (std::string_view d : document) {
    auto t = detail::Terms(d);
    doc_terms.emplace_back(t.begin(), t.end());
  }
  Support weakest;
  bool any = false;
  for (const core::Sentence& sent : nlp::SplitSentences(text)) {
    std::string_view line = text.substr(sent.span.begin, sent.span.end - sent.span.begin);
    std::vector<std::string> terms = detail::Terms(line);
    std::set<std::string> uniq(terms.begin(), terms.end());
    // Greedy cover: each next source is the one adding most of the line's still-uncovered terms.
    std::vector<std::string_view> best;
    std::set<std::string> left = uniq;
    std::vector<bool> taken(document.size(), false);
    for (size_t k = 0; k < kBestSources && !left.empty(); ++k) {
      size_t arg = SIZE_MAX, top = 0;
      for (size_t i = 0; i < document.size(); ++i) {
        if (taken[i]) continue;
        size_t c = 0;
        for (const auto& t : left) c += doc_terms[i].count(t);
        if (c > top) top = c, arg = i;
      }
      if (arg == SIZE_MAX) break;
      taken[arg] = true;
      best.push_back(document[arg]);
      for (auto it = left.begin(); it != left.end();)
        it = doc_terms[arg].count(*it) ? left.erase(it) : std::next(it);
    }
    Support s = ScoreSupport(line, best);
    if (!any || s.score < weakest.score) weakest = s;
    any = true;
  }
  return weakest;
}

}  // namespace wirebrief::brief
