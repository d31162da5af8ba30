// Key figures: numbers with a unit, grouped by the fact they report, disagreements flagged.
#pragma once

#include <string>
#include <vector>

#include "brief/detail/candidate.h"
#include "core/model.h"

namespace wirebrief::brief::detail {

// Appends up to `max` kKeyFigure lines to `brief`. `outlets[i]` is the outlet of `articles[i]`;
// candidates index into `articles`.
void AddKeyFigures(const std::vector<const core::Article*>& articles,
                   const std::vector<Candidate>& candidates,
                   const std::vector<std::string>& outlets, size_t max, core::Brief* brief);

}  // namespace wirebrief::brief::detail
