// A watch round: sources -> listings -> new item pages -> RunDocuments -> page and source state.
// The polling policy (when a source is asked next) is in watch_policy.cc.
#include "core/text.h"
#include "pipeline/watch.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "extract/extract.h"
#include "ingest/listing.h"
#include "ingest/url.h"
#include "pipeline/detail/item_pages.h"
#include "pipeline/detail/items.h"
#include "pipeline/detail/watch_policy.h"

namespace wirebrief::pipeline {
namespace {

// Documents fetched and waiting to be processed, at most (bounds a round's memory when fetching
// outruns extraction).
constexpr size_t kQueuedDocuments = 256;  // one extraction batch (RunOptions::batch_size)

using ingest::CrawlOutcome;

struct PolledSource {
  store::SourceRecord record;
  bool due = false;
  bool claimed = false;  // this round holds its lease (its stored next_poll is the lease's end)
  bool busy = false;     // due, but another watch process claimed it first
  bool polled = false;
  bool is_new = false;  // a feed a home page linked, found this round
  size_t items_new = 0;       // listed items without a page state before this round
  size_t articles_stored = 0;  // articles stored from its items this round
  std::vector<std::string> item_dates;  // date_published of listed items, for the rate
  std::optional<double> ttl_seconds;    // the listing's own freshness (ttl, sy:updatePeriod)
  std::optional<double> max_age_seconds;  // Cache-Control max-age of the response
};

std::optional<double> MaxAge(const std::string& cache_control) {
  std::string cc = cache_control;
  cc = core::AsciiLower(cc);
  size_t at = cc.find("max-age=");
  if (at == std::string::npos) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(cc.c_str() + at + 8, &end);
  if (end == cc.c_str() + at + 8 || !(v >= 0)) return std::nullopt;
  return v;
}

std::string OutcomeName(CrawlOutcome o) { return std::string(ingest::CrawlOutcomeName(o)); }

}  // namespace

core::Status AddSources(store::Store* store, const std::vector<std::string>& urls, size_t* added) {
  *added = 0;
  auto existing = store->ListSources();
  if (!existing.ok()) return existing.status();
  std::set<std::string> known;
  for (const auto& s : existing.value()) known.insert(s.url);
  std::string now = IsoUtc(std::time(nullptr));
  for (const std::string& given : urls) {
    std::string url = ingest::NormalizeUrl(given);
    if (url.empty())
      return core::Status::InvalidArgument(given, "not an http(s) URL: a source is a feed, "
                                                  "sitemap or home page URL");
    if (!known.insert(url).second) continue;
    store::SourceRecord s;
    s.url = url;
    s.added_at = now;
    WB_RETURN_IF_ERROR(store->PutSource(s));
    ++*added;
  }
  return core::Status::Ok();
}

namespace {

// One round's state, shared by its steps (WatchRound runs them in order).
class Round {
 public:
  Round(store::Store* store, ingest::PoliteFetcher* fetcher, const WatchOptions& options,
        std::time_t now, core::ProgressSink* progress, const std::atomic<bool>* stop)
      : store_(store),
        fetcher_(fetcher),
        options_(options),
        now_(now),
        now_iso_(IsoUtc(now)),
        progress_(progress),
        stop_(stop) {
    io_.limits = options.run.limits;
  }

  core::Status ClaimDueSources();
  core::Status PollSources();
  core::Status AddPagesDue();
  core::Status FetchAndStorePages();
  core::Status UpdateSources();
  RoundSummary& summary() { return sum_; }

 private:
  bool Stopped() const { return stop_ && stop_->load(); }
  // Records what polling source `i` returned; the listing to read when it has one.
  std::optional<ingest::Listing> TakeResult(size_t i, ingest::CrawlResult& res);
  void AddLinkedFeeds(size_t source, const ingest::Listing& listing,
                      std::vector<size_t>* next_pass);
  core::Status PollSitemapChildren(const std::vector<std::pair<std::string, size_t>>& children);
  void TakeListing(ingest::Listing listing, size_t source);
  core::Status PutConsumedPageStates(size_t consumed, detail::ItemPages* got_pages);

  store::Store* store_;
  ingest::PoliteFetcher* fetcher_;
  const WatchOptions& options_;
  const std::time_t now_;
  const std::string now_iso_;
  core::ProgressSink* progress_;
  const std::atomic<bool>* stop_;
  ingest::IngestOptions io_;
  RoundSummary sum_;
  std::vector<PolledSource> sources_;
  std::vector<ingest::Listing> listings_;  // kept for the items' documents
  std::vector<detail::ListedItem> items_;
  std::unordered_map<std::string, size_t> item_at_;  // normalised URL -> items_ index
  std::unordered_map<std::string, size_t> source_at_;
};

// 1. The sources due now, each claimed for this round (a lease) so that two watch processes do
// not poll one source at once.
core::Status Round::ClaimDueSources() {
  auto listed = store_->ListSources();
  if (!listed.ok()) return listed.status();
  const std::string lease_until =
      IsoUtc(now_ + static_cast<std::time_t>(std::max(options_.source_lease_seconds, 1.0)));
  for (auto& r : listed.value()) {
    PolledSource p;
    p.due = options_.poll_all || r.next_poll.empty() || ParseIsoUtc(r.next_poll) <= now_;
    if (p.due) {
      auto claimed = store_->ClaimSource(r.url, r.next_poll, lease_until);
      if (claimed.ok()) {
        p.claimed = claimed.value();
        if (!p.claimed) {
          p.due = false;  // another watch process polls it this round
          p.busy = true;
          ++sum_.sources_busy;
        }
      } else if (claimed.status().code() != core::StatusCode::kUnsupported) {
        return claimed.status();
      }
    }
    p.record = std::move(r);
    sources_.push_back(std::move(p));
  }
  listings_.reserve(sources_.size() * 2);
  for (size_t i = 0; i < sources_.size(); ++i) source_at_[sources_[i].record.url] = i;
  return core::Status::Ok();
}

// The items of a listing polled for `source`, each URL once in the round.
void Round::TakeListing(ingest::Listing listing, size_t source) {
  listings_.push_back(std::move(listing));
  ingest::Listing& l = listings_.back();
  for (const auto& e : l.errors) sum_.warnings.push_back(e.ToString());
  std::unordered_map<std::string, const core::RawDocument*> content;
  for (const auto& d : l.documents) {
    std::string url = ingest::NormalizeUrl(d.url);
    if (!url.empty()) {
      content[url] = &d;
      continue;
    }
    // A feed item without a link carries its own words (its content, or its title and
    // summary): an item of its own, keyed by the feed and the item's guid or hash.
    if (d.provenance.record_id.empty()) continue;
    std::string key = detail::LinkLessItemKey(sources_[source].record.url, d.provenance.record_id);
    if (auto date = d.hints.find("date_published"); date != d.hints.end())
      sources_[source].item_dates.push_back(date->second);
    if (!item_at_.emplace(key, items_.size()).second) continue;
    detail::ListedItem item;
    item.url = key;
    item.ref.url = key;
    item.ref.kind = "feed_item";
    item.ref.listed_in = sources_[source].record.url;
    item.content = &d;
    item.link_less = true;
    items_.push_back(std::move(item));
  }
  for (auto& ref : l.items) {
    std::string url = ingest::NormalizeUrl(ref.url);
    if (url.empty()) continue;
    if (auto d = ref.hints.find("date_published"); d != ref.hints.end())
      sources_[source].item_dates.push_back(d->second);
    ref.listed_in = sources_[source].record.url;
    auto [it, fresh] = item_at_.emplace(url, items_.size());
    if (!fresh) continue;  // listed by an earlier source too: fetched once
    detail::ListedItem item;
    item.url = url;
    item.ref = ref;
    if (auto c = content.find(url); c != content.end()) item.content = c->second;
    items_.push_back(std::move(item));
  }
}

// 2. Poll them: listings first, then what they lead to (sitemap-index children, the feeds a
// home page links, which become sources of their own and are polled in this round too).
core::Status Round::PollSources() {
  std::vector<size_t> to_poll;
  for (size_t i = 0; i < sources_.size(); ++i)
    if (sources_[i].due)
      to_poll.push_back(i);
    else if (!sources_[i].busy)
      ++sum_.sources_not_due;
  progress_->Begin("polling sources", to_poll.size());
  for (int pass = 0; pass < 2 && !to_poll.empty() && !Stopped(); ++pass) {
    std::vector<ingest::CrawlRequest> requests;
    for (size_t i : to_poll) {
      const store::SourceRecord& r = sources_[i].record;
      requests.push_back({r.url, r.etag, r.last_modified, 0});
    }
    std::vector<ingest::CrawlResult> results =
        detail::FetchInOrder(fetcher_, std::move(requests), stop_, progress_);
    std::vector<size_t> next_pass;
    std::vector<std::pair<std::string, size_t>> children;  // sitemap-index child, its source
    for (size_t k = 0; k < to_poll.size(); ++k) {
      std::optional<ingest::Listing> listing = TakeResult(to_poll[k], results[k]);
      if (!listing) continue;
      if (listing->kind == ingest::Listing::Kind::kHtmlPage) {
        AddLinkedFeeds(to_poll[k], *listing, &next_pass);
        continue;
      }
      if (listing->kind == ingest::Listing::Kind::kSitemapIndex) {
        size_t n = 0;
        for (const std::string& child : listing->listings)
          if (n++ < options_.max_sitemap_children) children.push_back({child, to_poll[k]});
      }
      TakeListing(std::move(*listing), to_poll[k]);
    }
    if (!children.empty() && !Stopped()) WB_RETURN_IF_ERROR(PollSitemapChildren(children));
    to_poll = std::move(next_pass);
  }
  progress_->End();
  return core::Status::Ok();
}

std::optional<ingest::Listing> Round::TakeResult(size_t i, ingest::CrawlResult& res) {
  PolledSource& p = sources_[i];
  store::SourceRecord& r = p.record;
  if (res.outcome == CrawlOutcome::kSkipped)
    return std::nullopt;  // stopped: asked again next round
  p.polled = true;
  ++sum_.sources_polled;
  r.last_poll = now_iso_;
  r.last_outcome = OutcomeName(res.outcome);
  p.max_age_seconds = MaxAge(res.cache_control);
  if (res.outcome == CrawlOutcome::kNotModified) {
    ++sum_.sources_unchanged;
    r.last_success = now_iso_;
    r.consecutive_failures = 0;
    r.last_error.clear();
    return std::nullopt;
  }
  if (res.outcome != CrawlOutcome::kFetched || res.page.status != 200) {
    ++sum_.sources_failed;
    ++r.consecutive_failures;
    r.last_error = res.outcome == CrawlOutcome::kFetched
                       ? r.url + ": HTTP " + std::to_string(res.page.status)
                       : res.error.ToString();
    if (res.outcome == CrawlOutcome::kFetched) r.last_outcome = "failed";
    sum_.errors.push_back(
        res.outcome == CrawlOutcome::kFetched
            ? core::Status::IOError(r.url, "HTTP " + std::to_string(res.page.status))
            : res.error);
    if (res.outcome == CrawlOutcome::kRetryLater && res.retry_after_seconds > 0)
      p.max_age_seconds = std::max(p.max_age_seconds.value_or(0), res.retry_after_seconds);
    return std::nullopt;
  }
  core::Result<ingest::Listing> listing = ingest::ReadListing(res.page, io_);
  if (!listing.ok() || listing->kind == ingest::Listing::Kind::kOther) {
    ++sum_.sources_failed;
    ++r.consecutive_failures;
    core::Status why =
        listing.ok()
            ? core::Status::Unsupported(r.url, "neither a feed, a sitemap nor a page linking feeds")
            : listing.status();
    r.last_error = why.ToString();
    r.last_outcome = "failed";
    sum_.errors.push_back(why);
    return std::nullopt;
  }
  r.consecutive_failures = 0;
  r.last_error.clear();
  r.last_success = now_iso_;
  r.etag = res.etag;
  r.last_modified = res.last_modified;
  r.kind = detail::SourceKind(listing->kind);
  if (!listing->title.empty()) r.title = listing->title;
  p.ttl_seconds = listing->ttl_seconds;
  return std::move(listing).value();
}

// A home page: its feeds become sources (kept in the store, polled from now on).
void Round::AddLinkedFeeds(size_t source, const ingest::Listing& listing,
                           std::vector<size_t>* next_pass) {
  for (const std::string& feed : listing.listings) {
    std::string url = ingest::NormalizeUrl(feed);
    if (url.empty() || source_at_.count(url)) continue;
    PolledSource child;
    child.record.url = url;
    child.record.added_at = now_iso_;
    child.due = true;
    child.is_new = true;
    source_at_[url] = sources_.size();
    next_pass->push_back(sources_.size());
    sources_.push_back(std::move(child));
    ++sum_.sources_added;
  }
  if (listing.listings.empty())
    sum_.warnings.push_back(sources_[source].record.url +
                            ": the page links no feed (<link rel=\"alternate\">)");
}

// Sitemap-index children: validators kept as page states, so an unchanged one costs a 304.
core::Status Round::PollSitemapChildren(
    const std::vector<std::pair<std::string, size_t>>& children) {
  std::vector<std::string> urls;
  for (const auto& c : children) urls.push_back(ingest::NormalizeUrl(c.first));
  auto states = store_->LoadPageStates(urls);
  if (!states.ok()) return states.status();
  std::unordered_map<std::string, store::PageState> known;
  for (auto& s : states.value()) known[s.url] = std::move(s);
  std::vector<ingest::CrawlRequest> child_requests;
  for (const auto& u : urls) {
    auto it = known.find(u);
    child_requests.push_back({u, it == known.end() ? "" : it->second.etag,
                              it == known.end() ? "" : it->second.last_modified, 0});
  }
  progress_->Begin("polling sitemaps", child_requests.size());
  std::vector<ingest::CrawlResult> got =
      detail::FetchInOrder(fetcher_, std::move(child_requests), stop_, progress_);
  std::vector<store::PageState> child_states;
  for (size_t k = 0; k < got.size(); ++k) {
    if (got[k].outcome == CrawlOutcome::kNotModified || got[k].outcome == CrawlOutcome::kSkipped)
      continue;
    if (got[k].outcome != CrawlOutcome::kFetched || got[k].page.status != 200) {
      sum_.warnings.push_back(got[k].error.ok()
                                  ? urls[k] + ": HTTP " + std::to_string(got[k].page.status)
                                  : got[k].error.ToString());
      continue;
    }
    auto l = ingest::ReadListing(got[k].page, io_);
    if (!l.ok()) {
      sum_.warnings.push_back(l.status().ToString());
      continue;
    }
    store::PageState st;
    st.url = urls[k];
    st.state = "listing";
    st.etag = got[k].etag;
    st.last_modified = got[k].last_modified;
    st.fetched_at = now_iso_;
    st.listed_in = sources_[children[k].second].record.url;
    child_states.push_back(std::move(st));
    if (l->kind == ingest::Listing::Kind::kSitemap || l->kind == ingest::Listing::Kind::kFeed)
      TakeListing(std::move(l).value(), children[k].second);
  }
  return store_->PutPageStates(child_states);
}

// Pages due for another attempt whose sources did not list them this round (a 304, or the
// item left the listing): tried by their URL; their headline is stored already.
core::Status Round::AddPagesDue() {
  if (Stopped()) return core::Status::Ok();
  auto due = store_->LoadPageStatesDue(now_iso_, options_.max_pages_per_round);
  if (!due.ok()) return due.status();
  for (const store::PageState& s : due.value()) {
    if (item_at_.count(s.url) || detail::IsLinkLessItemKey(s.url)) continue;  // nothing to fetch
    item_at_.emplace(s.url, items_.size());
    detail::ListedItem item;
    item.url = s.url;
    item.ref.url = s.url;
    item.ref.kind = "feed_item";
    item.ref.listed_in = s.listed_in;
    items_.push_back(std::move(item));
  }
  return core::Status::Ok();
}

// 3-5. Which items are new or due again; their pages, fetched on a thread of their own and
// stored and clustered here as they arrive, so fetching overlaps extraction and reading.
core::Status Round::FetchAndStorePages() {
  detail::ItemPageFetch pages(items_, options_, now_);
  WB_RETURN_IF_ERROR(pages.Plan(store_));
  detail::DocumentQueue queue(kQueuedDocuments);
  std::thread fetching([&] {
    pages.Fetch(fetcher_, stop_, nullptr, [&](core::RawDocument d) { queue.Push(std::move(d)); });
    queue.Close();
  });
  core::Result<RunSummary> run =
      RunDocumentStream([&] { return queue.Pop(); }, store_, options_.run, progress_, stop_);
  queue.Close();  // a stopped or failed consumer: the fetch thread must not wait on a full queue
  fetching.join();
  if (!run.ok()) return run.status();
  detail::ItemPages& got_pages = pages.result();
  for (size_t i = 0; i < items_.size(); ++i)
    if (got_pages.item_new[i])
      if (auto at = source_at_.find(items_[i].ref.listed_in); at != source_at_.end())
        ++sources_[at->second].items_new;
  sum_.pages_fetched = got_pages.fetched;
  sum_.pages_failed = got_pages.failed;
  sum_.pages_blocked = got_pages.blocked;
  sum_.pages_deferred = got_pages.deferred;
  for (auto& e : got_pages.errors) sum_.errors.push_back(std::move(e));
  const RunSummary& rs = run.value();
  for (const auto& e : rs.errors) sum_.errors.push_back(e);
  sum_.articles_new = rs.articles_new;
  sum_.headlines_new = rs.headlines;
  sum_.articles_upgraded = rs.articles_upgraded;
  sum_.stories_new = rs.stories_new;
  sum_.stories_updated = rs.stories_updated;
  sum_.alerts = rs.alerts;
  sum_.webhooks_delivered = rs.webhooks_delivered;
  sum_.webhooks_failed = rs.webhooks_failed;
  for (const auto& w : rs.warnings) sum_.warnings.push_back(w);
  return PutConsumedPageStates(rs.documents_read, &got_pages);
}

// Documents are consumed in order, and the tail is left when stopped: a state whose documents
// were left must not be recorded, so the next round fetches its page again.
core::Status Round::PutConsumedPageStates(size_t consumed, detail::ItemPages* got_pages) {
  std::vector<store::PageState> new_states = std::move(got_pages->states);
  const std::vector<size_t>& state_doc = got_pages->state_doc;
  std::vector<store::PageState> kept;
  for (size_t i = 0; i < new_states.size(); ++i) {
    if (state_doc[i] > consumed) continue;
    if (state_doc[i] > 0)  // an article for the item (its page or its headline) is stored
      if (auto at = source_at_.find(new_states[i].listed_in); at != source_at_.end())
        ++sources_[at->second].articles_stored;
    kept.push_back(std::move(new_states[i]));
  }
  return store_->PutPageStates(kept);
}

// 6. Each polled source's health and next poll.
core::Status Round::UpdateSources() {
  for (PolledSource& p : sources_) {
    // Claimed and not polled (the round was stopped first): its next_poll goes back to what it
    // was, so it is due again at once rather than when the lease ends.
    if (!p.polled && !p.is_new && !p.claimed) continue;
    store::SourceRecord& r = p.record;
    r.items_seen += static_cast<int64_t>(p.items_new);
    r.articles_stored += static_cast<int64_t>(p.articles_stored);
    if (p.polled) {
      detail::PollEvidence e;
      e.failures = r.consecutive_failures;
      e.new_items = p.items_new;
      e.item_dates = p.item_dates;
      e.ttl_seconds = p.ttl_seconds;
      e.max_age_seconds = p.max_age_seconds;
      e.previous_interval = r.interval_seconds;
      r.interval_seconds = detail::NextInterval(options_, e, now_);
      r.next_poll = IsoUtc(now_ + static_cast<std::time_t>(r.interval_seconds));
    }
    WB_RETURN_IF_ERROR(store_->PutSource(r));
  }
  for (const PolledSource& p : sources_) {
    const std::string& next = p.record.next_poll;
    if (!next.empty() && (sum_.next_poll.empty() || next < sum_.next_poll)) sum_.next_poll = next;
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<RoundSummary> WatchRound(store::Store* store, ingest::PoliteFetcher* fetcher,
                                      const WatchOptions& options, std::time_t now,
                                      core::ProgressSink* progress, const std::atomic<bool>* stop) {
  auto start = std::chrono::steady_clock::now();
  core::NullProgress quiet;
  if (!progress) progress = &quiet;
  Round round(store, fetcher, options, now, progress, stop);
  WB_RETURN_IF_ERROR(round.ClaimDueSources());
  WB_RETURN_IF_ERROR(round.PollSources());
  WB_RETURN_IF_ERROR(round.AddPagesDue());
  WB_RETURN_IF_ERROR(round.FetchAndStorePages());
  WB_RETURN_IF_ERROR(round.UpdateSources());
  RoundSummary sum = std::move(round.summary());
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sum;
}

}  // namespace wirebrief::pipeline
