// `wirebrief watchlist add|list|remove|events`: standing questions about the news and what they
// reported (pipeline/alerts.h). Events are made by `run` and `watch` as stories change.
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "ingest/fetch.h"
#include "pipeline/alerts.h"
#include "pipeline/watch.h"
#include "store/store.h"

namespace wirebrief::cli {
namespace {

struct WatchlistFlags : CommonFlags {
  std::string name, query, webhook, format;
  size_t limit = 0;
};

int RunAdd(store::Store* store, const WatchlistFlags& f) {
  if (core::Status s = pipeline::ValidateWatchlistName(f.name); !s.ok()) {
    PrintError(s.ToString());
    return 2;
  }
  auto m = pipeline::WatchlistMatcher::Compile(f.query);
  if (!m.ok()) {
    PrintError("watchlist " + f.name + ": " + m.status().ToString());
    return 2;
  }
  if (!f.webhook.empty() && !ingest::IsHttpUrl(f.webhook)) {
    PrintError("--webhook " + f.webhook + ": not an http(s) URL");
    return 2;
  }
  store::WatchlistRecord w;
  w.name = f.name;
  w.query = f.query;
  w.webhook = f.webhook;
  auto old = store->LoadWatchlist(f.name);
  w.secret = old.ok() ? old->secret : pipeline::NewWatchlistSecret();
  w.created_at = old.ok() ? old->created_at : pipeline::IsoUtc(std::time(nullptr));
  if (core::Status s = store->PutWatchlist(w); !s.ok()) {
    PrintError(s.ToString());
    return 2;
  }
  std::printf("watchlist %s %s", w.name.c_str(), old.ok() ? "replaced" : "added");
  if (!w.webhook.empty())
    std::printf("; webhook signing secret (X-Wirebrief-Signature): %s", w.secret.c_str());
  std::printf("\n");
  return 0;
}

int RunRemove(store::Store* store, const WatchlistFlags& f) {
  core::Status s = store->RemoveWatchlist(f.name);
  if (!s.ok()) {
    PrintError(s.code() == core::StatusCode::kNotFound ? f.name + ": no such watchlist"
                                                       : s.ToString());
    return 1;
  }
  return 0;
}

int RunEvents(store::Store* store, const WatchlistFlags& f) {
  if (auto w = store->LoadWatchlist(f.name); !w.ok()) {
    PrintError(w.status().code() == core::StatusCode::kNotFound ? f.name + ": no such watchlist"
                                                                : w.status().ToString());
    return 1;
  }
  auto got = store->LoadAlertEvents(f.name, 0, f.limit);
  if (!got.ok()) {
    PrintError(got.status().ToString());
    return 2;
  }
  if (f.format == "json") {
    for (const auto& e : got.value()) std::printf("%s\n", pipeline::AlertEventJson(e).c_str());
    return 0;
  }
  for (const auto& e : got.value()) {
    std::printf("%s  %-7s %s  v%d  %s\n", e.at.c_str(), e.kind.c_str(), e.story_id.c_str(),
                e.brief_version, e.headline.c_str());
    for (const auto& l : e.lines)
      std::printf("    %s%s%s\n", l.label.empty() ? "" : l.label.c_str(),
                  l.label.empty() ? "" : ": ", l.text.c_str());
  }
  return 0;
}

int RunList(store::Store* store, const WatchlistFlags& f) {
  auto all = store->ListWatchlists();
  if (!all.ok()) {
    PrintError(all.status().ToString());
    return 2;
  }
  if (f.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& w : all.value())
      arr.push_back({{"name", w.name},
                     {"query", w.query},
                     {"webhook", w.webhook},
                     {"created_at", w.created_at}});
    std::printf("%s\n", arr.dump(2).c_str());
    return 0;
  }
  std::printf("%-20s %-40s %s\n", "name", "query", "webhook");
  for (const auto& w : all.value())
    std::printf("%-20s %-40s %s\n", w.name.c_str(), w.query.c_str(),
                w.webhook.empty() ? "-" : w.webhook.c_str());
  return 0;
}

}  // namespace

Command AddWatchlistCommand(CLI::App* root) {
  auto* flags = new WatchlistFlags();
  CLI::App* app = root->add_subcommand(
      "watchlist",
      "Standing queries over stories: reported when a matching story appears or grows");
  app->require_subcommand(1);
  AddVersionFlag(app);
  CLI::App* add = app->add_subcommand(
      "add", "Add or replace NAME with QUERY (search syntax, plus entity:NAME and conflict:yes)");
  CLI::App* list = app->add_subcommand("list", "Each watchlist with its query and webhook");
  CLI::App* remove = app->add_subcommand("remove", "Remove NAME with its events and deliveries");
  CLI::App* events = app->add_subcommand("events", "NAME's recent events, newest first");
  for (CLI::App* sub : {add, list, remove, events}) AddDbFlag(sub, flags);
  AddFlag(add, kNewWatchlistName, &flags->name);
  AddFlag(add, kWatchlistQuery, &flags->query);
  AddFlag(add, kWebhook, &flags->webhook);
  AddFlag(remove, kWatchlistName, &flags->name);
  AddFlag(events, kWatchlistName, &flags->name);
  AddFlag(events, kEventsLimit, &flags->limit);
  for (CLI::App* sub : {list, events}) AddFlag(sub, kTableJsonFormat, &flags->format);
  return {app, [=] {
            auto opened = store::OpenStore(flags->db);
            if (!opened.ok()) {
              PrintError(opened.status().ToString());
              return 2;
            }
            store::Store* store = opened.value().get();
            if (add->parsed()) return RunAdd(store, *flags);
            if (remove->parsed()) return RunRemove(store, *flags);
            if (events->parsed()) return RunEvents(store, *flags);
            return RunList(store, *flags);
          }};
}

}  // namespace wirebrief::cli
