// Name lists the reader matches against the text: countries (names, demonyms, capitals) with
// their ISO 3166-1 codes, regions and states, cities (ours plus tzdata's zone cities, which the
// model file carries), agencies and institutions, and common given names. The lists are
// features for the tagger and the source of country codes; the tagger decides what is a name.
//
// Thread safety: immutable after construction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlp/detail/text.h"

namespace wirebrief::nlp::detail {

enum class GazKind : uint8_t {
  kNone,
  kCountry,
  kDemonym,
  kCapital,
  kCity,
  kRegion,
  kOrg,
  kFirstName
};

struct GazEntry {
  GazKind kind = GazKind::kNone;
  std::string code;  // ISO 3166-1 alpha-2 for countries, demonyms, capitals, cities, states
};

class Gazetteer {
 public:
  // `cities_tsv`: extra "Name\tCC\n" lines (tzdata's zone cities, stored in the model file).
  explicit Gazetteer(std::string_view cities_tsv = {});

  // Longest phrase starting at token `i` (not past `end`); returns its token count (0 = none)
  // and sets `*entry`. Matching is case-sensitive on the text as written.
  int Match(const std::vector<Token>& toks, size_t i, size_t end, const GazEntry** entry) const;
  bool IsFirstName(std::string_view word) const {
    return first_names_.count(std::string(word)) > 0;
  }
  // English name of an ISO code ("US" -> "United States"), empty when unknown.
  std::string_view CountryName(std::string_view code) const;

 private:
  void Add(std::string_view phrase, GazKind kind, std::string_view code);

  std::unordered_map<std::string, GazEntry> phrases_;
  std::unordered_map<std::string, int> max_tokens_;  // by first token
  std::unordered_map<std::string, int> first_names_;
  std::unordered_map<std::string, std::string> country_names_;
};

}  // namespace wirebrief::nlp::detail
