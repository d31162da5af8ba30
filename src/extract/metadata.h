// extract/metadata.h: a page's metadata without its body text.
//
// ExtractArticle fails with kEmpty when body selection finds no article text, and a failed
// Result carries no Article; yet such pages (galleries, video pages, pages whose text is built
// by script) usually still state their headline, authors, dates, site and language. This
// entry point reports those, so a caller can print what the page says about itself next to
// the error.
//
// Errors: kLimitExceeded when the page is over the size limit; kEmpty when the document is not
// an HTML page or has no document element. Never throws.
// Thread safety: reentrant, like ExtractArticle.
#pragma once

#include "core/model.h"
#include "core/status.h"
#include "extract/extract.h"

namespace wirebrief::extract {

// Returns an Article whose text, captions and content_hash are empty and whose metadata
// fields, field_sources, id and provenance are filled as ExtractArticle would fill them (the
// language comes from the page's declarations alone, there being no text to read).
core::Result<core::Article> ExtractPageMetadata(const core::RawDocument& doc,
                                                const ExtractOptions& options);

// For a text document with no news article in it (a subtitle file, a poem, a list, on which
// ExtractArticle gives kEmpty): its text as it is, cleaned (line endings unified, control
// characters dropped, runs of spaces collapsed, runs of blank lines made one), one line a
// paragraph. field_sources["text"] is "plain_text", which says it is not a news page; id,
// content_hash and provenance are filled. kEmpty when the document is not text or nothing
// printable remains; kLimitExceeded past the size limit.
core::Result<core::Article> PlainTextOf(const core::RawDocument& doc,
                                        const ExtractOptions& options);

}  // namespace wirebrief::extract
