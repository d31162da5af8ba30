#include "core/module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <mutex>

namespace wirebrief::core {
namespace {

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string path(buf, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

}  // namespace

std::vector<std::string> ModuleSearchPath() {
  std::vector<std::string> dirs;
  auto add = [&](std::string d) {
    if (d.empty()) return;
    for (const auto& seen : dirs)
      if (seen == d) return;
    dirs.push_back(std::move(d));
  };
  // Set, it is the only place: a packager's layout, or a test proving a missing module's error.
  if (const char* env = std::getenv("WIREBRIEF_MODULE_DIR"); env && *env) {
    add(env);
    return dirs;
  }
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    add(exe);
#ifdef WB_MODULE_INSTALL_RELDIR
    add(exe + "/../" WB_MODULE_INSTALL_RELDIR);
#endif
  }
#ifdef WB_MODULE_BUILD_DIR
  // Only for a program inside the build tree (tests, benches): a binary copied elsewhere must
  // not pick up modules rebuilt since from another commit (a Store's layout may differ); it
  // says they are missing, and they are copied along with it.
  const std::string build_dir = WB_MODULE_BUILD_DIR;
  if (exe == build_dir || exe.rfind(build_dir + "/", 0) == 0) add(build_dir);
#endif
  return dirs;
}

Result<void*> LoadModuleEntry(const std::string& file_name, const char* entry) {
  static std::mutex mu;
  static std::map<std::string, void*>* handles = new std::map<std::string, void*>();
  std::lock_guard<std::mutex> lock(mu);
  void* handle = nullptr;
  std::string tried;
  if (auto it = handles->find(file_name); it != handles->end()) {
    handle = it->second;
  } else {
    std::vector<std::string> dirs = ModuleSearchPath();
    for (const std::string& dir : dirs) {
      std::string path = dir + "/" + file_name;
      tried += (tried.empty() ? "" : ", ") + dir;
      if (access(path.c_str(), F_OK) != 0) continue;
      // RTLD_LOCAL: the module's copies of stage code stay its own and never interpose on the
      // binary's (its version script exports the entry function only anyway).
      dlerror();
      handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle) break;
      const char* e = dlerror();  // names the path, or the library the module could not find
      return Status::NotFound(file_name, e ? e : "dlopen failed on " + path);
    }
    if (!handle) {
      // The loader's own words for the first place looked.
      std::string first = (dirs.empty() ? std::string(".") : dirs.front()) + "/" + file_name;
      dlerror();
      if (void* h = dlopen(first.c_str(), RTLD_NOW | RTLD_LOCAL)) dlclose(h);
      const char* e = dlerror();
      return Status::NotFound(file_name, std::string(e ? e : first + ": not found") +
                                             " (looked in " + tried +
                                             "; WIREBRIEF_MODULE_DIR names another folder)");
    }
    (*handles)[file_name] = handle;
  }
  dlerror();
  void* sym = dlsym(handle, entry);
  if (!sym) {
    const char* e = dlerror();
    return Status::NotFound(
        file_name, std::string("module has no entry ") + entry + ": " + (e ? e : "dlsym failed"));
  }
  return sym;
}

}  // namespace wirebrief::core
