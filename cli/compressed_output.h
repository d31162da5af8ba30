// `process -o FILE`: one output file, gzip- or zstd-compressed when asked, that appears whole or
// not at all: bytes go to FILE.part and are renamed to FILE on Commit(), so a cluster task
// killed part way (and retried) never leaves a short file a reduce could take for a whole one.
// Deterministic: the same bytes in give the same file (no time stamp in the gzip header, zstd
// on one thread). Not thread-safe.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace wirebrief::cli {

enum class Compression { kNone, kGzip, kZstd };

// The compression `flag` names ("none", "gzip", "zstd"), or for "auto" the one the file name
// says: .gz -> gzip, .zst/.zstd -> zstd, anything else (stdout too) none.
Compression CompressionFor(const std::string& flag, const std::string& path);

class CompressedOutput {
 public:
  CompressedOutput() = default;
  ~CompressedOutput();  // without Commit(): FILE.part is removed
  CompressedOutput(const CompressedOutput&) = delete;
  CompressedOutput& operator=(const CompressedOutput&) = delete;

  // `path` "-" writes to stdout (no .part). Errors: kIOError naming the file.
  core::Status Open(const std::string& path, Compression compression);
  core::Status Write(std::string_view bytes);
  // Ends the compressed stream, flushes, and renames FILE.part to FILE.
  core::Status Commit();

 private:
  core::Status Put(const char* data, size_t n);
  core::Status Compress(std::string_view in, bool finish);

  std::string path_, part_;
  std::FILE* file_ = nullptr;
  Compression compression_ = Compression::kNone;
  void* stream_ = nullptr;  // z_stream* or ZSTD_CCtx*
  std::string out_;         // compressed bytes, reused
};

}  // namespace wirebrief::cli
