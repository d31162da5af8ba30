#include "cluster/detail/countries.h"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

namespace wirebrief::cluster::detail {
namespace {

// The languages whose names are read: the news languages the product meets most. More is not
// free: every language adds names that may be a word of another ("Chad", "Man").
constexpr const char* kDisplayLocales[] = {"en", "de", "fr", "es", "pt",     "it", "nl",
                                           "sv", "da", "nb", "fi", "pl",     "cs", "ru",
                                           "tr", "ja", "ko", "zh", "zh_Hant"};

bool IsCjkLead(unsigned char c) { return c >= 0xE3 && c <= 0xED; }

// The clusterer's view of a name: runs of ASCII punctuation, spaces and the U+2000..U+203F
// punctuation (curly apostrophes, dashes) become one space, as its tokenizer splits there.
std::string Key(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool space =
        c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80) {
      space = true;
      i += 2;
    }
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A short Latin name is kept only as an upper-case acronym ("US", "UK", "USA", "EUA"): a short
// title-case word is too often something else.
bool Keep(const std::string& key) {
  if (key.size() < 2) return false;
  if (IsCjkLead(static_cast<unsigned char>(key[0]))) return key.size() >= 6;  // two characters
  if (key.size() >= 4) return true;
  return std::all_of(key.begin(), key.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

struct Table {
  std::unordered_map<std::string, std::string> words, cjk;
  size_t max_words = 1, max_cjk_bytes = 0;

  Table() {
    std::unordered_map<std::string, std::string> all;
    std::unordered_map<std::string, bool> ambiguous;
    auto add = [&](const std::string& key, const char* code) {
      if (!Keep(key)) return;
      auto [it, fresh] = all.try_emplace(key, code);
      if (!fresh && it->second != code) ambiguous[key] = true;
    };
    UDisplayContext shortest[] = {UDISPCTX_LENGTH_SHORT};
    for (const char* loc : kDisplayLocales) {
      icu::Locale display(loc);
      std::unique_ptr<icu::LocaleDisplayNames> short_names(
          icu::LocaleDisplayNames::createInstance(display, shortest, 1));
      for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
        icu::UnicodeString name;
        std::string utf8;
        icu::Locale("", *code).getDisplayCountry(display, name);
        add(Key(name.toUTF8String(utf8)), *code);
        if (short_names == nullptr) continue;
        name.remove();
        utf8.clear();
        short_names->regionDisplayName(*code, name);
        add(Key(name.toUTF8String(utf8)), *code);
      }
    }
    for (auto& [key, code] : all) {
      // ICU answers an unknown region with its code: not a name.
      if (ambiguous.count(key) || key == code) continue;
      if (IsCjkLead(static_cast<unsigned char>(key[0]))) {
        max_cjk_bytes = std::max(max_cjk_bytes, key.size());
        cjk.emplace(key, code);
      } else {
        max_words = std::max<size_t>(max_words, 1 + std::count(key.begin(), key.end(), ' '));
        words.emplace(key, code);
      }
    }
  }
};

const Table& Countries() {
  static const Table kTable;
  return kTable;
}

}  // namespace

std::string_view CountryCodeOf(std::string_view name) {
  const Table& t = Countries();
  auto it = t.words.find(std::string(name));
  return it == t.words.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view CountryCodeAt(std::string_view cjk_run, size_t begin, size_t* length) {
  const Table& t = Countries();
  std::string key;
  // A run holds three-byte characters only (U+3000..U+FFEF), so names end every three bytes.
  size_t longest = std::min(t.max_cjk_bytes, cjk_run.size() - begin);
  for (size_t n = longest - longest % 3; n >= 6; n -= 3) {
    key.assign(cjk_run.substr(begin, n));
    auto it = t.cjk.find(key);
    if (it == t.cjk.end()) continue;
    *length = n;
    return it->second;
  }
  *length = 0;
  return {};
}

size_t MaxCountryNameWords() { return Countries().max_words; }

}  // namespace wirebrief::cluster::detail
