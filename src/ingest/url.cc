#include "ingest/url.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/text.h"
#include "ingest/detail/url_escape.h"

namespace wirebrief::ingest {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = core::AsciiLower(c);
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
  return core::AsciiLower(out);
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

// The URL reader. It follows libcurl's URL API (7.88, which wirebrief used until the fetcher
// moved into a module that `extract` must not load): the same leniency (one to three slashes
// after the scheme, a first '@' ending the userinfo, numeric IPv4 hosts in any base made
// dotted-quad, an empty port ignored), the same refusals (control bytes and spaces, forbidden
// host characters, ports past 65535), dot segments resolved, and a relative reference joined
// the way curl joins a redirect. So article ids made from these URLs did not change with it;
// tests/ingest/url_test.cc pins the behaviour.
struct Url {
  std::string scheme;  // lower-case
  std::string user, password;
  bool has_user = false, has_password = false;
  std::string host;  // IPv6 in brackets, normalised; IPv4 dotted-quad
  std::string zone;  // an IPv6 zone id
  std::string port;  // "" when not given; else decimal without leading zeros
  std::string path;  // "" or starting with '/', dot segments resolved
  std::string query, fragment;
  bool has_query = false, has_fragment = false;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The scheme's length when `url` starts with one and a ':', else 0. Like libcurl 7.88 (and
// unlike RFC 3986 3.1) a scheme may start with a digit, so "20:15" is no relative reference.
size_t SchemeLength(std::string_view url) {
  size_t i = 0;
  for (; i < url.size() && i < 40; ++i) {
    char c = url[i];
    if (!(IsAlpha(c) || IsDigit(c) || c == '+' || c == '-' || c == '.')) break;
  }
  return i > 0 && i < url.size() && url[i] == ':' ? i : 0;
}

bool IsKnownScheme(std::string_view s) {
  static constexpr std::array<std::string_view, 25> kSchemes = {
      "dict",  "file",   "ftp",    "ftps", "gopher", "gophers", "http", "https", "imap",
      "imaps", "ldap",   "ldaps",  "mqtt", "pop3",   "pop3s",   "rtmp", "rtmpe", "rtmps",
      "rtmpt", "rtmpte", "rtmpts", "rtsp", "scp",    "sftp",    "smb"};
  for (std::string_view k : kSchemes)
    if (k == s) return true;
  return s == "smbs" || s == "smtp" || s == "smtps" || s == "telnet" || s == "tftp" || s == "ws" ||
         s == "wss";
}

// RFC 3986 5.2.4 on a path (no query, no fragment).
std::string RemoveDotSegments(std::string_view in) {
  if (in.size() < 2 || in.find('.') == std::string_view::npos) return std::string(in);
  std::string out;
  out.reserve(in.size());
  auto drop_last = [&] {
    size_t slash = out.rfind('/');
    out.resize(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      out += '/';
      break;
    } else if (in.substr(0, 4) == "/../") {
      in.remove_prefix(3);
      drop_last();
    } else if (in == "/..") {
      drop_last();
      out += '/';
      break;
    } else if (in == "." || in == "..") {
      break;
    } else {
      size_t next = in.find('/', 1);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

// A numeric IPv4 host in any of the forms inet_aton reads ("127.1", "0x7f.0.0.1", "2130706433"):
// true with the dotted quad; false when `host` is a name.
bool NormalizeIpv4(const std::string& host, std::string* out) {
  uint64_t parts[4] = {0, 0, 0, 0};
  int n = 0;
  const char* c = host.c_str();
  for (;;) {
    if (!IsDigit(*c)) return false;  // no sign, no empty part
    char* end = nullptr;
    errno = 0;
    unsigned long v = std::strtoul(c, &end, 0);
    if (errno || v > 0xFFFFFFFFul) return false;
    parts[n] = v;
    c = end;
    if (*c == '\0') break;
    if (*c != '.' || n == 3) return false;
    ++n;
    ++c;
  }
  uint64_t a = 0;
  switch (n) {
    case 0:
      a = parts[0];
      break;
    case 1:
      if (parts[0] > 0xFF || parts[1] > 0xFFFFFF) return false;
      a = parts[0] << 24 | parts[1];
      break;
    case 2:
      if (parts[0] > 0xFF || parts[1] > 0xFF || parts[2] > 0xFFFF) return false;
      a = parts[0] << 24 | parts[1] << 16 | parts[2];
      break;
    default:
      if (parts[0] > 0xFF || parts[1] > 0xFF || parts[2] > 0xFF || parts[3] > 0xFF) return false;
      a = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
      break;
  }
  *out = std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xFF) + "." +
         std::to_string((a >> 8) & 0xFF) + "." + std::to_string(a & 0xFF);
  return true;
}

// "[addr]" or "[addr%zone]" (the zone possibly written "%25zone"): checked, the zone apart.
bool NormalizeIpv6(const std::string& host, std::string* out, std::string* zone) {
  if (host.size() < 4 || host.back() != ']') return false;
  std::string_view inner(host.data() + 1, host.size() - 2);
  size_t len = inner.find_first_not_of("0123456789abcdefABCDEF:.");
  if (len != std::string_view::npos) {
    if (inner[len] != '%') return false;
    std::string_view z = inner.substr(len + 1);
    if (z.substr(0, 2) == "25" && z.size() > 2) z.remove_prefix(2);
    if (z.empty() || z.size() > 15 || z.find(']') != std::string_view::npos) return false;
    *zone = std::string(z);
    inner = inner.substr(0, len);
  }
  std::string addr(inner);
  unsigned char bin[16];
  if (inet_pton(AF_INET6, addr.c_str(), bin) != 1) return false;
  // The canonical text replaces the written one only when strictly shorter, a quirk of libcurl
  // 7.88 (it wrote the new text into the old one's buffer) kept so stored URLs do not change.
  char text[INET6_ADDRSTRLEN];
  if (inet_ntop(AF_INET6, bin, text, sizeof text) && std::strlen(text) < addr.size()) addr = text;
  *out = "[" + addr + "]";
  return true;
}

// "%XX" escapes decoded; a '%' that starts none stays. False when one decodes to a byte
// below 0x20.
bool DecodeHost(std::string* host) {
  if (host->find('%') == std::string::npos) return true;
  std::string out;
  for (size_t i = 0; i < host->size(); ++i) {
    char c = (*host)[i];
    int hi = c == '%' && i + 2 < host->size() ? HexValue((*host)[i + 1]) : -1;
    int lo = hi >= 0 ? HexValue((*host)[i + 2]) : -1;
    if (lo >= 0) {
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
      if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    out += c;
  }
  *host = std::move(out);
  return true;
}

bool ParseAuthority(std::string_view auth, Url* u) {
  if (size_t at = auth.find('@'); at != std::string_view::npos) {
    std::string_view login = auth.substr(0, at);
    size_t colon = login.find(':');
    u->has_user = true;
    u->user = std::string(login.substr(0, colon));
    if (colon != std::string_view::npos) {
      u->has_password = true;
      u->password = std::string(login.substr(colon + 1));
    }
    auth.remove_prefix(at + 1);
  }
  std::string host(auth);
  size_t port_at = std::string::npos;
  if (!host.empty() && host[0] == '[') {
    size_t close = host.find(']');
    if (close == std::string::npos) return false;
    if (close + 1 < host.size()) {
      if (host[close + 1] != ':') return false;
      port_at = close + 1;
    }
  } else {
    port_at = host.find(':');
  }
  if (port_at != std::string::npos) {
    std::string port = host.substr(port_at + 1);
    host.resize(port_at);
    if (!port.empty()) {  // "host:" is the default port, as browsers read it
      if (!IsDigit(port[0])) return false;
      char* end = nullptr;
      errno = 0;
      unsigned long n = std::strtoul(port.c_str(), &end, 10);
      if (errno || n > 0xFFFF || *end) return false;
      u->port = std::to_string(n);
    }
  }
  if (host.empty()) return false;
  std::string v4;
  if (host[0] == '[') return NormalizeIpv6(host, &u->host, &u->zone);
  if (NormalizeIpv4(host, &v4)) {
    u->host = std::move(v4);
    return true;
  }
  // Control bytes as written are refused; then escapes are decoded (refusing a decoded
  // control byte) and the name checked (so "%41" is "A", and '|', '%' and a decoded DEL pass,
  // as they did through libcurl 7.88).
  for (char c : host)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  if (!DecodeHost(&host)) return false;
  for (char c : host)
    if (std::strchr(" \r\n\t/:#?!@{}[]\\$'\"^`*<>=;,+&()", c) != nullptr) return false;
  u->host = std::move(host);
  return true;
}

// Reads an absolute URL. `any_scheme`: schemes libcurl does not speak are read too (references).
bool ParseUrl(std::string_view url, bool any_scheme, Url* u) {
  for (char c : url)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == ' ') return false;
  size_t scheme_len = SchemeLength(url);
  if (scheme_len == 0) return false;
  u->scheme = core::AsciiLower(url.substr(0, scheme_len));
  std::string_view rest = url.substr(scheme_len + 1);
  std::string_view hier;
  if (u->scheme == "file") {
    if (url.size() <= 6) return false;
    if (rest.substr(0, 2) == "//") {
      rest.remove_prefix(2);
      if (!rest.empty() && rest[0] != '/') {
        if (rest.substr(0, 10) == "localhost/" || rest.substr(0, 10) == "127.0.0.1/")
          rest.remove_prefix(9);
        else
          return false;
      }
    }
    auto drive = [](std::string_view p) {
      return p.size() >= 2 && IsAlpha(p[0]) && (p[1] == ':' || p[1] == '|') &&
             (p.size() == 2 || p[2] == '/' || p[2] == '\\');
    };
    if ((!rest.empty() && rest[0] == '/' && drive(rest.substr(1))) || drive(rest)) return false;
    hier = rest;
  } else {
    if (!any_scheme && !IsKnownScheme(u->scheme)) return false;
    size_t slashes = 0;
    while (slashes < rest.size() && rest[slashes] == '/' && slashes < 4) ++slashes;
    if (slashes < 1 || slashes > 3) return false;
    rest.remove_prefix(slashes);
    size_t host_len = std::min(rest.find_first_of("/?#"), rest.size());
    if (host_len == 0) return false;
    if (!ParseAuthority(rest.substr(0, host_len), u)) return false;
    hier = rest.substr(host_len);
  }
  if (size_t hash = hier.find('#'); hash != std::string_view::npos) {
    u->has_fragment = true;
    u->fragment = std::string(hier.substr(hash + 1));
    hier = hier.substr(0, hash);
  }
  if (size_t q = hier.find('?'); q != std::string_view::npos) {
    u->has_query = true;
    u->query = std::string(hier.substr(q + 1));
    hier = hier.substr(0, q);
  }
  u->path = RemoveDotSegments(hier);
  return true;
}

std::string Assemble(const Url& u) {
  std::string out = u.scheme + "://";
  if (u.scheme == "file") {
    out += u.path;  // and no query: libcurl 7.88 printed none for file:
    if (!u.fragment.empty()) out += "#" + u.fragment;
    return out;
  }
  {
    if (u.has_user) {
      out += u.user;
      if (u.has_password) out += ":" + u.password;
      out += '@';
    }
    if (!u.zone.empty()) {
      out += u.host.substr(0, u.host.size() - 1) + "%25" + u.zone + "]";
    } else {
      for (char c : u.host) out += c == '%' ? std::string("%25") : std::string(1, c);
    }
    if (!u.port.empty()) out += ":" + u.port;
    out += u.path.empty() ? "/" : u.path;
  }
  // Empty ones are dropped ("a?" -> "a"), as libcurl 7.88 printed them.
  if (!u.query.empty()) out += "?" + u.query;
  if (!u.fragment.empty()) out += "#" + u.fragment;
  return out;
}

// Spaces and bytes past ASCII in a reference joined to a base are escaped as libcurl does
// (a space after the '?' becomes '+'); `from` skips the authority of a "//host" reference.
std::string EscapeReference(std::string_view ref, size_t from) {
  std::string out;
  bool in_query = false;
  static constexpr char kLowerHex[] = "0123456789abcdef";
  for (size_t i = 0; i < ref.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(ref[i]);
    if (i < from) {
      out += static_cast<char>(c);
      continue;
    }
    if (c == ' ') {
      out += in_query ? "+" : "%20";
      continue;
    }
    if (c == '?') in_query = true;
    if (c >= 0x80) {
      out += '%';
      out += kLowerHex[c >> 4];
      out += kLowerHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
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
  // A NUL left in the host (Repair escapes it elsewhere) would cut a C string short, and a
  // second pass would then see another URL; refused as libcurl's C API made it.
  if (repaired.size() > kMaxUrlBytes || repaired.find('\0') != std::string::npos) return false;
  Url u;
  if (!ParseUrl(repaired, /*any_scheme=*/false, &u)) return false;
  out->scheme = u.scheme;
  if (out->scheme != "http" && out->scheme != "https") return false;
  // A name past ASCII would need IDNA; libcurl could not convert it in the C locale this
  // program runs in either, so such a URL never normalised.
  out->host = core::AsciiLower(u.host);  // an IPv6 zone id is no part of the host
  while (!out->host.empty() && out->host.back() == '.') out->host.pop_back();
  if (out->host.empty()) return false;
  for (unsigned char c : out->host)
    if (NeedsEscape(c) || c == '%' || c == '@' || c == '/') return false;
  bool default_port =
      (u.scheme == "http" && u.port == "80") || (u.scheme == "https" && u.port == "443");
  out->port = default_port ? "" : u.port;
  out->path = u.path.empty() ? "/" : u.path;
  out->query = u.query;
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

// The parser is lenient in ways one pass cannot always undo (extra slashes before the host,
// numeric hosts read as IPv4 once other oddities are gone), so the result is checked to be a
// fixed point; fuzz_robots_url found inputs needing a second pass.
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
  std::string b = Repair(base), r = Repair(ref);
  if (b.find('\0') != std::string::npos || r.find('\0') != std::string::npos) return "";
  Url base_url;
  if (!b.empty() && !ParseUrl(b, /*any_scheme=*/true, &base_url)) return "";
  std::string joined;
  if (r.empty()) {
    // An empty reference is the base itself (RFC 3986 5.2.2), minus its fragment.
    if (b.empty()) return "";
    base_url.has_fragment = false;
    base_url.fragment.clear();
    joined = Assemble(base_url);
  } else if (SchemeLength(r) > 0 || b.empty()) {
    joined = r;
  } else {
    // Joined as libcurl 7.88 joined a redirect: cut the base's text, append the reference,
    // read the whole again (which resolves the remaining dot segments). A "#frag" reference is
    // a relative path here, and the base's own fragment goes only with its last segment.
    std::string whole = Assemble(base_url);
    size_t host_at = whole.find("//") + 2;
    std::string_view use = r;
    bool host_changed = false;
    if (r[0] != '/') {
      size_t cut = whole.find('?', host_at);
      if (cut != std::string::npos) whole.resize(cut);
      if (r[0] != '?') {
        size_t slash = whole.rfind('/');
        if (slash != std::string::npos && slash >= host_at) whole.resize(slash);
      }
      size_t path_at = whole.find('/', host_at);
      if (path_at != std::string::npos) ++path_at;
      if (use.substr(0, 2) == "./") use.remove_prefix(2);
      int levels = 0;
      while (use.substr(0, 3) == "../") {
        ++levels;
        use.remove_prefix(3);
      }
      if (path_at != std::string::npos) {
        for (; levels > 0; --levels) {
          size_t slash = whole.rfind('/');
          if (slash == std::string::npos || slash < path_at) {
            whole.resize(path_at);
            break;
          }
          whole.resize(slash);
        }
      }
      if ((use.empty() || (use[0] != '/' && use[0] != '?')) && whole.back() != '/') whole += '/';
    } else if (r.size() > 1 && r[1] == '/') {
      whole.resize(host_at);
      use.remove_prefix(2);
      host_changed = true;
    } else {
      size_t slash = whole.find('/', host_at);
      if (slash != std::string::npos) whole.resize(slash);
    }
    size_t from = 0;
    if (host_changed) {
      // The new authority is copied as written; escaping starts at its end.
      size_t end = use.find_first_of("/?");
      from = end == std::string_view::npos ? use.size() : end;
    }
    joined = whole + EscapeReference(use, from);
  }
  Url u;
  if (!ParseUrl(joined, /*any_scheme=*/true, &u)) return "";
  std::string out = Assemble(u);
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
