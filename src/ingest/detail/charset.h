// Charset sniffing internals shared by content detection and the decoder.
#pragma once

#include <string_view>

namespace wirebrief::ingest::detail {

// An encoding of the WHATWG Encoding standard, by its name there ("windows-1252", "shift_jis")
// and the name glibc's iconv knows it by (empty for UTF-8 and the ones decoded here).
struct Encoding {
  const char* name;
  const char* iconv;
};

// The WHATWG "get an encoding" step: the label's ASCII whitespace trimmed, matched without
// case against the standard's label table. nullptr for a label the standard does not know.
const Encoding* EncodingForLabel(std::string_view label);

// Well-known encodings, for the decoder's fixed steps.
const Encoding& Utf8Encoding();
const Encoding& Windows1252Encoding();
const Encoding& Utf16LeEncoding();
const Encoding& Utf16BeEncoding();
const Encoding& Iso2022JpEncoding();

enum class Utf16Guess { kNone, kLittleEndian, kBigEndian };

// UTF-16 without a byte-order mark, told by its zero bytes: text and markup in UTF-16 has a zero
// in one half of most code units and printable ASCII in the other. Looks at the first 4 KiB.
Utf16Guess SniffUtf16(std::string_view bytes);

// The HTML standard's "prescan a byte stream to determine its encoding" over `bytes` (the caller
// passes the first 1024), including its XML-declaration and UTF-16 XML-prefix steps. A <meta>
// naming UTF-16 gives UTF-8, x-user-defined gives windows-1252 (as the standard says). nullptr
// when the prescan finds nothing.
const Encoding* PrescanForEncoding(std::string_view bytes);

}  // namespace wirebrief::ingest::detail
