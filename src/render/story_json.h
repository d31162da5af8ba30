// The JSON of stories and briefs. Pure functions; thread-safe.
//
// Stories come in as StoryView: the story, its brief and its copy families by reference, so
// render depends on core alone and the store (which persists through render/stored_json.h)
// can sit above it; a caller holding a store::StoryRecord passes {r.story, r.brief,
// r.copy_families}. The referenced objects must outlive the call.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "render/json_writer.h"

namespace wirebrief::render {

struct StoryView {
  const core::Story& story;
  const core::Brief& brief;
  const std::vector<std::vector<std::string>>& copy_families;  // article ids, original first
};

// What changed in a story's brief since a version a reader saw (`show STORY --since-version N`,
// GET /v1/stories/{id}?since_version=N): lines of `now` whose (section, label, text) `then` does
// not have are added; the reverse are removed. Citations do not make a line new.
struct BriefChanges {
  int from_version = 0;
  int to_version = 0;
  std::vector<core::BriefLine> added, removed;
};
BriefChanges DiffBriefs(const core::Brief& then, const core::Brief& now);

// What a rendering says besides the story itself.
struct StoryExtras {
  std::string requested_id;             // the id asked for, when it was merged into this story
  std::optional<BriefChanges> changes;  // when a reader asked what changed since a version
};

// One line of the story list: headline, counts, outlets, time span.
void WriteStorySummary(const core::Story& story, JsonWriter* w);

// The version of the story schema (docs/story-schema.md), written as "schema_version" in every
// story object. 2: the one schema of `show` and GET /v1/stories/{id} (issue 22).
inline constexpr int kStorySchemaVersion = 2;

// A story with its brief, as one compact JSON object (docs/story-schema.md): what GET
// /v1/stories/{id} answers and what `show` prints per story. Every citation resolved against
// `articles` (members that are missing still appear, with "missing": true, so a broken
// reference shows instead of vanishing). With `extras`: "merged_from" (the id asked for,
// merged into this story) and "changes" (brief lines added and removed since a version).
std::string StoryJson(const StoryView& story, const std::map<std::string, core::Article>& articles,
                      const StoryExtras& extras = {});

// `show --output-format json`: a JSON array of StoryJson objects, indented by 2; `extras` keyed
// by story id.
std::string StoriesToJson(const std::vector<StoryView>& stories,
                          const std::map<std::string, core::Article>& articles,
                          const std::map<std::string, StoryExtras>& extras = {});

// `show --output-format jsonl`: StoryJson's bytes, one story per line.
std::string StoriesToJsonLines(const std::vector<StoryView>& stories,
                               const std::map<std::string, core::Article>& articles,
                               const std::map<std::string, StoryExtras>& extras = {});

// The text of `span` in `text`, clamped to the text (stored spans are data, not promises).
std::string SpanText(const std::string& text, core::CharSpan span);

}  // namespace wirebrief::render
