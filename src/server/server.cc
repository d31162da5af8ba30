#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "render/article_json.h"
#include "render/feed.h"
#include "render/json_writer.h"
#include "render/story_json.h"
#include "server/detail/response_cache.h"
#include "server/detail/token.h"
#include "server/detail/views.h"
#include "server/detail/watchlist_views.h"
#include "server/detail/web_assets.h"
#include "store/search_query.h"
#include "store/store.h"

namespace wirebrief::server {
namespace {

using detail::json;
constexpr const char* kTokenSetting = "api_token_sha256";
constexpr size_t kMaxPageSize = 200;
constexpr const char* kJson = "application/json; charset=utf-8";

// Every response: no sniffing, no framing, scripts and styles only from this origin. The web
// page escapes article text itself; the policy is the second line of defence.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void SendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message) {
  res.status = status;
  res.set_content(detail::Dump({{"error", {{"code", code}, {"message", message}}}}), kJson);
}

void SendStatus(httplib::Response& res, const core::Status& s) {
  switch (s.code()) {
    case core::StatusCode::kInvalidArgument:
      return SendError(res, 400, "bad_request", s.message());
    case core::StatusCode::kLimitExceeded:
      return SendError(res, 400, "limit_exceeded", s.message());
    case core::StatusCode::kNotFound:
      return SendError(res, 404, "not_found", s.message());
    case core::StatusCode::kUnsupported:
      return SendError(res, 501, "unsupported", s.message());
    default:
      return SendError(res, 500, "internal", s.ToString());
  }
}

void SendJson(httplib::Response& res, const json& j) { res.set_content(detail::Dump(j), kJson); }

// `format` is "atom" or "json" (JSON Feed 1.1).
void SendFeed(httplib::Response& res, const std::string& format, const render::FeedInfo& info,
              const std::vector<render::FeedItem>& items) {
  if (format == "atom")
    return res.set_content(render::AtomFeed(info, items), "application/atom+xml; charset=utf-8");
  res.set_content(render::JsonFeed(info, items), "application/feed+json; charset=utf-8");
}

// One store connection per concurrent request: a Store is single-threaded by contract. Each
// keeps the last DataVersion it reported, so a change seen on any of them empties the cache.
struct Connection {
  std::unique_ptr<store::Store> store;
  bool version_known = false;
  uint64_t version = 0;
};

class StorePool {
 public:
  explicit StorePool(std::string location) : location_(std::move(location)) {}
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Connection> c) : pool_(pool), conn_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    store::Store* operator->() const { return conn_->store.get(); }
    store::Store* get() const { return conn_->store.get(); }
    Connection& connection() const { return *conn_; }

   private:
    StorePool* pool_;
    std::unique_ptr<Connection> conn_;
  };
  core::Result<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(c));
      }
    }
    auto opened = store::OpenStore(location_);
    if (!opened.ok()) return opened.status();
    auto c = std::make_unique<Connection>();
    c->store = std::move(opened).value();
    return Lease(this, std::move(c));
  }

 private:
  void Return(std::unique_ptr<Connection> c) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(c));
  }
  std::string location_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// The content of a handler's 200 response, for the cache; false for anything else.
bool Rendered(const httplib::Response& res) { return res.status == -1 || res.status == 200; }

// Reads ?limit= (1..kMaxPageSize, default 20); false after sending a 400.
bool ReadLimit(const httplib::Request& req, httplib::Response& res, size_t* limit) {
  *limit = 20;
  if (!req.has_param("limit")) return true;
  const std::string v = req.get_param_value("limit");
  if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(v) == 0) {
    SendError(res, 400, "bad_request",
              "limit must be a whole number from 1 to " + std::to_string(kMaxPageSize));
    return false;
  }
  *limit = std::min<size_t>(std::stoul(v), kMaxPageSize);
  return true;
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : "";
}

// Dates in query parameters: a day or a longer ISO timestamp; compared as text by the store.
bool ReadDate(const httplib::Request& req, httplib::Response& res, const char* name,
              std::string* out) {
  *out = Param(req, name);
  if (out->empty()) return true;
  auto parsed = store::ParseSearchQuery(std::string("since:") + *out);
  if (!parsed.ok()) {
    SendError(res, 400, "bad_request", std::string(name) + " wants a date like 2026-11-03");
    return false;
  }
  *out = parsed.value().since;
  return true;
}

// "1 article", "2 articles": counts a reader sees agree in number (issue 29).
std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string BaseUrl(const httplib::Request& req) {
  std::string host = req.get_header_value("Host");
  if (host.empty() || host.size() > 255 || host.find_first_of(" /\\\"<>") != std::string::npos)
    host = "localhost";
  return "http://" + host;
}

// Responses depend on the request target only, and feeds also on the Host they link back to.
std::string CacheKey(const httplib::Request& req, const char* format) {
  return format == nullptr ? req.target : req.target + '\n' + BaseUrl(req);
}

std::string SafeFileName(const std::string& name) {
  std::string out;
  for (char c : name.substr(0, 80))
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_')
      out += c;
  if (out.empty() || out[0] == '.') out = "upload" + out;
  return out;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  StorePool pool;
  std::string token_digest;
  std::string new_token;
  int port = 0;
  std::mutex ingest_mu;
  detail::ResponseCache cache;

  explicit Impl(const ServerOptions& o) : options(o), pool(o.db), cache(o.cache_bytes) {}

  // Sends the cached response for `key` when the store has not changed since it was rendered;
  // else renders it with `render(res)` and keeps it if it is a 200.
  template <typename Render>
  void Cached(const std::string& key, StorePool::Lease& lease, httplib::Response& res,
              Render render);

  void Routes();
  bool Authorized(const httplib::Request& req, httplib::Response& res) const;
  void ListStories(const httplib::Request& req, httplib::Response& res, const char* format);
  void GetStory(const httplib::Request& req, httplib::Response& res);
  void GetArticle(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res, const char* format);
  void Ingest(const httplib::Request& req, httplib::Response& res);
  void IngestUrls(const std::vector<std::string>& urls, httplib::Response& res);
  void ListSources(httplib::Response& res);
  // /v1/watchlists...: the work is in detail/watchlist_views.cc; these route and cache it.
  void CreateWatchlist(const httplib::Request& req, httplib::Response& res);
  void DeleteWatchlist(const httplib::Request& req, httplib::Response& res);
  void GetWatchlistView(const httplib::Request& req, httplib::Response& res, const char* view);
};

template <typename Render>
void Server::Impl::Cached(const std::string& key, StorePool::Lease& lease, httplib::Response& res,
                          Render render) {
  if (options.cache_bytes == 0) return render(res);
  auto version = lease->DataVersion();
  if (!version.ok()) return render(res);  // a backend without versions is never cached
  Connection& c = lease.connection();
  if (!c.version_known || c.version != version.value()) {
    // This connection saw a commit (or is new, and may have missed one): what is cached may
    // predate it. The epoch is read after this check and before the store is read, so a
    // response is never kept under an epoch newer than its data.
    c.version_known = true;
    c.version = version.value();
    cache.Invalidate();
  }
  const uint64_t epoch = cache.epoch();
  if (auto hit = cache.Find(key, epoch)) {
    res.set_content(hit->body, hit->content_type.c_str());
    return;
  }
  render(res);
  if (Rendered(res)) cache.Put(key, epoch, res.body, res.get_header_value("Content-Type"));
}

bool Server::Impl::Authorized(const httplib::Request& req, httplib::Response& res) const {
  const std::string auth = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (auth.rfind(prefix, 0) != 0) {
    res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, 401, "unauthorized", "this endpoint needs 'Authorization: Bearer <token>'");
    return false;
  }
  if (!detail::DigestsEqual(detail::TokenDigest(auth.substr(prefix.size())), token_digest)) {
    res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    SendError(res, 401, "unauthorized", "the token is not this server's");
    return false;
  }
  return true;
}

void Server::Impl::ListStories(const httplib::Request& req, httplib::Response& res,
                               const char* format) {
  store::StoryQuery q;
  if (!ReadLimit(req, res, &q.limit) || !ReadDate(req, res, "since", &q.since) ||
      !ReadDate(req, res, "until", &q.until))
    return;
  q.outlet = Param(req, "outlet");
  q.entity = Param(req, "entity");
  q.cursor = Param(req, "cursor");
  if (!Param(req, "q").empty()) {
    auto parsed = store::ParseSearchQuery(Param(req, "q"));
    if (!parsed.ok()) return SendStatus(res, parsed.status());
    const store::ParsedSearch& p = parsed.value();
    q.match = p.match;
    // Operators typed into the box narrow the list like the matching parameters.
    if (!p.outlet.empty()) q.outlet = p.outlet;
    if (!p.since.empty()) q.since = p.since;
    if (!p.until.empty()) q.until = p.until;
  }
  auto lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  Cached(CacheKey(req, format), lease.value(), res, [&](httplib::Response& out) {
    auto page = lease.value()->ListStories(q);
    if (!page.ok()) return SendStatus(out, page.status());
    if (format != nullptr) {
      std::string base = BaseUrl(req);
      std::vector<render::FeedItem> items;
      for (const auto& s : page.value().stories)
        items.push_back({s.id, s.title, base + "/#/story/" + s.id, s.last_published,
                         Count(s.article_ids.size(), "article", "articles") + " from " +
                             Count(s.outlets.size(), "outlet", "outlets") + " (" +
                             std::to_string(s.independent_outlets) + " independent)"});
      return SendFeed(out, format, {"wirebrief stories", base + req.target, base + "/"}, items);
    }
    render::JsonWriter w;
    w.BeginObject();
    w.Key("next_cursor");
    if (page.value().next_cursor.empty())
      w.Null();
    else
      w.String(page.value().next_cursor);
    w.Key("stories");
    w.BeginArray();
    for (const auto& s : page.value().stories) render::WriteStorySummary(s, &w);
    w.EndArray();
    w.EndObject();
    out.set_content(w.Take(), kJson);
  });
}

void Server::Impl::GetStory(const httplib::Request& req, httplib::Response& res) {
  int since_version = -1;
  if (req.has_param("since_version")) {
    const std::string v = req.get_param_value("since_version");
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      return SendError(res, 400, "bad_request", "since_version must be a whole number");
    since_version = std::stoi(v);
  }
  auto lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  Cached(CacheKey(req, nullptr), lease.value(), res, [&](httplib::Response& out) {
    store::Store* st = lease.value().get();
    // A story's id is for life: an id merged into another story answers with the survivor.
    const std::string asked = req.matches[1];
    auto id = st->ResolveStoryId(asked);
    if (!id.ok()) return SendStatus(out, id.status());
    auto record = st->LoadStory(id.value());
    if (!record.ok()) return SendStatus(out, record.status());
    render::StoryExtras extras;
    if (id.value() != asked) extras.requested_id = asked;
    if (since_version >= 0) {
      if (since_version > record->brief.version)
        return SendError(out, 404, "not_found",
                         "story " + id.value() + " has no brief version " +
                             std::to_string(since_version));
      auto versions = st->LoadBriefVersions(id.value(), std::max(0, since_version - 1));
      if (!versions.ok()) return SendStatus(out, versions.status());
      core::Brief then;
      then.version = since_version;
      for (const auto& b : versions.value())
        if (b.version == since_version) then = b;
      extras.changes = render::DiffBriefs(then, record->brief);
    }
    auto loaded = st->LoadArticlesForStoryPage(record.value().story.article_ids);
    if (!loaded.ok()) return SendStatus(out, loaded.status());
    std::map<std::string, core::Article> articles;
    for (auto& a : loaded.value()) articles.emplace(a.id, std::move(a));
    out.set_content(
        render::StoryJson({record->story, record->brief, record->copy_families}, articles, extras),
        kJson);
  });
}

void Server::Impl::GetArticle(const httplib::Request& req, httplib::Response& res) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  auto a = lease.value()->LoadArticle(req.matches[1]);
  if (!a.ok()) return SendStatus(res, a.status());
  auto prov = lease.value()->LoadProvenance(a.value().id);
  if (!prov.ok()) return SendStatus(res, prov.status());
  SendJson(res, render::ArticleApiJson(a.value(), prov.value()));
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res, const char* format) {
  store::ArticleQuery q;
  if (!ReadLimit(req, res, &q.limit)) return;
  q.cursor = Param(req, "cursor");
  const std::string sort = Param(req, "sort");
  if (!sort.empty() && sort != "relevance" && sort != "recent")
    return SendError(res, 400, "bad_request", "sort is 'relevance' (the default) or 'recent'");
  q.by_relevance = sort != "recent";
  auto parsed = store::ParseSearchQuery(Param(req, "q"));
  if (!parsed.ok()) return SendStatus(res, parsed.status());
  const store::ParsedSearch& p = parsed.value();
  q.match = p.match;
  q.outlet = p.outlet.empty() ? Param(req, "outlet") : p.outlet;
  q.language = p.language.empty() ? Param(req, "lang") : p.language;
  q.since = p.since;
  q.until = p.until;
  if ((q.since.empty() && !ReadDate(req, res, "since", &q.since)) ||
      (q.until.empty() && !ReadDate(req, res, "until", &q.until)))
    return;
  auto lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  Cached(CacheKey(req, format), lease.value(), res, [&](httplib::Response& out) {
    auto page = lease.value()->SearchArticles(q);
    if (!page.ok()) return SendStatus(out, page.status());
    if (format != nullptr) {
      std::string base = BaseUrl(req);
      std::vector<render::FeedItem> items;
      for (const auto& h : page.value().hits) {
        std::string summary;
        for (char c : h.snippet)
          if (c != '\x02' && c != '\x03') summary += c;
        items.push_back({h.id, h.title, base + "/#/article/" + h.id, h.date_published, summary});
      }
      return SendFeed(out, format,
                      {"wirebrief search: " + Param(req, "q"), base + req.target, base + "/"},
                      items);
    }
    render::JsonWriter w;
    w.BeginObject();
    w.Key("hits");
    w.BeginArray();
    for (const auto& h : page.value().hits) detail::WriteSearchHit(h, &w);
    w.EndArray();
    w.Key("next_cursor");
    if (page.value().next_cursor.empty())
      w.Null();
    else
      w.String(page.value().next_cursor);
    w.Key("query");
    w.BeginObject();
    w.Key("language");
    w.String(q.language);
    w.Key("match");
    w.String(q.match);
    w.Key("outlet");
    w.String(q.outlet);
    w.Key("since");
    w.String(q.since);
    w.Key("until");
    w.String(q.until);
    w.EndObject();
    // Set when a common term made relevance rank only the newest matches (older ones follow).
    w.Key("ranked_newest");
    if (page.value().ranked_newest == 0)
      w.Null();
    else
      w.UInt(page.value().ranked_newest);
    w.EndObject();
    out.set_content(w.Take(), kJson);
  });
}

void SendRunSummary(httplib::Response& res, const pipeline::RunSummary& s) {
  json errors = json::array();
  for (const auto& e : s.errors) errors.push_back(e.ToString());
  res.status = s.documents_failed > 0 && s.articles_new + s.articles_known == 0 ? 422 : 200;
  SendJson(res, {{"documents_read", s.documents_read},
                 {"documents_failed", s.documents_failed},
                 {"articles_new", s.articles_new},
                 {"articles_known", s.articles_known},
                 {"stories", s.stories},
                 {"stories_new", s.stories_new},
                 {"stories_updated", s.stories_updated},
                 {"reclustered", s.reclustered},
                 {"errors", errors}});
}

// POST /v1/ingest?url=...: the server fetches the pages itself, so a caller could aim it at
// the machine's own network (SSRF). Unless the server was started allowing it, every
// connection to loopback, private and link-local addresses is refused when its socket opens
// (redirects and DNS answers included; pipeline::RunUrls), and only http(s) URLs are taken.
void Server::Impl::IngestUrls(const std::vector<std::string>& urls, httplib::Response& res) {
  if (urls.size() > 100) return SendError(res, 400, "bad_request", "at most 100 url parameters");
  pipeline::RunOptions run = options.run;
  run.crawl.allow_private_addresses = options.allow_private_urls;
  core::Result<pipeline::RunSummary> summary = core::Status::Internal("ingest", "not run");
  {
    std::lock_guard<std::mutex> lock(ingest_mu);
    auto st = store::OpenStore(options.db);
    if (!st.ok()) return SendStatus(res, st.status());
    summary = pipeline::RunUrls(urls, st.value().get(), run, nullptr);
  }
  if (!summary.ok()) return SendStatus(res, summary.status());
  SendRunSummary(res, summary.value());
}

void Server::Impl::ListSources(httplib::Response& res) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  auto sources = lease.value()->ListSources();
  if (!sources.ok()) return SendStatus(res, sources.status());
  json arr = json::array();
  for (const auto& s : sources.value())
    arr.push_back({{"url", s.url},
                   {"kind", s.kind},
                   {"title", s.title},
                   {"added_at", s.added_at},
                   {"last_poll", s.last_poll},
                   {"last_success", s.last_success},
                   {"next_poll", s.next_poll},
                   {"last_outcome", s.last_outcome},
                   {"consecutive_failures", s.consecutive_failures},
                   {"last_error", s.last_error},
                   {"items_seen", s.items_seen},
                   {"articles_stored", s.articles_stored},
                   {"interval_seconds", s.interval_seconds},
                   {"healthy", s.consecutive_failures == 0}});
  SendJson(res, {{"sources", arr}});
}

// Writes go through a connection of their own, as ingests do: a commit on it changes the
// DataVersion every pooled connection reads, so cached lists and feeds are dropped everywhere.
void Server::Impl::CreateWatchlist(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req, res)) return;  // before the body is even looked at
  auto input = detail::ParseWatchlistInput(req.body);
  if (!input.ok()) return SendStatus(res, input.status());
  auto st = store::OpenStore(options.db);
  if (!st.ok()) return SendStatus(res, st.status());
  bool created = false;
  auto saved = detail::SaveWatchlist(st.value().get(), input.value(), &created);
  if (!saved.ok()) return SendStatus(res, saved.status());
  cache.Invalidate();
  res.status = created ? 201 : 200;
  if (created) res.set_header("Location", "/v1/watchlists/" + saved->name);
  res.set_content(detail::WatchlistCreatedJson(saved.value(), created), kJson);
}

void Server::Impl::DeleteWatchlist(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req, res)) return;
  auto st = store::OpenStore(options.db);
  if (!st.ok()) return SendStatus(res, st.status());
  const std::string name = req.matches[1];
  core::Status s = st.value()->RemoveWatchlist(name);
  if (!s.ok() && s.code() == core::StatusCode::kNotFound)
    return SendError(res, 404, "not_found", name + ": no such watchlist");
  if (!s.ok()) return SendStatus(res, s);
  cache.Invalidate();
  res.status = 204;
}

// `view`: "list", "events", "deliveries", "atom" or "json".
void Server::Impl::GetWatchlistView(const httplib::Request& req, httplib::Response& res,
                                    const char* view) {
  const std::string v = view;
  size_t limit = 0;
  if (!ReadLimit(req, res, &limit)) return;
  int64_t before = 0;
  if (req.has_param("before")) {
    const std::string b = req.get_param_value("before");
    if (b.empty() || b.size() > 18 || b.find_first_not_of("0123456789") != std::string::npos)
      return SendError(res, 400, "bad_request", "before must be an event id (a whole number)");
    before = std::stoll(b);
  }
  auto lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  const bool feed = v == "atom" || v == "json";
  Cached(CacheKey(req, feed ? view : nullptr), lease.value(), res, [&](httplib::Response& out) {
    store::Store* st = lease.value().get();
    const std::string name = v == "list" ? "" : std::string(req.matches[1]);
    core::Result<std::string> body =
        v == "list"     ? detail::WatchlistListJson(st)
        : v == "events" ? detail::WatchlistEventsJson(st, name, before, limit)
        : v == "deliveries"
            ? detail::WatchlistDeliveriesJson(st, name, limit)
            : detail::WatchlistFeed(st, name, v, BaseUrl(req), BaseUrl(req) + req.target, limit);
    if (!body.ok()) return SendStatus(out, body.status());
    const char* type = v == "atom"   ? "application/atom+xml; charset=utf-8"
                       : v == "json" ? "application/feed+json; charset=utf-8"
                                     : kJson;
    out.set_content(body.value(), type);
  });
}

void Server::Impl::Ingest(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req, res)) return;
  if (req.has_param("url")) {
    std::vector<std::string> urls;
    for (size_t i = 0; i < req.get_param_value_count("url"); ++i)
      urls.push_back(req.get_param_value("url", i));
    return IngestUrls(urls, res);
  }
  if (req.body.empty())
    return SendError(res, 400, "bad_request", "the body is empty: send a page, text or WARC");
  // The pipeline reads paths, so the upload goes to a private temporary folder first.
  std::error_code ec;
  std::string tmpl =
      (std::filesystem::temp_directory_path(ec) / "wirebrief-ingest-XXXXXX").string();
  if (ec || ::mkdtemp(tmpl.data()) == nullptr)
    return SendError(res, 500, "internal", "cannot create a temporary folder for the upload");
  std::filesystem::path dir(tmpl);
  std::filesystem::path file = dir / SafeFileName(Param(req, "name"));
  {
    std::ofstream out(file, std::ios::binary);
    out.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
    if (!out) {
      std::filesystem::remove_all(dir, ec);
      return SendError(res, 500, "internal", "cannot write the upload to " + file.string());
    }
  }
  core::Result<pipeline::RunSummary> summary = core::Status::Internal("ingest", "not run");
  {
    std::lock_guard<std::mutex> lock(ingest_mu);
    auto st = store::OpenStore(options.db);
    if (!st.ok()) {
      std::filesystem::remove_all(dir, ec);
      return SendStatus(res, st.status());
    }
    summary = pipeline::RunPipeline({file.string()}, st.value().get(), options.run, nullptr);
  }
  std::filesystem::remove_all(dir, ec);
  if (!summary.ok()) return SendStatus(res, summary.status());
  SendRunSummary(res, summary.value());
}

void Server::Impl::Routes() {
  http.set_payload_max_length(options.max_body_bytes);
  http.set_keep_alive_max_count(1000);
  // Headers and body leave in separate writes; with Nagle on, the body waits for the
  // client's delayed ACK (40 ms) on every keep-alive request.
  http.set_tcp_nodelay(true);
  http.set_read_timeout(10, 0);
  size_t threads = options.threads == 0 ? 32 : options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    const std::string origin = req.get_header_value("Origin");
    bool allowed = !origin.empty() &&
                   std::find(options.cors_origins.begin(), options.cors_origins.end(), origin) !=
                       options.cors_origins.end();
    if (allowed) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Vary", "Origin");
    }
    if (req.method == "OPTIONS") {
      if (allowed) {
        res.set_header("Access-Control-Allow-Methods", "GET, POST, DELETE");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.status = 204;
      } else {
        SendError(res, 403, "forbidden", "cross-origin requests are not enabled on this server");
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    // A body over the limit is refused before any route runs; a client without the token must
    // learn that it lacks one, not what the server's limits are (issue 29).
    if (res.status == 413 && req.method != "GET" && !Authorized(req, res)) return;
    switch (res.status) {
      case 404:
        return SendError(res, 404, "not_found", "no such path");
      case 413:
        return SendError(res, 413, "too_large",
                         "the request body is larger than this server accepts");
      case 414:
        return SendError(res, 414, "too_large", "the request URI is too long");
      default:
        return SendError(res, res.status, "http_" + std::to_string(res.status), "request failed");
    }
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, 500, "internal", "the request failed inside the server");
      });

  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http.Get("/v1/health", [this](Req, Res res) {
    auto lease = pool.Acquire();
    if (!lease.ok()) return SendStatus(res, lease.status());
    auto counts = lease.value()->Counts();
    if (!counts.ok()) return SendStatus(res, counts.status());
    SendJson(res, {{"status", "ok"},
                   {"version", WB_VERSION},
                   {"schema_version", lease.value()->SchemaVersion()},
                   {"articles", counts.value().articles},
                   {"stories", counts.value().stories}});
  });
  http.Get("/v1/stories", [this](Req req, Res res) { ListStories(req, res, nullptr); });
  http.Get("/v1/stories.atom", [this](Req req, Res res) { ListStories(req, res, "atom"); });
  http.Get("/v1/stories.json", [this](Req req, Res res) { ListStories(req, res, "json"); });
  http.Get(R"(/v1/stories/([^/]{1,200}))", [this](Req req, Res res) { GetStory(req, res); });
  http.Get(R"(/v1/articles/([^/]{1,200}))", [this](Req req, Res res) { GetArticle(req, res); });
  http.Get("/v1/search", [this](Req req, Res res) { Search(req, res, nullptr); });
  http.Get("/v1/search.atom", [this](Req req, Res res) { Search(req, res, "atom"); });
  http.Get("/v1/search.json", [this](Req req, Res res) { Search(req, res, "json"); });
  http.Post("/v1/ingest", [this](Req req, Res res) { Ingest(req, res); });
  http.Get("/v1/sources", [this](Req, Res res) { ListSources(res); });
  http.Get("/v1/watchlists", [this](Req req, Res res) { GetWatchlistView(req, res, "list"); });
  http.Post("/v1/watchlists", [this](Req req, Res res) { CreateWatchlist(req, res); });
  const std::string name = R"(/v1/watchlists/([^/]{1,200}))";
  http.Delete(name, [this](Req req, Res res) { DeleteWatchlist(req, res); });
  http.Get(name + "/events", [this](Req req, Res res) { GetWatchlistView(req, res, "events"); });
  http.Get(name + "/deliveries",
           [this](Req req, Res res) { GetWatchlistView(req, res, "deliveries"); });
  http.Get(name + R"(/feed\.atom)",
           [this](Req req, Res res) { GetWatchlistView(req, res, "atom"); });
  http.Get(name + R"(/feed\.json)",
           [this](Req req, Res res) { GetWatchlistView(req, res, "json"); });
  // The page: fixed names only. Anything else is a 404, so no URL ever reaches the filesystem.
  http.Get(R"(/|/index\.html|/app\.js|/style\.css)", [](Req req, Res res) {
    const detail::WebAsset* asset =
        detail::FindWebAsset(req.path == "/" ? "/index.html" : req.path);
    if (asset == nullptr) return SendError(res, 404, "not_found", "no such path");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(asset->body.data(), asset->body.size(),
                    (std::string(asset->content_type) + "; charset=utf-8").c_str());
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

core::Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  {
    auto st = store::OpenStore(options.db);
    if (!st.ok()) return st.status();
    auto digest = st.value()->GetSetting(kTokenSetting);
    if (options.new_token || !digest.ok()) {
      if (!digest.ok() && digest.status().code() != core::StatusCode::kNotFound)
        return digest.status();
      auto token = detail::NewToken();
      if (!token.ok()) return token.status();
      bool stored = false;
      WB_RETURN_IF_ERROR(st.value()->PutSetting(kTokenSetting, detail::TokenDigest(token.value()),
                                                /*only_if_absent=*/!options.new_token, &stored));
      // Another server may have created one first; that one's holder has the token.
      if (stored) impl->new_token = token.value();
      digest = st.value()->GetSetting(kTokenSetting);
      if (!digest.ok()) return digest.status();
    }
    impl->token_digest = digest.value();
  }
  impl->Routes();
  int port = options.port == 0
                 ? impl->http.bind_to_any_port(options.bind)
                 : (impl->http.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port < 0)
    return core::Status::IOError(
        options.bind + ":" + std::to_string(options.port),
        "cannot listen there (address in use, or not an address of this machine)");
  impl->port = port;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

const std::string& Server::new_token() const { return impl_->new_token; }
int Server::port() const { return impl_->port; }

core::Status Server::Run() {
  if (!impl_->http.listen_after_bind())
    return core::Status::IOError(impl_->options.bind + ":" + std::to_string(impl_->port),
                                 "the server stopped");
  return core::Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace wirebrief::server
