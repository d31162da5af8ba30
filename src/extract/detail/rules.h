// The two page readers behind ExtractArticle and the rules they share.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "extract/extract.h"

namespace wirebrief::extract::detail {

// HTML page -> article text + metadata (libxml2 HTML parser).
core::Status ExtractFromHtml(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* article);

// Fills the metadata fields of `article` (and field_sources) from the parsed page `root`.
void ReadHtmlMetadata(const xmlNode* root, const core::RawDocument& doc,
                      const ExtractOptions& options, core::Article* article);

// Pasted page text (a reader's copy-paste) -> article text + title, section, captions, wire.
core::Status ExtractFromText(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* article);

// Finds the agency credited for the copy in the body paragraphs: a dateline "CITY (Agency) —"
// at the start, or a trailing credit ("— Agency", "[AGENCY]", "With information from X", a
// lone agency line). Removes trailing credit lines from `paragraphs`; returns the agencies.
std::vector<std::string> TakeWireCredit(std::vector<std::string>* paragraphs);

// "en" when the text reads as English by its function words, else "" (unknown).
std::string GuessLanguage(const std::string& text);

}  // namespace wirebrief::extract::detail
