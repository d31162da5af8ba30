// JSON forms of the model used for the store's document columns. nlohmann::json, from Debian.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "store/store.h"

namespace wirebrief::store::detail {

nlohmann::json ArticleExtrasToJson(const core::Article& a);
void ArticleExtrasFromJson(const nlohmann::json& j, core::Article* a);
nlohmann::json BriefToJson(const core::Brief& b);
core::Brief BriefFromJson(const nlohmann::json& j);
// An alert event's payload column: headline, new lines, new outlets, independent outlets.
// Throws nlohmann's exceptions on a damaged payload; callers report the event.
nlohmann::json AlertPayloadToJson(const AlertEvent& e);
void AlertPayloadFromJson(const nlohmann::json& j, AlertEvent* e);

// An integer read from JSON, within [lo, hi]. nlohmann's own get<int>() casts a float such as
// 1e300 straight to the integer type, which is undefined behaviour (found by fuzz_store_import);
// a value out of range or not a number throws json::type_error, which every caller reports as
// a bad record. The member form returns `def` when the member is absent or null.
int64_t CheckedInt(const nlohmann::json& v, int64_t lo, int64_t hi);
int64_t CheckedInt(const nlohmann::json& j, const char* key, int64_t def, int64_t lo, int64_t hi);

}  // namespace wirebrief::store::detail
