// The rules that correct the name tagger's labels, and the table that orders them
// (NameRules(); ApplyNameRules in parts.h runs it). Each rule is a pass over one document's
// labels; why each runs where it does is written next to its entry in the table.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

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

// The rules (entities.cc), each described where it is defined.
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
