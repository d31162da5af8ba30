// What the subcommands share: the flags most of them take (attached from the flag table,
// cli/flag_defs.h, where every flag is defined once with its name, help, default and check, so
// the same flag means the same thing everywhere, as ripgrep's flags/defs.rs), the input lists,
// deprecation warnings and the subcommand registry.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "nlp/read.h"

namespace wirebrief::cli {

struct CommonFlags {
  std::string db = "wirebrief.db";
  size_t jobs = 0;
  bool quiet = false;
  std::vector<std::string> inputs;
  std::vector<std::string> input_files;  // -i: files listing one input per line
};

void AddVersionFlag(CLI::App* app);
void AddDbFlag(CLI::App* app, CommonFlags* f);
void AddJobsFlag(CLI::App* app, CommonFlags* f);
void AddQuietFlag(CLI::App* app, CommonFlags* f);
void AddInputs(CLI::App* app, CommonFlags* f);
// -i/--input-file FILE (repeatable); makes the positional inputs optional.
void AddInputFileFlag(CLI::App* app, CommonFlags* f);
// --output-format NAME, one of `formats` (the first is the default), for commands that print
// records. `--jsonl` is not its shorthand this release: it meant three things (docs/cli-flags.md).
void AddOutputFormatFlag(CLI::App* app, std::string* format,
                         const std::vector<std::string>& formats, const std::string& help);
// An old spelling kept for one release: hidden from --help. Call when it was used; prints one
// line on stderr: "wirebrief: warning: 'OLD' is deprecated (goes in the next release); use 'NEW'".
void WarnDeprecated(const std::string& old_spelling, const std::string& instead);
// --target-language LANG (ISO 639-1, e.g. "en"): keep only documents detected as LANG.
void AddTargetLanguageFlag(CLI::App* app, std::string* language);
// True when BCP-47 `language` ("en", "en-GB") is `target`'s language; case-insensitive. An
// unknown (empty) language never matches: a filter asked for one language (np#706).
bool LanguageMatches(const std::string& language, const std::string& target);
// Appends the lines of -i files to `inputs`: one input per line, blank lines and '#' comments
// skipped, surrounding spaces trimmed. False (after naming the file) when one cannot be read.
bool ReadInputLists(const std::vector<std::string>& files, std::vector<std::string>* inputs);

// "wirebrief <version> (libxml2 X, SQLite Y, zlib Z)".
std::string VersionText();

// Subcommands; each registers itself and returns the exit status when it ran.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};
Command AddRunCommand(CLI::App* root);
Command AddProcessCommand(CLI::App* root);
Command AddShowCommand(CLI::App* root);
Command AddDbCommand(CLI::App* root);
Command AddExtractCommand(CLI::App* root);
Command AddIngestCommand(CLI::App* root);
Command AddServeCommand(CLI::App* root);
Command AddReadCommand(CLI::App* root);
Command AddBriefCommand(CLI::App* root);
Command AddClusterCommand(CLI::App* root);
Command AddReclusterCommand(CLI::App* root);
Command AddWatchCommand(CLI::App* root);
Command AddSourcesCommand(CLI::App* root);
Command AddWatchlistCommand(CLI::App* root);
Command AddSearchCommand(CLI::App* root);

// The name model the environment names: $WB_NLP_MODEL, else $WB_NLP_DATA/ner.bin, else the
// library's default places; when none of those holds a model, names from the lists alone, with
// a warning (the library itself reads no environment).
nlp::ReadOptions ReadOptionsFromEnvironment();

// Prints "wirebrief: <message>" to stderr (errors and warnings; never stdout).
void PrintError(const std::string& message);

}  // namespace wirebrief::cli
