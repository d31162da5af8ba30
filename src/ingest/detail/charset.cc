// Charset decoding: BOM > transport header > <meta> prescan > UTF-8 validity > windows-1252.
// The fallback is windows-1252 because the HTML spec makes it the default for legacy pages
// and it maps every byte, so decoding never fails.
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace wirebrief::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string NormalizeLabel(std::string_view label) {
  std::string l = Lower(label);
  l.erase(std::remove_if(l.begin(), l.end(),
                         [](char c) { return c == '"' || c == '\'' || std::isspace(
                                                                         static_cast<unsigned char>(c)); }),
          l.end());
  if (l == "utf8") return "utf-8";
  // The HTML spec maps these labels to windows-1252.
  if (l == "iso-8859-1" || l == "latin1" || l == "us-ascii" || l == "ascii" || l == "cp1252" ||
      l == "iso8859-1" || l == "l1")
    return "windows-1252";
  return l;
}

// Length of a valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t Utf8SeqLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
  if (c == 0xF0 && c1 < 0x90) return 0;
  if (c == 0xF4 && c1 >= 0x90) return 0;
  return len;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SeqLen(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SeqLen(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

// The charset named by a <meta charset> or <meta http-equiv content="...charset=..."> in the
// first 1024 bytes (the HTML spec's prescan window); empty when none.
std::string MetaPrescan(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 1024));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    size_t cs = tag.find("charset");
    if (cs != std::string::npos) {
      size_t v = cs + 7;
      while (v < tag.size() && (tag[v] == ' ' || tag[v] == '=' || tag[v] == '"' || tag[v] == '\''))
        ++v;
      size_t e = v;
      while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' ||
                                tag[e] == '_' || tag[e] == ':' || tag[e] == '.'))
        ++e;
      if (e > v) return std::string(tag.substr(v, e - v));
    }
    pos = end;
  }
  return "";
}

bool ConvertWithIconv(std::string_view bytes, const std::string& charset, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 4);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buf[8192];
  while (in_left > 0) {
    char* o = buf;
    size_t o_left = sizeof buf;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buf, sizeof buf - o_left);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ / EINVAL: an undecodable byte; mark it and go on, as browsers do.
      *out += "\xEF\xBF\xBD";
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  return true;
}

}  // namespace

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* charset_out) {
  std::string charset;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    bytes.remove_prefix(2);
  }
  if (charset.empty() && !declared.empty()) charset = NormalizeLabel(declared);
  if (charset.empty()) charset = NormalizeLabel(MetaPrescan(bytes));
  if (charset.empty()) charset = IsValidUtf8(bytes) ? "utf-8" : "windows-1252";
  std::string out;
  if (charset != "utf-8" && !ConvertWithIconv(bytes, charset, &out)) {
    // Unknown label: fall back to content-based choice rather than failing the page.
    charset = IsValidUtf8(bytes) ? "utf-8" : "windows-1252";
    if (charset != "utf-8") ConvertWithIconv(bytes, charset, &out);
  }
  if (charset == "utf-8") out = RepairUtf8(bytes);
  if (charset_out) *charset_out = charset;
  return out;
}

}  // namespace wirebrief::ingest
