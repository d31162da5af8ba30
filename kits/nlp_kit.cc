// The nlp kit's prediction format (kits/nlp_kit.h).
#include "kits/nlp_kit.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace wirebrief::kits {
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

}  // namespace

std::string NlpKitLine(const std::string& id, const std::string& text,
                       const core::Annotations& a) {
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
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace wirebrief::kits
