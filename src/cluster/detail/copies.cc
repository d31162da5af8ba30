#include "cluster/detail/copies.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "cluster/detail/terms.h"

namespace wirebrief::cluster::detail {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser: a cheap, well-spread permutation of 64 bits
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace

void CopyIndex::Settle(Doc* doc) {
  if (doc->settled) return;
  std::sort(doc->shingles.begin(), doc->shingles.end());
  doc->shingles.erase(std::unique(doc->shingles.begin(), doc->shingles.end()), doc->shingles.end());
  doc->settled = true;
}

size_t IntersectionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else
      ++n, ++i, ++j;
  }
  return n;
}

CopyMatch CopyIndex::FindAndAdd(uint32_t slot, std::string_view text) {
  CopyMatch best{std::numeric_limits<uint32_t>::max(), 0};
  WordHashes(text, options_.max_words, &words_);
  size_t k = static_cast<size_t>(std::max(1, options_.shingle_words));
  if (words_.size() < k + options_.min_shingles - 1) return best;
  Doc doc;
  doc.shingles.reserve(words_.size());
  for (size_t i = 0; i + k <= words_.size(); ++i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t j = 0; j < k; ++j) h = Mix(h ^ words_[i + j]);
    doc.shingles.push_back(h);
  }
  // One-permutation MinHash: the shingle's top bits pick a bin, the minimum of the rest is the
  // bin's value; empty bins borrow the next non-empty bin's value (rotation densification).
  std::array<uint64_t, kBins> bins;
  bins.fill(std::numeric_limits<uint64_t>::max());
  // The minimum of a bin is the same with repeated shingles.
  for (uint64_t s : doc.shingles) {
    uint64_t h = Mix(s);
    size_t b = h >> 58;
    bins[b] = std::min<uint64_t>(bins[b], h & ((uint64_t{1} << 58) - 1));
  }
  for (int b = 0; b < kBins; ++b) {
    if (bins[b] != std::numeric_limits<uint64_t>::max()) continue;
    for (int d = 1; d < kBins; ++d) {
      uint64_t v = bins[(b + d) % kBins];
      if (v != std::numeric_limits<uint64_t>::max() && v < (1ULL << 58)) {
        bins[b] = v + (static_cast<uint64_t>(d) << 58);
        break;
      }
    }
  }
  // The best match is the highest containment, then the earliest slot, whatever order the
  // candidates come in.
  std::vector<uint32_t>& seen = seen_;
  seen.clear();
  doc.bands.reserve(kBins / kRows);
  for (int band = 0; band < kBins / kRows; ++band) {
    uint64_t h = Mix(static_cast<uint64_t>(band) + 1);
    for (int r = 0; r < kRows; ++r) h = Mix(h ^ bins[band * kRows + r]);
    doc.bands.push_back(h);
    buckets_.ForEach(h, [&](uint32_t other) {
      if (std::find(seen.begin(), seen.end(), other) != seen.end()) return;
      seen.push_back(other);
      Doc& o = docs_.at(other);
      Settle(&doc);
      Settle(&o);
      size_t inter = IntersectionSize(doc.shingles, o.shingles);
      double c = static_cast<double>(inter) /
                 static_cast<double>(std::min(doc.shingles.size(), o.shingles.size()));
      if (c >= options_.min_containment && inter >= options_.min_shingles &&
          (c > best.containment || (c == best.containment && other < best.doc)))
        best = {other, c};
    });
  }
  for (uint64_t b : doc.bands) buckets_.Insert(b, slot);
  docs_[slot] = std::move(doc);
  return best;
}

void CopyIndex::Remove(uint32_t slot) {
  auto it = docs_.find(slot);
  if (it == docs_.end()) return;
  for (uint64_t b : it->second.bands) buckets_.Erase(b, slot);
  docs_.erase(it);
}

void CopyIndex::BandTable::Insert(uint64_t band, uint32_t doc) {
  // At most half the cells in use (live or erased) keeps probe runs short.
  if ((used_ + 1) * 2 > cells_.size()) Rebuild(std::max<size_t>(64, (live_ + 1) * 4));
  size_t i = band & mask_;
  while (cells_[i].doc != kFree && cells_[i].doc != kGone) i = (i + 1) & mask_;
  used_ += cells_[i].doc == kFree;
  cells_[i] = {band, doc};
  ++live_;
}

void CopyIndex::BandTable::Erase(uint64_t band, uint32_t doc) {
  if (cells_.empty()) return;
  for (size_t i = band & mask_; cells_[i].doc != kFree; i = (i + 1) & mask_) {
    if (cells_[i].band == band && cells_[i].doc == doc) {
      cells_[i].doc = kGone;
      --live_;
      return;
    }
  }
}

void CopyIndex::BandTable::Rebuild(size_t cells) {
  size_t n = 64;
  while (n < cells) n *= 2;
  std::vector<Cell> old = std::exchange(cells_, std::vector<Cell>(n));
  mask_ = n - 1;
  used_ = live_ = 0;
  for (const Cell& c : old)
    if (c.doc != kFree && c.doc != kGone) Insert(c.band, c.doc);
}

}  // namespace wirebrief::cluster::detail
