// The program's side of the server: loads the module that holds it (server.h, LoadServer).
#include "core/module.h"
#include "server/server.h"

namespace wirebrief::server {

core::Result<std::unique_ptr<Server>> LoadServer(const ServerOptions& options) {
  core::Result<void*> entry = core::LoadModuleEntry(kServerModule, kServerEntry);
  if (!entry.ok())
    return core::Status::Unsupported("serve",
                                     "HTTP server unavailable: " + entry.status().ToString());
  core::Result<std::unique_ptr<Server>> out = core::Status::Internal(kServerModule, "no answer");
  reinterpret_cast<CreateServerEntry>(entry.value())(options, &out);
  return out;
}

}  // namespace wirebrief::server
