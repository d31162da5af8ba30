// Direct quotes: curly and straight marks, nested single quotes, quotes running over paragraphs
// (a paragraph left open and the next opening again), with the speaker from the attribution
// around the quote. Pronoun and nominal speakers ("he said", "the official said") resolve only
// when exactly one candidate fits; otherwise the speaker stays empty.
#include <algorithm>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

bool IsOpen(std::string_view t) { return t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "``"; }
bool IsClose(std::string_view t) { return t == "\xE2\x80\x9D" || t == "\xC2\xBB" || t == "''"; }

struct Pair {
  size_t open, close;  // token indices of the marks
};

}  // namespace

void ReadQuotes(const Doc& d, const std::vector<core::Mention>& mentions,
                const std::vector<core::Role>& roles, std::vector<core::Quote>* out,
                std::vector<core::QuoteDetail>* details) {
  size_t n = d.size();
  std::vector<Pair> pairs;
  // Find mark pairs paragraph by paragraph.
  size_t open = SIZE_MAX;
  bool straight_open = false;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = d.tok(i);
    if (t.Is(kParaStart) && open != SIZE_MAX) {
      // A curly quote left open continues when the new paragraph opens with a quote mark (the
      // news convention for multi-paragraph quotes); straight marks cannot tell, so they reset.
      bool continues = !straight_open && IsOpen(t.text);
      if (!continues)
        open = SIZE_MAX, straight_open = false;
      else
        continue;
    }
    if (IsOpen(t.text) && !straight_open) {
      if (open == SIZE_MAX) open = i;
    } else if (IsClose(t.text) && !straight_open) {
      if (open != SIZE_MAX) pairs.push_back({open, i});
      open = SIZE_MAX;
    } else if (t.text == "\"") {
      // Which way a straight mark faces: attached to the next word it opens, to the previous one
      // it closes. This re-synchronises pairing after an unmatched mark.
      bool space_before = t.Is(kSpaceBefore) || t.Is(kParaStart);
      bool space_after = i + 1 >= n || d.tok(i + 1).Is(kSpaceBefore) || d.tok(i + 1).Is(kParaStart);
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
  const size_t kMaxWindow = 40;
  for (const Pair& p : pairs) {
    if (p.close <= p.open + 1) continue;
    size_t words = 0;
    for (size_t k = p.open + 1; k < p.close; ++k)
      words += d.tok(k).Is(kAlpha) || d.tok(k).Is(kDigit);
    // Scare quotes and titles ("flexibility", "The Wire") are not speech.
    bool has_end = false;
    for (size_t k = p.open + 1; k < p.close; ++k)
      has_end |= d.tok(k).text == "," || d.tok(k).text == "." || d.tok(k).text == "?" ||
                 d.tok(k).text == "!";
    // Titles and names ("Top of the Spear") are capitalised throughout; "the" + a short phrase is
    // a term being mentioned ("the "right to leave""), not speech.
    size_t capitals = 0;
    for (size_t k = p.open + 1; k < p.close; ++k) capitals += d.tok(k).Is(kUpper) && k > p.open + 1;
    bool title = words >= 2 && capitals + 1 >= words;
    bool mention = p.open > 0 && d.low(p.open - 1) == "the" && words < 6 && !has_end;
    if (words < 2 || title || mention) continue;
    uint32_t qb = d.tok(p.open + 1).begin, qe = d.tok(p.close - 1).end;
    core::Quote q;
    q.span = {qb, qe};
    core::QuoteDetail det;
    // Attribution: after the quote within its sentence, else before it.
    const SentenceRange& s_close = d.tag.sentences[d.sentence_of[p.close]];
    const SentenceRange& s_open = d.tag.sentences[d.sentence_of[p.open]];
    auto speaker_near = [&](size_t verb) -> int {
      // The subject next to a speech verb: "X said", "said X", "X, the minister, said".
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
    };
    size_t verb = SIZE_MAX;
    int speaker = -1;
    std::string pronoun_or_noun;
    uint32_t pn_begin = 0, pn_end = 0;
    auto scan = [&](size_t from, size_t to) {
      for (size_t k = from; k < to && k < n; ++k) {
        if (IsOpen(d.tok(k).text) || d.tok(k).text == "\"") break;
        if (SpeechVerbs().count(d.low(k)) ||
            (d.low(k) == "according" && k + 1 < n && d.low(k + 1) == "to")) {
          verb = k;
          size_t v = d.low(k) == "according" ? k + 1 : k;
          speaker = speaker_near(v);
          if (speaker < 0) {
            // "he said", "said the official", "the spokeswoman said"
            for (size_t z : {v + 1, v - 1, v + 2, v - 2}) {
              if (z >= n || z == SIZE_MAX) continue;
              const std::string& w = d.low(z);
              if (w == "he" || w == "she" || RoleHeads().count(w)) {
                pronoun_or_noun = w;
                pn_begin = d.tok(z).begin;
                pn_end = d.tok(z).end;
                break;
              }
            }
          }
          return true;
        }
      }
      return false;
    };
    size_t after_end = std::min<size_t>(s_close.last, p.close + 1 + kMaxWindow);
    if (!scan(p.close + 1, after_end)) {
      size_t from = std::max<size_t>(s_open.first, p.open > kMaxWindow ? p.open - kMaxWindow : 0);
      scan(from, p.open);
    }
    if (verb != SIZE_MAX) det.verb = std::string(d.tok(verb).text);
    if (speaker >= 0) {
      q.speaker = mentions[speaker].name;
      det.speaker = mentions[speaker].span;
    } else if (!pronoun_or_noun.empty()) {
      // The nearest fitting antecedent: persons named before the quote in this or the two
      // previous sentences; a nominal ("the minister") must match a stated role.
      size_t sent = d.sentence_of[p.open];
      size_t first_tok = d.tag.sentences[sent >= 2 ? sent - 2 : 0].first;
      uint32_t window_begin = d.tok(first_tok).begin;
      std::vector<std::string> candidates;
      for (const core::Mention& m : mentions) {
        if (m.type != core::EntityType::kPerson || m.span.end > qb) continue;
        if (m.span.begin < window_begin) continue;
        if (pronoun_or_noun != "he" && pronoun_or_noun != "she") {
          bool fits = false;
          for (const core::Role& r : roles)
            if (r.person == m.name && Lower(r.role).find(pronoun_or_noun) != std::string::npos)
              fits = true;
          if (!fits) continue;
        }
        if (std::find(candidates.begin(), candidates.end(), m.name) == candidates.end())
          candidates.push_back(m.name);
      }
      if (candidates.size() == 1) {
        q.speaker = candidates[0];
        det.speaker = {pn_begin, pn_end};
      }
    }
    out->push_back(std::move(q));
    details->push_back(det);
  }
}

}  // namespace wirebrief::nlp::detail
