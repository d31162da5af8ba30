// Our own robots.txt parser: Debian packages none for C++ (Google's robotstxt library is not
// packaged), and the RFC 9309 rules are short enough to keep here with their tests.
#include "ingest/robots.h"

#include <string.h>

#include <charconv>
#include <cmath>
#include <set>

#include "ingest/detail/url_escape.h"

namespace wirebrief::ingest {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The product token a user-agent line names: its leading run of letters, '_' and '-'
// ("Wirebrief/1.2 (+https://...)" -> "Wirebrief"), or "*".
std::string_view ProductToken(std::string_view value) {
  if (!value.empty() && value[0] == '*') return "*";
  size_t n = 0;
  while (n < value.size()) {
    char c = value[n];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    if (!ok) break;
    ++n;
  }
  return value.substr(0, n);
}

std::string NormalizePath(std::string_view path) {
  std::string p = detail::NormalizePercentEscapes(path);
  if (p.empty() || (p[0] != '/' && p[0] != '*')) p.insert(p.begin(), '/');
  return p;
}

}  // namespace

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.rules_.push_back({"/", false});
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  if (body.size() > kMaxBytes) body = body.substr(0, kMaxBytes);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  RobotsRules out;
  std::vector<Rule> specific, star;
  std::optional<double> specific_delay, star_delay;
  bool saw_specific = false;
  // The group being read: which of the two it feeds. A user-agent line right after another
  // adds to the same group; after any rule it starts a new one.
  bool group_specific = false, group_star = false, in_agent_lines = false;
  std::set<std::string, std::less<>> seen_sitemaps;
  while (!body.empty()) {
    size_t eol = body.find_first_of("\r\n");
    std::string_view line = body.substr(0, eol);
    body = eol == std::string_view::npos ? std::string_view() : body.substr(eol + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(key, "user-agent") || EqualsIgnoreCase(key, "useragent")) {
      if (!in_agent_lines) group_specific = group_star = false;
      in_agent_lines = true;
      std::string_view token = ProductToken(value);
      if (token == "*") {
        group_star = true;
      } else if (!token.empty() && EqualsIgnoreCase(token, product_token)) {
        group_specific = saw_specific = true;
      }
      continue;
    }
    if (EqualsIgnoreCase(key, "sitemap")) {
      // Not part of any group: it does not end the user-agent lines either.
      if (!value.empty() && seen_sitemaps.insert(std::string(value)).second)
        out.sitemaps_.emplace_back(value);
      continue;
    }
    bool allow = EqualsIgnoreCase(key, "allow");
    bool disallow = EqualsIgnoreCase(key, "disallow");
    bool delay = EqualsIgnoreCase(key, "crawl-delay");
    if (!allow && !disallow && !delay) continue;
    in_agent_lines = false;
    if (!group_specific && !group_star) continue;  // a rule before any user-agent line
    if (delay) {
      double seconds = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(seconds) ||
          seconds < 0)
        continue;
      if (group_specific && !specific_delay) specific_delay = seconds;
      if (group_star && !star_delay) star_delay = seconds;
      continue;
    }
    if (value.empty()) continue;  // "Disallow:" with no path: no rule (allow all)
    Rule rule{NormalizePath(value), allow};
    if (group_specific) specific.push_back(rule);
    if (group_star) star.push_back(std::move(rule));
  }
  out.rules_ = saw_specific ? std::move(specific) : std::move(star);
  out.crawl_delay_ = saw_specific ? specific_delay : star_delay;
  return out;
}

// Greedy segment matching: every literal run between stars is found at its leftmost place
// after the previous one (leftmost is always safe for '*'), the first anchored at the start,
// the last at the end when the pattern ends in '$'. memmem is glibc's two-way search, linear
// in its inputs, so one check costs O(path + pattern).
bool RobotsRules::Matches(std::string_view pattern, std::string_view path) {
  bool anchored_end = !pattern.empty() && pattern.back() == '$';
  if (anchored_end) pattern.remove_suffix(1);
  size_t pos = 0;  // in path
  bool first = true;
  while (true) {
    size_t star = pattern.find('*');
    std::string_view literal = pattern.substr(0, star);
    bool last = star == std::string_view::npos;
    if (first && !literal.empty()) {
      if (path.substr(0, literal.size()) != literal) return false;
      pos = literal.size();
    } else if (last && anchored_end) {
      // The final run must end the path and begin no earlier than `pos`.
      if (path.size() < pos + literal.size()) return false;
      return path.substr(path.size() - literal.size()) == literal;
    } else if (!literal.empty()) {
      const void* hit =
          memmem(path.data() + pos, path.size() - pos, literal.data(), literal.size());
      if (!hit) return false;
      pos = static_cast<size_t>(static_cast<const char*>(hit) - path.data()) + literal.size();
    }
    if (last) return !anchored_end || pos == path.size();
    pattern = pattern.substr(star + 1);
    first = false;
  }
}

bool RobotsRules::Allows(std::string_view path_and_query) const {
  if (rules_.empty()) return true;
  std::string path = NormalizePath(path_and_query);
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool best_allow = true, matched = false;
  for (const Rule& r : rules_) {
    if (matched && (r.pattern.size() < best || (r.pattern.size() == best && best_allow))) continue;
    if (!Matches(r.pattern, path)) continue;
    if (!matched || r.pattern.size() > best || r.allow) {
      best = r.pattern.size();
      best_allow = r.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

}  // namespace wirebrief::ingest
