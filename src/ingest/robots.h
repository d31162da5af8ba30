// ingest/robots.h: robots.txt rules for one crawler (RFC 9309), as PoliteFetcher obeys them.
//
// Parse() keeps only what applies to the given product token: the groups whose user-agent
// names it (case-insensitive, compared with the value's leading token, so "WireBrief/2.0"
// matches "wirebrief"), all combined; else the "*" groups, combined; else nothing (all
// allowed). A rule matches a path when its pattern matches from the path's start, `*` standing
// for any run of characters and a final `$` for the end; among the matching rules the longest
// pattern wins and Allow wins a tie. "/robots.txt" itself is always allowed. Escapes are
// compared normalised (see url.h): "/%7Ea" and "/~a" are one path.
//
// Beyond the RFC, as major crawlers do: Crawl-delay (seconds, fractions allowed) of the chosen
// group, Sitemap lines anywhere in the file, a pattern not starting with '/' or '*' read as if
// it did ("Disallow: private/" means "/private/"), a leading byte-order mark skipped.
//
// Limits: only the first kMaxBytes of a body are read (the RFC's minimum); lines past that are
// ignored, as are lines that are no "key: value". Matching is linear in the path and pattern
// lengths (each literal run is found with a linear search), so a hostile file costs at most
// time proportional to its size per check. Parse never fails.
//
// The RFC's rules for fetching robots.txt (4xx: all allowed; 5xx or unreachable: all
// disallowed until it can be fetched) are PoliteFetcher's; AllowAll()/DisallowAll() stand for
// those outcomes.
//
// Thread safety: an immutable value once parsed; share freely.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wirebrief::ingest {

class RobotsRules {
 public:
  static constexpr size_t kMaxBytes = 500 << 10;

  RobotsRules() = default;  // allows everything
  static RobotsRules Parse(std::string_view body, std::string_view product_token);
  static RobotsRules AllowAll() { return RobotsRules(); }
  static RobotsRules DisallowAll();

  // `path_and_query` as UrlPathAndQuery gives it ("/news/a?id=3"); "" is read as "/".
  bool Allows(std::string_view path_and_query) const;
  // The chosen group's Crawl-delay when it was a finite number >= 0.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }
  // Sitemap URLs as written, in file order, deduplicated.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  // Allow and Disallow rules kept for the product token.
  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    std::string pattern;  // escapes normalised; starts with '/' or '*'
    bool allow = false;
  };
  static bool Matches(std::string_view pattern, std::string_view path);

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

}  // namespace wirebrief::ingest
