// Charset decoding by the WHATWG encoding sniffing algorithm (HTML standard, "determining the
// character encoding"): byte-order mark, then the transport's charset, then the <meta> prescan of
// the first 1024 bytes, then detection, then windows-1252. Labels are the Encoding standard's;
// decoding goes through glibc's iconv. Detection is ours: ISO-2022-JP by its escape sequences,
// UTF-16 without a BOM by its zero bytes, UTF-8 by validity, else uchardet.
//
// One departure, for a mislabel common on news sites: a page labelled with a legacy charset whose
// bytes are valid UTF-8 with non-ASCII characters is decoded as UTF-8 ("detected"); that byte
// pattern is vanishingly rare in real legacy text. A UTF-8 label is obeyed: its invalid bytes
// become U+FFFD.
#include "ingest/detail/charset.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/module.h"
#include "core/text.h"
#include "ingest/detail/charset_module.h"
#include "ingest/ingest.h"

namespace wirebrief::ingest {
namespace detail {
namespace {

bool IsSpaceByte(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

unsigned char LowerByte(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

enum class Attr { kFound, kNone, kEnd };

// The standard's "get an attribute" over bytes[*pos, end); advances *pos. kNone at a '>', kEnd
// when the window runs out first (which ends the whole prescan).
Attr GetAttribute(std::string_view b, size_t* pos, std::string* name, std::string* value) {
  size_t p = *pos;
  const size_t n = b.size();
  *pos = n;  // every early return below is the window running out
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  while (p < n && (IsSpaceByte(at(p)) || at(p) == '/')) ++p;
  if (p >= n) return Attr::kEnd;
  if (at(p) == '>') {
    *pos = p;
    return Attr::kNone;
  }
  name->clear();
  value->clear();
  bool to_value = false;
  // The name's first byte is taken whatever it is (even '=' or '/').
  for (bool first = true;; ++p, first = false) {
    if (p >= n) return Attr::kEnd;
    unsigned char c = at(p);
    if (c == '=' && !first) {
      ++p;
      to_value = true;
      break;
    }
    if (IsSpaceByte(c)) break;
    if ((c == '/' || c == '>') && !first) {
      *pos = p;
      return Attr::kFound;
    }
    *name += static_cast<char>(LowerByte(c));
  }
  if (!to_value) {
    while (p < n && IsSpaceByte(at(p))) ++p;
    if (p >= n) return Attr::kEnd;
    if (at(p) != '=') {
      *pos = p;
      return Attr::kFound;
    }
    ++p;
  }
  while (p < n && IsSpaceByte(at(p))) ++p;
  if (p >= n) return Attr::kEnd;
  if (at(p) == '"' || at(p) == '\'') {
    unsigned char quote = at(p);
    for (++p; p < n; ++p) {
      if (at(p) == quote) {
        *pos = p + 1;
        return Attr::kFound;
      }
      *value += static_cast<char>(LowerByte(at(p)));
    }
    return Attr::kEnd;
  }
  if (at(p) == '>') {
    *pos = p;
    return Attr::kFound;
  }
  for (; p < n; ++p) {
    unsigned char c = at(p);
    if (IsSpaceByte(c) || c == '>') {
      *pos = p;
      return Attr::kFound;
    }
    *value += static_cast<char>(LowerByte(c));
  }
  return Attr::kEnd;
}

// The standard's "extracting a character encoding from a meta element" over a content value.
const Encoding* EncodingFromContent(std::string_view s) {
  size_t p = 0;
  for (;;) {
    size_t c = s.find("charset", p);  // the value is lower-cased already
    if (c == std::string_view::npos) return nullptr;
    p = c + 7;
    while (p < s.size() && IsSpaceByte(static_cast<unsigned char>(s[p]))) ++p;
    if (p < s.size() && s[p] == '=') break;
  }
  ++p;
  while (p < s.size() && IsSpaceByte(static_cast<unsigned char>(s[p]))) ++p;
  if (p >= s.size()) return nullptr;
  if (s[p] == '"' || s[p] == '\'') {
    size_t close = s.find(s[p], p + 1);
    if (close == std::string_view::npos) return nullptr;
    return EncodingForLabel(s.substr(p + 1, close - p - 1));
  }
  size_t e = p;
  while (e < s.size() && !IsSpaceByte(static_cast<unsigned char>(s[e])) && s[e] != ';') ++e;
  return EncodingForLabel(s.substr(p, e - p));
}

// The standard's "get an XML encoding": the encoding="..." of a leading <?xml declaration.
const Encoding* XmlDeclarationEncoding(std::string_view b) {
  if (b.substr(0, 5) != "<?xml") return nullptr;
  size_t end = b.find('>');
  if (end == std::string_view::npos) return nullptr;
  std::string_view decl = b.substr(0, end);
  size_t e = decl.find("encoding");
  if (e == std::string_view::npos) return nullptr;
  size_t p = e + 8;
  while (p < decl.size() && static_cast<unsigned char>(decl[p]) <= 0x20) ++p;
  if (p >= decl.size() || decl[p] != '=') return nullptr;
  ++p;
  while (p < decl.size() && static_cast<unsigned char>(decl[p]) <= 0x20) ++p;
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return nullptr;
  size_t close = decl.find(decl[p], p + 1);
  if (close == std::string_view::npos) return nullptr;
  const Encoding* enc = EncodingForLabel(decl.substr(p + 1, close - p - 1));
  if (enc && (enc == &Utf16LeEncoding() || enc == &Utf16BeEncoding())) return &Utf8Encoding();
  return enc;
}

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The prescan's loop; nullptr when the window runs out first.
const Encoding* ScanMeta(std::string_view b) {
  const size_t n = b.size();
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  auto starts_ci = [&](size_t p, std::string_view s) {
    if (p + s.size() > n) return false;
    for (size_t k = 0; k < s.size(); ++k)
      if (LowerByte(at(p + k)) != static_cast<unsigned char>(s[k])) return false;
    return true;
  };
  std::string name, value;
  for (size_t p = 0; p < n; ++p) {
    if (at(p) != '<') continue;
    if (b.substr(p, 4) == "<!--") {
      // To the first "-->" whose dashes may be those of "<!--" itself ("<!-->" ends it).
      size_t e = b.find("-->", p + 2);
      if (e == std::string_view::npos) return nullptr;
      p = e + 2;
      continue;
    }
    if (starts_ci(p, "<meta") && p + 5 < n && (IsSpaceByte(at(p + 5)) || at(p + 5) == '/')) {
      p += 5;
      std::vector<std::string> seen;
      bool got_pragma = false;
      int need_pragma = -1;  // -1 null, 0 false, 1 true
      const Encoding* charset = nullptr;
      bool charset_failed = false;
      for (;;) {
        Attr got = GetAttribute(b, &p, &name, &value);
        if (got == Attr::kEnd) return nullptr;  // the window ended inside the tag
        if (got == Attr::kNone) break;
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
        seen.push_back(name);
        if (name == "http-equiv") {
          if (value == "content-type") got_pragma = true;
        } else if (name == "content") {
          const Encoding* enc = EncodingFromContent(value);
          if (enc && !charset && !charset_failed) {
            charset = enc;
            need_pragma = 1;
          }
        } else if (name == "charset") {
          charset = EncodingForLabel(value);
          charset_failed = charset == nullptr;
          need_pragma = 0;
        }
      }
      if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || !charset) continue;
      if (charset == &Utf16LeEncoding() || charset == &Utf16BeEncoding()) return &Utf8Encoding();
      if (std::string_view(charset->name) == "x-user-defined") return &Windows1252Encoding();
      return charset;
    }
    if ((p + 1 < n && IsAsciiLetter(at(p + 1))) ||
        (p + 2 < n && at(p + 1) == '/' && IsAsciiLetter(at(p + 2)))) {
      while (p < n && !IsSpaceByte(at(p)) && at(p) != '>') ++p;
      Attr got;
      while ((got = GetAttribute(b, &p, &name, &value)) == Attr::kFound) {
      }
      if (got == Attr::kEnd) return nullptr;
      continue;  // p is at the '>'; the loop moves past it
    }
    if (b.substr(p, 2) == "<!" || b.substr(p, 2) == "</" || b.substr(p, 2) == "<?") {
      size_t e = b.find('>', p + 1);
      if (e == std::string_view::npos) return nullptr;
      p = e;
    }
  }
  return nullptr;
}

// True when 7-bit text carries ISO-2022-JP's switches into JIS X 0208 (ESC $ B, ESC $ @):
// such text is valid ASCII (and so valid UTF-8) but means Japanese.
bool LooksLikeIso2022Jp(std::string_view s) {
  bool shift = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) return false;
    if (c == 0x1B && i + 2 < s.size() && s[i + 1] == '$' && (s[i + 2] == 'B' || s[i + 2] == '@'))
      shift = true;
  }
  return shift;
}

// x-user-defined: ASCII as is, bytes 0x80-0xFF to U+F780-U+F7FF.
std::string DecodeUserDefined(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      unsigned cp = 0xF780 + (c - 0x80);
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

}  // namespace

Utf16Guess SniffUtf16(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 4096);
  size_t units = s.size() / 2;
  if (units < 8) return Utf16Guess::kNone;
  size_t zero_hi_le = 0, zero_hi_be = 0, printable_le = 0, printable_be = 0;
  auto printable = [](unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t';
  };
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    unsigned char a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    if (b == 0 && a != 0) {
      ++zero_hi_le;
      if (printable(a)) ++printable_le;
    }
    if (a == 0 && b != 0) {
      ++zero_hi_be;
      if (printable(b)) ++printable_be;
    }
  }
  // Markup is ASCII: in a UTF-16 page, most code units have a zero high byte holding a printable
  // character, and (almost) none the other way round.
  if (zero_hi_le * 10 >= units * 4 && zero_hi_be * 50 <= units &&
      printable_le * 10 >= zero_hi_le * 9)
    return Utf16Guess::kLittleEndian;
  if (zero_hi_be * 10 >= units * 4 && zero_hi_le * 50 <= units &&
      printable_be * 10 >= zero_hi_be * 9)
    return Utf16Guess::kBigEndian;
  return Utf16Guess::kNone;
}

const Encoding* PrescanForEncoding(std::string_view bytes) {
  // UTF-16 XML prefixes, as the standard's first step: "<?x" in either byte order.
  if (bytes.substr(0, 6) == std::string_view("<\0?\0x\0", 6)) return &Utf16LeEncoding();
  if (bytes.substr(0, 6) == std::string_view("\0<\0?\0x", 6)) return &Utf16BeEncoding();
  if (const Encoding* e = ScanMeta(bytes)) return e;
  return XmlDeclarationEncoding(bytes);
}

const core::Result<const CharsetModuleApi*>& CharsetModule() {
  static const core::Result<const CharsetModuleApi*> api =
      core::LoadModuleApi<CharsetModuleApi>(kCharsetModule, kCharsetModuleEntry, kCharsetModuleAbi);
  return api;
}

}  // namespace detail

namespace {
using detail::Encoding;

// uchardet reaches a stable answer well within this much text; feeding more only costs time.
constexpr size_t kDetectBytes = 64 << 10;

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

// Returns false when iconv does not know the charset.
bool ConvertWithIconv(std::string_view bytes, const std::string& charset, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const bool cp1252 = charset == "CP1252";
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
      // as browsers do. glibc's CP1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, where
      // the Encoding standard's windows-1252 maps them to the C1 controls of the same value.
      unsigned char b = static_cast<unsigned char>(*in);
      if (cp1252 && (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)) {
        *out += '\xC2';
        *out += static_cast<char>(b);
      } else {
        *out += "\xEF\xBF\xBD";
      }
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

// uchardet's guess, or "" when it has none. Without its module there is none: the page falls
// to the standard's next step (windows-1252), and the first such page says why on stderr,
// since DecodeToUtf8 has no error to return and a silent fallback would hide a broken install.
std::string Detect(std::string_view bytes) {
  const core::Result<const detail::CharsetModuleApi*>& uchardet = detail::CharsetModule();
  if (!uchardet.ok()) {
    static std::once_flag said;
    std::call_once(said, [&] {
      std::fprintf(stderr, "wirebrief: charset detection unavailable: %s\n",
                   uchardet.status().ToString().c_str());
    });
    return "";
  }
  std::string name;
  std::string_view sample = bytes.substr(0, kDetectBytes);
  uchardet.value()->detect(sample.data(), sample.size(), &name);
  return name;
}

bool IsUtf8(const Encoding* e) { return e == &detail::Utf8Encoding(); }
bool IsUtf16(const Encoding* e) {
  return e == &detail::Utf16LeEncoding() || e == &detail::Utf16BeEncoding();
}

// What a detector's name means: the standard's encoding for its label, else the name itself
// when iconv knows it (uchardet names a few the standard does not list, such as EUC-TW).
// Never "replacement": that is a label's verdict, not a detector's.
const Encoding* ForDetectedName(const std::string& name, std::string* storage_name,
                                std::string* storage_iconv, Encoding* storage) {
  if (name.empty() || name == "ASCII") return nullptr;
  // Names uchardet uses for encodings the standard lists under other labels.
  std::string lower = name;
  for (char& c : lower) c = core::AsciiLower(c);
  if (lower == "uhc" || lower == "cp949") return detail::EncodingForLabel("euc-kr");
  if (lower == "cp932") return detail::EncodingForLabel("shift_jis");
  if (lower == "mac-cyrillic" || lower == "maccyrillic")
    return detail::EncodingForLabel("x-mac-cyrillic");
  if (const Encoding* e = detail::EncodingForLabel(name))
    return std::string_view(e->name) == "replacement" ? nullptr : e;
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return nullptr;
  iconv_close(cd);
  *storage_iconv = name;
  *storage_name = name;
  for (char& c : *storage_name) c = core::AsciiLower(c);
  *storage = {storage_name->c_str(), storage_iconv->c_str()};
  return storage;
}

}  // namespace

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* charset_out, std::string* source_out) {
  const Encoding* enc = nullptr;
  const char* why = "default";
  // 1. Byte-order mark.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    enc = &detail::Utf8Encoding();
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    enc = &detail::Utf16BeEncoding();
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    enc = &detail::Utf16LeEncoding();
    bytes.remove_prefix(2);
  }
  if (enc) why = "bom";
  // 2. The transport's label (HTTP Content-Type, a WARC payload's header).
  if (!enc && (enc = detail::EncodingForLabel(declared))) why = "http";
  // 3. The <meta> prescan of the first 1024 bytes.
  if (!enc && (enc = detail::PrescanForEncoding(bytes.substr(0, 1024)))) why = "meta";
  if (enc && why != std::string_view("bom") && !IsUtf8(enc) && !IsUtf16(enc)) {
    // Pages re-saved as UTF-8 often keep their old label. Valid UTF-8 with multibyte sequences
    // is strong evidence against a single-byte label; legacy multibyte text (GB2312, Shift_JIS,
    // EUC-KR) almost never forms valid UTF-8 sequences, so a few of them are enough there too.
    std::string_view name = enc->name;
    bool single_byte = name.rfind("windows-", 0) == 0 || name.rfind("iso-8859", 0) == 0 ||
                       name.rfind("koi8", 0) == 0 || name == "ibm866" || name == "macintosh" ||
                       name == "x-mac-cyrillic";
    Utf8Census c = CensusUtf8(bytes, true);
    if (c.invalid == 0 && c.multibyte >= (single_byte ? 1u : 4u)) {
      enc = &detail::Utf8Encoding();
      why = "detected";
    }
  }
  // 4. Detection; 5. windows-1252, the default for undeclared legacy text.
  Encoding detected_storage{};
  std::string detected_name, detected_iconv;
  if (!enc) {
    why = "detected";
    Utf8Census c = CensusUtf8(bytes, true);
    detail::Utf16Guess u16 = detail::SniffUtf16(bytes);
    if (u16 != detail::Utf16Guess::kNone) {
      enc = u16 == detail::Utf16Guess::kLittleEndian ? &detail::Utf16LeEncoding()
                                                     : &detail::Utf16BeEncoding();
    } else if (c.invalid == 0 && detail::LooksLikeIso2022Jp(bytes.substr(0, kDetectBytes))) {
      enc = &detail::Iso2022JpEncoding();
    } else if (c.invalid == 0 && c.multibyte > 0) {
      enc = &detail::Utf8Encoding();
    } else if (c.invalid > 0) {
      enc = ForDetectedName(Detect(bytes), &detected_name, &detected_iconv, &detected_storage);
      if (enc && IsUtf8(enc)) enc = nullptr;  // it is not: it has invalid sequences
    }
    if (!enc) {
      enc = &detail::Windows1252Encoding();
      why = "default";
    }
  }

  std::string out;
  std::string_view name = enc->name;
  if (IsUtf8(enc)) {
    out = CensusUtf8(bytes, true).invalid == 0 ? std::string(bytes) : RepairUtf8(bytes);
  } else if (enc == &detail::Windows1252Encoding() && why == std::string_view("default")) {
    // Most undeclared pages are pure ASCII, which windows-1252 leaves as it is: skip iconv.
    Utf8Census c = CensusUtf8(bytes, true);
    if (c.invalid == 0 && c.multibyte == 0)
      out = std::string(bytes);
    else
      ConvertWithIconv(bytes, enc->iconv, &out);
  } else if (name == "replacement") {
    // The standard decodes these labels (ISO-2022-KR, HZ, ...) to one U+FFFD: their bytes can
    // smuggle markup past filters, so no reader should show them.
    if (!bytes.empty()) out = "\xEF\xBF\xBD";
  } else if (name == "x-user-defined") {
    out = detail::DecodeUserDefined(bytes);
  } else if (!ConvertWithIconv(bytes, enc->iconv, &out)) {
    // An encoding iconv lacks here: judge by content rather than fail the page.
    enc = CensusUtf8(bytes, true).invalid == 0 ? &detail::Utf8Encoding()
                                               : &detail::Windows1252Encoding();
    why = "default";
    if (IsUtf8(enc))
      out = std::string(bytes);
    else
      ConvertWithIconv(bytes, enc->iconv, &out);
  }
  if (charset_out) *charset_out = enc->name;
  if (source_out) *source_out = why;
  return out;
}

}  // namespace wirebrief::ingest
