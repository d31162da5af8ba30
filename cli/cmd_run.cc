// `wirebrief run PATH...`: the whole pipeline into the database, summary at the end.
#include <cstdio>
#include <string>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "core/progress.h"
#include "pipeline/pipeline.h"

namespace wirebrief::cli {

Command AddRunCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    bool follow = false;
    std::string contact;
  };
  auto* flags = new Flags();  // lives for the process, like the App
  CLI::App* app = root->add_subcommand(
      "run", "Ingest, extract, read, cluster and brief the inputs into the database");
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  AddJobsFlag(app, flags);
  AddQuietFlag(app, flags);
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
  AddFlag(app, kFollow, &flags->follow);
  AddFlag(app, kRunContact, &flags->contact);
  return {app, [flags] {
            if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
            if (flags->inputs.empty()) {
              PrintError("run: give inputs (files, folders, URLs) or -i FILE");
              return 2;
            }
            auto store = store::OpenStore(flags->db);
            if (!store.ok()) {
              PrintError(store.status().ToString());
              return 2;
            }
            pipeline::RunOptions options;
            options.jobs = flags->jobs;
            options.read = ReadOptionsFromEnvironment();
            options.follow = flags->follow;
            options.crawl.contact_url = flags->contact;
            auto progress = core::MakeProgressSink(flags->quiet);
            auto result =
                pipeline::RunPipeline(flags->inputs, store.value().get(), options, progress.get());
            if (!result.ok()) {
              PrintError(result.status().ToString());
              return 2;
            }
            const pipeline::RunSummary& s = result.value();
            for (const auto& e : s.errors) PrintError(e.ToString());
            for (const auto& w : s.warnings) PrintError("warning: " + w);
            // "(unchanged)" when the story engine had nothing new to attach: a repeated run.
            std::string late;
            if (s.articles_late > 0)
              late = "; " + std::to_string(s.articles_late) +
                     " late articles placed among their own days' stories";
            if (s.alerts + s.webhooks_delivered + s.webhooks_failed > 0)
              late += "; watchlist events " + std::to_string(s.alerts) + " (webhooks delivered " +
                      std::to_string(s.webhooks_delivered) + ", failed " +
                      std::to_string(s.webhooks_failed) + ")";
            std::printf(
                "documents read: %zu, failed: %zu; articles new: %zu (%zu headline only), already "
                "stored: %zu, upgraded from headlines: %zu; stories: %zu (new %zu, updated %zu, "
                "merged %zu)%s%s; "
                "feed/sitemap pages fetched: %zu, failed: %zu, URLs not fetched: %zu; "
                "skipped files: %zu; %.2f s\n",
                s.documents_read, s.documents_failed, s.articles_new, s.headlines, s.articles_known,
                s.articles_upgraded, s.stories, s.stories_new, s.stories_updated, s.stories_merged,
                s.reclustered ? "" : " (unchanged)", late.c_str(), s.pages_fetched, s.pages_failed,
                s.references, s.skipped, s.seconds);
            return s.documents_failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli
