// Bounded-memory byte sources for the streaming readers.
//
// ByteInput reads a file, standard input or an in-memory copy through a fixed window, so a
// multi-GB WARC never sits in memory. Decoder turns a ByteInput into decompressed bytes while
// keeping compression framing visible: gzip members and zstd frames are "members", and a reader
// that sees one record per member can report the member's compressed offset and length, which
// is what `{file}:{offset}:{length}` retrieval needs.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace wirebrief::ingest::detail {

class ByteInput {
 public:
  // "-" reads standard input.
  static core::Result<std::unique_ptr<ByteInput>> Open(const std::string& path);
  static std::unique_ptr<ByteInput> FromMemory(std::string bytes);
  ~ByteInput();
  ByteInput(const ByteInput&) = delete;
  ByteInput& operator=(const ByteInput&) = delete;

  // Up to `n` bytes from the current position (fewer only at the end of input). The view is
  // valid until the next call to any non-const member.
  std::string_view Peek(size_t n);
  void Skip(size_t n);
  // Absolute offset of the current position.
  uint64_t offset() const { return base_ + pos_; }
  bool AtEnd();
  // Moves to absolute `offset`. Backwards works on files and memory; on a pipe only within the
  // window (otherwise the position is left unchanged and false is returned).
  bool Seek(uint64_t offset);
  // The read error, if the OS refused a read.
  const std::string& error() const { return error_; }

 private:
  ByteInput() = default;
  bool FillTo(size_t n);

  FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool seekable_ = false;
  bool eof_ = false;
  std::string buf_;  // window of input bytes; buf_[0] is at absolute offset base_
  size_t pos_ = 0;   // current position inside buf_
  uint64_t base_ = 0;
  std::string error_;
};

// Decompressed bytes with member framing. A plain (uncompressed) input is one member.
class Decoder {
 public:
  enum class State { kData, kMemberEnd, kEnd, kError };
  virtual ~Decoder() = default;
  // Appends up to `max` decoded bytes to *out. Returns kData while the current member goes on
  // (even when nothing was appended), kMemberEnd once it is complete (repeatedly, until
  // NextMember()), kEnd when input ran out between members, kError on corrupt data.
  virtual State Decode(std::string* out, size_t max) = 0;
  // After kMemberEnd: starts the next member. False at the end of the input.
  virtual bool NextMember() = 0;
  // After kError: moves to the next plausible member start after the failed one. False when
  // there is none.
  virtual bool Resync() = 0;
  // True when members are compression units (gzip, zstd) whose offsets are meaningful.
  virtual bool compressed() const = 0;
  uint64_t member_begin() const { return member_begin_; }
  uint64_t member_end() const { return member_end_; }
  const std::string& error() const { return error_; }
  uint64_t input_offset() const { return in_->offset(); }

 protected:
  explicit Decoder(std::unique_ptr<ByteInput> in) : in_(std::move(in)) {}
  std::unique_ptr<ByteInput> in_;
  uint64_t member_begin_ = 0;
  uint64_t member_end_ = 0;
  std::string error_;
};

enum class Compression { kNone, kGzip, kZstd };

// Compression recognised by magic bytes (zstd also by a leading skippable frame).
Compression DetectCompression(std::string_view head);

std::unique_ptr<Decoder> MakeDecoder(std::unique_ptr<ByteInput> in, Compression c);

// Decodes up to `max` bytes from the start of `raw` (a prefix of a compressed input), for
// content detection. Never fails: a broken or short prefix gives what could be decoded.
std::string DecodePrefix(std::string_view raw, Compression c, size_t max);

}  // namespace wirebrief::ingest::detail
