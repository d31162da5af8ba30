// A local news web for tests and benchmarks: several fictional news sites, each an in-process
// HTTP server (cpp-httplib) on its own 127.0.0.1 port, so each site is a distinct host.
//
// Every site serves:
//   /robots.txt             User-agent: * / Disallow: /private/ / Sitemap: .../sitemap-index.xml
//                           (replace with SetRobots)
//   /                       home page linking /feed.xml and /atom.xml with <link rel="alternate">
//   /feed.xml               RSS 2.0, links only, <ttl>30</ttl>, sy:updatePeriod hourly x 2
//   /feed-full.xml          RSS 2.0 with content:encoded (each article's page)
//   /atom.xml               Atom 1.0, links only
//   /news-sitemap.xml       Google News sitemap (news:title, news:publication_date, news:name)
//   /sitemap-index.xml      sitemapindex -> /news-sitemap.xml, /sitemap-archive.xml.gz
//   /sitemap-archive.xml.gz gzip'ed urlset with lastmod
//   /news/<slug>.html       article pages: nav, share bar, JSON-LD NewsArticle, byline,
//                           paragraphs, footer (extract finds the article)
//   /private/draft.html     a page robots.txt disallows (requesting it is a politeness bug)
// Listings carry the newest articles first. Every 200 response has an ETag (a hash of the body)
// and a Last-Modified from the site's own clock (one minute per content change), and a GET
// with a matching If-None-Match, or without one and with If-Modified-Since equal to
// Last-Modified, gets 304. (Equality instead of a date comparison: the clients under test send
// back what they were given.)
//
// Faults (SetFault) replace a route's answer for a number of requests: a status (500 once, 429
// or 503 with Retry-After), a 403 paywall page, a redirect, a slow answer. Latency (SetLatency)
// delays every answer. AddArticle adds an item between rounds: feeds and sitemaps change (new
// ETag and Last-Modified).
//
// The request log records every request (site, path with query, method, validators sent,
// User-Agent, status, start and end) and, per site, the most requests ever in flight at once.
//
// Thread safety: all methods may be called from any thread while the servers run.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wirebrief::testing {

struct NewsArticleSpec {
  std::string slug;                     // the page is /news/<slug>.html; "" = generated
  std::string title;                    // "" = generated from the story
  std::vector<std::string> paragraphs;  // empty = generated from the story
  std::string author;                   // "" = the site's reporter
  std::string date_published;           // ISO 8601; "" = the next hour on the site's clock
  std::string section = "News";
};

struct Fault {
  enum class Kind { kStatus, kPaywall, kRedirect, kSlow };
  Kind kind = Kind::kStatus;
  int status = 500;         // kStatus; kRedirect: 301, 302, 307 or 308
  std::string retry_after;  // kStatus: Retry-After header when not empty
  std::string location;     // kRedirect: a path on the same site or an absolute URL
  int delay_ms = 0;         // kSlow: then the route answers normally
  int times = -1;           // requests it applies to before the route is normal again; -1 = all

  static Fault FailOnce(int status = 500);
  static Fault Refuse(int status, std::string retry_after, int times = -1);  // 429 / 503
  static Fault Paywall(int status = 403);
  static Fault Redirect(std::string location, int status = 301, int times = -1);
  static Fault Slow(int delay_ms, int times = -1);
};

struct RequestRecord {
  size_t site = 0;
  std::string host;    // "127.0.0.1:PORT"
  std::string method;  // "GET"
  std::string target;  // path and query, as requested
  std::string if_none_match, if_modified_since, user_agent;
  int status = 0;
  std::chrono::steady_clock::time_point start, end;
};

class NewsWeb {
 public:
  struct Options {
    size_t sites = 3;
    size_t articles_per_site = 6;
    int latency_ms = 0;         // added to every answer
    size_t server_threads = 4;  // per site; more than 1 so overlapping requests are seen
  };

  explicit NewsWeb(Options options);
  NewsWeb() : NewsWeb(Options{}) {}
  ~NewsWeb();  // stops every server
  NewsWeb(const NewsWeb&) = delete;
  NewsWeb& operator=(const NewsWeb&) = delete;

  // False when a server could not bind or start (tests then skip).
  bool ok() const;
  size_t sites() const;
  std::string Host(size_t site) const;                              // "127.0.0.1:PORT"
  std::string Url(size_t site, std::string_view path = "/") const;  // "http://127.0.0.1:PORT/..."
  std::string SiteName(size_t site) const;                          // "Harbour Post"

  // Adds an article (listed first in feeds and sitemaps from now on); returns its URL.
  std::string AddArticle(size_t site, NewsArticleSpec spec = {});
  // The site's article URLs, oldest first.
  std::vector<std::string> ArticleUrls(size_t site) const;
  void SetRobots(size_t site, std::string body);
  // Serves `body` at `path` (a path without query) with `content_type`, replacing any route.
  void SetPage(size_t site, std::string path, std::string body,
               std::string content_type = "text/html; charset=utf-8");
  // `path` without query; a fault on "/news/a.html" also answers "/news/a.html?x=1".
  void SetFault(size_t site, std::string path, Fault fault);
  void ClearFaults();
  void SetLatency(int ms);

  std::vector<RequestRecord> Requests() const;
  std::vector<RequestRecord> Requests(size_t site) const;
  size_t MaxInFlight(size_t site) const;
  // Requests being answered right now.
  size_t InFlight(size_t site) const;
  // The most requests in flight at once across all sites.
  size_t MaxInFlightAll() const;
  void ClearLog();  // also resets the in-flight maxima

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirebrief::testing
