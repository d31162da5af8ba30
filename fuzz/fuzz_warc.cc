// WARC reader over every framing (plain, gzip members, whole-file gzip, zstd frames with or
// without a dictionary frame): the decoder is picked from the input's magic bytes, as ingest does.
#include <cstdlib>

#include "ingest/detail/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wirebrief::core::Limits limits;
  limits.max_document_bytes = 1 << 20;
  std::vector<wirebrief::ingest::Reference> redirects;
  wirebrief::ingest::detail::ReadWarc(
      "fuzz.warc", std::string_view(reinterpret_cast<const char*>(data), size), limits,
      [](wirebrief::core::Result<wirebrief::core::RawDocument>) {}, &redirects);
  // A redirect is listed once per record at most, and always names its record's target.
  for (const auto& r : redirects)
    if (r.kind != "redirect" || !r.hints.count("status")) std::abort();
  return 0;
}
