// The public JSON form of an article and of its annotations: what `extract`, `read` and the
// API's /v1/articles/{id} print. Field names per ../shared/design/conventions.md (snake_case;
// spans as char_start/char_end byte offsets into the text). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace wirebrief::render {

// One JSON object on one line: url, title, authors, dates, site_name, host, section, language,
// captions, wire, text, field sources, headline_only (a feed item or record without its page);
// annotations (sentences, entities, figures, dates, quotes) when `with_annotations`; then each
// of `extra` as a string field (replacing a field of that name), so a caller adding its own keys
// need not parse and print the object again.
std::string ArticleToJson(const core::Article& article, const std::string& source,
                          bool with_annotations,
                          const std::vector<std::pair<std::string, std::string>>& extra = {});

// One JSON object on one line: "id" and the annotation fields ArticleToJson adds (sentences,
// entities, figures, dates, quotes, roles, countries). What `read` prints.
std::string AnnotationsToJson(const std::string& id, const core::Annotations& annotations);

// The API's article: ArticleToJson's object with annotations, plus the outlet, the field
// sources as one object and every provenance record (render/stored_json.h's form).
nlohmann::json ArticleApiJson(const core::Article& article,
                              const std::vector<core::Provenance>& provenance);

}  // namespace wirebrief::render
