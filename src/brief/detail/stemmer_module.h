// The Snowball stemmer, reached through the module wirebrief-stemmer.so (core/module.h).
//
// Linked into the binary, libstemmer cost ~1.1 ms of every process start, though only brief
// writing stems words. The module hands out libstemmer's own C functions, so a stem costs one
// indirect call more than a linked one; the first Stem loads it.
#pragma once

#include <libstemmer.h>

#include "core/status.h"

namespace wirebrief::brief::detail {

inline constexpr int kStemmerModuleAbi = 1;  // raised when this struct changes
struct StemmerModuleApi {
  int abi = 0;
  // libstemmer's sb_stemmer_new, _delete, _stem and _length (libstemmer.h has their contracts).
  sb_stemmer* (*new_stemmer)(const char* algorithm, const char* charenc) = nullptr;
  void (*delete_stemmer)(sb_stemmer* stemmer) = nullptr;
  const sb_symbol* (*stem)(sb_stemmer* stemmer, const sb_symbol* word, int size) = nullptr;
  int (*length)(sb_stemmer* stemmer) = nullptr;
};
inline constexpr char kStemmerModule[] = "wirebrief-stemmer.so";
inline constexpr char kStemmerModuleEntry[] = "wirebrief_stemmer_module";

// The module's interface, loaded by the first call; later calls return the first answer.
// Errors: kUnsupported naming the module and the loader's reason. Thread-safe.
const core::Result<const StemmerModuleApi*>& StemmerModule();

}  // namespace wirebrief::brief::detail
