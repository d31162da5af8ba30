// The flag table: every flag of wirebrief's subcommands, each defined once with its spelling,
// help, default and check (ripgrep's flags/defs.rs), in cli/flag_defs.cc. A subcommand attaches
// the definitions it takes with AddFlag(app, kSomething, &target); docs/cli-flags.md lists them.
// A flag whose default is computed (the clusterer's settings come from a preset) leaves
// `default_value` empty and shows the bound variable's value instead.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace wirebrief::cli {

template <typename T>
struct FlagDef {
  std::string names{};                    // CLI11 spelling: "-j,--jobs", "--threshold", "inputs"
  std::string help{};                     // one line of --help; empty for a hidden flag
  std::optional<T> default_value{};       // Default: none, the bound variable keeps its value
  // Makes the value's check when the flag is attached, not at program start: a table of
  // constructed validators cost every start of the binary ~4% (callgrind, `--version`).
  CLI::Validator (*check)() = nullptr;  // Default: none, any value of the type
  bool show_default = true;               // --help shows the default (options only). Default: true.
  bool required = false;                  // Default: false.
  std::string env{};  // an environment variable that gives the value. Default: none.
  // A list option takes one value per use (-i A -i B), so positional inputs after it stay
  // inputs. Default: false.
  bool one_value_per_use = false;
  // An old spelling kept for one release (docs/cli-flags.md, "Deprecated spellings"): hidden
  // from --help; the subcommand warns when it is used (WarnDeprecated). Default: false.
  bool hidden = false;
};

// Adds `def` to `app`, bound to `*target` (set to the default first, when the table gives one).
// bool binds a flag, anything else an option taking one value (a vector: one or more).
template <typename T>
CLI::Option* AddFlag(CLI::App* app, const FlagDef<T>& def, T* target) {
  if (def.default_value) *target = *def.default_value;
  CLI::Option* option;
  if constexpr (std::is_same_v<T, bool>) {
    option = app->add_flag(def.names, *target, def.help);
  } else {
    option = app->add_option(def.names, *target, def.help);
    if (def.show_default) option->capture_default_str();
  }
  if (def.check) option->check(def.check());
  if (def.required) option->required();
  if (!def.env.empty()) option->envname(def.env);
  if (def.one_value_per_use) option->allow_extra_args(false);
  if (def.hidden) option->group("");
  return option;
}

// The table (cli/flag_defs.cc). Shared flags first, then each subcommand's own.
// Shared.
extern const FlagDef<std::string> kDb;
extern const FlagDef<size_t> kJobs;
extern const FlagDef<bool> kQuiet;
extern const FlagDef<std::vector<std::string>> kInputs;
extern const FlagDef<std::vector<std::string>> kInputFile;
extern const FlagDef<std::string> kTargetLanguage;
extern const FlagDef<std::string> kDeprecatedJsonlInput;  // cluster, brief: the old `--jsonl FILE`
extern const FlagDef<bool> kDeprecatedJsonlSwitch;        // extract, read: the old `--jsonl`
// brief and cluster: what they read.
extern const FlagDef<std::vector<std::string>> kStoryInputs;
extern const FlagDef<std::string> kFaith;
extern const FlagDef<std::vector<std::string>> kClusterInputs;
// extract.
extern const FlagDef<std::string> kOutputDir;
extern const FlagDef<bool> kPrecision;
extern const FlagDef<bool> kRecall;
extern const FlagDef<std::string> kBaseUrl;
extern const FlagDef<bool> kWithAnnotations;
extern const FlagDef<bool> kNoPropagate;
// watch.
extern const FlagDef<std::vector<std::string>> kSources;
extern const FlagDef<std::vector<std::string>> kSourcesFile;
extern const FlagDef<bool> kOnce;
extern const FlagDef<bool> kForce;
extern const FlagDef<std::string> kEvery;
extern const FlagDef<std::string> kContact;
extern const FlagDef<size_t> kMaxPages;
extern const FlagDef<long> kDelay;
extern const FlagDef<size_t> kHosts;
extern const FlagDef<std::string> kMinInterval;
extern const FlagDef<std::string> kMaxInterval;
// show.
extern const FlagDef<std::string> kShowFormat;
extern const FlagDef<std::string> kQuery;
extern const FlagDef<std::string> kDeprecatedShowQ;
extern const FlagDef<std::string> kSince;
extern const FlagDef<std::string> kUntil;
extern const FlagDef<std::string> kOutlet;
extern const FlagDef<std::string> kEntity;
extern const FlagDef<size_t> kShowLimit;
extern const FlagDef<std::string> kStory;
extern const FlagDef<int> kSinceVersion;
// watchlist.
extern const FlagDef<std::string> kNewWatchlistName;
extern const FlagDef<std::string> kWatchlistName;
extern const FlagDef<std::string> kWatchlistQuery;
extern const FlagDef<size_t> kEventsLimit;
// sources, watchlist list/events.
extern const FlagDef<std::string> kTableJsonFormat;
// sources.
extern const FlagDef<std::vector<std::string>> kSourceUrls;
extern const FlagDef<std::vector<std::string>> kSourceUrlsFile;
extern const FlagDef<std::vector<std::string>> kSourceUrlsToRemove;
// run.
extern const FlagDef<bool> kFollow;
extern const FlagDef<std::string> kRunContact;
// process.
extern const FlagDef<std::string> kProcessOutput;
extern const FlagDef<std::string> kCompress;
extern const FlagDef<std::string> kSourceName;
// db.
extern const FlagDef<std::string> kExportOutput;
extern const FlagDef<std::string> kImportFile;
// search.
extern const FlagDef<std::vector<std::string>> kSearchQuery;
extern const FlagDef<size_t> kSearchLimit;
extern const FlagDef<std::string> kSort;
extern const FlagDef<std::string> kSearchFormat;
// serve: defaults are ServerOptions' (server/server.h), the upload and cache sizes serve's own.
extern const FlagDef<int> kPort;
extern const FlagDef<std::string> kBind;
extern const FlagDef<std::vector<std::string>> kCorsOrigin;
extern const FlagDef<size_t> kThreads;
extern const FlagDef<size_t> kMaxUploadMb;
extern const FlagDef<size_t> kCacheMb;
extern const FlagDef<bool> kNewToken;
extern const FlagDef<bool> kAllowPrivateUrls;
extern const FlagDef<std::string> kWebhook;
// cluster: the clusterer's settings default to the label-stream preset (LabelStreamOptions).
extern const FlagDef<bool> kExplain;
extern const FlagDef<std::string> kDayOrder;
extern const FlagDef<double> kThreshold;
extern const FlagDef<double> kHeadlineThreshold;
extern const FlagDef<double> kHeadlineSizePrior;
extern const FlagDef<double> kSizePrior;
extern const FlagDef<double> kLinkage;
extern const FlagDef<double> kHeadlineLinkage;
extern const FlagDef<int> kRefinePasses;
extern const FlagDef<double> kRefineMerge;
extern const FlagDef<double> kHeadlineRefineMerge;
extern const FlagDef<double> kHeadlineRefineLink;
extern const FlagDef<size_t> kRefineLinkMaxSmaller;
extern const FlagDef<double> kMemberGate;
extern const FlagDef<double> kHeadlineMemberGate;
extern const FlagDef<double> kDailyDecay;
extern const FlagDef<double> kWindowDays;
extern const FlagDef<double> kHeadlineWindowDays;

}  // namespace wirebrief::cli
