// RFC 4180 fields for the CLI's CSV exports (`show`, `search`): spreadsheets read them as
// written, commas, quotes and line breaks included.
#pragma once

#include <string>
#include <vector>

namespace wirebrief::cli {

inline std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

inline std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
  return out + "\r\n";
}

}  // namespace wirebrief::cli
