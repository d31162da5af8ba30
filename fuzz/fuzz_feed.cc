// RSS/Atom feeds and the JSON-lines reader.
#include "ingest/detail/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<ingest::Reference> refs;
  auto ignore = [](core::Result<core::RawDocument>) {};
  ingest::detail::ReadFeed("fuzz.xml", bytes, "https://feeds.test/dir/feed.xml", ignore, &refs);
  auto jsonl = ingest::detail::OpenJsonLinesReader(
      "fuzz.jsonl",
      ingest::detail::MakeDecoder(ingest::detail::ByteInput::FromMemory(std::string(bytes)),
                                  ingest::detail::DetectCompression(bytes)),
      core::Limits{});
  while (jsonl->Next()) {
  }
  return 0;
}
