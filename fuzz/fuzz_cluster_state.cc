// The story engine's state as read back from a store a user may have damaged
// (cluster/snapshot.h): arbitrary bytes to ParseSnapshot, and whatever parses is restored into
// a clusterer, fed two articles, snapshotted again and must serialize to bytes that parse.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cluster/cluster.h"
#include "cluster/snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  cluster::SnapshotLimits limits;
  limits.max_documents = 4096;
  auto parsed = cluster::ParseSnapshot(in, limits);
  if (!parsed.ok()) return 0;
  cluster::ClusterOptions o = cluster::LabelStreamOptions();
  o.window_days = 2;
  std::string text = "Harlow water board opens the Vessel Creek dam as the reservoir rises to a record";
  cluster::OnlineClusterer c(o, parsed.value(), [&](const std::string&) { return std::string_view(text); });
  core::Article a;
  a.id = "fuzz-a";
  a.title = "Vessel Creek dam";
  a.text = text;
  a.date_published = "2026-11-09";
  c.Add(a);
  a.id = "fuzz-b";
  a.date_published = "2026-11-20";
  c.Add(a);
  std::string again = cluster::SerializeSnapshot(c.Snapshot());
  if (!cluster::ParseSnapshot(again).ok()) std::abort();
  c.Finish();
  c.TakeLabels();
  return 0;
}
