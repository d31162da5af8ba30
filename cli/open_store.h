// Opening the store for commands that only read it (`show`, `search`): a missing file is named
// with how to make one, instead of being created empty by a reader.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "cli/flags.h"
#include "store/store.h"

namespace wirebrief::cli {

// Null after printing why (the caller exits 2).
inline std::unique_ptr<store::Store> OpenExistingStore(const std::string& db) {
  std::error_code ec;
  if (db.find("://") == std::string::npos && !std::filesystem::exists(db, ec)) {
    PrintError(db + ": no such database (run 'wirebrief run --db " + db + " ...' first)");
    return nullptr;
  }
  auto opened = store::OpenStore(db);
  if (!opened.ok()) {
    PrintError(opened.status().ToString());
    return nullptr;
  }
  return std::move(opened).value();
}

}  // namespace wirebrief::cli
