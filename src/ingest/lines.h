// Lines of a file that may be gzip- or zstd-compressed (recognised by content, as every input
// is), streamed one line at a time: `wirebrief run` reads the JSON lines `wirebrief process`
// wrote through it, whatever their size.
//
// Limits: a line longer than `max_line_bytes` is an error item naming the file and line (its
// bytes are streamed past, never held), and reading goes on with the next line.
// Errors: Open fails with kIOError when the file cannot be opened; corrupt compressed data is
// one kCorruption item naming the file and compressed offset, after which Next() ends.
// Thread safety: one thread at a time per reader.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace wirebrief::ingest {

class LineReader {
 public:
  // `path`: a file, or "-" for standard input.
  static core::Result<std::unique_ptr<LineReader>> Open(const std::string& path,
                                                        size_t max_line_bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its '\n' (a trailing '\r' is kept), or the error for it; nullopt at
  // the end of the input.
  std::optional<core::Result<std::string>> Next();
  // 1-based number of the line Next() returned last.
  size_t line_number() const { return line_no_; }

  // The decompressed first bytes of `path` (at most `max`), without consuming anything a
  // reader opened later would need: for telling a file's format before choosing its reader.
  // Empty when the file cannot be read.
  static std::string Head(const std::string& path, size_t max);

 private:
  struct State;
  explicit LineReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
  size_t line_no_ = 0;
};

}  // namespace wirebrief::ingest
