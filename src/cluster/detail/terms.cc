#include "cluster/detail/terms.h"

#include <algorithm>
#include <array>

#include "cluster/detail/countries.h"

// XXH3 inlined: the same function as core::Hash64 (a term's key must equal Hash64 of its text),
// without a call into the shared library per token.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace wirebrief::cluster::detail {
namespace {

// Function words and reporting verbs: frequent in every story, so they can only add noise.
constexpr std::string_view kStop[] = {
    "a",     "about",  "above",   "after",  "again",   "against",   "all",    "also",   "am",
    "an",    "and",    "any",     "are",    "as",      "at",        "be",     "became", "because",
    "been",  "before", "being",   "below",  "between", "both",      "but",    "by",     "can",
    "could", "did",    "do",      "does",   "doing",   "down",      "during", "each",   "few",
    "for",   "from",   "further", "had",    "has",     "have",      "having", "he",     "her",
    "here",  "hers",   "him",     "his",    "how",     "i",         "if",     "in",     "into",
    "is",    "it",     "its",     "itself", "just",    "me",        "more",   "most",   "my",
    "no",    "nor",    "not",     "now",    "of",      "off",       "on",     "once",   "only",
    "or",    "other",  "our",     "out",    "over",    "own",       "same",   "she",    "should",
    "so",    "some",   "such",    "than",   "that",    "the",       "their",  "them",   "then",
    "there", "these",  "they",    "this",   "those",   "through",   "to",     "too",    "under",
    "until", "up",     "very",    "was",    "we",      "were",      "what",   "when",   "where",
    "which", "while",  "who",     "whom",   "why",     "will",      "with",   "would",  "you",
    "your",  "said",   "says",    "say",    "told",    "according", "via",    "amid",   "new",
    "news",  "report", "reports", "update", "inc",     "ltd",
};

// Byte classes in one table: the tokenizer tests every byte of every document.
enum : uint8_t { kWordByte = 1, kDigitByte = 2, kUpperByte = 4, kSentenceEndByte = 8 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
      t[c] |= kWordByte;
    if (c >= '0' && c <= '9') t[c] |= kDigitByte;
    if (c >= 'A' && c <= 'Z') t[c] |= kUpperByte;
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '|')
      t[c] |= kSentenceEndByte;
  }
  return t;
}();
bool IsWordByte(unsigned char c) { return kByteClass[c] & kWordByte; }
bool IsDigit(unsigned char c) { return kByteClass[c] & kDigitByte; }
bool IsUpper(unsigned char c) { return kByteClass[c] & kUpperByte; }

// Bytes of the punctuation that are letters of no word but are multi-byte in UTF-8 and must not
// glue words together: curly quotes, dashes, ellipsis, non-breaking space, middle dot, and the
// CJK marks (U+3000..U+303F: ideographic space, comma, full stop, corner brackets) and fullwidth
// punctuation (U+FF01..U+FF0F, U+FF1A..U+FF20, U+FF3B..U+FF40, U+FF5B..U+FF65) with which
// Chinese and Japanese text separates its clauses.
size_t PunctuationLength(std::string_view s, size_t i) {
  auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (u(i) == 0xE2 && i + 2 < s.size() && u(i + 1) == 0x80) return 3;  // U+2000..U+203F
  if (u(i) == 0xC2 && i + 1 < s.size() &&
      (u(i + 1) == 0xA0 || u(i + 1) == 0xAB || u(i + 1) == 0xBB || u(i + 1) == 0xB7))
    return 2;
  if (u(i) == 0xE3 && i + 2 < s.size() && u(i + 1) == 0x80) return 3;  // U+3000..U+303F
  if (u(i) == 0xEF && i + 2 < s.size()) {
    unsigned b = u(i + 1), c = u(i + 2);
    uint32_t cp = 0xF000 | ((b & 0x3F) << 6) | (c & 0x3F);
    if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
      return 3;
  }
  return 0;
}

// Whether the character at `i` is written in a script without spaces between words (CJK
// ideographs and symbols U+3000..U+9FFF, Yi and Hangul U+A000..U+D7FF, compatibility ideographs
// and fullwidth forms U+F900..U+FFEF). Such a run is one token of its own: a digit or a Latin
// word inside Chinese text ("4年級", "使用NASA的") is language-independent evidence that must
// not be glued to the characters around it.
bool IsCjkAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 0xE3 && c <= 0xED) return true;
  return c == 0xEF && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA4;
}

struct Token {
  std::string_view raw;
  bool capitalised = false;
  bool sentence_start = false;
  bool number = false;
};

// Splits `text` into word tokens: ASCII letters/digits and any non-punctuation multi-byte
// character; "6.4" and "28,500" stay one token; "'s" and "’s" are dropped.
template <typename F>
void ForEachToken(std::string_view text, size_t max_words, F&& f) {
  size_t i = 0, n = text.size(), count = 0;
  bool sentence_start = true;
  while (i < n && count < max_words) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t punct = c >= 0x80 ? PunctuationLength(text, i) : 0;
    if (!IsWordByte(c) || punct) {
      if (kByteClass[c] & kSentenceEndByte) sentence_start = true;
      i += punct ? punct : 1;
      continue;
    }
    size_t b = i;
    bool digits_only = true;
    const bool cjk = c >= 0x80 && IsCjkAt(text, i);
    while (i < n) {
      unsigned char d = static_cast<unsigned char>(text[i]);
      uint8_t cls = kByteClass[d];
      if (cls & kWordByte) {  // every byte >= 0x80 is one, unless it opens punctuation
        if (d >= 0x80 && PunctuationLength(text, i)) break;
        // A script boundary ends the token (continuation bytes belong to their character).
        if ((d < 0x80 || d >= 0xC0) && (d >= 0x80 && IsCjkAt(text, i)) != cjk) break;
        digits_only = digits_only && (cls & kDigitByte);
        ++i;
        continue;
      }
      // "6.4", "28,500": a separator between digits belongs to the number.
      if ((d == '.' || d == ',') && digits_only && i + 1 < n &&
          IsDigit(static_cast<unsigned char>(text[i + 1]))) {
        ++i;
        continue;
      }
      break;
    }
    std::string_view raw = text.substr(b, i - b);
    // Possessive "'s" / "’s": skip it so "Valmora's" reads as "Valmora".
    if (i + 1 < n && text[i] == '\'' && (text[i + 1] == 's' || text[i + 1] == 'S') &&
        (i + 2 >= n || !IsWordByte(static_cast<unsigned char>(text[i + 2])))) {
      i += 2;
    } else if (i + 3 < n && static_cast<unsigned char>(text[i]) == 0xE2 &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               static_cast<unsigned char>(text[i + 2]) == 0x99 &&
               (text[i + 3] == 's' || text[i + 3] == 'S') &&
               (i + 4 >= n || !IsWordByte(static_cast<unsigned char>(text[i + 4])))) {
      i += 4;
    }
    Token t;
    t.raw = raw;
    t.capitalised = IsUpper(static_cast<unsigned char>(raw[0]));
    t.sentence_start = sentence_start;
    t.number = IsDigit(static_cast<unsigned char>(raw[0]));
    sentence_start = false;
    ++count;
    f(t);
  }
}

// Lower-cases ASCII, keeps only the digits of a number, and folds a plural "s" so "quakes" and
// "quake" meet (a light stemmer is enough for short news text; Snowball over-merges names).
// A number is its digits alone, separators and suffixes dropped, so that it is the same term in
// every language: "28,500" (en), "28.500" (de) and "28500" meet, as do "6.4" and "6,4", and
// "1990s", "1990er" and "1990" (the cost: 6.4 and 64 meet too).
// Writes through a pointer into `out`, whose capacity is reused from token to token: this runs
// once per token of every document (twice with copy detection).
void Normalise(const Token& t, std::string* out) {
  out->resize(t.raw.size());
  char* p = out->data();
  size_t n = 0;
  if (t.number) {
    for (char ch : t.raw) {
      if (IsDigit(static_cast<unsigned char>(ch))) {
        p[n++] = ch;
      } else if (ch != ',' && ch != '.') {
        break;
      }
    }
    out->resize(n);
    return;
  }
  for (char ch : t.raw)
    p[n++] = IsUpper(static_cast<unsigned char>(ch)) ? static_cast<char>(ch - 'A' + 'a') : ch;
  out->resize(n);
  if (n <= 3 || p[n - 1] != 's') return;
  std::string_view w(p, n);
  if (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) return;
  if (w.ends_with("ies") && n > 4) {
    out->resize(n - 2);
    (*out)[n - 3] = 'y';
  } else {
    out->pop_back();
  }
}

// A line whose words are mostly capitalised (a title-case headline) says nothing about names:
// judged on its first 64 tokens.
bool MostlyCapitalised(const std::vector<Token>& tokens) {
  int words = 0, caps = 0;
  for (size_t k = 0; k < std::min<size_t>(tokens.size(), 64); ++k) {
    if (tokens[k].number) continue;
    ++words;
    caps += tokens[k].capitalised;
  }
  return words >= 3 && caps * 10 >= words * 6;
}

// The stopword table, keyed by the words' Hash64 (a term's key, computed anyway), so a token is
// tested with one probe and one comparison instead of hashing its text a second time
// (measured: the std::unordered_set lookup was 3-5% of clustering full text).
class StopTable {
 public:
  StopTable() {
    for (std::string_view w : kStop) {
      uint64_t h = Hash(w);
      size_t i = h & kMask;
      while (!words_[i].empty()) i = (i + 1) & kMask;
      words_[i] = w;
      keys_[i] = h;
    }
  }
  // `key` is Hash(lower).
  bool Contains(std::string_view lower, uint64_t key) const {
    if (lower.size() > 9) return false;
    for (size_t i = key & kMask; !words_[i].empty(); i = (i + 1) & kMask)
      if (keys_[i] == key && words_[i] == lower) return true;
    return false;
  }
  static uint64_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

 private:
  static constexpr size_t kMask = 511;  // 512 slots for ~130 words: short probe runs
  std::array<std::string_view, kMask + 1> words_{};
  std::array<uint64_t, kMask + 1> keys_{};
};

const StopTable& Stops() {
  static const StopTable kTable;
  return kTable;
}

// Terms in order of first occurrence, indexed by key in an open-addressing table (keys are
// XXH3 hashes, so their low bits index it directly) instead of a node-based map that allocates
// per term (measured: 8% of clustering full text went to that map and malloc).
class TermBag {
 public:
  // `expected_terms` sizes the table (a headline has ten terms, a full article hundreds).
  explicit TermBag(size_t expected_terms) {
    size_t slots = 32;
    while (slots < 2 * expected_terms) slots *= 2;
    slots_.assign(slots, kEmpty);
    terms_.reserve(slots / 2);
  }

  void Add(std::string_view text, uint64_t key, TermKind kind, float w) {
    size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    for (; slots_[i] != kEmpty; i = (i + 1) & mask) {
      Term& t = terms_[slots_[i]];
      if (t.key != key) continue;
      t.weight += w;
      if (kind > t.kind) t.kind = kind;
      return;
    }
    slots_[i] = static_cast<uint32_t>(terms_.size());
    terms_.push_back({key, w, kind, std::string(text)});
    if (terms_.size() * 2 > slots_.size()) Grow();
  }
  void Add(std::string_view text, TermKind kind, float w) {
    Add(text, StopTable::Hash(text), kind, w);
  }
  std::vector<Term> Take() { return std::move(terms_); }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  void Grow() {
    slots_.assign(slots_.size() * 2, kEmpty);
    size_t mask = slots_.size() - 1;
    for (uint32_t k = 0; k < terms_.size(); ++k) {
      size_t i = terms_[k].key & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = k;
    }
  }
  std::vector<uint32_t> slots_;  // index into terms_, kEmpty when free
  std::vector<Term> terms_;
};

// Adds `t`, normalised into `norm`, unless it is a stopword or a single character.
void AddToken(const Token& t, std::string* norm, TermKind kind, float w, TermBag* bag) {
  Normalise(t, norm);
  if (norm->size() < 2) return;
  uint64_t key = StopTable::Hash(*norm);
  if (Stops().Contains(*norm, key)) return;
  bag->Add(*norm, key, kind, w);
}

// Buffers reused by the AddText calls of one document.
struct Scratch {
  std::string norm;
  std::vector<Token> tokens;
};

// Adds the ISO code of every country `tokens` name (countries.h), as a name: the one term
// about a place that articles in different languages share.
void AddCountries(const std::vector<Token>& tokens, size_t used, float w, TermBag* bag,
                  std::string* window) {
  const size_t max_words = MaxCountryNameWords();
  for (size_t k = 0; k < used; ++k) {
    std::string_view raw = tokens[k].raw;
    unsigned char c = static_cast<unsigned char>(raw[0]);
    if (c >= 0x80 && IsCjkAt(raw, 0)) {
      for (size_t at = 0, length = 0; at < raw.size(); at += length ? length : 3) {
        std::string_view code = CountryCodeAt(raw, at, &length);
        if (!code.empty()) bag->Add(code, kCountry, w);
      }
      continue;
    }
    if (!IsUpper(c) && c < 0xC0) continue;  // names start with a capital (Latin or other)
    std::string_view code;
    size_t words = std::min(max_words, used - k);
    for (; words >= 1 && code.empty(); --words) {
      window->assign(raw);
      for (size_t j = 1; j < words; ++j) window->append(" ").append(tokens[k + j].raw);
      code = CountryCodeOf(*window);
      // A genitive "s" ("Deutschlands", "Kinas"), for a single word.
      if (code.empty() && words == 1 && raw.size() > 4 && raw.back() == 's')
        code = CountryCodeOf(raw.substr(0, raw.size() - 1));
    }
    if (code.empty()) continue;
    bag->Add(code, kCountry, w);
    k += words;  // the loop's decrement ran once past the match
  }
}

void AddText(std::string_view text, float weight, const TermWeights& w, size_t max_words,
             TermBag* bag, Scratch* scratch) {
  std::string& norm = scratch->norm;
  std::vector<Token>& tokens = scratch->tokens;
  size_t line_begin = 0;
  while (line_begin <= text.size() && max_words > 0) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    // One tokenization serves both the title-case test (first 64 tokens) and the terms.
    tokens.clear();
    ForEachToken(line, std::max<size_t>(max_words, 64),
                 [&](const Token& t) { tokens.push_back(t); });
    bool caps_mean_names = !MostlyCapitalised(tokens);
    size_t used = std::min(tokens.size(), max_words);
    for (size_t k = 0; k < used; ++k) {
      const Token& t = tokens[k];
      if (t.number) {
        AddToken(t, &norm, kNumber, weight * w.number, bag);
      } else if (caps_mean_names && t.capitalised && !t.sentence_start) {
        AddToken(t, &norm, kName, weight + w.name * weight, bag);
      } else {
        AddToken(t, &norm, kWord, weight, bag);
      }
    }
    if (w.countries) AddCountries(tokens, used, weight + w.name * weight, bag, &norm);
    max_words -= used;
    line_begin = line_end + 1;
  }
}

}  // namespace

bool IsClusterStopWord(std::string_view lower) {
  return lower.size() <= 9 && Stops().Contains(lower, StopTable::Hash(lower));
}

std::vector<Term> ExtractTerms(const core::Article& a, const TermWeights& w) {
  // About one distinct term per eight bytes of short text, far fewer in long text; capped so a
  // huge page does not reserve more than its terms can fill.
  TermBag bag(std::min<size_t>((a.title.size() + a.text.size()) / 8 + 8, 1024));
  std::string_view body = a.text;
  std::string_view title = a.title;
  // Pasted text and the ECB+ style carry the headline as the body's first line.
  if (title.empty()) {
    size_t nl = body.find('\n');
    title = body.substr(0, nl == std::string_view::npos ? body.size() : nl);
    body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
  } else if (body.starts_with(title)) {
    body.remove_prefix(title.size());
  }
  Scratch scratch;
  AddText(title, w.title, w, 64, &bag, &scratch);
  size_t lede_end = 0;
  for (int k = 0; k < w.lede_lines && lede_end != std::string_view::npos; ++k) {
    lede_end = body.find('\n', lede_end == 0 ? 0 : lede_end + 1);
  }
  if (lede_end == std::string_view::npos) lede_end = body.size();
  AddText(body.substr(0, lede_end), w.lede, w, w.max_body_words, &bag, &scratch);
  AddText(body.substr(lede_end), w.body, w, w.max_body_words, &bag, &scratch);
  // A URL's path often carries the slug of the original headline. Only segments of two or
  // more words are read: a one-word segment is a section or a page template ("story",
  // "article", "business", "articleshow.cms") shared by unrelated pages, and those joined
  // stories that had nothing else in common (UCI headlines dev: 0.807 with this rule, 0.805
  // reading every segment, with the member gate in cluster.cc).
  std::string_view url =
      a.url.empty() ? std::string_view(a.canonical_url) : std::string_view(a.url);
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    size_t path = url.find('/', scheme + 3);
    url = path == std::string_view::npos ? std::string_view() : url.substr(path);
  }
  url = url.substr(0, std::min<size_t>(url.size(), 512));
  std::string norm, slug;
  size_t budget = 40;  // words read from the whole path
  while (!url.empty() && budget > 0) {
    size_t end = url.find_first_of("/?&=");
    slug.assign(url.substr(0, end));
    url = end == std::string_view::npos ? std::string_view() : url.substr(end + 1);
    int words = 0;
    bool in_word = false;
    for (char& ch : slug) {
      if (ch == '-' || ch == '_' || ch == '+' || ch == '.') ch = ' ';
      words += ch != ' ' && !in_word;
      in_word = ch != ' ';
    }
    if (words < 2) continue;
    ForEachToken(slug, budget, [&](const Token& t) {
      --budget;
      if (t.number || t.raw.size() >= 25) return;
      Normalise(t, &norm);
      if (norm.size() < 2 || IsClusterStopWord(norm) || norm == "html" || norm == "htm" ||
          norm == "php" || norm == "aspx" || norm == "index" || norm == "www")
        return;
      bag.Add(norm, kWord, w.url);
    });
  }
  // nlp/ output, when present, names entities the capitalisation rule misses ("the EU").
  const core::Annotations& an = a.annotations;
  for (const auto& m : an.mentions) {
    std::string n;
    for (char ch : m.name)
      n.push_back(IsUpper(static_cast<unsigned char>(ch)) ? static_cast<char>(ch - 'A' + 'a') : ch);
    if (n.find(' ') != std::string::npos)
      bag.Add(n, kName, w.name);  // single words are counted above
  }
  // Countries the text names by a demonym or a capital ("the Kenyan government", "Nairobi
  // said"); those it names by name were found above.
  for (const auto& c : an.countries)
    if (w.countries && c.via != "name" && !c.code.empty()) bag.Add(c.code, kCountry, w.name);
  for (const auto& d : an.dates)
    if (!d.value.empty()) bag.Add(d.value.substr(0, 10), kDate, w.number);
  return bag.Take();
}

std::vector<int> LeadYears(const core::Article& a, int lines) {
  std::vector<int> years;
  auto scan = [&](std::string_view text) {
    ForEachToken(text, 400, [&](const Token& t) {
      if (t.raw.size() != 4 || !t.number) return;
      int y = (t.raw[0] - '0') * 1000 + (t.raw[1] - '0') * 100 + (t.raw[2] - '0') * 10 +
              (t.raw[3] - '0');
      if (y >= 1900 && y <= 2099 && std::find(years.begin(), years.end(), y) == years.end())
        years.push_back(y);
    });
  };
  scan(a.title);
  std::string_view body = a.text;
  size_t end = 0;
  for (int k = 0; k < lines && end != std::string_view::npos; ++k)
    end = body.find('\n', end == 0 ? 0 : end + 1);
  scan(body.substr(0, end == std::string_view::npos ? body.size() : end));
  return years;
}

void WordHashes(std::string_view text, size_t max_words, std::vector<uint64_t>* out) {
  out->clear();
  std::string norm;
  ForEachToken(text, max_words, [&](const Token& t) {
    Normalise(t, &norm);
    out->push_back(StopTable::Hash(norm));
  });
}

}  // namespace wirebrief::cluster::detail
