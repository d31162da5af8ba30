#include <regex>

#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

// Agency names are short runs of capitalised words or an acronym.
bool LooksLikeAgency(const std::string& s) {
  if (s.empty() || s.size() > 48 || CountWords(s) > 5) return false;
  if (!std::isupper(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (c == '.' || c == ',' || c == '?' || c == '!' || c == ':') return false;
  // Every word capitalised ("Continental Wire Service", "CWS"): "Join the conversation" is a
  // widget prompt, not an agency.
  bool word_start = true;
  for (char c : s) {
    if (word_start && std::islower(static_cast<unsigned char>(c))) return false;
    word_start = c == ' ';
  }
  return true;
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  for (const auto& x : *v)
    if (x == s) return;
  v->push_back(s);
}

}  // namespace

std::vector<std::string> TakeWireCredit(std::vector<std::string>* paragraphs) {
  std::vector<std::string> wire;
  if (paragraphs->empty()) return wire;
  // Rule: dateline. Wire copy opens "CITY (Agency) —"; local reprints keep it.
  static const std::regex kDateline(R"(^[A-Z][A-Za-z .'\-]{1,40},?(?: [A-Z][a-z]+\.? \d{1,2},?)? \(([A-Z][A-Za-z&.\- ]{1,40})\)\s*(?:—|–|-{1,2}))");
  for (size_t i = 0; i < std::min<size_t>(paragraphs->size(), 3); ++i) {
    std::smatch m;
    const std::string& p = (*paragraphs)[i];
    std::string head = p.substr(0, 120);
    if (std::regex_search(head, m, kDateline)) {
      AddUnique(&wire, m[1].str());
      break;
    }
  }
  // Rule: trailing credits, looked for in the last three paragraphs only.
  static const std::regex kInfoFrom(R"((?:^|\s)(?:With|Additional) (?:information|reporting) (?:from|by) ([A-Z][A-Za-z&.\- ]{1,40}?)\.?$)");
  static const std::regex kBracket(R"(\s*\[([A-Z][A-Za-z&.\- ]{1,40})\]\s*$)");
  static const std::regex kDash(R"(^\s*(?:—|–|--)\s*([A-Z][A-Za-z&.\- ]{1,40})\s*$)");
  for (int k = 0; k < 3 && !paragraphs->empty(); ++k) {
    std::string& last = paragraphs->back();
    std::smatch m;
    if (std::regex_search(last, m, kInfoFrom) || std::regex_search(last, m, kDash)) {
      AddUnique(&wire, CollapseSpace(m[1].str()));
      std::string rest = CollapseSpace(last.substr(0, static_cast<size_t>(m.position(0))));
      if (rest.empty()) paragraphs->pop_back();
      else last = rest;
      continue;
    }
    if (std::regex_search(last, m, kBracket)) {
      AddUnique(&wire, CollapseSpace(m[1].str()));
      std::string rest = CollapseSpace(last.substr(0, static_cast<size_t>(m.position(0))));
      if (rest.empty()) paragraphs->pop_back();
      else last = rest;
      continue;
    }
    // A lone agency name as the last line ("Continental Wire").
    if (paragraphs->size() > 2 && LooksLikeAgency(last) && CountWords(last) <= 3) {
      AddUnique(&wire, last);
      paragraphs->pop_back();
      continue;
    }
    break;
  }
  return wire;
}

std::string GuessLanguage(const std::string& text) {
  static const char* kEnglish[] = {"the", "and", "of", "to", "in", "a", "is", "that", "for", "on",
                                   "was", "said", "with", "by", "as", "at", "it", "from"};
  size_t words = 0, hits = 0;
  size_t i = 0;
  std::string w;
  while (i <= text.size() && words < 2000) {
    char c = i < text.size() ? text[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      ++words;
      for (const char* e : kEnglish)
        if (w == e) {
          ++hits;
          break;
        }
      w.clear();
    }
    ++i;
  }
  // Function words make up roughly a quarter of English running text; 10% is a safe floor.
  return words >= 20 && hits * 10 >= words ? "en" : "";
}

}  // namespace wirebrief::extract::detail
