#include "store/detail/model_json.h"

namespace wirebrief::store::detail {
namespace {

using json = nlohmann::json;

json Span(core::CharSpan s) { return json::array({s.begin, s.end}); }
core::CharSpan SpanFrom(const json& j) {
  if (!j.is_array() || j.size() != 2) return {};
  return {j[0].get<uint32_t>(), j[1].get<uint32_t>()};
}

core::EntityType TypeFrom(const std::string& s) {
  for (auto t : {core::EntityType::kPerson, core::EntityType::kOrganization, core::EntityType::kCountry,
                 core::EntityType::kPlace})
    if (core::EntityTypeName(t) == s) return t;
  return core::EntityType::kPerson;
}

core::BriefSection SectionFrom(const std::string& s) {
  for (auto t : {core::BriefSection::kLede, core::BriefSection::kWhyItMatters, core::BriefSection::kStakeholder,
                 core::BriefSection::kWhatsNext, core::BriefSection::kKeyFigure, core::BriefSection::kTimeline,
                 core::BriefSection::kSource})
    if (core::BriefSectionName(t) == s) return t;
  return core::BriefSection::kLede;
}

}  // namespace

json ArticleExtrasToJson(const core::Article& a) {
  json j;
  j["authors"] = a.authors;
  j["description"] = a.description;
  j["wire"] = a.wire;
  j["field_sources"] = a.field_sources;
  json caps = json::array();
  for (const auto& c : a.captions) caps.push_back({{"text", c.text}, {"credit", c.credit}});
  j["captions"] = caps;
  const core::Annotations& an = a.annotations;
  json sents = json::array(), ments = json::array(), figs = json::array(), dates = json::array(),
       quotes = json::array();
  for (const auto& s : an.sentences) sents.push_back(Span(s.span));
  for (const auto& m : an.mentions)
    ments.push_back({{"span", Span(m.span)}, {"type", core::EntityTypeName(m.type)}, {"name", m.name}, {"role", m.role}});
  for (const auto& f : an.figures)
    figs.push_back({{"span", Span(f.span)}, {"value", f.value}, {"unit", f.unit}, {"text", f.text}});
  for (const auto& d : an.dates) dates.push_back({{"span", Span(d.span)}, {"text", d.text}, {"value", d.value}});
  for (const auto& q : an.quotes) quotes.push_back({{"span", Span(q.span)}, {"speaker", q.speaker}});
  j["sentences"] = sents;
  j["entities"] = ments;
  j["figures"] = figs;
  j["dates"] = dates;
  j["quotes"] = quotes;
  return j;
}

void ArticleExtrasFromJson(const json& j, core::Article* a) {
  if (!j.is_object()) return;
  a->authors = j.value("authors", std::vector<std::string>{});
  a->description = j.value("description", "");
  a->wire = j.value("wire", std::vector<std::string>{});
  a->field_sources = j.value("field_sources", std::map<std::string, std::string>{});
  for (const auto& c : j.value("captions", json::array())) a->captions.push_back({c.value("text", ""), c.value("credit", "")});
  core::Annotations& an = a->annotations;
  for (const auto& s : j.value("sentences", json::array())) an.sentences.push_back({SpanFrom(s)});
  for (const auto& m : j.value("entities", json::array()))
    an.mentions.push_back({SpanFrom(m.value("span", json())), TypeFrom(m.value("type", "")), m.value("name", ""), m.value("role", "")});
  for (const auto& f : j.value("figures", json::array()))
    an.figures.push_back({SpanFrom(f.value("span", json())), f.value("value", 0.0), f.value("unit", ""), f.value("text", "")});
  for (const auto& d : j.value("dates", json::array()))
    an.dates.push_back({SpanFrom(d.value("span", json())), d.value("text", ""), d.value("value", "")});
  for (const auto& q : j.value("quotes", json::array())) an.quotes.push_back({SpanFrom(q.value("span", json())), q.value("speaker", "")});
}

json BriefToJson(const core::Brief& b) {
  json lines = json::array();
  for (const auto& l : b.lines) {
    json cites = json::array();
    for (const auto& c : l.citations)
      cites.push_back({{"article_id", c.article_id}, {"char_start", c.span.begin}, {"char_end", c.span.end}});
    json line = {{"section", core::BriefSectionName(l.section)}, {"text", l.text}, {"citations", cites}};
    if (!l.label.empty()) line["label"] = l.label;
    if (l.conflict) line["conflict"] = true;
    lines.push_back(line);
  }
  json j = {{"story_id", b.story_id}, {"headline", b.headline}, {"lines", lines}};
  json why = json::array();
  for (const auto& a : b.story_attachments)
    why.push_back({{"article_id", a.article_id}, {"reason", a.reason}, {"score", a.score}, {"copy_of", a.copy_of},
                   {"shared_terms", a.shared_terms}, {"shared_entities", a.shared_entities}});
  if (!why.empty()) j["attachments"] = why;
  return j;
}

core::Brief BriefFromJson(const json& j) {
  core::Brief b;
  b.story_id = j.value("story_id", "");
  b.headline = j.value("headline", "");
  for (const auto& l : j.value("lines", json::array())) {
    core::BriefLine line;
    line.section = SectionFrom(l.value("section", ""));
    line.text = l.value("text", "");
    line.label = l.value("label", "");
    line.conflict = l.value("conflict", false);
    for (const auto& c : l.value("citations", json::array()))
      line.citations.push_back({c.value("article_id", ""), {c.value("char_start", 0u), c.value("char_end", 0u)}});
    b.lines.push_back(std::move(line));
  }
  for (const auto& a : j.value("attachments", json::array())) {
    if (!a.is_object()) continue;
    b.story_attachments.push_back({a.value("article_id", ""), a.value("reason", ""), a.value("score", 0.0),
                                   a.value("copy_of", ""), a.value("shared_terms", std::vector<std::string>{}),
                                   a.value("shared_entities", std::vector<std::string>{})});
  }
  return b;
}

}  // namespace wirebrief::store::detail
