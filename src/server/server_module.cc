// The entry of wirebrief-server.so: the only symbol the module exports (cmake/module.map).
#include "server/server.h"

extern "C" void wirebrief_create_server(
    const wirebrief::server::ServerOptions& options,
    wirebrief::core::Result<std::unique_ptr<wirebrief::server::Server>>* out) {
  *out = wirebrief::server::Server::Create(options);
}
