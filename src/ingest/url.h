// ingest/url.h: URL normalisation, resolution and the address policy the crawler enforces.
//
// NormalizeUrl gives one spelling per page, so an article listed by several feeds (with
// tracking parameters, a fragment, an upper-case host, an explicit default port) is keyed and
// fetched once. The parser is our own, reading URLs as libcurl's URL API (7.88) did, without
// loading libcurl (url.cc says how closely).
//
// Thread safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

struct sockaddr;

namespace wirebrief::ingest {

// Longest URL accepted by NormalizeUrl, UrlHost and ResolveUrl (a URL a sane site lists is far
// shorter; browsers and CDNs cap between 8 and 64 KiB).
inline constexpr size_t kMaxUrlBytes = 16 << 10;

// The canonical form of an http(s) URL, or "" when `url` is not http(s) or cannot be parsed.
// Applied, in order:
//   - longer than kMaxUrlBytes: ""; user:password@ dropped (never sent, never stored);
//   - surrounding whitespace trimmed; tabs and newlines inside removed (as browsers do);
//     spaces and non-ASCII bytes after the host percent-encoded;
//   - scheme and host lower-cased, a trailing dot on the host dropped, IDN hosts in punycode,
//     default ports (http 80, https 443) removed;
//   - the fragment removed; "." and ".." path segments resolved;
//   - percent-escapes of unreserved characters decoded (%7E -> ~), other escapes upper-cased;
//   - a trailing slash removed from any path but "/" ("/news/" -> "/news"), empty path -> "/";
//   - tracking parameters removed from the query (utm_*, fbclid, gclid, gbraid, wbraid,
//     dclid, msclkid, mc_cid, mc_eid, yclid, igshid, _hsenc, _hsmi, mkt_tok), as are empty
//     ones; an empty query is dropped. The remaining parameters keep their order: some sites
//     route on it, so sorting could merge two pages.
// Idempotent: NormalizeUrl(NormalizeUrl(u)) == NormalizeUrl(u).
std::string NormalizeUrl(std::string_view url);

// "host" or "host:port" (non-default port only) of an http(s) URL, lower-case, the unit of
// per-host politeness; "" when `url` is not http(s) or cannot be parsed. IPv6 hosts keep their
// brackets ("[::1]:8080").
std::string UrlHost(std::string_view url);

// `ref` resolved against `base` (RFC 3986 section 5), e.g. a feed's relative link against the
// feed's URL. `ref` may be absolute (any scheme). "" when the result cannot be parsed. The
// result is not normalised.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// The path and query of a URL ("/a/b?c=1"; "/" when empty), as robots.txt rules match them;
// "" when `url` cannot be parsed.
std::string UrlPathAndQuery(std::string_view url);

// False for addresses a server-side fetch must never reach: loopback (127/8, ::1), private
// (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), carrier-grade
// NAT (100.64/10), "this network" (0/8, ::), multicast, broadcast and reserved (240/4), and
// IPv4-mapped or NAT64 IPv6 forms of any of those; also false for non-IP families and null.
bool IsPublicAddress(const sockaddr* address);

}  // namespace wirebrief::ingest
