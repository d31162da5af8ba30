// CLD2, reached through the module wirebrief-cld2.so (core/module.h).
//
// Linked into the binary, libcld2 cost ~1.7 ms of every process start (the relocations of its
// tables), `--version` and `show` included, though only extraction identifies languages. CLD2's
// API is C++, so the module wraps it in one C-typed function behind an extern "C" entry (a
// dlsym of CLD2's own mangled names would tie us to its ABI); the first extraction loads it.
#pragma once

#include "core/status.h"

namespace wirebrief::extract::detail {

// CLD2's ExtDetectLanguageSummaryCheckUTF8 on plain text, in C types.
struct Cld2Verdict {
  const char* code = "";  // CLD2's code of the top language (static storage); "un" when unknown
  int percent = 0;        // share of the text in the top language, 0..100
  int text_bytes = 0;     // bytes CLD2 scored
  bool reliable = false;
};

inline constexpr int kLanguageModuleAbi = 1;  // raised when this struct changes
struct LanguageModuleApi {
  int abi = 0;
  // text[0, length) is UTF-8 plain text; `hint` a language code, or nullptr. Thread-safe.
  void (*detect)(const char* text, int length, const char* hint, Cld2Verdict* out) = nullptr;
};
inline constexpr char kLanguageModule[] = "wirebrief-cld2.so";
inline constexpr char kLanguageModuleEntry[] = "wirebrief_cld2_module";

// The module's interface, loaded by the first call; later calls return the first answer.
// Errors: kUnsupported naming the module and the loader's reason. Thread-safe.
const core::Result<const LanguageModuleApi*>& LanguageModule();

}  // namespace wirebrief::extract::detail
