// `wirebrief extract PATH...`: article text and metadata without storing anything.
//
// --output-format txt|markdown|html|json|jsonl picks the rendering of each article; jsonl prints
// one JSON object per input ({"source", "status", "text", "markdown", ...metadata}) and, for
// inputs that fail, {"source", "status": "empty"|"too_large"|"timeout"|"error", "error"} so a
// batch consumer sees every input. Failures also go to stderr, and the exit status is 1 at the
// end. The old `--jsonl` is a deprecated alias of --output-format jsonl.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/flags.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "pipeline/render.h"

namespace wirebrief::cli {

Command AddExtractCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string format;
    bool deprecated_jsonl = false, precision = false, recall = false, with_annotations = false;
    std::string base_url;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand("extract", "Print the article text (or JSON) of each input");
  AddVersionFlag(app);
  AddJobsFlag(app, flags);
  AddOutputFormatFlag(app, &flags->format, {"txt", "markdown", "html", "json", "jsonl"},
                      "txt (body, one paragraph a line), markdown, html (sanitized), json or jsonl "
                      "(one object per input, failures included)");
  // Hidden: the old spelling, kept for one release (../shared/bench calls it).
  app->add_flag("--jsonl", flags->deprecated_jsonl)->group("");
  auto* p = app->add_flag("--precision", flags->precision, "Prefer dropping borderline blocks");
  app->add_flag("--recall", flags->recall, "Prefer keeping borderline blocks")->excludes(p);
  app->add_option("--base-url", flags->base_url, "URL of pages saved without one");
  app->add_flag("--with-annotations", flags->with_annotations,
                "Add sentences, entities, figures, dates, quotes (json, jsonl)");
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
  return {
      app, [flags] {
        if (flags->deprecated_jsonl) {
          WarnDeprecated("extract --jsonl", "extract --output-format jsonl");
          flags->format = "jsonl";
        }
        if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
        if (flags->inputs.empty()) {
          PrintError("extract: name at least one input or -i FILE");
          return 2;
        }
        pipeline::RunOptions options;
        options.jobs = flags->jobs;
        options.extract.base_url = flags->base_url;
        options.extract.mode = flags->precision ? extract::ExtractMode::kPrecision
                               : flags->recall  ? extract::ExtractMode::kRecall
                                                : extract::ExtractMode::kBalanced;
        bool json = flags->format == "jsonl" || flags->format == "json";
        options.extract.with_markdown = json || flags->format == "markdown";
        options.extract.with_html = flags->format == "html";
        int failed = 0;
        size_t index = 0;
        pipeline::ExtractDocuments(
            flags->inputs, options, flags->with_annotations,
            [&](const core::Result<core::Article>& a, const core::Article* page_metadata) {
              ++index;
              std::string out;
              if (!a.ok()) {
                ++failed;
                PrintError(a.status().ToString());
                if (!json) return;
                nlohmann::json j;
                // A page without article text still reports its metadata (text stays empty).
                if (page_metadata)
                  j = nlohmann::json::parse(
                      pipeline::ArticleToJson(*page_metadata, page_metadata->provenance.source, false),
                      nullptr, false);
                if (!j.is_object()) j = nlohmann::json::object();
                j["source"] = a.status().source();
                j["status"] = extract::ExtractStatusName(a.status());
                j["error"] = a.status().message();
                if (!a.status().record().empty()) j["record"] = a.status().record();
                out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
              } else {
                const core::Article& art = a.value();
                if (json) {
                  nlohmann::json j = nlohmann::json::parse(
                      pipeline::ArticleToJson(art, art.provenance.source, flags->with_annotations),
                      nullptr, false);
                  if (j.is_object()) {
                    j["status"] = "ok";
                    j["markdown"] = art.markdown;
                    out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                  } else {
                    out = pipeline::ArticleToJson(art, art.provenance.source,
                                                  flags->with_annotations);
                  }
                  out += "\n";
                } else if (flags->format == "markdown") {
                  out = (index > 1 ? "\n---\n\n" : "") + art.markdown;
                } else if (flags->format == "html") {
                  out = art.html;
                } else {
                  out = art.text + "\n\n";
                }
              }
              std::fwrite(out.data(), 1, out.size(), stdout);
            });
        return failed > 0 ? 1 : 0;
      }};
}

}  // namespace wirebrief::cli
