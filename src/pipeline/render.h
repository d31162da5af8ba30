// Renderings of articles and stories shared by the CLI and the HTTP server: JSON (field names
// per ../shared/design/conventions.md) and Markdown. Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "store/store.h"

namespace wirebrief::pipeline {

// One JSON object on one line: url, title, authors, dates, site_name, host, section, language,
// captions, wire, text, field sources; annotations (sentences, entities, figures, dates,
// quotes) when `with_annotations`.
std::string ArticleToJson(const core::Article& article, const std::string& source,
                          bool with_annotations);

// Markdown: per story its headline, outlets, brief sections and numbered citations resolved to
// outlet, title and the cited sentence's location.
std::string StoriesToMarkdown(const std::vector<store::StoryRecord>& stories,
                              const std::map<std::string, core::Article>& articles);

// A JSON array of stories with brief lines and citations resolved to article URL and outlet.
std::string StoriesToJson(const std::vector<store::StoryRecord>& stories,
                          const std::map<std::string, core::Article>& articles);

}  // namespace wirebrief::pipeline
