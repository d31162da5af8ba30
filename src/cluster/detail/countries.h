// Country names in many languages, as ISO 3166-1 alpha-2 codes: a term that articles about one
// event share whatever language they are written in ("Vereinigte Staaten", "Estados Unidos",
// "USA" and "美國" are all US).
//
// The names are ICU's localised region display names (CLDR data, packaged with libicu), standard
// and short forms, in the display languages of kDisplayLocales; a name that two regions share in
// different languages is dropped as ambiguous. Demonyms and inflected forms are not known
// ("amerikanischen"), except a trailing genitive "s" ("Deutschlands", "Kinas").
// Thread safety: the table is built once, on first use (a function-local static), then read
// only; every function is reentrant. Never fails: without ICU data the table is empty.
#pragma once

#include <string_view>

namespace wirebrief::cluster::detail {

// The alpha-2 code (upper case) of the region named exactly `name` as written (words separated
// by one space, as the clusterer's tokens are joined), else an empty view.
std::string_view CountryCodeOf(std::string_view name);

// The longest country name that starts at byte `begin` of `cjk_run` (text in a script without
// spaces), as its code, and the name's length in bytes in `*length`; empty when none starts
// there.
std::string_view CountryCodeAt(std::string_view cjk_run, size_t begin, size_t* length);

// The most words a name spans (for the caller's window over tokens).
size_t MaxCountryNameWords();

}  // namespace wirebrief::cluster::detail
