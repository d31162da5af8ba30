// The stored JSON forms of the model: the store's document columns (an article's extras, a
// brief) and the model objects of a `db export` line (an article's provenance, a story).
// These shapes are persisted: old databases and export files must keep loading, so a change
// here is a schema migration, not a rendering tweak. nlohmann::json, from Debian.
//
// Pure functions; thread-safe. The *FromJson readers throw nlohmann's json::exception on a
// value of the wrong type (callers turn it into a bad-record Status); a missing member takes
// its model default.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/model.h"

namespace wirebrief::render {

// Compact text of `j`; bytes that are not UTF-8 become U+FFFD (article text is data: a bad byte
// must not fail a write or a response).
std::string DumpJson(const nlohmann::json& j, int indent = -1);

// Everything of an article besides its row columns: authors, description, wire, field sources
// and confidences, tags, image, license, is_free, truncated, headline_only (only when set),
// captions, and the annotations with spans as [begin, end] ("language_not_read" when set).
nlohmann::json ArticleExtrasToJson(const core::Article& article);
void ArticleExtrasFromJson(const nlohmann::json& j, core::Article* article);

// A brief: story_id, headline, version, article_count, lines (section, text, label when set,
// conflict and compressed when true, citations as article_id/char_start/char_end) and
// "attachments" (why each article joined the story) when there are any, and
// "languages_not_read" when a member's language was not read.
nlohmann::json BriefToJson(const core::Brief& brief);
core::Brief BriefFromJson(const nlohmann::json& j);

// One provenance record: source, container, offset, length, record_id, crawl_date, http_status.
nlohmann::json ProvenanceToJson(const core::Provenance& provenance);
core::Provenance ProvenanceFromJson(const nlohmann::json& j);

// A story's own fields (id, title, article_ids, outlets, independent_outlets, first_published,
// last_published); its brief and copy families travel beside it.
nlohmann::json StoryToJson(const core::Story& story);
core::Story StoryFromJson(const nlohmann::json& j);

// An integer read from JSON, within [lo, hi]. nlohmann's own get<int>() casts a float such as
// 1e300 straight to the integer type, which is undefined behaviour (found by fuzz_store_import);
// a value out of range or not a number throws json::type_error, which every caller reports as
// a bad record. The member form returns `def` when the member is absent or null.
int64_t CheckedInt(const nlohmann::json& v, int64_t lo, int64_t hi);
int64_t CheckedInt(const nlohmann::json& j, const char* key, int64_t def, int64_t lo, int64_t hi);

}  // namespace wirebrief::render
