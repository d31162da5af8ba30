// `wirebrief db import` (store::ImportJsonl) into a fresh in-memory SQLite store: any bytes are
// bad lines at worst. A database error means bad input reached the store unchecked.
#include <cstdio>
#include <sstream>

#include "store/store.h"
#include "store/transfer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  auto store = store::OpenStore(":memory:");
  if (!store.ok()) __builtin_trap();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  store::TransferCounts counts;
  std::vector<core::Status> errors;
  core::Status s = store::ImportJsonl(store->get(), in, "fuzz", &counts, &errors);
  if (!s.ok() && s.code() != core::StatusCode::kUnsupported) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    __builtin_trap();
  }
  std::ostringstream out;  // what was stored exports again
  if (!store::ExportJsonl(store->get(), out, &counts).ok()) __builtin_trap();
  return 0;
}
