// Atom and JSON Feed documents, and the XML text helpers the server's HTML fragments share.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace wirebrief::render {

struct FeedItem {
  std::string id;  // stable id (story or article id)
  std::string title;
  std::string link;     // absolute URL of the item's page
  std::string updated;  // ISO date
  std::string summary;  // plain text
};

struct FeedInfo {
  std::string title;
  std::string self;  // absolute URL of the feed itself
  std::string home;  // absolute URL of the web page
};

// Text for XML content and attribute values: markup characters escaped, control characters
// XML 1.0 forbids dropped, and bytes that are not well-formed UTF-8 replaced by U+FFFD.
std::string XmlEscape(const std::string& s);
// A stored date as RFC 3339 with a time (a bare day is midnight UTC; empty is the epoch).
std::string Rfc3339(const std::string& date);

std::string AtomFeed(const FeedInfo& info, const std::vector<FeedItem>& items);
std::string JsonFeed(const FeedInfo& info, const std::vector<FeedItem>& items);

}  // namespace wirebrief::render
