// JSON forms of the model used for the store's document columns. nlohmann::json, from Debian.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"

namespace wirebrief::store::detail {

nlohmann::json ArticleExtrasToJson(const core::Article& a);
void ArticleExtrasFromJson(const nlohmann::json& j, core::Article* a);
nlohmann::json BriefToJson(const core::Brief& b);
core::Brief BriefFromJson(const nlohmann::json& j);

}  // namespace wirebrief::store::detail
