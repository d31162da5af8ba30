// Stories as Markdown: what `show` prints by default. Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "render/story_json.h"

namespace wirebrief::render {

// Per story its headline, outlets, brief sections and numbered citations resolved to outlet,
// title and the cited sentence's location; extras (keyed by story id) add the merged-from note
// and the changes since a version. A brief with languages_not_read says so under the story's
// counts ("Figures, dates and names are not read in de: ...").
std::string StoriesToMarkdown(const std::vector<StoryView>& stories,
                              const std::map<std::string, core::Article>& articles,
                              const std::map<std::string, StoryExtras>& extras = {});

}  // namespace wirebrief::render
