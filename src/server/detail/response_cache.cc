#include "server/detail/response_cache.h"

namespace wirebrief::server::detail {

namespace {
// What an entry costs beyond its strings: map node, list node, shared control block.
constexpr size_t kEntryOverhead = 160;
}  // namespace

void ResponseCache::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  epoch_.fetch_add(1, std::memory_order_acq_rel);
  map_.clear();
  lru_.clear();
  bytes_ = 0;
}

std::shared_ptr<const CachedResponse> ResponseCache::Find(const std::string& key, uint64_t epoch) {
  if (max_bytes_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  // Entries of older epochs were dropped by Invalidate; a caller holding an old epoch misses.
  if (epoch != epoch_.load(std::memory_order_relaxed)) return nullptr;
  auto it = map_.find(key);
  if (it == map_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.response;
}

void ResponseCache::Put(const std::string& key, uint64_t epoch, std::string body,
                        std::string content_type) {
  const size_t cost = key.size() + body.size() + content_type.size() + kEntryOverhead;
  if (max_bytes_ == 0 || cost > max_bytes_ / 4) return;
  auto response = std::make_shared<const CachedResponse>(
      CachedResponse{std::move(body), std::move(content_type)});
  std::lock_guard<std::mutex> lock(mu_);
  if (epoch != epoch_.load(std::memory_order_relaxed)) return;
  if (auto it = map_.find(key); it != map_.end()) {
    bytes_ -= it->second.bytes;
    lru_.erase(it->second.lru);
    map_.erase(it);
  }
  while (bytes_ + cost > max_bytes_ && !lru_.empty()) {
    auto victim = map_.find(lru_.back());
    bytes_ -= victim->second.bytes;
    map_.erase(victim);
    lru_.pop_back();
  }
  lru_.push_front(key);
  map_.emplace(key, Entry{std::move(response), lru_.begin(), cost});
  bytes_ += cost;
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return map_.size();
}

}  // namespace wirebrief::server::detail
