// When an article happened, as the clusterer's clock reads it, and whether it is a headline.
#pragma once

#include <cstddef>
#include <optional>

#include "core/model.h"

namespace wirebrief::cluster::detail {

// Days since the epoch in UTC, with the time of day as a fraction ("+01:00" and "Z" offsets are
// applied); nullopt when the article is undated. Day-only dates read as midnight.
std::optional<double> TimeOf(const core::Article& a);

// Whether `a` is clustered as a headline: fewer than `short_words` words of body text.
bool HeadlineOnly(const core::Article& a, size_t short_words);

}  // namespace wirebrief::cluster::detail
