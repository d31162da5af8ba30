// XML-TEI rendering of an extracted article (`extract --output-format xml-tei`), for
// trafilatura users who archive pages as TEI (conventions.md: --output-format xmltei).
#pragma once

#include <string>

#include "core/model.h"
#include "core/status.h"

namespace wirebrief::cli {

// One TEI P5 document (root <TEI xmlns="http://www.tei-c.org/ns/1.0">): a teiHeader with the
// title, authors, outlet (publisher), publication date, URL and language; the body's paragraphs
// (one <p> per line of the text) in <text><body><div type="entry">. Written with libxml2's
// xmlTextWriter, which escapes markup; bytes that are not UTF-8 and code points XML 1.0 forbids
// become U+FFFD, so the document always parses. An error only when libxml2 fails.
core::Result<std::string> ArticleToTei(const core::Article& article);

}  // namespace wirebrief::cli
