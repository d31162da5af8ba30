// Direct quotes: curly and straight marks, nested single quotes, quotes running over paragraphs
// (a paragraph left open and the next opening again), with the speaker from the attribution
// around the quote. Pronoun and nominal speakers ("he said", "the official said") resolve only
// when exactly one candidate fits; otherwise the speaker stays empty.
// Marks and speech words follow the document's language (speech_words.h: German „…“, French
// « … », Swedish ”…”, 「…」, "sagte", "a déclaré", "表示"); "" and languages without an entry read
// as English, exactly as before languages were known.
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/text.h"
#include "nlp/detail/lexicon.h"
#include "nlp/detail/parts.h"
#include "nlp/detail/speech_words.h"

namespace wirebrief::nlp::detail {
namespace {

// The document's marks: an opener or a closer of one of its language's pairs.
bool IsOpener(const QuoteConventions& c, std::string_view t) {
  for (const auto& [open, close] : c.pairs)
    if (t == open) return true;
  return false;
}
bool IsCloser(const QuoteConventions& c, std::string_view t) {
  for (const auto& [open, close] : c.pairs)
    if (t == close) return true;
  return false;
}
// Whether `t` closes the quote opened by `open_mark`.
bool Closes(const QuoteConventions& c, std::string_view open_mark, std::string_view t) {
  if (c.any_close_closes) return IsCloser(c, t);
  for (const auto& [open, close] : c.pairs)
    if (open == open_mark && t == close) return true;
  return false;
}

// Whether token k reports speech in the document's language.
bool IsSpeech(const Doc& d, const QuoteConventions& c, size_t k) {
  if (c.english) return SpeechVerbs().count(d.low(k)) > 0;
  const std::string& w = d.low(k);
  if (c.speech_words->count(w)) return true;
  size_t hyphen = w.find('-');  // French inversion: "dit-il", "affirme-t-elle"
  if (hyphen != std::string::npos && c.speech_words->count(std::string_view(w).substr(0, hyphen)))
    return true;
  // Han and kana tokens carry no letter flag (no case): anything but punctuation is a word.
  if (c.inner_speech_words.empty() || d.tok(k).Is(kPunct)) return false;
  std::string_view t = d.tok(k).text;
  // The tokenizer keeps a full-width colon ("表示：") with the word before it.
  while (t.ends_with("\xEF\xBC\x9A") || t.ends_with("\xEF\xBC\x8C")) t.remove_suffix(3);
  for (std::string_view v : c.inner_speech_words) {
    const bool one_character = v.size() <= 3;
    if (!one_character) {
      if (t.find(v) != std::string_view::npos) return true;
      continue;
    }
    if (t.size() <= v.size() || !t.ends_with(v)) continue;  // a name or pronoun before it
    bool other_word = false;
    for (std::string_view other : c.inner_not_speech) other_word |= t.ends_with(other);
    if (!other_word) return true;
  }
  return false;
}

// A third-person pronoun of the language, alone or after a hyphen ("a-t-il", "dit-elle").
bool IsPronoun(const QuoteConventions& c, const std::string& w) {
  if (c.pronouns == nullptr) return false;
  if (c.pronouns->count(w)) return true;
  size_t hyphen = w.rfind('-');
  return hyphen != std::string::npos && c.pronouns->count(std::string_view(w).substr(hyphen + 1));
}

struct Pair {
  size_t open, close;  // token indices of the marks
};

// The English-trained tagger's person runs outside English can start with words that are no part
// of the name ("Selon Hugo Bernard", "Die Sprecherin Nina Feld", "HWU-Vorsitzende Henk
// Brüggemann"): the speaker's name drops them, keeping at least the last token.
std::string SpeakerName(const Doc& d, const core::Mention& m, core::CharSpan* span) {
  const QuoteConventions& c = QuoteConventionsFor(d.language);
  if (c.english) return m.name;
  auto it = std::lower_bound(d.tag.tokens.begin(), d.tag.tokens.end(), m.span.begin,
                             [](const Token& t, uint32_t b) { return t.begin < b; });
  size_t first = it - d.tag.tokens.begin(), keep = first;
  auto leads = [&](size_t k) {
    const std::string& w = d.low(k);
    if (IsSpeech(d, c, k) || (c.articles != nullptr && c.articles->count(w))) return true;
    for (std::string_view role : c.role_endings)
      if (std::string_view(w).ends_with(role)) return true;
    return false;
  };
  while (keep + 1 < d.size() && d.tok(keep + 1).end <= m.span.end && leads(keep)) ++keep;
  if (keep == first || keep >= d.size()) return m.name;
  std::string_view prefix = d.Span(m.span.begin, d.tok(keep).begin);
  if (span != nullptr) span->begin = d.tok(keep).begin;
  if (m.name.starts_with(prefix)) return m.name.substr(prefix.size());
  return std::string(d.Span(d.tok(keep).begin, m.span.end));
}

// Speech someone would, could or might give ("he would say, "...", "let me say, "..."") is
// imagined, not reported.
bool Hypothetical(const Doc& d, size_t sentence_first, size_t open) {
  size_t from = open > sentence_first + 8 ? open - 8 : sentence_first;
  for (size_t k = from; k < open; ++k) {
    if (!IsSpeech(d, QuoteConventionsFor(d.language), k)) continue;
    for (size_t back = 1; back <= 2 && back <= k; ++back) {
      const std::string& w = d.low(k - back);
      if (w == "would" || w == "could" || w == "might" || w == "should" || w == "'d") return true;
      if (w == "me" && k >= back + 1 && d.low(k - back - 1) == "let") return true;
    }
  }
  return false;
}

// Pull quotes and statements set off without marks: a paragraph of speech whose last line names
// the speaker ("... the whole way. — Rick Santorum", "... in mind. Charles Bolden, NASA
// Administrator"). The attribution is a person's name, optionally after a dash and before a
// comma and a capitalised title, closing the paragraph without a full stop. A later sentence
// repeating such a quote word for word is the same quote.
void ReadPullQuotes(const Doc& d, const std::vector<core::Mention>& mentions,
                    std::vector<core::Quote>* out, std::vector<core::QuoteDetail>* details) {
  size_t n = d.size();
  const size_t kMaxAttributionTokens = 12;
  const size_t kMinWords = 6;
  std::vector<std::pair<core::Quote, core::QuoteDetail>> found;
  const QuoteConventions& c = QuoteConventionsFor(d.language);
  for (size_t first = 0; first < n;) {
    size_t last = first + 1;  // paragraph [first, last)
    while (last < n && !d.tok(last).Is(kParaStart)) ++last;
    size_t para_first = first;
    first = last;
    const std::string_view end_text = d.tok(last - 1).text;
    if (end_text == "." || end_text == "!" || end_text == "?" || end_text == ":") continue;
    bool marks = false;
    for (size_t k = para_first; k < last; ++k)
      marks |= IsOpener(c, d.tok(k).text) || IsCloser(c, d.tok(k).text) || d.tok(k).text == "\"";
    if (marks) continue;
    size_t stop = last;  // the final sentence end before the attribution
    while (stop > para_first && d.tok(stop - 1).text != "." && d.tok(stop - 1).text != "!" &&
           d.tok(stop - 1).text != "?")
      --stop;
    if (stop <= para_first || last - stop > kMaxAttributionTokens) continue;
    size_t name = stop;
    std::string_view dash = d.tok(name).text;
    if (dash == "-" || dash == "--" || dash == "\xE2\x80\x94" || dash == "\xE2\x80\x93") ++name;
    if (name >= last) continue;
    int mi = MentionAt(mentions, d.tok(name).begin);
    if (mi < 0 || mentions[mi].type != core::EntityType::kPerson ||
        mentions[mi].span.begin != d.tok(name).begin)
      continue;
    bool all_capitalised = true;  // a title line, not a sentence: "NASA Administrator"
    for (size_t k = name; k < last; ++k)
      all_capitalised &= !d.tok(k).Is(kLower) || d.low(k) == "of" || d.low(k) == "and";
    size_t words = 0;
    for (size_t k = para_first; k < stop; ++k) words += d.tok(k).Is(kAlpha);
    if (!all_capitalised || words < kMinWords) continue;
    core::Quote q;
    q.span = {d.tok(para_first).begin, d.tok(stop - 1).end};
    q.speaker = mentions[mi].name;
    core::QuoteDetail det;
    det.speaker = mentions[mi].span;
    found.push_back({q, det});
  }
  // A statement set off as its own paragraph after an introducing one ("the Church denied these
  // allegations:"): its sentences up to the first that reports speech again ("They also
  // claimed ...").
  for (size_t first = 0; first < n;) {
    size_t last = first + 1;
    while (last < n && !d.tok(last).Is(kParaStart)) ++last;
    size_t intro_first = first;
    first = last;
    if (last >= n || d.tok(last - 1).text != ":") continue;
    bool speech = false;
    for (size_t k = d.tag.sentences[d.sentence_of[last - 1]].first; k < last; ++k)
      speech |= IsSpeech(d, c, k);
    if (!speech || last - intro_first < 3) continue;
    size_t next_last = last + 1;
    bool marks = false;
    for (; next_last < n && !d.tok(next_last).Is(kParaStart); ++next_last)
      marks |= IsOpener(c, d.tok(next_last).text) || d.tok(next_last).text == "\"";
    if (marks || IsOpener(c, d.tok(last).text) || d.tok(last).text == "\"") continue;
    size_t stop = last;
    for (size_t s = d.sentence_of[last]; s < d.tag.sentences.size(); ++s) {
      const SentenceRange& r = d.tag.sentences[s];
      if (r.first >= next_last) break;
      bool reports = false;
      for (size_t k = r.first; k < r.last; ++k) reports |= IsSpeech(d, c, k);
      if (reports && stop > last) break;  // the statement's first sentence always belongs
      stop = r.last;
    }
    size_t words = 0;
    for (size_t k = last; k < stop; ++k) words += d.tok(k).Is(kAlpha);
    if (words < kMinWords) continue;
    core::Quote q;
    q.span = {d.tok(last).begin, d.tok(stop - 1).end};
    out->push_back(q);
    details->push_back({});
  }
  for (const auto& [q, det] : found) {
    std::string_view said = d.Span(q.span.begin, q.span.end);
    for (const SentenceRange& s : d.tag.sentences) {
      if (s.last <= s.first) continue;
      uint32_t b = d.tok(s.first).begin, e = d.tok(s.last - 1).end;
      if (b == q.span.begin || d.Span(b, e) != said) continue;
      bool taken = false;
      for (const core::Quote& o : *out) taken |= o.span.begin < e && b < o.span.end;
      if (taken) continue;
      out->push_back({{b, e}, q.speaker});
      details->push_back(det);
    }
    out->push_back(q);
    details->push_back(det);
  }
  // Keep quotes in text order.
  std::vector<size_t> order(out->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return (*out)[a].span.begin < (*out)[b].span.begin; });
  std::vector<core::Quote> sorted_quotes;
  std::vector<core::QuoteDetail> sorted_details;
  for (size_t i : order) {
    sorted_quotes.push_back((*out)[i]);
    sorted_details.push_back((*details)[i]);
  }
  *out = std::move(sorted_quotes);
  *details = std::move(sorted_details);
}

// An interview published as questions and answers: from its first question on, every turn is
// the speech of the one interviewed or the interviewer, so a quote inside a turn is speech they
// recount ("she said, "Thank you""), not a statement the article reports. Only a quote credited
// to a person after a dash ("..." — Name, on ...), set off by the editors, stays a quote there
// (a dash before more of the turn, ""...," -- I forgot the rest", credits nobody). A transcript
// has at least kMinQuestions question paragraphs (ending with "?") each answered by a paragraph
// that is no question; a news story quoting a question or two is none.
void DropQuotesInTranscriptTurns(const Doc& d, const std::vector<core::Mention>& mentions,
                                 std::vector<core::Quote>* out,
                                 std::vector<core::QuoteDetail>* details) {
  const size_t kMinQuestions = 3;
  size_t n = d.size();
  if (n == 0 || out->empty()) return;
  size_t first_question = SIZE_MAX, answered = 0;
  bool previous_question = false;
  for (size_t first = 0; first < n;) {  // paragraphs [first, last), one pass over the tokens
    size_t last = first + 1;
    while (last < n && !d.tok(last).Is(kParaStart)) ++last;
    bool question = d.tok(last - 1).text == "?";
    if (question && first_question == SIZE_MAX) first_question = first;
    if (previous_question && !question) ++answered;
    previous_question = question;
    first = last;
  }
  if (answered < kMinQuestions) return;
  uint32_t turns_begin = d.tok(first_question).begin;
  const QuoteConventions& c = QuoteConventionsFor(d.language);
  std::vector<core::Quote> kept;
  std::vector<core::QuoteDetail> kept_details;
  for (size_t i = 0; i < out->size(); ++i) {
    const core::Quote& q = (*out)[i];
    bool keep = q.span.begin < turns_begin;
    if (!keep) {
      // The first token after the quote's words and its closing marks: a dash credits it.
      auto it = std::lower_bound(d.tag.tokens.begin(), d.tag.tokens.end(), q.span.end,
                                 [](const Token& t, uint32_t b) { return t.begin < b; });
      for (size_t k = it - d.tag.tokens.begin(), steps = 0; k < n && steps < 3; ++k, ++steps) {
        std::string_view t = d.tok(k).text;
        if (d.tok(k).Is(kParaStart)) break;
        if (IsCloser(c, t) || t == "\"" || t == "." || t == "," || t == "?" || t == "!") continue;
        bool dash = t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
        if (dash && k + 1 < n && !d.tok(k + 1).Is(kParaStart)) {
          int mi = MentionAt(mentions, d.tok(k + 1).begin);
          keep = mi >= 0 && mentions[mi].type == core::EntityType::kPerson;
        }
        break;
      }
    }
    if (!keep) continue;
    kept.push_back(q);
    kept_details.push_back(i < details->size() ? (*details)[i] : core::QuoteDetail{});
  }
  *out = std::move(kept);
  *details = std::move(kept_details);
}

// Quote mark pairs, paragraph by paragraph: curly marks, straight marks by the way they face,
// quotes continued over paragraphs and quotes a paragraph left open.
std::vector<Pair> FindMarkPairs(const Doc& d) {
  size_t n = d.size();
  const QuoteConventions& c = QuoteConventionsFor(d.language);
  std::vector<Pair> pairs;
  size_t open = SIZE_MAX;
  bool straight_open = false;
  // A quote left open at a paragraph end, kept for a few paragraphs: many outlets run a quote on
  // over paragraphs that do not reopen it ("said, "We learned a lot.\nIt was a hard day."").
  size_t dangling = SIZE_MAX;
  int paragraphs_since_dangling = 0;
  const int kMaxDanglingParagraphs = 3;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = d.tok(i);
    if (t.Is(kParaStart)) {
      if (dangling != SIZE_MAX && ++paragraphs_since_dangling > kMaxDanglingParagraphs)
        dangling = SIZE_MAX;
    }
    if (t.Is(kParaStart) && open != SIZE_MAX) {
      // A curly quote left open continues when the new paragraph opens with a quote mark (the
      // news convention for multi-paragraph quotes); straight marks cannot tell, so they reset.
      bool continues =
          !straight_open && IsOpener(c, t.text) && !Closes(c, d.tok(open).text, t.text);
      bool reopens = straight_open && t.text == "\"" && i + 1 < n && !d.tok(i + 1).Is(kSpaceBefore);
      if (reopens) {
        // Straight marks follow the same convention: the paragraph's quote ends at its end.
        pairs.push_back({open, i});
        open = SIZE_MAX, straight_open = false;
      } else if (!continues) {
        dangling = open, paragraphs_since_dangling = 1;
        open = SIZE_MAX, straight_open = false;
      } else {
        continue;
      }
    }
    bool space_before = t.Is(kSpaceBefore) || t.Is(kParaStart);
    bool space_after = i + 1 >= n || d.tok(i + 1).Is(kSpaceBefore) || d.tok(i + 1).Is(kParaStart);
    // A closing mark with nothing open closes the quote a paragraph left open.
    bool closes_facing = !space_before && (space_after || d.tok(i + 1).Is(kPunct));
    if (open == SIZE_MAX && dangling != SIZE_MAX && closes_facing &&
        (IsCloser(c, t.text) || t.text == "\"")) {
      pairs.push_back({dangling, i});
      dangling = SIZE_MAX;
      continue;
    }
    if ((IsOpener(c, t.text) || t.text == "\"") && open == SIZE_MAX) dangling = SIZE_MAX;
    // A mark some languages use on both sides (Swedish ”…”, German “ closing „) closes an open
    // quote of its pair and opens otherwise; another pair's marks inside a quote are nested.
    const bool closes_open =
        open != SIZE_MAX && !straight_open && Closes(c, d.tok(open).text, t.text);
    if (IsOpener(c, t.text) && !straight_open && !closes_open) {
      if (open == SIZE_MAX) open = i;
    } else if (IsCloser(c, t.text) && !straight_open &&
               (closes_open || open == SIZE_MAX || c.any_close_closes)) {
      if (open != SIZE_MAX) pairs.push_back({open, i});
      open = SIZE_MAX;
    } else if (t.text == "\"") {
      // Which way a straight mark faces: attached to the next word it opens, to the previous one
      // it closes. This re-synchronises pairing after an unmatched mark.
      if (straight_open && space_before && !space_after && i > open + 1 &&
          (d.tok(i - 1).Is(kAlpha) || d.tok(i - 1).Is(kDigit))) {
        open = i;  // the earlier mark was unmatched; this one opens
        continue;
      }
      if (open != SIZE_MAX && !straight_open) {  // "``" or a curly mark closed by a straight one
        pairs.push_back({open, i});
        open = SIZE_MAX;
      } else if (open == SIZE_MAX) {
        open = i;
        straight_open = true;
      } else if (straight_open) {
        pairs.push_back({open, i});
        open = SIZE_MAX;
        straight_open = false;
      }
    }
  }
  return pairs;
}

// What the words between a pair of marks look like, before asking who said them.
struct QuotedWords {
  size_t words = 0;      // alphanumeric tokens
  bool has_end = false;  // sentence punctuation inside
  bool not_speech = false;
};

// Scare quotes, titles, mentioned terms and hypotheticals are not speech.
QuotedWords ShapeOf(const Doc& d, const Pair& p) {
  QuotedWords shape;
  const QuoteConventions& c = QuoteConventionsFor(d.language);
  // Scripts without spaces leave a clause one token: count its characters as words.
  const bool unspaced = !c.inner_speech_words.empty();
  for (size_t k = p.open + 1; k < p.close; ++k) {
    if (unspaced && !d.tok(k).Is(kPunct))
      shape.words += CodePointOffsets(d.tok(k).text).back();
    else
      shape.words += d.tok(k).Is(kAlpha) || d.tok(k).Is(kDigit);
  }
  // Scare quotes and titles ("flexibility", "The Wire") are not speech.
  for (size_t k = p.open + 1; k < p.close; ++k) {
    std::string_view t = d.tok(k).text;
    shape.has_end |= t == "," || t == "." || t == "?" || t == "!";
    if (unspaced)  // 、 。 ， ！ ？
      shape.has_end |= t == "\xE3\x80\x81" || t == "\xE3\x80\x82" || t == "\xEF\xBC\x8C" ||
                       t == "\xEF\xBC\x81" || t == "\xEF\xBC\x9F";
  }
  // Titles and names ("Top of the Spear", "The Internet Explorer 6 Countdown") capitalise every
  // word but short function words.
  size_t content = 0, capitalised = 0;
  for (size_t k = p.open + 1; k < p.close; ++k) {
    if (!d.tok(k).Is(kAlpha) && !d.tok(k).Is(kDigit)) continue;
    if (k > p.open + 1 && TitleFunctionWords().count(d.low(k))) continue;
    ++content;
    capitalised += d.tok(k).Is(kUpper) || d.tok(k).Is(kDigit);
  }
  bool title = content >= 2 && capitalised == content;
  // A short phrase after a determiner is a term being mentioned or a scare quote ("a "strong
  // rationale"", "the "right to leave.""), not speech.
  bool mention = c.english && p.open > 0 && Determiners().count(d.low(p.open - 1)) &&
                 (shape.words <= 3 || (shape.words < 6 && !shape.has_end));
  // Words introduced as a name or a saying ("the adage, "...", "rated "highly critical"", "sort
  // of like, "...") are mentioned, not said.
  size_t before = p.open;
  while (before > 0 && (d.tok(before - 1).text == "," || d.tok(before - 1).text == ":")) --before;
  mention |= c.english && before > 0 && MentionCues().count(d.low(before - 1));
  shape.not_speech = shape.words < 2 || title || mention ||
                     Hypothetical(d, d.tag.sentences[d.sentence_of[p.open]].first, p.open);
  return shape;
}

// The person mention next to a speech verb: "X said", "said X", "X, the minister, said".
// -1 when none.
int SpeakerNear(const Doc& d, const std::vector<core::Mention>& mentions, size_t verb) {
  size_t n = d.size();
  for (size_t k : {verb + 1, verb - 1}) {
    if (k >= n || k == SIZE_MAX) continue;
    int mi = MentionAt(mentions, d.tok(k).begin);
    if (mi >= 0 && mentions[mi].type == core::EntityType::kPerson) return mi;
  }
  // Skip an appositive back to the name: "Ostrow, the finance minister, said".
  if (verb >= 2 && d.tok(verb - 1).text == ",") {
    for (size_t k = verb - 2; k > 0 && k + 12 > verb; --k) {
      if (d.tok(k).text == ",") {
        int mi = MentionAt(mentions, d.tok(k - 1).begin);
        if (mi >= 0 && mentions[mi].type == core::EntityType::kPerson) return mi;
        break;
      }
    }
  }
  return -1;
}

// SpeakerNear for languages other than English, which also put an auxiliary between the name
// and the participle ("Marie Dubois a déclaré") and a role phrase between the verb and the
// name ("sagte der HWU-Vorsitzende Henk Brüggemann", "dijo el subsecretario del Interior,
// Andrés Valdebenito"). The phrase ends at a word that starts another (a preposition, a
// conjunction: "sagte er nach einem Treffen mit X" credits nobody), at a comma before a
// lower-case word (a relative clause), and at sentence punctuation or a quote mark.
int ForeignSpeakerNear(const Doc& d, const QuoteConventions& c,
                       const std::vector<core::Mention>& mentions, size_t verb) {
  const size_t kMaxRolePhrase = 10;
  size_t n = d.size();
  int mi = SpeakerNear(d, mentions, verb);
  if (mi >= 0) return mi;
  if (verb >= 2 && c.auxiliaries->count(d.low(verb - 1))) {
    mi = MentionAt(mentions, d.tok(verb - 2).begin);
    if (mi >= 0 && mentions[mi].type == core::EntityType::kPerson) return mi;
  }
  const size_t sentence_last = d.tag.sentences[d.sentence_of[verb]].last;
  for (size_t k = verb + 1; k < n && k < sentence_last && k <= verb + kMaxRolePhrase; ++k) {
    std::string_view t = d.tok(k).text;
    if (d.tok(k).Is(kParaStart) || IsOpener(c, t) || IsCloser(c, t) || t == "\"" || t == "." ||
        t == ":" || t == ";" || t == "!" || t == "?" || t == "(" || c.breakers->count(d.low(k)) ||
        IsPronoun(c, d.low(k)))
      return -1;
    if (t == "," && k + 1 < n && !d.tok(k + 1).Is(kUpper)) return -1;
    mi = MentionAt(mentions, d.tok(k).begin);
    if (mi >= 0 && mentions[mi].type == core::EntityType::kPerson) return mi;
  }
  return -1;
}

// The speech verb attributing a quote and who it names: a person mention, or else a pronoun or
// role noun ("he", "the official") left for ResolveAntecedent.
struct Attribution {
  size_t verb = SIZE_MAX;
  int speaker = -1;  // index into mentions
  std::string pronoun_or_noun;
  bool pronoun = false;  // pronoun_or_noun is a pronoun, not a role noun
  uint32_t pn_begin = 0, pn_end = 0;
};

// Scans tokens [from, to) for a speech verb, stopping at another quote's opening mark. True when
// one was found (a is then filled in).
bool ScanForSpeechVerb(const Doc& d, const std::vector<core::Mention>& mentions, size_t from,
                       size_t to, Attribution* a) {
  size_t n = d.size();
  const QuoteConventions& c = QuoteConventionsFor(d.language);
  for (size_t k = from; k < to && k < n; ++k) {
    if (IsOpener(c, d.tok(k).text) || d.tok(k).text == "\"") break;
    const bool after_quote_word =
        k == from + 1 && d.tok(from).text == "," && from > 0 && IsCloser(c, d.tok(from - 1).text) &&
        std::find(c.after_quote_words.begin(), c.after_quote_words.end(), d.low(k)) !=
            c.after_quote_words.end();
    if (!c.english && (after_quote_word || IsSpeech(d, c, k))) {
      a->verb = k;
      // Unspaced scripts: the name and the verb share a token, so no speaker is read.
      if (!c.inner_speech_words.empty()) return true;
      a->speaker = ForeignSpeakerNear(d, c, mentions, k);
      if (a->speaker >= 0) return true;
      for (size_t z : {k, k + 1, k - 1, k - 2}) {  // "dit-il", "sagte er", "il a déclaré"
        if (z >= n || z == SIZE_MAX) continue;
        if (z == k - 2 && (k < 2 || !c.auxiliaries->count(d.low(k - 1)))) continue;
        if (!IsPronoun(c, d.low(z))) continue;
        a->pronoun_or_noun = d.low(z);
        a->pronoun = true;
        a->pn_begin = d.tok(z).begin;
        a->pn_end = d.tok(z).end;
        break;
      }
      return true;
    }
    if (!c.english) continue;
    if (SpeechVerbs().count(d.low(k)) ||
        (d.low(k) == "according" && k + 1 < n && d.low(k + 1) == "to")) {
      a->verb = k;
      size_t v = d.low(k) == "according" ? k + 1 : k;
      a->speaker = SpeakerNear(d, mentions, v);
      if (a->speaker < 0) {
        // "he said", "said the official", "the spokeswoman said"
        for (size_t z : {v + 1, v - 1, v + 2, v - 2}) {
          if (z >= n || z == SIZE_MAX) continue;
          const std::string& w = d.low(z);
          if (w == "he" || w == "she" || RoleHeads().count(w)) {
            a->pronoun_or_noun = w;
            a->pronoun = w == "he" || w == "she";
            a->pn_begin = d.tok(z).begin;
            a->pn_end = d.tok(z).end;
            break;
          }
        }
      }
      return true;
    }
  }
  return false;
}

// Attribution: after the quote within its sentence, else before it.
Attribution Attribute(const Doc& d, const std::vector<core::Mention>& mentions, const Pair& p) {
  const size_t kMaxWindow = 40;
  const SentenceRange& s_close = d.tag.sentences[d.sentence_of[p.close]];
  const SentenceRange& s_open = d.tag.sentences[d.sentence_of[p.open]];
  Attribution a;
  size_t after_end = std::min<size_t>(s_close.last, p.close + 1 + kMaxWindow);
  if (!ScanForSpeechVerb(d, mentions, p.close + 1, after_end, &a)) {
    size_t from = std::max<size_t>(s_open.first, p.open > kMaxWindow ? p.open - kMaxWindow : 0);
    ScanForSpeechVerb(d, mentions, from, p.open, &a);
  }
  return a;
}

// The nearest fitting antecedent of a pronoun or nominal speaker: persons named before the quote
// in this or the two previous sentences; a nominal ("the minister") must match a stated role.
// Sets the speaker only when exactly one candidate fits.
void ResolveAntecedent(const Doc& d, const std::vector<core::Mention>& mentions,
                       const std::vector<core::Role>& roles, const Pair& p, const Attribution& a,
                       core::Quote* q, core::QuoteDetail* det) {
  size_t sent = d.sentence_of[p.open];
  size_t first_tok = d.tag.sentences[sent >= 2 ? sent - 2 : 0].first;
  uint32_t window_begin = d.tok(first_tok).begin;
  std::vector<std::string> candidates;
  for (const core::Mention& m : mentions) {
    if (m.type != core::EntityType::kPerson || m.span.end > q->span.begin) continue;
    if (m.span.begin < window_begin) continue;
    if (!a.pronoun) {
      bool fits = false;
      for (const core::Role& r : roles)
        if (r.person == m.name &&
            core::AsciiLower(r.role).find(a.pronoun_or_noun) != std::string::npos)
          fits = true;
      if (!fits) continue;
    }
    std::string name = SpeakerName(d, m, nullptr);
    if (std::find(candidates.begin(), candidates.end(), name) == candidates.end())
      candidates.push_back(std::move(name));
  }
  if (candidates.size() == 1) {
    q->speaker = candidates[0];
    det->speaker = {a.pn_begin, a.pn_end};
  }
}

}  // namespace

void ReadQuotes(const Doc& d, const std::vector<core::Mention>& mentions,
                const std::vector<core::Role>& roles, std::vector<core::Quote>* out,
                std::vector<core::QuoteDetail>* details) {
  for (const Pair& p : FindMarkPairs(d)) {
    if (p.close <= p.open + 1) continue;
    QuotedWords shape = ShapeOf(d, p);
    if (shape.not_speech) continue;
    uint32_t qb = d.tok(p.open + 1).begin, qe = d.tok(p.close - 1).end;
    core::Quote q;
    q.span = {qb, qe};
    core::QuoteDetail det;
    Attribution a = Attribute(d, mentions, p);
    // A phrase of a few words that nobody is said to say is a scare quote or a term ("features
    // "free as in beer" content").
    if (a.verb == SIZE_MAX && shape.words <= 3 && !shape.has_end) continue;
    if (a.verb != SIZE_MAX) det.verb = std::string(d.tok(a.verb).text);
    if (a.speaker >= 0) {
      det.speaker = mentions[a.speaker].span;
      q.speaker = SpeakerName(d, mentions[a.speaker], &det.speaker);
    } else if (!a.pronoun_or_noun.empty()) {
      ResolveAntecedent(d, mentions, roles, p, a, &q, &det);
    }
    out->push_back(std::move(q));
    details->push_back(det);
  }
  ReadPullQuotes(d, mentions, out, details);
  DropQuotesInTranscriptTurns(d, mentions, out, details);
}

}  // namespace wirebrief::nlp::detail
