// Roles from titles and appositives ("Finance Minister Kara Ostrow", "Kara Ostrow, a senior
// official at the Central Bank,"), with the organisation the person speaks for.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/name_rules.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {

namespace {

// The token that starts at `byte` (or the first after it).
size_t TokenAt(const Doc& d, uint32_t byte) {
  auto it = std::lower_bound(d.tag.tokens.begin(), d.tag.tokens.end(), byte,
                             [](const Token& t, uint32_t x) { return t.begin < x; });
  return static_cast<size_t>(it - d.tag.tokens.begin());
}

// The organisation an "at/of/for/with/in" at token `q` introduces: "at the Central Bank",
// "with the state Bushfire Command" (a modifier or two before the name); "" when none.
std::string OrganisationAfter(const Doc& d, const std::vector<core::Mention>& mentions, size_t q,
                              const SentenceRange& s) {
  if (q + 1 >= s.last || !(d.low(q) == "at" || d.low(q) == "of" || d.low(q) == "for" ||
                           d.low(q) == "with" || d.low(q) == "in"))
    return "";
  size_t z = q + 1;
  if (d.low(z) == "the" && z + 1 < s.last) ++z;
  for (int skip = 0; skip < 2 && z + 1 < s.last && d.tok(z).Is(kLower) &&
                     MentionAt(mentions, d.tok(z).begin) < 0 && !StopWords().count(d.low(z));
       ++skip) {
    if (MentionAt(mentions, d.tok(z + 1).begin) < 0 && !d.tok(z + 1).Is(kLower)) break;
    ++z;
  }
  int oi = MentionAt(mentions, d.tok(z).begin);
  return oi >= 0 && mentions[oi].type != core::EntityType::kPerson ? mentions[oi].name : "";
}

// Pre-nominal: "the country's defence minister Kara Ostrow", "Acme chief executive Jo Lind".
// The first token of the role words before the name at token `b`; `*head` tells whether they
// hold a role head (an honorific alone is none: "Dr Amina Yusuf", "Mr. Hollis").
size_t PrenominalRoleStart(const Doc& d, size_t b, const SentenceRange& s, bool* head_out) {
  size_t k = b;
  bool head = false;
  while (k > s.first) {
    size_t p = k - 1;
    std::string l = d.low(p);
    if (!l.empty() && l.back() == '.') l.pop_back();
    // Capitalised modifiers the lists do not know ("Housing minister") count once a head was
    // seen.
    // Generic organisation words before a head are the role's ("Union leader", "Council member").
    bool generic_org = head && d.tok(p).Is(kUpper) && OrganizationWords().count(d.tok(p).text) &&
                       (p == s.first || !d.tok(p - 1).Is(kUpper));

    bool role_word =
        IsTitleToken(d, p) || generic_org || (head && d.tok(p).Is(kUpper) && d.labels[p] == kO) ||
        ((l == "of" || l == "for" || l == "and") && k < b && p > s.first && IsTitleToken(d, p - 1));
    if (!role_word || (d.labels[p] != kO && !generic_org)) break;
    if (RoleHeads().count(l) || PersonTitles().count(d.tok(p).text)) head = true;
    k = p;
  }
  // Honorifics are not roles: "Dr Amina Yusuf", "Mr. Hollis".
  if (head && k + 1 == b && Honorifics().count(d.tok(k).text)) head = false;
  *head_out = head;
  return k;
}

// "Northgate's president, Anne Tremblay," / "its chief executive, Samuel Okafor,": the role
// sits before a comma, before the name at token `b`.
void RoleBeforeComma(const Doc& d, const std::vector<core::Mention>& mentions, size_t b,
                     const SentenceRange& s, std::string* role, std::string* affiliation) {
  size_t r = b - 1;
  bool found = false;
  while (r > s.first &&
         (IsTitleToken(d, r - 1) || (found && d.tok(r - 1).Is(kUpper) && d.labels[r - 1] == kO))) {
    if (RoleHeads().count(d.low(r - 1))) found = true;
    --r;
  }
  if (found && RoleHeads().count(d.low(b - 2)) && r < b - 1 && r > s.first) {
    std::string_view before = d.tok(r - 1).text;
    std::string aff;
    if (before == "its" || before == "their") {
      for (size_t z = r - 1; z > s.first; --z) {
        int mi = MentionAt(mentions, d.tok(z - 1).begin);
        if (mi >= 0 && mentions[mi].type == core::EntityType::kOrganization) {
          aff = mentions[mi].name;
          break;
        }
      }
    } else if (IsPossessive(before) && r >= s.first + 2) {
      int mi = MentionAt(mentions, d.tok(r - 2).begin);
      aff = mi >= 0 ? mentions[mi].name : std::string(d.tok(r - 2).text);
    }
    if (!aff.empty() || before == "the") {
      *role = std::string(d.Span(d.tok(r).begin, d.tok(b - 2).end));
      *affiliation = aff;
    }
  }
}

// The role words [k, b) before the name at `b`, and the organisation they belong to: a possessive
// before them ("Acme's", "the country's") or a name right before them.
void PrenominalRole(const Doc& d, const std::vector<core::Mention>& mentions, size_t k, size_t b,
                    const SentenceRange& s, std::string* role, std::string* affiliation) {
  // Drop a dangling "of"/"and" at the start.
  while (k < b && (d.low(k) == "of" || d.low(k) == "and" || d.low(k) == "for")) ++k;
  *role = std::string(d.Span(d.tok(k).begin, d.tok(b - 1).end));
  if (k > s.first + 1 && IsPossessive(d.tok(k - 1).text)) {
    // "Acme's", "the country's"
    int mi = MentionAt(mentions, d.tok(k - 2).begin);
    if (mi >= 0)
      *affiliation = mentions[mi].name;
    else if (d.tok(k - 2).Is(kLower) && k >= s.first + 3 && d.low(k - 3) == "the")
      *affiliation = std::string(d.Span(d.tok(k - 3).begin, d.tok(k - 2).end));
  } else if (k > s.first) {
    int mi = MentionAt(mentions, d.tok(k - 1).begin);
    if (mi >= 0 && mentions[mi].type != core::EntityType::kPerson) *affiliation = mentions[mi].name;
  }
}

// Appositive: "Kara Ostrow, a senior official at the Central Bank," / ", Acme's chief
// economist,": the role after the comma at token `e` (the name's end); sets both or neither.
void AppositiveRole(const Doc& d, const std::vector<core::Mention>& mentions, size_t e,
                    const SentenceRange& s, std::string* role, std::string* affiliation) {
  size_t a = e + 1;
  if (d.low(a) == "the" || d.low(a) == "a" || d.low(a) == "an") ++a;
  std::string aff;
  // "Acme's chief economist"
  int mi = MentionAt(mentions, d.tok(a).begin);
  if (mi >= 0 && mentions[mi].type != core::EntityType::kPerson) {
    size_t after = TokenAt(d, mentions[mi].span.end);
    if (after < s.last && IsPossessive(d.tok(after).text)) {
      aff = mentions[mi].name;
      a = after + 1;
    }
  } else if (mi < 0 && a + 1 < s.last && d.tok(a).Is(kUpper) && IsPossessive(d.tok(a + 1).text)) {
    aff = std::string(d.tok(a).text);  // "Alvora's head of research": a name the tagger missed
    a += 2;
  } else if (a + 2 < s.last && d.tok(a).Is(kLower) && IsPossessive(d.tok(a + 2).text) &&
             d.tok(a + 1).Is(kLower)) {
    aff = std::string(d.Span(d.tok(a - 1).begin, d.tok(a + 1).end));  // "the disaster agency's"
    a += 3;
  } else if (a + 1 < s.last && d.tok(a).Is(kLower) && IsPossessive(d.tok(a + 1).text)) {
    aff = std::string(d.Span(d.tok(a - 1).begin, d.tok(a).end));
    a += 2;
  }
  size_t r = a;
  size_t last_head = 0;
  while (r < s.last && r < a + 6) {
    std::string l = d.low(r);
    // A capitalised word the lists left unnamed, or the rest of a place named at `a`
    // ("the New South Wales fire commissioner").
    bool capital_place = d.tok(r).Is(kUpper) && r > a &&
                         (d.labels[r] == kO || d.labels[r] == kILoc || d.labels[r] == kIOrg);
    if (!(IsTitleToken(d, r) || capital_place ||
          (d.tok(r).Is(kUpper) && d.labels[r] != kBPer && d.labels[r] != kIPer && r == a) ||
          (d.tok(r).Is(kLower) && !StopWords().count(l) && l.size() > 2 && d.labels[r] == kO &&
           !SpeechVerbs().count(l))))
      break;
    if (RoleHeads().count(l)) last_head = r + 1;
    ++r;
    // "head of research": an "of" phrase of common nouns stays in the role.
    if (last_head == r && r + 1 < s.last && d.low(r) == "of" && d.tok(r + 1).Is(kLower) &&
        !StopWords().count(d.low(r + 1)) && d.low(r + 1) != "the") {
      r += 2;
      last_head = r;
    }
  }
  if (last_head <= a) return;
  *role = std::string(d.Span(d.tok(a).begin, d.tok(last_head - 1).end));
  size_t q = last_head;
  if (aff.empty() && q + 1 < s.last &&
      (d.low(q) == "at" || d.low(q) == "of" || d.low(q) == "for" || d.low(q) == "with" ||
       d.low(q) == "in")) {
    aff = OrganisationAfter(d, mentions, q, s);
  }
  if (aff.empty()) {
    int pi = MentionAt(mentions, d.tok(a).begin);
    if (pi >= 0 && mentions[pi].type != core::EntityType::kPerson &&
        mentions[pi].span.end < d.tok(last_head - 1).begin) {
      aff = mentions[pi].name;
      size_t after = TokenAt(d, mentions[pi].span.end);
      *role = std::string(d.Span(d.tok(after).begin, d.tok(last_head - 1).end));
    }
  }
  *affiliation = aff;
  // The appositive must close: a comma, the sentence end, or a speech verb.
  size_t close = last_head;
  while (close < s.last && d.tok(close).Is(kAlpha) && !SpeechVerbs().count(d.low(close)) &&
         close < last_head + 6)
    ++close;
  if (!(close >= s.last || d.tok(close).Is(kPunct) || SpeechVerbs().count(d.low(close))))
    role->clear();
}

}  // namespace

void ReadRoles(const Doc& d, std::vector<core::Mention>* mentions, std::vector<core::Role>* roles) {
  for (core::Mention& m : *mentions) {
    if (m.type != core::EntityType::kPerson) continue;
    size_t b = TokenAt(d, m.span.begin);
    size_t e = TokenAt(d, m.span.end);
    if (b >= d.size()) continue;
    const SentenceRange& s = d.tag.sentences[d.sentence_of[b]];
    std::string role, affiliation;
    bool head = false;
    size_t k = PrenominalRoleStart(d, b, s, &head);
    if (!head && b >= s.first + 2 && d.tok(b - 1).text == ",")
      RoleBeforeComma(d, *mentions, b, s, &role, &affiliation);
    if (head && k < b) PrenominalRole(d, *mentions, k, b, s, &role, &affiliation);
    // "Deputy Commissioner Leanne Ashcroft of the state Bushfire Command": a title before the
    // name, the organisation after it.
    if (head && !role.empty() && affiliation.empty() && e + 1 < s.last)
      affiliation = OrganisationAfter(d, *mentions, e, s);
    // A lone title ("Minister") gives way to an appositive role, if there is one.
    std::string prenominal_role = role, prenominal_aff = affiliation;
    bool single_title = !role.empty() && role.find(' ') == std::string::npos && affiliation.empty();
    if (single_title) role.clear();
    if (role.empty() && e + 2 < s.last && d.tok(e).text == ",")
      AppositiveRole(d, *mentions, e, s, &role, &affiliation);
    if (role.empty() && single_title) {
      role = prenominal_role;
      affiliation = prenominal_aff;
    }
    // "Acme's Jo Lind": an affiliation without a stated role.
    if (role.empty() && b >= s.first + 2 && IsPossessive(d.tok(b - 1).text)) {
      int mi = MentionAt(*mentions, d.tok(b - 2).begin);
      if (mi >= 0 && (*mentions)[mi].type != core::EntityType::kPerson)
        affiliation = (*mentions)[mi].name;
    }
    if (role.empty() && affiliation.empty()) continue;
    if (m.role.empty()) m.role = role;
    roles->push_back({m.span, m.name, role, affiliation});
  }
}

}  // namespace wirebrief::nlp::detail
