// The entry of wirebrief-sqlite.so: the only symbol the module exports (cmake/module.map).
#include "store/sqlite/sqlite_store.h"

extern "C" void wirebrief_open_sqlite_store(
    const std::string& path,
    wirebrief::core::Result<std::unique_ptr<wirebrief::store::Store>>* out) {
  *out = wirebrief::store::SqliteStore::Open(path);
}
