// JSON and feed renderings of store records for the HTTP API. Pure functions; thread-safe.
// Field names follow ../shared/design/conventions.md (snake_case, char_start/char_end spans).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/model.h"
#include "pipeline/render.h"
#include "server/detail/json_writer.h"
#include "store/store.h"

namespace wirebrief::server::detail {

using json = nlohmann::json;

// One line of the story list: headline, counts, outlets, time span.
void WriteStorySummary(const core::Story& story, JsonWriter* w);
// A story with its brief; every citation resolved against `articles` (members that are missing
// still appear, with "missing": true, so a broken reference shows instead of vanishing). With
// `extras`: "merged_from" (the id asked for, merged into this story) and "changes" (brief lines
// added and removed since a version).
std::string StoryJson(const store::StoryRecord& record,
                      const std::map<std::string, core::Article>& articles,
                      const pipeline::StoryExtras& extras = {});
json ArticleJson(const core::Article& article, const std::vector<core::Provenance>& provenance);
// A search hit; the snippet as segments [{"text", "hit"}] so clients never parse markup.
void WriteSearchHit(const store::ArticleHit& hit, JsonWriter* w);

// The text of `span` in `text`, clamped to the text (stored spans are data, not promises).
std::string SpanText(const std::string& text, core::CharSpan span);

struct FeedItem {
  std::string id;  // stable id (story or article id)
  std::string title;
  std::string link;     // absolute URL of the item's page
  std::string updated;  // ISO date
  std::string summary;  // plain text
};

struct FeedInfo {
  std::string title;
  std::string self;  // absolute URL of the feed itself
  std::string home;  // absolute URL of the web page
};

// Text for XML content and attribute values: markup characters escaped, control characters
// XML 1.0 forbids dropped, and bytes that are not well-formed UTF-8 replaced by U+FFFD.
std::string XmlEscape(const std::string& s);
// A stored date as RFC 3339 with a time (a bare day is midnight UTC; empty is the epoch).
std::string Rfc3339(const std::string& date);

std::string AtomFeed(const FeedInfo& info, const std::vector<FeedItem>& items);
std::string JsonFeed(const FeedInfo& info, const std::vector<FeedItem>& items);

// Dump with invalid UTF-8 replaced (article text is data; a bad byte must not fail a request).
std::string Dump(const json& j);

}  // namespace wirebrief::server::detail
