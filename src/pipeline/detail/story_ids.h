// The stored id each story of the clusterer's labels lives under (UpdateStories): stored
// stories follow their former articles through the refinement's moves.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster.h"
#include "core/status.h"

namespace wirebrief::pipeline::detail {

// Which stored id each group of labels (articles the clusterer put in one story, keyed by its
// id) lives under. The clusterer's ids are minted when its stories open and never move, while
// the refinement moves articles between stories; so a stored story follows its former articles:
// it claims the group holding most of them (any of the groups tied for most), claims bringing
// more articles first, and its own id's group first among ties. A stored story whose groups all
// went to stronger claims is merged into the first of them (`survivor_of`). A group nobody
// claimed is a new story: under the clusterer's id unless a stored story or merged id already
// has it (the smaller part of a split), else under an id minted from it. `before` maps labelled
// articles to their stored story; `known` says whether an id was ever a story's
// (Store::ResolveStoryId). Deterministic: the result does not depend on hash-map order.
struct StoredIds {
  std::unordered_map<std::string, std::string> id_of;        // label group -> stored id
  std::unordered_map<std::string, std::string> survivor_of;  // unplaced stored id -> survivor
};

core::Result<StoredIds> StoredIdsOfGroups(
    const std::vector<cluster::FinalLabel>& labels,
    const std::unordered_map<std::string, std::string>& before,
    const std::function<core::Result<bool>(const std::string&)>& known);

}  // namespace wirebrief::pipeline::detail
