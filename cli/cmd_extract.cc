// `wirebrief extract PATH...`: article text and metadata without storing anything.
//
// --output-format txt|markdown|html|json picks the rendering of each article; --jsonl prints one
// JSON object per input ({"source", "status", "text", "markdown", ...metadata}) and, for inputs
// that fail, {"source", "status": "empty"|"too_large"|"timeout"|"error", "error"} so a batch
// consumer sees every input. Failures also go to stderr, and the exit status is 1 at the end.
// A text file that is not a news page (a subtitle file, a poem) is no failure: its cleaned text
// is printed, with "status": "not_news" in JSON.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/flags.h"
#include "extract/extract.h"
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
  app->add_option("--output-format", flags->format,
                  "txt (body, one paragraph a line), markdown, html (sanitized) or json")
      ->check(CLI::IsMember({"txt", "markdown", "html", "json"}))
      ->capture_default_str();
  app->add_flag(
      "--jsonl", flags->jsonl,
      "One JSON object per input line: {\"source\", \"status\", \"text\", \"markdown\", ...}");
  auto* p = app->add_flag("--precision", flags->precision, "Prefer dropping borderline blocks");
  app->add_flag("--recall", flags->recall, "Prefer keeping borderline blocks")->excludes(p);
  app->add_option("--base-url", flags->base_url, "URL of pages saved without one");
  app->add_flag("--with-annotations", flags->with_annotations,
                "Add sentences, entities, figures, dates, quotes (json)");
  AddInputs(app, flags);
  return {
      app, [flags] {
        pipeline::RunOptions options;
        options.jobs = flags->jobs;
        options.extract.base_url = flags->base_url;
        options.extract.mode = flags->precision ? extract::ExtractMode::kPrecision
                               : flags->recall  ? extract::ExtractMode::kRecall
                                                : extract::ExtractMode::kBalanced;
        bool json = flags->jsonl || flags->format == "json";
        options.extract.with_markdown = json || flags->format == "markdown";
        options.extract.with_html = flags->format == "html";
        int failed = 0;
        size_t index = 0;
        pipeline::ExtractDocuments(
            flags->inputs, options, flags->with_annotations,
            [&](const core::Result<core::Article>& a, const core::Article* page_metadata) {
              ++index;
              std::string out;
              bool plain_text = !a.ok() && page_metadata &&
                                page_metadata->field_sources.count("text") &&
                                page_metadata->field_sources.at("text") == "plain_text";
              if (plain_text) {
                // The user asked for this file's text: give it, saying it is not a news page.
                if (json) {
                  nlohmann::json j;
                  j["source"] = a.status().source();
                  j["status"] = "not_news";
                  j["text"] = page_metadata->text;
                  j["markdown"] = page_metadata->markdown;
                  out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
                } else if (flags->format == "markdown") {
                  out = (index > 1 ? "\n---\n\n" : "") + page_metadata->markdown;
                } else if (flags->format == "html") {
                  for (size_t b = 0, e; b < page_metadata->text.size(); b = e + 1) {
                    e = page_metadata->text.find('\n', b);
                    if (e == std::string::npos) e = page_metadata->text.size();
                    std::string para;
                    for (char ch : page_metadata->text.substr(b, e - b))
                      para += ch == '<'   ? "&lt;"
                              : ch == '>' ? "&gt;"
                              : ch == '&' ? "&amp;"
                                          : std::string(1, ch);
                    if (!para.empty()) out += "<p>" + para + "</p>\n";
                  }
                } else {
                  out = page_metadata->text + "\n\n";
                }
              } else if (!a.ok()) {
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
