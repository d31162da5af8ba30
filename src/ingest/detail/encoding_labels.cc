// The WHATWG Encoding standard's label table (https://encoding.spec.whatwg.org/#names-and-labels),
// with the glibc iconv name each encoding decodes through. The standard's table is the contract
// browsers and html5lib share: a label outside it is no declaration at all, and the sniffing
// algorithm moves on to its next step.
#include <algorithm>
#include <cctype>
#include <string>

#include "core/text.h"
#include "ingest/detail/charset.h"

namespace wirebrief::ingest::detail {
namespace {

struct Entry {
  Encoding encoding;
  std::initializer_list<const char*> labels;
};

// "replacement" and "x-user-defined" have no iconv decoder: DecodeToUtf8 decodes them itself.
const Entry kTable[] = {
    {{"utf-8", ""},
     {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"}},
    {{"ibm866", "IBM866"}, {"866", "cp866", "csibm866", "ibm866"}},
    {{"iso-8859-2", "ISO-8859-2"},
     {"csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
      "iso_8859-2:1987", "l2", "latin2"}},
    {{"iso-8859-3", "ISO-8859-3"},
     {"csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
      "iso_8859-3:1988", "l3", "latin3"}},
    {{"iso-8859-4", "ISO-8859-4"},
     {"csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
      "iso_8859-4:1988", "l4", "latin4"}},
    {{"iso-8859-5", "ISO-8859-5"},
     {"csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
      "iso_8859-5", "iso_8859-5:1988"}},
    {{"iso-8859-6", "ISO-8859-6"},
     {"arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
      "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
      "iso_8859-6", "iso_8859-6:1987"}},
    {{"iso-8859-7", "ISO-8859-7"},
     {"csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
      "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"}},
    {{"iso-8859-8", "ISO-8859-8"},
     {"csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
      "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"}},
    {{"iso-8859-8-i", "ISO-8859-8"}, {"csiso88598i", "iso-8859-8-i", "logical"}},
    {{"iso-8859-10", "ISO-8859-10"},
     {"csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"}},
    {{"iso-8859-13", "ISO-8859-13"}, {"iso-8859-13", "iso8859-13", "iso885913"}},
    {{"iso-8859-14", "ISO-8859-14"}, {"iso-8859-14", "iso8859-14", "iso885914"}},
    {{"iso-8859-15", "ISO-8859-15"},
     {"csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"}},
    {{"iso-8859-16", "ISO-8859-16"}, {"iso-8859-16"}},
    {{"koi8-r", "KOI8-R"}, {"cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"}},
    {{"koi8-u", "KOI8-U"}, {"koi8-ru", "koi8-u"}},
    {{"macintosh", "MACINTOSH"}, {"csmacintosh", "mac", "macintosh", "x-mac-roman"}},
    {{"windows-874", "CP874"},
     {"dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"}},
    {{"windows-1250", "CP1250"}, {"cp1250", "windows-1250", "x-cp1250"}},
    {{"windows-1251", "CP1251"}, {"cp1251", "windows-1251", "x-cp1251"}},
    {{"windows-1252", "CP1252"},
     {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
      "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
      "us-ascii", "windows-1252", "x-cp1252"}},
    {{"windows-1253", "CP1253"}, {"cp1253", "windows-1253", "x-cp1253"}},
    {{"windows-1254", "CP1254"},
     {"cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9",
      "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"}},
    {{"windows-1255", "CP1255"}, {"cp1255", "windows-1255", "x-cp1255"}},
    {{"windows-1256", "CP1256"}, {"cp1256", "windows-1256", "x-cp1256"}},
    {{"windows-1257", "CP1257"}, {"cp1257", "windows-1257", "x-cp1257"}},
    {{"windows-1258", "CP1258"}, {"cp1258", "windows-1258", "x-cp1258"}},
    {{"x-mac-cyrillic", "MAC-CYRILLIC"}, {"x-mac-cyrillic", "x-mac-ukrainian"}},
    // gb18030 is the superset browsers decode gbk with.
    {{"gbk", "GB18030"},
     {"chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
      "iso-ir-58", "x-gbk"}},
    {{"gb18030", "GB18030"}, {"gb18030"}},
    {{"big5", "BIG5-HKSCS"}, {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"}},
    {{"euc-jp", "EUC-JP"}, {"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"}},
    {{"iso-2022-jp", "ISO-2022-JP"}, {"csiso2022jp", "iso-2022-jp"}},
    // windows-31j (CP932) is the superset browsers decode shift_jis with.
    {{"shift_jis", "CP932"},
     {"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
      "x-sjis"}},
    // windows-949 (CP949) is the superset browsers decode euc-kr with.
    {{"euc-kr", "CP949"},
     {"cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
      "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"}},
    {{"replacement", ""},
     {"csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"}},
    {{"utf-16be", "UTF-16BE"}, {"unicodefffe", "utf-16be"}},
    {{"utf-16le", "UTF-16LE"},
     {"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"}},
    {{"x-user-defined", ""}, {"x-user-defined"}},
};

const Entry& EntryNamed(std::string_view name) {
  for (const Entry& e : kTable)
    if (name == e.encoding.name) return e;
  return kTable[0];
}

}  // namespace

const Encoding* EncodingForLabel(std::string_view label) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
  while (!label.empty() && space(label.front())) label.remove_prefix(1);
  while (!label.empty() && space(label.back())) label.remove_suffix(1);
  if (label.empty() || label.size() > 32) return nullptr;
  std::string l(label);
  for (char& c : l) c = core::AsciiLower(c);
  for (const Entry& e : kTable)
    for (const char* candidate : e.labels)
      if (l == candidate) return &e.encoding;
  return nullptr;
}

const Encoding& Utf8Encoding() { return EntryNamed("utf-8").encoding; }
const Encoding& Windows1252Encoding() { return EntryNamed("windows-1252").encoding; }
const Encoding& Utf16LeEncoding() { return EntryNamed("utf-16le").encoding; }
const Encoding& Utf16BeEncoding() { return EntryNamed("utf-16be").encoding; }
const Encoding& Iso2022JpEncoding() { return EntryNamed("iso-2022-jp").encoding; }

}  // namespace wirebrief::ingest::detail
