// The module wirebrief-uchardet.so: uchardet behind the entry of charset_module.h.
#include <uchardet/uchardet.h>

#include <memory>
#include <type_traits>

#include "ingest/detail/charset_module.h"

namespace {

struct UchardetFree {
  void operator()(uchardet_t u) const { uchardet_delete(u); }
};

void Detect(const char* bytes, size_t size, std::string* name) {
  // A detector is not thread-safe and costly to make: one per thread, reset per call.
  thread_local std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetFree> ud(uchardet_new());
  name->clear();
  uchardet_reset(ud.get());
  if (uchardet_handle_data(ud.get(), bytes, size) != 0) return;
  uchardet_data_end(ud.get());
  if (const char* cs = uchardet_get_charset(ud.get())) *name = cs;
}

}  // namespace

extern "C" const wirebrief::ingest::detail::CharsetModuleApi* wirebrief_uchardet_module() {
  static const wirebrief::ingest::detail::CharsetModuleApi api{
      wirebrief::ingest::detail::kCharsetModuleAbi, &Detect};
  return &api;
}
