#include "ingest/detail/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<wirebrief::ingest::Reference> refs;
  wirebrief::ingest::detail::ReadFeed("fuzz.xml", bytes, [](wirebrief::core::Result<wirebrief::core::RawDocument>) {},
                                      &refs);
  wirebrief::ingest::detail::ReadSitemap("fuzz.xml", bytes, &refs);
  wirebrief::ingest::detail::ReadJsonLines("fuzz.jsonl", bytes, wirebrief::core::Limits{},
                                           [](wirebrief::core::Result<wirebrief::core::RawDocument>) {});
  return 0;
}
