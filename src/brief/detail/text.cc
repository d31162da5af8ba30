#include "brief/detail/text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <mutex>

#include "brief/detail/stemmer_module.h"
#include "core/module.h"
#include "core/text.h"
#include "nlp/read.h"

namespace wirebrief::brief::detail {
namespace {

// Null when the module is missing (StemUncached says so once).
const StemmerModuleApi* Snowball() {
  static const StemmerModuleApi* const api =
      StemmerModule().ok() ? StemmerModule().value() : nullptr;
  return api;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { Snowball()->delete_stemmer(s); }
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-'; }

// Callers that stem a story's words repeatedly keep their own per-story cache (BriefBuilder):
// a process-wide cache of every word seen measured slower than Snowball itself (hash-table
// cache misses on a large vocabulary).
std::string StemUncached(std::string_view w) {
  const StemmerModuleApi* snowball = Snowball();
  if (!snowball) {
    // BuildBrief has no error to return, and unstemmed words only match less: say why once
    // rather than let a broken install pass for a working one.
    static std::once_flag said;
    std::call_once(said, [] {
      std::fprintf(stderr, "wirebrief: stemming unavailable, briefs compare whole words: %s\n",
                   StemmerModule().status().ToString().c_str());
    });
    return std::string(w);
  }
  // A Snowball stemmer object is not thread-safe; one per thread keeps BuildBrief reentrant.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      snowball->new_stemmer("english", "UTF_8"));
  if (!stemmer) return std::string(w);
  const sb_symbol* out = snowball->stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()),
                                        static_cast<int>(w.size()));
  if (!out) return std::string(w);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(snowball->length(stemmer.get())));
}

}  // namespace

const core::Result<const StemmerModuleApi*>& StemmerModule() {
  static const core::Result<const StemmerModuleApi*> api =
      core::LoadModuleApi<StemmerModuleApi>(kStemmerModule, kStemmerModuleEntry, kStemmerModuleAbi);
  return api;
}

std::string Stem(std::string_view w) {
  if (w.size() <= 3 || std::isdigit(static_cast<unsigned char>(w[0]))) return std::string(w);
  return StemUncached(w);
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
      std::string lower = core::AsciiLower(w);
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
  std::string lower = " " + core::AsciiLower(text) + " ";
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

CueSet::CueSet(std::initializer_list<std::initializer_list<const char*>> lists) {
  for (const auto& list : lists) AddList(std::vector<std::string>(list.begin(), list.end()));
  Index();
}

CueSet::CueSet(const std::vector<std::vector<std::string>>& lists) {
  for (const auto& list : lists) AddList(list);
  Index();
}

void CueSet::AddList(const std::vector<std::string>& list) {
  const uint32_t bit = next_bit_;
  for (const std::string& phrase : list) {
    if (phrase.size() == 1) one_byte_[static_cast<unsigned char>(phrase[0])] |= bit;
    if (phrase.size() >= 2) phrases_.push_back({phrase, bit});
  }
  all_ |= bit;
  next_bit_ <<= 1;
}

void CueSet::Index() {
  auto key = [](const Phrase& p) {
    return static_cast<unsigned char>(p.text[0]) << 8 | static_cast<unsigned char>(p.text[1]);
  };
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [&](const Phrase& x, const Phrase& y) { return key(x) < key(y); });
  slot_.fill(-1);
  for (size_t k = 0; k < phrases_.size(); ++k) {
    auto first = static_cast<unsigned char>(phrases_[k].text[0]);
    if (slot_[first] < 0) {
      slot_[first] = static_cast<int16_t>(from_.size());
      from_.emplace_back();
      from_.back().fill(static_cast<uint16_t>(k));
    }
  }
  // from_[slot][b] = first phrase (in sorted order) with that first byte and second byte >= b.
  for (int first = 0; first < 256; ++first) {
    if (slot_[first] < 0) continue;
    auto& from = from_[slot_[first]];
    size_t k = from[0];
    for (unsigned b = 0; b <= 256; ++b) {
      while (k < phrases_.size() && key(phrases_[k]) >> 8 == first &&
             static_cast<unsigned>(key(phrases_[k]) & 0xFF) < b)
        ++k;
      from[b] = static_cast<uint16_t>(k);
    }
  }
}

uint32_t CueSet::Find(std::string_view text) const {
  uint32_t found = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    auto first = static_cast<unsigned char>(text[i]);
    if (one_byte_[first] && (found |= one_byte_[first]) == all_) return found;
    int slot = slot_[first];
    if (slot < 0 || i + 1 >= n) continue;
    auto second = static_cast<unsigned char>(text[i + 1]);
    const auto& from = from_[slot];
    for (size_t k = from[second]; k < from[second + 1]; ++k) {
      const Phrase& p = phrases_[k];
      if ((found & p.list_bit) || p.text.size() > n - i) continue;
      size_t j = 2;  // the first two bytes match
      while (j < p.text.size() && p.text[j] == text[i + j]) ++j;
      if (j >= p.text.size() && (found |= p.list_bit) == all_) return found;
    }
  }
  return found;
}

}  // namespace wirebrief::brief::detail
