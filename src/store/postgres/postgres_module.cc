// The entry of wirebrief-postgres.so: the only symbol the module exports (cmake/module.map).
#include "store/postgres/postgres_backend.h"
#include "store/postgres/postgres_store.h"

extern "C" void wirebrief_open_postgres_store(
    const std::string& conninfo,
    wirebrief::core::Result<std::unique_ptr<wirebrief::store::Store>>* out) {
  *out = wirebrief::store::PostgresStore::Open(conninfo);
}
