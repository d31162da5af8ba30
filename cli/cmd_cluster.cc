// `wirebrief cluster INPUT.jsonl...`: story labels for a stream of documents, one online
// pass. By default a window's labels are printed when the window closes, after its documents
// have been reassigned among its stories (a mini-batch over the open window only; undated input
// has one window, closed at the end), and a day's headline-only documents are clustered longest
// headline first (cluster::HeadlineDayOrder); everything else goes in file order. With
// --refine-passes 0 or --explain the pass is in file order and each label is final when its
// line is read.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <unordered_map>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "cluster/cluster.h"
#include "kits/cluster_kit.h"

namespace wirebrief::cli {
namespace {

struct ClusterFlags : CommonFlags {
  std::string deprecated_jsonl;  // the old `--jsonl FILE`
  bool explain = false;
  std::string day_order;
  cluster::ClusterOptions options;
};

void AddClusterFlags(CLI::App* app, ClusterFlags* flags) {
  AddVersionFlag(app);
  AddFlag(app, kClusterInputs, &flags->inputs);
  AddInputFileFlag(app, flags);
  AddFlag(app, kDeprecatedJsonlInput, &flags->deprecated_jsonl);
  AddFlag(app, kExplain, &flags->explain);
  AddFlag(app, kDayOrder, &flags->day_order);
  cluster::ClusterOptions& o = flags->options;
  AddFlag(app, kThreshold, &o.join_threshold);
  AddFlag(app, kHeadlineThreshold, &o.headline_join_threshold);
  AddFlag(app, kHeadlineSizePrior, &o.headline_size_prior);
  AddFlag(app, kSizePrior, &o.size_prior);
  AddFlag(app, kLinkage, &o.linkage);
  AddFlag(app, kHeadlineLinkage, &o.headline_linkage);
  AddFlag(app, kRefinePasses, &o.refine_passes);
  AddFlag(app, kRefineMerge, &o.refine_merge);
  AddFlag(app, kHeadlineRefineMerge, &o.headline_refine_merge);
  AddFlag(app, kHeadlineRefineLink, &o.headline_refine_link);
  AddFlag(app, kRefineLinkMaxSmaller, &o.refine_link_max_smaller);
  AddFlag(app, kMemberGate, &o.member_gate);
  AddFlag(app, kHeadlineMemberGate, &o.headline_member_gate);
  AddFlag(app, kDailyDecay, &o.daily_decay);
  AddFlag(app, kWindowDays, &o.window_days);
  AddFlag(app, kHeadlineWindowDays, &o.headline_window_days);
}

// Every input opens before the first line is read: a wrong name stops the run before any label
// is printed, as it did with one input. Null stands for stdin ("-"); false when one failed.
bool OpenInputs(const std::vector<std::string>& paths,
                std::vector<std::unique_ptr<std::ifstream>>* files) {
  for (const std::string& path : paths) {
    if (path == "-") {
      files->push_back(nullptr);
      continue;
    }
    files->push_back(std::make_unique<std::ifstream>(path, std::ios::binary));
    if (!*files->back()) {
      PrintError(path + ": cannot open");
      return false;
    }
  }
  return true;
}

// One online pass over the stream, printing labels as they become final.
class LabelStream {
 public:
  explicit LabelStream(const ClusterFlags& flags)
      : flags_(flags),
        clusterer_(flags.options),
        refine_(flags.options.refine_passes > 0),
        reorder_(refine_ && flags.day_order == "longest-first"),
        day_order_(flags.options.short_words) {}

  bool refine() const { return refine_; }
  bool reorder() const { return reorder_; }

  // One document, `stream_line` its line number over all inputs.
  void Add(core::Article a, size_t stream_line) {
    if (reorder_) {
      line_of_[a.id] = stream_line;
      day_order_.Push(std::move(a), &ready_);
      for (const core::Article& r : ready_) clusterer_.Add(r);
      ready_.clear();
      PrintFinal();
      return;
    }
    cluster::Placement p = clusterer_.Add(a);
    if (refine_) {
      PrintFinal();
      return;
    }
    out_ = kits::ClusterPlacementLine(a.id, p, flags_.explain);
    out_.push_back('\n');
    std::fwrite(out_.data(), 1, out_.size(), stdout);
  }

  // The end of the stream: every window closes.
  void Finish() {
    day_order_.Flush(&ready_);
    for (const core::Article& r : ready_) clusterer_.Add(r);
    clusterer_.Finish();
    PrintFinal();
  }

 private:
  // The labels the clusterer made final, in file order even when a window's documents were
  // clustered in another.
  void PrintFinal() {
    labels_ = clusterer_.TakeLabels();
    if (reorder_) {
      auto line_number = [&](const cluster::FinalLabel& l) {
        auto it = line_of_.find(l.article_id);
        return it == line_of_.end() ? size_t{0} : it->second;
      };
      std::stable_sort(labels_.begin(), labels_.end(), [&](const auto& x, const auto& y) {
        return line_number(x) < line_number(y);
      });
      for (const auto& l : labels_) line_of_.erase(l.article_id);
    }
    for (const auto& l : labels_) {
      out_ = kits::ClusterLabelLine(l.article_id, l.story);
      out_.push_back('\n');
      std::fwrite(out_.data(), 1, out_.size(), stdout);
    }
  }

  const ClusterFlags& flags_;
  cluster::OnlineClusterer clusterer_;
  const bool refine_, reorder_;
  cluster::HeadlineDayOrder day_order_;
  std::vector<core::Article> ready_;
  std::unordered_map<std::string, size_t> line_of_;  // documents not yet printed
  std::vector<cluster::FinalLabel> labels_;
  std::string out_;
};

int RunCluster(ClusterFlags* flags) {
  if (!flags->deprecated_jsonl.empty()) {
    WarnDeprecated("cluster --jsonl FILE", "cluster FILE");
    flags->inputs.insert(flags->inputs.begin(), flags->deprecated_jsonl);
  }
  if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
  if (flags->inputs.empty()) {
    PrintError("cluster: name a JSON-lines file ('-' for stdin) or -i FILE");
    return 2;
  }
  std::vector<std::unique_ptr<std::ifstream>> files;
  if (!OpenInputs(flags->inputs, &files)) return 2;
  if (flags->explain) flags->options.refine_passes = 0;
  LabelStream stream(*flags);
  std::string line;
  size_t stream_line = 0, docs = 0, failed = 0;
  auto start = std::chrono::steady_clock::now();
  for (size_t input = 0; input < files.size(); ++input) {
    std::istream* in = files[input] ? files[input].get() : &std::cin;
    size_t lineno = 0;
    while (std::getline(*in, line)) {
      ++lineno;
      ++stream_line;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      core::Result<core::Article> parsed = kits::ParseClusterDocLine(line);
      if (!parsed.ok()) {
        ++failed;
        PrintError(flags->inputs[input] + ": line " + std::to_string(lineno) + ": " +
                   parsed.status().message());
        continue;
      }
      ++docs;
      stream.Add(std::move(parsed).value(), stream_line);
    }
  }
  stream.Finish();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "cluster: %zu documents, %zu failed, %.2f s, %.0f docs/s (online, one pass%s%s)\n",
               docs, failed, secs, docs / std::max(secs, 1e-9),
               stream.refine() ? ", labels refined when each window closes" : "",
               stream.reorder() ? ", a day's headlines longest first" : "");
  return failed > 0 ? 1 : 0;
}

}  // namespace

Command AddClusterCommand(CLI::App* root) {
  auto* flags = new ClusterFlags();
  // A story is one publication day's coverage, as on an aggregator's story pages (and in the
  // clustering kit, whose stories never cross a day), and labels are refined when their day
  // closes; `wirebrief run` keeps stories open for ClusterOptions::window_days.
  flags->options = cluster::LabelStreamOptions();
  CLI::App* app = root->add_subcommand(
      "cluster", "Story labels for a JSONL stream of documents, one online pass");
  // The whole contract in the subcommand's own help, not in the top-level list.
  app->footer(
      "Prints {\"id\", \"cluster\"} per line of a JSONL stream ({id, date, title, text, "
      "source[, wire]}). A window's labels are printed when it closes, refined over that window "
      "(--refine-passes 0: each label final when read, in file order). Copies of a text still in "
      "the window join its story; stories close after --window-days.");
  AddClusterFlags(app, flags);
  return {app, [flags] { return RunCluster(flags); }};
}

}  // namespace wirebrief::cli
