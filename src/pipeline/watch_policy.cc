// The polling policy of `watch`: the next poll follows the source's publishing rate, never
// sooner than the publisher asks, and backs off on failure and on silence.
#include "pipeline/detail/watch_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cluster/cluster.h"

namespace wirebrief::pipeline {

std::string IsoUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::time_t ParseIsoUtc(const std::string& iso) {
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 3) return 0;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return timegm(&tm);
}

namespace detail {

double NextInterval(const WatchOptions& o, const PollEvidence& e, std::time_t now) {
  const double lo = std::max(1.0, o.min_interval_seconds);
  const double hi = std::max(lo, o.max_interval_seconds);
  double interval = e.previous_interval > 0 ? e.previous_interval : o.default_interval_seconds;
  if (e.failures > 0) {
    // A failing source backs off: the default interval doubled per consecutive failure.
    interval = o.default_interval_seconds * std::pow(2.0, std::min(e.failures, 20));
  } else {
    // The publishing rate: the median gap between the newest items (at most 20, within the
    // last 30 days), halved so a new item waits half a gap on average. A feed that lists no
    // dates keeps its interval, lengthened (x1.5) when a poll found nothing new and shortened
    // (x0.5) when it did.
    std::vector<std::time_t> times;
    for (const auto& d : e.item_dates) {
      core::Article dated;  // the clusterer's reading of an ISO date with its offset
      dated.date_published = d;
      std::optional<double> days = cluster::ArticleTime(dated);
      if (!days) continue;
      auto t = static_cast<std::time_t>(*days * 86400.0);
      if (t <= now + 86400 && t >= now - 30 * 86400) times.push_back(t);
    }
    std::sort(times.rbegin(), times.rend());
    if (times.size() > 20) times.resize(20);
    std::vector<double> gaps;
    for (size_t i = 1; i < times.size(); ++i)
      if (times[i - 1] > times[i]) gaps.push_back(static_cast<double>(times[i - 1] - times[i]));
    if (gaps.size() >= 2) {
      std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
      interval = gaps[gaps.size() / 2] / 2;
    } else if (e.previous_interval > 0) {
      interval = e.previous_interval * (e.new_items > 0 ? 0.5 : 1.5);
    }
  }
  // Never sooner than the publisher says the listing stays fresh.
  if (e.ttl_seconds) interval = std::max(interval, *e.ttl_seconds);
  if (e.max_age_seconds) interval = std::max(interval, *e.max_age_seconds);
  return std::clamp(interval, lo, hi);
}

double PageRetrySeconds(const WatchOptions& o, int failures) {
  return o.page_retry_seconds * std::pow(2.0, std::clamp(failures - 1, 0, 20));
}

std::string SourceKind(ingest::Listing::Kind kind) {
  switch (kind) {
    case ingest::Listing::Kind::kFeed:
      return "feed";
    case ingest::Listing::Kind::kSitemap:
    case ingest::Listing::Kind::kSitemapIndex:
      return "sitemap";
    case ingest::Listing::Kind::kHtmlPage:
      return "page";
    case ingest::Listing::Kind::kOther:
      break;
  }
  return "";
}

}  // namespace detail
}  // namespace wirebrief::pipeline
