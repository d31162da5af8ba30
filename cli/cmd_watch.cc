// `wirebrief watch`: follow news sources round after round (pipeline/watch.h), and
// `wirebrief sources list|add|remove`: the sources it follows, with their health.
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "core/progress.h"
#include "ingest/url.h"
#include "pipeline/watch.h"

namespace wirebrief::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void OnStopSignal(int) { g_stop.store(true); }

// "90", "90s", "15m", "2h", "1d" -> seconds; -1 when malformed.
double ParseDuration(const std::string& text) {
  if (text.empty()) return -1;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !(v > 0)) return -1;
  std::string unit(end);
  if (unit.empty() || unit == "s") return v;
  if (unit == "m") return v * 60;
  if (unit == "h") return v * 3600;
  if (unit == "d") return v * 86400;
  return -1;
}

std::unique_ptr<store::Store> Open(const std::string& db) {
  auto s = store::OpenStore(db);
  if (!s.ok()) {
    PrintError(s.status().ToString());
    return nullptr;
  }
  return std::move(s).value();
}

struct WatchFlags : CommonFlags {
  bool once = false;
  bool force = false;
  std::string every;
  std::string contact;
  size_t max_pages = 0;
  long delay_ms = 0;
  size_t hosts = 0;
  std::string min_interval, max_interval;
};

void AddWatchFlags(CLI::App* app, WatchFlags* flags) {
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  AddJobsFlag(app, flags);
  AddQuietFlag(app, flags);
  AddFlag(app, kSources, &flags->inputs);
  AddFlag(app, kSourcesFile, &flags->input_files);
  AddFlag(app, kOnce, &flags->once);
  AddFlag(app, kForce, &flags->force);
  AddFlag(app, kEvery, &flags->every);
  AddFlag(app, kContact, &flags->contact);
  AddFlag(app, kMaxPages, &flags->max_pages);
  AddFlag(app, kDelay, &flags->delay_ms);
  AddFlag(app, kHosts, &flags->hosts);
  AddFlag(app, kMinInterval, &flags->min_interval);
  AddFlag(app, kMaxInterval, &flags->max_interval);
}

// The round's one line on stdout.
void PrintRound(int round, const pipeline::RoundSummary& s) {
  std::string alerts;
  if (s.alerts + s.webhooks_delivered + s.webhooks_failed > 0)
    alerts = "; watchlist events " + std::to_string(s.alerts) + " (webhooks delivered " +
             std::to_string(s.webhooks_delivered) + ", failed " +
             std::to_string(s.webhooks_failed) + ")";
  // Shown only when it happens: two watch processes on one store.
  const std::string busy =
      s.sources_busy == 0 ? ""
                          : ", polled by another watch process " + std::to_string(s.sources_busy);
  std::printf(
      "round %d: sources polled %zu (unchanged %zu, failed %zu, not due %zu%s, new %zu); "
      "pages fetched %zu (failed %zu, blocked %zu, deferred %zu); articles new %zu "
      "(%zu headline only, %zu upgraded); stories new %zu, updated %zu%s; %.1f s%s%s\n",
      round, s.sources_polled, s.sources_unchanged, s.sources_failed, s.sources_not_due,
      busy.c_str(), s.sources_added, s.pages_fetched, s.pages_failed, s.pages_blocked,
      s.pages_deferred, s.articles_new, s.headlines_new, s.articles_upgraded, s.stories_new,
      s.stories_updated, alerts.c_str(), s.seconds, s.next_poll.empty() ? "" : "; next poll ",
      s.next_poll.c_str());
  std::fflush(stdout);
}

// Sleeps until the next round (or a stop signal): `every` seconds after `started` when set,
// else until the first source is due.
void WaitForNextRound(double every, std::chrono::steady_clock::time_point started,
                      const pipeline::RoundSummary& s) {
  double wait = every;
  if (wait <= 0) {
    std::time_t next =
        s.next_poll.empty() ? std::time(nullptr) + 60 : pipeline::ParseIsoUtc(s.next_poll);
    wait = std::max<double>(1, static_cast<double>(next - std::time(nullptr)));
  } else {
    wait -= std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  auto until = std::chrono::steady_clock::now() +
               std::chrono::milliseconds(static_cast<long long>(std::max(0.0, wait) * 1000));
  while (!g_stop.load() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
}

// Adds the named sources to the store; null (after saying why) when nothing can be watched.
std::unique_ptr<store::Store> OpenWithSources(const WatchFlags& flags) {
  std::vector<std::string> urls = flags.inputs;
  if (!ReadInputLists(flags.input_files, &urls)) return nullptr;
  auto store = Open(flags.db);
  if (!store) return nullptr;
  size_t added = 0;
  if (core::Status s = pipeline::AddSources(store.get(), urls, &added); !s.ok()) {
    PrintError(s.ToString());
    return nullptr;
  }
  auto sources = store->ListSources();
  if (!sources.ok()) {
    PrintError(sources.status().ToString());
    return nullptr;
  }
  if (sources->empty()) {
    PrintError(
        "no sources to watch: give feed, sitemap or home page URLs (they are "
        "kept in the database), or add them with 'wirebrief sources add'");
    return nullptr;
  }
  return store;
}

int RunWatch(const WatchFlags& flags) {
  double every = flags.every.empty() ? 0 : ParseDuration(flags.every);
  double lo = ParseDuration(flags.min_interval), hi = ParseDuration(flags.max_interval);
  if (every < 0 || lo < 0 || hi < 0 || lo > hi) {
    PrintError(
        "durations are a number with s, m, h or d (15m), and --min-interval <= "
        "--max-interval");
    return 2;
  }
  auto store = OpenWithSources(flags);
  if (!store) return 2;
  pipeline::WatchOptions o;
  o.run.jobs = flags.jobs;
  o.run.read = ReadOptionsFromEnvironment();
  o.run.crawl.contact_url = flags.contact;
  o.run.crawl.fetch.per_host_delay_ms = flags.delay_ms;
  o.run.crawl.max_parallel_hosts = flags.hosts;
  o.max_pages_per_round = flags.max_pages;
  o.min_interval_seconds = lo;
  o.max_interval_seconds = hi;
  o.poll_all = flags.force;
  ingest::PoliteFetcher fetcher(o.run.crawl);
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  auto progress = core::MakeProgressSink(flags.quiet);
  int status = 0;
  for (int round = 1; !g_stop.load(); ++round) {
    auto started = std::chrono::steady_clock::now();
    auto r =
        pipeline::WatchRound(store.get(), &fetcher, o, std::time(nullptr), progress.get(), &g_stop);
    if (!r.ok()) {
      PrintError(r.status().ToString());
      return 2;
    }
    const pipeline::RoundSummary& s = r.value();
    for (const auto& e : s.errors) PrintError(e.ToString());
    for (const auto& w : s.warnings) PrintError("warning: " + w);
    PrintRound(round, s);
    status = s.errors.empty() ? 0 : 1;
    if (flags.once) break;
    o.poll_all = false;
    WaitForNextRound(every, started, s);
  }
  return status;
}

}  // namespace

Command AddWatchCommand(CLI::App* root) {
  auto* flags = new WatchFlags();
  CLI::App* app = root->add_subcommand(
      "watch",
      "Follow feeds, sitemaps and sites round after round: fetch new articles politely "
      "and keep stories and briefs up to date");
  AddWatchFlags(app, flags);
  return {app, [flags] { return RunWatch(*flags); }};
}

Command AddSourcesCommand(CLI::App* root) {
  auto* flags = new CommonFlags();
  auto* format = new std::string();
  CLI::App* app =
      root->add_subcommand("sources", "List, add or remove the sources 'watch' follows");
  app->require_subcommand(1);
  AddVersionFlag(app);
  CLI::App* list = app->add_subcommand("list",
                                       "Each source with its health: last poll, outcome, "
                                       "failures, next poll, items, articles");
  CLI::App* add = app->add_subcommand("add", "Follow these feed, sitemap or home page URLs");
  CLI::App* remove = app->add_subcommand("remove", "Stop following these URLs (articles stay)");
  for (CLI::App* sub : {list, add, remove}) AddDbFlag(sub, flags);
  AddFlag(list, kTableJsonFormat, format);
  AddFlag(add, kSourceUrls, &flags->inputs);
  AddFlag(add, kSourceUrlsFile, &flags->input_files);
  AddFlag(remove, kSourceUrlsToRemove, &flags->inputs);
  return {app, [=] {
            auto store = Open(flags->db);
            if (!store) return 2;
            if (add->parsed()) {
              std::vector<std::string> urls = flags->inputs;
              if (!ReadInputLists(flags->input_files, &urls)) return 2;
              if (urls.empty()) {
                PrintError("sources add: give URLs or -i FILE");
                return 2;
              }
              size_t added = 0;
              core::Status s = pipeline::AddSources(store.get(), urls, &added);
              if (!s.ok()) {
                PrintError(s.ToString());
                return 2;
              }
              std::printf("sources added: %zu, already followed: %zu\n", added,
                          urls.size() - added);
              return 0;
            }
            if (remove->parsed()) {
              int rc = 0;
              for (const auto& u : flags->inputs) {
                std::string url = ingest::NormalizeUrl(u);
                core::Status s = store->RemoveSource(url.empty() ? u : url);
                if (!s.ok()) {
                  PrintError(s.code() == core::StatusCode::kNotFound ? u + ": not a followed source"
                                                                     : s.ToString());
                  rc = 1;
                }
              }
              return rc;
            }
            auto sources = store->ListSources();
            if (!sources.ok()) {
              PrintError(sources.status().ToString());
              return 2;
            }
            if (*format == "json") {
              nlohmann::json arr = nlohmann::json::array();
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
                               {"etag", s.etag},
                               {"last_modified", s.last_modified}});
              std::printf("%s\n", arr.dump(2).c_str());
              return 0;
            }
            std::printf("%-8s %-13s %-3s %-20s %-20s %6s %6s %7s  %s\n", "kind", "last outcome",
                        "err", "last poll", "next poll", "items", "stored", "every", "url");
            for (const auto& s : sources.value()) {
              std::printf("%-8s %-13s %-3d %-20s %-20s %6lld %6lld %6.0fm  %s\n",
                          s.kind.empty() ? "?" : s.kind.c_str(),
                          s.last_outcome.empty() ? "never polled" : s.last_outcome.c_str(),
                          s.consecutive_failures, s.last_poll.c_str(), s.next_poll.c_str(),
                          static_cast<long long>(s.items_seen),
                          static_cast<long long>(s.articles_stored), s.interval_seconds / 60,
                          s.url.c_str());
              if (!s.last_error.empty())
                std::printf("         last error: %s\n", s.last_error.c_str());
            }
            return 0;
          }};
}

}  // namespace wirebrief::cli
