// The words each language's date grammar reads around month and weekday names (date_grammar.cc),
// for dates_intl.cc. Built once per process; read-only and thread-safe after.
#pragma once

#include <string_view>
#include <unordered_map>

#include "nlp/detail/lang.h"

namespace wirebrief::nlp::detail {

using WordMap = std::unordered_map<std::string_view, int>;

// Units of relative expressions ("vor zwei Wochen", "la semaine dernière").
enum DateUnit : int { kDay = 1, kWeek, kMonth, kYear, kDecade, kWeekend };
// Added to a unit's plural forms ("Wochen", "semaines"), which count ("vor zwei Wochen") but name
// no one period after a modifier ("in den letzten Jahren" is not last year).
inline constexpr int kPlural = 16;

struct Grammar {
  WordMap day_words;     // "heute" 0, "gestern" -1, "übermorgen" 2
  WordMap units;         // "woche" kWeek, "semaines" kWeek
  WordMap before;        // modifier before a unit or weekday: -1 last, +1 next, 0 this
  WordMap after;         // modifier after a unit or weekday ("dernière", "pasado")
  WordMap numbers;       // small number words, and articles meaning one ("zwei", "un")
  WordMap ago_before;    // word before "N units" meaning ago ("vor", "hace", "há")
  WordMap ago_after;     // word after "N units" meaning ago ("atrás", "sedan")
  WordMap month_preps;   // words after which a bare month is a date ("im", "en", "i")
  WordMap parts;         // part of a month or year: 0 early, 1 mid, 2 late ("anfang", "mediados")
  WordMap seasons;       // 0 spring, 1 summer, 2 autumn, 3 winter ("Sommer", "l'été")
  WordMap approx;        // words that may stand before an ago's count ("rund", "près de")
  WordMap future, past;  // tense cues
  WordMap no_tense;      // words a tense ending would misread ("heute", "måste")
  std::string_view future_suffix[5], past_suffix[5];  // verb endings of the tenses
  // What a sentence without tense cues speaks of: German news narrates the past in the
  // preterite or perfect, both marked, and schedules in the present ("reist am Samstag").
  int unmarked_tense = -1;
};

// The grammar of a language other than English.
const Grammar& GrammarOf(Lang lang);

// The value of `w` in `m`, or `otherwise`.
inline int Find(const WordMap& m, std::string_view w, int otherwise) {
  auto it = m.find(w);
  return it == m.end() ? otherwise : it->second;
}

}  // namespace wirebrief::nlp::detail
