#include "nlp/detail/lexicon.h"

#include <iterator>

namespace wirebrief::nlp::detail {

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> k = {
      "a",        "about",  "after",    "again",   "against", "all",       "also",     "am",
      "an",       "and",    "any",      "are",     "as",      "at",        "be",       "because",
      "been",     "before", "being",    "between", "both",    "but",       "by",       "can",
      "could",    "did",    "do",       "does",    "doing",   "down",      "during",   "each",
      "few",      "for",    "from",     "further", "had",     "has",       "have",     "having",
      "he",       "her",    "here",     "hers",    "him",     "his",       "how",      "i",
      "if",       "in",     "into",     "is",      "it",      "its",       "itself",   "just",
      "me",       "more",   "most",     "my",      "no",      "nor",       "not",      "now",
      "of",       "off",    "on",       "once",    "only",    "or",        "other",    "our",
      "ours",     "out",    "over",     "own",     "said",    "same",      "says",     "she",
      "should",   "so",     "some",     "such",    "than",    "that",      "the",      "their",
      "them",     "then",   "there",    "these",   "they",    "this",      "those",    "through",
      "to",       "too",    "under",    "until",   "up",      "very",      "was",      "we",
      "were",     "what",   "when",     "where",   "which",   "while",     "who",      "whom",
      "why",      "will",   "with",     "would",   "you",     "your",      "told",     "according",
      "added",    "new",    "one",      "two",     "last",    "first",     "since",    "still",
      "into",     "per",    "via",      "yet",     "however", "may",       "might",    "must",
      "us",       "s",      "t",        "monday",  "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "including"};
  return k;
}

const std::unordered_set<std::string_view>& Countries() {
  static const std::unordered_set<std::string_view> k = {"Afghanistan",    "Albania",
                                                         "Algeria",        "Angola",
                                                         "Argentina",      "Armenia",
                                                         "Australia",      "Austria",
                                                         "Azerbaijan",     "Bahrain",
                                                         "Bangladesh",     "Belarus",
                                                         "Belgium",        "Bolivia",
                                                         "Bosnia",         "Botswana",
                                                         "Brazil",         "Bulgaria",
                                                         "Cambodia",       "Cameroon",
                                                         "Canada",         "Chad",
                                                         "Chile",          "China",
                                                         "Colombia",       "Congo",
                                                         "Croatia",        "Cuba",
                                                         "Cyprus",         "Czechia",
                                                         "Denmark",        "Ecuador",
                                                         "Egypt",          "Estonia",
                                                         "Ethiopia",       "Finland",
                                                         "France",         "Georgia",
                                                         "Germany",        "Ghana",
                                                         "Greece",         "Guatemala",
                                                         "Haiti",          "Honduras",
                                                         "Hungary",        "Iceland",
                                                         "India",          "Indonesia",
                                                         "Iran",           "Iraq",
                                                         "Ireland",        "Israel",
                                                         "Italy",          "Jamaica",
                                                         "Japan",          "Jordan",
                                                         "Kazakhstan",     "Kenya",
                                                         "Kosovo",         "Kuwait",
                                                         "Laos",           "Latvia",
                                                         "Lebanon",        "Libya",
                                                         "Lithuania",      "Luxembourg",
                                                         "Madagascar",     "Malaysia",
                                                         "Mali",           "Malta",
                                                         "Mexico",         "Moldova",
                                                         "Mongolia",       "Montenegro",
                                                         "Morocco",        "Mozambique",
                                                         "Myanmar",        "Namibia",
                                                         "Nepal",          "Netherlands",
                                                         "New Zealand",    "Nicaragua",
                                                         "Niger",          "Nigeria",
                                                         "North Korea",    "Norway",
                                                         "Oman",           "Pakistan",
                                                         "Panama",         "Paraguay",
                                                         "Peru",           "Philippines",
                                                         "Poland",         "Portugal",
                                                         "Qatar",          "Romania",
                                                         "Russia",         "Rwanda",
                                                         "Saudi Arabia",   "Senegal",
                                                         "Serbia",         "Singapore",
                                                         "Slovakia",       "Slovenia",
                                                         "Somalia",        "South Africa",
                                                         "South Korea",    "Spain",
                                                         "Sri Lanka",      "Sudan",
                                                         "Sweden",         "Switzerland",
                                                         "Syria",          "Taiwan",
                                                         "Tanzania",       "Thailand",
                                                         "Tunisia",        "Turkey",
                                                         "Türkiye",        "Uganda",
                                                         "Ukraine",        "United Arab Emirates",
                                                         "United Kingdom", "United States",
                                                         "Uruguay",        "Uzbekistan",
                                                         "Venezuela",      "Vietnam",
                                                         "Yemen",          "Zambia",
                                                         "Zimbabwe",       "Britain",
                                                         "U.S.",           "UK",
                                                         "U.K.",           "EU",
                                                         "European Union"};
  return k;
}

const std::unordered_set<std::string_view>& OrganizationWords() {
  static const std::unordered_set<std::string_view> k = {
      "Ministry", "Agency", "Bank", "Council", "Company", "Corp", "Corporation", "Inc", "Ltd",
      "Group", "University", "Party", "Authority", "Service", "Services", "Institute",
      "Association", "Union", "Court", "Commission", "Committee", "Department", "Office", "Board",
      "Federation", "Organisation", "Organization", "Fund", "Survey", "Press", "Wire", "News",
      "Times", "Post", "Airlines", "Energy", "Systems", "Holdings", "Foundation", "Parliament",
      "Assembly", "Senate", "Congress", "Police", "Army", "Navy", "Guard", "Centre", "Center",
      "Hospital", "Exchange", "Authority", "Observatory", "Alliance", "Coalition", "Network",
      "Bureau", "Administration", "Cabinet", "Government", "Technologies", "Partners", "Media",
      "Telecom", "Railways", "Ports", "Brigade", "Cross", "Crescent", "Forces", "Directorate",
      "Command", "Corps", "Secretariat", "Tribunal", "Council", "Academy", "League", "Trust",
      "Society", "College", "School", "Club", "Church", "Magazine", "Journal", "Herald", "Gazette",
      "Tribune", "Laboratory", "Studios", "Institution", "Conference", "Bancorp", "Airways",
      // Company-name endings.
      "Minerals", "Mining", "Resources", "Motors", "Industries", "Logistics", "Pharmaceuticals",
      "Securities", "Ventures", "Labs", "Insurance", "Plc", "LLC", "GmbH", "AG", "SA"};
  return k;
}

const std::unordered_set<std::string_view>& PlaceWords() {
  static const std::unordered_set<std::string_view> k = {
      "Ridge",     "Creek",   "River",    "Bay",     "Street", "Road",   "Avenue", "Mountains",
      "Mountain",  "Valley",  "Island",   "Islands", "Lake",   "Hills",  "Hill",   "Coast",
      "Peninsula", "Harbour", "Harbor",   "Sea",     "Ocean",  "Gulf",   "Strait", "Province",
      "Region",    "County",  "District", "Shire",   "Square", "Bridge", "Canyon", "Desert",
      "Plain",     "Plains",  "Heights",  "Falls",   "Forest", "Park",   "Quay"};
  return k;
}

const std::unordered_set<std::string_view>& PersonTitles() {
  static const std::unordered_set<std::string_view> k = {
      "President", "Minister",     "Prime",      "Mr",           "Mrs",
      "Ms",        "Dr",           "Prof",       "Professor",    "Governor",
      "Mayor",     "Senator",      "Sen",        "Rep",          "Representative",
      "Secretary", "Chancellor",   "General",    "Gen",          "Colonel",
      "Col",       "Captain",      "Capt",       "Judge",        "Justice",
      "King",      "Queen",        "Prince",     "Princess",     "Chief",
      "Director",  "Commissioner", "Ambassador", "Spokesperson", "Spokeswoman",
      "Spokesman", "Chairman",     "Chairwoman", "Chair",        "CEO",
      "Inspector", "Lieutenant",   "Sergeant",   "Officer",      "Deputy",
      "Speaker",   "Premier",      "Councillor", "Councilor",    "Superintendent",
      "Admiral",   "Pope",         "Bishop",     "Father",       "Sheriff"};
  return k;
}

const std::unordered_set<std::string_view>& Abbreviations() {
  static const std::unordered_set<std::string_view> k = {
      "Mr",    "Mrs", "Ms",     "Dr",   "Prof", "St",  "Sen",  "Rep",  "Gen",  "Gov",    "Col",
      "Capt",  "Lt",  "Sgt",    "Jr",   "Sr",   "Inc", "Ltd",  "Corp", "Co",   "vs",     "No",
      "Jan",   "Feb", "Mar",    "Apr",  "Jun",  "Jul", "Aug",  "Sep",  "Sept", "Oct",    "Nov",
      "Dec",   "U.S", "U.K",    "U.N",  "a.m",  "p.m", "e.g",  "i.e",  "etc",  "approx", "Mt",
      "Ft",    "Ave", "Blvd",   "Adm",  "Cmdr", "Maj", "Rev",  "Hon",  "Pres", "Dept",   "Univ",
      "Gov",   "Mme", "Messrs", "Nos",  "Fig",  "vol", "ca",   "cf",   "al",   "D.C",    "U.A.E",
      "Calif", "Fla", "Mass",   "Conn", "Ariz", "Ore", "Minn", "Wis",  "Tenn", "Ky",     "Okla"};
  return k;
}

const std::unordered_set<std::string_view>& SpeechVerbs() {
  static const std::unordered_set<std::string_view> k = {
      "said",       "says",       "told",       "added",      "stated",       "explained",
      "warned",     "noted",      "wrote",      "insisted",   "argued",       "asked",
      "replied",    "confirmed",  "announced",  "declared",   "urged",        "say",
      "tell",       "tells",      "add",        "adds",       "explains",     "writes",
      "recalled",   "recalls",    "continued",  "continues",  "acknowledged", "admitted",
      "claimed",    "claims",     "stressed",   "suggested",  "observed",     "remarked",
      "commented",  "answered",   "responded",  "predicted",  "cautioned",    "conceded",
      "complained", "agreed",     "shouted",    "whispered",  "testified",    "reported",
      "described",  "emphasized", "emphasised", "maintained", "vowed",        "pledged",
      "promised",   "denied",     "concluded",  "noting",     "saying",       "adding",
      "telling",    "asserted",   "believes",   "thinks",     "says:",        "warns",
      "notes",      "insists",    "argues",     "asks",       "replies",      "confirms",
      "announces",  "declares",   "urges"};
  return k;
}

const std::unordered_set<std::string_view>& AbbreviationsEndingSentences() {
  static const std::unordered_set<std::string_view> k = {
      "U.S.", "U.K.", "U.N.",   "Inc.", "Ltd.", "Corp.", "Co.",   "Jr.",   "Sr.",  "a.m.", "p.m.",
      "etc.", "D.C.", "U.A.E.", "A.M.", "P.M.", "al.",   "Bros.", "Dept.", "E.U.", "N.Y.", "L.A."};
  return k;
}

const std::unordered_set<std::string_view>& SentenceOpeners() {
  static const std::unordered_set<std::string_view> k = {
      "the",      "a",       "an",        "he",     "she",     "it",    "they",      "we",
      "i",        "you",     "in",        "on",     "at",      "but",   "and",       "this",
      "that",     "these",   "those",     "there",  "his",     "her",   "their",     "its",
      "our",      "for",     "after",     "as",     "when",    "while", "if",        "some",
      "many",     "most",    "officials", "police", "however", "since", "meanwhile", "according",
      "although", "despite", "during",    "last",   "earlier", "later", "both",      "no",
      "other",    "others",  "one",       "two",    "several", "what",  "why",       "how",
      "so",       "then",    "also",      "before", "until",   "with",  "without",   "by",
      "from",     "to",      "under",     "what",   "who",     "all"};
  return k;
}

namespace {
// Role heads by kind of role. Only membership matters (RoleHeads() is a set), so the grouping is
// for the reader: a new head goes in the list of its kind.
constexpr std::string_view kGovernmentRoles[] = {
    "president",         "president-elect", "minister",      "secretary",
    "governor",          "mayor",           "premier",       "chancellor",
    "treasurer",         "senator",         "lawmaker",      "legislator",
    "representative",    "congressman",     "congresswoman", "councillor",
    "councilor",         "speaker",         "whip",          "candidate",
    "nominee",           "ambassador",      "envoy",         "diplomat",
    "negotiator",        "commissioner",    "administrator", "regulator",
    "auditor",           "registrar",       "magistrate",    "director-general",
    "secretary-general", "official"};
constexpr std::string_view kSpokesRoles[] = {"spokesman", "spokeswoman", "spokesperson"};
constexpr std::string_view kOrganisationRoles[] = {
    "officer",    "director",   "chairman",       "chairwoman", "chair",   "head",
    "leader",     "chief",      "executive",      "ceo",        "manager", "founder",
    "co-founder", "owner",      "partner",        "member",     "fellow",  "coordinator",
    "supervisor", "controller", "superintendent", "principal",  "dean"};
constexpr std::string_view kSecurityRoles[] = {"commander", "general",   "colonel",   "lieutenant",
                                               "sergeant",  "inspector", "constable", "detective"};
constexpr std::string_view kLegalRoles[] = {"lawyer", "attorney", "judge", "prosecutor"};
constexpr std::string_view kExpertRoles[] = {
    "analyst",   "economist", "adviser",    "advisor",    "professor", "researcher", "scientist",
    "historian", "expert",    "consultant", "strategist", "engineer",  "planner",    "architect"};
constexpr std::string_view kMedicalRoles[] = {"physician", "doctor", "nurse", "surgeon"};
constexpr std::string_view kMediaRoles[] = {"editor", "correspondent", "reporter",
                                            "host",   "author",        "writer"};
constexpr std::string_view kClergyRoles[] = {"bishop", "archbishop", "imam", "rabbi", "priest"};
constexpr std::string_view kSportRoles[] = {"coach",      "captain",  "striker", "goalkeeper",
                                            "midfielder", "defender", "winger"};
// Roles of ordinary people a story quotes: "a local farmer said".
constexpr std::string_view kPublicRoles[] = {
    "activist", "campaigner", "organiser", "organizer", "teacher", "pilot",   "trader",
    "farmer",   "shopkeeper", "student",   "driver",    "worker",  "resident"};
}  // namespace

const std::unordered_set<std::string_view>& RoleHeads() {
  static const std::unordered_set<std::string_view> k = [] {
    std::unordered_set<std::string_view> heads;
    auto add = [&heads](const auto& kind) { heads.insert(std::begin(kind), std::end(kind)); };
    add(kGovernmentRoles);
    add(kSpokesRoles);
    add(kOrganisationRoles);
    add(kSecurityRoles);
    add(kLegalRoles);
    add(kExpertRoles);
    add(kMedicalRoles);
    add(kMediaRoles);
    add(kClergyRoles);
    add(kSportRoles);
    add(kPublicRoles);
    return heads;
  }();
  return k;
}

// Role words that never end a role phrase: modifiers ("senior", "foreign", "deputy") and nouns
// the role reader does not take as heads. RoleWords() is these plus RoleHeads(), built once so
// the two lists cannot drift apart.
const std::unordered_set<std::string_view>& RoleWords() {
  static const std::unordered_set<std::string_view> k = [] {
    std::unordered_set<std::string_view> words = RoleHeads();
    for (std::string_view w : {
             "vice",           "prime",        "deputy",
             "assistant",      "senior",       "junior",
             "former",         "acting",       "interim",
             "justice",        "foreign",      "defence",
             "defense",        "finance",      "interior",
             "health",         "trade",        "education",
             "energy",         "environment",  "agriculture",
             "transport",      "labour",       "labor",
             "economy",        "economic",     "military",
             "police",         "regional",     "national",
             "state",          "federal",      "local",
             "provincial",     "municipal",    "city",
             "county",         "district",     "party",
             "opposition",     "top",          "lead",
             "managing",       "technical",    "financial",
             "operating",      "news",         "press",
             "communications", "policy",       "political",
             "security",       "intelligence", "cabinet",
             "union",          "industry",     "company",
             "bank",           "central",      "associate",
             "research",       "soldier",      "monarch",
             "king",           "queen",        "prince",
             "princess",       "pope",         "chief-executive",
             "board",          "staff",        "paramedic",
             "firefighter",    "clerk",        "watchdog",
             "housing",        "tourism",      "oil",
             "infrastructure", "fire",         "climate",
         })
      words.insert(w);
    return words;
  }();
  return k;
}

// Quotes.

const std::unordered_set<std::string_view>& TitleFunctionWords() {
  static const std::unordered_set<std::string_view> k = {"a",  "an",  "the",  "of",   "on",
                                                         "in", "and", "or",   "for",  "to",
                                                         "at", "by",  "with", "from", "vs"};
  return k;
}

const std::unordered_set<std::string_view>& Determiners() {
  static const std::unordered_set<std::string_view> k = {
      "a", "an", "the", "its", "their", "his", "her", "our", "your", "this", "that", "'s"};
  return k;
}

const std::unordered_set<std::string_view>& MentionCues() {
  static const std::unordered_set<std::string_view> k = {
      "like",     "adage",   "proverb", "slogan",    "motto",   "phrase",     "term",      "word",
      "words",    "called",  "dubbed",  "termed",    "titled",  "entitled",   "headlined", "rated",
      "labelled", "labeled", "branded", "nicknamed", "slogans", "catchphrase"};
  return k;
}

// Roles.

const std::unordered_set<std::string_view>& Honorifics() {
  static const std::unordered_set<std::string_view> k = {"Mr", "Mr.", "Mrs",  "Mrs.", "Ms",   "Ms.",
                                                         "Dr", "Dr.", "Miss", "Sir",  "Dame", "Mx"};
  return k;
}

// Figures.

const std::unordered_set<std::string_view>& CasualtyWords() {
  static const std::unordered_set<std::string_view> k = {"injured",  "wounded",  "killed",
                                                         "dead",     "missing",  "displaced",
                                                         "detained", "arrested", "evacuated"};
  return k;
}

const std::unordered_set<std::string_view>& MeasureUnits() {
  static const std::unordered_set<std::string_view> k = {
      "tonnes", "tons",    "kilometres", "kilometers", "km",          "miles",
      "metres", "meters",  "hectares",   "acres",      "barrels",     "litres",
      "liters", "gallons", "kilograms",  "kg",         "centimetres", "millimetres",
      "feet",   "inches",  "megawatts",  "gigawatts",  "degrees"};
  return k;
}

// Places.

const std::unordered_set<std::string_view>& FacilityWords() {
  static const std::unordered_set<std::string_view> k = {
      "Center", "Centre",  "Station", "Tower",    "Mosque",   "Cathedral", "Stadium",
      "Arena",  "Airport", "Square",  "Bridge",   "Palace",   "Complex",   "Facility",
      "Plaza",  "Shelf",   "Park",    "Terminal", "Building", "Castle",    "Harbour"};
  return k;
}

const std::unordered_set<std::string_view>& PlaceNouns() {
  static const std::unordered_set<std::string_view> k = {
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
  return k;
}

const std::unordered_set<std::string_view>& DocumentWords() {
  static const std::unordered_set<std::string_view> k = {
      "Agreement", "Treaty", "Accord", "Accords", "Protocol", "Amendment", "Act"};
  return k;
}

const std::unordered_set<std::string_view>& TreatyWords() {
  static const std::unordered_set<std::string_view> k = {
      "agreement", "treaty", "accord", "accords", "protocol", "amendment", "convention"};
  return k;
}

const std::unordered_set<std::string_view>& InstitutionWords() {
  static const std::unordered_set<std::string_view> k = {"Museum", "Gallery", "Library"};
  return k;
}

const std::unordered_set<std::string_view>& StanceVerbs() {
  static const std::unordered_set<std::string_view> k = {
      "announced",  "announces",  "believes", "insists",  "insisted",   "warned",     "warns",
      "denied",     "denies",     "urged",    "urges",    "accused",    "accuses",    "rejected",
      "rejects",    "condemned",  "condemns", "demanded", "demands",    "threatened", "threatens",
      "vowed",      "pledged",    "refused",  "refuses",  "retaliated", "protested",  "declared",
      "said",       "says",       "claims",   "claimed",  "argues",     "argued",     "responded",
      "criticised", "criticized", "welcomed", "decided",  "imposed",    "ordered",    "recognised",
      "recognized", "expelled",   "summoned", "vetoed"};
  return k;
}

const std::unordered_set<std::string_view>& StanceNouns() {
  static const std::unordered_set<std::string_view> k = {
      "actions",      "action",  "position", "decision", "stance",   "policy",     "response",
      "intervention", "demands", "proposal", "refusal",  "reaction", "objections", "threats"};
  return k;
}

const std::unordered_set<std::string_view>& PlacePrepositions() {
  static const std::unordered_set<std::string_view> k = {
      "in",  "at",   "from",   "to",     "near",    "into",       "across", "of",
      "for", "over", "around", "inside", "outside", "throughout", "via",    "within"};
  return k;
}

const std::unordered_set<std::string_view>& AreaHeads() {
  static const std::unordered_set<std::string_view> k = {
      "Shire",   "County",       "Creek",       "River",  "Valley",    "Province", "District",
      "Region",  "Island",       "Islands",     "Canyon", "Peninsula", "Gulf",     "Strait",
      "Glacier", "Reef",         "Desert",      "Delta",  "Territory", "Heights",  "Prefecture",
      "Oblast",  "Municipality", "Governorate", "Borough"};
  return k;
}

const std::unordered_set<std::string_view>& TemperatureScales() {
  static const std::unordered_set<std::string_view> k = {"Fahrenheit", "Celsius", "Kelvin"};
  return k;
}

const std::unordered_set<std::string_view>& PlaceNamePrefixes() {
  static const std::unordered_set<std::string_view> k = {"New", "North", "South", "East", "West"};
  return k;
}

// Names.

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

const std::unordered_set<std::string_view>& EventWords() {
  static const std::unordered_set<std::string_view> k = {
      "Cup",      "Festival", "Championship", "Championships", "Olympics", "Paralympics", "Games",
      "Carnival", "Jubilee",  "Tournament",   "Expo",          "Marathon", "Grand Prix",  "Open"};
  return k;
}

const std::unordered_set<std::string_view>& SportCues() {
  static const std::unordered_set<std::string_view> k = {
      "match",      "goal",       "goals",    "scored",     "coach",         "penalty", "striker",
      "goalkeeper", "midfielder", "defender", "kick",       "tournament",    "league",  "referee",
      "halftime",   "draw",       "squad",    "semi-final", "quarter-final", "innings", "wicket"};
  return k;
}

const std::unordered_set<std::string_view>& NeverPersonWords() {
  static const std::unordered_set<std::string_view> k = {
      "Cup", "Festival", "Olympics", "Paralympics", "Championships", "Tournament", "Expo"};
  return k;
}

const std::unordered_set<std::string_view>& GenericNameHeads() {
  static const std::unordered_set<std::string_view> k = {
      "Government", "Bank",       "Police",    "News",    "Court", "Council", "Ministry",
      "Department", "Office",     "Company",   "Group",   "Party", "Agency",  "Board",
      "Committee",  "Commission", "Authority", "Service", "Union"};
  return k;
}

const std::unordered_set<std::string_view>& CalendarNames() {
  static const std::unordered_set<std::string_view> k = {
      "January", "February",  "March",    "April",    "June",     "July",
      "August",  "September", "October",  "November", "December", "Monday",
      "Tuesday", "Wednesday", "Thursday", "Friday",   "Saturday", "Sunday"};
  return k;
}

const std::unordered_set<std::string_view>& ProductNames() {
  static const std::unordered_set<std::string_view> k = {"Internet Explorer",
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
  return k;
}

const std::unordered_set<std::string_view>& CraftPrefixes() {
  static const std::unordered_set<std::string_view> k = {"USS", "HMS", "RMS", "HMAS", "HMCS"};
  return k;
}

const std::unordered_set<std::string_view>& PartyNameWords() {
  static const std::unordered_set<std::string_view> k = {
      "Republican", "Democratic", "Labour",      "Conservative", "Liberal",     "Communist",
      "Socialist",  "Green",      "Libertarian", "Reform",       "Nationalist", "Progressive"};
  return k;
}

const std::unordered_set<std::string_view>& NeverNameWords() {
  static const std::unordered_set<std::string_view> k = {
      "Hajj",        "Umrah",     "Ramadan", "Eid",      "Diwali",    "Hanukkah",
      "Passover",    "Christmas", "Easter",  "Lent",     "Halloween", "Thanksgiving",
      "Oktoberfest", "Internet",  "Web",     "Holocaust"};
  return k;
}

}  // namespace wirebrief::nlp::detail
