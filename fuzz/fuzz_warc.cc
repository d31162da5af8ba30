// WARC reader over every framing (plain, gzip members, whole-file gzip, zstd frames with or
// without a dictionary frame): the decoder is picked from the input's magic bytes, as ingest does.
#include "ingest/detail/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wirebrief::core::Limits limits;
  limits.max_document_bytes = 1 << 20;
  wirebrief::ingest::detail::ReadWarc(
      "fuzz.warc", std::string_view(reinterpret_cast<const char*>(data), size), limits,
      [](wirebrief::core::Result<wirebrief::core::RawDocument>) {});
  return 0;
}
