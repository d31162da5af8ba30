// Article metadata internals: tolerant JSON-LD, byline cleaning, dates with context, language
// detection, and the pass that completes metadata once the body text is known.
//
// Every function here is pure or works on its arguments only: what the HTML metadata pass saw
// on the page and a later pass needs travels as a PageFacts value.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace wirebrief::extract::detail {

// --- Confidence by source ---------------------------------------------------------------
// A field's confidence starts from how reliable its source is on news pages, then rises when a
// second, independent source agrees and falls when one disagrees (see ResolveField).
double SourceConfidence(std::string_view source);

// --- JSON-LD ------------------------------------------------------------------------------
// Explicit limits: a block over kMaxJsonLdBytes or nested deeper than kMaxJsonLdDepth is skipped.
inline constexpr size_t kMaxJsonLdBytes = 1 << 20;
inline constexpr int kMaxJsonLdDepth = 64;

// Makes the JSON-LD that pages actually ship parseable: CDATA/comment wrappers, JS comments,
// raw newlines inside strings, trailing commas, invalid "\'" escapes, and several top-level
// values in one block (returned as one array). Returns "" when the block is over the limits.
std::string RepairJsonLd(std::string_view raw);

// All JSON-LD objects of a page, flattened (top-level arrays and @graph), with @id references
// resolvable. Holds copies; cheap for the few blocks a page has.
class JsonLdGraph {
 public:
  void AddBlock(std::string_view raw_script_text);
  bool empty() const { return objects_.empty(); }
  // The object describing the article: the first Article-like @type (NewsArticle, BlogPosting,
  // ReportageNewsArticle...), preferring one whose headline matches `page_title`.
  const nlohmann::json* Article(std::string_view page_title) const;
  // The first object of a type ("WebSite", "BreadcrumbList", "Organization").
  const nlohmann::json* FirstOfType(std::string_view type) const;
  // `v` itself, or the object it references by {"@id": ...} when the page defines it.
  const nlohmann::json& Resolve(const nlohmann::json& v) const;

 private:
  void Flatten(const nlohmann::json& j, int depth);
  std::vector<nlohmann::json> objects_;
};

bool JsonLdHasType(const nlohmann::json& obj, std::string_view type);
// String value of obj[key]: a string, the "name" (or "@value") of an object, the first of an array.
std::string JsonLdText(const JsonLdGraph& g, const nlohmann::json& obj, const char* key);

// --- Character references -----------------------------------------------------------------
// "&#8216;", "&#x2019;", "&quot;", "&amp;#8216;" (escaped twice) -> the characters. For metadata
// strings the HTML parser did not decode: JSON-LD values and twice-escaped meta content.
std::string DecodeHtmlEntities(std::string_view s);

// --- Authors and agencies ----------------------------------------------------------------
// "By Jane Roe and John Doe, Staff Reporter | Nov 3" -> {"Jane Roe", "John Doe"}. Drops lead
// words ("By", "Par", "Von", "Por"...), job titles, dates, e-mail prompts, URLs, handles and
// agency names; splits on commas, "and"/"und"/"et"/"y"/"e", "&", ";", "|". All-caps names are
// title-cased. `agencies` (may be null) receives the agency names found.
std::vector<std::string> CleanAuthorNames(const std::vector<std::string>& raw,
                                          std::vector<std::string>* agencies);
// True when `text` is only a byline's lead word ("By", "Par", "Por", "Von", "Di", "Door", "Av",
// "Af", "Written by", "Autor:"), case and surrounding space ignored. Stricter than the lead words
// CleanAuthorNames drops inside a byline: "de", "da", "with", "from" before an element are as often
// a place, a dateline or a sentence as a name.
bool IsBylineLeadWord(std::string_view text);
// The canonical spelling of a news agency name ("AP" -> "AP", "Agence France-Presse" -> "AFP"),
// or "" when `name` is not a known agency.
std::string AgencyName(std::string_view name);

// --- Titles -------------------------------------------------------------------------------
// Removes site affixes: "Headline | Outlet", "Headline - Author - Outlet", "Outlet: Headline"
// is left alone. A segment is an affix when it matches the site name, the host, an author, or
// reads like a name (few capitalised words) and the remaining headline is the longer part.
std::string StripTitleAffixes(const std::string& title, const std::string& site_name,
                              const std::string& host, const std::vector<std::string>& authors);

// --- Dates --------------------------------------------------------------------------------
// What a date is read against: the crawl instant (relative phrases, the future check) and the
// page's numeric-date order.
struct DateContext {
  bool has_reference = false;
  long reference_days = 0;       // days since 1970-01-01
  int reference_seconds = -1;    // seconds into the day; -1 when the time is unknown
  std::string reference_offset;  // "+01:00", "Z" or "" as the crawl date gave it
  bool month_first = false;      // "11/04/2026" is Nov 4 (US pages)
};
// Reference from an ISO crawl date; without one, today's UTC date (so future dates still fail).
DateContext MakeDateContext(std::string_view crawl_date_iso, bool month_first);
// Absolute dates in many shapes and languages (see dates.cc), relative phrases ("3 hours ago",
// "vor 2 Tagen", "hier") against the reference; "" when unparseable, before 1990 or in the
// future (more than a day past the reference).
std::string ParseDate(std::string_view text, const DateContext& ctx);
// True when the text labels a modification ("Updated", "Modifié", "Aktualisiert"...), so a
// date read from it is never taken as the publication date.
bool IsModifiedLabel(std::string_view text);
// A date in a URL path: /2026/11/03/, /2026-11-03/, /20261103/; "" when none.
std::string DateFromUrl(std::string_view url, const DateContext& ctx);

// --- Language -----------------------------------------------------------------------------
struct LanguageGuess {
  std::string code;       // BCP-47 primary tag ("en", "pt", "zh"); "" when unknown
  double confidence = 0;  // 0..1
  bool reliable = false;
};
// CLD2 on plain text (the first 2 KiB), with the declared language as a hint.
LanguageGuess DetectTextLanguage(std::string_view text, std::string_view declared);
// "en_US", "EN-us" -> "en-US"; "" for values that are not language tags.
std::string NormalizeLanguageTag(std::string_view tag);

// --- What the HTML pass hands to the passes after it ------------------------------------
// Read by MetadataWalk::Resolve from the page's markup; taken by body selection (the JSON-LD
// articleBody marks the story's own end, html_article.cc) and by FinishMetadata. Empty for
// inputs that are not HTML pages.
struct PageFacts {
  std::string jsonld_body;        // JSON-LD articleBody ("" when absent)
  std::string declared_language;  // <html lang>, og:locale or Content-Language, normalised
  std::string declared_source;
  std::vector<std::string> agencies;  // agencies named as authors ("By AP"): wire, not people
  std::string agencies_source;
};

// Completes metadata once text is known: language from the text cross-checked with the
// declaration, truncation evidence, crawl date, the site name fallback, and a confidence
// for every field that has a source. `facts`: what the HTML pass read (empty for other inputs).
void FinishMetadata(const core::RawDocument& doc, const PageFacts& facts, core::Article* article);

}  // namespace wirebrief::extract::detail
