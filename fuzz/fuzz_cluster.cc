// Feeds arbitrary bytes to the online clusterer as a stream of articles: each NUL-separated
// chunk is one article (title = first line, text = the rest, date from its first 10 bytes), so
// the tokenizer, the shingler, the LSH index and the window all see hostile input. Every other
// input runs as a label stream (refinement, fragment merging and linking, the member gate), its
// headlines through HeadlineDayOrder as in `wirebrief cluster` (a small buffer, so the early
// release runs too).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cluster/cluster.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  cluster::ClusterOptions o;
  if (size % 2) {
    o = cluster::LabelStreamOptions();
    o.refine_merge = 0.5;
    o.member_gate = 0.1;
  }
  o.max_open_stories = 16;
  o.window_days = (size % 3);
  cluster::OnlineClusterer c(o);
  const bool reorder = size % 2;
  cluster::HeadlineDayOrder order(25, /*max_buffered=*/8);
  std::vector<core::Article> ready;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t n = 0;
  while (!in.empty() && n < 64) {
    size_t end = in.find('\0');
    std::string_view chunk = in.substr(0, end);
    core::Article a;
    a.id = "f" + std::to_string(n++);
    a.date_published = std::string(chunk.substr(0, 25));
    size_t nl = chunk.find('\n');
    a.title = std::string(chunk.substr(0, nl));
    if (nl != std::string_view::npos) a.text = std::string(chunk.substr(nl + 1));
    a.url = a.title;
    if (n % 2) a.wire.push_back("W");
    if (reorder) {
      order.Push(std::move(a), &ready);
      for (const auto& r : ready) c.Add(r);
      ready.clear();
    } else {
      c.Add(a);
    }
    if (end == std::string_view::npos) break;
    in.remove_prefix(end + 1);
  }
  order.Flush(&ready);
  for (const auto& r : ready) c.Add(r);
  c.Finish();
  (void)c.TakeFinished();
  (void)c.TakeLabels();
  return 0;
}
