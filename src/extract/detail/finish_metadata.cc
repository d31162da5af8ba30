// The metadata that needs the body text: language (CLD2 on the text, cross-checked with what
// the page declares), truncation evidence, and a confidence for every sourced field.
#include <algorithm>
#include <cctype>

#include "core/module.h"
#include "extract/detail/language_module.h"
#include "extract/detail/metadata.h"
#include "extract/detail/text_util.h"
#include "extract/extract.h"

namespace wirebrief::extract::detail {
namespace {

// The first 2 KiB of clean text (some 350 words) decide the language as well as the article.
// Measured on the extraction kit's dev and readability pages and the fixture set (284 pages,
// 255 with a language): 2 KiB and 6 KiB give the same language on every page, confidences
// differ on 4 pages by at most 0.06; 1 KiB loses one page's language. CLD2's scoring was a
// quarter of the metadata time at 6 KiB (metadata_bench, perf). CLD2 has no entry point that
// takes caller-owned buffers: it allocates two (40 and 60 KB) per call whatever the length.
constexpr size_t kMaxLanguageSample = 2 * 1024;

// CLD2 speaks a few pre-BCP-47 codes.
std::string Bcp47FromCld2(std::string code) {
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "un" || code == "xxx" || code.empty()) return "";
  return code;
}

std::string Primary(std::string_view tag) { return core::AsciiLower(tag.substr(0, tag.find('-'))); }

// The language, not the locale: "en-GB" -> "en", "zh-Hant-TW" -> "zh-Hant". A region would
// depend on which source won (CLD2 has none), and readers filter on the language.
std::string LanguageOnly(const std::string& tag) {
  std::string out = Primary(tag);
  size_t dash = tag.find('-');
  if (dash != std::string::npos && tag.size() >= dash + 5 &&
      (tag.size() == dash + 5 || tag[dash + 5] == '-') &&
      std::isalpha(static_cast<unsigned char>(tag[dash + 1])))
    out += tag.substr(dash, 5);
  return out;
}

}  // namespace

const core::Result<const LanguageModuleApi*>& LanguageModule() {
  static const core::Result<const LanguageModuleApi*> api = core::LoadModuleApi<LanguageModuleApi>(
      kLanguageModule, kLanguageModuleEntry, kLanguageModuleAbi);
  return api;
}

double SourceConfidence(std::string_view source) {
  if (source == "jsonld") return 0.95;
  if (source == "opengraph") return 0.9;
  if (source == "http" || source == "crawl") return 0.9;
  if (source == "meta") return 0.85;
  if (source == "hint") return 0.75;
  if (source == "dom") return 0.7;
  if (source == "text") return 0.65;
  if (source == "url") return 0.5;
  return 0.5;
}

std::string NormalizeLanguageTag(std::string_view raw) {
  std::string tag;
  for (char c : raw) {
    if (c == '_') c = '-';
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';') break;
    tag += c;
  }
  if (tag.empty() || tag.size() > 16) return "";
  std::string out;
  size_t start = 0;
  for (int part = 0; start <= tag.size(); ++part) {
    size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    std::string sub = tag.substr(start, end - start);
    if (sub.empty() || !std::all_of(sub.begin(), sub.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c));
        }))
      return part == 0 ? "" : out;
    if (part == 0) {
      if (sub.size() < 2 || sub.size() > 3 || !std::all_of(sub.begin(), sub.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c));
          }))
        return "";
      out = core::AsciiLower(sub);
    } else if (sub.size() == 2) {
      for (char& c : sub) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out += "-" + sub;
    } else if (sub.size() == 4) {  // script: Hans, Latn
      sub = core::AsciiLower(sub);
      sub[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
      out += "-" + sub;
    } else {
      out += "-" + sub;
    }
    start = end + 1;
  }
  return out;
}

LanguageGuess DetectTextLanguage(std::string_view text, std::string_view declared) {
  LanguageGuess g;
  if (text.empty()) return g;
  size_t n = std::min(text.size(), kMaxLanguageSample);
  // Do not cut a UTF-8 sequence in half.
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  // ExtractArticle fails on a missing module before it gets here; other callers get no guess.
  const core::Result<const LanguageModuleApi*>& cld2 = LanguageModule();
  if (!cld2.ok()) return g;
  std::string hint = Primary(declared);
  Cld2Verdict verdict;
  cld2.value()->detect(text.data(), static_cast<int>(n), hint.empty() ? nullptr : hint.c_str(),
                       &verdict);
  g.code = Bcp47FromCld2(verdict.code);
  bool reliable = verdict.reliable;
  if (g.code.empty()) return g;
  // Rule: Japanese is written with kana. CLD2 calls some Han-only (Chinese) pages Japanese;
  // without kana (U+3040..U+30FF: UTF-8 E3 81 80..E3 83 BF) the text is Chinese.
  if (g.code == "ja") {
    size_t kana = 0, han = 0;
    for (size_t i = 0; i + 2 < n; ++i) {
      unsigned char b0 = static_cast<unsigned char>(text[i]),
                    b1 = static_cast<unsigned char>(text[i + 1]);
      if (b0 == 0xE3 && b1 >= 0x81 && b1 <= 0x83)
        ++kana;
      else if (b0 >= 0xE4 && b0 <= 0xE9)
        ++han;
    }
    if (kana * 50 < han) {
      g.code = "zh";
      reliable = false;
    }
  }
  g.reliable = reliable;
  // Share of the text in the top language, discounted when CLD2 calls it unreliable or the
  // sample is short (under ~300 letters CLD2 guesses from a handful of quadgrams).
  double share = verdict.percent / 100.0;
  double length = std::min(1.0, 0.4 + verdict.text_bytes / 500.0);
  g.confidence = std::clamp(share * length * (reliable ? 0.98 : 0.6), 0.0, 0.99);
  return g;
}

void FinishMetadata(const core::RawDocument& doc, const PageFacts& facts, core::Article* a) {
  // Language: the text decides when CLD2 is sure and the declaration disagrees; a declaration
  // alone is reported with a modest confidence.
  std::string declared = facts.declared_language;
  std::string declared_source = facts.declared_source;
  if (declared.empty() && !a->language.empty() && a->field_sources["language"] != "text") {
    declared = NormalizeLanguageTag(a->language);
    declared_source = a->field_sources["language"];
  }
  LanguageGuess guess = DetectTextLanguage(a->text, declared);
  std::string language;
  std::string source;
  double confidence = 0;
  if (!declared.empty() && !guess.code.empty() && Primary(declared) == Primary(guess.code)) {
    language = declared;
    source = declared_source;
    confidence = std::max(0.9, guess.confidence);
  } else if (!guess.code.empty() && guess.reliable &&
             guess.confidence >= (declared.empty() ? 0.5 : 0.9)) {
    language = guess.code;  // the page declares another language (template default) or none
    source = "text";
    confidence = guess.confidence * (declared.empty() ? 1.0 : 0.9);
  } else if (!declared.empty()) {
    language = declared;
    source = declared_source;
    confidence = guess.code.empty() ? 0.7 : 0.5;
  } else if (!guess.code.empty()) {
    language = guess.code;
    source = "text";
    confidence = guess.confidence;
  }
  a->language = LanguageOnly(language);
  if (!language.empty()) {
    a->field_sources["language"] = source;
    a->field_confidence["language"] = std::min(0.99, confidence);
  } else {
    a->field_sources.erase("language");
    a->field_confidence["language"] = 0;
  }

  // Truncation and access, from evidence only.
  int status = doc.provenance.http_status;
  if (status == 401 || status == 402 || status == 403 || status == 451) {
    a->is_free = false;
    a->truncated = true;
    a->field_sources["is_free"] = "http";
    a->field_sources["truncated"] = "http";
  } else if (facts.jsonld_body.size() >= 500 &&
             a->text.size() * 10 < facts.jsonld_body.size() * 6) {
    // The page's own articleBody is much longer than what the reader sees: a paywall or a
    // "read more" cut.
    a->truncated = true;
    a->field_sources["truncated"] = "jsonld";
  }

  // Agencies credited as authors join the wire credits the body gave.
  for (const auto& agency : facts.agencies) {
    if (std::find(a->wire.begin(), a->wire.end(), agency) != a->wire.end()) continue;
    a->wire.push_back(agency);
    if (!a->field_sources.count("wire")) a->field_sources["wire"] = facts.agencies_source;
  }

  if (a->date_crawled.empty()) a->date_crawled = NormalizeDate(doc.provenance.crawl_date);
  if (!a->date_crawled.empty()) a->field_sources["date_crawled"] = "crawl";

  for (const auto& [field, src] : a->field_sources)
    if (!a->field_confidence.count(field)) a->field_confidence[field] = SourceConfidence(src);
}

}  // namespace wirebrief::extract::detail
