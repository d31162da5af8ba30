// The name rules about places: facilities, towns named like the document's organisations,
// countries that act as their governments, lists of places, and place names split by the tagger.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/name_rules.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {

// Buildings and sites are places, as both kits annotate them: a name headed by a facility word
// ("Kennedy Space Center", "Convention Centre", "Grand Mosque") is LOC even
// when the tagger or the organisation-word rule called it an organisation.
void RelabelFacilities(Doc* doc) {
  Doc& d = *doc;
  size_t n = d.size();
  ForEachName(&d, kBOrg, [&](size_t i, size_t j) {
    size_t head = j - 1;
    for (size_t k = i + 1; k + 1 < j; ++k)
      if (d.low(k) == "of") {
        head = k - 1;
        break;
      }
    if (FacilityWords().count(d.tok(head).text)) Relabel(&d, i, j, kBLoc);
  });
  // "Tallis Rail", "Kawada Steel": a place name the lists do not know that ends in a common noun
  // which names no kind of place is a company's.
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    const GazEntry* g = nullptr;
    if (j - i >= 2 && d.tok(j - 1).Is(kUpper) && d.model->InVocab(d.low(j - 1)) &&
        !PlaceNouns().count(d.low(j - 1)) &&
        d.model->gazetteer().Match(d.tag.tokens, i, j, &g) != static_cast<int>(j - i))
      Relabel(&d, i, j, kBOrg);
  });
  // Treaties and laws ("Paris Agreement", "Clean Air Act") are neither places nor organisations.
  ForEachName(&d, kO, [&](size_t i, size_t j) {
    if (j - i >= 2 && DocumentWords().count(d.tok(j - 1).text))
      for (size_t k = i; k < j; ++k) d.labels[k] = kO;
  });
  // "the Kigali Amendment", "the Paris agreement": a place named before a treaty word names the
  // treaty, not the place.
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    if (j < n && d.sentence_of[j] == d.sentence_of[i] && TreatyWords().count(d.low(j)))
      for (size_t k = i; k < j; ++k) d.labels[k] = kO;
  });
  // Museums, galleries and libraries act as institutions in news ("the museum said", the
  // stakeholders of a story): organisations.
  ForEachName(&d, kBLoc, [&](size_t i, size_t j) {
    if (j - i >= 2 && InstitutionWords().count(d.tok(j - 1).text)) Relabel(&d, i, j, kBOrg);
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

// A country or city that speaks or takes a stand acts as its government: "Russia announced",
// "Beijing believes", "Australia's position" name an organisation (UNER's reading; GUM has no
// such case in its news). A place after a place preposition ("trips to Russia") stays a place.
void RelabelActingPlaces(Doc* doc) {
  Doc& d = *doc;
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
    if (b > 0 && d.sentence_of[b - 1] == d.sentence_of[i] &&
        PlacePrepositions().count(d.low(b - 1)))
      return;
    bool acts = StanceVerbs().count(d.low(j)) > 0 ||
                (IsPossessive(d.tok(j).text) && j + 1 < n && StanceNouns().count(d.low(j + 1)));
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
    if (j >= n || d.sentence_of[j] != d.sentence_of[i] || !StanceVerbs().count(d.low(j)) ||
        gaz.Match(d.tag.tokens, i, j, &g) != static_cast<int>(j - i) ||
        (g->kind != GazKind::kCountry && g->kind != GazKind::kCapital))
      return;
    if (i > 0 && d.sentence_of[i - 1] == d.sentence_of[i] && IsTitleToken(d, i - 1)) return;
    for (size_t k = i; k < j; ++k)
      if (person_parts.count(d.tok(k).text) || gaz.IsFirstName(d.tok(k).text)) return;
    Relabel(&d, i, j, kBOrg);
  });
}

// "Wendale Shire", "Marrick Creek": a name that ends in a word for a kind of administrative area
// or natural feature is a place even when the tagger reads it as a person (surname-like first
// word before a capital). Only words that are rarely surnames ("Hill", "Wood", "Green" are not
// here). A temperature scale after a number ("106 Fahrenheit") is a unit, not a person.
void RelabelPlaceHeadedPersons(Doc* doc) {
  Doc& d = *doc;
  ForEachName(&d, kBPer, [&](size_t i, size_t j) {
    if (j - i >= 2 && AreaHeads().count(d.tok(j - 1).text))
      Relabel(&d, i, j, kBLoc);
    else if (j - i == 1 && TemperatureScales().count(d.tok(i).text))
      d.labels[i] = kO;
  });
}

// "New South Wales declared...": at a sentence start the tagger cannot tell "New" or a compass
// word from an ordinary capitalised opener, so it names only "South Wales". Such a word right
// before a place name at the start of a sentence is the first word of that name.
void JoinSentenceInitialPlacePrefix(Doc* doc) {
  Doc& d = *doc;
  for (const SentenceRange& s : d.tag.sentences) {
    size_t i = s.first;
    if (i + 1 < s.last && d.labels[i] == kO && PlaceNamePrefixes().count(d.tok(i).text) &&
        d.labels[i + 1] == kBLoc) {
      d.labels[i] = kBLoc;
      d.labels[i + 1] = kILoc;
    }
  }
}

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

}  // namespace wirebrief::nlp::detail
