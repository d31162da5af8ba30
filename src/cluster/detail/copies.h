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
  void Clear() { *this = CopyIndex(options_); }
  size_t size() const { return docs_.size(); }

 private:
  static constexpr int kBins = 64;
  static constexpr int kRows = 2;  // 32 bands: a pair at Jaccard 0.3 is a candidate 95% of the time
  struct Doc {
    // Sorted and unique once `settled`: only a candidate pair needs that, and most documents
    // never are one (measured: sorting every document was 5% of clustering full text).
    std::vector<uint64_t> shingles;
    bool settled = false;
    std::vector<uint64_t> bands;
  };
  static void Settle(Doc* doc);
  // LSH buckets: (band hash, document) pairs in one open-addressing table with linear probing,
  // several pairs per band hash. Our own because a map of vectors allocated a node and a vector
  // per band (32 per document) and its lookups missed the cache: measured, 8% of clustering
  // full text; no packaged hash map on the machine's base list offers a flat multimap.
  class BandTable {
   public:
    template <typename F>
    void ForEach(uint64_t band, F&& f) const {
      if (cells_.empty()) return;
      for (size_t i = band & mask_; cells_[i].doc != kFree; i = (i + 1) & mask_)
        if (cells_[i].band == band && cells_[i].doc != kGone) f(cells_[i].doc);
    }
    void Insert(uint64_t band, uint32_t doc);
    void Erase(uint64_t band, uint32_t doc);

   private:
    static constexpr uint32_t kFree = 0xFFFFFFFF;  // never used: probing stops here
    static constexpr uint32_t kGone = 0xFFFFFFFE;  // erased: probing goes on
    struct Cell {
      uint64_t band = 0;
      uint32_t doc = kFree;
    };
    void Rebuild(size_t cells);
    std::vector<Cell> cells_;
    size_t mask_ = 0, live_ = 0, used_ = 0;  // used_: live and erased cells
  };
  CopyOptions options_;
  std::unordered_map<uint32_t, Doc> docs_;
  BandTable buckets_;
  std::vector<uint64_t> words_;
  std::vector<uint32_t> seen_;
};

// |a ∩ b| for sorted unique vectors.
size_t IntersectionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace wirebrief::cluster::detail
