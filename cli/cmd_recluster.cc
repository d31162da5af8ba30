// `wirebrief recluster`: an explicit full rebuild of the stories, after a settings or model
// change. The stored articles stream in publication order through the same online engine `run`
// uses, so memory follows the open window, not the store; stories keep their ids where they
// survive and changed stories get a new brief version.
#include <cstdio>

#include "cli/flags.h"
#include "core/progress.h"
#include "pipeline/pipeline.h"

namespace wirebrief::cli {

Command AddReclusterCommand(CLI::App* root) {
  auto* flags = new CommonFlags();
  CLI::App* app = root->add_subcommand(
      "recluster", "Rebuild every story from the stored articles (after a settings change)");
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  AddJobsFlag(app, flags);
  AddQuietFlag(app, flags);
  return {app, [flags] {
            auto store = store::OpenStore(flags->db);
            if (!store.ok()) {
              PrintError(store.status().ToString());
              return 2;
            }
            pipeline::RunOptions options;
            options.jobs = flags->jobs;
            pipeline::StoriesSummary s;
            core::Status st = pipeline::Recluster(store.value().get(), options, &s);
            if (!st.ok()) {
              PrintError(st.ToString());
              return 2;
            }
            for (const auto& w : s.warnings) PrintError("warning: " + w);
            auto counts = store.value()->Counts();
            std::printf("articles clustered: %zu; stories: %lld (new %zu, updated %zu, merged %zu)\n",
                        s.articles_clustered,
                        counts.ok() ? static_cast<long long>(counts->stories) : -1LL, s.stories_new,
                        s.stories_updated, s.stories_merged);
            return 0;
          }};
}

}  // namespace wirebrief::cli
