#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  wirebrief::ingest::DetectInputKind(bytes);
  std::string charset;
  wirebrief::ingest::DecodeToUtf8(bytes, size > 0 && data[0] & 1 ? "iso-8859-2" : "", &charset);
  return 0;
}
