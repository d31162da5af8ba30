// `wirebrief read INPUT...`: annotations of each document, one JSON line per document. An input
// whose first non-blank byte is '{' is JSON lines of {"id","text","dct"?,"language"?} (dct:
// publication date; language: the text's BCP-47 tag, as `extract` detects it), one document per
// line; any other input is one UTF-8 text document (id = its path) of unknown language, read as
// English. A language the reader does not read (nlp::ReadsLanguage) gets sentences only and
// "language_not_read" names it.
//
// --output-format jsonl (default) names the annotations as `extract --with-annotations` does
// (conventions.md): sentences, entities, figures, dates, quotes, roles, countries, spans as
// char_start/char_end byte offsets. --output-format nlp-kit writes the nlp kit's prediction
// format instead (kits/nlp_kit.h: entities typed PER/ORG/LOC, timex, quantities, quotes,
// sentences as [start, end], plus roles, countries and figures), offsets in Unicode code points,
// end exclusive (what the kit's scorer and Python strings use). The old `read --jsonl FILE`
// (inputs are JSON lines, kit format) is kept for one release as a deprecated alias of
// `read --output-format nlp-kit FILE`, which the kit's scoreboard still calls.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "kits/nlp_kit.h"
#include "nlp/read.h"
#include "render/article_json.h"

namespace wirebrief::cli {
namespace {

using json = nlohmann::json;

void WriteLine(std::string line) {
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stdout);
}

}  // namespace

Command AddReadCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string format;
    bool deprecated_jsonl = false;
    bool no_propagate = false;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand(
      "read", "Annotate text: names, roles, countries, figures, dates, quotes");
  AddVersionFlag(app);
  AddOutputFormatFlag(app, &flags->format, {"jsonl", "nlp-kit"},
                      "jsonl (the names of extract --with-annotations) or nlp-kit (the nlp "
                      "benchmark kit's prediction format)");
  // The old spelling (inputs are JSON lines, kit format), kept for one release.
  AddFlag(app, kDeprecatedJsonlSwitch, &flags->deprecated_jsonl);
  AddFlag(app, kNoPropagate, &flags->no_propagate);
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
  return {
      app, [flags] {
        if (flags->deprecated_jsonl) {
          WarnDeprecated("read --jsonl FILE", "read --output-format nlp-kit FILE");
          flags->format = "nlp-kit";
        }
        if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
        if (flags->inputs.empty()) {
          PrintError("read: name at least one input or -i FILE");
          return 2;
        }
        nlp::ReadOptions read_options = ReadOptionsFromEnvironment();
        read_options.propagate_names = !flags->no_propagate;
        core::Result<nlp::Reader> reader = nlp::OpenReader(read_options);
        if (!reader.ok()) {
          PrintError(reader.status().ToString());
          return 2;
        }
        const bool kit = flags->format == "nlp-kit";
        auto annotate = [kit, &reader](const std::string& id, const std::string& text,
                                       const std::string& dct, const std::string& language) {
          core::Annotations a = reader->ReadText(text, dct, language);
          if (kit)
            WriteLine(kits::NlpKitLine(id, text, a));
          else
            WriteLine(render::AnnotationsToJson(id, a));
        };
        int failed = 0;
        for (const std::string& path : flags->inputs) {
          std::ifstream file;
          std::istream* in = &std::cin;
          if (path != "-") {
            file.open(path, std::ios::binary);
            if (!file) {
              PrintError(path + ": cannot open");
              ++failed;
              continue;
            }
            in = &file;
          }
          std::stringstream ss;
          ss << in->rdbuf();
          const std::string content = ss.str();
          size_t first = content.find_first_not_of(" \t\r\n");
          bool json_lines =
              flags->deprecated_jsonl || (first != std::string::npos && content[first] == '{');
          if (!json_lines) {
            annotate(path, content, "", "");
            continue;
          }
          std::istringstream lines(content);
          std::string line;
          size_t n = 0;
          while (std::getline(lines, line)) {
            ++n;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            json j = json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object() || !j.contains("text") ||
                !j["text"].is_string()) {
              PrintError(path + ": line " + std::to_string(n) +
                         ": not a JSON object with a \"text\" string");
              ++failed;
              continue;
            }
            std::string id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>()
                                                                     : j["id"].dump())
                                              : std::to_string(n);
            std::string dct =
                j.contains("dct") && j["dct"].is_string() ? j["dct"].get<std::string>() : "";
            std::string language = j.contains("language") && j["language"].is_string()
                                       ? j["language"].get<std::string>()
                                       : "";
            annotate(id, j["text"].get<std::string>(), dct, language);
          }
        }
        return failed > 0 ? 1 : 0;
      }};
}

}  // namespace wirebrief::cli
