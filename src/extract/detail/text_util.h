// Small string helpers for extract/'s rules. Case folding is core::AsciiLower (core/text.h):
// ASCII only on purpose, the rules match English chrome words and class names and must not
// touch non-ASCII letters.
#pragma once

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace wirebrief::extract::detail {

// Collapses runs of whitespace (incl. NBSP) to one space and trims the ends.
inline std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool is_space = std::isspace(c) != 0;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

inline size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = !std::isspace(static_cast<unsigned char>(c));
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// Words for length rules, whatever the script: whitespace-separated words in scripts that put
// spaces between words, and in scripts that do not, an estimate from their characters (one word
// per Chinese/Japanese character, as CJK words are one or two characters and each carries about
// what an English word does; one per three Thai, Lao, Khmer or Myanmar letters, whose words run
// to several letters and whose spaces separate phrases). A threshold written for English words
// ("8 words make a sentence") then holds for a Chinese paragraph or a Thai one.
inline size_t CountTextUnits(std::string_view s) {
  size_t words = 0, cjk = 0, brahmic = 0;
  bool in_word = false;
  auto end_word = [&] {
    words += in_word;
    in_word = false;
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // Any other token is a word, punctuation alone included ("-", "^"), as CountWords counts
      // it: the link-line and length rules were tuned on that count.
      if (std::isspace(c))
        end_word();
      else
        in_word = true;
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || i + len > s.size()) {
      ++i;  // a stray byte: neither a word nor a space
      continue;
    }
    uint32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A)) {  // NBSP, ideographic
      end_word();
      continue;
    }
    bool han_kana = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0x20000 && cp <= 0x2FFFF);
    bool no_space_letters = (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
                            (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
                            (cp >= 0x1780 && cp <= 0x17FF);    // Khmer
    if (han_kana) {
      ++cjk;
    } else if (no_space_letters) {
      ++brahmic;
    } else {
      // Other non-ASCII letters (Latin with accents, Cyrillic, Greek, Arabic, Hangul...) and
      // symbols belong to a space-separated word.
      in_word = true;
      continue;
    }
    // A CJK or Thai run ends the spaced-script word before it ("GDP增长" is two units).
    end_word();
  }
  end_word();
  return words + cjk + (brahmic + 2) / 3;
}

// True when the line ends as a sentence does, in any of the scripts the rules meet: ". ! ? :"
// and closing quotes or brackets, the ideographic full stop and fullwidth marks, the Arabic
// question mark, the Devanagari danda.
inline bool EndsLikeSentence(std::string_view l) {
  if (l.empty()) return false;
  char last = l.back();
  if (last == '.' || last == '"' || last == '?' || last == '!' || last == ':' || last == ')' ||
      last == ']' || last == '\'')
    return true;
  for (std::string_view end :
       {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F",
        "\xE3\x80\x8D", "\xE3\x80\x8F", "\xEF\xBC\x89", "\xD8\x9F", "\xE0\xA5\xA4", "\xE2\x80\xA6"})
    if (l.size() >= end.size() && l.substr(l.size() - end.size()) == end) return true;
  return false;
}

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

inline std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) eol = s.size();
    std::string_view line = s.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.emplace_back(line);
    pos = eol + 1;
  }
  return out;
}

// The host of an absolute http(s) URL, lower-cased, without "www."; empty otherwise.
inline std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  std::string_view rest = url.substr(p + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  rest = rest.substr(rest.find('@') == std::string_view::npos ? 0 : rest.find('@') + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = core::AsciiLower(rest);
  if (StartsWith(host, "www.")) host = host.substr(4);
  return host;
}

}  // namespace wirebrief::extract::detail
