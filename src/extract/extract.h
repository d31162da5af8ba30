// extract/: a RawDocument (UTF-8 HTML or pasted page text) -> an Article: clean body text,
// captions kept apart, and metadata with the source of every field.
//
// Metadata precedence: JSON-LD > OpenGraph/article: meta > other meta > DOM heuristics >
// hints the feed or JSONL line supplied > URL. Field sources land in Article::field_sources.
//
// Errors: kEmpty when no article text was found (navigation-only pages, empty bodies),
// kLimitExceeded when the page is over the size limit. Never throws.
// Thread safety: ExtractArticle is reentrant; call it from as many threads as you like.
#pragma once

#include <string>

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
};

// Returns the article, with id, content_hash, provenance and metadata filled; annotations empty.
core::Result<core::Article> ExtractArticle(const core::RawDocument& doc,
                                           const ExtractOptions& options);

// Normalises a date as pages write it (ISO 8601, RFC 822, "Nov. 4, 2026 10:32 a.m.",
// "4 November 2026") to ISO 8601; empty when unparseable or outside 1990..2100.
std::string NormalizeDate(std::string_view text);

}  // namespace wirebrief::extract
