// The clustering kit's formats (kits/cluster_kit.h).
#include "kits/cluster_kit.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace wirebrief::kits {
namespace {

using json = nlohmann::json;

std::string Field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

}  // namespace

core::Result<core::Article> ParseClusterDocLine(std::string_view line) {
  if (line.size() > kMaxClusterLineBytes)
    return core::Status::InvalidArgument("", "longer than 16 MiB; skipped");
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return core::Status::InvalidArgument("", "not a JSON object");
  core::Article a;
  a.id = Field(j, "id");
  if (a.id.empty()) return core::Status::InvalidArgument("", "no \"id\"");
  a.date_published = Field(j, "date");
  a.title = Field(j, "title");
  a.text = Field(j, "text");
  a.site_name = Field(j, "source");
  a.host = Field(j, "host");
  a.url = Field(j, "url");
  if (auto w = j.find("wire"); w != j.end()) {
    if (w->is_string()) a.wire.push_back(w->get<std::string>());
    if (w->is_array())
      for (const auto& x : *w)
        if (x.is_string()) a.wire.push_back(x.get<std::string>());
  }
  return a;
}

std::string ClusterLabelLine(const std::string& article_id, uint64_t story) {
  // What json{{"id", ...}, {"cluster", ...}}.dump() prints (keys sorted), without building an
  // object per label.
  std::string out = "{\"cluster\":" + std::to_string(story) + ",\"id\":";
  out += json(article_id).dump(-1, ' ', false, json::error_handler_t::replace);
  out += "}";
  return out;
}

std::string ClusterPlacementLine(const std::string& article_id, const cluster::Placement& p,
                                 bool explain) {
  json o = {{"id", article_id}, {"cluster", p.story}};
  if (explain && !p.opened) {
    o["reason"] = p.why.reason;
    o["score"] = std::round(p.why.score * 1000) / 1000;
    if (!p.why.copy_of.empty()) o["copy_of"] = p.why.copy_of;
    o["shared_terms"] = p.why.shared_terms;
    o["shared_entities"] = p.why.shared_entities;
  }
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace wirebrief::kits
