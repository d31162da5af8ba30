#include "render/article_json.h"

#include <cmath>

#include "render/detail/annotations.h"
#include "render/stored_json.h"

namespace wirebrief::render {
namespace {

using json = nlohmann::json;

json ArticleObject(const core::Article& a, const std::string& source, bool with_annotations) {
  json j;
  j["source"] = source;
  j["id"] = a.id;
  j["url"] = a.url;
  j["canonical_url"] = a.canonical_url;
  j["title"] = a.title;
  j["authors"] = a.authors;
  j["date_published"] = a.date_published;
  j["date_modified"] = a.date_modified;
  j["date_crawled"] = a.date_crawled;
  j["site_name"] = a.site_name;
  j["host"] = a.host;
  j["section"] = a.section;
  j["description"] = a.description;
  j["language"] = a.language;
  json caps = json::array();
  for (const auto& c : a.captions) caps.push_back({{"text", c.text}, {"credit", c.credit}});
  j["captions"] = caps;
  j["wire"] = a.wire;
  j["tags"] = a.tags;
  j["image"] = a.image;
  j["license"] = a.license;
  j["is_free"] = a.is_free.has_value() ? json(*a.is_free) : json(nullptr);
  j["truncated"] = a.truncated;
  j["headline_only"] = a.headline_only;
  for (const auto& [field, src] : a.field_sources) j[field + "_source"] = src;
  // Two decimals: the confidences are heuristic scores, more digits would only be noise.
  for (const auto& [field, conf] : a.field_confidence)
    j[field + "_confidence"] = std::round(conf * 100) / 100;
  j["fingerprint"] = a.content_hash;
  j["text"] = a.text;
  if (with_annotations) detail::PutAnnotations(a.annotations, detail::AnnotationForm::kPublic, &j);
  return j;
}

}  // namespace

std::string ArticleToJson(const core::Article& a, const std::string& source, bool with_annotations,
                          const std::vector<std::pair<std::string, std::string>>& extra) {
  json j = ArticleObject(a, source, with_annotations);
  for (const auto& [key, value] : extra) j[key] = value;
  return DumpJson(j);
}

std::string AnnotationsToJson(const std::string& id, const core::Annotations& annotations) {
  json j;
  j["id"] = id;
  detail::PutAnnotations(annotations, detail::AnnotationForm::kPublic, &j);
  return DumpJson(j);
}

json ArticleApiJson(const core::Article& a, const std::vector<core::Provenance>& provenance) {
  json j = ArticleObject(a, a.provenance.source, /*with_annotations=*/true);
  j["outlet"] = core::OutletOf(a);
  j["field_sources"] = a.field_sources;
  json prov = json::array();
  for (const auto& p : provenance) prov.push_back(ProvenanceToJson(p));
  j["provenance"] = prov;
  return j;
}

}  // namespace wirebrief::render
