// `wirebrief extract PATH...`: article text and metadata without storing anything.
//
// --output-format picks the rendering of each article: txt, markdown, html, json or jsonl (one
// JSON object per input line: {"source", "status", "text", "markdown", ...metadata}, and for
// inputs that fail {"source", "status": "empty"|"too_large"|"timeout"|"error", "error"} so a
// batch consumer sees every input), or xml-tei (a TEI document per article, cli/tei.h; on
// stdout the documents follow one another, as trafilatura prints them: -o DIR for one file each).
// Failures also go to stderr, and the exit status is 1 at the end. -o DIR writes one file per
// input instead of stdout (cli/output_files.h); --target-language skips the documents detected
// in another language. The old `--jsonl` is a deprecated alias of --output-format jsonl.
// A text file that is not a news page (a subtitle file, a poem) is no failure: its cleaned text
// is printed, with "status": "not_news" in JSON.
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "cli/output_files.h"
#include "cli/tei.h"
#include "core/thread_pool.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "render/article_json.h"

namespace wirebrief::cli {
namespace {

// What a failed input reports in json/jsonl: the page's own metadata when it has some.
std::string FailureJson(const core::Status& status, const core::Article* page_metadata) {
  nlohmann::json j;
  // A page without article text still reports its metadata (text stays empty).
  if (page_metadata)
    j = nlohmann::json::parse(
        render::ArticleToJson(*page_metadata, page_metadata->provenance.source, false), nullptr,
        false);
  if (!j.is_object()) j = nlohmann::json::object();
  j["source"] = status.source();
  j["status"] = extract::ExtractStatusName(status);
  j["error"] = status.message();
  if (!status.record().empty()) j["record"] = status.record();
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string ArticleJson(const core::Article& art, bool with_annotations,
                        const char* status = "ok") {
  // Added while the object is built: parsing the printed object again to add them cost as much
  // as printing it.
  return render::ArticleToJson(art, art.provenance.source, with_annotations,
                               {{"status", status}, {"markdown", art.markdown}}) +
         "\n";
}

// Plain text as HTML paragraphs, one per line (a text file has no page HTML of its own).
std::string TextAsHtml(const std::string& text) {
  std::string out;
  for (size_t b = 0, e; b < text.size(); b = e + 1) {
    e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    std::string para;
    for (char ch : text.substr(b, e - b))
      para += ch == '<' ? "&lt;" : ch == '>' ? "&gt;" : ch == '&' ? "&amp;" : std::string(1, ch);
    if (!para.empty()) out += "<p>" + para + "</p>\n";
  }
  return out;
}

const char* Extension(const std::string& format) {
  if (format == "markdown") return "md";
  if (format == "html") return "html";
  if (format == "json" || format == "jsonl") return "json";
  if (format == "xml-tei") return "xml";
  return "txt";
}

struct ExtractFlags : CommonFlags {
  std::string format, output_dir, target_language;
  bool deprecated_jsonl = false, precision = false, recall = false, with_annotations = false;
  std::string base_url;
};

void AddExtractFlags(CLI::App* app, ExtractFlags* flags) {
  AddVersionFlag(app);
  AddJobsFlag(app, flags);
  AddOutputFormatFlag(app, &flags->format, {"txt", "markdown", "html", "json", "jsonl", "xml-tei"},
                      "txt (body, one paragraph a line), markdown, html (sanitized), json, jsonl "
                      "(one object per input, failures included) or xml-tei (a TEI document per "
                      "article; on stdout one after another, so -o DIR for several)");
  // The old spelling, kept for one release (the extraction kit calls it).
  AddFlag(app, kDeprecatedJsonlSwitch, &flags->deprecated_jsonl);
  AddFlag(app, kOutputDir, &flags->output_dir);
  AddTargetLanguageFlag(app, &flags->target_language);
  CLI::Option* precision = AddFlag(app, kPrecision, &flags->precision);
  AddFlag(app, kRecall, &flags->recall)->excludes(precision);
  AddFlag(app, kBaseUrl, &flags->base_url);
  AddFlag(app, kWithAnnotations, &flags->with_annotations);
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
}

// What the pipeline is asked for: the extraction mode and the renderings the format needs.
pipeline::RunOptions ExtractRunOptions(const ExtractFlags& flags) {
  pipeline::RunOptions options;
  options.jobs = flags.jobs;
  if (flags.with_annotations) options.read = ReadOptionsFromEnvironment();
  // Batches of a few pages per worker, not 256 pages: the pages of a batch are all read before
  // any is extracted, so a big batch holds (and page-faults in) tens of megabytes where a small
  // one reuses the same memory page after page; output order is the same.
  options.batch_size =
      std::clamp<size_t>(8 * (flags.jobs ? flags.jobs : core::AvailableCores()), 8, 256);
  options.extract.base_url = flags.base_url;
  options.extract.mode = flags.precision ? extract::ExtractMode::kPrecision
                         : flags.recall  ? extract::ExtractMode::kRecall
                                         : extract::ExtractMode::kBalanced;
  const bool json = flags.format == "jsonl" || flags.format == "json";
  options.extract.with_markdown = json || flags.format == "markdown";
  options.extract.with_html = flags.format == "html";
  return options;
}

// Prints (or, with -o, writes) each article in the asked format and counts what happened.
class ArticleWriter {
 public:
  ArticleWriter(const ExtractFlags& flags, std::optional<OutputFiles>* files)
      : flags_(flags), files_(files), json_(flags.format == "jsonl" || flags.format == "json") {}

  void operator()(const core::Result<core::Article>& a, const core::Article* page_metadata) {
    std::string out;
    // The user asked for this file's text: give it, saying it is not a news page.
    const bool not_news = !a.ok() && page_metadata && page_metadata->field_sources.count("text") &&
                          page_metadata->field_sources.at("text") == "plain_text";
    if (!a.ok() && !not_news) {
      ++failed;
      PrintError(a.status().ToString());
      // A failed input has no file of its own: its record goes to stdout.
      if (json_ && !*files_) out = FailureJson(a.status(), page_metadata);
      std::fwrite(out.data(), 1, out.size(), stdout);
      return;
    }
    const core::Article& art = not_news ? *page_metadata : a.value();
    if (!flags_.target_language.empty() && !LanguageMatches(art.language, flags_.target_language)) {
      ++other_language;
      return;
    }
    ++index_;
    if (!Render(art, not_news, &out)) return;
    if (!*files_) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      return;
    }
    if (core::Status st = (*files_)->Write(art, out); !st.ok()) {
      ++failed;
      PrintError(st.ToString());
      return;
    }
    ++written;
  }

  int failed = 0;
  size_t written = 0, other_language = 0;

 private:
  // `art` in the asked format into *out; false (counted and reported) when it cannot be.
  bool Render(const core::Article& art, bool not_news, std::string* out) {
    const std::string& format = flags_.format;
    const bool files = files_->has_value();
    if (json_) {
      *out = not_news ? ArticleJson(art, false, "not_news")
                      : ArticleJson(art, flags_.with_annotations);
    } else if (format == "xml-tei") {
      core::Result<std::string> tei = ArticleToTei(art);
      if (!tei.ok()) {
        ++failed;
        PrintError(tei.status().ToString());
        return false;
      }
      *out = std::move(tei).value();
    } else if (format == "markdown") {
      *out = (index_ > 1 && !files ? "\n---\n\n" : "") + art.markdown;
    } else if (format == "html") {
      *out = not_news ? TextAsHtml(art.text) : art.html;
    } else {
      *out = art.text + (files ? "\n" : "\n\n");
    }
    return true;
  }

  const ExtractFlags& flags_;
  std::optional<OutputFiles>* files_;
  const bool json_;
  size_t index_ = 0;
};

int RunExtract(ExtractFlags* flags) {
  if (flags->deprecated_jsonl) {
    WarnDeprecated("extract --jsonl", "extract --output-format jsonl");
    flags->format = "jsonl";
  }
  if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
  if (flags->inputs.empty()) {
    PrintError("extract: name at least one input or -i FILE");
    return 2;
  }
  // Each page's DOM is megabytes allocated and freed at once; by default glibc hands the freed
  // memory back to the kernel and faults it in again for the next page (page faults were ~10% of
  // an extract run over the extraction kit, perf). extract is a batch that ends, so it keeps
  // what it freed.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  std::optional<OutputFiles> files;
  if (!flags->output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(flags->output_dir, ec);
    if (ec || !std::filesystem::is_directory(flags->output_dir)) {
      PrintError(flags->output_dir + ": cannot create the output folder");
      return 2;
    }
    files.emplace(flags->output_dir, Extension(flags->format));
  }
  ArticleWriter writer(*flags, &files);
  core::Status read_model = pipeline::ExtractDocuments(
      flags->inputs, ExtractRunOptions(*flags), flags->with_annotations,
      [&](const core::Result<core::Article>& a, const core::Article* page_metadata) {
        writer(a, page_metadata);
      });
  if (!read_model.ok()) {
    PrintError(read_model.ToString());
    return 2;
  }
  if (writer.other_language > 0)
    PrintError("extract: " + std::to_string(writer.other_language) + " document" +
               (writer.other_language == 1 ? "" : "s") + " skipped, language not " +
               flags->target_language);
  if (files)
    std::fprintf(stderr, "extract: %zu file%s written to %s\n", writer.written,
                 writer.written == 1 ? "" : "s", flags->output_dir.c_str());
  return writer.failed > 0 ? 1 : 0;
}

}  // namespace

Command AddExtractCommand(CLI::App* root) {
  auto* flags = new ExtractFlags();
  CLI::App* app = root->add_subcommand("extract", "Print the article text (or JSON) of each input");
  AddExtractFlags(app, flags);
  return {app, [flags] { return RunExtract(flags); }};
}

}  // namespace wirebrief::cli
