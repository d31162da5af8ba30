// The pages of feed and sitemap items (watch rounds and `run --follow`): item_pages.cc.
#pragma once

#include <atomic>
#include <ctime>
#include <string>
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
  std::string url;                             // normalised
  const core::RawDocument* content = nullptr;  // a feed item with its full content (borrowed)
};

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

// Looks up the items' page states; fetches the pages of items that are new or due again
// (newest first, at most options.max_pages_per_round; the rest become headlines); builds the
// documents (each with the "identity_url" hint, so a headline and its page are one article)
// and states. Errors: the store's.
core::Result<ItemPages> FetchItemPages(const std::vector<ListedItem>& items, store::Store* store,
                                       ingest::PoliteFetcher* fetcher, const WatchOptions& options,
                                       std::time_t now, const std::atomic<bool>* stop,
                                       core::ProgressSink* progress);

// FetchAll with the results in request order.
std::vector<ingest::CrawlResult> FetchInOrder(ingest::PoliteFetcher* fetcher,
                                              std::vector<ingest::CrawlRequest> requests,
                                              const std::atomic<bool>* stop,
                                              core::ProgressSink* progress);

}  // namespace wirebrief::pipeline::detail
