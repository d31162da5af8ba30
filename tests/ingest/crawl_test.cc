// PoliteFetcher against the local news web (tests/support/news_web.h): real HTTP on 127.0.0.1,
// one port per site, no outside network.
#include "ingest/crawl.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <thread>

#include "ingest/listing.h"
#include "news_web.h"

namespace wirebrief::ingest {
namespace {

using testing::Fault;
using testing::NewsWeb;

CrawlOptions Quick() {
  CrawlOptions o;
  o.fetch.per_host_delay_ms = 0;
  o.fetch.timeout_ms = 5000;
  o.contact_url = "https://wirebrief.invalid/bot";
  return o;
}

// Results by request tag; checks `done` is never entered twice at once.
struct Collected {
  std::map<uint64_t, CrawlResult> by_tag;
  size_t calls = 0;
  bool overlapped = false;
};

Collected Fetch(PoliteFetcher& f, const std::vector<std::string>& urls,
                const std::atomic<bool>* stop = nullptr,
                const std::function<void(const CrawlResult&)>& also = nullptr) {
  std::vector<CrawlRequest> reqs;
  for (size_t i = 0; i < urls.size(); ++i) reqs.push_back({urls[i], "", "", i});
  Collected c;
  std::atomic<int> inside{0};
  f.FetchAll(
      std::move(reqs),
      [&](CrawlResult r) {
        if (++inside > 1) c.overlapped = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));  // widen any overlap
        ++c.calls;
        if (also) also(r);
        c.by_tag[r.request.tag] = std::move(r);
        --inside;
      },
      stop);
  return c;
}

size_t CountRequests(const NewsWeb& web, size_t site, const std::string& target) {
  size_t n = 0;
  for (const auto& r : web.Requests(site)) n += r.target == target;
  return n;
}

#define REQUIRE_WEB(web) \
  if (!(web).ok()) GTEST_SKIP() << "could not start the local news web on 127.0.0.1"

TEST(PoliteFetcherTest, ObeysRobotsAndAsksForItOncePerHost) {
  NewsWeb web;
  REQUIRE_WEB(web);
  PoliteFetcher f(Quick());
  std::vector<std::string> urls;
  for (size_t s = 0; s < web.sites(); ++s) {
    for (const std::string& u : web.ArticleUrls(s)) urls.push_back(u);
    urls.push_back(web.Url(s, "/private/draft.html"));
  }
  Collected first = Fetch(f, urls);
  Collected second = Fetch(f, urls);
  ASSERT_EQ(first.by_tag.size(), urls.size());
  EXPECT_EQ(first.calls, urls.size());
  EXPECT_FALSE(first.overlapped);
  for (size_t i = 0; i < urls.size(); ++i) {
    const CrawlResult& r = first.by_tag.at(i);
    bool is_private = urls[i].find("/private/") != std::string::npos;
    EXPECT_EQ(r.outcome, is_private ? CrawlOutcome::kDisallowed : CrawlOutcome::kFetched)
        << urls[i] << ": " << r.error.ToString();
    if (!is_private) {
      EXPECT_EQ(r.page.status, 200);
      EXPECT_NE(r.page.body.find("application/ld+json"), std::string::npos);
      EXPECT_FALSE(r.etag.empty());
    } else {
      EXPECT_EQ(r.error.ToString(), urls[i] + ": disallowed by robots.txt");
    }
    EXPECT_EQ(second.by_tag.at(i).outcome, r.outcome);
  }
  for (size_t s = 0; s < web.sites(); ++s) {
    EXPECT_EQ(CountRequests(web, s, "/robots.txt"), 1u) << web.Host(s);
    EXPECT_EQ(CountRequests(web, s, "/private/draft.html"), 0u) << web.Host(s);
  }
  for (const auto& r : web.Requests()) {
    EXPECT_NE(r.user_agent.find("wirebrief/"), std::string::npos) << r.user_agent;
    EXPECT_NE(r.user_agent.find("+https://wirebrief.invalid/bot"), std::string::npos);
  }
}

TEST(PoliteFetcherTest, RobotsAnsweringNotFoundAllowsAllAndServerErrorClosesTheHost) {
  NewsWeb web;
  REQUIRE_WEB(web);
  web.SetFault(0, "/robots.txt", Fault::Refuse(404, ""));
  web.SetFault(1, "/robots.txt", Fault::Refuse(503, ""));
  PoliteFetcher f(Quick());
  Collected c = Fetch(f, {web.Url(0, "/private/draft.html"), web.Url(1, "/feed.xml")});
  EXPECT_EQ(c.by_tag.at(0).outcome, CrawlOutcome::kFetched);
  const CrawlResult& closed = c.by_tag.at(1);
  EXPECT_EQ(closed.outcome, CrawlOutcome::kRetryLater);
  EXPECT_NE(closed.error.message().find("robots.txt unreachable"), std::string::npos)
      << closed.error.ToString();
  EXPECT_GT(closed.retry_after_seconds, 0);
  EXPECT_EQ(CountRequests(web, 1, "/feed.xml"), 0u);
}

TEST(PoliteFetcherTest, ValidatorsAreSentAndNotModifiedComesBack) {
  NewsWeb web({.sites = 1});
  REQUIRE_WEB(web);
  PoliteFetcher f(Quick());
  std::string feed = web.Url(0, "/feed.xml");
  CrawlResult first;
  f.FetchAll({{feed, "", "", 1}}, [&](CrawlResult r) { first = std::move(r); });
  ASSERT_EQ(first.outcome, CrawlOutcome::kFetched) << first.error.ToString();
  ASSERT_FALSE(first.etag.empty());
  ASSERT_FALSE(first.last_modified.empty());
  EXPECT_EQ(first.cache_control, "max-age=60");

  std::map<uint64_t, CrawlResult> again;
  f.FetchAll({{feed, first.etag, "", 2}, {feed + "?utm_source=x", "", first.last_modified, 3}},
             [&](CrawlResult r) { again[r.request.tag] = std::move(r); });
  // One normalised URL, one request (the first request's validators), two results.
  EXPECT_EQ(again.at(2).outcome, CrawlOutcome::kNotModified);
  EXPECT_EQ(again.at(3).outcome, CrawlOutcome::kNotModified);
  EXPECT_EQ(again.at(3).request.url, feed + "?utm_source=x");
  EXPECT_EQ(again.at(2).etag, first.etag);
  EXPECT_TRUE(again.at(2).page.body.empty());

  web.AddArticle(0);  // the feed changes
  CrawlResult changed;
  f.FetchAll({{feed, "", first.last_modified, 4}}, [&](CrawlResult r) { changed = std::move(r); });
  EXPECT_EQ(changed.outcome, CrawlOutcome::kFetched);
  EXPECT_NE(changed.last_modified, first.last_modified);

  auto log = web.Requests(0);
  std::vector<std::pair<std::string, std::string>> sent;
  for (const auto& r : log)
    if (r.target == "/feed.xml") sent.emplace_back(r.if_none_match, r.if_modified_since);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0], std::make_pair(std::string(), std::string()));
  EXPECT_EQ(sent[1], std::make_pair(first.etag, std::string()));
  EXPECT_EQ(sent[2], std::make_pair(std::string(), first.last_modified));
}

TEST(PoliteFetcherTest, RetryAfterIsHonouredAndTheHostLeftAlone) {
  NewsWeb web({.sites = 2});
  REQUIRE_WEB(web);
  auto a0 = web.ArticleUrls(0), a1 = web.ArticleUrls(1);
  web.SetFault(0, "/news/story-1.html", Fault::Refuse(429, "120"));
  web.SetFault(1, "/news/story-1.html", Fault::Refuse(503, ""));
  CrawlOptions o = Quick();
  o.max_parallel_hosts = 1;  // story-1 goes first on each host
  o.min_backoff_seconds = 30;
  PoliteFetcher f(o);
  Collected c = Fetch(f, {a0[0], a0[1], a0[2], a1[0], a1[1]});
  EXPECT_EQ(c.by_tag.at(0).outcome, CrawlOutcome::kRetryLater);
  EXPECT_DOUBLE_EQ(c.by_tag.at(0).retry_after_seconds, 120);
  EXPECT_EQ(c.by_tag.at(0).error.ToString(), a0[0] + ": HTTP 429, retry after 120 s");
  for (int t : {1, 2}) {
    EXPECT_EQ(c.by_tag.at(t).outcome, CrawlOutcome::kRetryLater);
    EXPECT_GT(c.by_tag.at(t).retry_after_seconds, 100);
  }
  EXPECT_EQ(c.by_tag.at(3).outcome, CrawlOutcome::kRetryLater);
  EXPECT_DOUBLE_EQ(c.by_tag.at(3).retry_after_seconds, 30);  // no Retry-After: backoff
  EXPECT_EQ(c.by_tag.at(4).outcome, CrawlOutcome::kRetryLater);
  EXPECT_EQ(CountRequests(web, 0, "/news/story-2.html"), 0u);
  EXPECT_EQ(CountRequests(web, 1, "/news/story-2.html"), 0u);
  // A later call within the wait asks nothing of either host.
  size_t before = web.Requests().size();
  Collected later = Fetch(f, {a0[3], a1[3]});
  EXPECT_EQ(later.by_tag.at(0).outcome, CrawlOutcome::kRetryLater);
  EXPECT_EQ(later.by_tag.at(1).outcome, CrawlOutcome::kRetryLater);
  EXPECT_EQ(web.Requests().size(), before);
}

TEST(PoliteFetcherTest, RedirectsAreFollowedHopByHopRecordedAndCapped) {
  NewsWeb web({.sites = 2});
  REQUIRE_WEB(web);
  std::string target = web.ArticleUrls(1)[0];
  web.SetFault(0, "/old/ferry", Fault::Redirect("/moved/ferry"));
  web.SetFault(0, "/moved/ferry", Fault::Redirect(target + "?utm_medium=redirect", 302));
  web.SetFault(0, "/loop-a", Fault::Redirect("/loop-b"));
  web.SetFault(0, "/loop-b", Fault::Redirect("/loop-a"));
  web.SetFault(0, "/to-private", Fault::Redirect("/private/draft.html"));
  web.SetFault(0, "/to-ftp", Fault::Redirect("ftp://files.invalid/x"));
  web.SetFault(0, "/section", Fault::Redirect("/section/"));
  web.SetPage(0, "/section/", "<html><body><p>Section front</p></body></html>");
  CrawlOptions o = Quick();
  o.fetch.max_redirects = 3;
  PoliteFetcher f(o);
  Collected c =
      Fetch(f, {web.Url(0, "/old/ferry"), web.Url(0, "/loop-a"), web.Url(0, "/to-private"),
                web.Url(0, "/to-ftp"), web.Url(0, "/section")});
  const CrawlResult& moved = c.by_tag.at(0);
  ASSERT_EQ(moved.outcome, CrawlOutcome::kFetched) << moved.error.ToString();
  EXPECT_EQ(moved.redirects, (std::vector<std::string>{web.Url(0, "/moved/ferry"), target}));
  EXPECT_EQ(moved.page.url, target);
  EXPECT_EQ(moved.page.requested_url, web.Url(0, "/old/ferry"));
  EXPECT_EQ(CountRequests(web, 1, "/robots.txt"), 1u);  // the hop's host is polite too

  const CrawlResult& loop = c.by_tag.at(1);
  EXPECT_EQ(loop.outcome, CrawlOutcome::kFailed);
  EXPECT_EQ(loop.redirects.size(), 3u);
  EXPECT_NE(loop.error.message().find("more than 3 redirects"), std::string::npos)
      << loop.error.ToString();
  EXPECT_EQ(CountRequests(web, 0, "/loop-a") + CountRequests(web, 0, "/loop-b"), 4u);

  EXPECT_EQ(c.by_tag.at(2).outcome, CrawlOutcome::kDisallowed);
  EXPECT_EQ(c.by_tag.at(2).error.source(), web.Url(0, "/private/draft.html"));
  EXPECT_EQ(CountRequests(web, 0, "/private/draft.html"), 0u);
  EXPECT_EQ(c.by_tag.at(3).outcome, CrawlOutcome::kFailed);
  EXPECT_NE(c.by_tag.at(3).error.message().find("non-http(s)"), std::string::npos);

  // "/section" -> "/section/": the spelling normalisation removes is fetched as given.
  const CrawlResult& section = c.by_tag.at(4);
  ASSERT_EQ(section.outcome, CrawlOutcome::kFetched) << section.error.ToString();
  EXPECT_EQ(section.page.url, web.Url(0, "/section/"));
  EXPECT_NE(section.page.body.find("Section front"), std::string::npos);
}

TEST(PoliteFetcherTest, SizeCapPaywallAndFailures) {
  NewsWeb web({.sites = 1});
  REQUIRE_WEB(web);
  auto articles = web.ArticleUrls(0);
  web.SetFault(0, "/news/story-2.html", Fault::Paywall());
  web.SetFault(0, "/news/story-3.html", Fault::FailOnce(500));
  web.SetPage(0, "/big.html", "<html><body>" + std::string(64 << 10, 'x') + "</body></html>");
  CrawlOptions o = Quick();
  o.fetch.max_bytes = 16 << 10;
  PoliteFetcher f(o);
  Collected c = Fetch(f, {web.Url(0, "/big.html"), articles[1], articles[2],
                          web.Url(0, "/news/missing.html"), "ftp://files.invalid/a"});
  EXPECT_EQ(c.by_tag.at(0).outcome, CrawlOutcome::kFailed);
  EXPECT_EQ(c.by_tag.at(0).error.code(), core::StatusCode::kLimitExceeded);
  const CrawlResult& paywall = c.by_tag.at(1);
  EXPECT_EQ(paywall.outcome, CrawlOutcome::kFetched);
  EXPECT_EQ(paywall.page.status, 403);
  EXPECT_NE(paywall.page.body.find("Subscribe to read"), std::string::npos);
  EXPECT_EQ(c.by_tag.at(2).outcome, CrawlOutcome::kFailed);
  EXPECT_EQ(c.by_tag.at(2).error.ToString(), articles[2] + ": HTTP 500");
  EXPECT_EQ(c.by_tag.at(3).error.code(), core::StatusCode::kNotFound);
  EXPECT_EQ(c.by_tag.at(4).outcome, CrawlOutcome::kFailed);
  EXPECT_EQ(c.by_tag.at(4).error.code(), core::StatusCode::kInvalidArgument);
  // Failed once: fine on the next round.
  Collected next = Fetch(f, {articles[2]});
  EXPECT_EQ(next.by_tag.at(0).outcome, CrawlOutcome::kFetched);
}

TEST(PoliteFetcherTest, OneRequestInFlightPerHostWhileHostsRunInParallel) {
  NewsWeb web({.sites = 4, .articles_per_site = 6, .latency_ms = 30});
  REQUIRE_WEB(web);
  CrawlOptions o = Quick();
  o.max_parallel_hosts = 4;
  PoliteFetcher f(o);
  std::vector<std::string> urls;
  for (size_t s = 0; s < web.sites(); ++s)
    for (const std::string& u : web.ArticleUrls(s)) urls.push_back(u);
  Collected c = Fetch(f, urls);
  for (const auto& [tag, r] : c.by_tag) EXPECT_EQ(r.outcome, CrawlOutcome::kFetched);
  for (size_t s = 0; s < web.sites(); ++s) EXPECT_EQ(web.MaxInFlight(s), 1u) << web.Host(s);
  EXPECT_GE(web.MaxInFlightAll(), 2u);  // hosts did run side by side
}

// The instrument behind the test above: overlapping requests to one site are seen as such.
TEST(NewsWebTest, SeesOverlappingRequestsToOneSite) {
  NewsWeb web({.sites = 1, .latency_ms = 500});  // wide enough for both to overlap
  REQUIRE_WEB(web);
  FetchOptions o;
  o.per_host_delay_ms = 0;
  auto fetch = [&] { Fetcher(o).Fetch(web.Url(0, "/feed.xml")); };
  std::thread a(fetch), b(fetch);
  a.join();
  b.join();
  EXPECT_EQ(web.MaxInFlight(0), 2u);
  EXPECT_EQ(web.Requests(0).size(), 2u);
}

TEST(PoliteFetcherTest, CrawlDelaySpacesRequestsAndAnExcessiveOneDefersTheHost) {
  NewsWeb web({.sites = 2, .articles_per_site = 3});
  REQUIRE_WEB(web);
  web.SetRobots(0, "User-agent: *\nCrawl-delay: 0.2\n");
  web.SetRobots(1, "User-agent: wirebrief\nCrawl-delay: 120\n");
  PoliteFetcher f(Quick());
  std::vector<std::string> urls = web.ArticleUrls(0);
  for (const std::string& u : web.ArticleUrls(1)) urls.push_back(u);
  Collected c = Fetch(f, urls);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(c.by_tag.at(i).outcome, CrawlOutcome::kFetched);
  auto log = web.Requests(0);
  ASSERT_EQ(log.size(), 4u);  // robots.txt + 3 pages
  for (size_t i = 1; i < log.size(); ++i)
    EXPECT_GE(log[i].start - log[i - 1].end, std::chrono::milliseconds(200)) << i;
  // Site 1 asks 120 s between requests, over max_crawl_delay_seconds (60): after robots.txt
  // nothing more this round.
  for (size_t i = 3; i < 6; ++i) {
    EXPECT_EQ(c.by_tag.at(i).outcome, CrawlOutcome::kRetryLater);
    EXPECT_GT(c.by_tag.at(i).retry_after_seconds, 60);
  }
  EXPECT_EQ(web.Requests(1).size(), 1u);
}

TEST(PoliteFetcherTest, PrivateAddressesAreRefusedWhenTheOptionSaysSo) {
  NewsWeb web({.sites = 1});
  REQUIRE_WEB(web);
  CrawlOptions o = Quick();
  o.allow_private_addresses = false;
  PoliteFetcher refusing(o);
  Collected c = Fetch(refusing, {web.Url(0, "/feed.xml"), "http://localhost:1/x"});
  for (const auto& [tag, r] : c.by_tag) {
    EXPECT_EQ(r.outcome, CrawlOutcome::kDisallowed) << r.error.ToString();
    EXPECT_NE(r.error.message().find("is not a public address"), std::string::npos)
        << r.error.ToString();
  }
  o.obey_robots = false;  // the page request itself is refused, not only robots.txt
  PoliteFetcher no_robots(o);
  Collected d = Fetch(no_robots, {web.Url(0, "/feed.xml")});
  EXPECT_EQ(d.by_tag.at(0).outcome, CrawlOutcome::kDisallowed);
  EXPECT_EQ(web.Requests().size(), 0u);
}

TEST(PoliteFetcherTest, StopFlagSkipsWhatHasNotStarted) {
  NewsWeb web({.sites = 1, .articles_per_site = 5});
  REQUIRE_WEB(web);
  CrawlOptions o = Quick();
  o.fetch.per_host_delay_ms = 50;
  PoliteFetcher f(o);
  std::atomic<bool> stop{true};
  Collected none = Fetch(f, web.ArticleUrls(0), &stop);
  for (const auto& [tag, r] : none.by_tag) EXPECT_EQ(r.outcome, CrawlOutcome::kSkipped);
  EXPECT_EQ(web.Requests().size(), 0u);

  stop = false;
  Collected some = Fetch(f, web.ArticleUrls(0), &stop, [&](const CrawlResult&) { stop = true; });
  ASSERT_EQ(some.by_tag.size(), 5u);
  size_t fetched = 0, skipped = 0;
  for (const auto& [tag, r] : some.by_tag) {
    fetched += r.outcome == CrawlOutcome::kFetched;
    skipped += r.outcome == CrawlOutcome::kSkipped;
  }
  EXPECT_EQ(fetched, 1u);
  EXPECT_EQ(skipped, 4u);
}

TEST(PoliteFetcherTest, SlowAnswersTimeOutAndAStopAbortsATransferUnderWay) {
  NewsWeb web({.sites = 1, .articles_per_site = 2});
  REQUIRE_WEB(web);
  auto articles = web.ArticleUrls(0);
  web.SetFault(0, "/news/story-1.html", Fault::Slow(1500));
  CrawlOptions o = Quick();
  o.fetch.timeout_ms = 300;
  PoliteFetcher f(o);
  Collected slow = Fetch(f, {articles[0]});
  EXPECT_EQ(slow.by_tag.at(0).outcome, CrawlOutcome::kFailed);
  EXPECT_EQ(slow.by_tag.at(0).error.ToString(), articles[0] + ": timed out after 300 ms");

  // The stop flag, raised while a slow answer is awaited, ends that transfer too.
  NewsWeb other({.sites = 1, .articles_per_site = 2});
  REQUIRE_WEB(other);
  other.SetFault(0, "/news/story-1.html", Fault::Slow(1500));
  CrawlOptions patient = Quick();
  patient.fetch.timeout_ms = 20000;
  PoliteFetcher g(patient);
  std::atomic<bool> stop{false};
  std::thread raiser([&] {
    while (CountRequests(other, 0, "/robots.txt") < 1 || other.InFlight(0) < 1)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    stop = true;  // the page request is under way
  });
  Collected stopped = Fetch(g, other.ArticleUrls(0), &stop);
  raiser.join();
  EXPECT_EQ(stopped.by_tag.at(0).outcome, CrawlOutcome::kSkipped);
  EXPECT_EQ(stopped.by_tag.at(0).error.message(), "stopped");  // aborted, not "before"
  EXPECT_EQ(stopped.by_tag.at(1).outcome, CrawlOutcome::kSkipped);
  EXPECT_EQ(CountRequests(other, 0, "/news/story-2.html"), 0u);
}

TEST(PoliteFetcherTest, RequestCapCountsRobotsAndSkipsTheRest) {
  NewsWeb web({.sites = 1, .articles_per_site = 5});
  REQUIRE_WEB(web);
  CrawlOptions o = Quick();
  o.max_requests = 3;
  PoliteFetcher f(o);
  Collected c = Fetch(f, web.ArticleUrls(0));
  size_t fetched = 0;
  for (const auto& [tag, r] : c.by_tag) {
    if (r.outcome == CrawlOutcome::kFetched) {
      ++fetched;
    } else {
      EXPECT_EQ(r.outcome, CrawlOutcome::kSkipped);
      EXPECT_NE(r.error.message().find("request cap of 3"), std::string::npos);
    }
  }
  EXPECT_EQ(fetched, 2u);
  EXPECT_EQ(web.Requests().size(), 3u);
}

TEST(PoliteFetcherTest, WatchRoundOverTheNewsWeb) {
  // What the watch loop does: poll listings, read them, fetch the new items.
  NewsWeb web({.sites = 2, .articles_per_site = 4});
  REQUIRE_WEB(web);
  PoliteFetcher f(Quick());
  Collected listings = Fetch(f, {web.Url(0, "/"), web.Url(1, "/sitemap-index.xml")});
  auto home = ReadListing(listings.by_tag.at(0).page, IngestOptions{});
  ASSERT_TRUE(home.ok());
  EXPECT_EQ(home->listings,
            (std::vector<std::string>{web.Url(0, "/feed.xml"), web.Url(0, "/atom.xml")}));
  auto index = ReadListing(listings.by_tag.at(1).page, IngestOptions{});
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->kind, Listing::Kind::kSitemapIndex);
  ASSERT_EQ(index->listings.size(), 2u);
  Collected children = Fetch(f, {home->listings[0], index->listings[0], index->listings[1]});
  std::vector<std::string> items;
  for (uint64_t t = 0; t < 3; ++t) {
    auto l = ReadListing(children.by_tag.at(t).page, IngestOptions{});
    ASSERT_TRUE(l.ok()) << l.status().ToString();
    EXPECT_EQ(l->items.size(), 4u) << ListingKindName(l->kind);
    for (const auto& r : l->items) items.push_back(r.url);
  }
  Collected pages = Fetch(f, items);  // 12 requests naming 8 pages
  EXPECT_EQ(pages.by_tag.size(), 12u);
  for (const auto& [tag, r] : pages.by_tag) {
    ASSERT_EQ(r.outcome, CrawlOutcome::kFetched);
    auto doc = DocumentFromPage(r.page, IngestOptions{});
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->provenance.container, "http");
  }
  size_t article_requests = 0;
  for (const auto& r : web.Requests()) article_requests += r.target.rfind("/news/", 0) == 0;
  EXPECT_EQ(article_requests, 8u);
}

}  // namespace
}  // namespace wirebrief::ingest
