// Quote marks and speech words per language. The words and marks come from the author's own
// knowledge of each language's news prose and typography (no list was copied): the verbs a
// reporter uses to attribute a direct quote, in the tenses news uses (past and present, the
// participle after an auxiliary), lower-cased as the reader lowers tokens (ASCII only, so
// accented letters are written lower-case here).
#include "nlp/detail/speech_words.h"

#include <cctype>
#include <string>

namespace wirebrief::nlp::detail {
namespace {

using Words = std::unordered_set<std::string_view>;

// “ ” « » `` '': English's pairs, every opener with every closer, as the reader always read them.
QuoteConventions English() {
  QuoteConventions c;
  for (std::string_view open : {"\xE2\x80\x9C", "\xC2\xAB", "``"})
    for (std::string_view close : {"\xE2\x80\x9D", "\xC2\xBB", "''"})
      c.pairs.push_back({open, close});
  c.any_close_closes = true;
  return c;
}

// German: „…“ (the closer is English's opener), „…” in some outlets, the book style »…«, Swiss
// «…», English-style “…” online, and ‚…‘ for a quote within a quote or a headline.
QuoteConventions German() {
  static const Words kSpeech = {
      "sagte",       "sagt",       "sagten",     "gesagt",     "erklärte",    "erklärt",
      "erklärten",   "betonte",    "betont",     "meinte",     "meint",       "ergänzte",
      "ergänzt",     "fügte",      "warnte",     "warnt",      "kritisierte", "unterstrich",
      "versicherte", "teilte",     "schrieb",    "schreibt",   "fragte",      "antwortete",
      "forderte",    "bestätigte", "verkündete", "erläuterte", "räumte",      "sagen"};
  static const Words kAux = {"hat", "haben", "hatte"};
  static const Words kBreak = {"mit",  "bei", "nach", "in", "auf", "für", "gegenüber", "und",
                               "über", "zu",  "am",   "im", "vor", "vom", "beim",      "zum"};
  static const Words kPronouns = {"er"};  // "sie" is also "they": never resolved
  static const Words kArticles = {"der", "die", "das", "den", "dem"};
  QuoteConventions c;
  c.pairs = {{"\xE2\x80\x9E", "\xE2\x80\x9C"}, {"\xE2\x80\x9E", "\xE2\x80\x9D"},
             {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xC2\xBB", "\xC2\xAB"},
             {"\xC2\xAB", "\xC2\xBB"},         {"\xE2\x80\x9A", "\xE2\x80\x98"}};
  c.speech_words = &kSpeech, c.auxiliaries = &kAux, c.breakers = &kBreak, c.pronouns = &kPronouns;
  c.articles = &kArticles;
  c.after_quote_words = {"so"};
  c.role_endings = {
      "sprecher",  "sprecherin",  "vorsitzende",   "vorsitzender",    "minister", "ministerin",
      "präsident", "präsidentin", "bürgermeister", "bürgermeisterin", "chef",     "chefin",
      "direktor",  "direktorin",  "kanzler",       "kanzlerin",       "leiter",   "leiterin",
      "trainer",   "trainerin",   "abgeordnete",   "abgeordneter",    "experte",  "expertin",
      "anwalt",    "anwältin",    "sprecherinnen"};
  return c;
}

// French: « … » with inner no-break spaces (the tokenizer reads them as spaces), “…” inside
// them or in some outlets; "a déclaré X", "a-t-il dit", "selon X".
QuoteConventions French() {
  static const Words kSpeech = {
      "dit",     "déclaré",  "déclare",  "affirmé", "affirme",  "expliqué", "explique", "ajouté",
      "ajoute",  "souligné", "souligne", "estimé",  "estime",   "indiqué",  "indique",  "précisé",
      "précise", "assuré",   "assure",   "confié",  "confie",   "martelé",  "insisté",  "insiste",
      "annoncé", "répondu",  "répond",   "écrit",   "prévenu",  "averti",   "reconnu",  "reconnaît",
      "lancé",   "raconte",  "raconté",  "selon",   "déclarait"};
  static const Words kAux = {"a", "ont", "avait", "avaient", "aurait"};
  static const Words kBreak = {"à",  "au",   "aux", "avec", "après",  "devant",  "lors", "dans",
                               "et", "pour", "sur", "en",   "depuis", "pendant", "ce"};
  static const Words kPronouns = {"il", "elle", "a-t-il", "a-t-elle"};
  static const Words kArticles = {"le", "la", "les", "l"};
  QuoteConventions c;
  c.pairs = {{"\xC2\xAB", "\xC2\xBB"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}};
  c.speech_words = &kSpeech, c.auxiliaries = &kAux, c.breakers = &kBreak, c.pronouns = &kPronouns;
  c.articles = &kArticles;
  return c;
}

// Spanish: «…» in Spain, “…” in the Americas; "dijo X", "afirmó X", "según X".
QuoteConventions Spanish() {
  static const Words kSpeech = {
      "dijo",    "dice",    "dijeron",   "afirmó",  "afirma",   "declaró",   "declara",
      "explicó", "explica", "señaló",    "señala",  "añadió",   "añade",     "aseguró",
      "asegura", "indicó",  "indica",    "agregó",  "agrega",   "sostuvo",   "advirtió",
      "subrayó", "destacó", "manifestó", "comentó", "precisó",  "insistió",  "respondió",
      "apuntó",  "expresó", "según",     "dicho",   "afirmado", "declarado", "escribió",
      "contó",   "relató"};
  static const Words kAux = {"ha", "han", "había", "habían"};
  static const Words kBreak = {"a",    "al",      "con",   "tras",  "en",   "ante", "y",
                               "para", "durante", "sobre", "desde", "este", "esta"};
  static const Words kPronouns = {"él", "ella"};
  static const Words kArticles = {"el", "la", "los", "las"};
  QuoteConventions c;
  c.pairs = {{"\xC2\xAB", "\xC2\xBB"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}};
  c.speech_words = &kSpeech, c.auxiliaries = &kAux, c.breakers = &kBreak, c.pronouns = &kPronouns;
  c.articles = &kArticles;
  return c;
}

// Portuguese: “…” in Brazil and most of Portugal's press, «…» in Portugal's older style.
QuoteConventions Portuguese() {
  static const Words kSpeech = {"disse",     "diz",      "disseram",  "afirmou",   "afirma",
                                "declarou",  "declara",  "explicou",  "explica",   "acrescentou",
                                "ressaltou", "destacou", "salientou", "garantiu",  "sublinhou",
                                "observou",  "comentou", "respondeu", "afirmaram", "contou",
                                "segundo",   "alertou",  "defendeu",  "admitiu",   "avisou",
                                "escreveu",  "frisou",   "reforçou",  "informou",  "relatou"};
  static const Words kAux = {"tem", "têm", "havia", "tinha"};
  // Not "a": it is the article as often as the preposition ("a deputada Helena Vieira").
  static const Words kBreak = {"ao", "à",    "com",     "após",  "em",    "no",    "na",
                               "e",  "para", "durante", "sobre", "desde", "nesta", "neste"};
  static const Words kPronouns = {"ele", "ela"};
  static const Words kArticles = {"o", "a", "os", "as"};
  QuoteConventions c;
  c.pairs = {{"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xC2\xAB", "\xC2\xBB"}};
  c.speech_words = &kSpeech, c.auxiliaries = &kAux, c.breakers = &kBreak, c.pronouns = &kPronouns;
  c.articles = &kArticles;
  return c;
}

// Swedish: ”…” with the same mark on both sides, »…» likewise, “…” in some online text.
QuoteConventions Swedish() {
  static const Words kSpeech = {
      "sade",      "sa",         "säger",       "sagt",         "berättar",  "berättade",
      "förklarar", "förklarade", "skriver",     "skrev",        "menar",     "menade",
      "betonar",   "betonade",   "konstaterar", "konstaterade", "tillägger", "tillade",
      "uppger",    "uppgav",     "enligt",      "svarar",       "svarade",   "varnar",
      "varnade",   "framhåller", "framhöll",    "meddelar",     "meddelade"};
  static const Words kAux = {"har", "hade"};
  static const Words kBreak = {"till", "med", "efter", "i",  "på",    "och",
                               "för",  "vid", "under", "om", "inför", "hos"};
  static const Words kPronouns = {"han", "hon"};
  static const Words kArticles = {};
  QuoteConventions c;
  c.pairs = {
      {"\xE2\x80\x9D", "\xE2\x80\x9D"}, {"\xC2\xBB", "\xC2\xBB"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}};
  c.speech_words = &kSpeech, c.auxiliaries = &kAux, c.breakers = &kBreak, c.pronouns = &kPronouns;
  c.articles = &kArticles;
  return c;
}

// Chinese and Japanese: 「…」 and 『…』 (Taiwan, Hong Kong, Japan), “…” (mainland China). The
// verbs sit inside the tokens around the quote (他表示, 」と述べた).
QuoteConventions ChineseOrJapanese(bool japanese) {
  static const Words kNone = {};
  QuoteConventions c;
  c.pairs = {{"\xE3\x80\x8C", "\xE3\x80\x8D"},
             {"\xE3\x80\x8E", "\xE3\x80\x8F"},
             {"\xE2\x80\x9C", "\xE2\x80\x9D"}};
  c.speech_words = &kNone;
  if (japanese) {
    c.inner_speech_words = {"述べ", "語った", "語る", "話した", "明らかにした", "強調",
                            "言う", "言った", "説明", "指摘",   "と話す"};
  } else {
    // Simplified and traditional forms; the one-character verbs (说 "say", 称 "state") only
    // as a token's ending, since inside words they mean other things (说明, 名称).
    c.inner_speech_words = {"表示", "指出", "强调", "強調", "透露", "说道", "說道",
                            "宣布", "宣佈", "回应", "回應", "坦言", "告诉", "告訴",
                            "写道", "寫道", "说",   "說",   "称",   "稱"};
    c.inner_not_speech = {"小说", "小說", "据说", "據說", "听说", "聽說", "传说",
                          "傳說", "名称", "名稱", "简称", "簡稱", "俗称", "俗稱"};
  }
  return c;
}

}  // namespace

const QuoteConventions& QuoteConventionsFor(std::string_view language) {
  static const QuoteConventions kEnglish = English();
  // Most documents are English or unknown: no other language's tables are built or compared.
  if (language.empty()) return kEnglish;
  auto foreign = [](QuoteConventions c) {
    c.english = false;
    return c;
  };
  static const QuoteConventions kGerman = foreign(German());
  static const QuoteConventions kFrench = foreign(French());
  static const QuoteConventions kSpanish = foreign(Spanish());
  static const QuoteConventions kPortuguese = foreign(Portuguese());
  static const QuoteConventions kSwedish = foreign(Swedish());
  static const QuoteConventions kChinese = foreign(ChineseOrJapanese(false));
  static const QuoteConventions kJapanese = foreign(ChineseOrJapanese(true));
  std::string code;
  for (char ch : language) {
    if (ch == '-' || ch == '_') break;
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (code == "de") return kGerman;
  if (code == "fr") return kFrench;
  if (code == "es") return kSpanish;
  if (code == "pt") return kPortuguese;
  if (code == "sv") return kSwedish;
  if (code == "zh") return kChinese;
  if (code == "ja") return kJapanese;
  return kEnglish;
}

}  // namespace wirebrief::nlp::detail
