// Feed and sitemap items as documents (pipeline.cc, watch.cc).
#pragma once

#include <optional>

#include "core/model.h"
#include "ingest/ingest.h"

namespace wirebrief::pipeline::detail {

// A feed or sitemap entry that names its item (a title) but whose page is not at hand: a
// headline article, so the item still reaches a story (issue 19: "what cannot be fetched is
// still news"); upgraded in place when its page arrives. nullopt without a title.
std::optional<core::RawDocument> HeadlineOf(const ingest::Reference& ref);

}  // namespace wirebrief::pipeline::detail
