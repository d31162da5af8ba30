// `wirebrief brief STORIES.jsonl...`: a brief per story given as JSON lines (the brief kit's
// story format), without a database; the old `--jsonl STORIES.jsonl` is a deprecated alias.
// `--faith SUMMARIES.jsonl` scores summaries against their article with the support check every
// brief line passes (the kit's factuality format).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "brief/brief.h"
#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "core/limits.h"
#include "core/status.h"
#include "kits/brief_kit.h"

namespace wirebrief::cli {
namespace {

// Briefs (or, with `faith`, support scores) for each JSON line of `in`; returns the lines that
// failed (each named on stderr).
int BriefLines(std::istream& in, const std::string& path, bool faith) {
  core::Limits limits;
  int failed = 0;
  size_t line_no = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(line_no);
    std::string out;
    if (faith) {
      if (line.size() > limits.max_document_bytes) {
        PrintError(where + ": line over the size limit, skipped");
        ++failed;
        continue;
      }
      core::Result<std::string> scored = kits::KitFaithLines(line);
      if (!scored.ok()) {
        PrintError(where + ": " + scored.status().message());
        ++failed;
        continue;
      }
      out = std::move(scored).value();
    } else {
      core::Result<kits::KitStory> story = kits::ParseKitStoryLine(line, limits);
      if (!story.ok()) {
        PrintError(where + ": " + story.status().ToString());
        ++failed;
        continue;
      }
      core::Brief b = kits::BriefKitStory(story.value(), brief::BriefOptions{});
      out = kits::KitBriefToJsonLine(story.value(), b) + "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return failed;
}

}  // namespace

Command AddBriefCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string deprecated_jsonl, faith;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand("brief", "Brief stories given as JSON lines (no database)");
  AddVersionFlag(app);
  AddFlag(app, kStoryInputs, &flags->inputs);
  AddInputFileFlag(app, flags);
  AddFlag(app, kDeprecatedJsonlInput, &flags->deprecated_jsonl);
  AddFlag(app, kFaith, &flags->faith);
  return {app, [flags] {
            if (!flags->deprecated_jsonl.empty()) {
              WarnDeprecated("brief --jsonl FILE", "brief FILE");
              flags->inputs.insert(flags->inputs.begin(), flags->deprecated_jsonl);
            }
            if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
            if (flags->inputs.empty() == flags->faith.empty()) {
              PrintError("brief: give STORIES.jsonl... or --faith SUMMARIES.jsonl (one of them)");
              return 2;
            }
            std::vector<std::string> paths = flags->inputs;
            if (!flags->faith.empty()) paths = {flags->faith};
            int failed = 0;
            for (const std::string& path : paths) {
              std::ifstream file;
              std::istream* in = &std::cin;
              if (path != "-") {
                file.open(path, std::ios::binary);
                if (!file) {
                  PrintError(path + ": cannot open");
                  return 2;
                }
                in = &file;
              }
              failed += BriefLines(*in, path, !flags->faith.empty());
            }
            return failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli
