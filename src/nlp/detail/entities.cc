// Mentions from tagger labels, short forms linked to the full name, roles from titles and
// appositives, and country mentions normalised to ISO 3166 codes.
#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/name_rules.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

core::EntityType TypeOf(uint8_t label) {
  return label <= kIPer   ? core::EntityType::kPerson
         : label <= kIOrg ? core::EntityType::kOrganization
                          : core::EntityType::kPlace;
}

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

}  // namespace

int MentionAt(const std::vector<core::Mention>& mentions, uint32_t b) {
  auto it = std::upper_bound(mentions.begin(), mentions.end(), b,
                             [](uint32_t x, const core::Mention& m) { return x < m.span.begin; });
  if (it == mentions.begin()) return -1;
  --it;
  return b < it->span.end ? static_cast<int>(it - mentions.begin()) : -1;
}

// Common upper-case words that name no organisation.
const std::unordered_set<std::string_view>& NonNameAcronyms() {
  static const std::unordered_set<std::string_view> k = {
      "CEO",  "CFO",  "CTO", "COO", "TV",  "GMT", "UTC", "AM",   "PM",   "DNA", "HIV",
      "AIDS", "GDP",  "PC",  "OK",  "IQ",  "ID",  "PDF", "HTML", "URL",  "CD",  "DVD",
      "SMS",  "AI",   "IT",  "MP",  "MPs", "VIP", "FAQ", "USB",  "GPS",  "LED", "CO2",
      "RSS",  "API",  "I",   "II",  "III", "IV",  "VI",  "VII",  "VIII", "IX",  "XI",
      "XII",  "XVII", "A",   "AD",  "BC",  "DJ",  "PR",  "HQ",   "UV",   "ER",  "IVF",
      "LGBT", "OMG",  "LOL", "RIP", "PS",  "NB",  "QC"};
  return k;
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
  static const std::unordered_set<std::string_view> kEventWords = {
      "Cup",      "Festival", "Championship", "Championships", "Olympics", "Paralympics", "Games",
      "Carnival", "Jubilee",  "Tournament",   "Expo",          "Marathon", "Grand Prix",  "Open"};
  static const std::unordered_set<std::string_view> kSportCues = {
      "match",      "goal",       "goals",    "scored",     "coach",         "penalty", "striker",
      "goalkeeper", "midfielder", "defender", "kick",       "tournament",    "league",  "referee",
      "halftime",   "draw",       "squad",    "semi-final", "quarter-final", "innings", "wicket"};
  size_t n = d.size();
  std::unordered_set<std::string_view> cues;
  for (size_t i = 0; i < n; ++i)
    if (kSportCues.count(d.low(i))) cues.insert(d.low(i));
  bool sport = cues.size() >= 4;
  const Gazetteer& gaz = d.model->gazetteer();
  // Words no person's name ends with: the run is an event even if the tagger saw a person.
  static const std::unordered_set<std::string_view> kNeverPerson = {
      "Cup", "Festival", "Olympics", "Paralympics", "Championships", "Tournament", "Expo"};
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.tag.run_pos[i] && d.tag.run_first[i] == i) {
        size_t e = d.tag.run_last[i] + 1;
        std::string_view last = d.tok(e - 1).text;
        if (e <= s.last && (last == "Paralympic" || last == "Olympic" ||
                            (kEventWords.count(last) && d.labels[e - 1] != kO &&
                             ((d.labels[e - 1] != kIPer && d.labels[e - 1] != kBPer) ||
                              kNeverPerson.count(last))))) {
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

// Gives tokens [b, e) one name of the type that opens with label `first`.
void Relabel(Doc* doc, size_t b, size_t e, uint8_t first) {
  for (size_t k = b; k < e; ++k) doc->labels[k] = static_cast<uint8_t>(k == b ? first : first + 1);
}

// Buildings and sites are places, as both kits annotate them: a name headed by a facility word
// ("Kennedy Space Center", "Convention Centre", "Grand Mosque") is LOC even
// when the tagger or the organisation-word rule called it an organisation.
void RelabelFacilities(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kFacility = {
      "Center", "Centre",  "Station", "Tower",    "Mosque",   "Cathedral", "Stadium",
      "Arena",  "Airport", "Square",  "Bridge",   "Palace",   "Complex",   "Facility",
      "Plaza",  "Shelf",   "Park",    "Terminal", "Building", "Castle",    "Harbour"};
  size_t n = d.size();
  ForEachName(&d, kBOrg, [&](size_t i, size_t j) {
    size_t head = j - 1;
    for (size_t k = i + 1; k + 1 < j; ++k)
      if (d.low(k) == "of") {
        head = k - 1;
        break;
      }
    if (kFacility.count(d.tok(head).text)) Relabel(&d, i, j, kBLoc);
  });
  // "Tallis Rail", "Kawada Steel": a place name the lists do not know that ends in a common noun
  // which names no kind of place is a company's.
  static const std::unordered_set<std::string_view> kPlaceNouns = {
      "falls",     "river",       "lake",     "island",    "islands",   "bay",      "valley",
      "county",    "province",    "state",    "city",      "town",      "street",   "road",
      "avenue",    "square",      "park",     "mountain",  "mountains", "hill",     "hills",
      "sea",       "ocean",       "coast",    "beach",     "district",  "region",   "heights",
      "springs",   "harbour",     "harbor",   "port",      "gulf",      "strait",   "peninsula",
      "desert",    "forest",      "canyon",   "creek",     "point",     "cape",     "village",
      "east",      "west",        "north",    "south",     "airport",   "station",  "bridge",
      "center",    "centre",      "tower",    "plaza",     "land",      "republic", "kingdom",
      "territory", "territories", "wood",     "woods",     "field",     "fields",   "green",
      "gardens",   "garden",      "lane",     "way",       "place",     "court",    "hall",
      "palace",    "castle",      "mosque",   "cathedral", "stadium",   "arena",    "shelf",
      "complex",   "facility",    "terminal", "building",  "union",     "glacier",  "reef",
      "rock",      "delta",       "basin",    "plain",     "plains",    "moor",     "ridge",
      "house",     "circuit"};
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    const GazEntry* g = nullptr;
    if (j - i >= 2 && d.tok(j - 1).Is(kUpper) && d.model->InVocab(d.low(j - 1)) &&
        !kPlaceNouns.count(d.low(j - 1)) &&
        d.model->gazetteer().Match(d.tag.tokens, i, j, &g) != static_cast<int>(j - i))
      Relabel(&d, i, j, kBOrg);
  });
  // Treaties and laws ("Paris Agreement", "Clean Air Act") are neither places nor organisations.
  static const std::unordered_set<std::string_view> kDocumentWords = {
      "Agreement", "Treaty", "Accord", "Accords", "Protocol", "Amendment", "Act"};
  ForEachName(&d, kO, [&](size_t i, size_t j) {
    if (j - i >= 2 && kDocumentWords.count(d.tok(j - 1).text))
      for (size_t k = i; k < j; ++k) d.labels[k] = kO;
  });
  // "the Kigali Amendment", "the Paris agreement": a place named before a treaty word names the
  // treaty, not the place.
  static const std::unordered_set<std::string_view> kTreatyWords = {
      "agreement", "treaty", "accord", "accords", "protocol", "amendment", "convention"};
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    if (j < n && d.sentence_of[j] == d.sentence_of[i] && kTreatyWords.count(d.low(j)))
      for (size_t k = i; k < j; ++k) d.labels[k] = kO;
  });
  // Museums, galleries and libraries act as institutions in news ("the museum said", the
  // stakeholders of a story): organisations.
  static const std::unordered_set<std::string_view> kInstitution = {"Museum", "Gallery", "Library"};
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    if (j - i >= 2 && kInstitution.count(d.tok(j - 1).text)) Relabel(&d, i, j, kBOrg);
  });
  // "Tallis Rail chief executive Marta Lind": a name followed by a role and a person is the
  // person's organisation.
  std::unordered_set<std::string> affiliations;
  for (size_t i = 0; i < n;) {
    // A place name, or a capitalised run the tagger left unnamed ("Tallis Rail").
    bool place = d.labels[i] == kBLoc;
    bool unnamed = d.labels[i] == kO && d.tag.run_pos[i] && d.tag.run_first[i] == i;
    if (!place && !unnamed) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (place)
      while (j < n && d.labels[j] == kILoc) ++j;
    else
      j = d.tag.run_last[i] + 1;
    bool plain = true;
    for (size_t k = i; k < j && unnamed; ++k)
      plain &= d.labels[k] == kO && !d.tok(k).Is(kAllUpper) && !StopWords().count(d.low(k)) &&
               !IsTitleToken(d, k) && (j - i >= 2 || !d.model->InVocab(d.low(k)));
    size_t r = j;
    while (r < n && r < j + 3 && d.tok(r).Is(kLower) && RoleWords().count(d.low(r))) ++r;
    bool role_then_person = plain && r > j && r < n && RoleHeads().count(d.low(r - 1)) &&
                            d.labels[r] == kBPer && d.sentence_of[r] == d.sentence_of[i];
    const GazEntry* g = nullptr;
    bool known_place =
        d.model->gazetteer().Match(d.tag.tokens, i, j, &g) == static_cast<int>(j - i);
    if (role_then_person && !known_place) {
      Relabel(&d, i, j, kBOrg);
      affiliations.insert(std::string(d.Span(d.tok(i).begin, d.tok(j - 1).end)));
    }
    i = j;
  }
  // One name, one type: the organisation's other mentions follow.
  if (!affiliations.empty())
    ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
      if (affiliations.count(std::string(d.Span(d.tok(i).begin, d.tok(j - 1).end))))
        Relabel(&d, i, j, kBOrg);
    });
}

// "the Government", "Police said", "News of the deal": a generic institution noun alone,
// capitalised by house style or a sentence start, names no particular organisation.
void DropGenericNouns(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kGeneric = {
      "Government", "Bank",       "Police",    "News",    "Court", "Council", "Ministry",
      "Department", "Office",     "Company",   "Group",   "Party", "Agency",  "Board",
      "Committee",  "Commission", "Authority", "Service", "Union"};
  static const std::unordered_set<std::string_view> kCalendar = {
      "January", "February",  "March",    "April",    "June",     "July",
      "August",  "September", "October",  "November", "December", "Monday",
      "Tuesday", "Wednesday", "Thursday", "Friday",   "Saturday", "Sunday"};
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.labels[i] == kO || d.labels[i] % 2 == 0) continue;
      bool single = i + 1 >= s.last || d.labels[i + 1] != d.labels[i] + 1;
      if (!single) continue;
      // Month and day names are dates, and "I've" is no name, whatever the tagger says.
      std::string_view w = d.tok(i).text;
      if (kCalendar.count(w) || NonNameAcronyms().count(w) || w.starts_with("I'") ||
          w.starts_with("I\xE2\x80\x99")) {
        d.labels[i] = kO;
        continue;
      }
      if (!kGeneric.count(w)) continue;
      bool opener = i == s.first || d.low(i - 1) == "the" || d.tok(i - 1).Is(kPunct);
      if (opener) d.labels[i] = kO;
    }
  }
}

// "Fire damages Northgate library" next to "the Northgate Public Library": a lone word that opens
// the document's organisation or place names, and is no part of any person's full name, is the
// place those names are named after, not a person.
void RelabelLonePlaceWords(Doc* doc) {
  Doc& d = *doc;
  size_t n = d.size();
  std::unordered_set<std::string_view> name_openers, person_parts;
  ForEachName(&d, kO, [&](size_t i, size_t j) {
    if (j - i >= 2 && d.labels[i] == kBPer)
      for (size_t k = i; k < j; ++k) person_parts.insert(d.tok(k).text);
    else if (j - i >= 2)
      name_openers.insert(d.tok(i).text);
  });
  for (size_t i = 0; i < n; ++i) {
    if (d.labels[i] != kBPer || (i + 1 < n && d.labels[i + 1] == kIPer)) continue;
    std::string_view w = d.tok(i).text;
    if (name_openers.count(w) && !person_parts.count(w)) d.labels[i] = kBLoc;
  }
}

// Products and vehicles are not names here (neither kit annotates them): a name that is a
// widely known software or device brand ("Internet Explorer 6", "Mozilla Firefox"), or a craft
// named after its class ("Space Shuttle Atlantis", "USS Enterprise"), is unlabelled. Written for
// wirebrief; only names that are not also companies, places or common words.
void DropProducts(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kProducts = {"Internet Explorer",
                                                                 "Firefox",
                                                                 "Chrome",
                                                                 "Safari",
                                                                 "iPhone",
                                                                 "iPad",
                                                                 "iPod",
                                                                 "iOS",
                                                                 "Android",
                                                                 "Windows",
                                                                 "MacBook",
                                                                 "PlayStation",
                                                                 "Xbox",
                                                                 "Kindle",
                                                                 "Gmail",
                                                                 "Photoshop",
                                                                 "PowerPoint",
                                                                 "Excel",
                                                                 "ChatGPT",
                                                                 "Linux",
                                                                 "Ubuntu",
                                                                 "Nintendo Switch",
                                                                 "Game Boy",
                                                                 "Walkman"};
  static const std::unordered_set<std::string_view> kCraftClass = {"USS", "HMS", "RMS", "HMAS",
                                                                   "HMCS"};
  ForEachName(&d, kO, [&](size_t i, size_t j) {
    bool product = kCraftClass.count(d.tok(i).text) > 0 ||
                   (j - i >= 3 && d.tok(i).text == "Space" && d.tok(i + 1).text == "Shuttle");
    // The product's words, an optional maker's name before them ("Google Chrome"), an optional
    // version after them ("Internet Explorer 9").
    for (size_t b = i; b < j && b <= i + 1 && !product; ++b) {
      std::string key;
      for (size_t e = b; e < j && e < b + 2; ++e) {
        if (e > b) key += ' ';
        key += d.tok(e).text;
        if (!kProducts.count(key)) continue;
        size_t rest = e + 1;
        while (rest < j && (d.tok(rest).Is(kDigit) || d.tok(rest).text.size() <= 2)) ++rest;
        if (rest == j) product = true;
      }
    }
    if (product)
      for (size_t k = i; k < j; ++k) d.labels[k] = kO;
  });
}

// A country or city that speaks or takes a stand acts as its government: "Russia announced",
// "Beijing believes", "Australia's position" name an organisation (UNER's reading; GUM has no
// such case in its news). A place after a place preposition ("trips to Russia") stays a place.
void RelabelActingPlaces(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kStanceVerbs = {
      "announced",  "announces",  "believes", "insists",  "insisted",   "warned",     "warns",
      "denied",     "denies",     "urged",    "urges",    "accused",    "accuses",    "rejected",
      "rejects",    "condemned",  "condemns", "demanded", "demands",    "threatened", "threatens",
      "vowed",      "pledged",    "refused",  "refuses",  "retaliated", "protested",  "declared",
      "said",       "says",       "claims",   "claimed",  "argues",     "argued",     "responded",
      "criticised", "criticized", "welcomed", "decided",  "imposed",    "ordered",    "recognised",
      "recognized", "expelled",   "summoned", "vetoed"};
  static const std::unordered_set<std::string_view> kStanceNouns = {
      "actions",      "action",  "position", "decision", "stance",   "policy",     "response",
      "intervention", "demands", "proposal", "refusal",  "reaction", "objections", "threats"};
  static const std::unordered_set<std::string_view> kPlacePrepositions = {
      "in",  "at",   "from",   "to",     "near",    "into",       "across", "of",
      "for", "over", "around", "inside", "outside", "throughout", "via",    "within"};
  const Gazetteer& gaz = d.model->gazetteer();
  size_t n = d.size();
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    const GazEntry* g = nullptr;
    if (gaz.Match(d.tag.tokens, i, j, &g) != static_cast<int>(j - i) || j >= n ||
        d.sentence_of[j] != d.sentence_of[i])
      return;
    if (g->kind != GazKind::kCountry && g->kind != GazKind::kCapital && g->kind != GazKind::kCity)
      return;
    size_t b = i;
    if (b > 0 && d.low(b - 1) == "the") --b;
    if (b > 0 && d.sentence_of[b - 1] == d.sentence_of[i] && kPlacePrepositions.count(d.low(b - 1)))
      return;
    bool acts = kStanceVerbs.count(d.low(j)) > 0 ||
                (IsPossessive(d.tok(j).text) && j + 1 < n && kStanceNouns.count(d.low(j + 1)));
    if (acts) Relabel(&d, i, j, kBOrg);
  });
  // "Washington said" opening a sentence: the tagger reads a lone name before a speech verb as a
  // surname, so a country or capital acting there is labelled a person. It is its government
  // unless the document gives a person that name ("Talia Washington ... Washington said"), a
  // title stands before it ("Mr Washington"), or it is also a common given name ("Sofia said
  // she ..."): then the tagger's reading stands. Only countries and capitals: cities are far
  // more often surnames too (Houston, Austin).
  std::unordered_set<std::string_view> person_parts;
  ForEachName(&d, kBPer, [&](size_t i, size_t j) {
    if (j - i >= 2)
      for (size_t k = i; k < j; ++k) person_parts.insert(d.tok(k).text);
  });
  ForEachName(&d, kBPer, [&](size_t i, size_t j) {
    const GazEntry* g = nullptr;
    if (j >= n || d.sentence_of[j] != d.sentence_of[i] || !kStanceVerbs.count(d.low(j)) ||
        gaz.Match(d.tag.tokens, i, j, &g) != static_cast<int>(j - i) ||
        (g->kind != GazKind::kCountry && g->kind != GazKind::kCapital))
      return;
    if (i > 0 && d.sentence_of[i - 1] == d.sentence_of[i] && IsTitleToken(d, i - 1)) return;
    for (size_t k = i; k < j; ++k)
      if (person_parts.count(d.tok(k).text) || gaz.IsFirstName(d.tok(k).text)) return;
    Relabel(&d, i, j, kBOrg);
  });
}

// Words that are no names whatever the tagger says: recurring religious and civic events
// ("the Hajj", "Ramadan"), "the Internet"; and a word capitalised only because it opens a
// sentence ("Iodine deficiency can...") that the document otherwise writes in lower case and never
// capitalises mid-sentence.
void DropCommonWordsAndEvents(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kNeverNames = {
      "Hajj",        "Umrah",     "Ramadan", "Eid",      "Diwali",    "Hanukkah",
      "Passover",    "Christmas", "Easter",  "Lent",     "Halloween", "Thanksgiving",
      "Oktoberfest", "Internet",  "Web",     "Holocaust"};
  size_t n = d.size();
  // One-word names that open a sentence are few: only their words are looked up in the document.
  std::unordered_map<std::string_view, uint8_t> openers;  // 1 written lower case, 2 capitalised
  for (const SentenceRange& s : d.tag.sentences)
    for (size_t i = s.first; i < s.last; ++i) {
      if (d.labels[i] == kO || d.labels[i] % 2 == 0) continue;
      if (i + 1 < n && d.labels[i + 1] == d.labels[i] + 1) continue;  // several words
      if (kNeverNames.count(d.tok(i).text)) {
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

// "Wendale Shire", "Marrick Creek": a name that ends in a word for a kind of administrative area
// or natural feature is a place even when the tagger reads it as a person (surname-like first
// word before a capital). Only words that are rarely surnames ("Hill", "Wood", "Green" are not
// here). A temperature scale after a number ("106 Fahrenheit") is a unit, not a person.
void RelabelPlaceHeadedPersons(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kAreaHeads = {
      "Shire",   "County",       "Creek",       "River",  "Valley",    "Province", "District",
      "Region",  "Island",       "Islands",     "Canyon", "Peninsula", "Gulf",     "Strait",
      "Glacier", "Reef",         "Desert",      "Delta",  "Territory", "Heights",  "Prefecture",
      "Oblast",  "Municipality", "Governorate", "Borough"};
  static const std::unordered_set<std::string_view> kScales = {"Fahrenheit", "Celsius", "Kelvin"};
  ForEachName(&d, kBPer, [&](size_t i, size_t j) {
    if (j - i >= 2 && kAreaHeads.count(d.tok(j - 1).text))
      Relabel(&d, i, j, kBLoc);
    else if (j - i == 1 && kScales.count(d.tok(i).text))
      d.labels[i] = kO;
  });
}

// "New South Wales declared...": at a sentence start the tagger cannot tell "New" or a compass
// word from an ordinary capitalised opener, so it names only "South Wales". Such a word right
// before a place name at the start of a sentence is the first word of that name.
void JoinSentenceInitialPlacePrefix(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kPrefixes = {"New", "North", "South", "East",
                                                                 "West"};
  for (const SentenceRange& s : d.tag.sentences) {
    size_t i = s.first;
    if (i + 1 < s.last && d.labels[i] == kO && kPrefixes.count(d.tok(i).text) &&
        d.labels[i + 1] == kBLoc) {
      d.labels[i] = kBLoc;
      d.labels[i + 1] = kILoc;
    }
  }
}

namespace {

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

}  // namespace

// "rerouting calls to Antwerp, Hamburg and Bremerhaven", "the towns of Wendale and Marrick
// Creek": the tagger reads a lone capitalised word it does not know as a surname, so a town or
// province among other places comes out a person. Such a word is a place when the lists know it
// as one (and not as a given name: "Sofia said"), or when it stands in a list closed by "and" or
// "or" whose other members are places at least as many as its lone persons, with no one named
// in full there ("Berlin, Olaf Brandt and Weber" lists people). The document's other lone
// mentions of the word follow.
void RelabelListedPlaces(Doc* doc) {
  Doc& d = *doc;
  const Gazetteer& gaz = d.model->gazetteer();
  std::unordered_set<std::string_view> person_parts = FullNameParts(doc);
  std::unordered_set<std::string_view> places;
  size_t n = d.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsLonePersonWord(d, i, person_parts) || gaz.IsFirstName(d.tok(i).text)) continue;
    const GazEntry* g = nullptr;
    if (gaz.Match(d.tag.tokens, i, i + 1, &g) != 1) continue;
    if (g->kind == GazKind::kCountry || g->kind == GazKind::kCapital || g->kind == GazKind::kCity ||
        g->kind == GazKind::kRegion)
      places.insert(d.tok(i).text);
  }
  // Names of each sentence in order; a list is a run of them joined by ",", "and", "or" or
  // ", and", whose last joint is "and" or "or".
  struct Name {
    size_t b, e;
  };
  for (const SentenceRange& s : d.tag.sentences) {
    std::vector<Name> names;
    for (size_t i = s.first; i < s.last;) {
      uint8_t l = d.labels[i];
      if (l == kO || l % 2 == 0) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < s.last && d.labels[j] == l + 1) ++j;
      names.push_back({i, j});
      i = j;
    }
    auto joint = [&](const Name& a, const Name& b) -> int {  // 0 none, 1 comma, 2 and/or
      size_t gap = b.b - a.e;
      auto conj = [&](size_t k) { return d.low(k) == "and" || d.low(k) == "or"; };
      if (gap == 1 && d.tok(a.e).text == ",") return 1;
      if (gap == 1 && conj(a.e)) return 2;
      if (gap == 2 && d.tok(a.e).text == "," && conj(a.e + 1)) return 2;
      return 0;
    };
    for (size_t first = 0; first < names.size();) {
      // The list runs on over commas until an "and"/"or" joins its last member.
      size_t last = first;
      bool closed = false;
      while (last + 1 < names.size() && !closed) {
        int j = joint(names[last], names[last + 1]);
        if (j == 0) break;
        closed = j == 2;
        ++last;
      }
      if (!closed) {
        first = last + 1;
        continue;
      }
      int place_count = 0, lone = 0;
      bool others = false;
      for (size_t k = first; k <= last; ++k) {
        const Name& m = names[k];
        bool place = d.labels[m.b] == kBLoc || (m.e - m.b == 1 && places.count(d.tok(m.b).text));
        if (place)
          ++place_count;
        else if (m.e - m.b == 1 && IsLonePersonWord(d, m.b, person_parts))
          ++lone;
        else
          others = true;
      }
      if (!others && place_count > 0 && place_count >= lone)
        for (size_t k = first; k <= last; ++k)
          if (d.labels[names[k].b] == kBPer) places.insert(d.tok(names[k].b).text);
      first = last + 1;
    }
  }
  if (places.empty()) return;
  for (size_t i = 0; i < n; ++i)
    if (places.count(d.tok(i).text) && IsLonePersonWord(d, i, person_parts)) d.labels[i] = kBLoc;
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

// "the People's Republic of China": a country's listed name of several words is one place even
// where the tagger split it at the possessive or called its tail an organisation.
void JoinListedCountryNames(Doc* doc) {
  Doc& d = *doc;
  const Gazetteer& gaz = d.model->gazetteer();
  for (const SentenceRange& s : d.tag.sentences)
    for (size_t i = s.first; i < s.last; ++i) {
      const GazEntry* g = nullptr;
      // Prepare() marked where listed phrases start: only a country's start is looked up.
      if (d.tag.gaz[i] != static_cast<uint8_t>(static_cast<int>(GazKind::kCountry) * 2)) continue;
      int len = gaz.Match(d.tag.tokens, i, s.last, &g);
      if (len < 3 || g->kind != GazKind::kCountry) continue;
      size_t e = i + len;
      bool free_edges = (i == s.first || d.labels[i - 1] == kO) &&
                        (e >= s.last || d.labels[e] == kO || d.labels[e] % 2 == 1);
      bool person = false;
      for (size_t k = i; k < e; ++k) person |= d.labels[k] == kBPer || d.labels[k] == kIPer;
      if (free_edges && !person) Relabel(&d, i, e, kBLoc);
      i = e - 1;
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

// "the Republican party": a party's name written with a lower-case "party" is still its name.
void NamePartiesBeforeLowerCaseParty(Doc* doc) {
  Doc& d = *doc;
  static const std::unordered_set<std::string_view> kPartyNames = {
      "Republican", "Democratic", "Labour",      "Conservative", "Liberal",     "Communist",
      "Socialist",  "Green",      "Libertarian", "Reform",       "Nationalist", "Progressive"};
  for (size_t i = 0; i + 1 < d.size(); ++i)
    if (d.low(i + 1) == "party" && d.tok(i + 1).Is(kLower) && kPartyNames.count(d.tok(i).text) &&
        d.sentence_of[i] == d.sentence_of[i + 1] && (d.labels[i] == kO || d.labels[i] == kBOrg) &&
        !(i > 0 && d.labels[i - 1] != kO && d.labels[i - 1] % 2 == 0)) {
      d.labels[i] = kBOrg;
      d.labels[i + 1] = kIOrg;
    }
}

void LabelRun(Doc* doc, size_t b, size_t e, uint8_t first) {
  Doc& d = *doc;
  for (size_t k = b; k < e; ++k) d.labels[k] = k == b ? first : first + 1;
  // A name continuing past the run loses its tail to the run's type.
  if (e < d.size() && d.labels[e] % 2 == 0 && d.labels[e] != kO) d.labels[e] = kO;
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

std::vector<core::Mention> BuildMentions(Doc* doc) {
  const Doc& d = *doc;
  std::vector<core::Mention> out;
  std::vector<std::pair<size_t, size_t>> token_spans;
  size_t n = d.size();
  for (size_t i = 0; i < n;) {
    uint8_t l = d.labels[i];
    if (l == kO) {
      ++i;
      continue;
    }
    uint8_t inside = l % 2 == 1 ? l + 1 : l;  // B-X -> I-X
    size_t j = i + 1;
    while (j < n && d.labels[j] == inside && d.sentence_of[j] == d.sentence_of[i]) ++j;
    // Leading titles are not part of a person's name ("President Obama" -> "Obama").
    size_t b = i;
    if (TypeOf(l) == core::EntityType::kPerson)
      while (b + 1 < j && (PersonTitles().count(d.tok(b).text) || IsTitleToken(d, b)))
        doc->labels[b++] = kO;
    if (b > i) doc->labels[b] = kBPer;
    // A trailing possessive or punctuation never belongs to a name.
    // A title alone ("Governor") is not a name.
    if (TypeOf(l) == core::EntityType::kPerson && j - b == 1 && IsTitleToken(d, b)) {
      i = j;
      continue;
    }
    size_t e = j;
    while (e > b && (IsPossessive(d.tok(e - 1).text) ||
                     (d.tok(e - 1).Is(kPunct) && d.tok(e - 1).text != ")")))
      --e;
    if (e > b) {
      core::Mention m;
      m.span = {d.tok(b).begin, d.tok(e - 1).end};
      m.type = TypeOf(l);
      m.name = std::string(d.Span(m.span.begin, m.span.end));
      if (m.type == core::EntityType::kPlace) {
        const GazEntry* g = nullptr;
        int k = d.model->gazetteer().Match(d.tag.tokens, b, e, &g);
        if (k == static_cast<int>(e - b) && g->kind == GazKind::kCountry)
          m.type = core::EntityType::kCountry;
      }
      out.push_back(std::move(m));
      token_spans.push_back({b, e});
    }
    i = j;
  }
  // A person's short form ("Ostrow", "Kara") takes the name of the fullest form in the article
  // that ends or starts with it; ambiguous short forms keep their own.
  std::map<std::string, std::string> by_part;
  std::map<std::string, int> part_count;
  for (size_t k = 0; k < out.size(); ++k) {
    auto [b, e] = token_spans[k];
    if (out[k].type != core::EntityType::kPerson || e - b < 2) continue;
    for (std::string_view part : {d.tok(b).text, d.tok(e - 1).text}) {
      std::string p(part);
      auto it = by_part.find(p);
      if (it == by_part.end()) {
        by_part[p] = out[k].name;
        part_count[p] = 1;
      } else if (it->second != out[k].name) {
        if (it->second.size() < out[k].name.size() &&
            out[k].name.find(it->second) != std::string::npos) {
          it->second = out[k].name;
        } else if (it->second.find(out[k].name) == std::string::npos) {
          ++part_count[p];
        }
      }
    }
  }
  for (size_t k = 0; k < out.size(); ++k) {
    auto [b, e] = token_spans[k];
    if (out[k].type != core::EntityType::kPerson || e - b != 1) continue;
    auto it = by_part.find(out[k].name);
    if (it != by_part.end() && part_count[out[k].name] == 1) out[k].name = it->second;
  }
  return out;
}

void ReadRoles(const Doc& d, std::vector<core::Mention>* mentions, std::vector<core::Role>* roles) {
  auto token_at = [&](uint32_t byte) -> size_t {
    auto it = std::lower_bound(d.tag.tokens.begin(), d.tag.tokens.end(), byte,
                               [](const Token& t, uint32_t x) { return t.begin < x; });
    return static_cast<size_t>(it - d.tag.tokens.begin());
  };
  // The organisation an "at/of/for/with/in" at token `q` introduces: "at the Central Bank",
  // "with the state Bushfire Command" (a modifier or two before the name); "" when none.
  auto organisation_after = [&](size_t q, const SentenceRange& s) -> std::string {
    if (q + 1 >= s.last || !(d.low(q) == "at" || d.low(q) == "of" || d.low(q) == "for" ||
                             d.low(q) == "with" || d.low(q) == "in"))
      return "";
    size_t z = q + 1;
    if (d.low(z) == "the" && z + 1 < s.last) ++z;
    for (int skip = 0; skip < 2 && z + 1 < s.last && d.tok(z).Is(kLower) &&
                       MentionAt(*mentions, d.tok(z).begin) < 0 && !StopWords().count(d.low(z));
         ++skip) {
      if (MentionAt(*mentions, d.tok(z + 1).begin) < 0 && !d.tok(z + 1).Is(kLower)) break;
      ++z;
    }
    int oi = MentionAt(*mentions, d.tok(z).begin);
    return oi >= 0 && (*mentions)[oi].type != core::EntityType::kPerson ? (*mentions)[oi].name : "";
  };
  for (core::Mention& m : *mentions) {
    if (m.type != core::EntityType::kPerson) continue;
    size_t b = token_at(m.span.begin);
    size_t e = token_at(m.span.end);
    if (b >= d.size()) continue;
    const SentenceRange& s = d.tag.sentences[d.sentence_of[b]];
    std::string role, affiliation;
    // Pre-nominal: "the country's defence minister Kara Ostrow", "Acme chief executive Jo Lind".
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

      bool role_word = IsTitleToken(d, p) || generic_org ||
                       (head && d.tok(p).Is(kUpper) && d.labels[p] == kO) ||
                       ((l == "of" || l == "for" || l == "and") && k < b && p > s.first &&
                        IsTitleToken(d, p - 1));
      if (!role_word || (d.labels[p] != kO && !generic_org)) break;
      if (RoleHeads().count(l) || PersonTitles().count(d.tok(p).text)) head = true;
      k = p;
    }
    // Honorifics are not roles: "Dr Amina Yusuf", "Mr. Hollis".
    static const std::unordered_set<std::string_view> kHonorifics = {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Sir", "Dame", "Mx"};
    if (head && k + 1 == b && kHonorifics.count(d.tok(k).text)) head = false;
    // "Northgate's president, Anne Tremblay," / "its chief executive, Samuel Okafor,": the role
    // sits before a comma.
    if (!head && b >= s.first + 2 && d.tok(b - 1).text == ",") {
      size_t r = b - 1;
      bool found = false;
      while (r > s.first && (IsTitleToken(d, r - 1) ||
                             (found && d.tok(r - 1).Is(kUpper) && d.labels[r - 1] == kO))) {
        if (RoleHeads().count(d.low(r - 1))) found = true;
        --r;
      }
      if (found && RoleHeads().count(d.low(b - 2)) && r < b - 1 && r > s.first) {
        std::string_view before = d.tok(r - 1).text;
        std::string aff;
        if (before == "its" || before == "their") {
          for (size_t z = r - 1; z > s.first; --z) {
            int mi = MentionAt(*mentions, d.tok(z - 1).begin);
            if (mi >= 0 && (*mentions)[mi].type == core::EntityType::kOrganization) {
              aff = (*mentions)[mi].name;
              break;
            }
          }
        } else if (IsPossessive(before) && r >= s.first + 2) {
          int mi = MentionAt(*mentions, d.tok(r - 2).begin);
          aff = mi >= 0 ? (*mentions)[mi].name : std::string(d.tok(r - 2).text);
        }
        if (!aff.empty() || before == "the") {
          role = std::string(d.Span(d.tok(r).begin, d.tok(b - 2).end));
          affiliation = aff;
        }
      }
    }
    if (head && k < b) {
      // Drop a dangling "of"/"and" at the start.
      while (k < b && (d.low(k) == "of" || d.low(k) == "and" || d.low(k) == "for")) ++k;
      role = std::string(d.Span(d.tok(k).begin, d.tok(b - 1).end));
      if (k > s.first + 1 && IsPossessive(d.tok(k - 1).text)) {
        // "Acme's", "the country's"
        int mi = MentionAt(*mentions, d.tok(k - 2).begin);
        if (mi >= 0)
          affiliation = (*mentions)[mi].name;
        else if (d.tok(k - 2).Is(kLower) && k >= s.first + 3 && d.low(k - 3) == "the")
          affiliation = std::string(d.Span(d.tok(k - 3).begin, d.tok(k - 2).end));
      } else if (k > s.first) {
        int mi = MentionAt(*mentions, d.tok(k - 1).begin);
        if (mi >= 0 && (*mentions)[mi].type != core::EntityType::kPerson)
          affiliation = (*mentions)[mi].name;
      }
    }
    // "Deputy Commissioner Leanne Ashcroft of the state Bushfire Command": a title before the
    // name, the organisation after it.
    if (head && !role.empty() && affiliation.empty() && e + 1 < s.last)
      affiliation = organisation_after(e, s);
    // Appositive: "Kara Ostrow, a senior official at the Central Bank," / ", Acme's chief
    // economist,"
    std::string prenominal_role = role, prenominal_aff = affiliation;
    bool single_title = !role.empty() && role.find(' ') == std::string::npos && affiliation.empty();
    if (single_title) role.clear();
    if (role.empty() && e + 2 < s.last && d.tok(e).text == ",") {
      size_t a = e + 1;
      if (d.low(a) == "the" || d.low(a) == "a" || d.low(a) == "an") ++a;
      std::string aff;
      // "Acme's chief economist"
      int mi = MentionAt(*mentions, d.tok(a).begin);
      if (mi >= 0 && (*mentions)[mi].type != core::EntityType::kPerson) {
        size_t after = token_at((*mentions)[mi].span.end);
        if (after < s.last && IsPossessive(d.tok(after).text)) {
          aff = (*mentions)[mi].name;
          a = after + 1;
        }
      } else if (mi < 0 && a + 1 < s.last && d.tok(a).Is(kUpper) &&
                 IsPossessive(d.tok(a + 1).text)) {
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
      if (last_head > a) {
        role = std::string(d.Span(d.tok(a).begin, d.tok(last_head - 1).end));
        size_t q = last_head;
        if (aff.empty() && q + 1 < s.last &&
            (d.low(q) == "at" || d.low(q) == "of" || d.low(q) == "for" || d.low(q) == "with" ||
             d.low(q) == "in")) {
          aff = organisation_after(q, s);
        }
        if (aff.empty()) {
          int pi = MentionAt(*mentions, d.tok(a).begin);
          if (pi >= 0 && (*mentions)[pi].type != core::EntityType::kPerson &&
              (*mentions)[pi].span.end < d.tok(last_head - 1).begin) {
            aff = (*mentions)[pi].name;
            size_t after = token_at((*mentions)[pi].span.end);
            role = std::string(d.Span(d.tok(after).begin, d.tok(last_head - 1).end));
          }
        }
        affiliation = aff;
        // The appositive must close: a comma, the sentence end, or a speech verb.
        size_t close = last_head;
        while (close < s.last && d.tok(close).Is(kAlpha) && !SpeechVerbs().count(d.low(close)) &&
               close < last_head + 6)
          ++close;
        if (!(close >= s.last || d.tok(close).Is(kPunct) || SpeechVerbs().count(d.low(close))))
          role.clear();
      }
    }
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

void ReadCountries(const Doc& d, std::vector<core::CountryMention>* out) {
  const Gazetteer& gaz = d.model->gazetteer();
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last;) {
      const GazEntry* g = nullptr;
      int k = d.tok(i).Is(kUpper) ? gaz.Match(d.tag.tokens, i, s.last, &g) : 0;
      if (k == 0) {
        ++i;
        continue;
      }
      size_t e = i + k;
      std::string via;
      if (g->kind == GazKind::kCountry)
        via = "name";
      else if (g->kind == GazKind::kDemonym &&
               !(d.labels[i] != kO && e < s.last && d.labels[e] != kO && d.labels[e] % 2 == 0))
        via = "demonym";  // not inside a place name ("French Guiana")
      else if (g->kind == GazKind::kCapital && e < s.last) {
        // A capital stands for its government when it acts: "Washington said", "Beijing's
        // decision".
        const std::string& next = d.low(e);
        static const std::unordered_set<std::string_view> kActs = {
            "said",       "says",   "has",       "have",     "will",     "would",      "warned",
            "accused",    "denied", "insists",   "insisted", "wants",    "rejected",   "announced",
            "responded",  "urged",  "condemned", "welcomed", "demanded", "threatened", "refused",
            "agreed",     "signed", "imposed",   "sent",     "claims",   "claimed",    "hopes",
            "fears",      "argues", "argued",    "backed",   "called",   "retaliated", "criticised",
            "criticized", "is",     "was",       "cut",      "set",      "hit",        "told",
            "made",       "took",   "gave",      "began",    "won",      "lost",       "held",
            "kept",       "led",    "paid",      "sought",   "struck",   "chose",      "froze",
            "spent",      "sold",   "bought",    "built",    "expects"};
        bool acts = kActs.count(next) > 0 ||
                    (d.tok(e).Is(kLower) && next.size() > 3 &&
                     (next.back() == 's' || next.ends_with("ed")) && !StopWords().count(next));
        std::string_view before = i > s.first ? std::string_view(d.low(i - 1)) : std::string_view();
        if (before == "in" || before == "at" || before == "from" || before == "to" ||
            before == "near" || before == "outside" || before == "into" || before == "of")
          acts = false;
        if (IsPossessive(d.tok(e).text) && e + 1 < s.last) {
          static const std::unordered_set<std::string_view> kGov = {
              "decision",  "government", "position",  "response", "policy", "move",
              "stance",    "demands",    "support",   "plan",     "offer",  "proposal",
              "envoy",     "ambassador", "officials", "allies",   "ally",   "relations",
              "sanctions", "military",   "forces",    "troops"};
          acts = kGov.count(d.low(e + 1)) > 0;
        }
        // "is"/"was" only before a governmental predicate, not "Paris is beautiful".
        if ((next == "is" || next == "was") &&
            !(e + 1 < s.last && (d.low(e + 1) == "expected" || d.low(e + 1) == "seeking" ||
                                 d.low(e + 1) == "preparing" || d.low(e + 1) == "ready")))
          acts = false;
        if (acts && d.labels[i] != kBPer) via = "capital";
      }
      if (!via.empty() && !g->code.empty())
        out->push_back({{d.tok(i).begin, d.tok(e - 1).end}, g->code, via});
      i = e;
    }
  }
}

}  // namespace wirebrief::nlp::detail
