// The pages of listed items: which are new or due again, fetched politely, and what a round
// stores for each (the page, or a headline when the page cannot be had). Shared by `watch`
// rounds and `run --follow`.
#include "pipeline/detail/item_pages.h"

#include <algorithm>
#include <string_view>

#include "extract/extract.h"
#include "ingest/listing.h"
#include "ingest/url.h"
#include "pipeline/detail/items.h"
#include "pipeline/detail/watch_policy.h"

namespace wirebrief::pipeline::detail {
namespace {

using ingest::CrawlOutcome;

// Page states are read in chunks (one statement per URL on SQLite; bounded memory).
constexpr size_t kStatesPerLoad = 512;

// Not a URL scheme anything fetches, so a key is never taken for an address.
constexpr std::string_view kLinkLessPrefix = "feed-item:";

}  // namespace

std::string LinkLessItemKey(const std::string& feed_url, const std::string& record_key) {
  return std::string(kLinkLessPrefix) + feed_url + "#" + record_key;
}

bool IsLinkLessItemKey(const std::string& key) { return key.rfind(kLinkLessPrefix, 0) == 0; }

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

ItemPageFetch::ItemPageFetch(const std::vector<ListedItem>& items, const WatchOptions& options,
                             std::time_t now)
    : items_(items), options_(options), now_(now), now_iso_(IsoUtc(now)) {
  out_.item_new.assign(items.size(), 0);
}

void ItemPageFetch::Emit(core::RawDocument d, const ListedItem& item) {
  if (!item.link_less) d.hints["identity_url"] = item.url;
  ++emitted_;
  if (emit_)
    emit_(std::move(d));
  else
    out_.documents.push_back(std::move(d));
}

void ItemPageFetch::Record(const ListedItem& item, const std::string& state,
                           const std::string& error, double retry_seconds, int failures,
                           const ingest::CrawlResult* res, bool documents_added) {
  store::PageState s;
  if (auto it = states_.find(item.url); it != states_.end()) s = it->second;
  s.url = item.url;
  s.state = state;
  s.last_error = error;
  s.failures = failures;
  s.next_attempt = retry_seconds > 0 ? IsoUtc(now_ + static_cast<std::time_t>(retry_seconds)) : "";
  if (res) {
    s.fetched_at = now_iso_;
    if (!res->etag.empty()) s.etag = res->etag;
    if (!res->last_modified.empty()) s.last_modified = res->last_modified;
  }
  if (s.listed_in.empty()) s.listed_in = item.ref.listed_in;
  // With documents just emitted the article id is the item's, and the state holds only if
  // they get stored. A link-less item's id comes from its text, known only to extract: the
  // state's "stored" is what keeps it from being stored twice.
  if (documents_added && !item.link_less) s.article_id = extract::ArticleIdForUrl(s.url);
  out_.states.push_back(std::move(s));
  out_.state_doc.push_back(documents_added ? emitted_ : 0);
}

bool ItemPageFetch::Headline(const ListedItem& item) {
  auto it = states_.find(item.url);
  if (it != states_.end() && !it->second.article_id.empty()) return false;  // stored before
  auto doc = HeadlineOf(item.ref);
  if (!doc) return false;
  Emit(std::move(*doc), item);
  return true;
}

core::Status ItemPageFetch::Plan(store::Store* store) {
  for (size_t from = 0; from < items_.size(); from += kStatesPerLoad) {
    std::vector<std::string> urls;
    for (size_t i = from; i < std::min(items_.size(), from + kStatesPerLoad); ++i)
      urls.push_back(items_[i].url);
    auto got = store->LoadPageStates(urls);
    if (!got.ok()) return got.status();
    for (auto& s : got.value()) states_[s.url] = std::move(s);
  }
  std::vector<size_t> wanted;  // items whose page to fetch
  for (size_t i = 0; i < items_.size(); ++i) {
    const ListedItem& item = items_[i];
    auto it = states_.find(item.url);
    if (it == states_.end()) out_.item_new[i] = 1;
    if (it != states_.end()) {
      const store::PageState& s = it->second;
      if (s.state == "stored") continue;
      if (s.next_attempt.empty() || ParseIsoUtc(s.next_attempt) > now_) continue;
    }
    if (item.content) {
      // The feed carries the article: stored as given, the page is not fetched.
      Emit(*item.content, item);
      Record(item, "stored", "", 0, 0, nullptr, true);
      out_.states.back().fetched_at = now_iso_;
      continue;
    }
    wanted.push_back(i);
  }
  // Newest first, so a round capped by max_pages_per_round fetches what is news now.
  std::stable_sort(wanted.begin(), wanted.end(), [&](size_t a, size_t b) {
    auto date = [&](size_t i) {
      auto d = items_[i].ref.hints.find("date_published");
      return d == items_[i].ref.hints.end() ? std::string() : d->second;
    };
    return date(a) > date(b);
  });
  for (size_t k = 0; k < wanted.size(); ++k) {
    const ListedItem& item = items_[wanted[k]];
    if (k < options_.max_pages_per_round) {
      fetch_.push_back(wanted[k]);
      continue;
    }
    ++out_.deferred;
    bool added = Headline(item);
    auto it = states_.find(item.url);
    Record(item, "headline", "", 1, it == states_.end() ? 0 : it->second.failures, nullptr, added);
  }
  planned_ = std::move(out_.documents);
  out_.documents.clear();
  return core::Status::Ok();
}

void ItemPageFetch::Fetch(ingest::PoliteFetcher* fetcher, const std::atomic<bool>* stop,
                          core::ProgressSink* progress,
                          const std::function<void(core::RawDocument)>& emit) {
  emit_ = emit;
  // The documents planned without a fetch go first, in their order (state_doc counts them).
  for (auto& d : planned_) {
    if (emit_)
      emit_(std::move(d));
    else
      out_.documents.push_back(std::move(d));
  }
  planned_.clear();
  ingest::IngestOptions io;
  io.limits = options_.run.limits;
  std::vector<ingest::CrawlRequest> requests;
  for (size_t k = 0; k < fetch_.size(); ++k) requests.push_back({items_[fetch_[k]].url, "", "", k});
  if (progress) progress->Begin("fetching pages", requests.size());
  // Each page is turned into documents as it arrives (FetchAll calls one at a time), so a
  // caller that processes them meanwhile overlaps fetching with extraction and reading.
  fetcher->FetchAll(
      std::move(requests),
      [&](ingest::CrawlResult res) {
        if (progress) progress->Advance(1);
        const ListedItem& item = items_[fetch_[res.request.tag]];
        auto prior = states_.find(item.url);
        int failures = prior == states_.end() ? 0 : prior->second.failures;
        switch (res.outcome) {
          case CrawlOutcome::kSkipped:
          case CrawlOutcome::kNotModified:  // stopped, or (no validators sent) not expected
            return;                         // nothing recorded: the next round asks again
          case CrawlOutcome::kDisallowed:
            ++out_.blocked;
            Record(item, "disallowed", res.error.ToString(), options_.blocked_retry_seconds,
                   failures, &res, Headline(item));
            return;
          case CrawlOutcome::kRetryLater:
          case CrawlOutcome::kFailed: {
            ++out_.failed;
            out_.errors.push_back(res.error);
            bool added = Headline(item);
            ++failures;
            double retry = res.outcome == CrawlOutcome::kRetryLater && res.retry_after_seconds > 0
                               ? res.retry_after_seconds
                               : PageRetrySeconds(options_, failures);
            Record(item, "failed", res.error.ToString(),
                   failures >= options_.max_page_failures ? 0 : retry, failures, &res, added);
            return;
          }
          case CrawlOutcome::kFetched:
            break;
        }
        const long status = res.page.status;
        core::Result<core::RawDocument> doc = ingest::DocumentFromPage(res.page, io);
        if (!doc.ok()) {
          ++out_.failed;
          out_.errors.push_back(doc.status());
          Record(item, "failed", doc.status().ToString(), 0, failures + 1, &res, Headline(item));
          return;
        }
        ++out_.fetched;
        // What the listing said fills what the page leaves out (extract ranks hints below it).
        for (const auto& [key, value] : item.ref.hints)
          if (key != "record") doc->hints.emplace(key, value);
        Emit(std::move(doc).value(), item);
        // A page without article text (a gallery, a live page) still leaves its item: the
        // headline follows the page and is stored only when the page was not (same article id).
        Headline(item);
        if (status == 401 || status == 402 || status == 403 || status == 451) {
          // The teaser is stored when it holds text (extract marks it not free and truncated);
          // asked again after blocked_retry_seconds in case it opens.
          ++out_.blocked;
          Record(item, "paywalled", item.url + ": HTTP " + std::to_string(status),
                 options_.blocked_retry_seconds, 0, &res, true);
        } else {
          Record(item, "stored", "", 0, 0, &res, true);
        }
      },
      stop);
  if (progress) progress->End();
  emit_ = nullptr;
}

core::Result<ItemPages> FetchItemPages(const std::vector<ListedItem>& items, store::Store* store,
                                       ingest::PoliteFetcher* fetcher, const WatchOptions& options,
                                       std::time_t now, const std::atomic<bool>* stop,
                                       core::ProgressSink* progress) {
  ItemPageFetch f(items, options, now);
  WB_RETURN_IF_ERROR(f.Plan(store));
  f.Fetch(fetcher, stop, progress, nullptr);
  return std::move(f.result());
}

}  // namespace wirebrief::pipeline::detail
