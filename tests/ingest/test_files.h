// Temporary files for ingest tests: each test gets its own folder, removed afterwards.
#pragma once

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace wirebrief::ingest::testing {

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("wb_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

// One gzip member holding `data`.
inline std::string GzipMember(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One zstd frame holding `data`, compressed with `dict` (raw content) when not empty.
inline std::string ZstdFrame(const std::string& data, const std::string& dict = "") {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  if (!dict.empty()) ZSTD_CCtx_loadDictionary(c, dict.data(), dict.size());
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress2(c, out.data(), out.size(), data.data(), data.size());
  ZSTD_freeCCtx(c);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

// The WARC zstd dictionary frame: skippable magic 0x184D2A5D, little-endian size, payload.
inline std::string ZstdDictionaryFrame(const std::string& payload) {
  std::string f = "\x5D\x2A\x4D\x18";
  for (int i = 0; i < 4; ++i) f += static_cast<char>((payload.size() >> (8 * i)) & 0xFF);
  return f + payload;
}

// A file under tests/fixtures/ingest/ (tests run from the source tree; WB_SOURCE_DIR wins).
inline std::string FixturePath(const std::string& name) {
  const char* root = std::getenv("WB_SOURCE_DIR");
  return (std::filesystem::path(root ? root : ".") / "tests" / "fixtures" / "ingest" / name)
      .string();
}

inline std::string ReadFixture(const std::string& name) {
  std::ifstream f(FixturePath(name), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

struct Drained {
  std::vector<core::RawDocument> docs;
  std::vector<core::Status> errors;
};

inline Drained Drain(DocumentStream& s) {
  Drained d;
  while (auto r = s.Next()) {
    if (r->ok())
      d.docs.push_back(r->value());
    else
      d.errors.push_back(r->status());
  }
  return d;
}

inline Drained ReadAll(std::vector<std::string> inputs, IngestOptions options = {}) {
  DocumentStream s(std::move(inputs), std::move(options));
  return Drain(s);
}

}  // namespace wirebrief::ingest::testing
