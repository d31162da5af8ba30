#include "brief/detail/text.h"

#include <libstemmer.h>

#include <cctype>
#include <memory>

#include "nlp/read.h"

namespace wirebrief::brief::detail {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-'; }

}  // namespace

std::string Stem(std::string_view w) {
  if (w.size() <= 3 || std::isdigit(static_cast<unsigned char>(w[0]))) return std::string(w);
  // A Snowball stemmer object is not thread-safe; one per thread keeps BuildBrief reentrant.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return std::string(w);
  const sb_symbol* out = sb_stemmer_stem(
      stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
  if (!out) return std::string(w);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& t : nlp::ContentTokens(text)) out.push_back(Stem(t));
  return out;
}

std::vector<std::string> Numbers(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ',' || text[j] == '.'))
      ++j;
    std::string n(text.substr(i, j - i));
    while (!n.empty() && (n.back() == '.' || n.back() == ',')) n.pop_back();
    std::string norm;
    for (char c : n)
      if (c != ',') norm += c;
    out.push_back(norm);
    i = j;
  }
  return out;
}

std::vector<std::string> NameWords(std::string_view text) {
  std::vector<std::string> out;
  bool sentence_start = true;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!IsWordByte(c)) {
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\n')
        sentence_start = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view w = text.substr(i, j - i);
    if (!sentence_start && std::isupper(static_cast<unsigned char>(w[0])) && w.size() > 1) {
      std::string lower = Lower(w);
      if (!nlp::IsStopWord(lower)) out.push_back(std::move(lower));
    }
    sentence_start = false;
    i = j;
  }
  return out;
}

bool HasNegation(std::string_view text) {
  std::string lower = " " + Lower(text) + " ";
  for (const char* cue :
       {" not ", " no ", " never ", "n't ", " without ", " nobody ", " none ", " neither "})
    if (lower.find(cue) != std::string::npos) return true;
  return false;
}

size_t WordCount(std::string_view text) {
  size_t n = 0;
  bool in = false;
  for (char c : text) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace wirebrief::brief::detail
