#include "nlp/detail/text.h"

#include <algorithm>
#include <cctype>

#include "nlp/detail/lexicon.h"

namespace wirebrief::nlp::detail {

namespace {

bool IsSpaceCp(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

// Letters and digits, with non-ASCII counted as letters except the punctuation and symbol blocks.
bool IsWordCp(uint32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  if (c >= 0xA0 && c <= 0xBF) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, arrows, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF01 && c <= 0xFF0F) return false;
  return true;
}

bool IsApostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }
bool IsDigitCp(uint32_t c) { return c >= '0' && c <= '9'; }

bool IsBoundaryAt(std::string_view t, size_t i) {
  if (i >= t.size()) return true;
  int l;
  return !IsWordCp(DecodeUtf8(t, i, &l));
}

}  // namespace

namespace {

// The flags a token's own bytes give it: case, letters, digits, punctuation, all capitals.
uint16_t ClassifyToken(std::string_view text, size_t b, std::string_view token) {
  unsigned char c0 = static_cast<unsigned char>(text[b]);
  uint16_t f = 0;
  int letters = 0, upper = 0;
  bool digit = false;
  for (char ch : token) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalpha(u)) {
      ++letters;
      upper += std::isupper(u) != 0;
    } else if (std::isdigit(u)) {
      digit = true;
    }
  }
  if (digit) f |= kDigit;
  if (std::isupper(c0)) {
    f |= kUpper | kAlpha;
  } else if (std::islower(c0)) {
    f |= kLower | kAlpha;
  } else if (c0 >= 0xC3 && c0 < 0xE0) {  // Latin letters with diacritics: "Émile", "Łódź"
    int l;
    uint32_t cp = DecodeUtf8(text, b, &l);
    f |= kAlpha;
    // Latin-1 and Latin Extended-A: upper case comes first in each pair.
    bool up = (cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x100 && cp < 0x180 && (cp % 2 == 0));
    f |= up ? kUpper : kLower;
  } else if (int l = 0; !digit && !IsWordCp(DecodeUtf8(text, b, &l))) {
    f |= kPunct;
  }
  if (letters >= 2 && upper == letters) f |= kAllUpper;
  return f;
}

// Whether the non-word code point `d` (`l` bytes at j), between the byte `prev` and the word code
// point `next`, joins one word: "3.5", "U.S", "1,234", "O'Brien", "well-known", "24/7",
// "10:30", "AT&T". `*seg_start` is where the word's current dot-separated segment starts.
bool JoinsWord(std::string_view text, size_t b, size_t* seg_start, size_t j, int l, uint32_t d,
               uint32_t prev, uint32_t next) {
  size_t n = text.size();
  size_t& seg = *seg_start;
  bool ok = false;
  if (d == '.') {
    ok = (IsDigitCp(prev) && IsDigitCp(next)) ||
         (j - seg <= 2 && std::isalpha(static_cast<unsigned char>(prev)) && next < 0x80 &&
          std::isalpha(static_cast<int>(next)) && IsBoundaryAt(text, j + l + 1));
    if (ok && !IsDigitCp(prev)) seg = j + l;
  } else if (d == ',') {
    ok = IsDigitCp(prev) && IsDigitCp(next) && j + 4 <= n &&
         std::isdigit(static_cast<unsigned char>(text[j + 2])) &&
         std::isdigit(static_cast<unsigned char>(text[j + 3])) && IsBoundaryAt(text, j + 4) == true;
    if (!ok && IsDigitCp(prev) && j + 4 < n) {
      // "1,234,567": the group is followed by another comma group.
      ok = std::isdigit(static_cast<unsigned char>(text[j + 1])) &&
           std::isdigit(static_cast<unsigned char>(text[j + 2])) &&
           std::isdigit(static_cast<unsigned char>(text[j + 3])) &&
           (text[j + 4] == ',' || text[j + 4] == '.');
    }
  } else if (IsApostrophe(d)) {
    // Keep "O'Brien", "don't"-style contractions whole; split the possessive "'s".
    bool possessive = (next == 's' || next == 'S') && IsBoundaryAt(text, j + l + 1);
    ok = !possessive && next < 0x80 && std::isalpha(static_cast<int>(next));
  } else if (d == '-' || d == 0x2010 || d == 0x2011) {
    ok = true;
  } else if (d == '/') {
    ok = (IsDigitCp(prev) && IsDigitCp(next)) ||
         (std::isalpha(static_cast<unsigned char>(prev)) && next < 0x80 &&
          std::isalpha(static_cast<int>(next)) && j - b <= 3);
  } else if (d == ':') {
    ok = IsDigitCp(prev) && IsDigitCp(next);
  } else if (d == '&') {
    ok = std::isupper(static_cast<unsigned char>(prev)) && next < 0x80 &&
         std::isupper(static_cast<int>(next));
  }
  return ok;
}

// The end of the word that starts at b with a word code point of `len` bytes.
size_t WordEnd(std::string_view text, size_t b, int len) {
  size_t n = text.size();
  size_t j = b + len;
  size_t seg = b;  // start of the current dot-separated segment ("U" "S" in "U.S")
  while (j < n) {
    int l;
    uint32_t d = DecodeUtf8(text, j, &l);
    if (IsWordCp(d)) {
      // Stop before "n't" so "didn't" reads "did" + "n't".
      if (d == 'n' && (text.substr(j, 3) == "n't" || text.substr(j, 5) == "n\xE2\x80\x99t") &&
          IsBoundaryAt(text, j + (text[j + 1] == '\'' ? 3 : 5)) && j > b)
        break;
      j += l;
      continue;
    }
    if (j + l >= n) break;
    int nl;
    uint32_t next = DecodeUtf8(text, j + l, &nl);
    if (!IsWordCp(next)) break;
    uint32_t prev = static_cast<unsigned char>(text[j - 1]);
    if (!JoinsWord(text, b, &seg, j, l, d, prev, next)) break;
    j += l;
  }
  return j;
}

// A period that ends an abbreviation ("U.S.", "J.", "Dr.") belongs to the word [b, *j): moves *j
// past it and gives kAbbrev; else 0.
uint16_t TakeAbbreviationPeriod(std::string_view text, size_t b, size_t* end) {
  size_t n = text.size();
  size_t& j = *end;
  uint16_t extra = 0;
  if (j < n && text[j] == '.') {
    std::string_view w = text.substr(b, j - b);
    bool dotted =
        w.find('.') != std::string_view::npos && !std::isdigit(static_cast<unsigned char>(w[0]));
    bool initial = w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]));
    if (dotted || initial || Abbreviations().count(w)) {
      ++j;
      extra = kAbbrev;
    }
  }
  return extra;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  size_t i = 0, n = text.size();
  bool para = true, space = true;
  auto emit = [&](size_t b, size_t e, uint16_t extra) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.text = text.substr(b, e - b);
    uint16_t f = extra | ClassifyToken(text, b, t.text);
    if (para) f |= kParaStart;
    if (space) f |= kSpaceBefore;
    t.flags = f;
    out.push_back(t);
    para = false;
    space = false;
  };
  while (i < n) {
    int len;
    uint32_t c = DecodeUtf8(text, i, &len);
    if (IsSpaceCp(c)) {
      if (c == '\n') para = true;
      space = true;
      i += len;
      continue;
    }
    std::string_view rest = text.substr(i);
    // "'s" / "’s" and "n't" after a word are tokens of their own, as in the Penn Treebank.
    if (IsApostrophe(c) && i + len < n && (text[i + len] == 's' || text[i + len] == 'S') &&
        IsBoundaryAt(text, i + len + 1) && !space) {
      emit(i, i + len + 1, 0);
      i += len + 1;
      continue;
    }
    if ((rest.substr(0, 3) == "n't" || rest.substr(0, 5) == "n\xE2\x80\x99t") &&
        IsBoundaryAt(text, i + (rest[1] == '\'' ? 3 : 5))) {
      size_t e = i + (rest[1] == '\'' ? 3 : 5);
      emit(i, e, 0);
      i = e;
      continue;
    }
    bool word = IsWordCp(c);
    // "'80s": a leading apostrophe before digits belongs to the word.
    if (!word && IsApostrophe(c) && space && i + len < n &&
        std::isdigit(static_cast<unsigned char>(text[i + len])))
      word = true;
    if (!word) {
      size_t j = i + len;
      // Runs of the same ASCII mark: "...", "--", "''", "``".
      if (c < 0x80 && (c == '.' || c == '-' || c == '\'' || c == '`' || c == '!' || c == '?'))
        while (j < n && static_cast<unsigned char>(text[j]) == c) ++j;
      emit(i, j, 0);
      i = j;
      continue;
    }
    size_t b = i, j = WordEnd(text, b, len);
    uint16_t extra = TakeAbbreviationPeriod(text, b, &j);
    emit(b, j, extra);
    i = j;
  }
  return out;
}

namespace {

bool IsCloser(std::string_view t) {
  return t == "\"" || t == "'" || t == "''" || t == ")" || t == "]" || t == "\xE2\x80\x9D" ||
         t == "\xE2\x80\x99" || t == "\xC2\xBB";
}

bool IsWeekday(std::string_view t) {
  return t == "Monday" || t == "Tuesday" || t == "Wednesday" || t == "Thursday" || t == "Friday" ||
         t == "Saturday" || t == "Sunday";
}

bool IsTerminator(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "!!" || t == "??" ||
         t == "\xE2\x80\xA6" || t == "?!" || t == "!?";
}

}  // namespace

std::vector<SentenceRange> SplitTokens(std::string_view text, const std::vector<Token>& toks) {
  (void)text;
  std::vector<SentenceRange> out;
  uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t start = 0;
  bool dq_open = false;   // inside a straight double quote in this paragraph
  uint32_t consumed = 0;  // tokens before this were already read as closing marks
  auto push = [&](uint32_t end) {
    if (end > start) out.push_back({start, end});
    start = end;
  };
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = toks[k];
    if (t.Is(kParaStart)) {
      push(k);
      dq_open = false;
    }
    if (t.text == "\"" && k >= consumed) dq_open = !dq_open;  // closers already counted theirs
    // "Headline words Wednesday, October 9, 2013": a dateline after a headline without a period.
    if (k > start && k + 4 < n && t.Is(kUpper) && toks[k + 1].text == "," &&
        !toks[k - 1].Is(kPunct) && IsWeekday(t.text) && k + 5 < n &&
        ParseInt(toks[k + 5].text.substr(0, 4)) >= 1000 && toks[k + 4].text == ",") {
      push(k);
    }
    bool term = IsTerminator(t.text);
    bool abbrev = t.Is(kAbbrev);
    if (!term && !abbrev) continue;
    uint32_t j = k + 1;
    // Closing quotes and brackets stay with the sentence they close.
    while (j < n && !toks[j].Is(kParaStart) && IsCloser(toks[j].text)) {
      if (toks[j].text == "\"") {
        if (!dq_open && toks[j].Is(kSpaceBefore)) break;  // an opening quote of the next sentence
        dq_open = !dq_open;
      }
      ++j;
    }
    consumed = j;
    if (j >= n || toks[j].Is(kParaStart)) {
      if (term || abbrev) {
        push(j);
        k = j - 1;
      }
      continue;
    }
    const Token& next = toks[j];
    if (!next.Is(kSpaceBefore) && j == k + 1 && !next.Is(kPunct)) continue;  // "3.5", "Yahoo!Inc"
    bool camel = next.Is(kLower) && next.text.size() > 2 &&
                 std::any_of(next.text.begin() + 1, next.text.end(),
                             [](char c) { return c >= 'A' && c <= 'Z'; });
    bool opener = next.Is(kUpper) || next.Is(kDigit) || camel || next.text == "\"" ||
                  next.text == "\xE2\x80\x9C" || next.text == "\xE2\x80\x98" || next.text == "(" ||
                  next.text == "'" || next.text == "[";
    // A bare period before a lower-case word still ends a sentence (abbreviations are tokens of
    // their own, so this period is no abbreviation's); "?" and "!" before one do not ("...?" he
    // asked).
    if (!opener && t.text == "." && next.Is(kLower) && j == k + 1) opener = true;
    if (!opener) continue;
    if (abbrev && !term) {
      // "Gen. Ames", "J. Smith", "Nov. 4": an abbreviation ends a sentence only before a word
      // that usually opens one.
      if (!AbbreviationsEndingSentences().count(t.text)) continue;
      std::string l = core::AsciiLower(next.text);
      if (!SentenceOpeners().count(l)) continue;
    }
    if (term && t.text == "." && k > 0 && toks[k - 1].end == t.begin && next.Is(kDigit) &&
        ParseInt(toks[k - 1].text) >= 0 && toks[k - 1].text.size() <= 2 && k >= 2 &&
        core::AsciiLower(toks[k - 2].text) == "no") {
      continue;
    }
    push(j);
    k = j - 1;
  }
  push(n);
  return out;
}

std::string Shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char k = std::isupper(c)   ? 'X'
             : std::islower(c) ? 'x'
             : std::isdigit(c) ? 'd'
             : c >= 0x80       ? 'x'
                               : static_cast<char>(c);
    if (c >= 0x80 && (c & 0xC0) == 0x80) continue;
    if (k == last) {
      if (++run >= 2) continue;
    } else {
      run = 0;
    }
    out += k;
    last = k;
    if (out.size() >= 8) break;
  }
  return out;
}

long ParseInt(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace wirebrief::nlp::detail
