// The API's own renderings: what only the server shows of a store's results (search hits).
// The model's JSON (stories, briefs, articles) and the feeds are render's (src/render/), so the
// API and the CLI print one schema. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "render/json_writer.h"
#include "store/store.h"

namespace wirebrief::server::detail {

using json = nlohmann::json;

// A search hit; the snippet as segments [{"text", "hit"}] so clients never parse markup.
void WriteSearchHit(const store::ArticleHit& hit, render::JsonWriter* w);

// Dump with invalid UTF-8 replaced (article text is data; a bad byte must not fail a request).
std::string Dump(const json& j);

}  // namespace wirebrief::server::detail
