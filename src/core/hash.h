// Content hashing (xxHash from Debian's libxxhash: fast, stable across platforms and runs).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wirebrief::core {

// 64-bit XXH3 of `data`; stable across runs and machines.
uint64_t Hash64(std::string_view data);

// 128-bit XXH3 as 32 lowercase hex digits; used for article and story ids.
std::string HashHex128(std::string_view data);

}  // namespace wirebrief::core
