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

#include "cli/flags.h"
#include "cluster/cluster.h"
#include "kits/cluster_kit.h"

namespace wirebrief::cli {

Command AddClusterCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string deprecated_jsonl;  // the old `--jsonl FILE`
    bool explain = false;
    std::string day_order = "longest-first";
    cluster::ClusterOptions options;
  };
  auto* flags = new Flags();
  // A story is one publication day's coverage, as on an aggregator's story pages (and in
  // ../shared/bench/clustering, whose stories never cross a day), and labels are refined when
  // their day closes; `wirebrief run` keeps stories open for ClusterOptions::window_days.
  flags->options = cluster::LabelStreamOptions();
  CLI::App* app = root->add_subcommand(
      "cluster", "Story labels for a JSONL stream of documents, one online pass");
  // The whole contract in the subcommand's own help, not in the top-level list.
  app->footer(
      "Prints {\"id\", \"cluster\"} per line of a JSONL stream ({id, date, title, text, "
      "source[, wire]}). A window's labels are printed when it closes, refined over that window "
      "(--refine-passes 0: each label final when read, in file order). Copies of a text still in "
      "the window join its story; stories close after --window-days.");
  AddVersionFlag(app);
  app->add_option("inputs", flags->inputs,
                  "JSON-lines files read as one stream, in the order given ('-' for stdin)");
  AddInputFileFlag(app, flags);
  // Hidden: the old spelling of the input file, kept for one release.
  app->add_option("--jsonl", flags->deprecated_jsonl)->group("");
  app->add_flag("--explain", flags->explain,
                "Add why each document joined its story (reason, score, shared terms); turns "
                "the refinement off, so each label is final when printed");
  app->add_option("--day-order", flags->day_order,
                  "With --refine-passes: the order in which a day's headline-only documents are "
                  "clustered: longest-first (the labels then do not depend on the order of a "
                  "day's lines) or file")
      ->check(CLI::IsMember({"longest-first", "file"}))
      ->capture_default_str();
  app->add_option("--threshold", flags->options.join_threshold,
                  "Cosine to join a story, documents with a body")
      ->capture_default_str();
  app->add_option("--headline-threshold", flags->options.headline_join_threshold,
                  "Cosine to join a story, headline-only documents")
      ->capture_default_str();
  app->add_option("--headline-size-prior", flags->options.headline_size_prior,
                  "Weight of a story's size when a headline-only document joins it")
      ->capture_default_str();
  app->add_option("--size-prior", flags->options.size_prior,
                  "Weight of a story's size when a document with a body joins it")
      ->capture_default_str();
  app->add_option("--linkage", flags->options.linkage,
                  "Story score normalisation, documents with a body: 1 centroid cosine, 0 mean "
                  "cosine to the members")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app->add_option("--headline-linkage", flags->options.headline_linkage,
                  "The same for headline-only documents")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app->add_option("--refine-passes", flags->options.refine_passes,
                  "Reassign a closing window's documents to their best story this many times "
                  "before printing (labels then wait for the window to close; --explain is left "
                  "out; 0: each label is final when its line is read)")
      ->check(CLI::Range(0, 10))
      ->capture_default_str();
  app->add_option("--refine-merge", flags->options.refine_merge,
                  "With --refine-passes: merge a closing story into a bigger one when its "
                  "centroid scores this with it, stories opened by a document with a body (0: off)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--headline-refine-merge", flags->options.headline_refine_merge,
                  "The same for stories opened by a headline-only document")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--headline-refine-link", flags->options.headline_refine_link,
                  "With --refine-passes: after the passes, link closing headline stories whose "
                  "centroids have at least this cosine, unless both are bigger than "
                  "--refine-link-max-smaller (0: off)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--refine-link-max-smaller", flags->options.refine_link_max_smaller,
                  "Articles above which two stories are both too big to link")
      ->capture_default_str();
  app->add_option("--member-gate", flags->options.member_gate,
                  "A document with a body joins a story only if some member's cosine with it "
                  "reaches this (0: off)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app->add_option("--headline-member-gate", flags->options.headline_member_gate,
                  "The same for headline-only documents")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app->add_option("--daily-decay", flags->options.daily_decay,
                  "Score factor per day since a story last grew")
      ->capture_default_str();
  app->add_option("--window-days", flags->options.window_days,
                  "A story closes when its newest document is this many days old (0: same "
                  "publication day only)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--headline-window-days", flags->options.headline_window_days,
                  "The same for stories opened by a headline-only document")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return {app, [flags] {
            if (!flags->deprecated_jsonl.empty()) {
              WarnDeprecated("cluster --jsonl FILE", "cluster FILE");
              flags->inputs.insert(flags->inputs.begin(), flags->deprecated_jsonl);
            }
            if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
            if (flags->inputs.empty()) {
              PrintError("cluster: name a JSON-lines file ('-' for stdin) or -i FILE");
              return 2;
            }
            // Every input opens before the first line is read: a wrong name stops the run
            // before any label is printed, as it did with one input.
            std::vector<std::unique_ptr<std::ifstream>> files;
            for (const std::string& path : flags->inputs) {
              if (path == "-") {
                files.push_back(nullptr);
                continue;
              }
              files.push_back(std::make_unique<std::ifstream>(path, std::ios::binary));
              if (!*files.back()) {
                PrintError(path + ": cannot open");
                return 2;
              }
            }
            if (flags->explain) flags->options.refine_passes = 0;
            cluster::OnlineClusterer clusterer(flags->options);
            std::string line, out;
            size_t lineno = 0, stream_line = 0, docs = 0, failed = 0;
            const bool refine = flags->options.refine_passes > 0;
            const bool reorder = refine && flags->day_order == "longest-first";
            cluster::HeadlineDayOrder day_order(flags->options.short_words);
            std::vector<core::Article> ready;
            // Line number of each document not yet printed: a window's labels are printed in
            // file order even when its documents were clustered in another.
            std::unordered_map<std::string, size_t> line_of;
            std::vector<cluster::FinalLabel> labels;
            auto print_final = [&] {
              labels = clusterer.TakeLabels();
              if (reorder) {
                auto line_number = [&](const cluster::FinalLabel& l) {
                  auto it = line_of.find(l.article_id);
                  return it == line_of.end() ? size_t{0} : it->second;
                };
                std::stable_sort(labels.begin(), labels.end(), [&](const auto& x, const auto& y) {
                  return line_number(x) < line_number(y);
                });
                for (const auto& l : labels) line_of.erase(l.article_id);
              }
              for (const auto& l : labels) {
                out = kits::ClusterLabelLine(l.article_id, l.story);
                out.push_back('\n');
                std::fwrite(out.data(), 1, out.size(), stdout);
              }
            };
            auto start = std::chrono::steady_clock::now();
            for (size_t input = 0; input < files.size(); ++input) {
              std::istream* in = files[input] ? files[input].get() : &std::cin;
              const std::string& path = flags->inputs[input];
              lineno = 0;
              while (std::getline(*in, line)) {
                ++lineno;
                ++stream_line;
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
                auto bad = [&](const std::string& why) {
                  ++failed;
                  PrintError(path + ": line " + std::to_string(lineno) + ": " + why);
                };
                core::Result<core::Article> parsed = kits::ParseClusterDocLine(line);
                if (!parsed.ok()) {
                  bad(parsed.status().message());
                  continue;
                }
                core::Article a = std::move(parsed).value();
                ++docs;
                if (reorder) {
                  line_of[a.id] = stream_line;
                  day_order.Push(std::move(a), &ready);
                  for (const core::Article& r : ready) clusterer.Add(r);
                  ready.clear();
                  print_final();
                  continue;
                }
                cluster::Placement p = clusterer.Add(a);
                if (refine) {
                  print_final();
                  continue;
                }
                out = kits::ClusterPlacementLine(a.id, p, flags->explain);
                out.push_back('\n');
                std::fwrite(out.data(), 1, out.size(), stdout);
              }
            }
            day_order.Flush(&ready);
            for (const core::Article& r : ready) clusterer.Add(r);
            clusterer.Finish();
            print_final();
            double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::fprintf(
                stderr,
                "cluster: %zu documents, %zu failed, %.2f s, %.0f docs/s (online, one pass%s%s)\n",
                docs, failed, secs, docs / std::max(secs, 1e-9),
                refine ? ", labels refined when each window closes" : "",
                reorder ? ", a day's headlines longest first" : "");
            return failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli
