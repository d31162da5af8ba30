#include "brief/detail/furniture.h"

#include "brief/detail/text.h"
#include "core/text.h"

namespace wirebrief::brief::detail {

std::vector<std::string> ParseCueLines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!line.empty() && space(line.front())) line.remove_prefix(1);
    while (!line.empty() && space(line.back())) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.size() >= 2 && line.front() == '"' && line.back() == '"')
      line = line.substr(1, line.size() - 2);
    if (!line.empty()) out.push_back(core::AsciiLower(line));
  }
  return out;
}

const std::vector<std::string>& FurniturePhrases() {
  static const std::vector<std::string> kPhrases = ParseCueLines(FurnitureCueText());
  return kPhrases;
}

bool IsFurniture(std::string_view sentence) {
  static const CueSet kCues(std::vector<std::vector<std::string>>{FurniturePhrases()});
  std::string padded(1, ' ');
  core::AppendAsciiLower(sentence, &padded);
  padded += ' ';
  return kCues.FoundIn(padded);
}

}  // namespace wirebrief::brief::detail
