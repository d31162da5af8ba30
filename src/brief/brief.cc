#include "brief/brief.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "brief/detail/compress.h"
#include "brief/detail/figures.h"
#include "brief/detail/furniture.h"
#include "brief/detail/support_text.h"
#include "brief/detail/text.h"
#include "brief/support.h"
#include "core/date.h"
#include "nlp/read.h"

namespace wirebrief::brief {
namespace {

using detail::Candidate;
using Section = core::BriefSection;

// Selection weights, tuned on the summarisation kit's dev split (bench/README.md, ## brief).
struct Weights {
  double position = 2;        // extra weight of an article's first standalone sentence
  double position_decay = 5;  // sentences over which that lead bonus fades
  double pair_weight = 2;     // a shared content-word pair against a shared word
  double length_exp = 0.6;    // gain is divided by words^length_exp
  double multi_source = 2;    // extra weight of a term per further independent source
  double quality = 0.6;       // factor for sentences leaning on the one before
  double reuse = 3;           // preference of a section for a sentence the summary holds
  size_t min_words = 6, max_words = 80;
};

bool StartsWithAny(std::string_view s, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    std::string_view v(w);
    if (s.size() > v.size() && s.substr(0, v.size()) == v &&
        !std::isalnum(static_cast<unsigned char>(s[v.size()])))
      return true;
  }
  return false;
}

size_t CountQuoteMarks(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') ++n;
    // U+201C / U+201D curly double quotes.
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x9C ||
         static_cast<unsigned char>(s[i + 2]) == 0x9D))
      ++n;
  }
  return n;
}

// Days from `earlier` to `later` (both ISO dates); 0 when either does not parse.
long DaysBefore(std::string_view earlier, std::string_view later) {
  auto a = core::ParseIsoDate(earlier), b = core::ParseIsoDate(later);
  return a && b ? core::DaysFromCivil(*b) - core::DaysFromCivil(*a) : 0;
}

size_t WordCountOf(std::string_view s) { return detail::WordCount(s); }

// True when every quoted stretch is a few words: a title, a name or a term in quotes, not
// somebody's statement.
bool ShortQuotesOnly(std::string_view s) {
  std::string plain(s);
  for (const char* curly : {"\xE2\x80\x9C", "\xE2\x80\x9D"})
    for (size_t at; (at = plain.find(curly)) != std::string::npos;) plain.replace(at, 3, "\"");
  size_t open = std::string::npos;
  for (size_t i = 0; i < plain.size(); ++i) {
    if (plain[i] != '"') continue;
    if (open == std::string::npos) {
      open = i;
      continue;
    }
    if (WordCountOf(std::string_view(plain).substr(open + 1, i - open - 1)) > 4) return false;
    open = std::string::npos;
  }
  return open == std::string::npos;
}

// Cue lists, matched against " " + lower-cased sentence + " " in one pass (detail::CueSet).
enum SentenceCue : uint32_t {
  kFurniture = 1,    // page furniture a crawl brings in with the text
  kAttribution = 2,  // a speaker named for a quote
  kFuture = 4,       // events after publication (What's next)
  kConsequence = 8,  // stakes, precedent, comparison (Why it matters)
};

const detail::CueSet& SentenceCues() {
  // Furniture comes from data/brief/furniture_cues.txt (detail/furniture.h); the other lists
  // are the builder's own.
  static const detail::CueSet cues(std::vector<std::vector<std::string>>{
      detail::FurniturePhrases(),
      {" said",         " says",     " told ",     " according to", " asked",     " added",
       " wrote",        " stated",   " announced", " tweeted",      " explained", " warned",
       " insisted",     " argued",   " tells ",    " adds",         " writes",    " noted",
       " notes",        " recalled", " claimed",   " admitted",     " responded", " replied",
       " continued",    " reported", " reports",   " testified",    " posted",    " declared",
       " acknowledged", " conceded", " concluded", " describ",      " called ",   " quoted",
       " statement",    " interview"},
      {" will ", " is set to ", " are set to ", " plans to ", " plan to ", " planned to ",
       " expected to ", " scheduled ", " next week", " next month", " next year", " later this ",
       " is due to ", " are due to ", " is to be ", " are to be ", " upcoming ", " intends to ",
       " deadline "},
      {" because ",    " means ",      " could ",        " would ",   " threat",
       " risk",        " first time",  " largest ",      " biggest ", " worst ",
       " record ",     " impact",      " affect",        " crucial ", " critical ",
       " precedent",   " historic",    " for the first", " in years", " since ",
       " after years", " the latest ", " consequences",  " stakes"}});
  return cues;
}

// A party acting or stating a position.
const detail::CueSet& ActionCues() {
  static const detail::CueSet cues{
      {" said",     " says",       " announced",  " plans",    " will ",     " urged",
       " called",   " denied",     " rejected",   " agreed",   " warned",    " demanded",
       " ordered",  " accused",    " pledged",    " promised", " signed",    " approved",
       " launched", " opposed",    " backed",     " voted",    " refused",   " confirmed",
       " declared", " criticised", " criticized", " welcomed", " condemned", " wants"}};
  return cues;
}

// What a party does as the subject of a sentence: decides or acts (ordered, declared, will),
// or states a position or a fact (said, told). Matched against the few words after its name.
enum PartyCue : uint32_t { kDecidesCue = 1, kStatesCue = 2 };

const detail::CueSet& PartyCues() {
  static const detail::CueSet cues{
      {" announced ",  " announces ",  " ordered ",  " orders ",    " declared ",  " declares ",
       " approved ",   " approves ",   " signed ",   " signs ",     " launched ",  " launches ",
       " recalled ",   " recalls ",    " demanded ", " demands ",   " pledged ",   " pledges ",
       " promised ",   " promises ",   " urged ",    " urges ",     " rejected ",  " rejects ",
       " agreed ",     " agrees ",     " accused ",  " accuses ",   " denied ",    " denies ",
       " opposed ",    " opposes ",    " backed ",   " backs ",     " voted ",     " votes ",
       " refused ",    " refuses ",    " banned ",   " bans ",      " closed ",    " closes ",
       " suspended ",  " suspends ",   " imposed ",  " imposes ",   " will ",      " plans ",
       " plan ",       " decided ",    " decides ",  " filed ",     " files ",     " sued ",
       " sues ",       " fined ",      " fines ",    " appointed ", " appoints ",  " resigned ",
       " resigns ",    " vetoed ",     " vetoes ",   " wants ",     " condemned ", " condemns ",
       " criticised ", " criticized ", " welcomed ", " welcomes ",  " sent ",      " sends ",
       " bought ",     " buys ",       " sold ",     " sells ",     " cut ",       " cuts ",
       " raised ",     " raises "},
      {" said",      " says",     " told ",    " tells ",  " warned",       " warns",
       " confirmed", " confirms", " reported", " reports", " added",        " adds",
       " stated",    " states",   " insisted", " insists", " argued",       " argues",
       " claimed",   " claims",   " admitted", " admits",  " acknowledged", " acknowledges",
       " estimated", " estimates"}};
  return cues;
}

class BriefBuilder {
 public:
  BriefBuilder(const cluster::StoryGroup& g, const std::vector<const core::Article*>& arts,
               const BriefOptions& o)
      : group_(g), opts_(o), arts_(arts) {
    // Earliest first: the original of a wire text is the copy cited, and "first" means first.
    std::stable_sort(arts_.begin(), arts_.end(),
                     [](auto* x, auto* y) { return x->date_published < y->date_published; });
  }

  core::Brief Build() {
    core::Brief brief;
    brief.story_id = group_.story.id;
    brief.headline = group_.story.title;
    brief.article_count = arts_.size();
    AssignSources();
    TokenizeArticles();
    CollectCandidates();
    IndexSentences();
    NumberPairs();
    MergeRepeats();
    WeighTerms();
    // The summary first (lede, then context up to the word budget), then the sections, which
    // prefer lines the summary holds (moving them costs no words) and add lines while room is left.
    Lede(&brief);
    Context(&brief, opts_.max_words);
    Stakeholders(&brief);
    WhatsNext(&brief);
    WhyItMatters(&brief);
    Order(&brief);
    detail::AddKeyFigures(arts_, cands_, outlet_, opts_.max_figures, &brief);
    Timeline(&brief);
    Sources(&brief);
    return brief;
  }

 private:
  // Articles in one copy family share a source; other articles are sources of their own
  // outlet (two articles of one newsroom do not corroborate each other).
  void AssignSources() {
    std::map<std::string, std::string> family_of;
    for (const auto& f : group_.families)
      for (const auto& id : f.article_ids) family_of[id] = "family:" + f.article_ids.front();
    std::map<std::string, int> ids;
    for (const core::Article* a : arts_) {
      auto it = family_of.find(a->id);
      std::string key = it != family_of.end() ? it->second : "outlet:" + core::OutletOf(*a);
      source_.push_back(ids.emplace(key, static_cast<int>(ids.size())).first->second);
      outlet_.push_back(core::OutletLabel(*a));
    }
    sources_ = ids.size();
  }

  int TermId(const std::string& t) {
    auto [it, added] = term_ids_.emplace(t, static_cast<int>(term_ids_.size()));
    if (added) term_text_.push_back(&it->first);
    return it->second;
  }

  // Each article's content tokens as term ids, read once per story: candidates take the
  // tokens inside their span instead of tokenising their text again (nlp::ContentTokens on each
  // sentence, and again for sentences a quotation joins, was a quarter of BuildBrief's time, perf
  // on bench/brief_bench). A story repeats its words, so each distinct token is stemmed once.
  void TokenizeArticles() {
    art_tokens_.resize(arts_.size());
    std::vector<nlp::ContentTokenSpan>& spans = token_spans_scratch_;
    std::string& lower = lower_scratch_;
    for (size_t ai = 0; ai < arts_.size(); ++ai) {
      spans.clear();
      lower.clear();
      nlp::ContentTokenSpans(arts_[ai]->text, &spans, &lower);
      ArticleTokens& out = art_tokens_[ai];
      out.begin.reserve(spans.size());
      out.end.reserve(spans.size());
      out.slot.reserve(spans.size());
      for (const nlp::ContentTokenSpan& t : spans) {
        std::string_view token(lower.data() + t.lower_begin, t.lower_end - t.lower_begin);
        auto it = token_slot_.find(token);
        if (it == token_slot_.end()) {
          it = token_slot_.emplace(std::string(token), static_cast<int>(slot_term_.size())).first;
          slot_term_.push_back(-1);
          slot_token_.push_back(&it->first);
        }
        out.begin.push_back(t.begin);
        out.end.push_back(t.end);
        out.slot.push_back(it->second);
      }
    }
  }

  // Term ids of the content tokens within `span` of article `ai`, in order (detail::Terms).
  // Ids are given in the order candidates first use them, as when each sentence was tokenised
  // on its own (the ids order sums and ties downstream).
  void TermIdsOf(size_t ai, core::CharSpan span, std::vector<int>* ids) {
    const ArticleTokens& t = art_tokens_[ai];
    size_t k = std::lower_bound(t.begin.begin(), t.begin.end(), span.begin) - t.begin.begin();
    for (; k < t.begin.size() && t.end[k] <= span.end; ++k) ids->push_back(SlotTerm(t.slot[k]));
  }

  // The term id of a distinct token, stemmed the first time it is asked for.
  int SlotTerm(int slot) {
    int& term = slot_term_[slot];
    if (term < 0) term = TermId(detail::Stem(*slot_token_[slot]));
    return term;
  }

  Candidate MakeCandidate(size_t ai, const std::vector<core::CharSpan>& spans, size_t pos) {
    const core::Article* a = arts_[ai];
    Candidate c;
    c.art = ai;
    c.span = {spans.front().begin, spans.back().end};
    if (spans.size() > 1) c.parts = spans;
    c.pos = pos;
    c.text = std::string_view(a->text.data() + c.span.begin, c.span.end - c.span.begin);
    c.words = detail::WordCount(c.text);
    // Scratch buffers are members: one allocation per builder, not per sentence.
    std::vector<int>& ids = ids_scratch_;
    ids.clear();
    TermIdsOf(ai, c.span, &ids);
    // Distinct adjacent pairs go to pair_keys_, sorted; NumberPairs gives them dense ids.
    const size_t first_key = pair_keys_.size();
    for (size_t i = 0; i + 1 < ids.size(); ++i)
      pair_keys_.push_back((static_cast<uint64_t>(ids[i]) << 32) |
                           static_cast<uint32_t>(ids[i + 1]));
    std::sort(pair_keys_.begin() + first_key, pair_keys_.end());
    pair_keys_.erase(std::unique(pair_keys_.begin() + first_key, pair_keys_.end()),
                     pair_keys_.end());
    c.pair_keys = {static_cast<uint32_t>(first_key), static_cast<uint32_t>(pair_keys_.size())};
    std::sort(ids.begin(), ids.end());
    c.terms.assign(ids.begin(), std::unique(ids.begin(), ids.end()));
    uint32_t cues = 0;
    c.prose = Eligible(c, &cues);
    if (c.prose) Annotate(&c, cues);
    c.quality = Quality(c);
    c.length_norm = std::pow(static_cast<double>(std::max<size_t>(c.words, 1)), w_.length_exp);
    return c;
  }

  // What the sections ask of a prose sentence, computed once: its dates and its cues.
  // `cues` are its SentenceCue bits.
  void Annotate(Candidate* c, uint32_t cues) const {
    const core::Article& a = *arts_[c->art];
    for (const core::DateMention& d : a.annotations.dates)
      if (d.value.size() == 10 && d.span.begin >= c->span.begin && d.span.begin < c->span.end)
        c->dates.push_back(d.value);
    std::string_view published = std::string_view(a.date_published).substr(0, 10);
    if (!published.empty())
      for (std::string_view d : c->dates)
        if (d > published) c->future = true;
    c->future = c->future || (cues & kFuture);
    c->consequence = cues & kConsequence;
  }

  void CollectCandidates() {
    size_t sentences = 0;
    for (const core::Article* a : arts_) sentences += a->annotations.sentences.size();
    cands_.reserve(sentences + sentences / 8);  // quotations over several sentences add a few
    for (size_t ai = 0; ai < arts_.size(); ++ai) {
      const core::Article* a = arts_[ai];
      std::vector<core::CharSpan> spans;
      for (const core::Sentence& s : a->annotations.sentences) {
        if (s.span.end > a->text.size() || s.span.begin >= s.span.end) continue;
        if (std::string_view(a->text.data() + s.span.begin, s.span.end - s.span.begin) == a->title)
          continue;
        spans.push_back(s.span);
      }
      for (size_t k = 0; k < spans.size(); ++k) {
        cands_.push_back(MakeCandidate(ai, {spans[k]}, k));
        // A quotation running over several sentences is one line, from its opening mark to
        // the sentence that closes it (and usually names the speaker).
        if (CountQuoteMarks(cands_.back().text) % 2 == 0) continue;
        std::vector<core::CharSpan> run{spans[k]};
        size_t marks = CountQuoteMarks(cands_.back().text);
        for (size_t m = k + 1; m < spans.size() && run.size() < 4 && marks % 2 == 1; ++m) {
          run.push_back(spans[m]);
          marks += CountQuoteMarks(
              std::string_view(a->text.data() + spans[m].begin, spans[m].end - spans[m].begin));
        }
        if (marks % 2 == 0) {
          Candidate merged = MakeCandidate(ai, run, k);
          if (merged.prose) cands_.push_back(std::move(merged));
        }
      }
    }
  }

  static uint64_t SentenceKey(size_t art, const core::CharSpan& sentence) {
    return static_cast<uint64_t>(art) << 32 | sentence.begin;
  }
  static std::vector<core::CharSpan> SentencesOf(const Candidate& c) {
    return c.parts.empty() ? std::vector<core::CharSpan>{c.span} : c.parts;
  }

  // Which candidates span each source sentence: a quotation's run and each sentence of it are
  // candidates that overlap, and only one of them may become a line.
  void IndexSentences() {
    for (size_t i = 0; i < cands_.size(); ++i)
      for (const core::CharSpan& s : SentencesOf(cands_[i]))
        cands_at_[SentenceKey(cands_[i].art, s)].push_back(i);
  }

  // A line now cites the sentences of candidate `idx`: no other line may cite them.
  void Claim(size_t idx) {
    const Candidate& c = cands_[idx];
    for (const core::CharSpan& s : SentencesOf(c)) {
      auto it = cands_at_.find(SentenceKey(c.art, s));
      if (it == cands_at_.end()) continue;
      for (size_t j : it->second) cands_[j].blocked = true;
    }
  }

  // Dense ids for the adjacent term pairs (the rank of each pair among the story's distinct
  // pairs): a sorted vector instead of a node-based map, which cost a malloc per pair.
  void NumberPairs() {
    std::vector<uint64_t> vocab = pair_keys_;
    std::sort(vocab.begin(), vocab.end());
    vocab.erase(std::unique(vocab.begin(), vocab.end()), vocab.end());
    pair_count_ = vocab.size();
    for (Candidate& c : cands_) {
      c.pair_ids.reserve(c.pair_keys.end - c.pair_keys.begin);
      for (uint32_t k = c.pair_keys.begin; k < c.pair_keys.end; ++k)
        c.pair_ids.push_back(static_cast<int>(
            std::lower_bound(vocab.begin(), vocab.end(), pair_keys_[k]) - vocab.begin()));
    }
    pair_keys_ = {};
  }

  // Whether a sentence can stand alone as a brief line. Sets `cues` (SentenceCue bits) when it
  // gets that far.
  bool Eligible(const Candidate& c, uint32_t* cues) {
    if (c.words < w_.min_words || c.words > w_.max_words) return false;
    if (c.terms.size() < 4) return false;
    std::string& lower = lower_scratch_;
    lower.assign(1, ' ');
    detail::AppendLower(c.text, &lower);
    lower += ' ';
    *cues = SentenceCues().Find(lower);
    if (*cues & kFurniture) return false;
    // A quote stands only with its speaker, and a quote broken across sentences not at all.
    size_t q = CountQuoteMarks(c.text);
    if (q % 2 == 1) return false;
    if (q > 0 && !ShortQuotesOnly(c.text) && !(*cues & kAttribution)) return false;
    if (c.text.back() != '.' && c.text.back() != '"' && c.text.back() != '!' &&
        !(c.text.size() >= 3 && c.text.substr(c.text.size() - 3) == "\xE2\x80\x9D"))
      return false;
    return true;
  }

  // Later sentences that repeat an earlier one (wire reprints, shared copy, quoted statements)
  // are not candidates of their own: a repeat within one source is dropped, a repeat from an
  // independent source corroborates the first and is cited with it.
  void MergeRepeats() {
    std::vector<std::vector<size_t>> postings(term_ids_.size());
    std::vector<int> shared(cands_.size(), 0);
    std::vector<size_t> touched;  // earlier candidates sharing a term with this one
    for (size_t i = 0; i < cands_.size(); ++i) {
      Candidate& c = cands_[i];
      touched.clear();
      for (int t : c.terms)
        for (size_t j : postings[t])
          if (shared[j]++ == 0) touched.push_back(j);
      // The most similar earlier sentence, the latest one among equals (in any visiting order).
      size_t best = SIZE_MAX;
      double best_j = 0.6;  // Jaccard at which two sentences state the same thing
      for (size_t j : touched) {
        if (cands_[j].repeat_of != SIZE_MAX) continue;
        // Within one article, a restatement (a summary box, a repeated paragraph) is a repeat
        // too; a quotation's run and the sentences inside it overlap instead (Claim).
        if (cands_[j].art == c.art && cands_[j].span.end > c.span.begin &&
            c.span.end > cands_[j].span.begin)
          continue;
        double jac =
            static_cast<double>(shared[j]) / (c.terms.size() + cands_[j].terms.size() - shared[j]);
        if (jac > best_j || (jac == best_j && (best == SIZE_MAX || j > best)))
          best_j = jac, best = j;
      }
      for (size_t j : touched) shared[j] = 0;
      if (best != SIZE_MAX) {
        c.repeat_of = best;
        if (source_[c.art] != source_[cands_[best].art]) cands_[best].corroboration.push_back(i);
      }
      for (int t : c.terms) postings[t].push_back(i);
    }
  }

  // Terms the coverage shares carry weight by how many sources and sentences state them.
  void WeighTerms() {
    // Distinct sources per term and per pair: (id, source) keys, sorted and made unique.
    std::vector<uint64_t> term_source, pair_source;
    std::vector<int> term_tf(term_ids_.size(), 0), pair_tf(pair_count_, 0);
    for (const Candidate& c : cands_) {
      if (c.repeat_of != SIZE_MAX && source_[c.art] == source_[cands_[c.repeat_of].art]) continue;
      const uint64_t src = static_cast<uint32_t>(source_[c.art]);
      for (int t : c.terms)
        term_source.push_back(static_cast<uint64_t>(t) << 32 | src), ++term_tf[t];
      for (int p : c.pair_ids)
        pair_source.push_back(static_cast<uint64_t>(p) << 32 | src), ++pair_tf[p];
    }
    auto sources_per_id = [&](std::vector<uint64_t>& keys, size_t ids) {
      std::vector<int> n(ids, 0);
      if (sources_ <= 64) {  // the usual story: a bit per source, no sort
        std::vector<uint64_t> seen(ids, 0);
        for (uint64_t k : keys) seen[k >> 32] |= uint64_t{1} << (k & 0xFFFFFFFF);
        for (size_t id = 0; id < ids; ++id) n[id] = std::popcount(seen[id]);
        return n;
      }
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (uint64_t k : keys) ++n[k >> 32];
      return n;
    };
    const std::vector<int> term_sources = sources_per_id(term_source, term_ids_.size());
    const std::vector<int> pair_sources = sources_per_id(pair_source, pair_count_);
    term_w_.assign(term_ids_.size(), 0);
    for (size_t t = 0; t < term_w_.size(); ++t) {
      double extra = static_cast<double>(term_sources[t]) - 1;
      // A word said once is noise; repetition and corroboration are what the story is about.
      term_w_[t] =
          term_tf[t] <= 1 ? 0.0 : std::log(1.0 + term_tf[t]) * (1 + w_.multi_source * extra);
    }
    pair_w_.assign(pair_count_, 0);
    for (size_t p = 0; p < pair_w_.size(); ++p) {
      double extra = static_cast<double>(pair_sources[p]) - 1;
      if (pair_tf[p] >= 2) pair_w_[p] = std::log(1.0 + pair_tf[p]) * (1 + w_.multi_source * extra);
    }
    covered_terms_.assign(term_ids_.size(), 0);
    covered_pairs_.assign(pair_count_, 0);
    std::vector<size_t> eligible_seen(arts_.size(), 0);
    for (Candidate& c : cands_) {
      c.epos = eligible_seen[c.art];
      if (c.prose) ++eligible_seen[c.art];
      c.position_factor = PositionFactor(c);
    }
    for (Candidate& c : cands_) {
      c.salience = Gain(c) * c.position_factor * c.quality;
    }
  }

  double PositionFactor(const Candidate& c) const {
    // Counted over standalone sentences: a dateline or a photo credit does not push the lead down.
    return 1 + w_.position * std::exp(-static_cast<double>(c.epos) / w_.position_decay);
  }

  // Sentences that lean on the one before them read badly alone.
  double Quality(const Candidate& c) const {
    double q = 1;
    if (StartsWithAny(c.text, {"He", "She", "It", "They", "This", "That", "These", "Those", "His",
                               "Her", "Their", "But", "And", "However", "Also", "Still",
                               "Meanwhile", "So", "Instead"}))
      q *= w_.quality;
    if (c.text.find('?') != std::string_view::npos) q *= 0.5;
    return q;
  }

  // Weight of the terms and pairs `c` adds to what is already covered, per word^length_exp.
  double Gain(const Candidate& c) const {
    double g = 0;
    for (int t : c.terms)
      if (!covered_terms_[t]) g += term_w_[t];
    // Pairs said once weigh nothing and add nothing (as when they were left out of the sum).
    for (int p : c.pair_ids)
      if (!covered_pairs_[p] && pair_w_[p] != 0) g += w_.pair_weight * pair_w_[p];
    return g / c.length_norm;
  }

  bool Selectable(const Candidate& c) const {
    return c.prose && !c.used && !c.blocked && c.repeat_of == SIZE_MAX;
  }

  // True when most of the candidate's terms are already in an emitted line.
  bool Redundant(const Candidate& c) const {
    size_t seen = 0;
    for (int t : c.terms) seen += covered_terms_[t];
    return seen * 10 >= c.terms.size() * 7;
  }

  // Candidate `idx` read for the support check, once per story (detail/support_text.h).
  const detail::SupportText& ReadCandidate(size_t idx) {
    if (cand_support_.size() < cands_.size()) cand_support_.resize(cands_.size());
    std::unique_ptr<detail::SupportText>& r = cand_support_[idx];
    if (r) return *r;
    // The builder's tokens and stems of the sentence, given the support check's ids: neither
    // tokenised nor stemmed again.
    const Candidate& c = cands_[idx];
    const ArticleTokens& t = art_tokens_[c.art];
    if (slot_word_.size() < slot_term_.size()) slot_word_.resize(slot_term_.size(), -1);
    std::vector<int> tokens;
    size_t k = std::lower_bound(t.begin.begin(), t.begin.end(), c.span.begin) - t.begin.begin();
    for (; k < t.begin.size() && t.end[k] <= c.span.end; ++k) {
      const int slot = t.slot[k];
      if (slot_word_[slot] < 0) {
        const int term_id = SlotTerm(slot);
        if (term_word_.size() < term_text_.size()) term_word_.resize(term_text_.size(), -1);
        int& term = term_word_[term_id];
        if (term < 0) term = support_vocab_.Word(*term_text_[term_id]);
        slot_word_[slot] = support_vocab_.Word(*slot_token_[slot]);
        support_vocab_.SetTermOfToken(slot_word_[slot], term);
      }
      tokens.push_back(slot_word_[slot]);
    }
    r = std::make_unique<detail::SupportText>(
        detail::ReadSupportText(c.text, tokens, true, &support_vocab_));
    return *r;
  }

  // The text a candidate contributes: compressed when that passes the support check.
  std::string LineText(size_t idx, bool* compressed) {
    const Candidate& c = cands_[idx];
    *compressed = false;
    std::string text(c.text);
    std::replace(text.begin(), text.end(), '\n', ' ');  // a quotation over several sentences
    if (!opts_.compress) return text;
    std::string shorter = detail::Compress(text);
    if (shorter.size() < text.size() && detail::WordCount(shorter) >= w_.min_words &&
        detail::ScoreReadSupport(detail::ReadSupportText(shorter, true, &support_vocab_),
                                 {&ReadCandidate(idx)})
                .score >= kSupportedAt) {
      *compressed = true;
      return shorter;
    }
    return text;
  }

  bool Emit(core::Brief* b, core::BriefSection section, const std::string& label, size_t idx) {
    Candidate& c = cands_[idx];
    if (c.blocked) return false;
    bool compressed = false;
    std::string text = LineText(idx, &compressed);
    size_t words = detail::WordCount(text);
    if (words_used_ + words > opts_.max_words || line_texts_.count(text)) return false;
    std::vector<const detail::SupportText*> cited_text{&ReadCandidate(idx)};
    core::BriefLine line{section, label, text, {}, false, compressed};
    if (c.parts.empty()) line.citations.push_back({arts_[c.art]->id, c.span});
    for (const core::CharSpan& part : c.parts) line.citations.push_back({arts_[c.art]->id, part});
    std::set<int> cited_sources{source_[c.art]};
    std::vector<size_t> corroborating;
    for (size_t o : c.corroboration) {
      if (line.citations.size() >= opts_.max_citations) break;
      const Candidate& oc = cands_[o];
      // A sentence another line cites already is not cited again.
      if (oc.blocked || !cited_sources.insert(source_[oc.art]).second) continue;
      line.citations.push_back({arts_[oc.art]->id, oc.span});
      cited_text.push_back(&ReadCandidate(o));
      corroborating.push_back(o);
    }
    // The guard every line passes: its words and numbers must be in what it cites. A line that
    // is its candidate's text as written is read already.
    detail::SupportText read_line;
    if (text != c.text) read_line = detail::ReadSupportText(text, true, &support_vocab_);
    Support support =
        detail::ScoreReadSupport(text != c.text ? read_line : ReadCandidate(idx), cited_text);
    if (support.score < kSupportedAt || support.term_coverage < 0.8 || support.number_coverage < 1)
      return false;
    c.used = true;
    Claim(idx);
    for (size_t o : corroborating) Claim(o);
    line_texts_.insert(text);
    words_used_ += words;
    for (int t : c.terms) covered_terms_[t] = 1;
    for (int p : c.pair_ids) covered_pairs_[p] = 1;
    line_cand_.push_back(idx);
    section_of_.push_back(section);
    b->lines.push_back(std::move(line));
    return true;
  }

  void Lede(core::Brief* b) {
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < cands_.size(); ++i)
      if (Selectable(cands_[i]) && cands_[i].pos <= 1 &&
          (best == SIZE_MAX || cands_[i].salience > cands_[best].salience))
        best = i;
    if (best == SIZE_MAX)
      for (size_t i = 0; i < cands_.size(); ++i)
        if (Selectable(cands_[i]) &&
            (best == SIZE_MAX || cands_[i].salience > cands_[best].salience))
          best = i;
    if (best != SIZE_MAX) Emit(b, core::BriefSection::kLede, "", best);
  }

  // Picks up to `max` sentences passing `accept`, best salience first, skipping restatements.
  void Cued(core::Brief* b, core::BriefSection section, size_t max,
            const std::function<bool(const Candidate&)>& accept) {
    std::vector<size_t> pool;
    for (size_t i = 0; i < cands_.size(); ++i)
      if ((Selectable(cands_[i]) || LineOf(i) != SIZE_MAX) && accept(cands_[i])) pool.push_back(i);
    auto value = [&](size_t i) {
      return cands_[i].salience * (LineOf(i) != SIZE_MAX ? w_.reuse : 1.0);
    };
    std::stable_sort(pool.begin(), pool.end(),
                     [&](size_t x, size_t y) { return value(x) > value(y); });
    size_t n = 0;
    for (size_t i : pool) {
      if (n >= max) break;
      // A context line that also belongs here moves; the lede and a line another section holds
      // already (a stakeholder's quote) are passed over for the next candidate (Place).
      if (LineOf(i) != SIZE_MAX) {
        n += Place(b, section, "", i);
        continue;
      }
      if (cands_[i].used || Redundant(cands_[i])) continue;
      n += Emit(b, section, "", i);
    }
  }

  const core::Article& ArticleOf(const Candidate& c) const { return *arts_[c.art]; }

  // Future: a date after publication or a future-tense cue (Annotate).
  void WhatsNext(core::Brief* b) {
    Cued(b, core::BriefSection::kWhatsNext, opts_.max_whats_next,
         [&](const Candidate& c) { return c.future; });
  }

  void WhyItMatters(core::Brief* b) {
    std::string first = group_.story.first_published.substr(0, 10);
    Cued(b, core::BriefSection::kWhyItMatters, opts_.max_why, [&](const Candidate& c) {
      if (c.future) return false;
      if (c.consequence) return true;
      // History: events dated well before the story.
      if (!first.empty())
        for (std::string_view d : c.dates)
          if (DaysBefore(d, first) > 30) return true;
      return false;
    });
  }

  struct Party {
    std::string name, role;
    core::EntityType type;
    std::set<int> sources;
    std::map<int, double> part;  // per independent source: the party's largest part there
    int mentions = 0;
    size_t first = SIZE_MAX;         // order of first mention
    std::vector<std::string> forms;  // surface forms that name it in text
  };

  // The part a mention gives its party in its sentence: the subject who decides or acts
  // ("Minister X ordered"), the subject stating a position or a fact ("X said"), or only named
  // (an object, or a source of figures in an attribution tail: "..., the X Office said").
  enum class Part { kNamed, kStates, kDecides };
  // Words that may stand between a subject and its verb (lower-cased, padded with spaces).
  static bool SkippableBeforeVerb(std::string_view word) {
    for (const char* w : {" also ", " has ", " have ", " had ", " then ", " now ", " later ",
                          " again ", " today ", " yesterday ", " on ", " monday ", " tuesday ",
                          " wednesday ", " thursday ", " friday ", " saturday ", " sunday "})
      if (word == w) return true;
    return false;
  }
  Part PartOf(size_t ai, const core::Mention& m) {
    const core::Article& a = *arts_[ai];
    const auto& sents = a.annotations.sentences;
    auto it =
        std::upper_bound(sents.begin(), sents.end(), m.span.begin,
                         [](uint32_t at, const core::Sentence& s) { return at < s.span.begin; });
    if (it == sents.begin() || m.span.end > a.text.size()) return Part::kNamed;
    const core::CharSpan sent = std::prev(it)->span;
    if (m.span.end > sent.end) return Part::kNamed;
    // The subject opens the sentence: at most a few words (a title, "The", "On Monday,") before.
    std::string_view before(a.text.data() + sent.begin, m.span.begin - sent.begin);
    if (detail::WordCount(before) > 4) return Part::kNamed;
    // Its verb comes next, after an apposition ("X, the mayor, said") and a few adverbs ("X also
    // ordered", "X on Tuesday declared"); a name modifying a noun ("X harbour will") is no subject.
    std::string_view rest(a.text.data() + m.span.end, sent.end - m.span.end);
    if (!rest.empty() && rest.front() == ',') {
      size_t close = rest.find(',', 1);
      if (close == std::string_view::npos || close > 60) return Part::kNamed;
      rest.remove_prefix(close + 1);
    }
    std::string& lower = lower_scratch_;
    for (int skipped = 0; skipped <= 3; ++skipped) {
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      size_t end = 0;
      while (end < rest.size() && std::isalpha(static_cast<unsigned char>(rest[end]))) ++end;
      lower.assign(1, ' ');
      detail::AppendLower(rest.substr(0, end), &lower);
      lower += ' ';
      if (end == 0 || !SkippableBeforeVerb(lower)) break;
      rest.remove_prefix(end);
    }
    const uint32_t cues = PartyCues().Find(lower);
    return cues & kDecidesCue ? Part::kDecides : cues & kStatesCue ? Part::kStates : Part::kNamed;
  }

  // Weights of a party's part in one source (PartOf); chosen on the fixture stories so that a
  // party deciding in one outlet outweighs one named in two.
  static double PartWeight(Part part) {
    return part == Part::kDecides ? 3 : part == Part::kStates ? 1.5 : 0.5;
  }
  static constexpr double kRoleWeight = 2;  // a person the text gives a role (minister, mayor)

  // Stakeholders: people, organisations and countries, ranked by their part in the story
  // rather than by how often they are named: in each independent source a party counts for
  // the most it does there (decides or acts, states a position, is only named), summed over
  // sources, plus a bonus for a person with a stated role. An agency quoted for figures in
  // every outlet thus ranks after the minister who ordered the evacuation. Each gets the
  // sentence that best states its action or position.
  void Stakeholders(core::Brief* b) {
    std::map<std::string, Party> parties;
    size_t order = 0;
    std::vector<std::pair<size_t, const core::Mention*>> mentions;
    for (size_t ai = 0; ai < arts_.size(); ++ai)
      for (const core::Mention& m : arts_[ai]->annotations.mentions)
        if (m.type != core::EntityType::kPlace && !m.name.empty()) mentions.push_back({ai, &m});
    // A person's surname alone ("Moravec") is the same party as the full name met elsewhere.
    std::map<std::string, std::string> full_of_surname;
    for (const auto& [ai, m] : mentions)
      if (m->type == core::EntityType::kPerson) {
        size_t sp = m->name.rfind(' ');
        if (sp != std::string::npos) full_of_surname.emplace(m->name.substr(sp + 1), m->name);
      }
    for (const auto& [ai, m] : mentions) {
      std::string key = m->name;
      if (m->type == core::EntityType::kPerson && key.find(' ') == std::string::npos &&
          full_of_surname.count(key))
        key = full_of_surname[key];
      Party& p = parties[key];
      if (p.name.empty()) p.name = key, p.type = m->type, p.first = order++;
      if (p.role.empty() && !m->role.empty()) p.role = m->role;
      p.sources.insert(source_[ai]);
      double& part = p.part[source_[ai]];
      part = std::max(part, PartWeight(PartOf(ai, *m)));
      ++p.mentions;
      if (std::find(p.forms.begin(), p.forms.end(), m->name) == p.forms.end())
        p.forms.push_back(m->name);
    }
    // A one-word organisation name that also begins longer party names ("Northgate" next to
    // "Northgate Fire Service") is a short form or a headline fragment, not a party of its
    // own: folded into the longer name when there is one, dropped when it is ambiguous.
    std::set<std::string> folded;
    for (auto& [k, p] : parties) {
      if (p.type != core::EntityType::kOrganization || k.find(' ') != std::string::npos) continue;
      std::vector<Party*> longer;
      for (auto& [k2, p2] : parties)
        if (k2.size() > k.size() + 1 && k2.compare(0, k.size() + 1, k + " ") == 0)
          longer.push_back(&p2);
      if (longer.empty()) continue;
      folded.insert(k);
      if (longer.size() == 1) {
        longer[0]->sources.insert(p.sources.begin(), p.sources.end());
        longer[0]->mentions += p.mentions;
        for (const auto& [src, part] : p.part)
          longer[0]->part[src] = std::max(longer[0]->part[src], part);
      }
    }
    std::vector<const Party*> ranked;
    for (const auto& [k, p] : parties)
      if (folded.count(k))
        continue;
      else if (sources_ >= 2 ? p.sources.size() >= 2 : p.mentions >= 2)
        ranked.push_back(&p);
    std::map<const Party*, double> weight;
    for (const Party* p : ranked) {
      double w = p->type == core::EntityType::kPerson && !p->role.empty() ? kRoleWeight : 0;
      for (const auto& [src, part] : p->part) w += part;
      weight[p] = w;
    }
    std::sort(ranked.begin(), ranked.end(), [&](const Party* x, const Party* y) {
      if (weight[x] != weight[y]) return weight[x] > weight[y];
      if (x->sources.size() != y->sources.size()) return x->sources.size() > y->sources.size();
      if (x->mentions != y->mentions) return x->mentions > y->mentions;
      return x->first < y->first;
    });
    size_t n = 0;
    std::string after;
    std::vector<size_t> placed_lines;  // in rank order
    for (const Party* p : ranked) {
      if (n >= opts_.max_stakeholders) break;
      size_t best = SIZE_MAX;
      double best_score = 0;
      for (size_t i = 0; i < cands_.size(); ++i) {
        const Candidate& c = cands_[i];
        // A sentence is said once: a context line may move here, any other line stays put.
        if (!c.prose || c.repeat_of != SIZE_MAX || (c.used ? !InContext(i) : c.blocked)) continue;
        size_t at = std::string_view::npos, len = 0;
        for (const auto& f : p->forms) {
          size_t k = c.text.find(f);
          if (k < at) at = k, len = f.size();
        }
        // The party is the subject, named in the line's first half, or the speaker of a quote
        // attributed at its end ("..., said X"): a sentence that names it late otherwise has it
        // as an object or in passing, and the party gets no line rather than someone else's
        // sentence (one sentence serves one line, so the fallback is often such a sentence).
        if (at == std::string_view::npos) continue;
        if (at > std::max<size_t>(40, c.text.size() / 2) && !SpeakerAt(c.text, at, len)) continue;
        // The party acting or speaking: named early, with a verb of action or position after it.
        after.assign(1, ' ');
        detail::AppendLower(c.text.substr(at), &after);
        after += ' ';
        // A sentence about what comes next is left to What's next when the party has another
        // line (a sentence said under one heading is not repeated under another).
        double s = (c.salience + 1e-3) * (at < 40 ? 1.5 : 1.0) *
                   (ActionCues().FoundIn(after) ? 1.5 : 1.0) * (c.future ? 0.1 : 1.0) *
                   (InContext(i) ? w_.reuse
                    : c.used     ? 0.5
                                 : 1.0);
        if (s > best_score) best_score = s, best = i;
      }
      if (best == SIZE_MAX) continue;
      std::string label = p->role.empty() ? p->name : p->name + " (" + p->role + ")";
      const size_t lines_before = b->lines.size();
      const bool placed = cands_[best].used
                              ? Place(b, core::BriefSection::kStakeholder, label, best)
                              : Emit(b, core::BriefSection::kStakeholder, label, best);
      if (!placed) continue;
      ++n;
      placed_lines.push_back(b->lines.size() > lines_before ? b->lines.size() - 1 : LineOf(best));
    }
    // A summary line moved here keeps its place among the lines; the stakeholder lines go in
    // rank order over the places they hold (Order keeps that order).
    std::vector<size_t> slots = placed_lines;
    std::sort(slots.begin(), slots.end());
    std::vector<core::BriefLine> lines;
    std::vector<size_t> cands;
    for (size_t li : placed_lines) lines.push_back(b->lines[li]), cands.push_back(line_cand_[li]);
    for (size_t k = 0; k < slots.size(); ++k) {
      b->lines[slots[k]] = std::move(lines[k]);
      line_cand_[slots[k]] = cands[k];
    }
  }

  // True when the name at [at, at + len) of `text` is the speaker of an attribution: "said X",
  // "according to X", "X said" or "X, the mayor, said".
  static bool SpeakerAt(std::string_view text, size_t at, size_t len) {
    const std::string before = detail::Lower(text.substr(0, at));
    for (std::string_view v : {"said ", "says ", "according to ", "told ", "added ", "wrote "})
      if (before.ends_with(v)) return true;
    std::string_view rest = text.substr(at + len);
    if (!rest.empty() && rest.front() == ',') {
      size_t close = rest.find(',', 1);
      if (close == std::string_view::npos || close > 60) return false;
      rest.remove_prefix(close + 1);
    }
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const std::string word = detail::Lower(rest.substr(0, rest.find_first_of(" .,;!?")));
    for (std::string_view v : {"said", "says", "told", "added", "wrote", "warned", "insisted"})
      if (word == v) return true;
    return false;
  }

  // Index of the line a candidate became, or SIZE_MAX.
  size_t LineOf(size_t idx) const {
    for (size_t li = 0; li < line_cand_.size(); ++li)
      if (line_cand_[li] == idx) return li;
    return SIZE_MAX;
  }

  bool InContext(size_t idx) const {
    size_t li = cands_[idx].used ? LineOf(idx) : SIZE_MAX;
    return li != SIZE_MAX && section_of_[li] == core::BriefSection::kContext;
  }

  // Gives a summary line a headed section: a context line moves there. The lede and a line that
  // heads a section already stay where they are (false): a sentence is said once, so of two
  // parties acting in one sentence only one has it as its line.
  bool Place(core::Brief* b, core::BriefSection section, const std::string& label, size_t idx) {
    size_t li = LineOf(idx);
    if (li == SIZE_MAX || section_of_[li] != Section::kContext) return false;
    b->lines[li].section = section;
    b->lines[li].label = label;
    section_of_[li] = section;
    return true;
  }

  // Fills the word budget up to `budget` with the sentences that add most uncovered weight.
  void Context(core::Brief* b, size_t budget) {
    while (true) {
      size_t best = SIZE_MAX;
      double best_gain = 0;
      for (size_t i = 0; i < cands_.size(); ++i) {
        const Candidate& c = cands_[i];
        if (!Selectable(c) || words_used_ + c.words > budget) continue;
        double g = Gain(c) * c.position_factor * c.quality;
        if (g > best_gain) best_gain = g, best = i;
      }
      if (best == SIZE_MAX) break;
      if (!Emit(b, core::BriefSection::kContext, "", best))
        cands_[best].used = true;  // will not fit or verify
    }
  }

  // Reading order: sections in brief order; context lines in story order (article, position).
  void Order(core::Brief* b) {
    std::vector<size_t> idx(b->lines.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
      const auto sx = b->lines[x].section, sy = b->lines[y].section;
      if (sx != sy) return static_cast<int>(sx) < static_cast<int>(sy);
      if (sx != core::BriefSection::kContext) return false;
      const Candidate &cx = cands_[line_cand_[x]], &cy = cands_[line_cand_[y]];
      return cx.art != cy.art ? cx.art < cy.art : cx.pos < cy.pos;
    });
    std::vector<core::BriefLine> lines;
    std::vector<size_t> cand;
    for (size_t i : idx) lines.push_back(std::move(b->lines[i])), cand.push_back(line_cand_[i]);
    b->lines = std::move(lines);
    line_cand_ = std::move(cand);
    for (size_t i = 0; i < line_cand_.size(); ++i) section_of_[i] = b->lines[i].section;
  }

  void Timeline(core::Brief* b) {
    std::map<std::string, size_t, std::less<>> best_for_date;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (!c.prose || c.repeat_of != SIZE_MAX || !c.parts.empty()) continue;
      for (std::string_view d : c.dates) {
        auto it = best_for_date.find(d);
        // The earliest report of a dated event tells it first; salience breaks ties within it.
        if (it == best_for_date.end() || c.art < cands_[it->second].art ||
            (c.art == cands_[it->second].art && c.pos < cands_[it->second].pos))
          best_for_date[std::string(d)] = i;
      }
    }
    size_t n = 0;
    for (const auto& [date, i] : best_for_date) {
      if (n >= opts_.max_timeline) break;
      const Candidate& c = cands_[i];
      b->lines.push_back({core::BriefSection::kTimeline,
                          date,
                          std::string(c.text),
                          {{arts_[c.art]->id, c.span}},
                          false});
      ++n;
    }
  }

  void Sources(core::Brief* b) {
    std::map<std::string, std::string> original_of;
    for (const auto& f : group_.families)
      for (size_t i = 1; i < f.article_ids.size(); ++i)
        original_of[f.article_ids[i]] = f.article_ids.front();
    std::map<std::string, const core::Article*> by_id;
    for (const core::Article* a : arts_) by_id[a->id] = a;
    for (const core::Article* a : arts_) {
      std::string text = core::OutletLabel(*a) + ": " + a->title;
      if (!a->wire.empty()) text += " [wire: " + a->wire.front() + "]";
      auto it = original_of.find(a->id);
      if (it != original_of.end() && by_id.count(it->second))
        text += " (copy of " + core::OutletLabel(*by_id[it->second]) + ")";
      uint32_t end = static_cast<uint32_t>(std::min(a->title.size(), a->text.size()));
      if (a->text.compare(0, end, a->title.substr(0, end)) != 0)
        end = a->annotations.sentences.empty() ? static_cast<uint32_t>(a->text.size())
                                               : a->annotations.sentences.front().span.end;
      b->lines.push_back({core::BriefSection::kSource,
                          a->date_published.substr(0, 10),
                          text,
                          {{a->id, {0, end}}},
                          false});
    }
  }

  const cluster::StoryGroup& group_;
  BriefOptions opts_;
  std::vector<const core::Article*> arts_;
  Weights w_;
  std::vector<int> source_;          // per article: its independent source
  std::vector<std::string> outlet_;  // per article, as shown (core::OutletLabel)
  size_t sources_ = 0;
  std::unordered_map<std::string, int> term_ids_;  // stemmed term -> id
  // Lower-cased token -> its slot; looked up by string_view (transparent hash).
  struct TokenHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, TokenHash, std::equal_to<>> token_slot_;
  std::vector<int> slot_term_;                  // per distinct token: its term id, -1 until used
  std::vector<const std::string*> slot_token_;  // per distinct token: the key in token_slot_
  struct ArticleTokens {  // an article's content tokens: byte spans and distinct-token slots
    std::vector<uint32_t> begin, end;
    std::vector<int> slot;
  };
  std::vector<ArticleTokens> art_tokens_;  // per article
  std::vector<nlp::ContentTokenSpan> token_spans_scratch_;
  std::vector<uint64_t> pair_keys_;  // per candidate (Candidate::pair_keys) until NumberPairs
  size_t pair_count_ = 0;            // distinct adjacent term-id pairs
  std::vector<double> term_w_;       // per term id
  std::vector<double> pair_w_;       // per pair id; 0 for a pair said once
  std::vector<Candidate> cands_;
  std::vector<char> covered_terms_;  // per term id: in an emitted line
  std::vector<char> covered_pairs_;  // per pair id
  std::vector<int> ids_scratch_;
  std::string lower_scratch_;
  detail::SupportVocab support_vocab_;  // ids of every text the support check reads
  std::vector<std::unique_ptr<detail::SupportText>> cand_support_;  // per candidate, when read
  std::vector<int> slot_word_;                 // per token slot: its support_vocab_ id, or -1
  std::vector<const std::string*> term_text_;  // per term id: the key in term_ids_
  std::vector<int> term_word_;                 // per term id: its support_vocab_ id, or -1
  size_t words_used_ = 0;
  // (article, sentence begin) -> the candidates spanning that sentence (IndexSentences).
  std::unordered_map<uint64_t, std::vector<size_t>> cands_at_;
  std::set<std::string, std::less<>> line_texts_;  // every prose line's text
  std::vector<core::BriefSection> section_of_;     // per emitted prose line
  std::vector<size_t> line_cand_;                  // per emitted prose line: its candidate
};

}  // namespace

core::Brief BuildBrief(const cluster::StoryGroup& group,
                       const std::vector<const core::Article*>& articles,
                       const BriefOptions& options) {
  return BriefBuilder(group, articles, options).Build();
}

}  // namespace wirebrief::brief
