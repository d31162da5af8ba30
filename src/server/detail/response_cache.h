// Rendered API responses kept between requests, so the hot pages (the newest stories, a story
// everyone opens, a saved search polled as a feed) are sent without touching the store.
//
// Entries belong to an epoch; Invalidate() starts a new one, so nothing rendered from older
// data is ever served. The server starts a new epoch whenever a store connection reports a
// changed DataVersion (store.h): a run or ingest from any process empties the cache.
//
// Bounded by bytes (keys and bodies); the least recently used entries go first.
// Thread-safe: one mutex, held only to look up, insert or unlink (never while rendering).
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace wirebrief::server::detail {

struct CachedResponse {
  std::string body;
  std::string content_type;
};

class ResponseCache {
 public:
  // max_bytes 0 disables the cache (Find misses, Put drops).
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The current epoch: read it after checking the store's version and before reading the
  // store, and hand it to Find and Put.
  uint64_t epoch() const { return epoch_.load(std::memory_order_acquire); }
  // Starts a new epoch and drops every entry.
  void Invalidate();

  std::shared_ptr<const CachedResponse> Find(const std::string& key, uint64_t epoch);
  // Dropped when `epoch` is no longer current (the data changed while rendering) or the entry
  // alone is larger than a quarter of the cache.
  void Put(const std::string& key, uint64_t epoch, std::string body, std::string content_type);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::shared_ptr<const CachedResponse> response;
    std::list<std::string>::iterator lru;  // position in lru_ (front = most recent)
    size_t bytes;
  };
  const size_t max_bytes_;
  std::atomic<uint64_t> epoch_{1};
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> map_;
  std::list<std::string> lru_;
  size_t bytes_ = 0;
};

}  // namespace wirebrief::server::detail
