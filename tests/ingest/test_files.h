// Temporary files for ingest tests: each test gets its own folder, removed afterwards.
#pragma once

#include <unistd.h>
#include <zlib.h>

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

struct Drained {
  std::vector<core::RawDocument> docs;
  std::vector<core::Status> errors;
};

inline Drained Drain(DocumentStream& s) {
  Drained d;
  while (auto r = s.Next()) {
    if (r->ok()) d.docs.push_back(r->value());
    else d.errors.push_back(r->status());
  }
  return d;
}

inline Drained ReadAll(std::vector<std::string> inputs) {
  DocumentStream s(std::move(inputs), IngestOptions{});
  return Drain(s);
}

}  // namespace wirebrief::ingest::testing
