// The web page (web/index.html, app.js, style.css), compiled into the binary by
// cmake/EmbedWebAssets.cmake so the server never maps a URL onto the filesystem.
#pragma once

#include <cstddef>
#include <string_view>

namespace wirebrief::server::detail {

struct WebAsset {
  std::string_view path;          // "/index.html"
  std::string_view content_type;  // without parameters; the body is always UTF-8
  std::string_view body;
};

// nullptr for any path that is not one of the page's files.
const WebAsset* FindWebAsset(std::string_view path);

}  // namespace wirebrief::server::detail
