#include "render/stored_json.h"

#include <cmath>
#include <cstdint>

#include "render/detail/annotations.h"

namespace wirebrief::render {
namespace {

using json = nlohmann::json;

constexpr int64_t kMaxU32 = UINT32_MAX;

core::CharSpan SpanFrom(const json& j) {
  if (!j.is_array() || j.size() != 2) return {};
  return {static_cast<uint32_t>(CheckedInt(j[0], 0, kMaxU32)),
          static_cast<uint32_t>(CheckedInt(j[1], 0, kMaxU32))};
}

core::EntityType TypeFrom(const std::string& s) {
  for (auto t : {core::EntityType::kPerson, core::EntityType::kOrganization,
                 core::EntityType::kCountry, core::EntityType::kPlace})
    if (core::EntityTypeName(t) == s) return t;
  return core::EntityType::kPerson;
}

core::BriefSection SectionFrom(const std::string& s) {
  for (auto t :
       {core::BriefSection::kLede, core::BriefSection::kWhyItMatters,
        core::BriefSection::kStakeholder, core::BriefSection::kWhatsNext,
        core::BriefSection::kKeyFigure, core::BriefSection::kTimeline, core::BriefSection::kSource})
    if (core::BriefSectionName(t) == s) return t;
  return core::BriefSection::kLede;
}

}  // namespace

int64_t CheckedInt(const json& v, int64_t lo, int64_t hi) {
  // (double)INT64_MAX rounds up to 2^63, itself out of range: hence the extra bound.
  bool in_range = v.is_number_unsigned()
                      ? v.get<uint64_t>() <= static_cast<uint64_t>(hi) && v.get<int64_t>() >= lo
                  : v.is_number_integer()
                      ? v.get<int64_t>() >= lo && v.get<int64_t>() <= hi
                      : v.is_number_float() && v.get<double>() >= static_cast<double>(lo) &&
                            v.get<double>() <= static_cast<double>(hi) &&
                            std::fabs(v.get<double>()) < 0x1p63;
  if (!in_range)
    throw json::type_error::create(
        302, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi), &v);
  return v.is_number_float() ? static_cast<int64_t>(v.get<double>()) : v.get<int64_t>();
}

int64_t CheckedInt(const json& j, const char* key, int64_t def, int64_t lo, int64_t hi) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return def;
  try {
    return CheckedInt(*it, lo, hi);
  } catch (const json::type_error&) {  // again, naming the member
    throw json::type_error::create(302,
                                   std::string("\"") + key + "\" is not an integer from " +
                                       std::to_string(lo) + " to " + std::to_string(hi),
                                   &j);
  }
}

json ArticleExtrasToJson(const core::Article& a) {
  json j;
  j["authors"] = a.authors;
  j["description"] = a.description;
  j["wire"] = a.wire;
  j["field_sources"] = a.field_sources;
  j["field_confidence"] = a.field_confidence;
  j["tags"] = a.tags;
  j["image"] = a.image;
  j["license"] = a.license;
  j["is_free"] = a.is_free.has_value() ? json(*a.is_free) : json(nullptr);
  j["truncated"] = a.truncated;
  if (a.headline_only) j["headline_only"] = true;
  json caps = json::array();
  for (const auto& c : a.captions) caps.push_back({{"text", c.text}, {"credit", c.credit}});
  j["captions"] = caps;
  detail::PutAnnotations(a.annotations, detail::AnnotationForm::kStored, &j);
  return j;
}

void ArticleExtrasFromJson(const json& j, core::Article* a) {
  if (!j.is_object()) return;
  a->authors = j.value("authors", std::vector<std::string>{});
  a->description = j.value("description", "");
  a->wire = j.value("wire", std::vector<std::string>{});
  a->field_sources = j.value("field_sources", std::map<std::string, std::string>{});
  a->field_confidence = j.value("field_confidence", std::map<std::string, double>{});
  a->tags = j.value("tags", std::vector<std::string>{});
  a->image = j.value("image", "");
  a->license = j.value("license", "");
  if (j.contains("is_free") && j["is_free"].is_boolean()) a->is_free = j["is_free"].get<bool>();
  a->truncated = j.value("truncated", false);
  if (j.contains("headline_only") && j["headline_only"].is_boolean())
    a->headline_only = j["headline_only"].get<bool>();
  for (const auto& c : j.value("captions", json::array()))
    a->captions.push_back({c.value("text", ""), c.value("credit", "")});
  core::Annotations& an = a->annotations;
  an.language_not_read = j.value("language_not_read", "");
  for (const auto& s : j.value("sentences", json::array())) an.sentences.push_back({SpanFrom(s)});
  for (const auto& m : j.value("entities", json::array()))
    an.mentions.push_back({SpanFrom(m.value("span", json())), TypeFrom(m.value("type", "")),
                           m.value("name", ""), m.value("role", "")});
  for (const auto& f : j.value("figures", json::array())) {
    an.figures.push_back({SpanFrom(f.value("span", json())), f.value("value", 0.0),
                          f.value("unit", ""), f.value("text", "")});
    an.figure_details.push_back(
        {f.value("counted", ""), f.value("value_max", 0.0), f.value("approximate", false)});
  }
  for (const auto& d : j.value("dates", json::array()))
    an.dates.push_back(
        {SpanFrom(d.value("span", json())), d.value("text", ""), d.value("value", "")});
  for (const auto& q : j.value("quotes", json::array())) {
    an.quotes.push_back({SpanFrom(q.value("span", json())), q.value("speaker", "")});
    an.quote_details.push_back({q.value("verb", ""), SpanFrom(q.value("speaker_span", json()))});
  }
  for (const auto& r : j.value("roles", json::array()))
    an.roles.push_back({SpanFrom(r.value("span", json())), r.value("person", ""),
                        r.value("role", ""), r.value("affiliation", "")});
  for (const auto& c : j.value("countries", json::array()))
    an.countries.push_back(
        {SpanFrom(c.value("span", json())), c.value("code", ""), c.value("via", "")});
}

json BriefToJson(const core::Brief& b) {
  json lines = json::array();
  for (const auto& l : b.lines) {
    json cites = json::array();
    for (const auto& c : l.citations)
      cites.push_back(
          {{"article_id", c.article_id}, {"char_start", c.span.begin}, {"char_end", c.span.end}});
    json line = {
        {"section", core::BriefSectionName(l.section)}, {"text", l.text}, {"citations", cites}};
    if (!l.label.empty()) line["label"] = l.label;
    if (l.conflict) line["conflict"] = true;
    if (l.compressed) line["compressed"] = true;
    lines.push_back(line);
  }
  json j = {{"story_id", b.story_id},
            {"headline", b.headline},
            {"lines", lines},
            {"version", b.version},
            {"article_count", b.article_count}};
  json why = json::array();
  for (const auto& a : b.story_attachments)
    why.push_back({{"article_id", a.article_id},
                   {"reason", a.reason},
                   {"score", a.score},
                   {"copy_of", a.copy_of},
                   {"shared_terms", a.shared_terms},
                   {"shared_entities", a.shared_entities}});
  if (!why.empty()) j["attachments"] = why;
  if (!b.languages_not_read.empty()) j["languages_not_read"] = b.languages_not_read;
  return j;
}

core::Brief BriefFromJson(const json& j) {
  core::Brief b;
  b.story_id = j.value("story_id", "");
  b.headline = j.value("headline", "");
  b.version = static_cast<int>(CheckedInt(j, "version", 1, INT32_MIN, INT32_MAX));
  b.article_count = static_cast<size_t>(CheckedInt(j, "article_count", 0, 0, INT64_MAX));
  for (const auto& l : j.value("lines", json::array())) {
    core::BriefLine line;
    line.section = SectionFrom(l.value("section", ""));
    line.text = l.value("text", "");
    line.label = l.value("label", "");
    line.conflict = l.value("conflict", false);
    line.compressed = l.value("compressed", false);
    for (const auto& c : l.value("citations", json::array()))
      line.citations.push_back({c.value("article_id", ""),
                                {static_cast<uint32_t>(CheckedInt(c, "char_start", 0, 0, kMaxU32)),
                                 static_cast<uint32_t>(CheckedInt(c, "char_end", 0, 0, kMaxU32))}});
    b.lines.push_back(std::move(line));
  }
  for (const auto& l : j.value("languages_not_read", json::array()))
    if (l.is_string()) b.languages_not_read.push_back(l.get<std::string>());
  for (const auto& a : j.value("attachments", json::array())) {
    if (!a.is_object()) continue;
    b.story_attachments.push_back({a.value("article_id", ""), a.value("reason", ""),
                                   a.value("score", 0.0), a.value("copy_of", ""),
                                   a.value("shared_terms", std::vector<std::string>{}),
                                   a.value("shared_entities", std::vector<std::string>{})});
  }
  return b;
}

std::string DumpJson(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json ProvenanceToJson(const core::Provenance& p) {
  return {{"source", p.source},          {"container", p.container}, {"offset", p.offset},
          {"length", p.length},          {"record_id", p.record_id}, {"crawl_date", p.crawl_date},
          {"http_status", p.http_status}};
}

core::Provenance ProvenanceFromJson(const json& j) {
  constexpr int64_t kMaxOffset = int64_t{1} << 62;
  return {j.value("source", ""),
          j.value("container", ""),
          static_cast<uint64_t>(CheckedInt(j, "offset", 0, 0, kMaxOffset)),
          static_cast<uint64_t>(CheckedInt(j, "length", 0, 0, kMaxOffset)),
          j.value("record_id", ""),
          j.value("crawl_date", ""),
          static_cast<int>(CheckedInt(j, "http_status", 0, 0, 999))};
}

json StoryToJson(const core::Story& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"article_ids", s.article_ids},
          {"outlets", s.outlets},
          {"independent_outlets", s.independent_outlets},
          {"first_published", s.first_published},
          {"last_published", s.last_published}};
}

core::Story StoryFromJson(const json& j) {
  core::Story s;
  s.id = j.at("id").get<std::string>();
  s.title = j.value("title", "");
  s.article_ids = j.value("article_ids", std::vector<std::string>{});
  s.outlets = j.value("outlets", std::vector<std::string>{});
  s.independent_outlets = static_cast<int>(CheckedInt(j, "independent_outlets", 0, 0, INT32_MAX));
  s.first_published = j.value("first_published", "");
  s.last_published = j.value("last_published", "");
  return s;
}

}  // namespace wirebrief::render
