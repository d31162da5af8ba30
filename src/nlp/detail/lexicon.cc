#include "nlp/detail/lexicon.h"

namespace wirebrief::nlp::detail {

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> k = {
      "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
      "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
      "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
      "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
      "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
      "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
      "our", "ours", "out", "over", "own", "said", "same", "says", "she", "should", "so", "some",
      "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
      "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
      "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
      "you", "your", "told", "according", "added", "new", "one", "two", "last", "first", "since",
      "still", "into", "per", "via", "yet", "however", "may", "might", "must", "us", "s", "t",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "including"};
  return k;
}

const std::unordered_set<std::string_view>& Countries() {
  static const std::unordered_set<std::string_view> k = {
      "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia",
      "Austria", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia",
      "Bosnia", "Botswana", "Brazil", "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chad",
      "Chile", "China", "Colombia", "Congo", "Croatia", "Cuba", "Cyprus", "Czechia",
      "Denmark", "Ecuador", "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Georgia",
      "Germany", "Ghana", "Greece", "Guatemala", "Haiti", "Honduras", "Hungary", "Iceland",
      "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan",
      "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait", "Laos", "Latvia", "Lebanon", "Libya",
      "Lithuania", "Luxembourg", "Madagascar", "Malaysia", "Mali", "Malta", "Mexico", "Moldova",
      "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nepal",
      "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea", "Norway",
      "Oman", "Pakistan", "Panama", "Paraguay", "Peru", "Philippines", "Poland", "Portugal",
      "Qatar", "Romania", "Russia", "Rwanda", "Saudi Arabia", "Senegal", "Serbia", "Singapore",
      "Slovakia", "Slovenia", "Somalia", "South Africa", "South Korea", "Spain", "Sri Lanka",
      "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tanzania", "Thailand", "Tunisia",
      "Turkey", "Türkiye", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
      "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zambia",
      "Zimbabwe", "Britain", "U.S.", "UK", "U.K.", "EU", "European Union"};
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
      "Command", "Corps", "Secretariat", "Tribunal", "Council", "Academy", "League", "Trust"};
  return k;
}

const std::unordered_set<std::string_view>& PlaceWords() {
  static const std::unordered_set<std::string_view> k = {
      "Ridge", "Creek", "River", "Bay", "Street", "Road", "Avenue", "Mountains", "Mountain", "Valley",
      "Island", "Islands", "Lake", "Hills", "Hill", "Coast", "Peninsula", "Harbour", "Harbor", "Sea",
      "Ocean", "Gulf", "Strait", "Province", "Region", "County", "District", "Shire", "Square",
      "Bridge", "Canyon", "Desert", "Plain", "Plains", "Heights", "Falls", "Forest", "Park", "Quay"};
  return k;
}

const std::unordered_set<std::string_view>& PersonTitles() {
  static const std::unordered_set<std::string_view> k = {
      "President", "Minister", "Prime", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Governor",
      "Mayor", "Senator", "Sen", "Rep", "Representative", "Secretary", "Chancellor", "General",
      "Gen", "Colonel", "Col", "Captain", "Capt", "Judge", "Justice", "King", "Queen", "Prince",
      "Princess", "Chief", "Director", "Commissioner", "Ambassador", "Spokesperson",
      "Spokeswoman", "Spokesman", "Chairman", "Chairwoman", "Chair", "CEO", "Inspector",
      "Lieutenant", "Sergeant", "Officer", "Deputy", "Speaker", "Premier", "Councillor",
      "Councilor", "Superintendent", "Admiral", "Pope", "Bishop", "Father", "Sheriff"};
  return k;
}

const std::unordered_set<std::string_view>& Abbreviations() {
  static const std::unordered_set<std::string_view> k = {
      "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gen", "Gov", "Col", "Capt", "Lt",
      "Sgt", "Jr", "Sr", "Inc", "Ltd", "Corp", "Co", "vs", "No", "Jan", "Feb", "Mar", "Apr",
      "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "a.m", "p.m",
      "e.g", "i.e", "etc", "approx", "Mt", "Ft", "Ave", "Blvd"};
  return k;
}

const std::unordered_set<std::string_view>& SpeechVerbs() {
  static const std::unordered_set<std::string_view> k = {
      "said", "says", "told", "added", "stated", "explained", "warned", "noted", "wrote",
      "insisted", "argued", "asked", "replied", "confirmed", "announced", "declared", "urged"};
  return k;
}

}  // namespace wirebrief::nlp::detail
