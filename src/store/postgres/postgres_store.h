// The PostgreSQL backend of Store (see store/store.h for the contract), over Debian's libpq.
//
// Several processes may write one database at once. Articles and provenance are inserted with
// ON CONFLICT DO NOTHING against their unique keys, so the same document stored by two writers
// is stored once; articles are numbered in commit order (the stored order the story engine
// pages by). Incremental story updates lock the engine state row and are refused (kConflict)
// when another update committed since theirs was computed. Whole story sets (ReplaceStories) built
// from fewer articles than the stored set are dropped, so two concurrent rebuilds cannot leave the
// older one in place.
// Errors name the location with any password removed.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace wirebrief::store {

// Opens `conninfo` (a postgresql:// URI or libpq key=value string) and migrates the schema.
// The backend (and libpq with its TLS and Kerberos chain) is the module kPostgresModule, loaded
// on the first call (core/module.h), so a process that never opens PostgreSQL never loads it.
// Errors: the backend's, or kUnsupported naming the module and why it did not load.
core::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& conninfo);

inline constexpr char kPostgresModule[] = "wirebrief-postgres.so";
// The module's one export (postgres_module.cc): PostgresStore::Open into *out.
inline constexpr char kPostgresEntry[] = "wirebrief_open_postgres_store";
using OpenPostgresEntry = void (*)(const std::string& conninfo,
                                   core::Result<std::unique_ptr<Store>>* out);

// `conninfo` with the password (URI userinfo or password=...) replaced by "***".
std::string RedactConninfo(const std::string& conninfo);

}  // namespace wirebrief::store
