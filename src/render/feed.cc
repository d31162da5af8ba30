#include "render/feed.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/stored_json.h"

namespace wirebrief::render {

// Atom wants RFC 3339 with a time; stored dates may be a bare day.
std::string Rfc3339(const std::string& date) {
  if (date.size() == 10) return date + "T00:00:00Z";
  if (date.size() >= 19 && date.find_first_of("Z+-", 19) == std::string::npos) return date + "Z";
  return date.empty() ? "1970-01-01T00:00:00Z" : date;
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i] that XML 1.0 allows (no surrogates, no
// overlong forms, nothing past U+10FFFF, not U+FFFE/U+FFFF); 0 when there is none.
size_t XmlCharLength(const std::string& s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  if (n == 3) {
    if (c == 0xE0 && b(1) < 0xA0) return 0;                                     // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;                                    // UTF-16 surrogate
    if (c == 0xEF && b(1) == 0xBF && (b(2) == 0xBE || b(2) == 0xBF)) return 0;  // U+FFFE/F
  }
  if (n == 4 && ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) >= 0x90))) return 0;
  return n;
}

}  // namespace

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Article text is data: a byte that is not UTF-8 becomes U+FFFD instead of making the
      // whole document ill-formed for every reader.
      const size_t n = XmlCharLength(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(s, i, n);
        i += n;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab/newline are not allowed in XML 1.0.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string AtomFeed(const FeedInfo& info, const std::vector<FeedItem>& items) {
  std::string updated = "1970-01-01T00:00:00Z";
  for (const auto& it : items) updated = std::max(updated, Rfc3339(it.updated));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out +=
      "  <title>" + XmlEscape(info.title) + "</title>\n  <id>" + XmlEscape(info.self) + "</id>\n";
  out += "  <link rel=\"self\" href=\"" + XmlEscape(info.self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(info.home) + "\"/>\n";
  out += "  <updated>" + XmlEscape(updated) +
         "</updated>\n  <author><name>wirebrief</name></author>\n";
  for (const auto& it : items) {
    out += "  <entry>\n    <id>urn:wirebrief:" + XmlEscape(it.id) + "</id>\n";
    out += "    <title>" + XmlEscape(it.title) + "</title>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(it.link) + "\"/>\n";
    out += "    <updated>" + XmlEscape(Rfc3339(it.updated)) + "</updated>\n";
    out += "    <summary type=\"text\">" + XmlEscape(it.summary) + "</summary>\n  </entry>\n";
  }
  return out + "</feed>\n";
}

std::string JsonFeed(const FeedInfo& info, const std::vector<FeedItem>& items) {
  nlohmann::json feed = {{"version", "https://jsonfeed.org/version/1.1"},
                         {"title", info.title},
                         {"home_page_url", info.home},
                         {"feed_url", info.self}};
  nlohmann::json list = nlohmann::json::array();
  for (const auto& it : items)
    list.push_back({{"id", it.id},
                    {"url", it.link},
                    {"title", it.title},
                    {"content_text", it.summary},
                    {"date_published", Rfc3339(it.updated)}});
  feed["items"] = list;
  return DumpJson(feed);
}

}  // namespace wirebrief::render
