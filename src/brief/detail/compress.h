// Deletion-only sentence compression: what a brief line may drop from its source sentence.
#pragma once

#include <string>
#include <string_view>

namespace wirebrief::brief::detail {

// `sentence` without parentheticals and without a trailing attribution (", officials said.");
// never touches a sentence with quotation marks (a quote keeps its speaker). Returns the
// sentence unchanged when nothing can go. Only deletes: every word of the result is in `sentence`.
std::string Compress(std::string_view sentence);

// Compress, then cut to the clause that carries a party's position or action (stakeholder
// lines): a leading circumstance ("On Monday, ", "After the vote, ") and a trailing
// subordinate clause (", which ...", " so that ...", ", while ...") go when at least
// `min_words` words remain. Quotes are kept whole. Only deletes, and capitalises the new first
// letter.
std::string CompressToClause(std::string_view sentence, size_t min_words);

}  // namespace wirebrief::brief::detail
