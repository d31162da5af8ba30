// `wirebrief extract PATH...`: article text and metadata without storing anything.
#include <cstdio>

#include "cli/flags.h"
#include "pipeline/pipeline.h"
#include "pipeline/render.h"

namespace wirebrief::cli {

Command AddExtractCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string format = "txt";
    bool jsonl = false, precision = false, recall = false, with_annotations = false;
    std::string base_url;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand("extract", "Print the article text (or JSON) of each input");
  AddVersionFlag(app);
  AddJobsFlag(app, flags);
  app->add_option("--output-format", flags->format, "txt or json (markdown and html come with the extractor work)")
      ->check(CLI::IsMember({"txt", "json"}))
      ->capture_default_str();
  app->add_flag("--jsonl", flags->jsonl, "One JSON object per input line: {\"source\", \"text\", ...}");
  auto* p = app->add_flag("--precision", flags->precision, "Prefer dropping borderline blocks");
  app->add_flag("--recall", flags->recall, "Prefer keeping borderline blocks")->excludes(p);
  app->add_option("--base-url", flags->base_url, "URL of pages saved without one");
  app->add_flag("--with-annotations", flags->with_annotations, "Add sentences, entities, figures, dates, quotes (json)");
  AddInputs(app, flags);
  return {app, [flags] {
            pipeline::RunOptions options;
            options.jobs = flags->jobs;
            options.extract.base_url = flags->base_url;
            options.extract.mode = flags->precision ? extract::ExtractMode::kPrecision
                                   : flags->recall  ? extract::ExtractMode::kRecall
                                                    : extract::ExtractMode::kBalanced;
            bool json = flags->jsonl || flags->format == "json";
            int failed = 0;
            pipeline::ExtractDocuments(flags->inputs, options, flags->with_annotations,
                                       [&](const core::Result<core::Article>& a) {
                                         if (!a.ok()) {
                                           ++failed;
                                           PrintError(a.status().ToString());
                                           return;
                                         }
                                         const core::Article& art = a.value();
                                         std::string out;
                                         if (json) {
                                           out = pipeline::ArticleToJson(art, art.provenance.source,
                                                                         flags->with_annotations) + "\n";
                                         } else {
                                           out = art.text + "\n\n";
                                         }
                                         std::fwrite(out.data(), 1, out.size(), stdout);
                                       });
            return failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli
