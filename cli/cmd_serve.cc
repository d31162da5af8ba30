// `wirebrief serve`: the HTTP/JSON API and the web page over a database (src/server/server.h).
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "server/server.h"

namespace wirebrief::cli {

Command AddServeCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    server::ServerOptions server;
    size_t max_upload_mb = 64;
    size_t cache_mb = 64;
  };
  auto* flags = new Flags();
  CLI::App* app =
      root->add_subcommand("serve", "Serve the HTTP/JSON API and the web page over a database");
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  AddJobsFlag(app, flags);
  AddFlag(app, kPort, &flags->server.port);
  AddFlag(app, kBind, &flags->server.bind);
  AddFlag(app, kCorsOrigin, &flags->server.cors_origins);
  AddFlag(app, kThreads, &flags->server.threads);
  AddFlag(app, kMaxUploadMb, &flags->max_upload_mb);
  AddFlag(app, kCacheMb, &flags->cache_mb);
  AddFlag(app, kNewToken, &flags->server.new_token);
  AddFlag(app, kAllowPrivateUrls, &flags->server.allow_private_urls);
  return {app, [flags] {
            server::ServerOptions options = flags->server;
            options.db = flags->db;
            options.max_body_bytes = flags->max_upload_mb << 20;
            options.cache_bytes = flags->cache_mb << 20;
            options.run.jobs = flags->jobs;
            options.run.read = ReadOptionsFromEnvironment();
            // SIGINT/SIGTERM are taken by one thread with sigwait, so stopping needs no work
            // inside a signal handler; every thread started later inherits the mask.
            sigset_t stop_signals;
            sigemptyset(&stop_signals);
            sigaddset(&stop_signals, SIGINT);
            sigaddset(&stop_signals, SIGTERM);
            pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
            auto srv = server::LoadServer(options);
            if (!srv.ok()) {
              PrintError(srv.status().ToString());
              return 2;
            }
            server::Server* s = srv.value().get();
            if (!s->new_token().empty()) {
              std::printf(
                  "API token for POST /v1/ingest and adding or removing watchlists (shown once; "
                  "keep it): %s\n",
                  s->new_token().c_str());
              std::fflush(stdout);
            }
            if (options.bind != "127.0.0.1" && options.bind != "::1" && options.bind != "localhost")
              PrintError("warning: listening on " + options.bind +
                         ", not loopback: other machines can reach the API");
            std::fprintf(stderr, "wirebrief: serving http://%s:%d/ from %s (Ctrl-C stops)\n",
                         options.bind.find(':') != std::string::npos
                             ? ("[" + options.bind + "]").c_str()
                             : options.bind.c_str(),
                         s->port(), options.db.c_str());
            std::thread waiter([s, stop_signals] {
              int sig = 0;
              sigwait(&stop_signals, &sig);
              s->Stop();
            });
            core::Status st = s->Run();
            // Wake the waiter when the server stopped on its own.
            pthread_kill(waiter.native_handle(), SIGTERM);
            waiter.join();
            if (!st.ok()) {
              PrintError(st.ToString());
              return 2;
            }
            return 0;
          }};
}

}  // namespace wirebrief::cli
