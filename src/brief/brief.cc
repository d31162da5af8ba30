#include "brief/brief.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "brief/detail/builder.h"
#include "brief/detail/figures.h"
#include "brief/detail/furniture.h"
#include "brief/detail/text.h"
#include "core/text.h"
#include "nlp/read.h"

namespace wirebrief::brief {
namespace detail {
namespace {

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

size_t WordCountOf(std::string_view s) { return WordCount(s); }

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

// Cue lists, matched against " " + lower-cased sentence + " " in one pass (CueSet).
enum SentenceCue : uint32_t {
  kFurniture = 1,    // page furniture a crawl brings in with the text
  kAttribution = 2,  // a speaker named for a quote
  kFuture = 4,       // events after publication (What's next)
  kConsequence = 8,  // stakes, precedent, comparison (Why it matters)
  kSchedule = 16,    // a plan or schedule stated outright (What's next)
  kWillEvent = 32,   // "will" with an event that happens on a date: a vote, a hearing, a launch
};

const CueSet& SentenceCues() {
  // Furniture comes from data/brief/furniture_cues.txt (detail/furniture.h); the other lists
  // are the builder's own.
  static const CueSet cues(std::vector<std::vector<std::string>>{
      FurniturePhrases(),
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
      // Consequence, stakes and precedent (issue 21). Not a bare "since", "would", "largest":
      // "burned since Saturday", "said it would appeal" and "Europe's largest port" state
      // facts, not why they matter.
      {" because ",        " means ",         " could ",          " threat",
       " risk",            " first time",     " largest since",   " biggest since",
       " worst since",     " largest ever",   " biggest ever",    " worst ever",
       " on record",       " record ",        " impact",          " affect",
       " crucial ",        " critical ",      " precedent",       " historic",
       " for the first",   " in years",       " in decades",      " in a decade",
       " since 19",        " since 20",       " after years",     " the latest ",
       " consequences",    " stakes",         " at stake",        " at risk",
       " as a result",     " led to ",        " leading to ",     " raising fears",
       " raises questions", " threatens ",    " threatening ",    " could cost",
       " deadliest ",      " echoes ",        " comes after ",    " comes as ",
       " blow to ",        " setback ",       " signals ",        " marks the "},
      // What's next is what is scheduled or planned (issue 21): the future cues above less a
      // bare "will", which also carries resolve and sentiment ("we will rebuild").
      {" is set to ", " are set to ", " plans to ", " plan to ", " planned to ", " expected to ",
       " scheduled ", " next week", " next month", " next year", " later this ", " is due to ",
       " are due to ", " is to be ", " are to be ", " upcoming ", " intends to ", " deadline ",
       " tomorrow"},
      {" will meet", " will vote", " will decide", " will rule", " will hold", " will hear",
       " will sign", " will announce", " will release", " will publish", " will open",
       " will close", " will begin", " will start", " will launch", " will resume",
       " will testify", " will appear", " will visit", " will travel", " will face",
       " will review", " will consider", " will debate", " will return", " will take effect",
       " will be held", " will be sentenced", " will go on trial", " will be tried"}});
  return cues;
}

}  // namespace

core::Brief BriefBuilder::Build() {
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
  AddKeyFigures(arts_, cands_, outlet_, opts_.max_figures, &brief);
  Timeline(&brief);
  Sources(&brief);
  return brief;
}

void BriefBuilder::AssignSources() {
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

int BriefBuilder::TermId(const std::string& t) {
  auto [it, added] = term_ids_.emplace(t, static_cast<int>(term_ids_.size()));
  if (added) term_text_.push_back(&it->first);
  return it->second;
}

void BriefBuilder::TokenizeArticles() {
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

void BriefBuilder::TermIdsOf(size_t ai, core::CharSpan span, std::vector<int>* ids) {
  const ArticleTokens& t = art_tokens_[ai];
  size_t k = std::lower_bound(t.begin.begin(), t.begin.end(), span.begin) - t.begin.begin();
  for (; k < t.begin.size() && t.end[k] <= span.end; ++k) ids->push_back(SlotTerm(t.slot[k]));
}

int BriefBuilder::SlotTerm(int slot) {
  int& term = slot_term_[slot];
  if (term < 0) term = TermId(Stem(*slot_token_[slot]));
  return term;
}

Candidate BriefBuilder::MakeCandidate(size_t ai, const std::vector<core::CharSpan>& spans,
                                      size_t pos) {
  const core::Article* a = arts_[ai];
  Candidate c;
  c.art = ai;
  c.span = {spans.front().begin, spans.back().end};
  if (spans.size() > 1) c.parts = spans;
  c.pos = pos;
  c.text = std::string_view(a->text.data() + c.span.begin, c.span.end - c.span.begin);
  c.words = WordCount(c.text);
  // Scratch buffers are members: one allocation per builder, not per sentence.
  std::vector<int>& ids = ids_scratch_;
  ids.clear();
  TermIdsOf(ai, c.span, &ids);
  // Distinct adjacent pairs go to pair_keys_, sorted; NumberPairs gives them dense ids.
  const size_t first_key = pair_keys_.size();
  for (size_t i = 0; i + 1 < ids.size(); ++i)
    pair_keys_.push_back((static_cast<uint64_t>(ids[i]) << 32) | static_cast<uint32_t>(ids[i + 1]));
  std::sort(pair_keys_.begin() + first_key, pair_keys_.end());
  pair_keys_.erase(std::unique(pair_keys_.begin() + first_key, pair_keys_.end()), pair_keys_.end());
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

void BriefBuilder::Annotate(Candidate* c, uint32_t cues) const {
  const core::Article& a = *arts_[c->art];
  for (const core::DateMention& d : a.annotations.dates)
    if (d.value.size() == 10 && d.span.begin >= c->span.begin && d.span.begin < c->span.end)
      c->dates.push_back(d.value);
  std::string_view published = std::string_view(a.date_published).substr(0, 10);
  if (!published.empty())
    for (std::string_view d : c->dates)
      if (d > published) c->future = true;
  c->scheduled = c->future || (cues & (kSchedule | kWillEvent));
  c->future = c->future || (cues & kFuture);
  c->consequence = cues & kConsequence;
}

void BriefBuilder::CollectCandidates() {
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

uint64_t BriefBuilder::SentenceKey(size_t art, const core::CharSpan& sentence) {
  return static_cast<uint64_t>(art) << 32 | sentence.begin;
}

std::vector<core::CharSpan> BriefBuilder::SentencesOf(const Candidate& c) {
  return c.parts.empty() ? std::vector<core::CharSpan>{c.span} : c.parts;
}

void BriefBuilder::IndexSentences() {
  for (size_t i = 0; i < cands_.size(); ++i)
    for (const core::CharSpan& s : SentencesOf(cands_[i]))
      cands_at_[SentenceKey(cands_[i].art, s)].push_back(i);
}

void BriefBuilder::Claim(size_t idx) {
  const Candidate& c = cands_[idx];
  for (const core::CharSpan& s : SentencesOf(c)) {
    auto it = cands_at_.find(SentenceKey(c.art, s));
    if (it == cands_at_.end()) continue;
    for (size_t j : it->second) cands_[j].blocked = true;
  }
}

void BriefBuilder::NumberPairs() {
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

bool BriefBuilder::Eligible(const Candidate& c, uint32_t* cues) {
  if (c.words < w_.min_words || c.words > w_.max_words) return false;
  if (c.terms.size() < 4) return false;
  std::string& lower = lower_scratch_;
  lower.assign(1, ' ');
  core::AppendAsciiLower(c.text, &lower);
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

void BriefBuilder::MergeRepeats() {
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
      if (jac > best_j || (jac == best_j && (best == SIZE_MAX || j > best))) best_j = jac, best = j;
    }
    for (size_t j : touched) shared[j] = 0;
    if (best != SIZE_MAX) {
      c.repeat_of = best;
      if (source_[c.art] != source_[cands_[best].art]) cands_[best].corroboration.push_back(i);
    }
    for (int t : c.terms) postings[t].push_back(i);
  }
}

void BriefBuilder::WeighTerms() {
  // Distinct sources per term and per pair: (id, source) keys, sorted and made unique.
  std::vector<uint64_t> term_source, pair_source;
  std::vector<int> term_tf(term_ids_.size(), 0), pair_tf(pair_count_, 0);
  for (const Candidate& c : cands_) {
    if (c.repeat_of != SIZE_MAX && source_[c.art] == source_[cands_[c.repeat_of].art]) continue;
    const uint64_t src = static_cast<uint32_t>(source_[c.art]);
    for (int t : c.terms) term_source.push_back(static_cast<uint64_t>(t) << 32 | src), ++term_tf[t];
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
    term_w_[t] = term_tf[t] <= 1 ? 0.0 : std::log(1.0 + term_tf[t]) * (1 + w_.multi_source * extra);
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

double BriefBuilder::PositionFactor(const Candidate& c) const {
  // Counted over standalone sentences: a dateline or a photo credit does not push the lead down.
  return 1 + w_.position * std::exp(-static_cast<double>(c.epos) / w_.position_decay);
}

double BriefBuilder::Quality(const Candidate& c) const {
  double q = 1;
  if (StartsWithAny(c.text, {"He", "She", "It", "They", "This", "That", "These", "Those", "His",
                             "Her", "Their", "But", "And", "However", "Also", "Still", "Meanwhile",
                             "So", "Instead"}))
    q *= w_.quality;
  if (c.text.find('?') != std::string_view::npos) q *= 0.5;
  return q;
}

double BriefBuilder::Gain(const Candidate& c) const {
  double g = 0;
  for (int t : c.terms)
    if (!covered_terms_[t]) g += term_w_[t];
  // Pairs said once weigh nothing and add nothing (as when they were left out of the sum).
  for (int p : c.pair_ids)
    if (!covered_pairs_[p] && pair_w_[p] != 0) g += w_.pair_weight * pair_w_[p];
  return g / c.length_norm;
}

}  // namespace detail

core::Brief BuildBrief(const cluster::StoryGroup& group,
                       const std::vector<const core::Article*>& articles,
                       const BriefOptions& options) {
  // A member in a language the reader does not read gives its sentences alone: what else its
  // annotations hold (stored by a version that read every language with English rules) would
  // make figures, dates and stakeholders out of misread words. A member in a language read for
  // figures, dates and quotes only is read again here, so a store made before those grammars
  // gives what they read, and no names.
  std::vector<const core::Article*> members = articles;
  std::vector<core::Article> sentences_only;
  sentences_only.reserve(members.size());  // the pointers into it must stay valid
  std::vector<std::string> not_read;
  for (const core::Article*& a : members) {
    if (nlp::ReadsLanguage(a->language)) continue;
    core::Article copy = *a;
    if (nlp::ReadsFiguresDatesAndQuotes(a->language)) {
      copy.annotations = nlp::ReadArticle(*a);
      sentences_only.push_back(std::move(copy));
      a = &sentences_only.back();
      continue;
    }
    copy.annotations = core::Annotations{};
    copy.annotations.sentences = a->annotations.sentences;
    copy.annotations.language_not_read = core::PrimaryLanguage(a->language);
    not_read.push_back(copy.annotations.language_not_read);
    sentences_only.push_back(std::move(copy));
    a = &sentences_only.back();
  }
  core::Brief brief = detail::BriefBuilder(group, members, options).Build();
  std::sort(not_read.begin(), not_read.end());
  not_read.erase(std::unique(not_read.begin(), not_read.end()), not_read.end());
  brief.languages_not_read = std::move(not_read);
  return brief;
}

}  // namespace wirebrief::brief
