// The name rules that are not about places, the helpers every rule shares, and the table that
// orders all of them (name_rules.h).
#include "nlp/detail/name_rules.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {

bool IsPossessive(std::string_view t) {
  return t == "'s" || t == "\xE2\x80\x99s" || t == "'" || t == "\xE2\x80\x99";
}

// Person titles that are written capitalised before a name ("Finance Minister", "Gen.").
bool IsTitleToken(const Doc& d, size_t i) {
  std::string l = d.low(i);
  if (!l.empty() && l.back() == '.') l.pop_back();
  return RoleWords().count(l) > 0 || PersonTitles().count(d.tok(i).text) > 0 ||
         PersonTitles().count(
             d.tok(i).text.substr(0, d.tok(i).text.size() - (d.tok(i).Is(kAbbrev) ? 1 : 0))) > 0 ||
         l == "secretary-general" || l == "state";
}

// Gives tokens [b, e) one name of the type that opens with label `first`.
void Relabel(Doc* doc, size_t b, size_t e, uint8_t first) {
  for (size_t k = b; k < e; ++k) doc->labels[k] = static_cast<uint8_t>(k == b ? first : first + 1);
}

void LabelRun(Doc* doc, size_t b, size_t e, uint8_t first) {
  Doc& d = *doc;
  for (size_t k = b; k < e; ++k) d.labels[k] = k == b ? first : first + 1;
  // A name continuing past the run loses its tail to the run's type.
  if (e < d.size() && d.labels[e] % 2 == 0 && d.labels[e] != kO) d.labels[e] = kO;
}

// Tokens of the document's persons named in full ("Talia Washington"): a lone word among them is
// that person's short form, whatever the lists say the word also is.
std::unordered_set<std::string_view> FullNameParts(Doc* doc) {
  std::unordered_set<std::string_view> parts;
  ForEachName(doc, kBPer, [&](size_t i, size_t j) {
    if (j - i >= 2)
      for (size_t k = i; k < j; ++k) parts.insert(doc->tok(k).text);
  });
  return parts;
}

// A one-word person the rules below may rename: no title before it ("Mr Hamburg") and no part of
// a person the document names in full.
bool IsLonePersonWord(const Doc& d, size_t i,
                      const std::unordered_set<std::string_view>& person_parts) {
  if (d.labels[i] != kBPer || (i + 1 < d.size() && d.labels[i + 1] == kIPer)) return false;
  if (i > 0 && d.sentence_of[i - 1] == d.sentence_of[i] && IsTitleToken(d, i - 1)) return false;
  return !person_parts.count(d.tok(i).text);
}

// Capitalised runs by their words: one closed by an organisation word ("Central Statistics
// Office") is an organisation; after titles ("Finance Minister Kara Ostrow") the rest is a person.
void ApplyRuns(Doc* doc) {
  Doc& d = *doc;
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last;) {
      if (!d.tag.run_pos[i]) {
        ++i;
        continue;
      }
      size_t f = i, l = d.tag.run_last[i], e = l + 1;
      i = e;
      // Leading function words ("The", sentence-initial "In") are not part of the name unless the
      // tagger put them inside one ("New" in "New York Times" is also a stop word).
      while (f < e && d.labels[f] == kO && (StopWords().count(d.low(f)) || d.low(f) == "the")) ++f;
      if (f >= e) continue;
      std::string_view last = d.tok(l).text;
      if (d.tok(l).Is(kAbbrev)) last.remove_suffix(1);
      if (OrganizationWords().count(last) && !PersonTitles().count(last)) {
        LabelRun(doc, f, e, kBOrg);
        continue;
      }
      // Titles at the start of the run, then the name: "Finance Minister Kara Ostrow".
      size_t t = f;
      while (t < e && d.tok(t).Is(kUpper) &&
             (PersonTitles().count(d.tok(t).text) || IsTitleToken(d, t)))
        ++t;
      bool title_before =
          f > s.first && d.tok(f - 1).Is(kUpper) && PersonTitles().count(d.tok(f - 1).text);
      if ((t > f || title_before) && t < e && e - t <= 3 && d.labels[t] != kBOrg &&
          d.labels[t] != kBLoc) {
        bool all_cap_words = true;
        for (size_t k = t; k < e; ++k)
          all_cap_words &= d.tok(k).Is(kUpper) && !d.tok(k).Is(kAllUpper);
        if (all_cap_words) {
          for (size_t k = f; k < t; ++k) d.labels[k] = kO;
          LabelRun(doc, t, e, kBPer);
        }
      }
    }
  }
}

// Organisation names the tagger misses: an organisation word followed by "of" and a capitalised
// run ("Massachusetts Institute of Technology", "Ministry of Culture", "Bank of Scotland") is one
// organisation, a place name in front included ("Massachusetts"); an acronym the lists do not know
// as a place and the tagger left unnamed
// ("GCHQ", "RSPB") is an organisation, unless the sentence is set in capitals.
void ApplyOrganizationRules(Doc* doc) {
  Doc& d = *doc;
  const Gazetteer& gaz = d.model->gazetteer();
  for (const SentenceRange& s : d.tag.sentences) {
    size_t capitals = 0, words = 0;
    for (size_t k = s.first; k < s.last; ++k) {
      words += d.tok(k).Is(kAlpha);
      capitals += d.tok(k).Is(kAllUpper);
    }
    bool shouting = capitals * 2 > words;
    for (size_t i = s.first; i < s.last; ++i) {
      std::string_view w = d.tok(i).text;
      if (!shouting && d.labels[i] == kO && d.tok(i).Is(kAllUpper) && !d.tok(i).Is(kAbbrev) &&
          w.size() >= 3 && w.size() <= 6 && !NonNameAcronyms().count(w) &&
          std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
          !d.model->InVocab(d.low(i)) && !(i > s.first && d.labels[i - 1] != kO) &&
          !(i + 1 < s.last && d.labels[i + 1] != kO)) {
        const GazEntry* entry = nullptr;
        if (gaz.Match(d.tag.tokens, i, s.last, &entry) == 0) LabelRun(doc, i, i + 1, kBOrg);
        continue;
      }
      if (!d.tok(i).Is(kUpper) || !OrganizationWords().count(w) || i + 2 >= s.last) continue;
      // GUM joins a name's proper nouns by "of" and "for" ("Organization for Renewable Energies").
      if ((d.low(i + 1) != "of" && d.low(i + 1) != "for") || !d.tok(i + 2).Is(kUpper)) continue;
      size_t e = i + 2;
      while (e < s.last && e < i + 7 && d.tok(e).Is(kUpper) && !d.tok(e).Is(kAbbrev)) ++e;
      // The organisation begins with the capitalised run its word closes, unless that is a person.
      size_t b = i;
      while (b > s.first && d.tok(b - 1).Is(kUpper) && !StopWords().count(d.low(b - 1)) &&
             d.low(b - 1) != "the" && (d.labels[b - 1] != kBPer && d.labels[b - 1] != kIPer) &&
             b + 4 > i)
        --b;
      if (b == s.first && b < i && d.labels[b] == kO) ++b;  // a sentence opener, not a name
      LabelRun(doc, b, e, kBOrg);
      i = e - 1;
    }
  }
}

// Events are not names here: a capitalised run closed by an event word ("World Cup", "Lantern
// Festival", "Paralympics") is unlabelled. In a sports report a country that plays ("Tunisia
// faced England", "Belgium scored") is its national team, an organisation; a country after a
// place preposition ("at the arena in Russia") stays a place.
void ApplyEventAndTeamRules(Doc* doc) {
  Doc& d = *doc;
  size_t n = d.size();
  std::unordered_set<std::string_view> cues;
  for (size_t i = 0; i < n; ++i)
    if (SportCues().count(d.low(i))) cues.insert(d.low(i));
  bool sport = cues.size() >= 4;
  const Gazetteer& gaz = d.model->gazetteer();
  // Words no person's name ends with: the run is an event even if the tagger saw a person.
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.tag.run_pos[i] && d.tag.run_first[i] == i) {
        size_t e = d.tag.run_last[i] + 1;
        std::string_view last = d.tok(e - 1).text;
        if (e <= s.last && (last == "Paralympic" || last == "Olympic" ||
                            (EventWords().count(last) && d.labels[e - 1] != kO &&
                             ((d.labels[e - 1] != kIPer && d.labels[e - 1] != kBPer) ||
                              NeverPersonWords().count(last))))) {
          for (size_t k = i; k < e; ++k) d.labels[k] = kO;
          i = e - 1;
          continue;
        }
      }
      if (!sport || d.labels[i] != kBLoc) continue;
      const GazEntry* entry = nullptr;
      int len = gaz.Match(d.tag.tokens, i, s.last, &entry);
      // Regions field teams too: England, Scotland, Queensland.
      if (len == 0 || (entry->kind != GazKind::kCountry && entry->kind != GazKind::kRegion))
        continue;
      size_t e = i + len;
      bool whole = e >= n || d.labels[e] != kILoc;
      for (size_t k = i + 1; k < e; ++k) whole &= d.labels[k] == kILoc;
      std::string_view before = i > s.first ? std::string_view(d.low(i - 1)) : "";
      bool place = before == "in" || before == "at" || before == "from" || before == "to" ||
                   before == "into" || before == "across" || before == "of" ||
                   (i > s.first + 1 && d.low(i - 2) == "in");
      if (!whole || place) continue;
      d.labels[i] = kBOrg;
      for (size_t k = i + 1; k < e; ++k) d.labels[k] = kIOrg;
    }
  }
}

// "Climate minister Rob de Vries": a name right after a lower-case role word is a person's,
// unless an organisation or place word closes it.
void RelabelPersonsAfterRoleWords(Doc* doc) {
  Doc& d = *doc;
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first + 1; i < s.last; ++i) {
      if ((d.labels[i] != kBOrg && d.labels[i] != kBLoc) || !d.tok(i - 1).Is(kLower) ||
          !RoleHeads().count(d.low(i - 1)))
        continue;
      size_t j = i + 1;
      while (j < s.last && d.labels[j] == d.labels[i] + 1) ++j;
      bool person_like = j - i >= 2 && j - i <= 4;
      for (size_t k = i; k < j && person_like; ++k)
        person_like = (d.tok(k).Is(kUpper) && !d.tok(k).Is(kAllUpper) &&
                       !OrganizationWords().count(d.tok(k).text)) ||
                      (k > i && k + 1 < j && d.tok(k).Is(kLower));
      if (person_like)
        for (size_t k = i; k < j; ++k) d.labels[k] = k == i ? kBPer : kIPer;
    }
  }
}

// "the Government", "Police said", "News of the deal": a generic institution noun alone,
// capitalised by house style or a sentence start, names no particular organisation.
void DropGenericNouns(Doc* doc) {
  Doc& d = *doc;
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.labels[i] == kO || d.labels[i] % 2 == 0) continue;
      bool single = i + 1 >= s.last || d.labels[i + 1] != d.labels[i] + 1;
      if (!single) continue;
      // Month and day names are dates, and "I've" is no name, whatever the tagger says.
      std::string_view w = d.tok(i).text;
      if (CalendarNames().count(w) || NonNameAcronyms().count(w) || w.starts_with("I'") ||
          w.starts_with("I\xE2\x80\x99")) {
        d.labels[i] = kO;
        continue;
      }
      if (!GenericNameHeads().count(w)) continue;
      bool opener = i == s.first || d.low(i - 1) == "the" || d.tok(i - 1).Is(kPunct);
      if (opener) d.labels[i] = kO;
    }
  }
}

// A capitalised run the tagger named only in part, or left unnamed before an appositive role,
// is one person.
void NamePersonRuns(Doc* doc) {
  Doc& d = *doc;
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (!d.tag.run_pos[i] || d.tag.run_first[i] != i) continue;
      size_t e = d.tag.run_last[i] + 1, f = i;
      while (f < e && d.labels[f] == kO && StopWords().count(d.low(f))) ++f;
      if (f >= e || e - f > 4) continue;
      bool person = false, other = false, plain = true;
      for (size_t k = f; k < e; ++k) {
        person |= d.labels[k] == kBPer || d.labels[k] == kIPer;
        other |= d.labels[k] != kO && d.labels[k] != kBPer && d.labels[k] != kIPer;
        plain &=
            d.labels[k] != kO || (d.tok(k).Is(kUpper) && !d.tok(k).Is(kAllUpper) &&
                                  !IsTitleToken(d, k) && !OrganizationWords().count(d.tok(k).text));
      }
      // "Diego Ramos" where the tagger named only "Ramos": the run is one person.
      if (person && !other && plain && e - f >= 2) LabelRun(doc, f, e, kBPer);
      // "Nick Barrett, the ... fire commissioner,": an appositive role makes a two-word run a
      // person.
      if (!person && !other && plain && e - f >= 2 && e - f <= 3 && e + 2 < s.last &&
          d.tok(e).text == ",") {
        for (size_t k = e + 1; k < s.last && k < e + 8 && !d.tok(k).Is(kPunct); ++k)
          if (RoleHeads().count(d.low(k))) {
            LabelRun(doc, f, e, kBPer);
            break;
          }
      }
      i = e - 1;
    }
  }
}

// "said Anke Vogel", "Anke Vogel told": a short capitalised run next to a speech verb that the
// tagger left unnamed is a person.
void NameSpeakersOfSpeechVerbs(Doc* doc) {
  Doc& d = *doc;
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (!SpeechVerbs().count(d.low(i))) continue;
      auto try_run = [&](size_t b, size_t e) {
        if (b >= e || e - b > 3) return;
        for (size_t k = b; k < e; ++k)
          if (d.labels[k] != kO ||
              !(d.tok(k).Is(kUpper) || (k > b && k + 1 < e && d.tok(k).Is(kLower))) ||
              d.tok(k).Is(kAllUpper) || d.tok(k).Is(kAbbrev) || StopWords().count(d.low(k)) ||
              (d.model->InVocab(d.low(k)) && !d.model->InVocab("^" + d.low(k)) && e - b == 1))
            return;
        LabelRun(doc, b, e, kBPer);
      };
      if (i + 1 < s.last && d.tok(i + 1).Is(kUpper) && d.tag.run_pos[i + 1])
        try_run(i + 1, std::min<size_t>(d.tag.run_last[i + 1] + 1, s.last));
      if (i > s.first && d.tok(i - 1).Is(kUpper) && d.tag.run_pos[i - 1]) {
        size_t f = d.tag.run_first[i - 1];
        if (f > s.first || d.tok(f).Is(kUpper))
          try_run(f == s.first && StopWords().count(d.low(f)) ? f + 1 : f, i);
      }
    }
  }
}

// Products and vehicles are not names here (neither kit annotates them): a name that is a
// widely known software or device brand ("Internet Explorer 6", "Mozilla Firefox"), or a craft
// named after its class ("Space Shuttle Atlantis", "USS Enterprise"), is unlabelled. Written for
// wirebrief; only names that are not also companies, places or common words.
void DropProducts(Doc* doc) {
  Doc& d = *doc;
  ForEachName(&d, kO, [&](size_t i, size_t j) {
    bool product = CraftPrefixes().count(d.tok(i).text) > 0 ||
                   (j - i >= 3 && d.tok(i).text == "Space" && d.tok(i + 1).text == "Shuttle");
    // The product's words, an optional maker's name before them ("Google Chrome"), an optional
    // version after them ("Internet Explorer 9").
    for (size_t b = i; b < j && b <= i + 1 && !product; ++b) {
      std::string key;
      for (size_t e = b; e < j && e < b + 2; ++e) {
        if (e > b) key += ' ';
        key += d.tok(e).text;
        if (!ProductNames().count(key)) continue;
        size_t rest = e + 1;
        while (rest < j && (d.tok(rest).Is(kDigit) || d.tok(rest).text.size() <= 2)) ++rest;
        if (rest == j) product = true;
      }
    }
    if (product)
      for (size_t k = i; k < j; ++k) d.labels[k] = kO;
  });
}

// "the Republican party": a party's name written with a lower-case "party" is still its name.
void NamePartiesBeforeLowerCaseParty(Doc* doc) {
  Doc& d = *doc;
  for (size_t i = 0; i + 1 < d.size(); ++i)
    if (d.low(i + 1) == "party" && d.tok(i + 1).Is(kLower) &&
        PartyNameWords().count(d.tok(i).text) && d.sentence_of[i] == d.sentence_of[i + 1] &&
        (d.labels[i] == kO || d.labels[i] == kBOrg) &&
        !(i > 0 && d.labels[i - 1] != kO && d.labels[i - 1] % 2 == 0)) {
      d.labels[i] = kBOrg;
      d.labels[i + 1] = kIOrg;
    }
}

// Words that are no names whatever the tagger says: recurring religious and civic events
// ("the Hajj", "Ramadan"), "the Internet"; and a word capitalised only because it opens a
// sentence ("Iodine deficiency can...") that the document otherwise writes in lower case and never
// capitalises mid-sentence.
void DropCommonWordsAndEvents(Doc* doc) {
  Doc& d = *doc;
  size_t n = d.size();
  // One-word names that open a sentence are few: only their words are looked up in the document.
  std::unordered_map<std::string_view, uint8_t> openers;  // 1 written lower case, 2 capitalised
  for (const SentenceRange& s : d.tag.sentences)
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.labels[i] == kO || d.labels[i] % 2 == 0) continue;
      if (i + 1 < n && d.labels[i + 1] == d.labels[i] + 1) continue;  // several words
      if (NeverNameWords().count(d.tok(i).text)) {
        d.labels[i] = kO;
        continue;
      }
      bool opener = i == s.first || d.tok(i - 1).Is(kPunct);
      if (opener && d.tok(i).Is(kUpper) && !d.tok(i).Is(kAllUpper)) openers.emplace(d.low(i), 0);
    }
  if (openers.empty()) return;
  for (const SentenceRange& s : d.tag.sentences)
    for (size_t k = s.first; k < s.last; ++k) {
      auto it = openers.find(d.low(k));
      if (it == openers.end()) continue;
      if (d.tok(k).Is(kLower))
        it->second |= 1;
      else if (k > s.first && !d.tok(k - 1).Is(kPunct))
        it->second |= 2;
    }
  for (const SentenceRange& s : d.tag.sentences)
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.labels[i] == kO || d.labels[i] % 2 == 0) continue;
      if (i + 1 < n && d.labels[i + 1] == d.labels[i] + 1) continue;
      bool opener = i == s.first || d.tok(i - 1).Is(kPunct);
      auto it = opener ? openers.find(d.low(i)) : openers.end();
      if (it != openers.end() && it->second == 1) d.labels[i] = kO;
    }
}

// One name, one type per article: a capitalised word sequence tagged as a name somewhere is the
// same name where the tagger missed it ("Santorum" at a sentence start).
void PropagateNames(Doc* doc) {
  Doc& d = *doc;
  std::unordered_map<std::string, uint8_t> seen;  // surface text -> B label
  ForEachName(&d, kO, [&](size_t i, size_t j) {
    uint8_t l = d.labels[i];
    std::string key(d.Span(d.tok(i).begin, d.tok(j - 1).end));
    // A person's surname (and given name) alone is the same person: "Ostrow said".
    if (l == kBPer && j - i >= 2)
      for (size_t part : {i, j - 1})
        if (!d.model->InVocab(d.low(part)) && d.tok(part).Is(kUpper) && !d.tok(part).Is(kAbbrev))
          seen.emplace(std::string(d.tok(part).text), kBPer);
    // Single common words ("New", "World") spread errors, not names.
    if (j - i > 1 || !(d.model->InVocab(d.low(i)) || StopWords().count(d.low(i))))
      seen.emplace(key, l);
  });
  if (seen.empty()) return;
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.labels[i] != kO || !d.tok(i).Is(kUpper)) continue;
      // Longest untagged capitalised stretch starting here that was a name elsewhere.
      for (size_t j = std::min<size_t>(s.last, i + 5); j > i; --j) {
        bool free = true;
        for (size_t k = i; k < j; ++k) free &= d.labels[k] == kO;
        if (!free || !d.tok(j - 1).Is(kUpper)) continue;
        if (j < s.last && d.tok(j).Is(kUpper) && d.labels[j] == kO)
          continue;  // part of a longer run
        auto it = seen.find(std::string(d.Span(d.tok(i).begin, d.tok(j - 1).end)));
        if (it == seen.end()) continue;
        for (size_t k = i; k < j; ++k) d.labels[k] = k == i ? it->second : it->second + 1;
        i = j - 1;
        break;
      }
    }
  }
}

// "Orlanta Telecom ... Orlanta said": the tagger reads a company's short form before a speech verb
// as a surname. A lone person word that opens an organisation the document names in full (two
// words or more) is that organisation, unless someone in the document is named in full with it
// or a title stands before it.
void RelabelOrganizationShortForms(Doc* doc) {
  Doc& d = *doc;
  std::unordered_set<std::string_view> openers;
  ForEachName(&d, kBOrg, [&](size_t i, size_t j) {
    if (j - i >= 2) openers.insert(d.tok(i).text);
  });
  if (openers.empty()) return;
  std::unordered_set<std::string_view> person_parts = FullNameParts(doc);
  for (size_t i = 0; i < d.size(); ++i)
    if (openers.count(d.tok(i).text) && IsLonePersonWord(d, i, person_parts)) d.labels[i] = kBOrg;
}

namespace {

// The order the name rules run in. Each rule reads the labels the rules before it left; an
// entry's must_run_after names the rules whose labels it reads or overrides, with why next to
// it (NameRulesTest checks that the order honours them).
constexpr NameRule kNameRules[] = {
    // The tagger's labels alone: capitalised runs closed by an organisation word, and persons
    // after titles.
    {"ApplyRuns", &ApplyRuns, {}},
    // Names acronyms only where nothing is named around them, and stops an organisation's run
    // at a person ApplyRuns named after a title.
    {"ApplyOrganizationRules", &ApplyOrganizationRules, {"ApplyRuns"}},
    // An event word unlabels the run whatever the rules above named it.
    {"ApplyEventAndTeamRules", &ApplyEventAndTeamRules, {"ApplyRuns", "ApplyOrganizationRules"}},
    // A facility word turns an organisation the organisation-word rules named into a place.
    {"RelabelFacilities", &RelabelFacilities, {"ApplyRuns", "ApplyOrganizationRules"}},
    // Overrides organisation and place labels after a role word, so those must be settled.
    {"RelabelPersonsAfterRoleWords",
     &RelabelPersonsAfterRoleWords,
     {"ApplyOrganizationRules", "RelabelFacilities"}},
    // Unlabels a lone generic noun ("Police") whichever rule above named it.
    {"DropGenericNouns", &DropGenericNouns, {"ApplyRuns", "ApplyOrganizationRules"}},
    // Reads the document's multi-word organisation, place and person names as the rules above
    // left them.
    {"RelabelLonePlaceWords",
     &RelabelLonePlaceWords,
     {"RelabelFacilities", "RelabelPersonsAfterRoleWords", "DropGenericNouns"}},
    // Overrides a country name's tail that the tagger or the organisation rules named apart.
    {"JoinListedCountryNames", &JoinListedCountryNames, {"ApplyOrganizationRules"}},
    // Names a run only when no rule above gave one of its words another type.
    {"NamePersonRuns", &NamePersonRuns, {"JoinListedCountryNames", "RelabelLonePlaceWords"}},
    // Only runs every rule above left unnamed.
    {"NameSpeakersOfSpeechVerbs", &NameSpeakersOfSpeechVerbs, {"NamePersonRuns"}},
    // Unlabels products whatever the run rules named them.
    {"DropProducts", &DropProducts, {"ApplyRuns", "NamePersonRuns", "NameSpeakersOfSpeechVerbs"}},
    // "Washington said": a lone country the speech-verb rule named a person is its government;
    // a country ApplyEventAndTeamRules made its national team stays the team.
    {"RelabelActingPlaces",
     &RelabelActingPlaces,
     {"ApplyEventAndTeamRules", "NameSpeakersOfSpeechVerbs"}},
    // Takes over a party's name from whatever the organisation-word rules made of it.
    {"NamePartiesBeforeLowerCaseParty",
     &NamePartiesBeforeLowerCaseParty,
     {"ApplyRuns", "ApplyOrganizationRules"}},
    // Renames persons the run rules named.
    {"RelabelPlaceHeadedPersons",
     &RelabelPlaceHeadedPersons,
     {"NamePersonRuns", "NameSpeakersOfSpeechVerbs"}},
    // Joins the opener to places as the rules above settled them, person-headed ones included.
    {"JoinSentenceInitialPlacePrefix",
     &JoinSentenceInitialPlacePrefix,
     {"RelabelPlaceHeadedPersons"}},
    // Last of the rules, so that no run rule above names these words again.
    {"DropCommonWordsAndEvents",
     &DropCommonWordsAndEvents,
     {"ApplyRuns", "ApplyOrganizationRules", "NamePersonRuns", "NameSpeakersOfSpeechVerbs",
      "NamePartiesBeforeLowerCaseParty", "JoinSentenceInitialPlacePrefix"}},
    // Spreads the names the rules settled to their untagged repeats (skipped when
    // ReadOptions::propagate_names is false).
    {"PropagateNames", &PropagateNames, {"DropCommonWordsAndEvents"}},
    // Sees a list member PropagateNames named, and a listed capital RelabelActingPlaces made
    // speak for its government.
    {"RelabelListedPlaces", &RelabelListedPlaces, {"PropagateNames", "RelabelActingPlaces"}},
    // A list of places around the word is the stronger evidence, so it decides first.
    {"RelabelOrganizationShortForms", &RelabelOrganizationShortForms, {"RelabelListedPlaces"}},
};

}  // namespace

std::span<const NameRule> NameRules() { return kNameRules; }

void ApplyNameRules(Doc* doc, bool propagate_names) {
  for (const NameRule& rule : kNameRules)
    if (propagate_names || rule.apply != &PropagateNames) rule.apply(doc);
}

}  // namespace wirebrief::nlp::detail
