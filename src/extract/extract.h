// extract/: a RawDocument (UTF-8 HTML or pasted page text) -> an Article: clean body text,
// captions kept apart, and metadata with the source of every field.
//
// Metadata precedence: JSON-LD > OpenGraph/article: meta > other meta > DOM heuristics >
// hints the feed or JSONL line supplied > URL. Field sources land in Article::field_sources.
//
// Errors: kEmpty when no article text was found (navigation-only pages, empty bodies),
// kLimitExceeded when the page is over a budget (bytes, DOM nodes, time; depth is capped by
// not descending further). ExtractStatusName() names the outcome for output. Never throws.
//
// Article::text is the body: paragraphs, subheads, list items and table rows (cells separated
// by a tab), one per line; the headline is Article::title and is not repeated in the text.
// Thread safety: ExtractArticle is reentrant; call it from as many threads as you like.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"

namespace wirebrief::extract {

enum class ExtractMode {
  kBalanced,   // Default.
  kPrecision,  // drop borderline blocks (short paragraphs far from the body)
  kRecall,     // keep borderline blocks
};

struct ExtractOptions {
  core::Limits limits;
  ExtractMode mode = ExtractMode::kBalanced;  // Default: kBalanced.
  // Base URL for pages saved without one (relative links, host). Default: empty (use the page's).
  std::string base_url;
  // Also render Article::markdown / Article::html. Default: false (text only).
  bool with_markdown = false;
  bool with_html = false;
  // Wall-clock budget for extracting one page after it is parsed. Default: 2 s (a typical
  // page takes a few milliseconds; only pathological DOMs come near it).
  std::chrono::milliseconds time_budget{2000};
};

// The message of the kLimitExceeded status returned when time_budget runs out.
inline constexpr std::string_view kTimeBudgetMessage = "extraction time budget exceeded";

// The per-document outcome as output formats name it: "ok", "too_large" (bytes or node
// budget), "timeout", "empty" (no article text), "error" (anything else).
std::string_view ExtractStatusName(const core::Status& status);

// The id of the article a URL names: what ExtractArticle gives a page or headline whose
// identity is that URL (its canonical URL, else its own URL, unless the document's
// "identity_url" hint says otherwise; see core::RawDocument::hints). URLs that normalise alike
// (ingest::NormalizeUrl) name one article.
std::string ArticleIdForUrl(std::string_view url);

// Returns the article, with id, content_hash, provenance and metadata filled; annotations empty.
core::Result<core::Article> ExtractArticle(const core::RawDocument& doc,
                                           const ExtractOptions& options);

// Normalises a date as pages write it (ISO 8601, RFC 822, "Nov. 4, 2026 10:32 a.m.",
// "4 November 2026") to ISO 8601; empty when unparseable or outside 1990..2100.
std::string NormalizeDate(std::string_view text);

}  // namespace wirebrief::extract
