// The pages of listed items: which are new or due again, fetched politely, and what a round
// stores for each (the page, or a headline when the page cannot be had). Shared by `watch`
// rounds and `run --follow`.
#include <algorithm>

#include "extract/extract.h"
#include "ingest/listing.h"
#include "ingest/url.h"
#include "pipeline/detail/item_pages.h"
#include "pipeline/detail/items.h"
#include "pipeline/detail/watch_policy.h"

namespace wirebrief::pipeline::detail {
namespace {

using ingest::CrawlOutcome;

// Page states are read in chunks (one statement per URL on SQLite; bounded memory).
constexpr size_t kStatesPerLoad = 512;

}  // namespace

std::vector<ingest::CrawlResult> FetchInOrder(ingest::PoliteFetcher* fetcher,
                                              std::vector<ingest::CrawlRequest> requests,
                                              const std::atomic<bool>* stop,
                                              core::ProgressSink* progress) {
  std::vector<ingest::CrawlResult> out(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) requests[i].tag = i;
  fetcher->FetchAll(
      std::move(requests),
      [&](ingest::CrawlResult r) {
        size_t i = r.request.tag;
        out[i] = std::move(r);
        if (progress) progress->Advance(1);
      },
      stop);
  return out;
}

core::Result<ItemPages> FetchItemPages(const std::vector<ListedItem>& items, store::Store* store,
                                       ingest::PoliteFetcher* fetcher, const WatchOptions& options,
                                       std::time_t now, const std::atomic<bool>* stop,
                                       core::ProgressSink* progress) {
  ItemPages out;
  out.item_new.assign(items.size(), 0);
  const std::string now_iso = IsoUtc(now);
  ingest::IngestOptions io;
  io.limits = options.run.limits;
  std::unordered_map<std::string, store::PageState> states;
  for (size_t from = 0; from < items.size(); from += kStatesPerLoad) {
    std::vector<std::string> urls;
    for (size_t i = from; i < std::min(items.size(), from + kStatesPerLoad); ++i)
      urls.push_back(items[i].url);
    auto got = store->LoadPageStates(urls);
    if (!got.ok()) return got.status();
    for (auto& s : got.value()) states[s.url] = std::move(s);
  }
  std::vector<size_t> wanted;  // items indices whose page to fetch
  std::vector<core::RawDocument>& documents = out.documents;
  std::vector<store::PageState>& new_states = out.states;
  std::vector<size_t>& state_doc = out.state_doc;
  auto add_document = [&](core::RawDocument d, const ListedItem& item) {
    d.hints["identity_url"] = item.url;
    documents.push_back(std::move(d));
  };
  // Records a state; `documents_added` says whether documents for it were just added (its
  // article id is then the item's, and the state holds only if they get stored).
  auto push_state = [&](store::PageState s, bool documents_added) {
    if (documents_added) s.article_id = extract::ArticleIdForUrl(s.url);
    new_states.push_back(std::move(s));
    state_doc.push_back(documents_added ? documents.size() : 0);
  };
  for (size_t i = 0; i < items.size(); ++i) {
    const ListedItem& item = items[i];
    auto it = states.find(item.url);
    if (it == states.end()) out.item_new[i] = 1;
    if (it != states.end()) {
      const store::PageState& s = it->second;
      if (s.state == "stored") continue;
      if (s.next_attempt.empty() || ParseIsoUtc(s.next_attempt) > now) continue;
    }
    if (item.content) {
      // The feed carries the article: stored as given, the page is not fetched.
      add_document(*item.content, item);
      store::PageState s;
      s.url = item.url;
      s.state = "stored";
      s.fetched_at = now_iso;
      s.listed_in = item.ref.listed_in;
      push_state(std::move(s), true);
      continue;
    }
    wanted.push_back(i);
  }
  // Newest first, so a round capped by max_pages_per_round fetches what is news now.
  std::stable_sort(wanted.begin(), wanted.end(), [&](size_t a, size_t b) {
    auto date = [&](size_t i) {
      auto d = items[i].ref.hints.find("date_published");
      return d == items[i].ref.hints.end() ? std::string() : d->second;
    };
    return date(a) > date(b);
  });
  auto record = [&](const ListedItem& item, const std::string& state, const std::string& error,
                    double retry_seconds, int failures, const ingest::CrawlResult* res,
                    bool documents_added) {
    store::PageState s;
    if (auto it = states.find(item.url); it != states.end()) s = it->second;
    s.url = item.url;
    s.state = state;
    s.last_error = error;
    s.failures = failures;
    s.next_attempt = retry_seconds > 0 ? IsoUtc(now + static_cast<std::time_t>(retry_seconds)) : "";
    if (res) {
      s.fetched_at = now_iso;
      if (!res->etag.empty()) s.etag = res->etag;
      if (!res->last_modified.empty()) s.last_modified = res->last_modified;
    }
    if (s.listed_in.empty()) s.listed_in = item.ref.listed_in;
    push_state(std::move(s), documents_added);
  };
  // A headline article for an item whose page is not (yet) stored; once per item. True when
  // a document was added.
  auto headline = [&](const ListedItem& item) {
    auto it = states.find(item.url);
    if (it != states.end() && !it->second.article_id.empty()) return false;  // stored before
    auto doc = HeadlineOf(item.ref);
    if (!doc) return false;
    add_document(std::move(*doc), item);
    return true;
  };
  size_t cap = options.max_pages_per_round;
  std::vector<size_t> fetch;
  for (size_t k = 0; k < wanted.size(); ++k) {
    const ListedItem& item = items[wanted[k]];
    if (k < cap) {
      fetch.push_back(wanted[k]);
      continue;
    }
    ++out.deferred;
    bool added = headline(item);
    auto it = states.find(item.url);
    record(item, "headline", "", 1, it == states.end() ? 0 : it->second.failures, nullptr, added);
  }

  // 4. Fetch the pages.
  std::vector<ingest::CrawlRequest> requests;
  for (size_t i : fetch) requests.push_back({items[i].url, "", "", 0});
  if (progress) progress->Begin("fetching pages", requests.size());
  std::vector<ingest::CrawlResult> pages = FetchInOrder(fetcher, std::move(requests), stop, progress);
  if (progress) progress->End();
  for (size_t k = 0; k < fetch.size(); ++k) {
    const ListedItem& item = items[fetch[k]];
    ingest::CrawlResult& res = pages[k];
    auto prior = states.find(item.url);
    int failures = prior == states.end() ? 0 : prior->second.failures;
    switch (res.outcome) {
      case CrawlOutcome::kSkipped:
        continue;  // stopped: nothing recorded, the next round asks again
      case CrawlOutcome::kDisallowed:
        ++out.blocked;
        record(item, "disallowed", res.error.ToString(), options.blocked_retry_seconds, failures,
               &res, headline(item));
        continue;
      case CrawlOutcome::kRetryLater:
      case CrawlOutcome::kFailed:
      case CrawlOutcome::kNotModified: {
        if (res.outcome == CrawlOutcome::kNotModified) continue;  // no validators were sent
        ++out.failed;
        out.errors.push_back(res.error);
        bool added = headline(item);
        ++failures;
        double retry = res.outcome == CrawlOutcome::kRetryLater && res.retry_after_seconds > 0
                           ? res.retry_after_seconds
                           : PageRetrySeconds(options, failures);
        record(item, "failed", res.error.ToString(),
               failures >= options.max_page_failures ? 0 : retry, failures, &res, added);
        continue;
      }
      case CrawlOutcome::kFetched:
        break;
    }
    const long status = res.page.status;
    core::Result<core::RawDocument> doc = ingest::DocumentFromPage(res.page, io);
    if (!doc.ok()) {
      ++out.failed;
      out.errors.push_back(doc.status());
      record(item, "failed", doc.status().ToString(), 0, failures + 1, &res, headline(item));
      continue;
    }
    ++out.fetched;
    // What the listing said fills what the page leaves out (extract ranks hints below the page).
    for (const auto& [key, value] : item.ref.hints)
      if (key != "record") doc->hints.emplace(key, value);
    add_document(std::move(doc).value(), item);
    // A page without article text (a gallery, a live page) still leaves its item: the
    // headline follows the page and is stored only when the page was not (same article id).
    headline(item);
    bool paywalled = status == 401 || status == 402 || status == 403 || status == 451;
    if (paywalled) {
      // The teaser page is stored when it holds text (extract marks it not free and
      // truncated); asked again after blocked_retry_seconds in case it opens.
      ++out.blocked;
      record(item, "paywalled", item.url + ": HTTP " + std::to_string(status),
             options.blocked_retry_seconds, 0, &res, true);
    } else {
      record(item, "stored", "", 0, 0, &res, true);
    }
  }

  return out;
}

}  // namespace wirebrief::pipeline::detail
