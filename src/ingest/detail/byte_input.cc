#include "ingest/detail/byte_input.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace wirebrief::ingest::detail {
namespace {

constexpr size_t kReadChunk = 256 << 10;
// A WARC zstd dictionary is typically 100 KB to a few MB; anything past this is not one.
constexpr size_t kMaxZstdDictionary = 64 << 20;
constexpr uint32_t kZstdMagic = 0xFD2FB528u;
constexpr uint32_t kZstdDictionaryFrame = 0x184D2A5Du;

uint32_t Le32(std::string_view s) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[3])) << 24;
}

bool IsSkippableMagic(uint32_t m) { return (m & 0xFFFFFFF0u) == 0x184D2A50u; }

// Scans forward from the input's position for `magic` accepted by `plausible`; leaves the input
// at the match. False (input at its end) when there is none.
template <typename Plausible>
bool ScanFor(ByteInput* in, std::string_view magic, const Plausible& plausible) {
  for (;;) {
    std::string_view v = in->Peek(kReadChunk);
    if (v.size() < magic.size()) {
      in->Skip(v.size());
      return false;
    }
    size_t from = 0;
    for (;;) {
      size_t hit = v.find(magic, from);
      if (hit == std::string_view::npos) break;
      if (plausible(v.substr(hit))) {
        in->Skip(hit);
        return true;
      }
      from = hit + 1;
    }
    in->Skip(v.size() - (magic.size() - 1));
  }
}

class PlainDecoder : public Decoder {
 public:
  explicit PlainDecoder(std::unique_ptr<ByteInput> in) : Decoder(std::move(in)) {}
  State Decode(std::string* out, size_t max) override {
    if (state_ != State::kData) return state_;
    std::string_view v = in_->Peek(max);
    out->append(v);
    in_->Skip(v.size());
    if (v.empty()) {
      if (!in_->error().empty()) {
        error_ = in_->error();
        state_ = State::kError;
      } else {
        member_end_ = in_->offset();
        state_ = State::kMemberEnd;
      }
    }
    return state_;
  }
  bool NextMember() override {
    state_ = State::kEnd;
    return false;
  }
  bool Resync() override {
    state_ = State::kEnd;
    return false;
  }
  bool compressed() const override { return false; }

 private:
  State state_ = State::kData;
};

class GzipDecoder : public Decoder {
 public:
  explicit GzipDecoder(std::unique_ptr<ByteInput> in) : Decoder(std::move(in)) {
    ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
    member_begin_ = in_->offset();
    if (!ok_) Fail("zlib could not be initialised");
  }
  ~GzipDecoder() override {
    if (ok_) inflateEnd(&zs_);
  }

  State Decode(std::string* out, size_t max) override {
    if (state_ != State::kData) return state_;
    size_t old = out->size();
    out->resize(old + max);
    zs_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    zs_.avail_out = static_cast<uInt>(max);
    while (zs_.avail_out > 0) {
      std::string_view v = in_->Peek(kReadChunk);
      if (v.empty()) {
        Fail(in_->error().empty() ? "truncated gzip member (input ends at byte " +
                                        std::to_string(in_->offset()) + ")"
                                  : in_->error());
        break;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(v.data()));
      zs_.avail_in = static_cast<uInt>(v.size());
      uInt out_before = zs_.avail_out;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      size_t consumed = v.size() - zs_.avail_in;
      in_->Skip(consumed);
      if (rc == Z_STREAM_END) {
        member_end_ = in_->offset();
        state_ = State::kMemberEnd;
        break;
      }
      if (rc == Z_OK) continue;
      if (rc == Z_BUF_ERROR && (consumed > 0 || zs_.avail_out != out_before)) continue;
      Fail(std::string("bad gzip member") + (zs_.msg ? std::string(" (") + zs_.msg + ")" : ""));
      break;
    }
    out->resize(old + max - zs_.avail_out);
    return state_;
  }

  bool NextMember() override {
    if (state_ != State::kMemberEnd) return false;
    // Writers pad the last member with zeros; tolerate that, and only that.
    for (;;) {
      std::string_view v = in_->Peek(4096);
      size_t z = 0;
      while (z < v.size() && v[z] == '\0') ++z;
      in_->Skip(z);
      if (z < v.size() || v.empty()) break;
    }
    if (in_->AtEnd()) {
      state_ = State::kEnd;
      return false;
    }
    Restart();
    std::string_view head = in_->Peek(2);
    if (head.size() < 2 || head[0] != '\x1f' || head[1] != '\x8b')
      Fail("data after a gzip member is not gzip");
    return true;
  }

  bool Resync() override {
    if (!in_->Seek(member_begin_ + 1) && in_->offset() <= member_begin_) in_->Skip(1);
    bool found = ScanFor(in_.get(), std::string_view("\x1f\x8b\x08", 3), [](std::string_view at) {
      // FLG's top three bits are reserved and zero in every real member.
      return at.size() < 4 || (static_cast<unsigned char>(at[3]) & 0xE0) == 0;
    });
    if (!found) {
      state_ = State::kEnd;
      return false;
    }
    Restart();
    return true;
  }
  bool compressed() const override { return true; }

 private:
  void Restart() {
    inflateReset(&zs_);
    member_begin_ = in_->offset();
    state_ = State::kData;
  }
  void Fail(std::string why) {
    error_ = std::move(why);
    state_ = State::kError;
  }
  z_stream zs_{};
  bool ok_ = false;
  State state_ = State::kData;
};

class ZstdDecoder : public Decoder {
 public:
  explicit ZstdDecoder(std::unique_ptr<ByteInput> in)
      : Decoder(std::move(in)), dctx_(ZSTD_createDCtx()) {
    if (!dctx_) {
      Fail("zstd could not be initialised");
      return;
    }
    // The WARC zstd convention: an optional dictionary in a leading skippable frame with magic
    // 0x184D2A5D, itself possibly zstd-compressed.
    std::string_view head = in_->Peek(8);
    if (head.size() == 8 && Le32(head) == kZstdDictionaryFrame) {
      uint32_t size = Le32(head.substr(4));
      if (size > kMaxZstdDictionary) {
        Fail("zstd dictionary frame of " + std::to_string(size) + " bytes is too large");
        return;
      }
      in_->Skip(8);
      std::string dict(in_->Peek(size));
      in_->Skip(dict.size());
      if (dict.size() < size) {
        Fail("truncated zstd dictionary frame");
        return;
      }
      if (dict.size() >= 4 && Le32(dict) == kZstdMagic) {
        std::string plain;
        if (!DecompressDictionary(dict, &plain)) return;
        dict = std::move(plain);
      }
      size_t rc = ZSTD_DCtx_loadDictionary(dctx_, dict.data(), dict.size());
      if (ZSTD_isError(rc)) {
        Fail(std::string("bad zstd dictionary (") + ZSTD_getErrorName(rc) + ")");
        return;
      }
    }
    SkipSkippableFrames();
    member_begin_ = in_->offset();
  }
  ~ZstdDecoder() override { ZSTD_freeDCtx(dctx_); }

  State Decode(std::string* out, size_t max) override {
    if (state_ != State::kData) return state_;
    size_t old = out->size();
    out->resize(old + max);
    ZSTD_outBuffer ob{out->data() + old, max, 0};
    while (ob.pos < ob.size) {
      std::string_view v = in_->Peek(kReadChunk);
      if (v.empty()) {
        Fail(in_->error().empty()
                 ? "truncated zstd frame (input ends at byte " + std::to_string(in_->offset()) + ")"
                 : in_->error());
        break;
      }
      ZSTD_inBuffer ib{v.data(), v.size(), 0};
      size_t out_before = ob.pos;
      size_t rc = ZSTD_decompressStream(dctx_, &ob, &ib);
      in_->Skip(ib.pos);
      if (ZSTD_isError(rc)) {
        Fail(std::string("bad zstd frame (") + ZSTD_getErrorName(rc) + ")");
        break;
      }
      if (rc == 0) {
        member_end_ = in_->offset();
        state_ = State::kMemberEnd;
        break;
      }
      if (ib.pos == 0 && ob.pos == out_before) {
        Fail("zstd decoder made no progress");
        break;
      }
    }
    out->resize(old + ob.pos);
    return state_;
  }

  bool NextMember() override {
    if (state_ != State::kMemberEnd) return false;
    SkipSkippableFrames();
    if (in_->AtEnd()) {
      state_ = State::kEnd;
      return false;
    }
    Restart();
    std::string_view head = in_->Peek(4);
    if (head.size() < 4 || Le32(head) != kZstdMagic) Fail("data after a zstd frame is not zstd");
    return true;
  }

  bool Resync() override {
    if (!dctx_) return false;
    if (!in_->Seek(member_begin_ + 1) && in_->offset() <= member_begin_) in_->Skip(1);
    if (!ScanFor(in_.get(), std::string_view("\x28\xB5\x2F\xFD", 4),
                 [](std::string_view) { return true; })) {
      state_ = State::kEnd;
      return false;
    }
    Restart();
    return true;
  }
  bool compressed() const override { return true; }

 private:
  bool DecompressDictionary(const std::string& packed, std::string* plain) {
    ZSTD_DCtx* d = ZSTD_createDCtx();
    ZSTD_inBuffer ib{packed.data(), packed.size(), 0};
    char buf[1 << 16];
    size_t rc = 1;
    while (rc != 0) {
      ZSTD_outBuffer ob{buf, sizeof buf, 0};
      rc = ZSTD_decompressStream(d, &ob, &ib);
      if (ZSTD_isError(rc) || plain->size() + ob.pos > kMaxZstdDictionary ||
          (ib.pos == ib.size && ob.pos == 0 && rc != 0)) {
        ZSTD_freeDCtx(d);
        Fail("bad compressed zstd dictionary");
        return false;
      }
      plain->append(buf, ob.pos);
    }
    ZSTD_freeDCtx(d);
    return true;
  }
  void SkipSkippableFrames() {
    for (;;) {
      std::string_view head = in_->Peek(8);
      if (head.size() < 8 || !IsSkippableMagic(Le32(head))) return;
      in_->Skip(8 + static_cast<uint64_t>(Le32(head.substr(4))));
    }
  }
  void Restart() {
    ZSTD_DCtx_reset(dctx_, ZSTD_reset_session_only);
    member_begin_ = in_->offset();
    state_ = State::kData;
  }
  void Fail(std::string why) {
    error_ = std::move(why);
    state_ = State::kError;
  }
  ZSTD_DCtx* dctx_;
  State state_ = State::kData;
};

}  // namespace

core::Result<std::unique_ptr<ByteInput>> ByteInput::Open(const std::string& path) {
  std::unique_ptr<ByteInput> in(new ByteInput());
  if (path == "-") {
    in->file_ = stdin;
    return in;
  }
  in->file_ = std::fopen(path.c_str(), "rb");
  if (!in->file_)
    return core::Status::IOError(path, std::string("cannot open: ") + std::strerror(errno));
  in->owns_file_ = true;
  in->seekable_ = true;
  return in;
}

std::unique_ptr<ByteInput> ByteInput::FromMemory(std::string bytes) {
  std::unique_ptr<ByteInput> in(new ByteInput());
  in->buf_ = std::move(bytes);
  in->eof_ = true;
  return in;
}

ByteInput::~ByteInput() {
  if (owns_file_) std::fclose(file_);
}

bool ByteInput::FillTo(size_t n) {
  while (buf_.size() - pos_ < n && !eof_) {
    if (pos_ > 0 && (pos_ >= buf_.size() / 2 || buf_.size() + kReadChunk > buf_.capacity())) {
      base_ += pos_;
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    size_t want = std::max(n - (buf_.size() - pos_), kReadChunk);
    size_t old = buf_.size();
    buf_.resize(old + want);
    size_t got = std::fread(buf_.data() + old, 1, want, file_);
    buf_.resize(old + got);
    if (got < want) {
      eof_ = true;
      if (std::ferror(file_)) error_ = std::string("read failed: ") + std::strerror(errno);
    }
  }
  return buf_.size() - pos_ >= n;
}

std::string_view ByteInput::Peek(size_t n) {
  FillTo(n);
  return std::string_view(buf_).substr(pos_, n);
}

void ByteInput::Skip(size_t n) {
  while (n > 0) {
    size_t avail = buf_.size() - pos_;
    if (avail == 0) {
      if (eof_) return;
      if (seekable_ && n > kReadChunk) {
        uint64_t to = offset() + n;
        if (Seek(to)) return;
      }
      FillTo(std::min(n, kReadChunk));
      if (buf_.size() == pos_) return;
      continue;
    }
    size_t take = std::min(avail, n);
    pos_ += take;
    n -= take;
  }
}

bool ByteInput::AtEnd() { return !FillTo(1); }

bool ByteInput::Seek(uint64_t offset) {
  if (offset >= base_ && offset <= base_ + buf_.size()) {
    pos_ = static_cast<size_t>(offset - base_);
    return true;
  }
  if (!seekable_ || fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) return false;
  buf_.clear();
  pos_ = 0;
  base_ = offset;
  eof_ = false;
  return true;
}

Compression DetectCompression(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Compression::kGzip;
  if (head.size() >= 4 && (Le32(head) == kZstdMagic || Le32(head) == kZstdDictionaryFrame))
    return Compression::kZstd;
  return Compression::kNone;
}

std::unique_ptr<Decoder> MakeDecoder(std::unique_ptr<ByteInput> in, Compression c) {
  switch (c) {
    case Compression::kGzip:
      return std::make_unique<GzipDecoder>(std::move(in));
    case Compression::kZstd:
      return std::make_unique<ZstdDecoder>(std::move(in));
    case Compression::kNone:
      break;
  }
  return std::make_unique<PlainDecoder>(std::move(in));
}

std::string DecodePrefix(std::string_view raw, Compression c, size_t max) {
  auto dec = MakeDecoder(ByteInput::FromMemory(std::string(raw)), c);
  std::string out;
  while (out.size() < max) {
    Decoder::State s = dec->Decode(&out, max - out.size());
    if (s == Decoder::State::kMemberEnd) {
      if (!dec->NextMember()) break;
    } else if (s != Decoder::State::kData) {
      break;
    }
  }
  return out;
}

}  // namespace wirebrief::ingest::detail
