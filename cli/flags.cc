#include "cli/flags.h"

#include <libxml/xmlversion.h>
#include <sqlite3.h>
#include <zlib.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/flag_defs.h"
#include "core/text.h"

namespace wirebrief::cli {

nlp::ReadOptions ReadOptionsFromEnvironment() {
  nlp::ReadOptions options;
  if (const char* file = std::getenv("WB_NLP_MODEL"); file && *file) {
    options.model_path = file;
  } else if (const char* dir = std::getenv("WB_NLP_DATA"); dir && *dir) {
    options.model_path = std::string(dir) + "/ner.bin";
  } else {
    std::error_code ec;
    const std::vector<std::string> places = nlp::DefaultModelPaths();
    options.names_from_lists_only = std::none_of(
        places.begin(), places.end(),
        [&ec](const std::string& p) { return std::filesystem::is_regular_file(p, ec); });
    if (options.names_from_lists_only)
      PrintError(
          "warning: no name-tagger model found (set WB_NLP_MODEL); names come from lists only");
  }
  return options;
}

// SQLite's version is the one built against, as libxml2's is: the binary no longer loads
// libsqlite3 until a command opens a store (its module does), and --version should not.
std::string VersionText() {
  return std::string("wirebrief ") + WB_VERSION + " (libxml2 " + LIBXML_DOTTED_VERSION +
         ", SQLite " + SQLITE_VERSION + ", zlib " + zlibVersion() + ")";
}

void AddVersionFlag(CLI::App* app) {
  app->add_flag_callback(
      "--version",
      [] {
        std::printf("%s\n", VersionText().c_str());
        throw CLI::Success();
      },
      "Print the version of wirebrief and its libraries, then exit");
}

void AddDbFlag(CLI::App* app, CommonFlags* f) { AddFlag(app, kDb, &f->db); }

void AddJobsFlag(CLI::App* app, CommonFlags* f) { AddFlag(app, kJobs, &f->jobs); }

void AddQuietFlag(CLI::App* app, CommonFlags* f) { AddFlag(app, kQuiet, &f->quiet); }

void AddInputs(CLI::App* app, CommonFlags* f) { AddFlag(app, kInputs, &f->inputs); }

void AddInputFileFlag(CLI::App* app, CommonFlags* f) {
  AddFlag(app, kInputFile, &f->input_files);
  if (CLI::Option* in = app->get_option_no_throw("inputs")) in->required(false);
}

bool ReadInputLists(const std::vector<std::string>& files, std::vector<std::string>* inputs) {
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) {
      PrintError(f + ": cannot read");
      return false;
    }
    for (std::string line; std::getline(in, line);) {
      size_t b = line.find_first_not_of(" \t\r");
      if (b == std::string::npos || line[b] == '#') continue;
      size_t e = line.find_last_not_of(" \t\r");
      inputs->push_back(line.substr(b, e - b + 1));
    }
  }
  return true;
}

void AddOutputFormatFlag(CLI::App* app, std::string* format,
                         const std::vector<std::string>& formats, const std::string& help) {
  *format = formats.front();
  app->add_option("--output-format", *format, help)
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
}

void WarnDeprecated(const std::string& old_spelling, const std::string& instead) {
  PrintError("warning: '" + old_spelling + "' is deprecated (goes in the next release); use '" +
             instead + "'");
}

void AddTargetLanguageFlag(CLI::App* app, std::string* language) {
  AddFlag(app, kTargetLanguage, language);
}

bool LanguageMatches(const std::string& language, const std::string& target) {
  std::string primary = language.substr(0, language.find_first_of("-_"));
  if (primary.empty() || primary.size() != target.size()) return false;
  for (size_t i = 0; i < primary.size(); ++i)
    if (core::AsciiLower(primary[i]) !=
        core::AsciiLower(target[i]))
      return false;
  return true;
}

void PrintError(const std::string& message) {
  std::fprintf(stderr, "wirebrief: %s\n", message.c_str());
}

}  // namespace wirebrief::cli
