// The rules that correct the name tagger's labels, and the table that orders them
// (NameRules(); ApplyNameRules in parts.h runs it). Each rule is a pass over one document's
// labels; why each runs where it does is written next to its entry in the table.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_set>

#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {

struct NameRule {
  std::string_view name;
  void (*apply)(Doc* doc);
  // Names of the rules whose labels this one reads or overrides; "" pads.
  std::array<std::string_view, 6> must_run_after;
};

// Every name rule, in the order ApplyNameRules runs them.
std::span<const NameRule> NameRules();

// Gives tokens [b, e) one name of the type that opens with label `first`; a name continuing
// past e loses its tail.
void LabelRun(Doc* doc, size_t b, size_t e, uint8_t first);

// "'s", "'", and their typographic forms.
bool IsPossessive(std::string_view t);
// Person titles that are written capitalised before a name ("Finance Minister", "Gen.").
bool IsTitleToken(const Doc& d, size_t i);
// Gives tokens [b, e) one name of the type that opens with label `first`.
void Relabel(Doc* doc, size_t b, size_t e, uint8_t first);
// Calls fn(b, e) for each name [b, e) that opens with label `first` (every name when `first` is
// kO); fn may relabel the tokens of [b, e).
template <typename F>
void ForEachName(Doc* doc, uint8_t first, F fn) {
  size_t n = doc->size();
  for (size_t i = 0; i < n;) {
    uint8_t l = doc->labels[i];
    if (l == kO || l % 2 == 0 || (first != kO && l != first)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && doc->labels[j] == l + 1) ++j;
    fn(i, j);
    i = j;
  }
}
// Tokens of the document's persons named in full ("Talia Washington").
std::unordered_set<std::string_view> FullNameParts(Doc* doc);
// A one-word person a rule may rename: no title before it ("Mr Hamburg") and no part of a person
// the document names in full.
bool IsLonePersonWord(const Doc& d, size_t i,
                      const std::unordered_set<std::string_view>& person_parts);

// The rules (name_rules.cc, and place_rules.cc for places), each described where it is defined.
void ApplyRuns(Doc* doc);
void ApplyOrganizationRules(Doc* doc);
void ApplyEventAndTeamRules(Doc* doc);
void RelabelFacilities(Doc* doc);
void RelabelPersonsAfterRoleWords(Doc* doc);
void DropGenericNouns(Doc* doc);
void RelabelLonePlaceWords(Doc* doc);
void JoinListedCountryNames(Doc* doc);
void NamePersonRuns(Doc* doc);
void NameSpeakersOfSpeechVerbs(Doc* doc);
void DropProducts(Doc* doc);
void RelabelActingPlaces(Doc* doc);
void NamePartiesBeforeLowerCaseParty(Doc* doc);
void RelabelPlaceHeadedPersons(Doc* doc);
void JoinSentenceInitialPlacePrefix(Doc* doc);
void DropCommonWordsAndEvents(Doc* doc);
void PropagateNames(Doc* doc);
void RelabelListedPlaces(Doc* doc);
void RelabelOrganizationShortForms(Doc* doc);

}  // namespace wirebrief::nlp::detail
