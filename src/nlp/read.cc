// Rule-based reader. Tokens keep byte spans so every annotation points back into the text.
#include "nlp/read.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <regex>

#include "core/date.h"
#include "nlp/detail/lexicon.h"

namespace wirebrief::nlp {
namespace {

struct Token {
  uint32_t begin, end;
  std::string_view text;
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Words, numbers ("28,500", "6.4") and dotted abbreviations ("U.S") as single tokens. Bytes of
// multi-byte UTF-8 characters count as word characters, except the typographic quotes and
// dashes, which are punctuation.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0, n = text.size();
  auto punct_mb = [&](size_t k) {
    return k + 2 < n && static_cast<unsigned char>(text[k]) == 0xE2 &&
           static_cast<unsigned char>(text[k + 1]) == 0x80;
  };
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (punct_mb(i)) {
      // ’ (E2 80 99) inside a word is an apostrophe: "Ministry’s" stays one token.
      i += 3;
      continue;
    }
    if (!IsWordByte(c)) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < n) {
      unsigned char d = static_cast<unsigned char>(text[i]);
      if (punct_mb(i)) {
        if (static_cast<unsigned char>(text[i + 2]) == 0x99 && i + 3 < n &&
            std::isalpha(static_cast<unsigned char>(text[i + 3]))) {
          i += 3;
          continue;
        }
        break;
      }
      if (IsWordByte(d)) {
        ++i;
        continue;
      }
      if ((d == '.' || d == ',' || d == '\'' || d == '-') && i + 1 < n &&
          IsWordByte(static_cast<unsigned char>(text[i + 1]))) {
        // Commas only inside numbers; periods inside numbers and abbreviations.
        bool digit_before = std::isdigit(static_cast<unsigned char>(text[i - 1]));
        bool digit_after = std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if (d == ',' && !(digit_before && digit_after)) break;
        if (d == '.' && !(digit_before && digit_after) && !(i - b == 1 && std::isupper(static_cast<unsigned char>(text[b]))) &&
            !(i >= 2 && text[i - 2] == '.'))
          break;
        ++i;
        continue;
      }
      break;
    }
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i), text.substr(b, i - b)});
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsCapitalized(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

bool IsNumber(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  for (char c : w)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',' && c != '.') return false;
  return true;
}

int MonthIndex(std::string_view w) {
  static const char* kFull[] = {"january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december"};
  std::string l = Lower(w);
  for (int i = 0; i < 12; ++i) {
    if (l == kFull[i]) return i + 1;
    if (l.size() >= 3 && l.size() <= 4 && std::strncmp(kFull[i], l.c_str(), l.size()) == 0 && l != "may")
      return i + 1;
  }
  return 0;
}

int WeekdayIndex(std::string_view w) {
  static const char* kDays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  std::string l = Lower(w);
  for (int i = 0; i < 7; ++i)
    if (l == kDays[i]) return i;
  return -1;
}

}  // namespace

bool IsStopWord(std::string_view lower_word) { return detail::StopWords().count(lower_word) > 0; }

std::vector<std::string> ContentTokens(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    std::string l = Lower(t.text);
    if (l.size() < 2 && !std::isdigit(static_cast<unsigned char>(l[0]))) continue;
    if (IsStopWord(l)) continue;
    // "ministry’s" and "ministry's" compare as "ministry".
    size_t ap = l.find("\xE2\x80\x99");
    if (ap == std::string::npos) ap = l.find('\'');
    if (ap != std::string::npos) l = l.substr(0, ap);
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<core::Sentence> SplitSentences(std::string_view text) {
  std::vector<core::Sentence> out;
  size_t start = 0, n = text.size();
  auto push = [&](size_t end) {
    size_t b = start;
    while (b < end && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    size_t e = end;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}});
    start = end;
  };
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '\n') {
      push(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    // Absorb closing quotes and brackets after the terminator.
    size_t j = i + 1;
    while (j < n) {
      if (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
        ++j;
      } else if (j + 2 < n && text.compare(j, 3, "\xE2\x80\x9D") == 0) {
        j += 3;
      } else if (j + 2 < n && text.compare(j, 3, "\xE2\x80\x99") == 0) {
        j += 3;
      } else {
        break;
      }
    }
    if (j < n && text[j] != ' ' && text[j] != '\n') continue;
    size_t k = j;
    while (k < n && text[k] == ' ') ++k;
    if (k < n && text[k] != '\n') {
      unsigned char next = static_cast<unsigned char>(text[k]);
      bool opener = std::isupper(next) || std::isdigit(next) || next == '"' || next == 0xE2 || next >= 0xC0;
      if (!opener) continue;
    }
    if (c == '.') {
      // The word before the period: abbreviations and initials do not end sentences.
      size_t w = i;
      while (w > start && !std::isspace(static_cast<unsigned char>(text[w - 1])) && text[w - 1] != '(') --w;
      std::string_view word = text.substr(w, i - w);
      if (detail::Abbreviations().count(word) || (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))))
        continue;
    }
    push(j);
  }
  push(n);
  return out;
}

namespace {

class Reader {
 public:
  Reader(const core::Article& a) : text_(a.text) {
    std::string anchor = !a.date_published.empty() ? a.date_published : a.date_crawled;
    anchor_ = core::ParseIsoDate(anchor);
  }

  core::Annotations Run() {
    core::Annotations ann;
    ann.sentences = SplitSentences(text_);
    for (const auto& s : ann.sentences) {
      std::string_view sentence = std::string_view(text_).substr(s.span.begin, s.span.end - s.span.begin);
      std::vector<Token> toks = Tokenize(sentence);
      for (auto& t : toks) {
        t.begin += s.span.begin;
        t.end += s.span.begin;
      }
      ReadEntities(toks, &ann.mentions);
      ReadFigures(toks, &ann.figures);
      ReadDates(toks, sentence, &ann.dates);
    }
    ReadQuotes(ann.sentences, ann.mentions, &ann.quotes);
    return ann;
  }

 private:
  void ReadEntities(const std::vector<Token>& toks, std::vector<core::Mention>* out) {
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!IsCapitalized(toks[i].text) || IsNumber(toks[i].text)) continue;
      size_t j = i + 1;
      while (j < toks.size()) {
        if (IsCapitalized(toks[j].text) && Adjacent(toks[j - 1], toks[j])) {
          ++j;
        } else if (j + 1 < toks.size() && IsCapitalized(toks[j + 1].text) &&
                   (toks[j].text == "of" || toks[j].text == "de" || toks[j].text == "for" ||
                    toks[j].text == "del" || toks[j].text == "van" || toks[j].text == "von") &&
                   Adjacent(toks[j - 1], toks[j])) {
          j += 2;
        } else {
          break;
        }
      }
      Classify(toks, i, j, out);
      i = j - 1;
    }
  }

  // Tokens of one name are separated by a single space (no comma or quote between them).
  bool Adjacent(const Token& a, const Token& b) const {
    return b.begin == a.end + 1 && text_[a.end] == ' ';
  }

  void Classify(const std::vector<Token>& toks, size_t b, size_t e, std::vector<core::Mention>* out) {
    // Drop a leading "The" and sentence-initial function words ("In Lisbon" -> "Lisbon").
    while (b < e && IsStopWord(Lower(toks[b].text))) ++b;
    if (b >= e) return;
    std::string prev = b > 0 ? Lower(toks[b - 1].text) : "";
    // Title words: "Finance Minister Kara Ostrow" -> role "Finance Minister", name "Kara Ostrow".
    size_t title_end = b;
    for (size_t k = b; k + 1 < e; ++k)
      if (detail::PersonTitles().count(toks[k].text)) title_end = k + 1;
    std::string role;
    if (title_end > b) role = std::string(Span(toks[b].begin, toks[title_end - 1].end));
    size_t nb = title_end;
    std::string name(Span(toks[nb].begin, toks[e - 1].end));
    size_t len = e - nb;
    core::Mention m;
    m.span = {toks[nb].begin, toks[e - 1].end};
    m.name = name;
    bool org = false;
    for (size_t k = nb; k < e; ++k) org = org || detail::OrganizationWords().count(toks[k].text) > 0;
    bool acronym = len == 1 && name.size() >= 2 && name.size() <= 6 &&
                   std::all_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; });
    if (detail::Countries().count(name)) {
      m.type = core::EntityType::kCountry;
    } else if (detail::PlaceWords().count(toks[e - 1].text) && !org) {
      m.type = core::EntityType::kPlace;
    } else if (!role.empty() && !org) {
      m.type = core::EntityType::kPerson;
      m.role = role;
    } else if (org || acronym) {
      m.type = core::EntityType::kOrganization;
    } else if ((prev == "in" || prev == "near" || prev == "at" || prev == "from" || prev == "to" ||
                prev == "outside") && len <= 3) {
      m.type = core::EntityType::kPlace;
    } else if (len >= 2 && len <= 4) {
      m.type = core::EntityType::kPerson;
    } else if (len == 1) {
      // A lone surname refers back to a person named earlier in the article.
      auto it = surnames_.find(name);
      if (it == surnames_.end()) return;
      m.type = core::EntityType::kPerson;
      m.name = it->second;
    } else {
      return;
    }
    if (m.type == core::EntityType::kPerson) {
      if (m.role.empty()) m.role = RoleAfter(m.span.end);
      if (len >= 2) surnames_[std::string(toks[e - 1].text)] = m.name;
    }
    out->push_back(std::move(m));
  }

  // ", the regional governor," after a name.
  std::string RoleAfter(uint32_t end) const {
    static const std::regex kRole(R"(^, (?:the |a |an )?((?:[a-z][a-z\-]+ ){0,4}[a-z][a-z\-]+(?: of [A-Z][A-Za-z\-]+(?: [A-Z][A-Za-z\-]+){0,3})?)(?:,|\.))");
    std::string window(text_.substr(end, 120));
    std::smatch m;
    if (std::regex_search(window, m, kRole)) {
      std::string role = m[1].str();
      std::string first = role.substr(0, role.find(' '));
      if (!detail::SpeechVerbs().count(first) && first != "who" && first != "which") return role;
    }
    return "";
  }

  void ReadFigures(const std::vector<Token>& toks, std::vector<core::Figure>* out) {
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      if (!IsNumber(t.text)) continue;
      std::string digits;
      for (char c : t.text)
        if (c != ',') digits += c;
      double value = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (ec != std::errc()) continue;
      std::string prev = i > 0 ? Lower(toks[i - 1].text) : "";
      if (MonthIndex(prev) > 0) continue;  // "Nov. 4": a date, not a figure
      uint32_t begin = t.begin, end = t.end;
      std::string unit;
      if (begin > 0 && (text_[begin - 1] == '$')) unit = "USD";
      if (begin >= 3 && text_.compare(begin - 3, 3, "\xE2\x82\xAC") == 0) unit = "EUR", begin -= 3;
      if (begin >= 2 && text_.compare(begin - 2, 2, "\xC2\xA3") == 0) unit = "GBP", begin -= 2;
      if (unit == "USD") --begin;
      size_t k = i + 1;
      if (k < toks.size()) {
        std::string scale = Lower(toks[k].text);
        double mult = scale == "thousand" ? 1e3 : scale == "million" ? 1e6 : scale == "billion" ? 1e9
                    : scale == "trillion" ? 1e12 : 0;
        if (mult > 0) {
          value *= mult;
          end = toks[k].end;
          ++k;
        }
      }
      if (end < text_.size() && text_[end] == '%') {
        unit = "percent";
        ++end;
      } else if (k < toks.size() && Lower(toks[k].text) == "percent") {
        unit = "percent";
        end = toks[k].end;
      } else if (k + 1 < toks.size() && Lower(toks[k].text) == "per" && Lower(toks[k + 1].text) == "cent") {
        unit = "percent";
        end = toks[k + 1].end;
      } else if (prev == "magnitude") {
        unit = "magnitude";
        begin = toks[i - 1].begin;
      } else if (unit.empty() && k < toks.size()) {
        std::string next = Lower(toks[k].text);
        if (next == "a" || next == "p" || next == "am" || next == "pm" || text_[end] == ':') continue;  // a time
        if (!IsStopWord(next) && std::isalpha(static_cast<unsigned char>(next[0])) && MonthIndex(next) == 0 &&
            toks[k].begin == end + 1) {
          unit = next;
          end = toks[k].end;
        }
      }
      // Bare years are dates, not figures.
      if (unit.empty() && value >= 1900 && value <= 2100 && digits.find('.') == std::string::npos) continue;
      if (unit.empty() && value < 10 && digits.find('.') == std::string::npos) continue;
      out->push_back({{begin, end}, value, unit, std::string(Span(begin, end))});
      i = k - 1 >= i ? k - 1 : i;
    }
  }

  void ReadDates(const std::vector<Token>& toks, std::string_view sentence, std::vector<core::DateMention>* out) {
    std::string lower_sentence = Lower(sentence);
    bool future = lower_sentence.find(" will ") != std::string::npos ||
                  lower_sentence.find("scheduled") != std::string::npos ||
                  lower_sentence.find("expected to") != std::string::npos ||
                  lower_sentence.find(" due ") != std::string::npos;
    for (size_t i = 0; i < toks.size(); ++i) {
      std::string l = Lower(toks[i].text);
      std::string prev = i > 0 ? Lower(toks[i - 1].text) : "";
      int wd = WeekdayIndex(l);
      if (wd >= 0) {
        std::string value;
        if (anchor_) {
          int anchor_wd = core::Weekday(*anchor_);
          long base = core::DaysFromCivil(*anchor_);
          int delta;
          if (prev == "next" || (future && prev != "last")) {
            delta = (wd - anchor_wd + 7) % 7;
            // The publication day's own name is today ("on Sunday night" in a Sunday story).
            if (delta == 0 && prev == "next") delta = 7;
          } else {
            delta = -((anchor_wd - wd + 7) % 7);
          }
          value = core::FormatIsoDate(core::CivilFromDays(base + delta));
        }
        uint32_t b = (prev == "on" || prev == "next" || prev == "last") ? toks[i - 1].begin : toks[i].begin;
        out->push_back({{b, toks[i].end}, std::string(Span(b, toks[i].end)), value});
        continue;
      }
      if (l == "yesterday" || l == "today" || l == "tomorrow" || l == "tonight") {
        std::string value;
        if (anchor_) {
          int delta = l == "yesterday" ? -1 : l == "tomorrow" ? 1 : 0;
          value = core::FormatIsoDate(core::CivilFromDays(core::DaysFromCivil(*anchor_) + delta));
        }
        out->push_back({{toks[i].begin, toks[i].end}, std::string(toks[i].text), value});
        continue;
      }
      int month = MonthIndex(toks[i].text);
      if (month == 0 || !IsCapitalized(toks[i].text)) continue;
      // "November 4[, 2026]" / "Nov. 4" / "4 November [2026]" / "November 2026"
      int day = 0, year = 0;
      uint32_t b = toks[i].begin, e = toks[i].end;
      auto as_int = [](std::string_view s) {
        int v = 0;
        auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        return r.ec == std::errc() && r.ptr == s.data() + s.size() ? v : 0;
      };
      if (i + 1 < toks.size() && as_int(toks[i + 1].text) >= 1 && as_int(toks[i + 1].text) <= 31 &&
          toks[i + 1].begin - e <= 3) {
        day = as_int(toks[i + 1].text);
        e = toks[i + 1].end;
        if (i + 2 < toks.size() && as_int(toks[i + 2].text) >= 1900 && toks[i + 2].begin - e <= 3) {
          year = as_int(toks[i + 2].text);
          e = toks[i + 2].end;
        }
      } else if (i > 0 && as_int(toks[i - 1].text) >= 1 && as_int(toks[i - 1].text) <= 31 &&
                 b - toks[i - 1].end == 1) {
        day = as_int(toks[i - 1].text);
        b = toks[i - 1].begin;
        if (i + 1 < toks.size() && as_int(toks[i + 1].text) >= 1900 && toks[i + 1].begin - e <= 2) {
          year = as_int(toks[i + 1].text);
          e = toks[i + 1].end;
        }
      } else if (i + 1 < toks.size() && as_int(toks[i + 1].text) >= 1900 && as_int(toks[i + 1].text) <= 2100) {
        year = as_int(toks[i + 1].text);
        e = toks[i + 1].end;
      } else {
        continue;  // a bare month name ("May") is too ambiguous
      }
      if (year == 0 && anchor_) year = anchor_->year;
      std::string value;
      if (year > 0 && day > 0 && core::IsValidDate({year, month, day})) {
        value = core::FormatIsoDate({year, month, day});
      } else if (year > 0 && day == 0) {
        value = core::FormatIsoDate({year, month, 1}).substr(0, 7);
      }
      out->push_back({{b, e}, std::string(Span(b, e)), value});
    }
  }

  void ReadQuotes(const std::vector<core::Sentence>& sentences, const std::vector<core::Mention>& mentions,
                  std::vector<core::Quote>* out) {
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t open = text_.find("\xE2\x80\x9C", pos);
      size_t open_len = 3;
      size_t ascii = text_.find('"', pos);
      if (ascii != std::string::npos && (open == std::string::npos || ascii < open)) {
        open = ascii;
        open_len = 1;
      }
      if (open == std::string::npos) break;
      size_t close = open_len == 3 ? text_.find("\xE2\x80\x9D", open + 3) : text_.find('"', open + 1);
      size_t para_end = text_.find('\n', open);
      if (close == std::string::npos || (para_end != std::string::npos && close > para_end)) {
        pos = open + open_len;
        continue;
      }
      uint32_t qb = static_cast<uint32_t>(open + open_len), qe = static_cast<uint32_t>(close);
      std::string_view quoted = std::string_view(text_).substr(qb, qe - qb);
      size_t words = std::count(quoted.begin(), quoted.end(), ' ') + 1;
      pos = close + open_len;
      if (words < 4) continue;  // scare quotes ("flexibility"), not speech
      core::Quote q;
      q.span = {qb, qe};
      q.speaker = SpeakerFor(qb, qe, sentences, mentions);
      out->push_back(std::move(q));
    }
  }

  // The person named in the attribution around the quote; "he said" refers to the last person
  // named before it.
  std::string SpeakerFor(uint32_t qb, uint32_t qe, const std::vector<core::Sentence>& sentences,
                         const std::vector<core::Mention>& mentions) const {
    uint32_t sb = 0, se = static_cast<uint32_t>(text_.size());
    for (const auto& s : sentences) {
      if (s.span.begin <= qb && qb < s.span.end) sb = s.span.begin;
      if (s.span.begin < qe && qe <= s.span.end + 3) se = s.span.end;
    }
    // Paragraph bounds, since quotes often span sentences.
    size_t pb = text_.rfind('\n', qb);
    pb = pb == std::string::npos ? 0 : pb + 1;
    size_t pe = text_.find('\n', qe);
    pe = pe == std::string::npos ? text_.size() : pe;
    sb = std::min<uint32_t>(sb, static_cast<uint32_t>(pb));
    se = std::max<uint32_t>(se, static_cast<uint32_t>(pe));
    const core::Mention* after = nullptr;
    const core::Mention* before = nullptr;
    const core::Mention* last_person = nullptr;
    for (const auto& m : mentions) {
      if (m.type != core::EntityType::kPerson) continue;
      if (m.span.begin >= qe && m.span.end <= se && !after) after = &m;
      if (m.span.end <= qb && m.span.begin >= sb) before = &m;
      if (m.span.end <= qb) last_person = &m;
    }
    if (after) return after->name;
    if (before) return before->name;
    std::string tail = Lower(text_.substr(qe, std::min<size_t>(40, text_.size() - qe)));
    if ((tail.find(" he ") != std::string::npos || tail.find(" she ") != std::string::npos) && last_person)
      return last_person->name;
    return "";
  }

  std::string_view Span(uint32_t b, uint32_t e) const { return std::string_view(text_).substr(b, e - b); }

  const std::string& text_;
  std::optional<core::CivilDate> anchor_;
  std::map<std::string, std::string> surnames_;
};

}  // namespace

core::Annotations ReadArticle(const core::Article& article) { return Reader(article).Run(); }

}  // namespace wirebrief::nlp
