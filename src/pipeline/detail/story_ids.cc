#include "pipeline/detail/story_ids.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/hash.h"

namespace wirebrief::pipeline::detail {

core::Result<StoredIds> StoredIdsOfGroups(
    const std::vector<cluster::FinalLabel>& labels,
    const std::unordered_map<std::string, std::string>& before,
    const std::function<core::Result<bool>(const std::string&)>& known) {
  std::map<std::string, std::map<std::string, size_t>> overlap;  // stored -> group -> articles
  std::set<std::string> groups;
  for (const auto& l : labels) {
    groups.insert(l.story_id);
    if (auto it = before.find(l.article_id); it != before.end()) ++overlap[it->second][l.story_id];
  }
  // (articles brought, not the stored story's own id, stored id, group), best claims first.
  std::vector<std::tuple<size_t, bool, std::string, std::string>> claims;
  for (const auto& [stored, by_group] : overlap) {
    size_t most = 0;
    for (const auto& [group, n] : by_group) most = std::max(most, n);
    for (const auto& [group, n] : by_group)
      if (n == most) claims.push_back({most, group != stored, stored, group});
  }
  std::sort(claims.begin(), claims.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    return std::tie(std::get<1>(x), std::get<2>(x), std::get<3>(x)) <
           std::tie(std::get<1>(y), std::get<2>(y), std::get<3>(y));
  });
  StoredIds out;
  std::set<std::string> placed;
  std::map<std::string, std::string> first_choice;  // stored -> its best group in claim order
  for (const auto& [n, other, stored, group] : claims) {
    first_choice.try_emplace(stored, group);
    if (placed.count(stored) || out.id_of.count(group)) continue;
    out.id_of[group] = stored;
    placed.insert(stored);
  }
  std::set<std::string> used(placed);
  for (const std::string& group : groups) {
    if (out.id_of.count(group)) continue;
    std::string id = group;
    for (int n = 1;; ++n) {
      if (!used.count(id) && !overlap.count(id)) {
        core::Result<bool> taken = known(id);
        if (!taken.ok()) return taken.status();
        if (!*taken) break;
      }
      // Ends: each candidate is a fresh 60-bit digest, and the store holds finitely many.
      id = "s" + core::HashHex128("story:" + group + "#" + std::to_string(n)).substr(0, 15);
    }
    out.id_of[group] = id;
    used.insert(id);
  }
  for (const auto& [stored, group] : first_choice)
    if (!placed.count(stored)) out.survivor_of[stored] = out.id_of.at(group);
  return out;
}

}  // namespace wirebrief::pipeline::detail
