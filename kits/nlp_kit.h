// The nlp kit's prediction format (kits/README.md), as `wirebrief read --output-format nlp-kit`
// writes it: per document {"id", "entities", "timex", "quotes", "sentences", "quantities",
// "figures", "roles", "countries"}, entities typed PER/ORG/LOC, quantities naming currencies by
// word, offsets in Unicode code points with the end exclusive (what the kit's scorer and Python
// strings use), and a quote that runs over sentences written one span per part as the kit's
// gold data nests quotes in sentences.
// Thread safety: reentrant.
#pragma once

#include <string>

#include "core/model.h"

namespace wirebrief::kits {

// The prediction line of `text` read as `annotations` (nlp::Reader::ReadText), without the
// trailing newline.
std::string NlpKitLine(const std::string& id, const std::string& text,
                       const core::Annotations& annotations);

}  // namespace wirebrief::kits
