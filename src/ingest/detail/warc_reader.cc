// Streaming WARC reader. Record framing follows WARC 1.1: a version line, named fields, a blank
// line, Content-Length bytes of block, then CRLF CRLF. The reader keeps a window of decoded
// bytes holding at most one record; a record larger than the per-record limit is skipped by
// streaming past it. Member framing from the decoder decides provenance: a record that fills
// exactly one gzip member or zstd frame reports that member's compressed offset and length.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {
namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;
constexpr size_t kDecodeChunk = 256 << 10;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool IContains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (IEquals(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Position just past the blank line ending a header block that starts at `from`; npos if the
// block does not end inside `data`.
size_t HeaderEnd(std::string_view data, size_t from) {
  size_t p = from;
  for (;;) {
    size_t nl = data.find('\n', p);
    if (nl == std::string_view::npos) return std::string_view::npos;
    if (nl + 1 < data.size() && data[nl + 1] == '\n') return nl + 2;
    if (nl + 2 < data.size() && data[nl + 1] == '\r' && data[nl + 2] == '\n') return nl + 3;
    if (nl + 2 >= data.size()) return std::string_view::npos;
    p = nl + 1;
  }
}

// Calls fn(name, value) for each "Name: value" line of a header block (first line excluded).
template <typename Fn>
std::string_view ForEachField(std::string_view block, const Fn& fn) {
  size_t eol = block.find('\n');
  std::string_view first = Trim(block.substr(0, eol));
  size_t p = eol == std::string_view::npos ? block.size() : eol + 1;
  while (p < block.size()) {
    size_t e = block.find('\n', p);
    if (e == std::string_view::npos) e = block.size();
    std::string_view line = block.substr(p, e - p);
    p = e + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fn(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return first;
}

struct WarcFields {
  std::string_view type, record_id, target_uri, date, content_type, content_length;
};

// Whether a payload with this Content-Type can hold an article.
bool IsPageType(std::string_view ct, bool* is_html) {
  *is_html = ct.empty() || IContains(ct, "html");
  return *is_html || IContains(ct, "text/plain");
}

// Undoes HTTP chunked transfer coding; false when `body` is not validly chunked.
bool Dechunk(std::string_view body, std::string* out) {
  size_t p = 0;
  out->clear();
  for (;;) {
    size_t eol = body.find('\n', p);
    if (eol == std::string_view::npos) return false;
    uint64_t n = 0;
    std::string_view len = Trim(body.substr(p, eol - p));
    auto r = std::from_chars(len.data(), len.data() + len.size(), n, 16);
    if (r.ec != std::errc() || r.ptr == len.data()) return false;
    p = eol + 1;
    if (n == 0) return true;
    if (n > body.size() - p) return false;
    out->append(body.substr(p, n));
    p += n;
    if (p < body.size() && body[p] == '\r') ++p;
    if (p < body.size() && body[p] == '\n') ++p;
  }
}

class WarcReader : public RecordSource {
 public:
  WarcReader(std::string source, std::unique_ptr<Decoder> decoder, const core::Limits& limits)
      : source_(std::move(source)), dec_(std::move(decoder)), limits_(limits) {}

  std::optional<core::Result<core::RawDocument>> Next() override {
    while (!done_) {
      std::optional<core::Result<core::RawDocument>> out = ReadRecord();
      if (out) return out;
    }
    return std::nullopt;
  }

 private:
  size_t avail() const { return buf_.size() - pos_; }
  uint64_t decoded_pos() const { return buf_base_ + pos_; }

  // Ensures `n` bytes after pos_ are buffered. Crosses into the next member only when
  // `cross` is set. False when the data (or the member) ends first, or the decoder failed.
  bool Fill(size_t n, bool cross) {
    while (avail() < n) {
      if (state_ == Decoder::State::kData) {
        if (pos_ > 0 && (pos_ >= buf_.size() / 2 || pos_ >= (1u << 20))) {
          buf_base_ += pos_;
          buf_.erase(0, pos_);
          pos_ = 0;
        }
        size_t want = std::clamp<size_t>(n - avail(), 64 << 10, kDecodeChunk);
        state_ = dec_->Decode(&buf_, want);
        continue;
      }
      if (state_ == Decoder::State::kMemberEnd && cross) {
        if (dec_->NextMember()) {
          state_ = Decoder::State::kData;
          member_start_ = buf_base_ + buf_.size();
          continue;
        }
        state_ = Decoder::State::kEnd;
      }
      return false;
    }
    return true;
  }

  core::Status Corrupt(const std::string& where, const std::string& why) {
    return core::Status::Corruption(where, "", why);
  }

  // Reports a decoder failure once, drops what was buffered and moves to the next member.
  std::optional<core::Result<core::RawDocument>> DecoderFailed() {
    core::Status err = core::Status::Corruption(
        source_ + "@" + std::to_string(dec_->member_begin()), "", dec_->error());
    buf_base_ += buf_.size();
    buf_.clear();
    pos_ = 0;
    if (dec_->Resync()) {
      state_ = Decoder::State::kData;
      member_start_ = buf_base_;
    } else {
      state_ = Decoder::State::kEnd;
    }
    // Candidates found by resynchronising may be false matches inside the broken member; their
    // failures are the same problem and are not reported again.
    bool quiet = resyncing_;
    resyncing_ = true;
    if (quiet) return std::nullopt;
    return core::Result<core::RawDocument>(err);
  }

  // Skips to the next line starting "WARC/1." at or after decoded position `from`.
  void ResyncFrom(uint64_t from) {
    pos_ = static_cast<size_t>(std::max(from, buf_base_) - buf_base_);
    pos_ = std::min(pos_, buf_.size());
    for (;;) {
      std::string_view v(buf_.data() + pos_, avail());
      size_t p = 0;
      while ((p = v.find("WARC/1.", p)) != std::string_view::npos) {
        uint64_t abs = buf_base_ + pos_ + p;
        if (abs == member_start_ || (p > 0 && v[p - 1] == '\n')) {
          pos_ += p;
          return;
        }
        ++p;
      }
      size_t keep = std::min<size_t>(avail(), 7);
      pos_ = buf_.size() - keep;
      if (!Fill(keep + 1, true)) {
        if (state_ != Decoder::State::kError) {
          pos_ = buf_.size();
        }
        return;
      }
    }
  }

  std::optional<core::Result<core::RawDocument>> ReadRecord() {
    if (resync_pending_) {
      resync_pending_ = false;
      ResyncFrom(resync_from_);
    }
    // Blank lines between records are tolerated.
    for (;;) {
      if (!Fill(1, true)) break;
      char c = buf_[pos_];
      if (c != '\r' && c != '\n') break;
      ++pos_;
    }
    if (avail() == 0) {
      if (state_ == Decoder::State::kError) return DecoderFailed();
      done_ = true;
      return std::nullopt;
    }
    const uint64_t start = decoded_pos();
    const bool at_member_start = dec_->compressed() && start == member_start_;
    const uint64_t member_begin = dec_->member_begin();
    const bool cross = !at_member_start;
    // Errors name the compressed member when there is one, else the record's own offset.
    const std::string where =
        source_ + "@" + std::to_string(dec_->compressed() ? member_begin : start);

    Fill(5, cross);
    if (std::string_view(buf_.data() + pos_, std::min<size_t>(avail(), 5)) != "WARC/") {
      if (state_ == Decoder::State::kError && avail() < 5) return DecoderFailed();
      return Resync(start + 1, Corrupt(where, "expected a WARC/1.x version line"));
    }
    size_t hdr_end = std::string_view::npos;
    for (size_t want = 4096;; want = std::min(want * 4, kMaxHeaderBytes + 4)) {
      bool more = Fill(want, cross);
      hdr_end = HeaderEnd(std::string_view(buf_.data() + pos_, avail()), 0);
      if (hdr_end != std::string_view::npos || !more || want >= kMaxHeaderBytes + 4) break;
    }
    if (hdr_end == std::string_view::npos) {
      if (state_ == Decoder::State::kError) return DecoderFailed();
      return Resync(start + 1,
                    Corrupt(where, avail() >= kMaxHeaderBytes ? "record header exceeds 64 KiB"
                                                              : "record header is truncated"));
    }
    WarcFields f;
    std::string_view header(buf_.data() + pos_, hdr_end);
    ForEachField(header, [&](std::string_view name, std::string_view value) {
      if (IEquals(name, "WARC-Type"))
        f.type = value;
      else if (IEquals(name, "WARC-Record-ID"))
        f.record_id = value;
      else if (IEquals(name, "WARC-Target-URI"))
        f.target_uri = value;
      else if (IEquals(name, "WARC-Date"))
        f.date = value;
      else if (IEquals(name, "Content-Type"))
        f.content_type = value;
      else if (IEquals(name, "Content-Length"))
        f.content_length = value;
    });
    uint64_t len = 0;
    auto r = std::from_chars(f.content_length.data(),
                             f.content_length.data() + f.content_length.size(), len);
    if (f.content_length.empty() || r.ec != std::errc() ||
        r.ptr != f.content_length.data() + f.content_length.size())
      return Resync(start + 1, Corrupt(where, "missing or bad Content-Length"));
    bool wanted = IEquals(f.type, "response") || IEquals(f.type, "resource");
    // Copies: the views into buf_ die when the buffer moves.
    std::string type(f.type), record_id(f.record_id), target(f.target_uri), date(f.date),
        content_type(f.content_type);
    uint64_t block_start = start + hdr_end;

    if (len > limits_.max_document_bytes)
      return SkipOversized(where, hdr_end, len, wanted, content_type, cross);

    size_t need = hdr_end + static_cast<size_t>(len);
    if (!Fill(need, cross)) {
      if (state_ == Decoder::State::kError) return DecoderFailed();
      return Resync(block_start, Corrupt(where, "Content-Length " + std::to_string(len) +
                                                    " runs past the end of the " +
                                                    (at_member_start ? "gzip member" : "input") +
                                                    " (truncated or wrong length)"));
    }
    // The block must be followed by CRLF CRLF and then the next record, a member end or the end.
    size_t after = need;
    Fill(need + 4, cross);
    for (int k = 0;
         k < 4 && after < avail() && (buf_[pos_ + after] == '\r' || buf_[pos_ + after] == '\n');
         ++k)
      ++after;
    bool at_end = !Fill(after + 1, cross);
    if (!at_end &&
        (!Fill(after + 5, cross) || std::string_view(buf_.data() + pos_ + after, 5) != "WARC/")) {
      if (state_ != Decoder::State::kError || avail() > after) {
        return Resync(
            block_start,
            Corrupt(where, "Content-Length " + std::to_string(len) +
                               " does not match the record (no record follows its block)"));
      }
    }
    bool whole_member = at_member_start && at_end && state_ == Decoder::State::kMemberEnd;
    std::string_view block(buf_.data() + pos_ + hdr_end, static_cast<size_t>(len));
    resyncing_ = false;
    std::optional<core::Result<core::RawDocument>> out;
    if (wanted) {
      core::Provenance prov;
      prov.source = source_;
      prov.container = dec_->compressed() && !whole_member ? "warc-stream" : "warc";
      prov.offset = whole_member ? member_begin : start;
      prov.length = whole_member ? dec_->member_end() - member_begin : after;
      prov.record_id = std::move(record_id);
      prov.crawl_date = std::move(date);
      out = MakeDocument(std::move(prov), where, type, target, content_type, block);
    }
    pos_ += after;
    return out;
  }

  std::optional<core::Result<core::RawDocument>> Resync(uint64_t from, core::Status err) {
    resync_pending_ = true;
    resync_from_ = from;
    bool quiet = resyncing_;
    resyncing_ = true;
    if (quiet) return std::nullopt;
    return core::Result<core::RawDocument>(std::move(err));
  }

  // Streams past a record over the per-record limit. A page-type payload is reported as
  // skipped; images, video and other records are passed over silently.
  std::optional<core::Result<core::RawDocument>> SkipOversized(const std::string& where,
                                                               size_t hdr_end, uint64_t len,
                                                               bool wanted,
                                                               const std::string& content_type,
                                                               bool cross) {
    bool is_html = false;
    bool page = false;
    if (wanted) {
      Fill(hdr_end + std::min<size_t>(len, kMaxHeaderBytes), cross);
      std::string_view head(buf_.data() + pos_ + hdr_end, std::min<size_t>(avail() - hdr_end, len));
      if (IContains(content_type, "application/http")) {
        size_t he = HeaderEnd(head, 0);
        std::string_view http_ct;
        if (he != std::string_view::npos) {
          ForEachField(head.substr(0, he), [&](std::string_view n, std::string_view v) {
            if (IEquals(n, "Content-Type")) http_ct = v;
          });
        }
        page = IsPageType(http_ct, &is_html);
      } else {
        page = IsPageType(content_type, &is_html);
      }
    }
    pos_ += hdr_end;
    uint64_t left = len;
    while (left > 0) {
      if (avail() == 0 && !Fill(1, cross)) break;
      size_t take = static_cast<size_t>(std::min<uint64_t>(left, avail()));
      pos_ += take;
      left -= take;
    }
    if (left > 0) {
      if (state_ == Decoder::State::kError) return DecoderFailed();
      return Resync(decoded_pos(), Corrupt(where, "record of " + std::to_string(len) +
                                                      " bytes is truncated (input ends early)"));
    }
    resyncing_ = false;
    if (!page) return std::nullopt;
    return core::Result<core::RawDocument>(core::Status::LimitExceeded(
        where, "",
        "record of " + std::to_string(len) + " bytes exceeds the per-record limit of " +
            std::to_string(limits_.max_document_bytes) + " bytes; skipped"));
  }

  std::optional<core::Result<core::RawDocument>> MakeDocument(
      core::Provenance prov, const std::string& where, std::string_view type,
      std::string_view target, std::string_view content_type, std::string_view block) {
    core::RawDocument doc;
    doc.url = std::string(target);
    if (doc.url.size() >= 2 && doc.url.front() == '<' && doc.url.back() == '>')
      doc.url = doc.url.substr(1, doc.url.size() - 2);
    std::string_view payload = block;
    std::string_view payload_type = content_type;
    std::string storage;
    if (IEquals(type, "response") && IContains(content_type, "application/http")) {
      size_t he = HeaderEnd(block, 0);
      if (he == std::string_view::npos)
        return core::Result<core::RawDocument>(
            core::Status::Corruption(where, "", "HTTP header never ends"));
      std::string_view te, ce;
      payload_type = {};
      std::string_view status_line =
          ForEachField(block.substr(0, he), [&](std::string_view n, std::string_view v) {
            if (IEquals(n, "Content-Type"))
              payload_type = v;
            else if (IEquals(n, "Transfer-Encoding"))
              te = v;
            else if (IEquals(n, "Content-Encoding"))
              ce = v;
          });
      size_t sp = status_line.find(' ');
      if (sp != std::string_view::npos)
        std::from_chars(status_line.data() + sp + 1, status_line.data() + status_line.size(),
                        prov.http_status);
      int s = prov.http_status;
      // Redirects and plain errors carry no article; 401/402/403/451 pages are kept because they
      // are the evidence for a paywall or a legal block.
      if ((s >= 300 && s < 400) || (s >= 400 && s != 401 && s != 402 && s != 403 && s != 451))
        return std::nullopt;
      payload = block.substr(he);
      if (IContains(te, "chunked") && Dechunk(payload, &storage)) payload = storage;
      if ((IContains(ce, "gzip") || IContains(ce, "deflate")) && payload.size() >= 2 &&
          payload[0] == '\x1f' && payload[1] == '\x8b') {
        std::string plain;
        core::Status st = Gunzip(payload, limits_.max_document_bytes, &plain);
        if (!st.ok()) return core::Result<core::RawDocument>(st.WithLocation(where));
        storage = std::move(plain);
        payload = storage;
      }
    }
    bool is_html = false;
    if (!IsPageType(payload_type, &is_html)) return std::nullopt;  // images, PDFs, scripts
    doc.kind = is_html ? core::ContentKind::kHtml : core::ContentKind::kText;
    doc.content = DecodeToUtf8(payload, CharsetFromContentType(payload_type), &doc.charset);
    doc.provenance = std::move(prov);
    return core::Result<core::RawDocument>(std::move(doc));
  }

  std::string source_;
  std::unique_ptr<Decoder> dec_;
  core::Limits limits_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t buf_base_ = 0;      // decoded offset of buf_[0]
  uint64_t member_start_ = 0;  // decoded offset where the current member began
  Decoder::State state_ = Decoder::State::kData;
  bool done_ = false;
  bool resync_pending_ = false;
  uint64_t resync_from_ = 0;
  bool resyncing_ = false;  // no record parsed since the last error
};

}  // namespace

std::string CharsetFromContentType(std::string_view ct) {
  for (size_t i = 0; i + 8 <= ct.size(); ++i) {
    if (!IEquals(ct.substr(i, 8), "charset=")) continue;
    std::string_view v = ct.substr(i + 8);
    size_t end = v.find_first_of("; ");
    v = v.substr(0, end);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
    std::string out(v);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  return "";
}

std::unique_ptr<RecordSource> OpenWarcReader(std::string source, std::unique_ptr<Decoder> decoder,
                                             const core::Limits& limits) {
  return std::make_unique<WarcReader>(std::move(source), std::move(decoder), limits);
}

void ReadWarc(const std::string& source, std::string_view bytes, const core::Limits& limits,
              const EmitFn& emit) {
  auto reader = OpenWarcReader(
      source, MakeDecoder(ByteInput::FromMemory(std::string(bytes)), DetectCompression(bytes)),
      limits);
  while (auto r = reader->Next()) emit(std::move(*r));
}

}  // namespace wirebrief::ingest::detail
