// HTML character references left in metadata strings. JSON-LD sits in a <script>, where the
// HTML parser decodes nothing, and CMSs escape twice into meta content ("&amp;#8216;"), so
// titles, names and descriptions arrive as "&#8216;enough&#8217;" or "&quot;" (issue 28: 13 of
// about 1,100 titles on an outside corpus). Named references come from libxml2's HTML 4 table.
#include <libxml/HTMLparser.h>

#include <string>
#include <string_view>

#include "extract/detail/metadata.h"

namespace wirebrief::extract::detail {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// One pass: "&amp;#8216;" becomes "&#8216;", as a browser shows it.
std::string DecodeOnce(std::string_view s, bool* changed) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) {
      out += s[i];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    bool ok = false;
    if (name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string_view digits = name.substr(hex ? 2 : 1);
      ok = !digits.empty() && digits.size() <= 7;
      for (char c : digits) {
        int d = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0) ok = false;
        if (!ok) break;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
    } else {
      std::string n(name);
      if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(n.c_str()))) {
        cp = e->value;
        ok = true;
      } else if (n == "apos") {
        cp = '\'';
        ok = true;
      }
    }
    if (!ok) {
      out += s[i];
      continue;
    }
    AppendUtf8(cp, &out);
    *changed = true;
    i = semi;
  }
  return out;
}

}  // namespace

std::string DecodeHtmlEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  // Twice at most: a value escaped twice is decoded twice; a literal "&amp;amp;" in a
  // headline about HTML stays readable after two rounds either way.
  bool changed = false;
  std::string once = DecodeOnce(s, &changed);
  if (!changed || once.find('&') == std::string::npos) return once;
  changed = false;
  return DecodeOnce(once, &changed);
}

}  // namespace wirebrief::extract::detail
