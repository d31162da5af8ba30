// The clustering kit's formats (kits/README.md), as `wirebrief cluster` reads and writes them:
// document lines {"id", "date", "title", "text", "source"[, "host", "url", "wire"]} in, label
// lines {"cluster", "id"} out (with --explain, why each document joined its story).
// Thread safety: reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cluster/cluster.h"
#include "core/model.h"
#include "core/status.h"

namespace wirebrief::kits {

inline constexpr size_t kMaxClusterLineBytes = 16 << 20;

// One document line as the article the clusterer takes ("source" is its site name, "wire" a
// string or a list of agency credits; a number is read as its JSON text). Errors:
// kInvalidArgument "longer than 16 MiB; skipped" (over kMaxClusterLineBytes), "not a JSON
// object", "no \"id\"".
core::Result<core::Article> ParseClusterDocLine(std::string_view line);

// {"cluster":<story>,"id":<article_id>}, keys in the order nlohmann::json sorts them; no newline.
std::string ClusterLabelLine(const std::string& article_id, uint64_t story);

// The label of a placement as it happens; with `explain`, and when the document joined a story
// rather than opening one, also "reason", "score" (3 decimals), "copy_of" (when a copy),
// "shared_terms" and "shared_entities". No newline.
std::string ClusterPlacementLine(const std::string& article_id, const cluster::Placement& placement,
                                 bool explain);

}  // namespace wirebrief::kits
