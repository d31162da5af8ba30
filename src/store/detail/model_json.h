// The store's JSON columns. The model's stored forms are render's (render/stored_json.h, the
// one encoder of them); the names are brought in here so the backends read as before. What is
// the store's own, an alert event's payload, is defined here.
#pragma once

#include <nlohmann/json.hpp>

#include "render/stored_json.h"
#include "store/store.h"

namespace wirebrief::store::detail {

using render::ArticleExtrasFromJson;
using render::ArticleExtrasToJson;
using render::BriefFromJson;
using render::BriefToJson;
using render::CheckedInt;

// An alert event's payload column: headline, new lines, new outlets, independent outlets.
// Throws nlohmann's exceptions on a damaged payload; callers report the event.
nlohmann::json AlertPayloadToJson(const AlertEvent& e);
void AlertPayloadFromJson(const nlohmann::json& j, AlertEvent* e);

}  // namespace wirebrief::store::detail
