// server/: the HTTP/JSON API over the store and the web page in web/ (cpp-httplib, from Debian).
//
//   GET  /v1/health                  store counts and schema version
//   GET  /v1/stories                 newest first; q, since, until, outlet, entity, limit, cursor
//   GET  /v1/stories/{id}            brief with citations resolved to article, outlet, URL and
//                                    the cited sentence; articles; copy families. A merged id
//                                    answers with its survivor ("merged_from"); since_version=N
//                                    adds the brief lines added/removed since version N. The
//                                    story schema `show` prints too: docs/story-schema.md
//   GET  /v1/articles/{id}           clean text, metadata with field sources, annotations,
//                                    every provenance record
//   GET  /v1/search?q=               full-text search over articles (store/search_query.h syntax);
//                                    sort=relevance (default) or recent (last stored first)
//   GET  /v1/stories.atom|.json      the story list as Atom / JSON Feed (same filters)
//   GET  /v1/search.atom|.json       a search as a feed: the URL is the saved search
//   POST /v1/ingest                  body = a page, pasted text, WARC or JSON lines; or
//                                    ?url=U (repeatable): the server fetches the pages (never
//                                    from loopback/private/link-local addresses unless
//                                    allow_private_urls); runs the pipeline; needs
//                                    "Authorization: Bearer <token>"
//   GET  /v1/sources                 the sources `watch` follows, with their health
//   GET  /v1/watchlists              name, query, webhook, created_at (never the secret)
//   POST /v1/watchlists              {"name", "query", "webhook"?}: add or replace (token);
//                                    201 (200 when replaced) with the signing secret, shown
//                                    only here; 400 naming a bad name, query or webhook
//   DELETE /v1/watchlists/{name}     with its events and deliveries (token); 204, 404
//   GET  /v1/watchlists/{name}/events       newest first; limit, before=EVENT_ID
//   GET  /v1/watchlists/{name}/feed.atom|.json   the events as Atom / JSON Feed 1.1
//   GET  /v1/watchlists/{name}/deliveries   the webhook delivery log
//   GET  /, /app.js, /style.css      the web page (compiled in; nothing is read from disk)
//
// Errors are JSON {"error": {"code", "message"}} with the matching HTTP status (400 bad
// parameter, 401 missing/wrong token (checked before anything else), 404 unknown id or path,
// 413 body too large, 500 store).
//
// Security: binds loopback unless told otherwise; the write endpoints need the token, of which
// only a SHA-256 digest is stored (settings table), so it is shown once, when created. No CORS
// headers unless origins are configured. Responses carry a strict Content-Security-Policy.
//
// Thread safety: requests run on a pool of threads, each borrowing its own store connection;
// ingests run one at a time. Run() blocks until Stop() (callable from any thread).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/pipeline.h"

namespace wirebrief::server {

struct ServerOptions {
  std::string db;                  // store location (store::OpenStore)
  std::string bind = "127.0.0.1";  // Default: loopback only.
  int port = 8080;                 // Default: 8080; 0 picks a free port (see Server::port()).
  std::vector<std::string> cors_origins;  // Default: none, so browsers block cross-origin reads.
  size_t max_body_bytes = 64u << 20;      // Default: 64 MiB per request body (ingest uploads).
  size_t threads = 32;                    // Default: 32 request threads (one per open connection).
  // Rendered story lists, story pages and searches kept until the store changes (any commit,
  // from any process); least recently used first out. Default: 64 MiB; 0 turns it off.
  size_t cache_bytes = 64u << 20;
  bool new_token = false;                 // Default: false; true replaces the stored API token.
  pipeline::RunOptions run;               // used by POST /v1/ingest (run.crawl: its fetches)
  // Let POST /v1/ingest?url= reach loopback, private and link-local addresses (a server on a
  // trusted network fetching an intranet site). Default: false.
  bool allow_private_urls = false;
};

// The methods are virtual so that a program holding a Server made by LoadServer (in the module)
// calls them through the object and needs none of this library's code, nor cpp-httplib.
class Server {
 public:
  // Opens the store (migrating it), creates the API token when none is stored, binds the socket.
  // Errors: the store's, or kIOError when the address cannot be bound.
  static core::Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server();

  // The token when this start created it (print it: it cannot be shown again), else empty.
  virtual const std::string& new_token() const;
  virtual int port() const;
  // Serves until Stop(). Returns an error when listening fails.
  virtual core::Status Run();
  virtual void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Server::Create run inside the module kServerModule (this library with cpp-httplib and
// OpenSSL), loaded on the first call (core/module.h), so only `serve` loads them; what the
// program links for it is wb_server_client, not wb_server. Errors: Create's, or kUnsupported
// naming the module and why it did not load.
core::Result<std::unique_ptr<Server>> LoadServer(const ServerOptions& options);

inline constexpr char kServerModule[] = "wirebrief-server.so";
// The module's one export (server_module.cc): Server::Create into *out.
inline constexpr char kServerEntry[] = "wirebrief_create_server";
using CreateServerEntry = void (*)(const ServerOptions& options,
                                   core::Result<std::unique_ptr<Server>>* out);

}  // namespace wirebrief::server
