#include "core/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace wirebrief::core {

uint64_t Hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string HashHex128(std::string_view data) {
  XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

}  // namespace wirebrief::core
