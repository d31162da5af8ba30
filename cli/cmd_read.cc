// `wirebrief read --jsonl INPUT.jsonl`: annotations of {"id","text","dct"?} lines, one JSON line
// per input line in the nlp kit's prediction format (entities, timex, quotes, sentences,
// quantities) plus roles, countries and figures. Offsets are Unicode code points into "text",
// end exclusive (what the kit's scorer and Python strings use). Without --jsonl each input is a
// UTF-8 text file read as one document (id = its path).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/flags.h"
#include "nlp/read.h"

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
std::vector<uint32_t> CodePointOffsets(const std::string& text) {
  std::vector<uint32_t> out(text.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    out[i] = continuation && cp > 0 ? cp - 1 : cp;
    if (!continuation) ++cp;
  }
  out[text.size()] = cp;
  return out;
}

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

json Annotate(const std::string& id, const std::string& text, const std::string& dct) {
  core::Annotations a = nlp::ReadText(text, dct);
  std::vector<uint32_t> cp = CodePointOffsets(text);
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

void Write(const json& j) {
  std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  std::fwrite(s.data(), 1, s.size(), stdout);
}

}  // namespace

Command AddReadCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    bool jsonl = false;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand(
      "read", "Annotate text: names, roles, countries, figures, dates, quotes");
  AddVersionFlag(app);
  app->add_flag("--jsonl", flags->jsonl,
                "Inputs are JSON lines {\"id\", \"text\", \"dct\"?} (dct: publication date)");
  AddInputs(app, flags);
  return {
      app, [flags] {
        if (nlp::ReadModelPath().empty())
          PrintError(
              "warning: no name-tagger model found (set WB_NLP_MODEL); names come from lists only");
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
          if (!flags->jsonl) {
            std::stringstream ss;
            ss << in->rdbuf();
            Write(Annotate(path, ss.str(), ""));
            continue;
          }
          std::string line;
          size_t n = 0;
          while (std::getline(*in, line)) {
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
            Write(Annotate(id, j["text"].get<std::string>(), dct));
          }
        }
        return failed > 0 ? 1 : 0;
      }};
}

}  // namespace wirebrief::cli
