// `wirebrief ingest INPUT...`: what ingest reads from each input, one JSON object per
// document or listed URL, storing nothing. Fields (absent ones omitted): url, kind ("html",
// "text", "feed_item", "sitemap_url", "sitemap" for a sitemap index's child, "redirect" for a
// WARC 3xx response), origin ("path", or "path:offset:length" for WARC and JSON-lines records),
// record_id, crawl_date, date (publication date the source states), title, charset,
// charset_source (why that charset: "bom", "http", "meta", "detected", "default"), bytes (UTF-8
// content size); redirects add status (number) and location.
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "ingest/ingest.h"

namespace wirebrief::cli {
namespace {

using Json = nlohmann::ordered_json;

void Put(Json* j, const char* key, const std::string& value) {
  if (!value.empty()) (*j)[key] = value;
}

std::string Hint(const std::map<std::string, std::string>& hints, const char* key) {
  auto it = hints.find(key);
  return it == hints.end() ? "" : it->second;
}

Json DocumentJson(const core::RawDocument& d) {
  const core::Provenance& p = d.provenance;
  Json j;
  Put(&j, "url", d.url);
  j["kind"] = p.container == "feed"                ? "feed_item"
              : d.kind == core::ContentKind::kHtml ? "html"
                                                   : "text";
  bool ranged = p.container == "warc" || p.container == "warc-stream" || p.container == "jsonl";
  j["origin"] = ranged ? p.source + ":" + std::to_string(p.offset) + ":" + std::to_string(p.length)
                       : p.source;
  Put(&j, "record_id", p.record_id);
  Put(&j, "crawl_date", p.crawl_date);
  Put(&j, "date", Hint(d.hints, "date_published"));
  Put(&j, "title", Hint(d.hints, "title"));
  Put(&j, "charset", d.charset);
  Put(&j, "charset_source", d.charset_source);
  j["bytes"] = d.content.size();
  return j;
}

Json ReferenceJson(const ingest::Reference& r) {
  Json j;
  j["url"] = r.url;
  j["kind"] = r.kind;
  std::string origin = Hint(r.hints, "origin");
  j["origin"] = origin.empty() ? r.listed_in : origin;
  Put(&j, "record_id", Hint(r.hints, "record"));
  if (std::string status = Hint(r.hints, "status"); !status.empty())
    j["status"] = std::atoi(status.c_str());
  Put(&j, "location", Hint(r.hints, "location"));
  Put(&j, "date", Hint(r.hints, "date_published"));
  Put(&j, "title", Hint(r.hints, "title"));
  return j;
}

void PrintLine(const Json& j) {
  std::string line = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stdout);
}

}  // namespace

Command AddIngestCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string format;
    bool deprecated_jsonl = false;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand(
      "ingest", "Print what each input holds (documents and listed URLs), storing nothing");
  AddVersionFlag(app);
  AddOutputFormatFlag(app, &flags->format, {"jsonl"},
                      "jsonl: one JSON object per document or listed URL (the only format)");
  // The old spelling, kept for one release (docs/cli-flags.md).
  AddFlag(app, kDeprecatedJsonlSwitch, &flags->deprecated_jsonl);
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
  return {app, [flags] {
            if (flags->deprecated_jsonl) WarnDeprecated("ingest --jsonl", "ingest");
            if (flags->inputs.empty() && flags->input_files.empty()) {
              PrintError("ingest: name at least one input or -i FILE");
              return 2;
            }
            ingest::IngestOptions options;
            options.input_lists = flags->input_files;
            ingest::DocumentStream stream(flags->inputs, options);
            int failed = 0;
            auto print_references = [&] {
              for (const auto& r : stream.TakeReferences())
                // Discovered feeds are leads, not listed pages. Index entries are listed (read
                // offline, they are not followed) and redirects say why a record gave nothing.
                if (r.kind == "feed_item" || r.kind == "sitemap_url" || r.kind == "sitemap" ||
                    r.kind == "redirect")
                  PrintLine(ReferenceJson(r));
            };
            while (auto next = stream.Next()) {
              print_references();
              if (!next->ok()) {
                ++failed;
                PrintError(next->status().ToString());
                continue;
              }
              PrintLine(DocumentJson(next->value()));
            }
            print_references();
            for (const auto& s : stream.skipped()) PrintError("skipped " + s);
            std::fflush(stdout);
            return failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli
