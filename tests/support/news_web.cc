#include "news_web.h"

#include <httplib.h>
#include <zlib.h>

#include <atomic>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace wirebrief::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Fictional outlets and events; every site covers the same events in its own words, so the
// articles of one event across sites form a story.
constexpr const char* kOutlets[] = {"Harbour Post",     "Valley Courier",  "Coastline Daily",
                                    "Northfield Star",  "Riverside Times", "Upland Gazette",
                                    "Lakeshore Herald", "Meadow Ledger"};
constexpr const char* kReporters[] = {"Ilse Marrow", "Tomas Quill",     "Renata Okafor",
                                      "Jun Halvard", "Priya Lindqvist", "Odile Brandt"};

struct Event {
  const char* headline[3];
  const char* place;
  const char* person;
  const char* role;
  const char* facts[4];
};

constexpr Event kEvents[] = {
    {{"Ferry service to Kestrel Island resumes after storm repairs",
      "Kestrel Island ferry back in service following storm damage",
      "Storm-hit Kestrel ferry line reopens"},
     "Port Avalen",
     "Mara Delacroix",
     "harbour master",
     {"The ferry link between Port Avalen and Kestrel Island resumed on Monday after three weeks "
      "of repairs to the storm-damaged pier.",
      "Harbour master Mara Delacroix said the first crossing carried 212 passengers and 40 "
      "vehicles.",
      "\"The pier is stronger than it was before the storm,\" Delacroix said, adding that "
      "winter timetables would apply until March.",
      "Island businesses had warned that the closure cost them about 1.2 million crowns in lost "
      "trade."}},
    {{"Valley council approves new bridge over the Sorrel river",
      "Sorrel river bridge wins council approval", "Council votes for second Sorrel crossing"},
     "Easton Vale",
     "Hugo Brannigan",
     "council leader",
     {"Easton Vale council voted 14 to 5 on Tuesday to build a second bridge over the Sorrel "
      "river.",
      "Council leader Hugo Brannigan said construction would start in the spring and take two "
      "years.",
      "\"Traffic on the old bridge has doubled in a decade,\" Brannigan told the meeting.",
      "The project is expected to cost 38 million crowns, two thirds of it from the regional "
      "fund."}},
    {{"Northfield hospital opens new children's wing",
      "Children's wing opens at Northfield hospital",
      "New paediatric wing welcomes first patients in Northfield"},
     "Northfield",
     "Agnes Whitlow",
     "hospital director",
     {"Northfield General Hospital opened its new children's wing on Wednesday, adding 60 beds.",
      "Hospital director Agnes Whitlow said the wing would cut waiting times for children's "
      "surgery by half.",
      "\"Families will no longer have to travel to the capital,\" Whitlow said.",
      "The wing was funded by a regional grant and a public appeal that raised 4.5 million "
      "crowns."}},
    {{"Drought forces water limits in Upland villages",
      "Upland villages face water restrictions as drought deepens",
      "Water rationing ordered across the Upland district"},
     "Upland district",
     "Samir Castellane",
     "water board chairman",
     {"Water use in 23 Upland villages will be limited from Friday after the driest summer in "
      "forty years.",
      "Water board chairman Samir Castellane said reservoirs stood at 31 percent of capacity.",
      "\"We ask every household to save water now so that no one runs dry in October,\" "
      "Castellane said.",
      "Garden watering and car washing will be banned until the reservoirs recover."}},
    {{"Lakeshore rail line to close for two weeks of track work",
      "Two-week closure planned for Lakeshore rail line",
      "Track renewal shuts Lakeshore trains in November"},
     "Lakeshore",
     "Elena Voss",
     "rail operator spokeswoman",
     {"Trains between Lakeshore and Meadowbrook will stop for two weeks from 10 November while "
      "18 kilometres of track are renewed.",
      "Rail operator spokeswoman Elena Voss said replacement buses would run every 20 minutes.",
      "\"The old track limits our speed to 60 kilometres an hour,\" Voss said.",
      "About 9,000 passengers use the line on a typical weekday."}},
    {{"Riverside library reopens after two-year renovation",
      "Renovated Riverside library opens its doors again",
      "Riverside's central library is back after major refit"},
     "Riverside",
     "Colm Ferreira",
     "city librarian",
     {"Riverside central library reopened on Saturday after a renovation that took two years.",
      "City librarian Colm Ferreira said 3,400 visitors came through the doors on the first day.",
      "\"People queued in the rain to get their cards back,\" Ferreira said.",
      "The renovation added a reading garden, study rooms and a children's floor."}},
};

std::string HttpDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::string IsoDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Rfc822(const std::string& iso) {
  std::tm tm{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return iso;
  return HttpDate(timegm(&tm));
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

struct Article {
  NewsArticleSpec spec;
  std::time_t modified = 0;
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::time_t modified = 0;  // 0: no validators
  std::vector<std::pair<std::string, std::string>> headers;
};

struct Site {
  size_t index = 0;
  std::string name;
  std::string reporter;
  std::string origin;  // "http://127.0.0.1:PORT"
  std::string host;
  std::vector<Article> articles;
  std::time_t clock = 0;  // content version: one minute per change
  std::string robots;
  std::map<std::string, Response> pages;  // SetPage
  std::map<std::string, Fault> faults;
  std::atomic<size_t> in_flight{0};
  std::atomic<size_t> max_in_flight{0};
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
};

void RaiseMax(std::atomic<size_t>& max, size_t v) {
  size_t seen = max.load();
  while (v > seen && !max.compare_exchange_weak(seen, v)) {
  }
}

}  // namespace

Fault Fault::FailOnce(int status) {
  Fault f;
  f.status = status;
  f.times = 1;
  return f;
}

Fault Fault::Refuse(int status, std::string retry_after, int times) {
  Fault f;
  f.status = status;
  f.retry_after = std::move(retry_after);
  f.times = times;
  return f;
}

Fault Fault::Paywall(int status) {
  Fault f;
  f.kind = Kind::kPaywall;
  f.status = status;
  return f;
}

Fault Fault::Redirect(std::string location, int status, int times) {
  Fault f;
  f.kind = Kind::kRedirect;
  f.location = std::move(location);
  f.status = status;
  f.times = times;
  return f;
}

Fault Fault::Slow(int delay_ms, int times) {
  Fault f;
  f.kind = Kind::kSlow;
  f.delay_ms = delay_ms;
  f.times = times;
  return f;
}

struct NewsWeb::Impl {
  Options options;
  mutable std::mutex mu;  // site content, faults, log
  std::vector<std::unique_ptr<Site>> sites;
  std::vector<RequestRecord> log;
  std::atomic<int> latency_ms{0};
  std::atomic<size_t> in_flight_all{0};
  std::atomic<size_t> max_in_flight_all{0};
  bool ok = true;

  // Content rendering; callers hold `mu`.
  std::string ArticlePath(const Article& a) const { return "/news/" + a.spec.slug + ".html"; }
  std::string ArticlePage(const Site& s, const Article& a, bool teaser) const;
  std::string HomePage(const Site& s) const;
  std::string Rss(const Site& s, bool full) const;
  std::string Atom(const Site& s) const;
  std::string NewsSitemap(const Site& s) const;
  std::string SitemapIndex(const Site& s) const;
  std::string ArchiveSitemap(const Site& s) const;
  std::optional<Response> Route(const Site& s, const std::string& path) const;
  void Add(Site& s, NewsArticleSpec spec);

  void Handle(Site& s, const httplib::Request& req, httplib::Response& res);
};

void NewsWeb::Impl::Add(Site& s, NewsArticleSpec spec) {
  size_t n = s.articles.size();
  const Event& e = kEvents[n % std::size(kEvents)];
  size_t variant = (s.index + n / std::size(kEvents)) % 3;
  if (spec.title.empty()) {
    spec.title = e.headline[variant];
    if (n >= std::size(kEvents)) spec.title += " (update " + std::to_string(n) + ")";
  }
  if (spec.slug.empty()) spec.slug = "story-" + std::to_string(n + 1);
  if (spec.author.empty()) spec.author = s.reporter;
  if (spec.date_published.empty())
    spec.date_published = IsoDate(1793523600 + 3600 * static_cast<std::time_t>(n));
  if (spec.paragraphs.empty()) {
    // Same facts, the site's own order and framing: related, not copied.
    spec.paragraphs = {e.facts[0]};
    if (variant == 1) {
      spec.paragraphs.push_back(e.facts[2]);
      spec.paragraphs.push_back(e.facts[1]);
    } else {
      spec.paragraphs.push_back(e.facts[1]);
      spec.paragraphs.push_back(e.facts[2]);
    }
    spec.paragraphs.push_back(e.facts[3]);
    spec.paragraphs.push_back(std::string("Reporters from the ") + s.name +
                              " spoke to residents in " + e.place + ", where the " + e.role + ", " +
                              e.person + ", is expected to give further details later this week.");
  }
  s.clock += 60;
  s.articles.push_back({std::move(spec), s.clock});
}

std::string NewsWeb::Impl::ArticlePage(const Site& s, const Article& a, bool teaser) const {
  const NewsArticleSpec& sp = a.spec;
  std::string url = s.origin + ArticlePath(a);
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
      Escape(sp.title) + " | " + Escape(s.name) + "</title>\n" + "<link rel=\"canonical\" href=\"" +
      url + "\">\n" + "<meta property=\"og:title\" content=\"" + Escape(sp.title) + "\">\n" +
      "<meta property=\"og:site_name\" content=\"" + Escape(s.name) + "\">\n" +
      "<meta name=\"author\" content=\"" + Escape(sp.author) + "\">\n" +
      "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">\n" +
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\"," +
      "\"@type\":\"NewsArticle\",\"headline\":" + JsonString(sp.title) +
      ",\"datePublished\":" + JsonString(sp.date_published) +
      ",\"author\":{\"@type\":\"Person\",\"name\":" + JsonString(sp.author) +
      "},\"publisher\":{\"@type\":\"Organization\",\"name\":" + JsonString(s.name) +
      "},\"isAccessibleForFree\":" + (teaser ? "false" : "true") + "}</script>\n" +
      "</head><body>\n<header class=\"masthead\"><a href=\"/\">" + Escape(s.name) +
      "</a><nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport" +
      "</a></li><li><a href=\"/weather\">Weather</a></li><li><a href=\"/about\">" +
      "About us</a></li></ul></nav></header>\n<main><article>\n<h1>" + Escape(sp.title) +
      "</h1>\n<p class=\"byline\">By " + Escape(sp.author) + " &middot; <time datetime=\"" +
      sp.date_published + "\">" + sp.date_published + "</time> &middot; " + Escape(sp.section) +
      "</p>\n" + "<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Post</a> " +
      "<a href=\"#\">Email</a></div>\n";
  size_t shown = teaser ? std::min<size_t>(1, sp.paragraphs.size()) : sp.paragraphs.size();
  for (size_t i = 0; i < shown; ++i) h += "<p>" + Escape(sp.paragraphs[i]) + "</p>\n";
  if (teaser) h += "<div class=\"paywall\">Subscribe to read the full story.</div>\n";
  h += "</article>\n<aside class=\"related\"><h2>Most read</h2><ul><li><a href=\"/\">More from " +
       Escape(s.name) + "</a></li></ul></aside></main>\n<footer><p>&copy; " + Escape(s.name) +
       ". All rights reserved.</p><a href=\"/privacy\">Privacy</a> <a href=\"/contact\">Contact" +
       "</a></footer>\n</body></html>\n";
  return h;
}

std::string NewsWeb::Impl::HomePage(const Site& s) const {
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                  Escape(s.name) + "</title>\n" +
                  "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + Escape(s.name) +
                  "\" href=\"/feed.xml\">\n" +
                  "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + s.origin +
                  "/atom.xml\">\n</head><body><h1>" + Escape(s.name) + "</h1><ul>\n";
  for (auto a = s.articles.rbegin(); a != s.articles.rend(); ++a)
    h += "<li><a href=\"" + ArticlePath(*a) + "\">" + Escape(a->spec.title) + "</a></li>\n";
  return h + "</ul></body></html>\n";
}

std::string NewsWeb::Impl::Rss(const Site& s, bool full) const {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>\n<title>" +
      Escape(s.name) + "</title><link>" + s.origin + "/</link><description>News from " +
      Escape(s.name) + "</description><ttl>30</ttl>" +
      "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>\n";
  for (auto a = s.articles.rbegin(); a != s.articles.rend(); ++a) {
    std::string url = s.origin + ArticlePath(*a);
    x += "<item><title>" + Escape(a->spec.title) + "</title><link>" + url + "</link><guid>" + url +
         "</guid><pubDate>" + Rfc822(a->spec.date_published) + "</pubDate><author>" +
         "desk@example.invalid (" + Escape(a->spec.author) + ")</author><description>" +
         Escape(a->spec.paragraphs.empty() ? "" : a->spec.paragraphs[0]) + "</description>";
    if (full)
      x += "<content:encoded><![CDATA[" + ArticlePage(s, *a, false) + "]]></content:encoded>";
    x += "</item>\n";
  }
  return x + "</channel></rss>\n";
}

std::string NewsWeb::Impl::Atom(const Site& s) const {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" +
      Escape(s.name) + "</title><id>" + s.origin + "/</id><updated>" + IsoDate(s.clock) +
      "</updated>\n";
  for (auto a = s.articles.rbegin(); a != s.articles.rend(); ++a)
    x += "<entry><title>" + Escape(a->spec.title) + "</title><link href=\"" + ArticlePath(*a) +
         "\"/><id>" + s.origin + ArticlePath(*a) + "</id><published>" + a->spec.date_published +
         "</published><author><name>" + Escape(a->spec.author) + "</name></author></entry>\n";
  // Relative links resolve against the feed's URL: exercises the client's resolution.
  return x + "</feed>\n";
}

std::string NewsWeb::Impl::NewsSitemap(const Site& s) const {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n";
  for (auto a = s.articles.rbegin(); a != s.articles.rend(); ++a)
    x += "<url><loc>" + s.origin + ArticlePath(*a) +
         "</loc><news:news><news:publication><news:name>" + Escape(s.name) +
         "</news:name><news:language>en</news:language></news:publication>"
         "<news:publication_date>" +
         a->spec.date_published + "</news:publication_date><news:title>" + Escape(a->spec.title) +
         "</news:title></news:news></url>\n";
  return x + "</urlset>\n";
}

std::string NewsWeb::Impl::SitemapIndex(const Site& s) const {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex "
         "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<sitemap><loc>" +
         s.origin + "/news-sitemap.xml</loc><lastmod>" + IsoDate(s.clock) +
         "</lastmod></sitemap>\n<sitemap><loc>" + s.origin +
         "/sitemap-archive.xml.gz</loc></sitemap>\n</sitemapindex>\n";
}

std::string NewsWeb::Impl::ArchiveSitemap(const Site& s) const {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const Article& a : s.articles)
    x += "<url><loc>" + s.origin + ArticlePath(a) + "</loc><lastmod>" + IsoDate(a.modified) +
         "</lastmod></url>\n";
  return x + "</urlset>\n";
}

std::optional<Response> NewsWeb::Impl::Route(const Site& s, const std::string& path) const {
  if (auto it = s.pages.find(path); it != s.pages.end()) return it->second;
  Response r;
  r.modified = s.clock;
  const char* xml = "application/xml; charset=utf-8";
  if (path == "/robots.txt") {
    r.body = s.robots;
    r.content_type = "text/plain; charset=utf-8";
  } else if (path == "/") {
    r.body = HomePage(s);
  } else if (path == "/feed.xml" || path == "/feed-full.xml") {
    r.body = Rss(s, path == "/feed-full.xml");
    r.content_type = "application/rss+xml; charset=utf-8";
  } else if (path == "/atom.xml") {
    r.body = Atom(s);
    r.content_type = "application/atom+xml; charset=utf-8";
  } else if (path == "/news-sitemap.xml") {
    r.body = NewsSitemap(s);
    r.content_type = xml;
  } else if (path == "/sitemap-index.xml") {
    r.body = SitemapIndex(s);
    r.content_type = xml;
  } else if (path == "/sitemap-archive.xml.gz") {
    r.body = Gzip(ArchiveSitemap(s));
    r.content_type = "application/gzip";
  } else if (path == "/private/draft.html") {
    r.body = "<html><body><p>Unpublished draft: crawlers must not fetch this.</p></body></html>";
  } else {
    for (const Article& a : s.articles) {
      if (ArticlePath(a) != path) continue;
      r.body = ArticlePage(s, a, false);
      r.modified = a.modified;
      return r;
    }
    return std::nullopt;
  }
  return r;
}

void NewsWeb::Impl::Handle(Site& s, const httplib::Request& req, httplib::Response& res) {
  RequestRecord rec;
  rec.start = Clock::now();
  RaiseMax(s.max_in_flight, ++s.in_flight);
  RaiseMax(max_in_flight_all, ++in_flight_all);
  rec.site = s.index;
  rec.host = s.host;
  rec.method = req.method;
  rec.target = req.target.empty() ? req.path : req.target;
  rec.if_none_match = req.get_header_value("If-None-Match");
  rec.if_modified_since = req.get_header_value("If-Modified-Since");
  rec.user_agent = req.get_header_value("User-Agent");
  int latency = latency_ms.load();
  if (latency > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency));

  std::optional<Fault> fault;
  std::optional<Response> route;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = s.faults.find(req.path); it != s.faults.end()) {
      fault = it->second;
      if (it->second.times > 0 && --it->second.times == 0) s.faults.erase(it);
    }
    route = Route(s, req.path);
    if (fault && fault->kind == Fault::Kind::kPaywall && route) {
      for (const Article& a : s.articles)
        if (ArticlePath(a) == req.path) route->body = ArticlePage(s, a, true);
    }
  }
  if (fault && fault->kind == Fault::Kind::kSlow) {
    std::this_thread::sleep_for(std::chrono::milliseconds(fault->delay_ms));
    fault.reset();
  }
  if (fault && fault->kind == Fault::Kind::kStatus) {
    res.status = fault->status;
    if (!fault->retry_after.empty()) res.set_header("Retry-After", fault->retry_after);
    res.set_content("<html><body><p>Error " + std::to_string(fault->status) + "</p></body></html>",
                    "text/html; charset=utf-8");
  } else if (fault && fault->kind == Fault::Kind::kRedirect) {
    res.status = fault->status;
    std::string loc = fault->location;
    res.set_header("Location", loc.rfind("http", 0) == 0 ? loc : s.origin + loc);
  } else if (!route) {
    res.status = 404;
    res.set_content("<html><body><p>Not found</p></body></html>", "text/html; charset=utf-8");
  } else {
    std::string etag = "\"" + std::to_string(std::hash<std::string>{}(route->body)) + "\"";
    std::string last_modified = route->modified ? HttpDate(route->modified) : "";
    bool fresh = !rec.if_none_match.empty()
                     ? rec.if_none_match == etag
                     : !rec.if_modified_since.empty() && rec.if_modified_since == last_modified;
    bool paywall = fault && fault->kind == Fault::Kind::kPaywall;
    res.status = paywall ? fault->status : fresh ? 304 : route->status;
    res.set_header("ETag", etag);
    if (!last_modified.empty()) res.set_header("Last-Modified", last_modified);
    res.set_header("Cache-Control", "max-age=60");
    for (const auto& [k, v] : route->headers) res.set_header(k, v);
    if (res.status != 304) res.set_content(route->body, route->content_type);
  }
  // cpp-httplib would answer "br" with brotli at quality 11, milliseconds of CPU per page that
  // made this local web, not the client under test, the bottleneck. Sites mostly send gzip, so
  // "br" is hidden from httplib's choice, made from this (non-const, httplib-owned) request
  // after the handler returns.
  if (auto ae = req.headers.find("Accept-Encoding"); ae != req.headers.end()) {
    std::string& value = const_cast<std::string&>(ae->second);
    for (size_t p = value.find("br"); p != std::string::npos; p = value.find("br"))
      value.replace(p, 2, "x-none");
  }
  rec.status = res.status;
  rec.end = Clock::now();
  --s.in_flight;
  --in_flight_all;
  std::lock_guard<std::mutex> lock(mu);
  log.push_back(std::move(rec));
}

NewsWeb::NewsWeb(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->latency_ms = options.latency_ms;
  for (size_t i = 0; i < options.sites; ++i) {
    auto site = std::make_unique<Site>();
    site->index = i;
    site->name = kOutlets[i % std::size(kOutlets)];
    if (i >= std::size(kOutlets)) site->name += " " + std::to_string(i / std::size(kOutlets) + 1);
    site->reporter = kReporters[i % std::size(kReporters)];
    site->clock = 1793520000;  // 2026-11-01T08:00:00Z: the site's content clock
    site->server = std::make_unique<httplib::Server>();
    size_t threads = std::max<size_t>(options.server_threads, 1);
    site->server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    site->server->set_keep_alive_timeout(2);
    site->server->set_keep_alive_max_count(1000);  // as nginx's default keepalive_requests
    // Headers and body go out in separate writes; with Nagle on, each response would wait for
    // the client's delayed ACK (~40 ms), which would swamp any latency a test sets.
    site->server->set_tcp_nodelay(true);
    Site* raw = site.get();
    site->server->Get(".*", [this, raw](const httplib::Request& req, httplib::Response& res) {
      impl_->Handle(*raw, req, res);
    });
    int port = site->server->bind_to_any_port("127.0.0.1");
    if (port <= 0) {
      impl_->ok = false;
      impl_->sites.push_back(std::move(site));
      continue;
    }
    site->host = "127.0.0.1:" + std::to_string(port);
    site->origin = "http://" + site->host;
    site->robots =
        "User-agent: *\nDisallow: /private/\n\nSitemap: " + site->origin + "/sitemap-index.xml\n";
    for (size_t a = 0; a < options.articles_per_site; ++a) impl_->Add(*site, {});
    site->thread = std::thread([raw] { raw->server->listen_after_bind(); });
    impl_->sites.push_back(std::move(site));
  }
  for (auto& s : impl_->sites) {
    if (!s->thread.joinable()) continue;
    for (int i = 0; i < 500 && !s->server->is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (!s->server->is_running()) impl_->ok = false;
  }
}

NewsWeb::~NewsWeb() {
  for (auto& s : impl_->sites) s->server->stop();
  for (auto& s : impl_->sites)
    if (s->thread.joinable()) s->thread.join();
}

bool NewsWeb::ok() const { return impl_->ok; }
size_t NewsWeb::sites() const { return impl_->sites.size(); }
std::string NewsWeb::Host(size_t site) const { return impl_->sites.at(site)->host; }
std::string NewsWeb::Url(size_t site, std::string_view path) const {
  return impl_->sites.at(site)->origin + std::string(path);
}
std::string NewsWeb::SiteName(size_t site) const { return impl_->sites.at(site)->name; }

std::string NewsWeb::AddArticle(size_t site, NewsArticleSpec spec) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Site& s = *impl_->sites.at(site);
  impl_->Add(s, std::move(spec));
  return s.origin + impl_->ArticlePath(s.articles.back());
}

std::vector<std::string> NewsWeb::ArticleUrls(size_t site) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const Site& s = *impl_->sites.at(site);
  std::vector<std::string> out;
  for (const Article& a : s.articles) out.push_back(s.origin + impl_->ArticlePath(a));
  return out;
}

void NewsWeb::SetRobots(size_t site, std::string body) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Site& s = *impl_->sites.at(site);
  s.robots = std::move(body);
  s.clock += 60;
}

void NewsWeb::SetPage(size_t site, std::string path, std::string body, std::string content_type) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Site& s = *impl_->sites.at(site);
  s.clock += 60;
  Response r;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  r.modified = s.clock;
  s.pages[std::move(path)] = std::move(r);
}

void NewsWeb::SetFault(size_t site, std::string path, Fault fault) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->sites.at(site)->faults[std::move(path)] = std::move(fault);
}

void NewsWeb::ClearFaults() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  for (auto& s : impl_->sites) s->faults.clear();
}

void NewsWeb::SetLatency(int ms) { impl_->latency_ms = ms; }

std::vector<RequestRecord> NewsWeb::Requests() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->log;
}

std::vector<RequestRecord> NewsWeb::Requests(size_t site) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::vector<RequestRecord> out;
  for (const RequestRecord& r : impl_->log)
    if (r.site == site) out.push_back(r);
  return out;
}

size_t NewsWeb::MaxInFlight(size_t site) const {
  return impl_->sites.at(site)->max_in_flight.load();
}

size_t NewsWeb::InFlight(size_t site) const { return impl_->sites.at(site)->in_flight.load(); }

size_t NewsWeb::MaxInFlightAll() const { return impl_->max_in_flight_all.load(); }

void NewsWeb::ClearLog() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->log.clear();
  for (auto& s : impl_->sites) s->max_in_flight = 0;
  impl_->max_in_flight_all = 0;
}

}  // namespace wirebrief::testing
