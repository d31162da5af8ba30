#include "ingest/lines.h"

#include "ingest/detail/byte_input.h"

namespace wirebrief::ingest {

struct LineReader::State {
  std::string path;
  size_t max_line_bytes = 0;
  std::unique_ptr<detail::Decoder> decoder;
  detail::Decoder::State decoded = detail::Decoder::State::kData;
  std::string buf;
  size_t pos = 0;
  bool failed = false;
};

LineReader::LineReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
LineReader::~LineReader() = default;

core::Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                           size_t max_line_bytes) {
  auto in = detail::ByteInput::Open(path);
  if (!in.ok()) return in.status();
  detail::Compression c = detail::DetectCompression(in.value()->Peek(64));
  auto state = std::make_unique<State>();
  state->path = path;
  state->max_line_bytes = max_line_bytes;
  state->decoder = detail::MakeDecoder(std::move(in).value(), c);
  return std::unique_ptr<LineReader>(new LineReader(std::move(state)));
}

std::string LineReader::Head(const std::string& path, size_t max) {
  auto in = detail::ByteInput::Open(path);
  if (!in.ok()) return "";
  std::string raw(in.value()->Peek(64 << 10));
  detail::Compression c = detail::DetectCompression(raw);
  std::string head = c == detail::Compression::kNone ? raw : detail::DecodePrefix(raw, c, max);
  return head.substr(0, max);
}

std::optional<core::Result<std::string>> LineReader::Next() {
  State& s = *state_;
  std::string line;
  bool too_long = false, any = false;
  for (;;) {
    if (s.pos == s.buf.size()) {
      s.buf.clear();
      s.pos = 0;
      while (s.buf.empty()) {
        if (s.decoded == detail::Decoder::State::kData) {
          s.decoded = s.decoder->Decode(&s.buf, 256 << 10);
        } else if (s.decoded == detail::Decoder::State::kMemberEnd && s.decoder->NextMember()) {
          s.decoded = detail::Decoder::State::kData;
        } else {
          break;
        }
      }
      if (s.buf.empty()) {
        if (s.decoded == detail::Decoder::State::kError && !s.failed) {
          s.failed = true;
          return core::Result<std::string>(core::Status::Corruption(
              s.path + "@" + std::to_string(s.decoder->member_begin()),
              "after line " + std::to_string(line_no_), s.decoder->error()));
        }
        if (!any) return std::nullopt;
        break;  // the last line has no '\n'
      }
    }
    any = true;
    size_t nl = s.buf.find('\n', s.pos);
    size_t end = nl == std::string::npos ? s.buf.size() : nl;
    if (!too_long) {
      if (line.size() + (end - s.pos) > s.max_line_bytes) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(s.buf, s.pos, end - s.pos);
      }
    }
    s.pos = end;
    if (nl != std::string::npos) {
      ++s.pos;
      break;
    }
  }
  ++line_no_;
  if (too_long)
    return core::Result<std::string>(core::Status::LimitExceeded(
        s.path, "line " + std::to_string(line_no_),
        "line longer than " + std::to_string(s.max_line_bytes) + " bytes; skipped"));
  return core::Result<std::string>(std::move(line));
}

}  // namespace wirebrief::ingest
