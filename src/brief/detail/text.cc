#include "brief/detail/text.h"

#include <libstemmer.h>

#include <cctype>
#include <memory>
#include <unordered_map>

#include "nlp/read.h"

namespace wirebrief::brief::detail {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-'; }

std::string StemUncached(std::string_view w) {
  // A Snowball stemmer object is not thread-safe; one per thread keeps BuildBrief reentrant.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return std::string(w);
  const sb_symbol* out = sb_stemmer_stem(
      stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
  if (!out) return std::string(w);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace

std::string Stem(std::string_view w) {
  if (w.size() <= 3 || std::isdigit(static_cast<unsigned char>(w[0]))) return std::string(w);
  // News repeats its vocabulary: a bounded per-thread cache of stems saves most Snowball calls
  // (Stem was ~6% of BuildBrief, perf on bench/brief_bench). Cleared when full.
  constexpr size_t kMaxCached = 1 << 15, kMaxCachedWord = 48;
  if (w.size() > kMaxCachedWord) return StemUncached(w);
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(std::string(w)); it != cache.end()) return it->second;
  if (cache.size() >= kMaxCached) cache.clear();
  std::string stem = StemUncached(w);
  cache.emplace(std::string(w), stem);
  return stem;
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& t : nlp::ContentTokens(text)) out.push_back(Stem(t));
  return out;
}

std::vector<std::string> Numbers(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ',' || text[j] == '.'))
      ++j;
    std::string n(text.substr(i, j - i));
    while (!n.empty() && (n.back() == '.' || n.back() == ',')) n.pop_back();
    std::string norm;
    for (char c : n)
      if (c != ',') norm += c;
    out.push_back(norm);
    i = j;
  }
  return out;
}

std::vector<std::string> NameWords(std::string_view text) {
  std::vector<std::string> out;
  bool sentence_start = true;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!IsWordByte(c)) {
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\n')
        sentence_start = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view w = text.substr(i, j - i);
    if (!sentence_start && std::isupper(static_cast<unsigned char>(w[0])) && w.size() > 1) {
      std::string lower = Lower(w);
      if (!nlp::IsStopWord(lower)) out.push_back(std::move(lower));
    }
    sentence_start = false;
    i = j;
  }
  return out;
}

bool HasNegation(std::string_view text) {
  static const CueSet kNegation{
      {" not ", " no ", " never ", "n't ", " without ", " nobody ", " none ", " neither "}};
  std::string lower = " " + Lower(text) + " ";
  return kNegation.FoundIn(lower);
}

size_t WordCount(std::string_view text) {
  size_t n = 0;
  bool in = false;
  for (char c : text) {
    // std::isspace in the "C" locale, without a library call per byte.
    bool space = c == ' ' || (c >= '\t' && c <= '\r');
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

std::string Lower(std::string_view s) {
  std::string out;
  AppendLower(s, &out);
  return out;
}

void AppendLower(std::string_view s, std::string* out) {
  size_t at = out->size();
  out->resize(at + s.size());
  char* o = out->data() + at;
  // ASCII only, as std::tolower in the "C" locale, without a library call per byte.
  for (char c : s) *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

CueSet::CueSet(std::initializer_list<std::initializer_list<const char*>> lists) {
  uint32_t bit = 1;
  for (const auto& list : lists) {
    for (const char* p : list) {
      std::string phrase(p);
      if (phrase.empty()) continue;
      auto first = static_cast<unsigned char>(phrase[0]);
      auto second = static_cast<unsigned char>(phrase.size() > 1 ? phrase[1] : 0);
      by_first_[first].push_back({second, static_cast<uint16_t>(phrases_.size())});
      if (phrase.size() == 1) {
        for (unsigned any = 0; any < 256; ++any) first_two_.set(first << 8 | any);
      } else {
        first_two_.set(first << 8 | second);
      }
      phrases_.push_back({std::move(phrase), bit});
    }
    all_ |= bit;
    bit <<= 1;
  }
}

uint32_t CueSet::Find(std::string_view text) const {
  uint32_t found = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    auto first = static_cast<unsigned char>(text[i]);
    unsigned second = i + 1 < n ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (!first_two_.test(first << 8 | second)) continue;
    for (auto [want, k] : by_first_[first]) {
      if (want != second && want != 0) continue;
      const Phrase& p = phrases_[k];
      if ((found & p.list_bit) || p.text.size() > n - i) continue;
      size_t j = 2;  // the first two bytes already match (or the phrase is one byte long)
      while (j < p.text.size() && p.text[j] == text[i + j]) ++j;
      if (j >= p.text.size() && (found |= p.list_bit) == all_) return found;
    }
  }
  return found;
}

}  // namespace wirebrief::brief::detail
