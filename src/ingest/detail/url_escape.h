// Percent-escape normalisation shared by url.cc and robots.cc, so a robots.txt pattern and a
// normalised URL spell the same octets the same way.
#pragma once

#include <string>
#include <string_view>

namespace wirebrief::ingest::detail {

// Escapes of unreserved characters except '.' decoded (%7E -> ~), other escapes upper-cased,
// a '%' that starts no escape written "%25", and bytes a URL may not carry literally (controls,
// space, non-ASCII, "<>\^`{|}) escaped.
std::string NormalizePercentEscapes(std::string_view s);

}  // namespace wirebrief::ingest::detail
