// WARC reader. Record framing follows the WARC 1.1 spec: a version line, named fields, a blank
// line, Content-Length bytes of block, then CRLF CRLF. Gzip members are inflated one at a time
// so each record's provenance is the offset and length of its compressed member, which is what
// `{file}:{offset}:{length}` retrieval (warc2text, CC index) needs.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Parses "Name: value" lines up to the blank line; returns the offset just past the blank line,
// or npos when the header never ends.
size_t ParseHeaderBlock(std::string_view data, size_t pos, std::map<std::string, std::string>* fields,
                        std::string* first_line) {
  bool first = true;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) return std::string_view::npos;
    std::string_view line = data.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    if (line.empty()) return pos;
    if (first) {
      *first_line = std::string(line);
      first = false;
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    (*fields)[LowerAscii(Trim(line.substr(0, colon)))] = std::string(Trim(line.substr(colon + 1)));
  }
  return std::string_view::npos;
}

std::string CharsetFromContentType(std::string_view ct) {
  std::string lower = LowerAscii(ct);
  size_t p = lower.find("charset=");
  if (p == std::string::npos) return "";
  std::string_view v = std::string_view(lower).substr(p + 8);
  size_t end = v.find_first_of("; ");
  return std::string(Trim(v.substr(0, end)));
}

struct RecordSink {
  const std::string& source;
  const core::Limits& limits;
  const EmitFn& emit;
};

// Turns one record's block into a document (or nothing for record types we skip).
void EmitRecord(const RecordSink& sink, const std::map<std::string, std::string>& fields,
                std::string_view block, uint64_t offset, uint64_t length) {
  auto get = [&](const char* k) -> std::string {
    auto it = fields.find(k);
    return it == fields.end() ? std::string() : it->second;
  };
  std::string type = LowerAscii(get("warc-type"));
  if (type != "response" && type != "resource") return;
  std::string record = "offset " + std::to_string(offset);
  core::RawDocument doc;
  doc.url = get("warc-target-uri");
  if (doc.url.size() >= 2 && doc.url.front() == '<' && doc.url.back() == '>')
    doc.url = doc.url.substr(1, doc.url.size() - 2);
  doc.provenance = {sink.source, "warc", offset, length, get("warc-record-id"), get("warc-date"), 0};
  std::string content_type = get("content-type");
  std::string_view payload = block;
  if (type == "response" && LowerAscii(content_type).find("application/http") != std::string::npos) {
    std::map<std::string, std::string> http;
    std::string status_line;
    size_t body = ParseHeaderBlock(block, 0, &http, &status_line);
    if (body == std::string_view::npos) {
      sink.emit(core::Status::Corruption(sink.source, record, "HTTP header never ends"));
      return;
    }
    // "HTTP/1.1 200 OK"
    size_t sp = status_line.find(' ');
    if (sp != std::string::npos) {
      std::from_chars(status_line.data() + sp + 1, status_line.data() + status_line.size(),
                      doc.provenance.http_status);
    }
    if (doc.provenance.http_status >= 300 && doc.provenance.http_status < 400) return;  // redirect
    content_type = http.count("content-type") ? http["content-type"] : "";
    payload = block.substr(body);
  }
  std::string ct = LowerAscii(content_type);
  bool is_html = ct.empty() || ct.find("html") != std::string::npos;
  bool is_text = ct.find("text/plain") != std::string::npos;
  if (!is_html && !is_text) return;  // images, PDFs, scripts: not articles
  if (payload.size() > sink.limits.max_document_bytes) {
    sink.emit(core::Status::LimitExceeded(sink.source, record,
                                          "payload of " + std::to_string(payload.size()) +
                                              " bytes exceeds the document limit"));
    return;
  }
  doc.kind = is_html ? core::ContentKind::kHtml : core::ContentKind::kText;
  doc.content = DecodeToUtf8(payload, CharsetFromContentType(content_type), &doc.charset);
  sink.emit(std::move(doc));
}

// Parses consecutive records in `data`. Offsets reported are base + position, unless
// `member_offset` is set (gzip), in which case every record reports its member's span.
void ParseRecords(const RecordSink& sink, std::string_view data, uint64_t base, bool in_member,
                  uint64_t member_offset, uint64_t member_length) {
  size_t pos = 0;
  while (pos < data.size()) {
    while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
    if (pos >= data.size()) break;
    uint64_t rec_offset = in_member ? member_offset : base + pos;
    std::string record = "offset " + std::to_string(rec_offset);
    auto resync = [&](size_t from) {
      size_t next = data.find("\nWARC/1.", from);
      return next == std::string_view::npos ? data.size() : next + 1;
    };
    if (data.substr(pos, 5) != "WARC/") {
      sink.emit(core::Status::Corruption(sink.source, record, "expected a WARC/1.x version line"));
      pos = resync(pos);
      continue;
    }
    std::map<std::string, std::string> fields;
    std::string version;
    size_t block_start = ParseHeaderBlock(data, pos, &fields, &version);
    if (block_start == std::string_view::npos) {
      sink.emit(core::Status::Corruption(sink.source, record, "record header is truncated"));
      return;
    }
    auto cl = fields.find("content-length");
    uint64_t len = 0;
    if (cl == fields.end() ||
        std::from_chars(cl->second.data(), cl->second.data() + cl->second.size(), len).ec !=
            std::errc()) {
      sink.emit(core::Status::Corruption(sink.source, record, "missing or bad Content-Length"));
      pos = resync(block_start);
      continue;
    }
    if (len > data.size() - block_start) {
      sink.emit(core::Status::Corruption(
          sink.source, record,
          "Content-Length " + std::to_string(len) + " runs past the end of the " +
              (in_member ? "gzip member" : "file") + " (truncated or wrong length)"));
      pos = resync(block_start);
      continue;
    }
    uint64_t rec_length = in_member ? member_length : (block_start - pos) + len;
    EmitRecord(sink, fields, data.substr(block_start, len), rec_offset, rec_length);
    pos = block_start + len;
  }
}

}  // namespace

void ReadWarc(const std::string& source, std::string_view bytes, const core::Limits& limits,
              const EmitFn& emit) {
  RecordSink sink{source, limits, emit};
  if (bytes.size() < 2 || bytes[0] != '\x1f' || bytes[1] != '\x8b') {
    ParseRecords(sink, bytes, 0, false, 0, 0);
    return;
  }
  size_t pos = 0;
  std::string member;
  char buf[65536];
  while (pos < bytes.size()) {
    z_stream zs{};
    inflateInit2(&zs, 16 + MAX_WBITS);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + pos));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size() - pos, 1u << 30));
    member.clear();
    int rc = Z_OK;
    bool too_big = false;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      // Past the cap keep inflating to find the member's end, but stop keeping the bytes.
      if (!too_big) member.append(buf, sizeof buf - zs.avail_out);
      if (member.size() > limits.max_document_bytes + (64u << 10)) too_big = true;
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
    }
    size_t consumed = zs.total_in;
    inflateEnd(&zs);
    std::string record = "offset " + std::to_string(pos);
    if (rc != Z_STREAM_END) {
      emit(core::Status::Corruption(source, record,
                                    rc == Z_BUF_ERROR ? "truncated gzip member (file ends early)"
                                                      : "bad gzip member"));
      // Resynchronise at the next gzip member header.
      size_t next = bytes.find(std::string_view("\x1f\x8b\x08", 3), pos + 1);
      if (next == std::string_view::npos) return;
      pos = next;
      continue;
    }
    if (too_big) {
      emit(core::Status::LimitExceeded(source, record, "gzip member inflates past the document limit"));
    } else {
      ParseRecords(sink, member, pos, true, pos, consumed);
    }
    pos += consumed;
    while (pos < bytes.size() && bytes[pos] == '\0') ++pos;  // padding
  }
}

}  // namespace wirebrief::ingest::detail
