// Charset decoding: BOM > transport header > <meta> prescan > UTF-8 validity > uchardet >
// windows-1252. Labels are mapped the way the WHATWG Encoding standard maps them (latin1 means
// windows-1252, gb2312 means gbk, shift_jis means windows-31j), and decoding goes through
// glibc's iconv. One mislabel is common enough on news sites to correct: a page labelled with a
// legacy single-byte charset whose bytes are valid UTF-8 with non-ASCII characters is decoded as
// UTF-8 (that byte pattern is vanishingly rare in real legacy text). A UTF-8 label is obeyed: its
// invalid bytes become U+FFFD.
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace wirebrief::ingest {
namespace {

// uchardet reaches a stable answer well within this much text; feeding more only costs time.
constexpr size_t kDetectBytes = 64 << 10;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Charset {
  std::string label;  // reported name
  std::string iconv;  // name glibc iconv knows; empty for UTF-8
};

// WHATWG-style label -> canonical charset. Unknown labels pass through for iconv to judge.
Charset Canonical(std::string_view raw) {
  std::string l = Lower(raw);
  l.erase(std::remove_if(l.begin(), l.end(),
                         [](char c) {
                           return c == '"' || c == '\'' ||
                                  std::isspace(static_cast<unsigned char>(c));
                         }),
          l.end());
  auto in = [&](std::initializer_list<const char*> names) {
    for (const char* n : names)
      if (l == n) return true;
    return false;
  };
  if (l.empty()) return {};
  if (in({"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"})) return {"utf-8", ""};
  if (in({"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
          "ansi_x3.4-1968", "cp1252", "x-cp1252", "windows-1252", "cp819", "iso-ir-100", "ibm819"}))
    return {"windows-1252", "WINDOWS-1252"};
  if (in({"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "cp932", "windows-31j",
          "csshiftjis"}))
    return {"shift_jis", "CP932"};
  if (in({"euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "windows-949", "cp949",
          "korean", "uhc"}))
    return {"euc-kr", "CP949"};
  if (in({"gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "chinese", "csgb2312", "euc-cn",
          "iso-ir-58"}))
    return {"gbk", "GB18030"};  // gb18030 is the superset browsers decode gbk with
  if (l == "gb18030") return {"gb18030", "GB18030"};
  if (in({"big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"})) return {"big5", "BIG5-HKSCS"};
  if (in({"euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"})) return {"euc-jp", "EUC-JP"};
  if (in({"iso-2022-jp", "csiso2022jp"})) return {"iso-2022-jp", "ISO-2022-JP"};
  if (in({"iso-8859-9", "latin5", "windows-1254", "cp1254"}))
    return {"windows-1254", "WINDOWS-1254"};
  if (in({"tis-620", "iso-8859-11", "windows-874", "cp874"})) return {"windows-874", "CP874"};
  if (in({"utf-16", "utf-16le"})) return {"utf-16le", "UTF-16LE"};
  if (l == "utf-16be") return {"utf-16be", "UTF-16BE"};
  if (l.rfind("cp125", 0) == 0 && l.size() == 6) l = "windows-" + l.substr(2);
  std::string up = l;
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return {l, up};
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
  if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
  if (c == 0xF0 && c1 < 0x90) return 0;
  if (c == 0xF4 && c1 >= 0x90) return 0;
  return len;
}

struct Utf8Census {
  size_t multibyte = 0;  // valid non-ASCII sequences
  size_t invalid = 0;    // bytes starting no valid sequence
};

// Counts valid multi-byte sequences and invalid bytes; the ASCII run check reads 8 bytes at a
// time because this runs on every page and most bytes are ASCII markup.
Utf8Census CensusUtf8(std::string_view s, bool stop_at_first_invalid) {
  Utf8Census c;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SeqLen(s, i);
    if (len == 0) {
      ++c.invalid;
      if (stop_at_first_invalid) return c;
      ++i;
    } else {
      ++c.multibyte;
      i += len;
    }
  }
  return c;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
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

// Returns false when iconv does not know the charset.
bool ConvertWithIconv(std::string_view bytes, const std::string& charset, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buf[16384];
  while (in_left > 0) {
    char* o = buf;
    size_t o_left = sizeof buf;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buf, sizeof buf - o_left);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ / EINVAL: an undecodable byte (or a sequence cut by the end); mark it and go on,
      // as browsers do.
      *out += "\xEF\xBF\xBD";
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  // Flush any shift state (ISO-2022-JP).
  char* o = buf;
  size_t o_left = sizeof buf;
  iconv(cd, nullptr, nullptr, &o, &o_left);
  out->append(buf, sizeof buf - o_left);
  iconv_close(cd);
  return true;
}

struct UchardetFree {
  void operator()(uchardet_t u) const { uchardet_delete(u); }
};

// uchardet's guess, or "" when it has none.
std::string Detect(std::string_view bytes) {
  thread_local std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetFree> ud(uchardet_new());
  uchardet_reset(ud.get());
  std::string_view sample = bytes.substr(0, kDetectBytes);
  if (uchardet_handle_data(ud.get(), sample.data(), sample.size()) != 0) return "";
  uchardet_data_end(ud.get());
  const char* cs = uchardet_get_charset(ud.get());
  return cs ? cs : "";
}

bool IsUtf8(const Charset& c) { return c.label == "utf-8"; }

}  // namespace

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* charset_out) {
  Charset cs;
  bool from_bom = false;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    cs = {"utf-8", ""};
    from_bom = true;
  } else if (bytes.size() >= 2 &&
             (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    cs = bytes[0] == '\xFF' ? Charset{"utf-16le", "UTF-16LE"} : Charset{"utf-16be", "UTF-16BE"};
    bytes.remove_prefix(2);
    from_bom = true;
  }
  if (cs.label.empty()) cs = Canonical(declared);
  if (cs.label.empty()) cs = Canonical(MetaPrescan(bytes));

  std::string out;
  if (!from_bom && !cs.label.empty()) {
    bool single_byte_label = cs.label.rfind("windows-", 0) == 0 ||
                             cs.label.rfind("iso-8859", 0) == 0 || cs.label.rfind("koi8", 0) == 0;
    // Pages re-saved as UTF-8 often keep their old label. Valid UTF-8 with multibyte sequences
    // is strong evidence against a single-byte label; legacy multibyte text (GB2312, Shift_JIS,
    // EUC-KR) almost never forms valid UTF-8 sequences, so a few of them are enough there too.
    bool utf16_label = cs.label.rfind("utf-16", 0) == 0;
    if (!utf16_label && !IsUtf8(cs)) {
      Utf8Census c = CensusUtf8(bytes, true);
      if (c.invalid == 0 && c.multibyte >= (single_byte_label ? 1u : 4u)) cs = {"utf-8", ""};
    }
  }
  if (cs.label.empty()) {
    if (CensusUtf8(bytes, true).invalid == 0) {
      cs = {"utf-8", ""};
    } else {
      cs = Canonical(Detect(bytes));
      if (cs.label.empty() || IsUtf8(cs)) cs = {"windows-1252", "WINDOWS-1252"};
    }
  }
  if (!IsUtf8(cs) && !ConvertWithIconv(bytes, cs.iconv, &out)) {
    // A label iconv does not know: judge by content rather than fail the page.
    std::string guess = CensusUtf8(bytes, true).invalid == 0 ? "utf-8" : Detect(bytes);
    cs = Canonical(guess);
    if (cs.label.empty() || (!IsUtf8(cs) && !ConvertWithIconv(bytes, cs.iconv, &out))) {
      cs = {"windows-1252", "WINDOWS-1252"};
      ConvertWithIconv(bytes, cs.iconv, &out);
    }
  }
  if (IsUtf8(cs))
    out = CensusUtf8(bytes, true).invalid == 0 ? std::string(bytes) : RepairUtf8(bytes);
  if (charset_out) *charset_out = cs.label;
  return out;
}

}  // namespace wirebrief::ingest
