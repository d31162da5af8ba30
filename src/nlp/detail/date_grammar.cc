// The date grammar words of German, French, Spanish, Portuguese and Swedish (issue 27), typed
// from the author's knowledge of each language: the words a news text puts around a date
// ("vor", "il y a", "hace", "i tisdags"), not a dictionary. Month and weekday names are ICU's
// (lang.h), not listed here.
#include "nlp/detail/date_grammar.h"

namespace wirebrief::nlp::detail {
namespace {
Grammar German() {
  Grammar g;
  g.day_words = {
      {"heute", 0}, {"gestern", -1}, {"morgen", 1}, {"vorgestern", -2}, {"übermorgen", 2}};
  g.units = {{"tag", kDay},
             {"tagen", kDay | kPlural},
             {"tage", kDay | kPlural},
             {"woche", kWeek},
             {"wochen", kWeek | kPlural},
             {"monat", kMonth},
             {"monaten", kMonth | kPlural},
             {"monate", kMonth | kPlural},
             {"monats", kMonth},
             {"jahr", kYear},
             {"jahren", kYear | kPlural},
             {"jahre", kYear | kPlural},
             {"jahres", kYear},
             {"jahrzehnt", kDecade},
             {"jahrzehnten", kDecade | kPlural},
             {"wochenende", kWeekend}};
  for (std::string_view w :
       {"letzte", "letzten", "letzter", "letztes", "vergangene", "vergangenen", "vergangener",
        "vergangenes", "vorige", "vorigen", "voriger", "voriges"})
    g.before[w] = -1;
  for (std::string_view w : {"nächste", "nächsten", "nächster", "nächstes", "kommende", "kommenden",
                             "kommender", "kommendes"})
    g.before[w] = 1;
  for (std::string_view w : {"diese", "diesen", "dieser", "dieses"}) g.before[w] = 0;
  g.numbers = {{"ein", 1},  {"einem", 1}, {"einer", 1}, {"eine", 1},  {"zwei", 2},
               {"drei", 3}, {"vier", 4},  {"fünf", 5},  {"sechs", 6}, {"sieben", 7},
               {"acht", 8}, {"neun", 9},  {"zehn", 10}, {"elf", 11},  {"zwölf", 12}};
  g.ago_before = {{"vor", 1}};
  g.month_preps = {{"im", 1}, {"seit", 1}, {"bis", 1}, {"ab", 1}, {"von", 1}, {"vom", 1}};
  g.parts = {{"anfang", 0}, {"mitte", 1}, {"ende", 2}};
  for (std::string_view w : {"wird", "werden", "wirst", "soll", "sollen", "sollte", "geplant",
                             "bevorstehenden", "künftig", "ab", "bis", "voraussichtlich"})
    g.future[w] = 1;
  for (std::string_view w :
       {"hat", "haben", "hatte", "hatten", "war", "waren", "wurde", "wurden", "sagte", "sagten",
        "erklärte", "teilte", "trafen", "traf", "fand", "begann", "kam"})
    g.past[w] = 1;
  // Weak preterites ("stimmte", "demonstrierten"); participles are read in Cue (dates_intl.cc).
  g.past_suffix[0] = "te";
  g.past_suffix[1] = "ten";
  // Superlatives and ordinals end alike: "letzte", "ersten", "nächste".
  g.no_tense = {{"heute", 0}, {"zweite", 0}, {"zweiten", 0}, {"dritte", 0}, {"dritten", 0},
                {"mitte", 0}, {"gute", 0},   {"guten", 0},   {"weiten", 0}};
  g.seasons = {{"frühling", 0}, {"frühjahr", 0}, {"sommer", 1}, {"herbst", 2}, {"winter", 3}};
  g.approx = {{"rund", 1}, {"etwa", 1}, {"knapp", 1}, {"fast", 1},    {"gut", 1},
              {"über", 1}, {"mehr", 1}, {"als", 1},   {"ungefähr", 1}};
  g.unmarked_tense = 1;
  return g;
}

Grammar French() {
  Grammar g;
  g.day_words = {{"aujourd'hui", 0}, {"aujourd\xE2\x80\x99hui", 0},
                 {"hier", -1},       {"demain", 1},
                 {"avant-hier", -2}, {"après-demain", 2}};
  g.units = {{"jour", kDay},
             {"jours", kDay | kPlural},
             {"semaine", kWeek},
             {"semaines", kWeek | kPlural},
             {"mois", kMonth},
             {"an", kYear},
             {"ans", kYear | kPlural},
             {"année", kYear},
             {"années", kYear | kPlural},
             {"décennie", kDecade},
             {"décennies", kDecade | kPlural},
             {"week-end", kWeekend}};
  for (std::string_view w : {"ce", "cet", "cette"}) g.before[w] = 0;
  for (std::string_view w : {"prochain", "prochaine"}) g.before[w] = 1, g.after[w] = 1;
  for (std::string_view w : {"dernier", "dernière", "passé", "passée"}) g.after[w] = -1;
  g.numbers = {{"un", 1},   {"une", 1},   {"deux", 2},  {"trois", 3}, {"quatre", 4},
               {"cinq", 5}, {"six", 6},   {"sept", 7},  {"huit", 8},  {"neuf", 9},
               {"dix", 10}, {"onze", 11}, {"douze", 12}};
  g.month_preps = {{"en", 1}, {"depuis", 1}, {"jusqu'en", 1}, {"dès", 1}, {"d'ici", 1}};
  g.parts = {{"début", 0}, {"mi", 1}, {"fin", 2}};
  for (std::string_view w :
       {"va", "vont", "sera", "seront", "aura", "auront", "prévu", "prévue", "prévues", "prévus",
        "doit", "doivent", "devra", "devront", "dès", "jusqu'à", "prochain", "prochaine"})
    g.future[w] = 1;
  for (std::string_view w :
       {"a", "ont", "avait", "avaient", "était", "étaient", "fut", "dernier", "dernière"})
    g.past[w] = 1;
  // Simple future ("votera", "se réuniront").
  g.future_suffix[0] = "ra";
  g.future_suffix[1] = "ront";
  // "été" is also the participle of "être": a season only as "l'été" or before a year.
  g.seasons = {{"printemps", 0}, {"été", 1}, {"automne", 2}, {"hiver", 3}};
  g.approx = {{"près", 1}, {"de", 1}, {"d'environ", 1}, {"environ", 1}, {"plus", 1}};
  return g;
}

Grammar Spanish() {
  Grammar g;
  g.day_words = {{"hoy", 0}, {"ayer", -1}, {"mañana", 1}, {"anteayer", -2}};
  g.units = {{"día", kDay},       {"días", kDay | kPlural},
             {"semana", kWeek},   {"semanas", kWeek | kPlural},
             {"mes", kMonth},     {"meses", kMonth | kPlural},
             {"año", kYear},      {"años", kYear | kPlural},
             {"década", kDecade}, {"décadas", kDecade | kPlural}};
  for (std::string_view w : {"este", "esta"}) g.before[w] = 0;
  for (std::string_view w : {"próximo", "próxima"}) g.before[w] = 1, g.after[w] = 1;
  for (std::string_view w : {"pasado", "pasada"}) g.after[w] = -1, g.before[w] = -1;
  g.numbers = {{"un", 1},     {"una", 1},   {"uno", 1},   {"dos", 2},   {"tres", 3},
               {"cuatro", 4}, {"cinco", 5}, {"seis", 6},  {"siete", 7}, {"ocho", 8},
               {"nueve", 9},  {"diez", 10}, {"once", 11}, {"doce", 12}};
  g.ago_before = {{"hace", 1}};
  g.month_preps = {{"en", 1}, {"desde", 1}, {"hasta", 1}};
  g.parts = {{"principios", 0}, {"inicios", 0}, {"mediados", 1}, {"finales", 2}, {"fines", 2}};
  for (std::string_view w : {"será", "serán", "va", "van", "prevé", "previsto", "prevista",
                             "deberá", "deberán", "próximo", "próxima", "hasta"})
    g.future[w] = 1;
  for (std::string_view w :
       {"fue", "fueron", "ha", "han", "había", "habían", "dijo", "pasado", "pasada"})
    g.past[w] = 1;
  g.future_suffix[0] = "rá";
  g.future_suffix[1] = "rán";
  g.past_suffix[0] = "ó";
  g.past_suffix[1] = "aron";
  g.past_suffix[2] = "ieron";
  // Strong preterites: "detuvo", "hizo", "hubo".
  g.past_suffix[3] = "uvo";
  g.past_suffix[4] = "izo";
  g.seasons = {{"primavera", 0}, {"verano", 1}, {"otoño", 2}, {"invierno", 3}};
  g.approx = {{"unos", 1}, {"unas", 1}, {"casi", 1}, {"más", 1}, {"de", 1}, {"cerca", 1}};
  return g;
}

Grammar Portuguese() {
  Grammar g;
  g.day_words = {{"hoje", 0}, {"ontem", -1}, {"amanhã", 1}, {"anteontem", -2}};
  g.units = {{"dia", kDay},       {"dias", kDay | kPlural},
             {"semana", kWeek},   {"semanas", kWeek | kPlural},
             {"mês", kMonth},     {"meses", kMonth | kPlural},
             {"ano", kYear},      {"anos", kYear | kPlural},
             {"década", kDecade}, {"décadas", kDecade | kPlural}};
  for (std::string_view w : {"este", "esta", "neste", "nesta"}) g.before[w] = 0;
  for (std::string_view w : {"próximo", "próxima"}) g.before[w] = 1, g.after[w] = 1;
  for (std::string_view w : {"passado", "passada"}) g.after[w] = -1, g.before[w] = -1;
  g.numbers = {{"um", 1},     {"uma", 1},   {"dois", 2},  {"duas", 2}, {"três", 3},
               {"quatro", 4}, {"cinco", 5}, {"seis", 6},  {"sete", 7}, {"oito", 8},
               {"nove", 9},   {"dez", 10},  {"onze", 11}, {"doze", 12}};
  g.ago_before = {{"há", 1}};
  g.ago_after = {{"atrás", 1}};
  g.month_preps = {{"em", 1}, {"desde", 1}, {"até", 1}};
  g.parts = {{"início", 0}, {"inícios", 0}, {"meados", 1}, {"fim", 2}, {"final", 2}, {"fins", 2}};
  for (std::string_view w : {"será", "serão", "vai", "vão", "deve", "devem", "deverá", "prevista",
                             "previsto", "próximo", "próxima", "até"})
    g.future[w] = 1;
  for (std::string_view w : {"foi", "foram", "tinha", "havia", "disse", "passado", "passada"})
    g.past[w] = 1;
  g.future_suffix[0] = "rá";
  g.future_suffix[1] = "rão";
  g.past_suffix[0] = "ou";
  g.past_suffix[1] = "aram";
  g.past_suffix[2] = "eram";
  // Preterites of -er and -ir verbs: "prendeu", "partiu".
  g.past_suffix[3] = "eu";
  g.past_suffix[4] = "iu";
  g.seasons = {{"primavera", 0}, {"verão", 1}, {"outono", 2}, {"inverno", 3}};
  g.approx = {{"cerca", 1}, {"de", 1}, {"quase", 1}, {"mais", 1}};
  return g;
}

Grammar Swedish() {
  Grammar g;
  g.day_words = {{"idag", 0}, {"igår", -1}, {"imorgon", 1}, {"imorse", 0}};
  g.units = {{"dag", kDay},
             {"dagar", kDay | kPlural},
             {"vecka", kWeek},
             {"veckor", kWeek | kPlural},
             {"veckan", kWeek},
             {"månad", kMonth},
             {"månader", kMonth | kPlural},
             {"månaden", kMonth},
             {"år", kYear},
             {"året", kYear},
             {"decennium", kDecade},
             {"decennier", kDecade | kPlural},
             {"helgen", kWeekend}};
  for (std::string_view w : {"förra", "förrförra"}) g.before[w] = -1;
  g.before["förrförra"] = -2;
  for (std::string_view w : {"nästa", "kommande"}) g.before[w] = 1;
  for (std::string_view w : {"denna", "detta", "här"}) g.before[w] = 0;
  g.numbers = {{"en", 1},   {"ett", 1},   {"två", 2},  {"tre", 3},  {"fyra", 4},
               {"fem", 5},  {"sex", 6},   {"sju", 7},  {"åtta", 8}, {"nio", 9},
               {"tio", 10}, {"elva", 11}, {"tolv", 12}};
  g.ago_before = {{"för", 1}};
  g.ago_after = {{"sedan", 1}, {"sen", 1}};
  g.month_preps = {{"i", 1}, {"sedan", 1}, {"till", 1}, {"från", 1}};
  g.parts = {{"början", 0}, {"mitten", 1}, {"slutet", 2}};
  for (std::string_view w :
       {"ska", "skall", "kommer", "planerad", "planerat", "nästa", "från", "till"})
    g.future[w] = 1;
  for (std::string_view w : {"var", "hade", "sa", "sade", "förra", "blev"}) g.past[w] = 1;
  g.past_suffix[0] = "ade";
  g.past_suffix[1] = "ades";
  g.past_suffix[2] = "de";  // "stängde", "byggde"
  g.past_suffix[3] = "te";  // "köpte", "körde"
  // Present participles ("kommande") and "måste" end alike.
  g.no_tense = {{"måste", 0}, {"kommande", 0}, {"pågående", 0}, {"gällande", 0}};
  g.seasons = {{"våren", 0},  {"vår", 0},  {"sommaren", 1}, {"sommar", 1},
               {"hösten", 2}, {"höst", 2}, {"vintern", 3},  {"vinter", 3}};
  g.approx = {{"omkring", 1}, {"drygt", 1}, {"nästan", 1}, {"cirka", 1}, {"över", 1}};
  return g;
}

}  // namespace

const Grammar& GrammarOf(Lang lang) {
  static const Grammar kDe = German(), kFr = French(), kEs = Spanish(), kPt = Portuguese(),
                       kSv = Swedish();
  switch (lang) {
    case Lang::kDe:
      return kDe;
    case Lang::kFr:
      return kFr;
    case Lang::kEs:
      return kEs;
    case Lang::kPt:
      return kPt;
    default:
      return kSv;
  }
}

}  // namespace wirebrief::nlp::detail
