// SHA-256, HMAC-SHA256 (FIPS 180-4, RFC 2104) and random bytes from the kernel.
//
// Through Debian's libnettle (310 KB, no dependencies beyond libc) rather than OpenSSL's
// libcrypto: the pipeline signs webhook deliveries and makes watchlist secrets, and linking
// libcrypto for that put its load and relocation (~2 ms) into the start of every command
// (issue 23). Checked against FIPS 180-4's and RFC 4231's test vectors
// (tests/core/digest_test.cc). Thread safety: pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wirebrief::core {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest Sha256(std::string_view data);
Sha256Digest HmacSha256(std::string_view key, std::string_view message);

// `n` bytes from getrandom(2) (the kernel's CSPRNG); false when it fails.
bool RandomBytes(void* out, size_t n);

}  // namespace wirebrief::core
