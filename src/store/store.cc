#include "store/store.h"

#include "store/sqlite/sqlite_store.h"

namespace wirebrief::store {

core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
    return core::Status::Unsupported(location, "this build has no PostgreSQL backend yet; use a SQLite file path");
  if (location.empty()) return core::Status::InvalidArgument("--db", "empty database location");
  return SqliteStore::Open(location);
}

}  // namespace wirebrief::store
