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

}  // namespace

int main(int argc, char** argv) {
  using namespace wirebrief::cli;
  CLI::App app{"wirebrief: news pages in, stories and cited briefs out"};
  app.require_subcommand(1);
  AddVersionFlag(&app);
  // One line per subcommand (cli/cmd_<name>.cc).
  std::vector<Command> commands = {
      AddRunCommand(&app),
      AddProcessCommand(&app),
      AddWatchCommand(&app),
      AddSourcesCommand(&app),
      AddWatchlistCommand(&app),
      AddShowCommand(&app),
      AddSearchCommand(&app),
      AddExtractCommand(&app),
      AddIngestCommand(&app),
      AddServeCommand(&app),
      AddReadCommand(&app),
      AddBriefCommand(&app),
      AddClusterCommand(&app),
      AddReclusterCommand(&app),
      AddDbCommand(&app),
  };
  // An unknown first word: CLI11 would only say that a subcommand is required.
  if (argc > 1 && argv[1][0] != '-') {
    std::string word = argv[1];
    std::string nearest;
    size_t best = SIZE_MAX;
    bool known = false;
    for (const auto& c : commands) {
      known |= c.app->get_name() == word;
      size_t d = EditDistance(word, c.app->get_name());
      if (d < best) best = d, nearest = c.app->get_name();
    }
    if (!known) {
      std::string hint = best <= std::max<size_t>(2, word.size() / 3)
                             ? "; did you mean '" + nearest + "'?"
                             : "";
      PrintError("unknown command '" + word + "'" + hint);
      std::fprintf(stderr, "Run 'wirebrief --help' for the commands.\n");
      return 2;
    }
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
