#include "store/detail/model_json.h"

namespace wirebrief::store::detail {

nlohmann::json AlertPayloadToJson(const AlertEvent& e) {
  core::Brief lines;
  lines.lines = e.lines;
  return {{"headline", e.headline},
          {"lines", BriefToJson(lines)["lines"]},
          {"new_outlets", e.new_outlets},
          {"independent_outlets", e.independent_outlets}};
}

void AlertPayloadFromJson(const nlohmann::json& j, AlertEvent* e) {
  e->headline = j.value("headline", "");
  e->lines =
      BriefFromJson(nlohmann::json{{"lines", j.value("lines", nlohmann::json::array())}}).lines;
  e->new_outlets = j.value("new_outlets", std::vector<std::string>{});
  e->independent_outlets = static_cast<int>(CheckedInt(j, "independent_outlets", 0, 0, 1 << 30));
}

}  // namespace wirebrief::store::detail
