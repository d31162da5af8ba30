// Cursor encoding shared by the backends: cursors are opaque to clients, and hex keeps them
// URL-safe without escaping rules.
#pragma once

#include <string>

namespace wirebrief::store::detail {

std::string ToHex(const std::string& s);
// False for odd length, a non-hex digit or more than 2048 hex digits.
bool FromHex(const std::string& hex, std::string* out);

}  // namespace wirebrief::store::detail
