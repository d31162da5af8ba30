// Deletion-only sentence compression: what a brief line may drop from its source sentence.
#pragma once

#include <string>
#include <string_view>

namespace wirebrief::brief::detail {

// `sentence` without parentheticals and without a trailing attribution (", officials said.");
// never touches a sentence with quotation marks (a quote keeps its speaker). Returns the
// sentence unchanged when nothing can go. Only deletes: every word of the result is in `sentence`.
std::string Compress(std::string_view sentence);

}  // namespace wirebrief::brief::detail
