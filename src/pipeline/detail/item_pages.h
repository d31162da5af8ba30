// The pages of feed and sitemap items (watch rounds and `run --follow`): item_pages.cc.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <ctime>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/progress.h"
#include "ingest/crawl.h"
#include "ingest/ingest.h"
#include "pipeline/watch.h"
#include "store/store.h"

namespace wirebrief::pipeline::detail {

// One item a listing named.
struct ListedItem {
  ingest::Reference ref;                       // its hints; listed_in = the source's URL
  std::string url;                             // normalised; a link-less item: LinkLessItemKey
  const core::RawDocument* content = nullptr;  // a feed item with its full content (borrowed)
  // A feed item without a link (RSS asks only for a title or a description): its `url` is a
  // page-state key, not an address, so nothing is fetched and the article keeps the id `run`
  // gives it (its text's), not one made from the key.
  bool link_less = false;
};

// The page-state key of a feed item without a link: the feed's normalised URL and the item's
// record key (its guid, else the reader's hash of what it says), so a round that reads the
// same item again finds it stored.
std::string LinkLessItemKey(const std::string& feed_url, const std::string& record_key);
bool IsLinkLessItemKey(const std::string& key);

// What to store for a batch of items, and the page states that say so.
struct ItemPages {
  std::vector<core::RawDocument> documents;  // pages, then headlines for what has no page
  std::vector<store::PageState> states;
  // Per state: the number of leading documents that must be stored for it to hold (its last
  // document + 1); 0 when it needs none. A caller stopped part way records only the states
  // whose documents were stored.
  std::vector<size_t> state_doc;
  std::vector<char> item_new;  // per item: no page state before
  size_t fetched = 0, failed = 0, blocked = 0, deferred = 0;
  std::vector<core::Status> errors;  // one per failed page, naming its URL
};

// The pages of a batch of items, in two phases so fetching can overlap processing: Plan reads
// the page states (the store), Fetch fetches and builds documents (no store: a caller may store
// and cluster the documents on another thread meanwhile). Not thread-safe beyond that.
class ItemPageFetch {
 public:
  // `items` and `options` are borrowed for the object's lifetime.
  ItemPageFetch(const std::vector<ListedItem>& items, const WatchOptions& options, std::time_t now);
  // Which items are new or due again; documents that need no fetch (full-content feed items,
  // headlines of items past the page cap) are held for Fetch. Errors: the store's.
  core::Status Plan(store::Store* store);
  // Emits every document, the planned ones first, then each fetched page's as it arrives
  // (one call at a time, possibly from a fetch worker thread); with a null `emit` they are kept
  // in result().documents.
  void Fetch(ingest::PoliteFetcher* fetcher, const std::atomic<bool>* stop,
             core::ProgressSink* progress, const std::function<void(core::RawDocument)>& emit);
  ItemPages& result() { return out_; }

 private:
  void Emit(core::RawDocument d, const ListedItem& item);
  void Record(const ListedItem& item, const std::string& state, const std::string& error,
              double retry_seconds, int failures, const ingest::CrawlResult* res,
              bool documents_added);
  bool Headline(const ListedItem& item);

  const std::vector<ListedItem>& items_;
  const WatchOptions& options_;
  std::time_t now_;
  std::string now_iso_;
  std::unordered_map<std::string, store::PageState> states_;
  std::vector<size_t> fetch_;  // items whose page is fetched
  std::vector<core::RawDocument> planned_;
  std::function<void(core::RawDocument)> emit_;
  size_t emitted_ = 0;
  ItemPages out_;
};

// Plan and Fetch in one call, the documents kept (`run --follow`). Looks up the items' page states; fetches the pages of items that are new or due again
// (newest first, at most options.max_pages_per_round; the rest become headlines); builds the
// documents (each with the "identity_url" hint, so a headline and its page are one article)
// and states. Errors: the store's.
core::Result<ItemPages> FetchItemPages(const std::vector<ListedItem>& items, store::Store* store,
                                       ingest::PoliteFetcher* fetcher, const WatchOptions& options,
                                       std::time_t now, const std::atomic<bool>* stop,
                                       core::ProgressSink* progress);

// A bounded hand-over of documents from a fetch thread to the thread that stores them. Push
// blocks while full; after Close, Push drops and Pop drains what is left, then answers nullopt.
class DocumentQueue {
 public:
  explicit DocumentQueue(size_t capacity) : capacity_(capacity) {}
  void Push(core::RawDocument d) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return closed_ || q_.size() < capacity_; });
    if (closed_) return;
    q_.push_back(std::move(d));
    ready_.notify_one();
  }
  std::optional<core::RawDocument> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (q_.empty()) return std::nullopt;
    core::RawDocument d = std::move(q_.front());
    q_.pop_front();
    room_.notify_one();
    return d;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    room_.notify_all();
    ready_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable room_, ready_;
  std::deque<core::RawDocument> q_;
  bool closed_ = false;
};

// FetchAll with the results in request order.
std::vector<ingest::CrawlResult> FetchInOrder(ingest::PoliteFetcher* fetcher,
                                              std::vector<ingest::CrawlRequest> requests,
                                              const std::atomic<bool>* stop,
                                              core::ProgressSink* progress);

}  // namespace wirebrief::pipeline::detail
