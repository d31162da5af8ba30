// core/module.h: the shared objects a command loads only when it needs them.
//
// libcurl, libpq and cpp-httplib each bring a chain of libraries (TLS, Kerberos, LDAP, ...)
// whose loading and relocation cost ~18 ms of every process start, and libsqlite3 another fifth
// of what was left, though many commands use none of them. The code that needs them is built
// as modules (wirebrief-fetch.so, wirebrief-sqlite.so, wirebrief-postgres.so,
// wirebrief-server.so) that the first use dlopen()s. A module carries
// its own copy of the stage code it uses and exports one entry function, so it works the same
// loaded into the binary, a test or a bench program. CLD2, uchardet and libstemmer (~4 ms of a
// start between them) are wrapped the same way, in modules of no stage code:
// wirebrief-cld2.so (extract's language), wirebrief-uchardet.so (ingest's charset detector) and
// wirebrief-stemmer.so (brief's stems).
//
// Where a module is looked for, first match wins:
//   1. $WIREBRIEF_MODULE_DIR, when set, and then nowhere else (a packager's or a test's
//      override);
//   2. the directory of the running executable (the build tree keeps the binary and the
//      modules side by side);
//   3. <executable dir>/../<libdir>/wirebrief (an install tree, wherever it was moved);
//   4. the build tree this build was made in, for programs inside it (test and bench
//      programs live in sub-folders). A binary copied elsewhere finds only the modules copied
//      with it: modules and binary must come from the same build.
//
// Errors: kNotFound with dlerror()'s words (which name the path) and the folders looked in; or
// dlerror() of a module found that would not load (a library it needs is missing) or lacks the
// entry.
// Thread safety: LoadModuleEntry may be called from any thread; each module is opened once
// and never closed.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace wirebrief::core {

// The address of `entry` (an extern "C" function) in module `file_name` ("wirebrief-fetch.so").
Result<void*> LoadModuleEntry(const std::string& file_name, const char* entry);

// The directories searched, in order (see above); for messages and tests.
std::vector<std::string> ModuleSearchPath();

// The interface a module's entry returns: `entry` is `const Api* entry()` and Api's first member
// is `int abi`, which must equal `abi` (a module from another build is refused, not misread).
// Errors: kUnsupported naming the module, with LoadModuleEntry's reason or the version found.
template <typename Api>
Result<const Api*> LoadModuleApi(const char* file_name, const char* entry, int abi) {
  Result<void*> sym = LoadModuleEntry(file_name, entry);
  if (!sym.ok()) return Status::Unsupported(file_name, sym.status().message());
  const Api* api = reinterpret_cast<const Api* (*)()>(sym.value())();
  if (!api || api->abi != abi)
    return Status::Unsupported(file_name, "built for another wirebrief (interface version " +
                                              std::to_string(api ? api->abi : 0) + ", want " +
                                              std::to_string(abi) + ")");
  return api;
}

}  // namespace wirebrief::core
