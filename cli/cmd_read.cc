// `wirebrief read INPUT...`: annotations of each document, one JSON line per document. An input
// whose first non-blank byte is '{' is JSON lines of {"id","text","dct"?} (dct: publication
// date), one document per line; any other input is one UTF-8 text document (id = its path).
//
// --output-format jsonl (default) names the annotations as `extract --with-annotations` does
// (conventions.md): sentences, entities, figures, dates, quotes, roles, countries, spans as
// char_start/char_end byte offsets. --output-format nlp-kit writes the nlp kit's prediction
// format instead (../shared/bench/nlp: entities typed PER/ORG/LOC, timex, quantities, quotes,
// sentences as [start, end], plus roles, countries and figures), offsets in Unicode code points,
// end exclusive (what the kit's scorer and Python strings use). The old `read --jsonl FILE`
// (inputs are JSON lines, kit format) is kept for one release as a deprecated alias of
// `read --output-format nlp-kit FILE`, which the kit's scoreboard still calls.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/flags.h"
#include "core/text.h"
#include "nlp/read.h"
#include "pipeline/render.h"

namespace wirebrief::cli {
namespace {

using json = nlohmann::json;

std::string_view KitType(core::EntityType t) {
  switch (t) {
    case core::EntityType::kPerson:
      return "PER";
    case core::EntityType::kOrganization:
      return "ORG";
    default:
      return "LOC";
  }
}

// Byte offset -> code point offset for every byte of `text`.
// The kit's quote layer (GUM's TEI <quote>) nests in its sentence layer: a quote lies inside one
// sentence or spans whole sentences of one paragraph. A quote that runs over sentences and starts
// or ends inside one ("...occurs. So if ... problems," he said.) is written as one span per
// partial sentence plus one per paragraph's run of whole sentences. `ReadText` keeps one quote.
std::vector<core::CharSpan> KitQuoteParts(const std::string& text,
                                          const std::vector<core::Sentence>& sentences,
                                          core::CharSpan q) {
  auto only_marks = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k) {
      unsigned char c = text[k];
      if (c == ' ' || c == '\n' || c == '"' || c == '\'' || c == '`' || c == '.' || c == ',' ||
          c == '!' || c == '?' || c >= 0x80)  // curly marks are multi-byte
        continue;
      return false;
    }
    return true;
  };
  std::vector<core::CharSpan> parts;
  bool run_open = false;  // the last part is a run of whole sentences that may grow
  for (const core::Sentence& s : sentences) {
    if (s.span.end <= q.begin || s.span.begin >= q.end) continue;
    core::CharSpan clip{std::max(q.begin, s.span.begin), std::min(q.end, s.span.end)};
    bool whole = only_marks(s.span.begin, clip.begin) && only_marks(clip.end, s.span.end);
    bool same_paragraph = !parts.empty() && text.find('\n', parts.back().end) >=
                                                std::min<size_t>(clip.begin, text.size());
    if (whole && run_open && same_paragraph) {
      parts.back().end = clip.end;
    } else {
      parts.push_back(clip);
      run_open = whole;
    }
  }
  if (parts.size() <= 1) return {q};
  return parts;
}

json KitAnnotate(const nlp::Reader& reader, const std::string& id, const std::string& text,
                 const std::string& dct) {
  core::Annotations a = reader.ReadText(text, dct);
  std::vector<uint32_t> cp = core::CodePointOffsets(text);
  auto at = [&](uint32_t byte) { return cp[std::min<size_t>(byte, text.size())]; };
  auto span = [&](json* j, core::CharSpan s) {
    (*j)["start"] = at(s.begin);
    (*j)["end"] = at(s.end);
  };
  json out;
  out["id"] = id;
  json ents = json::array(), timex = json::array(), quotes = json::array(), sents = json::array(),
       quants = json::array(), figures = json::array(), roles = json::array(),
       countries = json::array();
  for (const auto& m : a.mentions) {
    json e;
    span(&e, m.span);
    e["type"] = KitType(m.type);
    e["kind"] = core::EntityTypeName(m.type);
    e["name"] = m.name;
    ents.push_back(std::move(e));
  }
  for (const auto& d : a.dates) {
    json e;
    span(&e, d.span);
    e["value"] = d.value;
    e["text"] = d.text;
    timex.push_back(std::move(e));
  }
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    for (core::CharSpan part : KitQuoteParts(text, a.sentences, a.quotes[i].span)) {
      json e;
      span(&e, part);
      e["speaker"] = a.quotes[i].speaker.empty() ? json() : json(a.quotes[i].speaker);
      if (i < a.quote_details.size() && !a.quote_details[i].verb.empty())
        e["verb"] = a.quote_details[i].verb;
      quotes.push_back(std::move(e));
    }
  }
  for (const auto& s : a.sentences) sents.push_back({at(s.span.begin), at(s.span.end)});
  for (size_t i = 0; i < a.figures.size(); ++i) {
    const auto& f = a.figures[i];
    json e;
    span(&e, f.span);
    e["value"] = f.value;
    e["unit"] = f.unit;
    e["text"] = f.text;
    if (i < a.figure_details.size()) {
      const auto& d = a.figure_details[i];
      e["counted"] = d.counted;
      e["approximate"] = d.approximate;
      if (d.value_max > 0) e["value_max"] = d.value_max;
    }
    figures.push_back(e);
    quants.push_back(e);
    // The kit's quantities name currencies by word ("dollar"), not by ISO code.
    static const std::map<std::string, std::string> kWords = {
        {"USD", "dollar"}, {"EUR", "euro"},  {"GBP", "pound"}, {"JPY", "yen"},    {"CNY", "yuan"},
        {"INR", "rupee"},  {"RUB", "ruble"}, {"MXN", "peso"},  {"ILS", "shekel"}, {"KRW", "won"}};
    if (auto it = kWords.find(f.unit); it != kWords.end()) quants.back()["unit"] = it->second;
  }
  for (const auto& r : a.roles) {
    json e;
    span(&e, r.span);
    e["person"] = r.person;
    e["role"] = r.role;
    e["affiliation"] = r.affiliation;
    roles.push_back(std::move(e));
  }
  for (const auto& c : a.countries) {
    json e;
    span(&e, c.span);
    e["code"] = c.code;
    e["via"] = c.via;
    e["text"] = text.substr(c.span.begin, c.span.end - c.span.begin);
    countries.push_back(std::move(e));
  }
  out["entities"] = std::move(ents);
  out["timex"] = std::move(timex);
  out["quotes"] = std::move(quotes);
  out["sentences"] = std::move(sents);
  out["quantities"] = quants;
  out["figures"] = std::move(figures);
  out["roles"] = std::move(roles);
  out["countries"] = std::move(countries);
  return out;
}

void WriteLine(std::string line) {
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stdout);
}

void Write(const json& j) { WriteLine(j.dump(-1, ' ', false, json::error_handler_t::replace)); }

}  // namespace

Command AddReadCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string format;
    bool deprecated_jsonl = false;
    bool no_propagate = false;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand(
      "read", "Annotate text: names, roles, countries, figures, dates, quotes");
  AddVersionFlag(app);
  AddOutputFormatFlag(app, &flags->format, {"jsonl", "nlp-kit"},
                      "jsonl (the names of extract --with-annotations) or nlp-kit (the nlp "
                      "benchmark kit's prediction format)");
  // Hidden: the old spelling (inputs are JSON lines, kit format), kept for one release.
  app->add_flag("--jsonl", flags->deprecated_jsonl)->group("");
  // An ablation (bench/README.md, ## nlp): what spreading a found name to its other mentions adds.
  app->add_flag("--no-propagate", flags->no_propagate,
                "Do not spread a name found once to its untagged repeats (for measurement)");
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
  return {
      app, [flags] {
        if (flags->deprecated_jsonl) {
          WarnDeprecated("read --jsonl FILE", "read --output-format nlp-kit FILE");
          flags->format = "nlp-kit";
        }
        if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
        if (flags->inputs.empty()) {
          PrintError("read: name at least one input or -i FILE");
          return 2;
        }
        nlp::ReadOptions read_options = ReadOptionsFromEnvironment();
        read_options.propagate_names = !flags->no_propagate;
        core::Result<nlp::Reader> reader = nlp::OpenReader(read_options);
        if (!reader.ok()) {
          PrintError(reader.status().ToString());
          return 2;
        }
        const bool kit = flags->format == "nlp-kit";
        auto annotate = [kit, &reader](const std::string& id, const std::string& text,
                                       const std::string& dct) {
          if (kit)
            Write(KitAnnotate(reader.value(), id, text, dct));
          else
            WriteLine(pipeline::AnnotationsToJson(id, reader->ReadText(text, dct)));
        };
        int failed = 0;
        for (const std::string& path : flags->inputs) {
          std::ifstream file;
          std::istream* in = &std::cin;
          if (path != "-") {
            file.open(path, std::ios::binary);
            if (!file) {
              PrintError(path + ": cannot open");
              ++failed;
              continue;
            }
            in = &file;
          }
          std::stringstream ss;
          ss << in->rdbuf();
          const std::string content = ss.str();
          size_t first = content.find_first_not_of(" \t\r\n");
          bool json_lines =
              flags->deprecated_jsonl || (first != std::string::npos && content[first] == '{');
          if (!json_lines) {
            annotate(path, content, "");
            continue;
          }
          std::istringstream lines(content);
          std::string line;
          size_t n = 0;
          while (std::getline(lines, line)) {
            ++n;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            json j = json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object() || !j.contains("text") ||
                !j["text"].is_string()) {
              PrintError(path + ": line " + std::to_string(n) +
                         ": not a JSON object with a \"text\" string");
              ++failed;
              continue;
            }
            std::string id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>()
                                                                     : j["id"].dump())
                                              : std::to_string(n);
            std::string dct =
                j.contains("dct") && j["dct"].is_string() ? j["dct"].get<std::string>() : "";
            annotate(id, j["text"].get<std::string>(), dct);
          }
        }
        return failed > 0 ? 1 : 0;
      }};
}

}  // namespace wirebrief::cli
