// wirebrief command line. Exit status: 0 all inputs ok, 1 some inputs failed (listed on stderr,
// the rest processed and stored), 2 usage error or a failure that stopped the run.
#include <cstdio>

#include "cli/flags.h"

int main(int argc, char** argv) {
  using namespace wirebrief::cli;
  CLI::App app{"wirebrief: news pages in, stories and cited briefs out"};
  app.require_subcommand(1);
  AddVersionFlag(&app);
  // One line per subcommand (cli/cmd_<name>.cc).
  std::vector<Command> commands = {
      AddRunCommand(&app),
      AddWatchCommand(&app),
      AddSourcesCommand(&app),
      AddWatchlistCommand(&app),
      AddShowCommand(&app),
      AddExtractCommand(&app),
      AddIngestCommand(&app),
      AddServeCommand(&app),
      AddReadCommand(&app),
      AddBriefCommand(&app),
      AddClusterCommand(&app),
      AddReclusterCommand(&app),
      AddDbCommand(&app),
  };
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
