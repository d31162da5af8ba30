// `wirebrief serve`: the HTTP/JSON API and the web page over a database (src/server/server.h).
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <thread>

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
  app->add_option("--port", flags->server.port, "TCP port (0 = any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app->add_option("--bind", flags->server.bind,
                  "Address to listen on (anything but loopback exposes the API)")
      ->capture_default_str();
  app->add_option("--cors-origin", flags->server.cors_origins,
                  "Allow cross-origin requests from this origin (repeatable; default: none)");
  app->add_option("--threads", flags->server.threads, "Request threads (one per open connection)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app->add_option("--max-upload-mb", flags->max_upload_mb, "Largest request body accepted, in MiB")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  app->add_option("--cache-mb", flags->cache_mb,
                  "Memory for rendered responses, dropped when the database changes (0 = off)")
      ->check(CLI::Range(0, 65536))
      ->capture_default_str();
  app->add_flag("--new-token", flags->server.new_token,
                "Replace the API token (the new one is printed once)");
  app->add_flag("--allow-private-urls", flags->server.allow_private_urls,
                "Let POST /v1/ingest?url= fetch from loopback, private and link-local addresses "
                "(refused by default: the server would reach its own network for the caller)");
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
              std::printf("API token for POST /v1/ingest and adding or removing watchlists (shown once; keep it): %s\n",
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
