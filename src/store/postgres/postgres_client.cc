// The binary's side of the PostgreSQL backend: what needs no libpq. The backend itself is the
// module wirebrief-postgres.so (postgres_module.cc), loaded by the first OpenPostgresStore.
#include <algorithm>

#include "core/module.h"
#include "store/postgres/postgres_store.h"

namespace wirebrief::store {

core::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& conninfo) {
  core::Result<void*> entry = core::LoadModuleEntry(kPostgresModule, kPostgresEntry);
  if (!entry.ok())
    return core::Status::Unsupported(
        RedactConninfo(conninfo), "PostgreSQL backend unavailable: " + entry.status().ToString());
  core::Result<std::unique_ptr<Store>> out = core::Status::Internal(kPostgresModule, "no answer");
  reinterpret_cast<OpenPostgresEntry>(entry.value())(conninfo, &out);
  return out;
}

std::string RedactConninfo(const std::string& conninfo) {
  std::string out = conninfo;
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t at = out.find('@', start);
    size_t slash = out.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (const char* key : {"password=", "password ="}) {
    size_t p = out.find(key);
    if (p == std::string::npos) continue;
    size_t v = p + std::string(key).size();
    while (v < out.size() && out[v] == ' ') ++v;
    size_t end = v;
    if (end < out.size() && out[end] == '\'') {
      ++end;
      while (end < out.size() && out[end] != '\'') end += out[end] == '\\' ? 2 : 1;
      end = std::min(out.size(), end + 1);
    } else {
      while (end < out.size() && out[end] != ' ' && out[end] != '&') ++end;
    }
    out.replace(v, end - v, "***");
  }
  return out;
}

}  // namespace wirebrief::store
