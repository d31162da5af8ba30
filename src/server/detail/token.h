// API tokens: random, shown once, stored as a SHA-256 digest (OpenSSL's libcrypto, which
// cpp-httplib links anyway). Thread-safe.
#pragma once

#include <string>

#include "core/status.h"

namespace wirebrief::server::detail {

// "wb_" + 64 hex digits from the OS's CSPRNG.
core::Result<std::string> NewToken();
std::string TokenDigest(const std::string& token);  // lowercase hex SHA-256
// Constant-time comparison of two digests.
bool DigestsEqual(const std::string& a, const std::string& b);

}  // namespace wirebrief::server::detail
