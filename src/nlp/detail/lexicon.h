// Word lists the rule-based reader uses. Written for this project; small on purpose: they cover
// news English's common cases, and the statistical reader (nlp issue) replaces them.
#pragma once

#include <string_view>
#include <unordered_set>

namespace wirebrief::nlp::detail {

const std::unordered_set<std::string_view>& StopWords();
const std::unordered_set<std::string_view>& Countries();
// Words that end or make an organisation name ("Ministry", "Bank", "Council").
const std::unordered_set<std::string_view>& OrganizationWords();
// Words that end a place name ("Coolabri Ridge", "Marrick Creek", "Alder Bay").
const std::unordered_set<std::string_view>& PlaceWords();
// Titles and role words that precede a person's name ("President", "Minister", "Dr").
const std::unordered_set<std::string_view>& PersonTitles();
// Abbreviations whose period does not end a sentence.
const std::unordered_set<std::string_view>& Abbreviations();
// Verbs that attribute speech ("said", "told", "added").
const std::unordered_set<std::string_view>& SpeechVerbs();
// Abbreviations (with their period) that may also end a sentence ("U.S.", "Inc.").
const std::unordered_set<std::string_view>& AbbreviationsEndingSentences();
// Lower-cased words that typically open a sentence ("the", "he", "but").
const std::unordered_set<std::string_view>& SentenceOpeners();
// Lower-cased role nouns and their modifiers ("minister", "spokeswoman", "chief", "senior").
const std::unordered_set<std::string_view>& RoleWords();
// Lower-cased role heads: the noun a role phrase ends on ("minister", "official").
const std::unordered_set<std::string_view>& RoleHeads();
// Honorifics before a name, which are not roles ("Mr.", "Dr", "Dame").
const std::unordered_set<std::string_view>& Honorifics();
// Short words a title leaves lower-case ("of", "the") between its capitalised words.
const std::unordered_set<std::string_view>& TitleFunctionWords();
// Lower-cased determiners before a quoted phrase that make it a mentioned term ("a", "the").
const std::unordered_set<std::string_view>& Determiners();
// Lower-cased words introducing quoted words as a name or a saying ("adage", "dubbed").
const std::unordered_set<std::string_view>& MentionCues();
// Lower-cased "-ed" words a figure may count ("killed", "injured"), unlike other verbs.
const std::unordered_set<std::string_view>& CasualtyWords();
// Lower-cased units of measure a figure may count before "of" ("tonnes", "hectares").
const std::unordered_set<std::string_view>& MeasureUnits();
// Capitalised heads of a facility's name ("Station", "Airport", "Stadium").
const std::unordered_set<std::string_view>& FacilityWords();
// Lower-cased nouns that end a place name ("river", "county", "street").
const std::unordered_set<std::string_view>& PlaceNouns();
// Capitalised heads of a document's name ("Treaty", "Accord", "Act").
const std::unordered_set<std::string_view>& DocumentWords();
// Lower-cased words after a place that make it a treaty's name ("accord", "protocol").
const std::unordered_set<std::string_view>& TreatyWords();
// Capitalised heads of an institution's name ("Museum", "Library").
const std::unordered_set<std::string_view>& InstitutionWords();
// Lower-cased verbs a place takes when it stands for its government ("warned", "vetoed").
const std::unordered_set<std::string_view>& StanceVerbs();
// Lower-cased nouns of a place standing for its government ("decision", "stance").
const std::unordered_set<std::string_view>& StanceNouns();
// Lower-cased prepositions that put a name in place ("in", "near", "across").
const std::unordered_set<std::string_view>& PlacePrepositions();
// Capitalised heads of an area's name ("County", "River", "Oblast").
const std::unordered_set<std::string_view>& AreaHeads();
// Temperature scales, which are no persons ("Celsius").
const std::unordered_set<std::string_view>& TemperatureScales();
// Words that open a place's name at a sentence start ("New", "North").
const std::unordered_set<std::string_view>& PlaceNamePrefixes();
// Capitalised heads of an event's name ("Cup", "Festival", "Games").
const std::unordered_set<std::string_view>& EventWords();
// Lower-cased words that put a story on a sports field ("match", "goal", "coach").
const std::unordered_set<std::string_view>& SportCues();
// Capitalised event words no person's name ends with ("Cup", "Olympics").
const std::unordered_set<std::string_view>& NeverPersonWords();
// Capitalised generic nouns that alone name nothing ("Government", "Bank", "Police").
const std::unordered_set<std::string_view>& GenericNameHeads();
// Capitalised month and weekday names, which are no names ("January", "Monday").
const std::unordered_set<std::string_view>& CalendarNames();
// Product names, which are neither persons nor organisations ("iPhone", "Windows").
const std::unordered_set<std::string_view>& ProductNames();
// Prefixes of a ship's name ("USS", "HMS").
const std::unordered_set<std::string_view>& CraftPrefixes();
// Capitalised words naming a party before a lower-case "party" ("Labour", "Green").
const std::unordered_set<std::string_view>& PartyNameWords();
// Capitalised common words, feasts and events that name no entity ("Ramadan", "Internet").
const std::unordered_set<std::string_view>& NeverNameWords();
// Common upper-case words that name no organisation ("CEO", "GDP", "TV").
const std::unordered_set<std::string_view>& NonNameAcronyms();

}  // namespace wirebrief::nlp::detail
