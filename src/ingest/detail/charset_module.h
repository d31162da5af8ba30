// uchardet, reached through the module wirebrief-uchardet.so (core/module.h).
//
// Linked into the binary, libuchardet cost ~1.3 ms of every process start, though only a page
// that no byte-order mark, label, <meta> or byte pattern decides needs it (charset.cc). The first
// such page loads it.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"

namespace wirebrief::ingest::detail {

inline constexpr int kCharsetModuleAbi = 1;  // raised when this struct changes
struct CharsetModuleApi {
  int abi = 0;
  // uchardet's guess for bytes[0, size) into *name ("" when it has none). Thread-safe (one
  // detector per thread inside the module).
  void (*detect)(const char* bytes, size_t size, std::string* name) = nullptr;
};
inline constexpr char kCharsetModule[] = "wirebrief-uchardet.so";
inline constexpr char kCharsetModuleEntry[] = "wirebrief_uchardet_module";

// The module's interface, loaded by the first call; later calls return the first answer.
// Errors: kUnsupported naming the module and the loader's reason. Thread-safe.
const core::Result<const CharsetModuleApi*>& CharsetModule();

}  // namespace wirebrief::ingest::detail
