// A watch round: sources -> listings -> new item pages -> RunDocuments -> page and source state.
// The polling policy (when a source is asked next) is in watch_policy.cc.
#include "pipeline/watch.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "extract/extract.h"
#include "ingest/listing.h"
#include "ingest/url.h"
#include "pipeline/detail/items.h"
#include "pipeline/detail/watch_policy.h"

namespace wirebrief::pipeline {
namespace {

using ingest::CrawlOutcome;

// Page states are read in chunks (one statement per URL on SQLite; bounded memory).
constexpr size_t kStatesPerLoad = 512;

struct PolledSource {
  store::SourceRecord record;
  bool due = false;
  bool polled = false;
  bool is_new = false;  // a feed a home page linked, found this round
  size_t items_new = 0;       // listed items without a page state before this round
  size_t articles_stored = 0;  // articles stored from its items this round
  std::vector<std::string> item_dates;  // date_published of listed items, for the rate
  std::optional<double> ttl_seconds;    // the listing's own freshness (ttl, sy:updatePeriod)
  std::optional<double> max_age_seconds;  // Cache-Control max-age of the response
};

// One item a listing named, with the sources that listed it.
struct Item {
  ingest::Reference ref;
  std::string url;  // normalised
  const core::RawDocument* content = nullptr;  // a feed item with its full content
};

std::optional<double> MaxAge(const std::string& cache_control) {
  std::string cc = cache_control;
  std::transform(cc.begin(), cc.end(), cc.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t at = cc.find("max-age=");
  if (at == std::string::npos) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(cc.c_str() + at + 8, &end);
  if (end == cc.c_str() + at + 8 || !(v >= 0)) return std::nullopt;
  return v;
}

// Fetches `requests` and returns the results in request order (FetchAll reports them in
// completion order, one at a time).
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

core::Result<RoundSummary> WatchRound(store::Store* store, ingest::PoliteFetcher* fetcher,
                                      const WatchOptions& options, std::time_t now,
                                      core::ProgressSink* progress,
                                      const std::atomic<bool>* stop) {
  auto start = std::chrono::steady_clock::now();
  core::NullProgress quiet;
  if (!progress) progress = &quiet;
  RoundSummary sum;
  const std::string now_iso = IsoUtc(now);
  auto stopped = [&] { return stop && stop->load(); };

  // 1. The sources due now.
  auto listed = store->ListSources();
  if (!listed.ok()) return listed.status();
  std::vector<PolledSource> sources;
  for (auto& r : listed.value()) {
    PolledSource p;
    p.due = options.poll_all || r.next_poll.empty() || ParseIsoUtc(r.next_poll) <= now;
    p.record = std::move(r);
    sources.push_back(std::move(p));
  }

  ingest::IngestOptions io;
  io.limits = options.run.limits;
  std::vector<ingest::Listing> listings;  // kept for the items' documents
  listings.reserve(sources.size() * 2);
  std::vector<Item> items;
  std::unordered_map<std::string, size_t> item_at;  // normalised URL -> items index
  std::unordered_map<std::string, size_t> source_at;
  for (size_t i = 0; i < sources.size(); ++i) source_at[sources[i].record.url] = i;

  auto take_listing = [&](ingest::Listing listing, size_t source) {
    listings.push_back(std::move(listing));
    ingest::Listing& l = listings.back();
    for (const auto& e : l.errors) sum.warnings.push_back(e.ToString());
    std::unordered_map<std::string, const core::RawDocument*> content;
    for (const auto& d : l.documents) content[ingest::NormalizeUrl(d.url)] = &d;
    for (auto& ref : l.items) {
      std::string url = ingest::NormalizeUrl(ref.url);
      if (url.empty()) continue;
      if (auto d = ref.hints.find("date_published"); d != ref.hints.end())
        sources[source].item_dates.push_back(d->second);
      ref.listed_in = sources[source].record.url;
      auto [it, fresh] = item_at.emplace(url, items.size());
      if (!fresh) continue;  // listed by an earlier source too: fetched once
      Item item;
      item.url = url;
      item.ref = ref;
      if (auto c = content.find(url); c != content.end()) item.content = c->second;
      items.push_back(std::move(item));
    }
  };

  // 2. Poll them: listings first, then what they lead to (sitemap-index children, the feeds a
  // home page links, which become sources of their own and are polled in this round too).
  std::vector<size_t> to_poll;
  for (size_t i = 0; i < sources.size(); ++i)
    if (sources[i].due) to_poll.push_back(i); else ++sum.sources_not_due;
  progress->Begin("polling sources", to_poll.size());
  for (int pass = 0; pass < 2 && !to_poll.empty() && !stopped(); ++pass) {
    std::vector<ingest::CrawlRequest> requests;
    for (size_t i : to_poll) {
      const store::SourceRecord& r = sources[i].record;
      requests.push_back({r.url, r.etag, r.last_modified, 0});
    }
    std::vector<ingest::CrawlResult> results = FetchInOrder(fetcher, std::move(requests), stop, progress);
    std::vector<size_t> next_pass;
    std::vector<std::pair<std::string, size_t>> children;  // sitemap-index child, its source
    for (size_t k = 0; k < to_poll.size(); ++k) {
      PolledSource& p = sources[to_poll[k]];
      ingest::CrawlResult& res = results[k];
      store::SourceRecord& r = p.record;
      if (res.outcome == CrawlOutcome::kSkipped) continue;  // stopped: asked again next round
      p.polled = true;
      ++sum.sources_polled;
      r.last_poll = now_iso;
      r.last_outcome = OutcomeName(res.outcome);
      p.max_age_seconds = MaxAge(res.cache_control);
      if (res.outcome == CrawlOutcome::kNotModified) {
        ++sum.sources_unchanged;
        r.last_success = now_iso;
        r.consecutive_failures = 0;
        r.last_error.clear();
        continue;
      }
      if (res.outcome != CrawlOutcome::kFetched || res.page.status != 200) {
        ++sum.sources_failed;
        ++r.consecutive_failures;
        r.last_error = res.outcome == CrawlOutcome::kFetched
                           ? r.url + ": HTTP " + std::to_string(res.page.status)
                           : res.error.ToString();
        if (res.outcome == CrawlOutcome::kFetched) r.last_outcome = "failed";
        sum.errors.push_back(res.outcome == CrawlOutcome::kFetched
                                 ? core::Status::IOError(r.url, "HTTP " + std::to_string(res.page.status))
                                 : res.error);
        if (res.outcome == CrawlOutcome::kRetryLater && res.retry_after_seconds > 0)
          p.max_age_seconds = std::max(p.max_age_seconds.value_or(0), res.retry_after_seconds);
        continue;
      }
      core::Result<ingest::Listing> listing = ingest::ReadListing(res.page, io);
      if (!listing.ok() || listing->kind == ingest::Listing::Kind::kOther) {
        ++sum.sources_failed;
        ++r.consecutive_failures;
        core::Status why = listing.ok() ? core::Status::Unsupported(
                                              r.url, "neither a feed, a sitemap nor a page linking feeds")
                                        : listing.status();
        r.last_error = why.ToString();
        r.last_outcome = "failed";
        sum.errors.push_back(why);
        continue;
      }
      r.consecutive_failures = 0;
      r.last_error.clear();
      r.last_success = now_iso;
      r.etag = res.etag;
      r.last_modified = res.last_modified;
      r.kind = detail::SourceKind(listing->kind);
      if (!listing->title.empty()) r.title = listing->title;
      p.ttl_seconds = listing->ttl_seconds;
      if (listing->kind == ingest::Listing::Kind::kHtmlPage) {
        // A home page: its feeds become sources (kept in the store, polled from now on).
        for (const std::string& feed : listing->listings) {
          std::string url = ingest::NormalizeUrl(feed);
          if (url.empty() || source_at.count(url)) continue;
          PolledSource child;
          child.record.url = url;
          child.record.added_at = now_iso;
          child.due = true;
          child.is_new = true;
          source_at[url] = sources.size();
          next_pass.push_back(sources.size());
          sources.push_back(std::move(child));
          ++sum.sources_added;
        }
        if (listing->listings.empty())
          sum.warnings.push_back(r.url + ": the page links no feed (<link rel=\"alternate\">)");
        continue;
      }
      if (listing->kind == ingest::Listing::Kind::kSitemapIndex) {
        size_t n = 0;
        for (const std::string& child : listing->listings)
          if (n++ < options.max_sitemap_children) children.push_back({child, to_poll[k]});
      }
      take_listing(std::move(listing).value(), to_poll[k]);
    }
    // Sitemap-index children: validators kept as page states, so an unchanged one costs a 304.
    if (!children.empty() && !stopped()) {
      std::vector<std::string> urls;
      for (const auto& c : children) urls.push_back(ingest::NormalizeUrl(c.first));
      auto states = store->LoadPageStates(urls);
      if (!states.ok()) return states.status();
      std::unordered_map<std::string, store::PageState> known;
      for (auto& s : states.value()) known[s.url] = std::move(s);
      std::vector<ingest::CrawlRequest> child_requests;
      for (const auto& u : urls) {
        auto it = known.find(u);
        child_requests.push_back({u, it == known.end() ? "" : it->second.etag,
                            it == known.end() ? "" : it->second.last_modified, 0});
      }
      progress->Begin("polling sitemaps", child_requests.size());
      std::vector<ingest::CrawlResult> got =
          FetchInOrder(fetcher, std::move(child_requests), stop, progress);
      std::vector<store::PageState> child_states;
      for (size_t k = 0; k < got.size(); ++k) {
        if (got[k].outcome == CrawlOutcome::kNotModified || got[k].outcome == CrawlOutcome::kSkipped)
          continue;
        if (got[k].outcome != CrawlOutcome::kFetched || got[k].page.status != 200) {
          sum.warnings.push_back(got[k].error.ok() ? urls[k] + ": HTTP " +
                                                         std::to_string(got[k].page.status)
                                                   : got[k].error.ToString());
          continue;
        }
        auto l = ingest::ReadListing(got[k].page, io);
        if (!l.ok()) {
          sum.warnings.push_back(l.status().ToString());
          continue;
        }
        store::PageState st;
        st.url = urls[k];
        st.state = "listing";
        st.etag = got[k].etag;
        st.last_modified = got[k].last_modified;
        st.fetched_at = now_iso;
        st.listed_in = sources[children[k].second].record.url;
        child_states.push_back(std::move(st));
        if (l->kind == ingest::Listing::Kind::kSitemap || l->kind == ingest::Listing::Kind::kFeed)
          take_listing(std::move(l).value(), children[k].second);
      }
      WB_RETURN_IF_ERROR(store->PutPageStates(child_states));
    }
    to_poll = std::move(next_pass);
  }
  progress->End();

  // Pages due for another attempt whose sources did not list them this round (a 304, or the
  // item left the listing): tried by their URL; their headline is stored already.
  if (!stopped()) {
    auto due = store->LoadPageStatesDue(now_iso, options.max_pages_per_round);
    if (!due.ok()) return due.status();
    for (const store::PageState& s : due.value()) {
      if (item_at.count(s.url)) continue;
      item_at.emplace(s.url, items.size());
      Item item;
      item.url = s.url;
      item.ref.url = s.url;
      item.ref.kind = "feed_item";
      item.ref.listed_in = s.listed_in;
      items.push_back(std::move(item));
    }
  }

  // 3. Which items are new, or due for another attempt.
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
  std::vector<core::RawDocument> documents;
  std::vector<store::PageState> new_states;
  std::vector<size_t> state_doc;   // per new_states entry: its last document + 1 (0: none)
  auto add_document = [&](core::RawDocument d, const Item& item) {
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
    const Item& item = items[i];
    auto it = states.find(item.url);
    if (it == states.end())
      if (auto at = source_at.find(item.ref.listed_in); at != source_at.end())
        ++sources[at->second].items_new;
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
  auto record = [&](const Item& item, const std::string& state, const std::string& error,
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
  auto headline = [&](const Item& item) {
    auto it = states.find(item.url);
    if (it != states.end() && !it->second.article_id.empty()) return false;  // stored before
    auto doc = detail::HeadlineOf(item.ref);
    if (!doc) return false;
    add_document(std::move(*doc), item);
    return true;
  };
  size_t cap = options.max_pages_per_round;
  std::vector<size_t> fetch;
  for (size_t k = 0; k < wanted.size(); ++k) {
    const Item& item = items[wanted[k]];
    if (k < cap) {
      fetch.push_back(wanted[k]);
      continue;
    }
    ++sum.pages_deferred;
    bool added = headline(item);
    auto it = states.find(item.url);
    record(item, "headline", "", 1, it == states.end() ? 0 : it->second.failures, nullptr, added);
  }

  // 4. Fetch the pages.
  std::vector<ingest::CrawlRequest> requests;
  for (size_t i : fetch) requests.push_back({items[i].url, "", "", 0});
  progress->Begin("fetching pages", requests.size());
  std::vector<ingest::CrawlResult> pages = FetchInOrder(fetcher, std::move(requests), stop, progress);
  progress->End();
  for (size_t k = 0; k < fetch.size(); ++k) {
    const Item& item = items[fetch[k]];
    ingest::CrawlResult& res = pages[k];
    auto prior = states.find(item.url);
    int failures = prior == states.end() ? 0 : prior->second.failures;
    switch (res.outcome) {
      case CrawlOutcome::kSkipped:
        continue;  // stopped: nothing recorded, the next round asks again
      case CrawlOutcome::kDisallowed:
        ++sum.pages_blocked;
        record(item, "disallowed", res.error.ToString(), options.blocked_retry_seconds, failures,
               &res, headline(item));
        continue;
      case CrawlOutcome::kRetryLater:
      case CrawlOutcome::kFailed:
      case CrawlOutcome::kNotModified: {
        if (res.outcome == CrawlOutcome::kNotModified) continue;  // no validators were sent
        ++sum.pages_failed;
        sum.errors.push_back(res.error);
        bool added = headline(item);
        ++failures;
        double retry = res.outcome == CrawlOutcome::kRetryLater && res.retry_after_seconds > 0
                           ? res.retry_after_seconds
                           : detail::PageRetrySeconds(options, failures);
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
      ++sum.pages_failed;
      sum.errors.push_back(doc.status());
      record(item, "failed", doc.status().ToString(), 0, failures + 1, &res, headline(item));
      continue;
    }
    ++sum.pages_fetched;
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
      ++sum.pages_blocked;
      record(item, "paywalled", item.url + ": HTTP " + std::to_string(status),
             options.blocked_retry_seconds, 0, &res, true);
    } else {
      record(item, "stored", "", 0, 0, &res, true);
    }
  }

  // 5. Store and cluster; then the states that say what is stored.
  const size_t document_count = documents.size();
  core::Result<RunSummary> run = RunDocuments(std::move(documents), store, options.run, progress, stop);
  if (!run.ok()) return run.status();
  const RunSummary& rs = run.value();
  for (const auto& e : rs.errors) sum.errors.push_back(e);
  sum.articles_new = rs.articles_new;
  sum.headlines_new = rs.headlines;
  sum.articles_upgraded = rs.articles_upgraded;
  sum.stories_new = rs.stories_new;
  sum.stories_updated = rs.stories_updated;
  for (const auto& w : rs.warnings) sum.warnings.push_back(w);
  // RunDocuments consumes documents in order and leaves the tail when stopped: a state whose
  // documents were left must not be recorded, so the next round fetches its page again.
  const size_t consumed = std::min(rs.documents_read, document_count);
  std::vector<store::PageState> kept;
  for (size_t i = 0; i < new_states.size(); ++i) {
    if (state_doc[i] > consumed) continue;
    if (state_doc[i] > 0)  // an article for the item (its page or its headline) is stored
      if (auto at = source_at.find(new_states[i].listed_in); at != source_at.end())
        ++sources[at->second].articles_stored;
    kept.push_back(std::move(new_states[i]));
  }
  WB_RETURN_IF_ERROR(store->PutPageStates(kept));

  // 6. Each polled source's health and next poll.
  for (PolledSource& p : sources) {
    if (!p.polled && !p.is_new) continue;
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
      r.interval_seconds = detail::NextInterval(options, e, now);
      r.next_poll = IsoUtc(now + static_cast<std::time_t>(r.interval_seconds));
    }
    WB_RETURN_IF_ERROR(store->PutSource(r));
  }
  for (const PolledSource& p : sources) {
    const std::string& next = p.record.next_poll;
    if (!next.empty() && (sum.next_poll.empty() || next < sum.next_poll)) sum.next_poll = next;
  }
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sum;
}

}  // namespace wirebrief::pipeline
