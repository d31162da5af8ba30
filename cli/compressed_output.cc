#include "cli/compressed_output.h"

#include <zlib.h>
#include <zstd.h>

#include <cstdio>

namespace wirebrief::cli {
namespace {

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Level 6 (gzip's default) and 3 (zstd's): what `gzip` and `zstd` would write.
constexpr int kGzipLevel = 6;
constexpr int kZstdLevel = 3;

}  // namespace

Compression CompressionFor(const std::string& flag, const std::string& path) {
  if (flag == "gzip") return Compression::kGzip;
  if (flag == "zstd") return Compression::kZstd;
  if (flag == "none") return Compression::kNone;
  if (EndsWith(path, ".gz")) return Compression::kGzip;
  if (EndsWith(path, ".zst") || EndsWith(path, ".zstd")) return Compression::kZstd;
  return Compression::kNone;
}

CompressedOutput::~CompressedOutput() {
  if (compression_ == Compression::kGzip && stream_) {
    deflateEnd(static_cast<z_stream*>(stream_));
    delete static_cast<z_stream*>(stream_);
  }
  if (compression_ == Compression::kZstd && stream_)
    ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(stream_));
  if (file_ && file_ != stdout) {
    std::fclose(file_);
    std::remove(part_.c_str());
  }
}

core::Status CompressedOutput::Open(const std::string& path, Compression compression) {
  path_ = path;
  compression_ = compression;
  if (path == "-") {
    file_ = stdout;
  } else {
    part_ = path + ".part";
    file_ = std::fopen(part_.c_str(), "wb");
    if (!file_) return core::Status::IOError(part_, "cannot open for writing");
  }
  if (compression == Compression::kGzip) {
    auto* zs = new z_stream{};
    // windowBits 15 + 16: a gzip wrapper, whose header zlib leaves without a time stamp.
    if (deflateInit2(zs, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      delete zs;
      return core::Status::Internal(path, "zlib init");
    }
    stream_ = zs;
  } else if (compression == Compression::kZstd) {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    if (!cctx) return core::Status::Internal(path, "zstd init");
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kZstdLevel);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    stream_ = cctx;
  }
  return core::Status::Ok();
}

core::Status CompressedOutput::Put(const char* data, size_t n) {
  if (n > 0 && std::fwrite(data, 1, n, file_) != n)
    return core::Status::IOError(path_, "write failed");
  return core::Status::Ok();
}

core::Status CompressedOutput::Compress(std::string_view in, bool finish) {
  out_.resize(256 << 10);
  if (compression_ == Compression::kGzip) {
    auto* zs = static_cast<z_stream*>(stream_);
    zs->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs->avail_in = static_cast<uInt>(in.size());
    for (;;) {
      zs->next_out = reinterpret_cast<Bytef*>(out_.data());
      zs->avail_out = static_cast<uInt>(out_.size());
      int rc = deflate(zs, finish ? Z_FINISH : Z_NO_FLUSH);
      if (rc == Z_STREAM_ERROR) return core::Status::Internal(path_, "gzip compression failed");
      WB_RETURN_IF_ERROR(Put(out_.data(), out_.size() - zs->avail_out));
      if (finish ? rc == Z_STREAM_END : zs->avail_in == 0 && zs->avail_out != 0) break;
    }
    return core::Status::Ok();
  }
  auto* cctx = static_cast<ZSTD_CCtx*>(stream_);
  ZSTD_inBuffer ib{in.data(), in.size(), 0};
  for (;;) {
    ZSTD_outBuffer ob{out_.data(), out_.size(), 0};
    size_t left = ZSTD_compressStream2(cctx, &ob, &ib, finish ? ZSTD_e_end : ZSTD_e_continue);
    if (ZSTD_isError(left))
      return core::Status::Internal(path_, std::string("zstd: ") + ZSTD_getErrorName(left));
    WB_RETURN_IF_ERROR(Put(out_.data(), ob.pos));
    if (finish ? left == 0 : ib.pos == ib.size) break;
  }
  return core::Status::Ok();
}

core::Status CompressedOutput::Write(std::string_view bytes) {
  if (compression_ == Compression::kNone) return Put(bytes.data(), bytes.size());
  // Compressed a line at a time would flush nothing early; the compressors keep their own window.
  return Compress(bytes, false);
}

core::Status CompressedOutput::Commit() {
  if (compression_ != Compression::kNone) WB_RETURN_IF_ERROR(Compress({}, true));
  if (std::fflush(file_) != 0) return core::Status::IOError(path_, "write failed");
  if (file_ == stdout) return core::Status::Ok();
  bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!closed) {
    std::remove(part_.c_str());
    return core::Status::IOError(part_, "write failed");
  }
  if (std::rename(part_.c_str(), path_.c_str()) != 0) {
    std::remove(part_.c_str());
    return core::Status::IOError(path_, "cannot rename " + part_ + " to it");
  }
  return core::Status::Ok();
}

}  // namespace wirebrief::cli
