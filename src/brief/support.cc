#include "brief/support.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>

#include "brief/detail/support_text.h"
#include "brief/detail/text.h"
#include "core/text.h"
#include "nlp/read.h"

namespace wirebrief::brief {
namespace {

double Share(size_t found, size_t total) {
  return total == 0 ? 1.0 : static_cast<double>(found) / total;
}

// How many document sentences a summary sentence is checked against: a summary sentence fuses
// at most a few source sentences, and a wider net lets unrelated sentences "support" it.
constexpr size_t kBestSources = 2;

template <class T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

template <class T>
bool Has(const std::vector<T>& sorted, const T& x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

uint64_t PairKey(int a, int b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

}  // namespace

namespace detail {

int SupportVocab::Word(std::string_view w) {
  auto it = ids_.find(w);
  if (it == ids_.end()) {
    it = ids_.emplace(std::string(w), static_cast<int>(text_.size())).first;
    text_.push_back(&it->first);
    term_.push_back(-1);
  }
  return it->second;
}

int SupportVocab::TermOfToken(int word) {
  if (term_[word] < 0) {
    const int term = Word(Stem(*text_[word]));  // may grow term_
    term_[word] = term;
  }
  return term_[word];
}

SupportText ReadSupportText(std::string_view text, bool as_line, SupportVocab* vocab) {
  std::vector<int> tokens;
  for (const std::string& token : nlp::ContentTokens(text)) tokens.push_back(vocab->Word(token));
  return ReadSupportText(text, tokens, as_line, vocab);
}

SupportText ReadSupportText(std::string_view text, const std::vector<int>& tokens, bool as_line,
                            SupportVocab* vocab) {
  SupportText r;
  // The tokens stemmed are the terms; the tokens themselves are what a line's names are looked
  // up in (a name opening a source sentence is still a name).
  r.token_set = tokens;
  for (int word : tokens) r.terms.push_back(vocab->TermOfToken(word));
  SortUnique(&r.token_set);
  r.term_set = r.terms;
  SortUnique(&r.term_set);
  for (size_t i = 0; i + 1 < r.terms.size(); ++i)
    r.pair_set.push_back(PairKey(r.terms[i], r.terms[i + 1]));
  SortUnique(&r.pair_set);
  // Words for the trigrams: runs of letters, digits and non-ASCII bytes, lower-cased.
  std::vector<int> words;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      w += core::AsciiLower(c);
    } else if (!w.empty()) {
      words.push_back(vocab->Word(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(vocab->Word(w));
  for (size_t i = 0; i + 2 < words.size(); ++i)
    r.trigrams.push_back({words[i], words[i + 1], words[i + 2]});
  r.trigram_set = r.trigrams;
  SortUnique(&r.trigram_set);
  r.numbers = Numbers(text);
  r.number_set = r.numbers;
  SortUnique(&r.number_set);
  if (as_line)
    for (const std::string& n : NameWords(text)) r.names.push_back(vocab->Word(n));
  r.negation = HasNegation(text);
  return r;
}

Support ScoreReadSupport(const SupportText& line, const std::vector<const SupportText*>& cited) {
  Support s;
  const std::vector<int>& terms = line.terms;
  // Found in any cited sentence is found in their union.
  auto in_any = [&cited](auto member, const auto& x) {
    for (const SupportText* c : cited)
      if (Has(c->*member, x)) return true;
    return false;
  };
  size_t best_found = 0;
  double best_pairs = 0, best_tri = 0;
  for (const SupportText* c : cited) {
    size_t f = 0;
    for (int x : line.term_set) f += Has(c->term_set, x);
    best_found = std::max(best_found, f);
    size_t pf = 0, tg = 0, np = 0;
    for (size_t i = 0; i + 1 < terms.size(); ++i, ++np)
      pf += Has(c->pair_set, PairKey(terms[i], terms[i + 1]));
    for (const auto& g : line.trigrams) tg += Has(c->trigram_set, g);
    best_pairs = std::max(best_pairs, Share(pf, np));
    best_tri = std::max(best_tri, Share(tg, line.trigrams.size()));
  }
  bool src_negation = false;
  for (const SupportText* c : cited) src_negation = src_negation || c->negation;
  size_t found = 0, pairs = 0, pairs_found = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    found += in_any(&SupportText::term_set, terms[i]);
    if (i + 1 < terms.size()) {
      ++pairs;
      pairs_found += in_any(&SupportText::pair_set, PairKey(terms[i], terms[i + 1]));
    }
  }
  s.term_coverage = Share(found, terms.size());
  s.pair_coverage = Share(pairs_found, pairs);
  size_t nf = 0;
  for (const auto& n : line.numbers) nf += in_any(&SupportText::number_set, n);
  s.number_coverage = Share(nf, line.numbers.size());
  size_t namef = 0;
  for (int n : line.names) namef += in_any(&SupportText::token_set, n);
  s.name_coverage = Share(namef, line.names.size());
  s.negation_mismatch = line.negation != src_negation && !cited.empty();
  size_t tf = 0;
  for (const auto& g : line.trigrams) tf += in_any(&SupportText::trigram_set, g);
  s.trigram_coverage = Share(tf, line.trigrams.size());
  s.best_coverage = Share(best_found, line.term_set.size());
  s.best_pair_coverage = terms.size() < 2 ? 1 : best_pairs;
  s.best_trigram_coverage = line.trigrams.empty() ? 1 : best_tri;
  // Chosen on the FRANK dev split (bench/README.md, ## brief): a line is as supported as its
  // best source sentence covers its words and word pairs, discounted for names and numbers the
  // sources lack. A negation the sources do not share halves it.
  double cover = (3 * s.best_coverage + s.best_pair_coverage + 0.5 * s.best_trigram_coverage) / 4.5;
  cover = std::max(cover, s.term_coverage * s.pair_coverage);  // facts fused from two sentences
  s.score = cover * (0.5 + 0.5 * s.name_coverage) * (0.7 + 0.3 * s.number_coverage) *
            (s.negation_mismatch ? 0.5 : 1.0);
  if (terms.empty() && line.numbers.empty()) s.score = 1;
  return s;
}

}  // namespace detail

Support ScoreSupport(std::string_view line, const std::vector<std::string_view>& cited) {
  detail::SupportVocab vocab;
  const detail::SupportText read_line = detail::ReadSupportText(line, true, &vocab);
  std::vector<detail::SupportText> read_cited;
  read_cited.reserve(cited.size());
  for (std::string_view c : cited) read_cited.push_back(detail::ReadSupportText(c, false, &vocab));
  std::vector<const detail::SupportText*> ptrs;
  for (const detail::SupportText& c : read_cited) ptrs.push_back(&c);
  return detail::ScoreReadSupport(read_line, ptrs);
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
