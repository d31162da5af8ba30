#include "extract/extract.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wirebrief::core::RawDocument doc;
  doc.content = wirebrief::ingest::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size), "utf-8",
                                                nullptr);
  wirebrief::extract::ExtractArticle(doc, wirebrief::extract::ExtractOptions{});
  return 0;
}
