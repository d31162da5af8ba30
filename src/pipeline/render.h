// Renderings of articles and stories shared by the CLI and the HTTP server: JSON (field names
// per ../shared/design/conventions.md) and Markdown. Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"
#include "store/store.h"

namespace wirebrief::pipeline {

// One JSON object on one line: url, title, authors, dates, site_name, host, section, language,
// captions, wire, text, field sources, headline_only (a feed item or record without its page); annotations (sentences, entities, figures, dates,
// quotes) when `with_annotations`; then each of `extra` as a string field (replacing a field of
// that name), so a caller adding its own keys need not parse and print the object again.
std::string ArticleToJson(const core::Article& article, const std::string& source,
                          bool with_annotations,
                          const std::vector<std::pair<std::string, std::string>>& extra = {});

// One JSON object on one line: "id" and the annotation fields ArticleToJson adds (sentences,
// entities, figures, dates, quotes, roles, countries; spans as char_start/char_end byte offsets
// into the text). What `read` prints.
std::string AnnotationsToJson(const std::string& id, const core::Annotations& annotations);

// What changed in a story's brief since a version a reader saw (`show STORY --since-version N`,
// GET /v1/stories/{id}?since_version=N): lines of `now` whose (section, label, text) `then` does
// not have are added; the reverse are removed. Citations do not make a line new.
struct BriefChanges {
  int from_version = 0;
  int to_version = 0;
  std::vector<core::BriefLine> added, removed;
};
BriefChanges DiffBriefs(const core::Brief& then, const core::Brief& now);

// What a rendering says besides the story itself, keyed by story id.
struct StoryExtras {
  std::string requested_id;            // the id asked for, when it was merged into this story
  std::optional<BriefChanges> changes;  // when a reader asked what changed since a version
};

// Markdown: per story its headline, outlets, brief sections and numbered citations resolved to
// outlet, title and the cited sentence's location.
std::string StoriesToMarkdown(const std::vector<store::StoryRecord>& stories,
                              const std::map<std::string, core::Article>& articles,
                              const std::map<std::string, StoryExtras>& extras = {});

// A JSON array of stories with brief lines and citations resolved to article URL and outlet.
std::string StoriesToJson(const std::vector<store::StoryRecord>& stories,
                          const std::map<std::string, core::Article>& articles,
                          const std::map<std::string, StoryExtras>& extras = {});

}  // namespace wirebrief::pipeline
