// `wirebrief brief STORIES.jsonl...`: a brief per story given as JSON lines (the brief kit's
// story format), without a database; the old `--jsonl STORIES.jsonl` is a deprecated alias.
// `--faith SUMMARIES.jsonl` scores summaries against their article with the support check every
// brief line passes (the kit's factuality format).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "brief/brief.h"
#include "brief/kit_story.h"
#include "brief/support.h"
#include "cli/flags.h"
#include "core/limits.h"
#include "core/status.h"
#include "nlp/read.h"

namespace wirebrief::cli {
namespace {

using json = nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json Faith(const json& j) {
  std::vector<std::string> doc_sentences;
  if (j.contains("article_sentences") && j["article_sentences"].is_array()) {
    for (const auto& s : j["article_sentences"])
      if (s.is_string()) doc_sentences.push_back(s.get<std::string>());
  } else {
    std::string text = Str(j, "article");
    for (const auto& s : nlp::SplitSentences(text))
      doc_sentences.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  }
  std::vector<std::string_view> doc(doc_sentences.begin(), doc_sentences.end());
  json out = json::array();
  for (const auto& s : j.value("summaries", json::array())) {
    if (!s.is_object()) continue;
    std::vector<std::string> given;
    if (s.contains("summary_sentences") && s["summary_sentences"].is_array())
      for (const auto& x : s["summary_sentences"])
        if (x.is_string()) given.push_back(x.get<std::string>());
    std::vector<std::string_view> parts(given.begin(), given.end());
    std::string summary = Str(s, "summary");
    brief::Support r = parts.empty() ? brief::ScoreTextAgainstDocument(summary, doc)
                                     : brief::ScoreSentencesAgainstDocument(parts, doc);
    out.push_back({{"id", Str(s, "id")},
                   {"score", r.score},
                   {"label", r.score >= brief::kSupportedAt ? 1 : 0},
                   {"features",
                    {{"terms", r.term_coverage},
                     {"pairs", r.pair_coverage},
                     {"numbers", r.number_coverage},
                     {"names", r.name_coverage},
                     {"trigrams", r.trigram_coverage},
                     {"best", r.best_coverage},
                     {"best_pairs", r.best_pair_coverage},
                     {"best_trigrams", r.best_trigram_coverage},
                     {"negation_mismatch", r.negation_mismatch}}}});
  }
  return out;
}

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
      json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object()) {
        PrintError(where + ": not a JSON object");
        ++failed;
        continue;
      }
      for (const auto& r : Faith(j))
        out += r.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      core::Result<brief::KitStory> story = brief::ParseKitStoryLine(line, limits);
      if (!story.ok()) {
        PrintError(where + ": " + story.status().ToString());
        ++failed;
        continue;
      }
      core::Brief b = brief::BriefKitStory(story.value(), brief::BriefOptions{});
      out = brief::KitBriefToJsonLine(story.value(), b) + "\n";
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
  app->add_option("inputs", flags->inputs,
                  "Stories, one JSON object per line: {\"id\", \"articles\": [{\"idx\", \"text\", "
                  "\"sentences\", \"outlet\", \"date\", \"url\"}]}; prints one brief per line "
                  "('-' for stdin)");
  AddInputFileFlag(app, flags);
  // Hidden: the old spelling of the stories file, kept for one release.
  app->add_option("--jsonl", flags->deprecated_jsonl)->group("");
  app->add_option("--faith", flags->faith,
                  "Summaries to check, one article per line: {\"article_sentences\", "
                  "\"summaries\": [{\"id\", "
                  "\"summary\"}]}; prints {\"id\", \"score\", \"label\"} per summary");
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
