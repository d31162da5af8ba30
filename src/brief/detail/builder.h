// The brief builder behind BuildBrief (brief.h), one per story, split by concern: brief.cc
// reads the story's sentences into candidates (repeats merged, terms weighed),
// detail/sections.cc turns candidates into the brief's lines and sections, and
// detail/stakeholders.cc finds the parties and gives each its line. Not thread-safe: one story.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "brief/brief.h"
#include "brief/detail/candidate.h"
#include "brief/detail/support_text.h"
#include "cluster/cluster.h"
#include "core/model.h"
#include "nlp/read.h"

namespace wirebrief::brief::detail {

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

class BriefBuilder {
 public:
  BriefBuilder(const cluster::StoryGroup& g, const std::vector<const core::Article*>& arts,
               const BriefOptions& o)
      : group_(g), opts_(o), arts_(arts) {
    // Earliest first: the original of a wire text is the copy cited, and "first" means first.
    std::stable_sort(arts_.begin(), arts_.end(),
                     [](auto* x, auto* y) { return x->date_published < y->date_published; });
  }

  core::Brief Build();

 private:
  using Section = core::BriefSection;

  // Articles in one copy family share a source; other articles are sources of their own
  // outlet (two articles of one newsroom do not corroborate each other).
  void AssignSources();

  int TermId(const std::string& t);

  // Each article's content tokens as term ids, read once per story: candidates take the
  // tokens inside their span instead of tokenising their text again (nlp::ContentTokens on each
  // sentence, and again for sentences a quotation joins, was a quarter of BuildBrief's time, perf
  // on bench/brief_bench). A story repeats its words, so each distinct token is stemmed once.
  void TokenizeArticles();

  // Term ids of the content tokens within `span` of article `ai`, in order (Terms).
  // Ids are given in the order candidates first use them, as when each sentence was tokenised
  // on its own (the ids order sums and ties downstream).
  void TermIdsOf(size_t ai, core::CharSpan span, std::vector<int>* ids);

  // The term id of a distinct token, stemmed the first time it is asked for.
  int SlotTerm(int slot);

  Candidate MakeCandidate(size_t ai, const std::vector<core::CharSpan>& spans, size_t pos);

  // What the sections ask of a prose sentence, computed once: its dates and its cues.
  // `cues` are its SentenceCue bits.
  void Annotate(Candidate* c, uint32_t cues) const;

  void CollectCandidates();

  static uint64_t SentenceKey(size_t art, const core::CharSpan& sentence);
  static std::vector<core::CharSpan> SentencesOf(const Candidate& c);

  // Which candidates span each source sentence: a quotation's run and each sentence of it are
  // candidates that overlap, and only one of them may become a line.
  void IndexSentences();

  // A line now cites the sentences of candidate `idx`: no other line may cite them.
  void Claim(size_t idx);

  // Dense ids for the adjacent term pairs (the rank of each pair among the story's distinct
  // pairs): a sorted vector instead of a node-based map, which cost a malloc per pair.
  void NumberPairs();

  // Whether a sentence can stand alone as a brief line. Sets `cues` (SentenceCue bits) when it
  // gets that far.
  bool Eligible(const Candidate& c, uint32_t* cues);

  // Later sentences that repeat an earlier one (wire reprints, shared copy, quoted statements)
  // are not candidates of their own: a repeat within one source is dropped, a repeat from an
  // independent source corroborates the first and is cited with it.
  void MergeRepeats();

  // Terms the coverage shares carry weight by how many sources and sentences state them.
  void WeighTerms();

  double PositionFactor(const Candidate& c) const;

  // Sentences that lean on the one before them read badly alone.
  double Quality(const Candidate& c) const;

  // Weight of the terms and pairs `c` adds to what is already covered, per word^length_exp.
  double Gain(const Candidate& c) const;

  bool Selectable(const Candidate& c) const;

  // True when most of the candidate's terms are already in an emitted line.
  bool Redundant(const Candidate& c) const;

  // Candidate `idx` read for the support check, once per story (detail/support_text.h).
  const SupportText& ReadCandidate(size_t idx);

  // The text a candidate contributes: compressed when that passes the support check.
  // `clause`: cut to the clause carrying the position (stakeholder lines).
  std::string LineText(size_t idx, bool clause, bool* compressed);
  // The forms of the party whose line is being chosen (Stakeholders sets it around Emit and
  // Place), which its compressed line must keep; null otherwise.
  const std::vector<std::string>* party_forms_ = nullptr;

  bool Emit(core::Brief* b, core::BriefSection section, const std::string& label, size_t idx);

  void Lede(core::Brief* b);

  // Picks up to `max` sentences passing `accept`, best salience first, skipping restatements.
  void Cued(core::Brief* b, core::BriefSection section, size_t max,
            const std::function<bool(const Candidate&)>& accept);

  const core::Article& ArticleOf(const Candidate& c) const { return *arts_[c.art]; }

  // Future: a date after publication or a future-tense cue (Annotate).
  void WhatsNext(core::Brief* b);

  void WhyItMatters(core::Brief* b);

  struct Party {
    std::string name, role;
    core::EntityType type;
    std::set<int> sources;
    std::map<int, double> part;  // per independent source: the party's largest part there
    int mentions = 0;
    size_t first = SIZE_MAX;         // order of first mention
    std::vector<std::string> forms;  // surface forms that name it in text
    bool spoken_for = false;         // a person the text ties to it speaks for it
  };

  // The part a mention gives its party in its sentence: the subject who decides or acts
  // ("Minister X ordered"), the subject stating a position or a fact ("X said"), or only named
  // (an object, or a source of figures in an attribution tail: "..., the X Office said").
  enum class Part { kNamed, kStates, kDecides };
  // Words that may stand between a subject and its verb (lower-cased, padded with spaces).
  static bool SkippableBeforeVerb(std::string_view word);
  Part PartOf(size_t ai, const core::Mention& m);

  // Weights of a party's part in one source (PartOf); chosen on the fixture stories so that a
  // party deciding in one outlet outweighs one named in two.
  static double PartWeight(Part part);
  static constexpr double kRoleWeight = 2;  // a person the text gives a role (minister, mayor)
  static constexpr size_t kClauseMinWords = 7;  // a stakeholder line cut shorter says too little
  static constexpr size_t kPartyTries = 4;  // sentences tried for a party's line, best first

  // Stakeholders: people, organisations and countries, ranked by their part in the story
  // rather than by how often they are named: in each independent source a party counts for
  // the most it does there (decides or acts, states a position, is only named), summed over
  // sources, plus a bonus for a person with a stated role. An agency quoted for figures in
  // every outlet thus ranks after the minister who ordered the evacuation. Each gets the
  // sentence that best states its action or position.
  void Stakeholders(core::Brief* b);
  // Its steps, in order. Parties by name, with each name tagged as a place counted (`as_place`):
  // people (a surname alone joins its full name), organisations and countries, a spokesperson's
  // mentions counted for the party they speak for (PartyOfPerson).
  using Parties = std::map<std::string, Party>;
  Parties CollectParties(std::map<std::string, int>* as_place);
  std::map<std::string, std::string> PartyOfPerson() const;
  // Folds one-word organisation names into the longer party names they begin; returns them.
  static std::set<std::string> FoldShortForms(Parties* parties);
  // The parties that may have a line, best first.
  std::vector<const Party*> RankParties(const Parties& parties, const std::set<std::string>& folded,
                                        const std::map<std::string, int>& as_place) const;
  // Gives `party` the sentence that best states its action or position; the index of the line
  // it holds, or nullopt when no sentence fits. `after_buffer`: scratch.
  std::optional<size_t> PartyLine(core::Brief* b, const Party& party, std::string* after_buffer);
  void OrderStakeholderLines(core::Brief* b, const std::vector<size_t>& placed_lines);

  // True when the name at [at, at + len) of `text` is the speaker of an attribution: "said X",
  // "according to X", "X said" or "X, the mayor, said".
  static bool SpeakerAt(std::string_view text, size_t at, size_t len);

  // True when candidate `idx` restates a line already emitted, as outlets retell one fact in
  // their own words: it gives no number the line does not, and shares most of the shorter one's
  // words with it (kRestatesShared, and kRestatesWords at least), or half of them and numbers.
  bool Restates(size_t idx) const;
  static constexpr double kRestatesShared = 0.6;
  static constexpr size_t kRestatesWords = 5;  // a short sentence shares a name, not a fact

  // Index of the line a candidate became, or SIZE_MAX.
  size_t LineOf(size_t idx) const;

  bool InContext(size_t idx) const;

  // Gives a summary line a headed section: a context line moves there. The lede and a line that
  // heads a section already stay where they are (false): a sentence is said once, so of two
  // parties acting in one sentence only one has it as its line.
  bool Place(core::Brief* b, core::BriefSection section, const std::string& label, size_t idx);

  // Fills the word budget up to `budget` with the sentences that add most uncovered weight.
  void Context(core::Brief* b, size_t budget);

  // Reading order: sections in brief order; context lines in story order (article, position).
  void Order(core::Brief* b);

  void Timeline(core::Brief* b);

  void Sources(core::Brief* b);

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
  SupportVocab support_vocab_;  // ids of every text the support check reads
  std::vector<std::unique_ptr<SupportText>> cand_support_;  // per candidate, when read
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

}  // namespace wirebrief::brief::detail
