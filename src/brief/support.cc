#include "brief/support.h"

#include <algorithm>
#include <cctype>
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

// Lower-cased word trigrams, stop words kept: verbatim phrasing, which a spliced or invented
// clause breaks even when its words all occur somewhere in the sources.
std::vector<std::string> Trigrams(std::string_view text) {
  std::vector<std::string> words, out;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  for (size_t i = 0; i + 2 < words.size(); ++i)
    out.push_back(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return out;
}

}  // namespace

Support ScoreSupport(std::string_view line, const std::vector<std::string_view>& cited) {
  Support s;
  const std::vector<std::string> terms = detail::Terms(line);
  std::unordered_set<std::string> src_terms, src_pairs, src_numbers, src_names;
  bool src_negation = false;
  std::unordered_set<std::string> src_trigrams;
  size_t best_found = 0;
  std::unordered_set<std::string> line_terms;
  const std::vector<std::string>& terms_for_best = terms;
  line_terms.insert(terms_for_best.begin(), terms_for_best.end());
  const std::vector<std::string> line_trigrams = Trigrams(line);
  double best_pairs = 0, best_tri = 0;
  for (std::string_view c : cited) {
    // Tokenised once: stemmed for the terms, as they are for the names below.
    std::vector<std::string> tokens = nlp::ContentTokens(c);
    std::vector<std::string> t;
    t.reserve(tokens.size());
    for (const std::string& token : tokens) t.push_back(detail::Stem(token));
    std::unordered_set<std::string> own(t.begin(), t.end());
    size_t f = 0;
    for (const auto& x : line_terms) f += own.count(x);
    best_found = std::max(best_found, f);
    std::vector<std::string> own_tri = Trigrams(c);
    std::unordered_set<std::string> own_tri_set(own_tri.begin(), own_tri.end()), own_pairs;
    for (size_t i = 0; i + 1 < t.size(); ++i) own_pairs.insert(t[i] + " " + t[i + 1]);
    size_t pf = 0, tg = 0, np = 0;
    for (size_t i = 0; i + 1 < terms_for_best.size(); ++i, ++np)
      pf += own_pairs.count(terms_for_best[i] + " " + terms_for_best[i + 1]);
    for (const auto& g : line_trigrams) tg += own_tri_set.count(g);
    best_pairs = std::max(best_pairs, Share(pf, np));
    best_tri = std::max(best_tri, Share(tg, line_trigrams.size()));
    for (auto& g : own_tri) src_trigrams.insert(std::move(g));
    for (size_t i = 0; i < t.size(); ++i) {
      src_terms.insert(t[i]);
      if (i + 1 < t.size()) src_pairs.insert(t[i] + " " + t[i + 1]);
    }
    for (auto& n : detail::Numbers(c)) src_numbers.insert(n);
    // Names in the source count wherever they stand (a name opening a source sentence is still
    // a name), so the source side takes every word, lower-cased.
    for (auto& w : tokens) src_names.insert(std::move(w));
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
  const std::vector<std::string>& trigrams = line_trigrams;
  size_t tf = 0;
  for (const auto& g : trigrams) tf += src_trigrams.count(g);
  s.trigram_coverage = Share(tf, trigrams.size());
  s.best_coverage = Share(best_found, line_terms.size());
  s.best_pair_coverage = terms_for_best.size() < 2 ? 1 : best_pairs;
  s.best_trigram_coverage = line_trigrams.empty() ? 1 : best_tri;
  // Chosen on the FRANK dev split (bench/README.md, ## brief): a line is as supported as its
  // best source sentence covers its words and word pairs, discounted for names and numbers the
  // sources lack. A negation the sources do not share halves it.
  double cover = (3 * s.best_coverage + s.best_pair_coverage + 0.5 * s.best_trigram_coverage) / 4.5;
  cover = std::max(cover, s.term_coverage * s.pair_coverage);  // facts fused from two sentences
  s.score = cover * (0.5 + 0.5 * s.name_coverage) * (0.7 + 0.3 * s.number_coverage) *
            (s.negation_mismatch ? 0.5 : 1.0);
  if (terms.empty() && numbers.empty()) s.score = 1;
  return s;
}

Support ScoreTextAgainstDocument(std::string_view text,
                                 const std::vector<std::string_view>& document) {
  std::vector<std::string_view> sentences;
  for (const core::Sentence& sent : nlp::SplitSentences(text))
    sentences.push_back(text.substr(sent.span.begin, sent.span.end - sent.span.begin));
  return ScoreSentencesAgainstDocument(sentences, document);
}

Support ScoreSentencesAgainstDocument(const std::vector<std::string_view>& sentences,
                                      const std::vector<std::string_view>& document) {
  std::vector<std::unordered_set<std::string>> doc_terms;
  doc_terms.reserve(document.size());
  for (std::string_view d : document) {
    auto t = detail::Terms(d);
    doc_terms.emplace_back(t.begin(), t.end());
  }
  Support weakest;
  bool any = false;
  double product = 1;  // every sentence must hold for the text to hold
  for (std::string_view line : sentences) {
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
    product *= s.score;
    if (!any || s.score < weakest.score) weakest = s;
    any = true;
  }
  weakest.score = product;
  return weakest;
}

}  // namespace wirebrief::brief
