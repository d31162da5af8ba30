// Wire credits: which agency supplied the copy, from datelines and closing credits.
#include <cstring>

#include "core/text.h"
#include "extract/detail/metadata.h"
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

// One credited name: a known agency in its usual spelling, else a name that reads like one.
bool AddAgency(std::vector<std::string>* wire, std::string name) {
  name = CollapseSpace(name);
  while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
  if (std::string known = AgencyName(name); !known.empty()) {
    AddUnique(wire, known);
    return true;
  }
  if (!LooksLikeAgency(name)) return false;
  AddUnique(wire, name);
  return true;
}

// "Reuters and AFP", "EFE y AP", "AP/Reuters" -> each agency; false when any part is not one.
bool AddAgencyList(std::vector<std::string>* wire, const std::string& list) {
  std::vector<std::string> parts;
  std::string cur, l = core::AsciiLower(list);
  for (size_t i = 0; i < list.size(); ++i) {
    bool split = list[i] == '/' || list[i] == ',' || list[i] == ';';
    size_t skip = 0;
    for (const char* j : {" and ", " y ", " e ", " et ", " und ", " & "})
      if (l.compare(i, std::strlen(j), j) == 0) skip = std::strlen(j);
    if (split || skip) {
      parts.push_back(cur);
      cur.clear();
      if (skip) i += skip - 1;
      continue;
    }
    cur += list[i];
  }
  parts.push_back(cur);
  std::vector<std::string> found;
  for (const auto& p : parts) {
    std::string name = CollapseSpace(p);
    // "las agencias EFE", "the AP": articles before the name.
    for (const char* lead :
         {"the ", "las agencias ", "las ", "los ", "la ", "el ", "agencias ", "agências ",
          "agencies ", "a ", "o ", "as ", "os ", "l'", "der ", "die "})
      if (StartsWith(core::AsciiLower(name), lead)) name = name.substr(std::strlen(lead));
    if (name.empty()) continue;
    if (!AddAgency(&found, name)) return false;
  }
  if (found.empty()) return false;
  for (const auto& f : found) AddUnique(wire, f);
  return true;
}

// Rule: dateline. Wire copy opens "CITY (Agency) —", "PARÍS, 4 nov (EFE).-", "Berlin (dpa) -";
// local reprints keep it. Hand-written rather than a regex: it runs on every article and must
// accept non-ASCII city names.
bool ReadDateline(const std::string& p, std::vector<std::string>* wire) {
  size_t open = p.find('(');
  if (open == std::string::npos || open > 80) return false;
  size_t close = p.find(')', open);
  if (close == std::string::npos || close - open > 48) return false;
  std::string city = CollapseSpace(p.substr(0, open));
  if (!city.empty()) {
    unsigned char first = static_cast<unsigned char>(city[0]);
    if (first < 0x80 && !std::isupper(first)) return false;
    if (CountWords(city) > 6 || city.find('"') != std::string::npos) return false;
    // A city, optionally with a date ("PARÍS, 4 nov"): not a sentence.
    size_t lower_words = 0;
    bool start = true;
    for (char c : city) {
      if (start && std::islower(static_cast<unsigned char>(c))) ++lower_words;
      start = c == ' ';
    }
    if (lower_words > 2) return false;
  } else if (open != 0) {
    return false;
  }
  size_t k = close + 1;
  while (k < p.size() && p[k] == ' ') ++k;
  std::string_view rest = std::string_view(p).substr(k);
  bool dash = StartsWith(rest, "\xE2\x80\x94") || StartsWith(rest, "\xE2\x80\x93") ||
              StartsWith(rest, "-") || StartsWith(rest, ".-") || StartsWith(rest, ":") ||
              StartsWith(rest, ".\xE2\x80\x93");
  if (!dash) return false;
  return AddAgencyList(wire, p.substr(open + 1, close - open - 1));
}

// Rule: credit phrases at the end of the copy, in the languages of the fixture set.
bool ReadCreditPhrase(std::string* p, std::vector<std::string>* wire) {
  static const char* kPhrases[] = {"with information from ",
                                   "with reporting from ",
                                   "with reporting by ",
                                   "additional reporting by ",
                                   "reporting by ",
                                   "con información de ",
                                   "con informaciones de ",
                                   "com informações da ",
                                   "com informações do ",
                                   "com informações de ",
                                   "com informações das ",
                                   "avec ",
                                   "mit material von ",
                                   "mit material der ",
                                   "mit ",
                                   "source: ",
                                   "fuente: ",
                                   "quelle: ",
                                   "fonte: "};
  std::string l = core::AsciiLower(*p);
  for (const char* phrase : kPhrases) {
    size_t at = l.rfind(phrase);
    if (at == std::string::npos) continue;
    // The phrase opens the paragraph, a sentence, or a parenthesis.
    if (at > 0 && !(l[at - 1] == ' ' || l[at - 1] == '(')) continue;
    if (at > 0 && at >= 2 && l[at - 1] == ' ' && l[at - 2] != '.' && l[at - 2] != ')' &&
        l[at - 2] != '(')
      continue;
    bool paren = at > 0 && l[at - 1] == '(';
    std::string tail = p->substr(at + std::strlen(phrase));
    if (paren) {
      size_t close = tail.find(')');
      if (close == std::string::npos || CollapseSpace(tail.substr(close + 1)).size() > 1) continue;
      tail = tail.substr(0, close);
    }
    // Short phrases ("avec", "mit") only as a whole short paragraph: "Avec AFP".
    bool short_phrase = std::strlen(phrase) <= 5;
    if (short_phrase && !paren && at != 0) continue;
    std::vector<std::string> found;
    if (!AddAgencyList(&found, tail)) continue;
    // "reporting by" names people unless they are agencies everyone knows.
    if (StartsWith(phrase, "reporting") || StartsWith(phrase, "additional") ||
        StartsWith(phrase, "with reporting"))
      for (const auto& f : found)
        if (AgencyName(f).empty()) return false;
    for (const auto& f : found) AddUnique(wire, f);
    *p = CollapseSpace(p->substr(0, paren ? at - 1 : at));
    return true;
  }
  return false;
}

}  // namespace

bool IsDatelineOnly(const std::string& line) {
  std::vector<std::string> wire;
  if (!ReadDateline(line, &wire)) return false;
  // Nothing after the dash: "VALMORE, Nov 18 (Continental Wire Service) -" on its own line.
  size_t close = line.find(')', line.find('('));
  std::string rest = CollapseSpace(line.substr(close + 1));
  for (std::string_view dash : {".\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x93", ".-", "-", ":"})
    if (StartsWith(rest, dash)) return CollapseSpace(rest.substr(dash.size())).empty();
  return false;
}

std::vector<std::string> TakeWireCredit(std::vector<std::string>* paragraphs) {
  std::vector<std::string> wire;
  if (paragraphs->empty()) return wire;
  for (size_t i = 0; i < std::min<size_t>(paragraphs->size(), 3); ++i)
    if (ReadDateline((*paragraphs)[i], &wire)) break;
  // Trailing credits, looked for in the last three paragraphs only.
  for (int k = 0; k < 3 && !paragraphs->empty(); ++k) {
    std::string& last = paragraphs->back();
    if (ReadCreditPhrase(&last, &wire)) {
      if (last.empty()) paragraphs->pop_back();
      continue;
    }
    std::string t = CollapseSpace(last);
    // "[AGENCY]" or "(dpa)" closing the copy.
    char closer = t.empty() ? 0 : t.back();
    if (closer == ']' || closer == ')') {
      size_t open = t.rfind(closer == ']' ? '[' : '(');
      if (open != std::string::npos && t.size() - open < 50) {
        std::string inner = t.substr(open + 1, t.size() - open - 2);
        std::vector<std::string> found;
        bool ok = closer == ']' ? AddAgencyList(&found, inner)
                                : !AgencyName(inner).empty() && AddAgencyList(&found, inner);
        if (ok) {
          for (const auto& f : found) AddUnique(&wire, f);
          last = CollapseSpace(t.substr(0, open));
          if (last.empty()) paragraphs->pop_back();
          continue;
        }
      }
    }
    // "— Agency" on its own line.
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--"}) {
      if (StartsWith(t, dash)) {
        std::vector<std::string> found;
        if (AddAgencyList(&found, CollapseSpace(t.substr(dash.size())))) {
          for (const auto& f : found) AddUnique(&wire, f);
          paragraphs->pop_back();
          t.clear();
        }
        break;
      }
    }
    if (t.empty()) continue;
    // A lone agency name as the last line ("Continental Wire").
    if (paragraphs->size() > 2 && LooksLikeAgency(t) && CountWords(t) <= 3) {
      AddUnique(&wire, t);
      paragraphs->pop_back();
      continue;
    }
    break;
  }
  return wire;
}

std::string GuessLanguage(const std::string& text) {
  static const char* kEnglish[] = {"the", "and", "of",   "to",   "in", "a",  "is", "that", "for",
                                   "on",  "was", "said", "with", "by", "as", "at", "it",   "from"};
  size_t words = 0, hits = 0;
  size_t i = 0;
  std::string w;
  while (i <= text.size() && words < 2000) {
    char c = i < text.size() ? text[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += core::AsciiLower(c);
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
