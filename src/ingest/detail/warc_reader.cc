// Streaming WARC reader. Record framing follows WARC 1.1: a version line, named fields, a blank
// line, Content-Length bytes of block, then CRLF CRLF. The reader keeps a window of decoded
// bytes holding at most one record; a record larger than the per-record limit is skipped by
// streaming past it. Member framing from the decoder decides provenance: a record that fills
// exactly one gzip member or zstd frame reports that member's compressed offset and length.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "core/text.h"
#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {
namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;
constexpr size_t kDecodeChunk = 256 << 10;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (core::AsciiLower(a[i]) !=
        core::AsciiLower(b[i]))
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

// Calls fn(name, value) for each "Name: value" field of a header block (first line excluded).
// A line starting with a space or tab continues the previous field's value (WARC 1.1 and HTTP/1.x
// allow folding). `value` may point into a temporary: callers copy it.
template <typename Fn>
std::string_view ForEachField(std::string_view block, const Fn& fn) {
  size_t eol = block.find('\n');
  std::string_view first = Trim(block.substr(0, eol));
  size_t p = eol == std::string_view::npos ? block.size() : eol + 1;
  std::string_view name;
  std::string value;
  bool have = false;
  while (p < block.size()) {
    size_t e = block.find('\n', p);
    if (e == std::string_view::npos) e = block.size();
    std::string_view line = block.substr(p, e - p);
    p = e + 1;
    std::string_view trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (have && (line[0] == ' ' || line[0] == '\t')) {
      if (!value.empty()) value += ' ';
      value.append(trimmed);
      continue;
    }
    if (have) fn(name, std::string_view(value));
    size_t colon = line.find(':');
    have = colon != std::string_view::npos;
    if (!have) continue;
    name = Trim(line.substr(0, colon));
    value.assign(Trim(line.substr(colon + 1)));
  }
  if (have) fn(name, std::string_view(value));
  return first;
}

// True when `s` starts with a WARC version line ("WARC/1.0" or "WARC/1.1", CRLF or LF).
bool IsVersionLine(std::string_view s) {
  if (s.size() < 9 || s.substr(0, 7) != "WARC/1." ||
      !std::isdigit(static_cast<unsigned char>(s[7])))
    return false;
  return s[8] == '\n' || (s[8] == '\r' && s.size() > 9 && s[9] == '\n');
}

// Copies, not views: folded values are built, and views into the buffer die when it moves.
struct WarcFields {
  std::string type, record_id, target_uri, date, content_type, content_length;
};

// Whether a payload with this Content-Type can hold an article.
bool IsPageType(std::string_view ct, bool* is_html) {
  *is_html = ct.empty() || IContains(ct, "html");
  return *is_html || IContains(ct, "text/plain");
}

// Undoes HTTP chunked transfer coding. A stream that breaks part way keeps the chunks before
// the break (what a browser would have shown); false when `body` does not start as a chunked
// stream at all (a header that says "chunked" over a plain body), leaving *out empty.
bool Dechunk(std::string_view body, std::string* out) {
  size_t p = 0;
  out->clear();
  bool any = false;
  for (;;) {
    size_t eol = body.find('\n', p);
    if (eol == std::string_view::npos) return any;
    uint64_t n = 0;
    std::string_view len = Trim(body.substr(p, eol - p));
    len = len.substr(0, len.find(';'));  // chunk extensions
    len = Trim(len);
    auto r = std::from_chars(len.data(), len.data() + len.size(), n, 16);
    if (r.ec != std::errc() || r.ptr != len.data() + len.size() || len.empty()) return any;
    any = true;
    p = eol + 1;
    if (n == 0) return true;
    if (n > body.size() - p) {
      out->append(body.substr(p));  // cut inside a chunk: keep its part
      return true;
    }
    out->append(body.substr(p, n));
    p += n;
    if (p < body.size() && body[p] == '\r') ++p;
    if (p < body.size() && body[p] == '\n') ++p;
  }
}

bool EndsWithRobotsTxt(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  return url.size() >= 11 && IEquals(url.substr(url.size() - 11), "/robots.txt");
}

// Whether a WARC-Target-URI names a web page (crawler logs and manifests use metadata://,
// urn:X-wpull:log, dns: and the like).
bool IsWebTarget(std::string_view uri) {
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
    uri = uri.substr(1, uri.size() - 2);
  return IEquals(uri.substr(0, 7), "http://") || IEquals(uri.substr(0, 8), "https://");
}

class WarcReader : public RecordSource {
 public:
  WarcReader(std::string source, std::unique_ptr<Decoder> decoder, const core::Limits& limits,
             std::vector<Reference>* notes)
      : source_(std::move(source)), dec_(std::move(decoder)), limits_(limits), notes_(notes) {}

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

  // Where the record header starting at pos_ ends (relative to pos_, after its blank line), read
  // in growing steps up to kMaxHeaderBytes; npos when it does not end within them.
  size_t ScanHeader(bool cross) {
    size_t hdr_end = std::string_view::npos;
    for (size_t want = 4096;; want = std::min(want * 4, kMaxHeaderBytes + 4)) {
      bool more = Fill(want, cross);
      hdr_end = HeaderEnd(std::string_view(buf_.data() + pos_, avail()), 0);
      if (hdr_end != std::string_view::npos || !more || want >= kMaxHeaderBytes + 4) break;
    }
    return hdr_end;
  }

  // The header fields a record is read by (views into `header`).
  static WarcFields ReadFields(std::string_view header) {
    WarcFields f;
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
    return f;
  }

  // True when the block that the declared length ends at *after (relative to pos_) is followed
  // by CRLF CRLF and then the next record, a member end or the end; *after then moves past the
  // line ends, and *at_end says whether nothing follows.
  bool LengthFits(bool cross, size_t* after, bool* at_end) {
    if (!Fill(*after, cross)) return false;
    Fill(*after + 4, cross);
    for (int k = 0;
         k < 4 && *after < avail() && (buf_[pos_ + *after] == '\r' || buf_[pos_ + *after] == '\n');
         ++k)
      ++*after;
    *at_end = !Fill(*after + 1, cross);
    if (!*at_end &&
        (!Fill(*after + 5, cross) || std::string_view(buf_.data() + pos_ + *after, 5) != "WARC/")) {
      if (state_ == Decoder::State::kError && avail() <= *after) {
        *at_end = true;  // the decoder failure is reported with the next record
      } else {
        return false;
      }
    }
    return true;
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
    size_t hdr_end = ScanHeader(cross);
    if (hdr_end == std::string_view::npos) {
      if (state_ == Decoder::State::kError) return DecoderFailed();
      return Resync(start + 1,
                    Corrupt(where, avail() >= kMaxHeaderBytes ? "record header exceeds 64 KiB"
                                                              : "record header is truncated"));
    }
    WarcFields f = ReadFields(std::string_view(buf_.data() + pos_, hdr_end));
    uint64_t len = 0;
    auto r = std::from_chars(f.content_length.data(),
                             f.content_length.data() + f.content_length.size(), len);
    bool length_known = !f.content_length.empty() && r.ec == std::errc() &&
                        r.ptr == f.content_length.data() + f.content_length.size();
    bool wanted = IEquals(f.type, "response") || IEquals(f.type, "resource");
    uint64_t block_start = start + hdr_end;

    if (length_known && len > limits_.max_document_bytes)
      return SkipOversized(where, hdr_end, len, wanted, f.content_type, cross);

    // The block must be followed by CRLF CRLF and then the next record, a member end or the end.
    size_t block_len = static_cast<size_t>(len);
    size_t after = hdr_end + block_len;
    bool at_end = false;
    bool length_fits = length_known && LengthFits(cross, &after, &at_end);
    if (!length_fits) {
      if (state_ == Decoder::State::kError) return DecoderFailed();
      // Crawlers write wrong or missing lengths (a body re-encoded after the header was written):
      // where the next record, or the end of this record's own gzip member, shows where the
      // block ends, the record is read up to there.
      size_t declared = length_known ? static_cast<size_t>(len) : std::string_view::npos;
      if (!FindBlockEnd(hdr_end, declared, cross, &block_len, &after, &at_end)) {
        std::string why =
            !length_known ? "missing or bad Content-Length, and no record boundary follows"
            : Fill(hdr_end + static_cast<size_t>(len), cross)
                ? "Content-Length " + std::to_string(len) +
                      " does not match the record (no record follows its block)"
                : "Content-Length " + std::to_string(len) + " runs past the end of the " +
                      (at_member_start ? "gzip member" : "input") + " (truncated or wrong length)";
        if (state_ == Decoder::State::kError) return DecoderFailed();
        return Resync(length_known ? block_start : start + 1, Corrupt(where, why));
      }
    }
    bool whole_member = at_member_start && at_end && state_ == Decoder::State::kMemberEnd;
    std::string_view block(buf_.data() + pos_ + hdr_end, block_len);
    resyncing_ = false;
    std::optional<core::Result<core::RawDocument>> out;
    if (wanted) {
      core::Provenance prov;
      prov.source = source_;
      prov.container = dec_->compressed() && !whole_member ? "warc-stream" : "warc";
      prov.offset = whole_member ? member_begin : start;
      prov.length = whole_member ? dec_->member_end() - member_begin : after;
      prov.record_id = f.record_id;
      prov.crawl_date = f.date;
      out = MakeDocument(std::move(prov), where, f.type, f.target_uri, f.content_type, block);
    }
    pos_ += after;
    return out;
  }

  // Where a block whose Content-Length is wrong or missing ends: before the next line that is a
  // WARC version line, or at the end of this record's own gzip member / zstd frame (never at the
  // end of a plain input: that is a truncated record). *block_len leaves out the CRLF CRLF
  // before the boundary; *after is the boundary, relative to pos_. False when no boundary shows
  // within the per-record limit.
  // A declared length that ends before the boundary with only blank lines after it is kept.
  bool FindBlockEnd(size_t hdr_end, size_t declared, bool cross, size_t* block_len, size_t* after,
                    bool* at_end) {
    const size_t limit = hdr_end + limits_.max_document_bytes + 16;
    size_t scanned = hdr_end;
    size_t want = hdr_end + (64 << 10);
    auto finish = [&](size_t boundary) {
      *after = boundary;
      if (declared != std::string_view::npos && hdr_end + declared <= boundary) {
        std::string_view rest(buf_.data() + pos_ + hdr_end + declared,
                              boundary - hdr_end - declared);
        if (rest.find_first_not_of("\r\n \t") == std::string_view::npos) {
          *block_len = declared;
          return;
        }
      }
      size_t e = boundary;
      for (int k = 0;
           k < 4 && e > hdr_end && (buf_[pos_ + e - 1] == '\r' || buf_[pos_ + e - 1] == '\n'); ++k)
        --e;
      *block_len = e - hdr_end;
    };
    for (;;) {
      bool more = Fill(want, cross);
      size_t i = std::string_view(buf_.data() + pos_, avail()).find("\nWARC/1.", scanned - 1);
      while (i != std::string_view::npos) {
        Fill(i + 12, cross);  // may compact buf_; offsets from pos_ stay valid
        std::string_view v(buf_.data() + pos_, avail());
        if (IsVersionLine(v.substr(i + 1))) {
          finish(i + 1);
          *at_end = false;
          return true;
        }
        i = v.find("\nWARC/1.", i + 1);
      }
      if (!more) {
        if (cross || state_ != Decoder::State::kMemberEnd) return false;
        finish(avail());
        *at_end = true;
        return true;
      }
      if (want >= limit) return false;
      scanned = std::max(hdr_end, avail() > 12 ? avail() - 12 : size_t{0});
      want = std::min(want * 2, limit);
    }
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
        std::string http_ct;
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
    // Crawler logs, manifests and DNS answers are records too; none is a news page.
    if (!IsWebTarget(doc.url)) return std::nullopt;
    std::string_view payload = block;
    std::string payload_type(content_type);
    std::string storage;
    bool http = IEquals(type, "response") && IContains(content_type, "application/http");
    if (http) {
      size_t he = HeaderEnd(block, 0);
      if (he == std::string_view::npos)
        return core::Result<core::RawDocument>(
            core::Status::Corruption(where, "", "HTTP header never ends"));
      std::string te, ce, location;
      payload_type.clear();
      std::string_view status_line =
          ForEachField(block.substr(0, he), [&](std::string_view n, std::string_view v) {
            if (IEquals(n, "Content-Type"))
              payload_type = v;
            else if (IEquals(n, "Transfer-Encoding"))
              te = v;
            else if (IEquals(n, "Content-Encoding"))
              ce = v;
            else if (IEquals(n, "Location"))
              location = v;
          });
      // "HTTP/1.1 200 OK", "HTTP/1.1 200" (the reason phrase is optional), extra spaces.
      size_t sp = status_line.find_first_of(" \t");
      if (sp != std::string_view::npos) {
        std::string_view code = Trim(status_line.substr(sp));
        std::from_chars(code.data(), code.data() + code.size(), prov.http_status);
      }
      int s = prov.http_status;
      if (s >= 300 && s < 400) {
        // A redirect is no article, but a reader of the archive should see where it went.
        if (notes_) {
          Reference ref;
          ref.url = doc.url;
          ref.kind = "redirect";
          ref.listed_in = source_;
          ref.hints["status"] = std::to_string(s);
          if (!location.empty()) ref.hints["location"] = location;
          ref.hints["record"] = prov.record_id;
          ref.hints["origin"] =
              source_ + ":" + std::to_string(prov.offset) + ":" + std::to_string(prov.length);
          notes_->push_back(std::move(ref));
        }
        return std::nullopt;
      }
      // Plain errors carry no article; 401/402/403/451 pages are kept because they are the
      // evidence for a paywall or a legal block.
      if (s >= 400 && s != 401 && s != 402 && s != 403 && s != 451) return std::nullopt;
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
    if (payload_type.empty()) {
      // No type stated: judge by the bytes, as a browser sniffs.
      InputKind k = DetectInputKind(payload.substr(0, 4096));
      if (k != InputKind::kHtml && k != InputKind::kText) return std::nullopt;
      is_html = k == InputKind::kHtml;
    } else if (!IsPageType(payload_type, &is_html)) {
      return std::nullopt;  // images, PDFs, scripts, JSON
    }
    // A stored plain-text resource (a crawl log, a manifest) is not a page; a plain-text HTTP
    // answer can be (wire copy served as text), unless it is the site's robots.txt.
    if (!is_html && (!http || EndsWithRobotsTxt(doc.url))) return std::nullopt;
    doc.kind = is_html ? core::ContentKind::kHtml : core::ContentKind::kText;
    doc.content = DecodeToUtf8(payload, CharsetFromContentType(payload_type), &doc.charset,
                               &doc.charset_source);
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
  bool resyncing_ = false;                   // no record parsed since the last error
  std::vector<Reference>* notes_ = nullptr;  // redirects seen, when the caller wants them
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
    for (char& c : out) c = core::AsciiLower(c);
    return out;
  }
  return "";
}

std::unique_ptr<RecordSource> OpenWarcReader(std::string source, std::unique_ptr<Decoder> decoder,
                                             const core::Limits& limits,
                                             std::vector<Reference>* redirects) {
  return std::make_unique<WarcReader>(std::move(source), std::move(decoder), limits, redirects);
}

void ReadWarc(const std::string& source, std::string_view bytes, const core::Limits& limits,
              const EmitFn& emit, std::vector<Reference>* redirects) {
  auto reader = OpenWarcReader(
      source, MakeDecoder(ByteInput::FromMemory(std::string(bytes)), DetectCompression(bytes)),
      limits, redirects);
  while (auto r = reader->Next()) emit(std::move(*r));
}

}  // namespace wirebrief::ingest::detail
