#include <zlib.h>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {

core::Status Gunzip(std::string_view bytes, size_t max_out, std::string* out) {
  out->clear();
  size_t pos = 0;
  char buf[65536];
  while (pos < bytes.size()) {
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return core::Status::Internal("", "zlib init");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + pos));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size() - pos, 1u << 30));
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      out->append(buf, sizeof buf - zs.avail_out);
      if (out->size() > max_out) {
        inflateEnd(&zs);
        return core::Status::LimitExceeded(
            "", "", "decompressed size exceeds " + std::to_string(max_out) + " bytes");
      }
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
    }
    size_t consumed = zs.total_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
      return core::Status::Corruption(
          "", "offset " + std::to_string(pos),
          rc == Z_BUF_ERROR ? "truncated gzip member" : "bad gzip data");
    }
    pos += consumed;
    // Trailing zero padding after the last member is common; stop at anything that is not gzip.
    if (pos + 2 > bytes.size() || bytes[pos] != '\x1f' || bytes[pos + 1] != '\x8b') break;
  }
  return core::Status::Ok();
}

}  // namespace wirebrief::ingest::detail
