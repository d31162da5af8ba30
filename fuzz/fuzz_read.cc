#include "ingest/ingest.h"
#include "nlp/read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wirebrief::core::Article a;
  a.text = wirebrief::ingest::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size), "utf-8",
                                           nullptr);
  a.date_published = "2026-11-05";
  wirebrief::nlp::ReadArticle(a);
  return 0;
}
