// Near-duplicate detection for wire copies: MinHash signatures of word shingles, banded into
// LSH buckets for candidates, each candidate verified on the exact shingle sets.
//
// Written here rather than taken from a package: Debian packages no C++ MinHash/LSH library,
// and the index must evict documents as the time window closes, which the Python ones lack.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wirebrief::cluster::detail {

struct CopyOptions {
  int shingle_words = 5;
  // Shared shingles over the smaller text's shingles: a trimmed reprint or one with a local
  // paragraph inserted still shares most of the shorter text. Default: 0.5.
  double min_containment = 0.5;
  size_t min_shingles = 12;  // shorter bodies (headline-only items) are never copies
  size_t max_words = 3000;   // the first 3,000 words decide; bounds cost per document
};

struct CopyMatch {
  uint32_t doc = 0;  // the earlier document (its slot)
  double containment = 0;
};

class CopyIndex {
 public:
  explicit CopyIndex(const CopyOptions& options) : options_(options) {}

  // Shingles `text`; returns the best verified match among indexed documents (containment
  // >= min_containment), or doc == UINT32_MAX. Then indexes the text under `slot`.
  CopyMatch FindAndAdd(uint32_t slot, std::string_view text);
  void Remove(uint32_t slot);
  size_t size() const { return docs_.size(); }

 private:
  static constexpr int kBins = 64;
  static constexpr int kRows = 2;  // 32 bands: a pair at Jaccard 0.3 is a candidate 95% of the time
  struct Doc {
    std::vector<uint64_t> shingles;  // sorted, unique
    std::vector<uint64_t> bands;
  };
  CopyOptions options_;
  std::unordered_map<uint32_t, Doc> docs_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
  std::vector<uint64_t> words_;
};

// |a ∩ b| for sorted unique vectors.
size_t IntersectionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace wirebrief::cluster::detail
