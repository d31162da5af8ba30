// When a watched source is asked next, and when a failed page is tried again (watch.h says
// the policy; the numbers are WatchOptions').
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "ingest/listing.h"
#include "pipeline/watch.h"

namespace wirebrief::pipeline::detail {

// What a poll showed about a source.
struct PollEvidence {
  int failures = 0;                        // consecutive failed polls, this one included
  size_t new_items = 0;                    // items listed for the first time
  std::vector<std::string> item_dates;     // date_published of the items it lists (ISO 8601)
  std::optional<double> ttl_seconds;       // RSS ttl / sy:updatePeriod
  std::optional<double> max_age_seconds;   // Cache-Control max-age, or a Retry-After
  double previous_interval = 0;            // 0 for a source never polled
};

// Seconds until the next poll, within [min_interval_seconds, max_interval_seconds].
double NextInterval(const WatchOptions& options, const PollEvidence& evidence, std::time_t now);

// Seconds before a page that failed `failures` times in a row is tried again.
double PageRetrySeconds(const WatchOptions& options, int failures);

// "feed", "sitemap" (index too) or "page".
std::string SourceKind(ingest::Listing::Kind kind);

}  // namespace wirebrief::pipeline::detail
