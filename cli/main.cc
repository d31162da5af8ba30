// wirebrief command line. Exit status: 0 all inputs ok, 1 some inputs failed (listed on stderr,
// the rest processed and stored), 2 usage error or a failure that stopped the run.
#include <algorithm>
#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/flags.h"

namespace {

// Levenshtein distance, for the nearest command to a mistyped one.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// The commands by name (the first word of a command line).
struct CommandEntry {
  const char* name;
  wirebrief::cli::Command (*add)(CLI::App*);
};
constexpr CommandEntry kCommands[] = {
    {"run", wirebrief::cli::AddRunCommand},
    {"process", wirebrief::cli::AddProcessCommand},
    {"watch", wirebrief::cli::AddWatchCommand},
    {"sources", wirebrief::cli::AddSourcesCommand},
    {"watchlist", wirebrief::cli::AddWatchlistCommand},
    {"show", wirebrief::cli::AddShowCommand},
    {"search", wirebrief::cli::AddSearchCommand},
    {"extract", wirebrief::cli::AddExtractCommand},
    {"ingest", wirebrief::cli::AddIngestCommand},
    {"serve", wirebrief::cli::AddServeCommand},
    {"read", wirebrief::cli::AddReadCommand},
    {"brief", wirebrief::cli::AddBriefCommand},
    {"cluster", wirebrief::cli::AddClusterCommand},
    {"recluster", wirebrief::cli::AddReclusterCommand},
    {"db", wirebrief::cli::AddDbCommand},
};

}  // namespace

int main(int argc, char** argv) {
  using namespace wirebrief::cli;
  CLI::App app{"wirebrief: news pages in, stories and cited briefs out"};
  app.require_subcommand(1);
  AddVersionFlag(&app);
  // Only the command named is built: building all fourteen with their options was most of the
  // work of a start (2.5 M of 7.5 M instructions of `--version`, callgrind). All are built
  // for --help, for a mistyped command's hint, and when no command is named.
  const std::string first = argc > 1 ? argv[1] : "";
  const CommandEntry* named = nullptr;
  for (const auto& c : kCommands)
    if (first == c.name) named = &c;
  const bool version_only = argc == 2 && first == "--version";
  std::vector<Command> commands;
  if (named) {
    commands.push_back(named->add(&app));
  } else if (!version_only) {
    for (const auto& c : kCommands) {
      commands.push_back(c.add(&app));
      if (commands.back().app->get_name() != c.name) {  // the table must name what it builds
        PrintError(std::string("internal: command table says '") + c.name + "' for '" +
                   commands.back().app->get_name() + "'");
        return 2;
      }
    }
  }
  // An unknown first word: CLI11 would only say that a subcommand is required.
  if (argc > 1 && argv[1][0] != '-' && !named) {
    std::string nearest;
    size_t best = SIZE_MAX;
    for (const auto& c : kCommands) {
      size_t d = EditDistance(first, c.name);
      if (d < best) best = d, nearest = c.name;
    }
    std::string hint = best <= std::max<size_t>(2, first.size() / 3)
                           ? "; did you mean '" + nearest + "'?"
                           : "";
    PrintError("unknown command '" + first + "'" + hint);
    std::fprintf(stderr, "Run 'wirebrief --help' for the commands.\n");
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive as "errors" with exit code 0.
    if (e.get_exit_code() == 0) return app.exit(e);
    PrintError(e.what());
    std::fprintf(stderr, "Run 'wirebrief --help' for usage.\n");
    return 2;
  }
  for (auto& c : commands)
    if (c.app->parsed()) return c.run();
  return 2;
}
