#include "ingest/url.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstring>
#include <memory>

#include "ingest/detail/url_escape.h"

namespace wirebrief::ingest {
namespace {

struct UrlFree {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlPtr = std::unique_ptr<CURLU, UrlFree>;

std::string GetPart(CURLU* u, CURLUPart part, unsigned flags, bool* ok = nullptr) {
  char* p = nullptr;
  CURLUcode rc = curl_url_get(u, part, &p, flags);
  if (ok) *ok = rc == CURLUE_OK;
  std::string s = rc == CURLUE_OK && p ? p : "";
  curl_free(p);
  return s;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string s) {
  for (char& c : s) c = Lower(c);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = Lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

constexpr char kHex[] = "0123456789ABCDEF";

void AppendEscaped(unsigned char c, std::string* out) {
  *out += '%';
  *out += kHex[c >> 4];
  *out += kHex[c & 15];
}

// Characters a URL may not carry literally (RFC 3986) that pages and feeds still write.
bool NeedsEscape(unsigned char c) {
  return c <= 0x20 || c >= 0x7F || std::strchr("\"<>\\^`{|}", c) != nullptr;
}

// Browsers strip surrounding whitespace and tabs/newlines anywhere, then escape what is left
// over after the host; libcurl refuses such URLs outright, so they are repaired first. The
// authority is left alone (a UTF-8 host is an IDN name for libcurl to convert).
std::string Repair(std::string_view url) {
  auto is_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && is_space(url.front())) url.remove_prefix(1);
  while (!url.empty() && is_space(url.back())) url.remove_suffix(1);
  std::string out;
  out.reserve(url.size() + 16);
  size_t authority_begin = std::string_view::npos;
  if (size_t s = url.find("://"); s != std::string_view::npos && url.find_first_of("/?#") > s)
    authority_begin = s + 3;
  else if (url.substr(0, 2) == "//")
    authority_begin = 2;
  size_t authority_end =
      authority_begin == std::string_view::npos ? 0 : url.find_first_of("/?#\\", authority_begin);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  // Trailing dots of the host ("news.test.") go before libcurl parses: it reads a numeric host
  // as IPv4 ("9" -> "0.0.0.9") only when the dots are gone, and a second pass must agree.
  size_t dots_begin = 0, dots_end = 0;
  if (authority_begin != std::string_view::npos) {
    std::string_view authority = url.substr(authority_begin, authority_end - authority_begin);
    size_t at = authority.rfind('@');
    size_t host_begin = at == std::string_view::npos ? 0 : at + 1;
    size_t host_end = authority.find(':', host_begin);
    if (host_begin < authority.size() && authority[host_begin] == '[')
      host_end = authority.find(']', host_begin);
    if (host_end == std::string_view::npos) host_end = authority.size();
    size_t d = host_end;
    while (d > host_begin && authority[d - 1] == '.') --d;
    if (d == host_begin) d = host_end;  // all dots: left for Parse to refuse
    dots_begin = authority_begin + d;
    dots_end = authority_begin + host_end;
  }
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (i >= dots_begin && i < dots_end) continue;
    if (i >= authority_end && NeedsEscape(static_cast<unsigned char>(c)))
      AppendEscaped(static_cast<unsigned char>(c), &out);
    else
      out += c;
  }
  return out;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '~';
}

// Decodes escapes of unreserved characters and upper-cases the others; a '%' that starts no
// escape becomes "%25". '.' stays escaped: decoding it after libcurl resolved dot segments
// would make a new "..", and a second pass would then change the URL.
std::string NormalizeEscapes(std::string_view s) { return detail::NormalizePercentEscapes(s); }

}  // namespace

std::string detail::NormalizePercentEscapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c != '%') {
      if (NeedsEscape(c))
        AppendEscaped(c, &out);
      else
        out += static_cast<char>(c);
      continue;
    }
    int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
    if (lo < 0) {
      out += "%25";
      continue;
    }
    unsigned char v = static_cast<unsigned char>(hi * 16 + lo);
    if (IsUnreserved(v))
      out += static_cast<char>(v);
    else
      AppendEscaped(v, &out);
    i += 2;
  }
  return out;
}

namespace {

std::string DecodeForName(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = s[i] == '%' && i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
    if (lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return AsciiLower(out);
}

// Parameters that identify a campaign or a click, never a page.
bool IsTrackingParameter(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kNames = {
      "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "mc_cid",
      "mc_eid", "yclid", "igshid", "_hsenc", "_hsmi", "mkt_tok"};
  if (name.substr(0, 4) == "utm_") return true;
  for (std::string_view n : kNames)
    if (n == name) return true;
  return false;
}

std::string CleanQuery(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty() || param == "=") continue;
    if (IsTrackingParameter(DecodeForName(param.substr(0, param.find('='))))) continue;
    if (!out.empty()) out += '&';
    out += NormalizeEscapes(param);
  }
  return out;
}

struct Parts {
  std::string scheme;
  std::string host;  // lower-case, brackets kept for IPv6
  std::string port;  // "" for the scheme's default
  std::string path;
  std::string query;
};

bool Parse(std::string_view url, Parts* out) {
  if (url.size() > kMaxUrlBytes) return false;
  std::string repaired = Repair(url);
  // libcurl takes C strings: a NUL left in the host (Repair escapes it elsewhere) would cut the
  // URL short, and the next pass would see another URL.
  if (repaired.size() > kMaxUrlBytes || repaired.find('\0') != std::string::npos) return false;
  UrlPtr u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, repaired.c_str(), 0) != CURLUE_OK) return false;
  out->scheme = AsciiLower(GetPart(u.get(), CURLUPART_SCHEME, 0));
  if (out->scheme != "http" && out->scheme != "https") return false;
  bool ok = false;
  out->host = GetPart(u.get(), CURLUPART_HOST, CURLU_PUNYCODE, &ok);
  if (!ok) out->host = GetPart(u.get(), CURLUPART_HOST, 0);
  out->host = AsciiLower(std::move(out->host));
  while (!out->host.empty() && out->host.back() == '.') out->host.pop_back();
  if (out->host.empty()) return false;
  for (unsigned char c : out->host)
    if (NeedsEscape(c) || c == '%' || c == '@' || c == '/') return false;
  out->port = GetPart(u.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  out->path = GetPart(u.get(), CURLUPART_PATH, 0);
  out->query = GetPart(u.get(), CURLUPART_QUERY, 0);
  return true;
}

bool InV4(uint32_t a, uint32_t net, int bits) {
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (a & mask) == (net & mask);
}

bool IsPublicV4(uint32_t a) {          // host byte order
  return !(InV4(a, 0x00000000, 8) ||   // "this network"
           InV4(a, 0x0A000000, 8) ||   // private
           InV4(a, 0x64400000, 10) ||  // carrier-grade NAT
           InV4(a, 0x7F000000, 8) ||   // loopback
           InV4(a, 0xA9FE0000, 16) ||  // link-local
           InV4(a, 0xAC100000, 12) ||  // private
           InV4(a, 0xC0000000, 24) ||  // IETF protocol assignments
           InV4(a, 0xC0A80000, 16) ||  // private
           InV4(a, 0xC6120000, 15) ||  // benchmarking
           InV4(a, 0xE0000000, 4) ||   // multicast
           InV4(a, 0xF0000000, 4));    // reserved, broadcast
}

}  // namespace

namespace {

std::string NormalizeOnce(std::string_view url) {
  Parts p;
  if (!Parse(url, &p)) return "";
  std::string path = NormalizeEscapes(p.path);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  std::string query = CleanQuery(p.query);
  std::string out = p.scheme + "://" + p.host;
  if (!p.port.empty()) out += ":" + p.port;
  out += path;
  if (!query.empty()) out += "?" + query;
  return out;
}

}  // namespace

// libcurl's parser is lenient in ways one pass cannot always undo (extra slashes before the
// host, numeric hosts read as IPv4 once other oddities are gone), so the result is checked to
// be a fixed point; fuzz_robots_url found inputs needing a second pass.
std::string NormalizeUrl(std::string_view url) {
  std::string out = NormalizeOnce(url);
  for (int pass = 0; pass < 3 && !out.empty(); ++pass) {
    std::string again = NormalizeOnce(out);
    if (again == out) return out;
    out = std::move(again);
  }
  return "";  // no fixed point: not a URL to trust
}

std::string UrlHost(std::string_view url) {
  Parts p;
  if (!Parse(url, &p)) return "";
  return p.port.empty() ? p.host : p.host + ":" + p.port;
}

std::string UrlPathAndQuery(std::string_view url) {
  Parts p;
  if (!Parse(url, &p)) return "";
  std::string out = p.path.empty() ? "/" : p.path;
  if (!p.query.empty()) out += "?" + p.query;
  return out;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  if (base.size() > kMaxUrlBytes || ref.size() > kMaxUrlBytes) return "";
  UrlPtr u(curl_url());
  if (!u) return "";
  std::string b = Repair(base), r = Repair(ref);
  if (b.find('\0') != std::string::npos || r.find('\0') != std::string::npos) return "";
  if (!b.empty() &&
      curl_url_set(u.get(), CURLUPART_URL, b.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return "";
  // An empty reference is the base itself (RFC 3986 5.2.2), minus its fragment.
  if (r.empty()) {
    if (b.empty()) return "";
    curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0);
  } else if (curl_url_set(u.get(), CURLUPART_URL, r.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
             CURLUE_OK) {
    return "";
  }
  std::string out = GetPart(u.get(), CURLUPART_URL, 0);
  return out.size() > kMaxUrlBytes ? "" : out;
}

bool IsPublicAddress(const sockaddr* address) {
  if (!address) return false;
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    return IsPublicV4(ntohl(v4.sin_addr.s_addr));
  }
  if (address->sa_family != AF_INET6) return false;
  sockaddr_in6 v6;
  std::memcpy(&v6, address, sizeof v6);
  const uint8_t* b = v6.sin6_addr.s6_addr;
  auto v4_at = [&](int i) {
    return uint32_t{b[i]} << 24 | uint32_t{b[i + 1]} << 16 | uint32_t{b[i + 2]} << 8 | b[i + 3];
  };
  static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  static constexpr uint8_t kNat64[12] = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
  static constexpr uint8_t kZero[12] = {};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kNat64, 12) == 0)
    return IsPublicV4(v4_at(12));
  if (std::memcmp(b, kZero, 12) == 0) return false;  // ::, ::1 and the old IPv4-compatible form
  if ((b[0] & 0xFE) == 0xFC) return false;           // unique local fc00::/7
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return false;  // link-local fe80::/10
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return false;  // site-local fec0::/10 (deprecated)
  if (b[0] == 0xFF) return false;                           // multicast
  if (b[0] == 0x20 && b[1] == 0x02) return IsPublicV4(v4_at(2));  // 6to4 embeds an IPv4 address
  return true;
}

}  // namespace wirebrief::ingest
