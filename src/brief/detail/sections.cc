// The brief's lines: the support check every line passes, the summary (lede, context) and
// the headed sections (what's next, why it matters), reading order, timeline and sources.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "brief/detail/builder.h"
#include "brief/detail/compress.h"
#include "brief/detail/support_text.h"
#include "brief/detail/text.h"
#include "brief/support.h"
#include "core/date.h"

namespace wirebrief::brief::detail {
namespace {

// Days from `earlier` to `later` (both ISO dates); 0 when either does not parse.
long DaysBefore(std::string_view earlier, std::string_view later) {
  auto a = core::ParseIsoDate(earlier), b = core::ParseIsoDate(later);
  return a && b ? core::DaysFromCivil(*b) - core::DaysFromCivil(*a) : 0;
}

}  // namespace

bool BriefBuilder::Selectable(const Candidate& c) const {
  return c.prose && !c.used && !c.blocked && c.repeat_of == SIZE_MAX;
}

bool BriefBuilder::Redundant(const Candidate& c) const {
  size_t seen = 0;
  for (int t : c.terms) seen += covered_terms_[t];
  return seen * 10 >= c.terms.size() * 7;
}

const SupportText& BriefBuilder::ReadCandidate(size_t idx) {
  if (cand_support_.size() < cands_.size()) cand_support_.resize(cands_.size());
  std::unique_ptr<SupportText>& r = cand_support_[idx];
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
  r = std::make_unique<SupportText>(ReadSupportText(c.text, tokens, true, &support_vocab_));
  return *r;
}

std::string BriefBuilder::LineText(size_t idx, bool clause, bool* compressed) {
  const Candidate& c = cands_[idx];
  *compressed = false;
  std::string text(c.text);
  std::replace(text.begin(), text.end(), '\n', ' ');  // a quotation over several sentences
  if (!opts_.compress) return text;
  std::string shorter = clause ? CompressToClause(text, kClauseMinWords) : Compress(text);
  // A stakeholder line keeps its party's name: a compression that drops it ("Fey is the
  // producer (of 30 Rock)") leaves a line about someone else.
  if (clause && party_forms_) {
    auto names = [&](const std::string& t) {
      for (const auto& f : *party_forms_)
        if (t.find(f) != std::string::npos) return true;
      return false;
    };
    if (names(text) && !names(shorter)) shorter = text;
  }
  if (shorter.size() < text.size() && WordCount(shorter) >= w_.min_words &&
      ScoreReadSupport(ReadSupportText(shorter, true, &support_vocab_), {&ReadCandidate(idx)})
              .score >= kSupportedAt) {
    *compressed = true;
    return shorter;
  }
  return text;
}

bool BriefBuilder::Emit(core::Brief* b, core::BriefSection section, const std::string& label,
                        size_t idx) {
  Candidate& c = cands_[idx];
  if (c.blocked) return false;
  bool compressed = false;
  std::string text = LineText(idx, section == core::BriefSection::kStakeholder, &compressed);
  size_t words = WordCount(text);
  if (words_used_ + words > opts_.max_words || line_texts_.count(text) || Restates(idx))
    return false;
  std::vector<const SupportText*> cited_text{&ReadCandidate(idx)};
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
  SupportText read_line;
  if (text != c.text) read_line = ReadSupportText(text, true, &support_vocab_);
  Support support = ScoreReadSupport(text != c.text ? read_line : ReadCandidate(idx), cited_text);
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

void BriefBuilder::Lede(core::Brief* b) {
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < cands_.size(); ++i)
    if (Selectable(cands_[i]) && cands_[i].pos <= 1 &&
        (best == SIZE_MAX || cands_[i].salience > cands_[best].salience))
      best = i;
  if (best == SIZE_MAX)
    for (size_t i = 0; i < cands_.size(); ++i)
      if (Selectable(cands_[i]) && (best == SIZE_MAX || cands_[i].salience > cands_[best].salience))
        best = i;
  if (best != SIZE_MAX) Emit(b, core::BriefSection::kLede, "", best);
}

void BriefBuilder::Cued(core::Brief* b, core::BriefSection section, size_t max,
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

void BriefBuilder::WhatsNext(core::Brief* b) {
  Cued(b, core::BriefSection::kWhatsNext, opts_.max_whats_next,
       [&](const Candidate& c) { return c.scheduled; });
}

void BriefBuilder::WhyItMatters(core::Brief* b) {
  std::string first = group_.story.first_published.substr(0, 10);
  Cued(b, core::BriefSection::kWhyItMatters, opts_.max_why, [&](const Candidate& c) {
    // "No tsunami threat was issued": what did not happen is no stake.
    if (c.future || c.text.starts_with("No ") || c.text.starts_with("There was no ")) return false;
    if (c.consequence) return true;
    // History: events dated well before the story.
    if (!first.empty())
      for (std::string_view d : c.dates)
        if (DaysBefore(d, first) > 30) return true;
    return false;
  });
}

bool BriefBuilder::Restates(size_t idx) const {
  const Candidate& c = cands_[idx];
  std::vector<std::string> numbers, brief_numbers;
  bool numbers_read = false;
  for (size_t li : line_cand_) {
    const Candidate& l = cands_[li];
    size_t shared = 0;
    for (auto x = c.terms.begin(), y = l.terms.begin(); x != c.terms.end() && y != l.terms.end();)
      if (*x < *y)
        ++x;
      else if (*y < *x)
        ++y;
      else
        ++shared, ++x, ++y;
    const size_t shorter = std::min(c.terms.size(), l.terms.size());
    if (shorter == 0 || shared * 2 < shorter) continue;
    if (!numbers_read) {
      // The numbers the line would give: a parenthetical conversion ("210 kilometers (130
      // miles)") is dropped by compression and is no news.
      numbers = Numbers(opts_.compress ? Compress(c.text) : std::string(c.text));
      std::sort(numbers.begin(), numbers.end());
      numbers_read = true;
    }
    // A number the line does not give is news ("will reopen on August 20" after "would reopen
    // next week"); the same numbers with half the words are one fact told twice ("burned
    // 38,000 hectares, about 94,000 acres" in two outlets' words).
    std::vector<std::string> theirs = Numbers(l.text);
    std::sort(theirs.begin(), theirs.end());
    if (!std::includes(theirs.begin(), theirs.end(), numbers.begin(), numbers.end())) {
      // Its other numbers may be news the brief already gives elsewhere: "the fire, 210
      // kilometers northwest of Sydney, has scorched 38,000 hectares" after a line with the
      // 38,000 hectares and a lede with the 210 kilometers tells nothing new.
      if (theirs.empty()) continue;
      if (brief_numbers.empty())
        for (size_t other : line_cand_)
          for (auto& n : Numbers(cands_[other].text)) brief_numbers.push_back(std::move(n));
      std::sort(brief_numbers.begin(), brief_numbers.end());
      bool covers_line = std::includes(numbers.begin(), numbers.end(), theirs.begin(), theirs.end());
      bool all_told = std::includes(brief_numbers.begin(), brief_numbers.end(), numbers.begin(),
                                    numbers.end());
      if (!(covers_line && all_told)) continue;
    }
    // The same day resolved from different words ("a court in Guayaquil on Wednesday", "a
    // hearing set for Wednesday in Guayaquil") counts as a shared number.
    const bool same_days =
        !c.dates.empty() && std::all_of(c.dates.begin(), c.dates.end(), [&](std::string_view d) {
          return std::find(l.dates.begin(), l.dates.end(), d) != l.dates.end();
        });
    if (!numbers.empty() || same_days ||
        (shared >= kRestatesWords &&
         static_cast<double>(shared) >= kRestatesShared * static_cast<double>(shorter)))
      return true;
  }
  return false;
}

size_t BriefBuilder::LineOf(size_t idx) const {
  for (size_t li = 0; li < line_cand_.size(); ++li)
    if (line_cand_[li] == idx) return li;
  return SIZE_MAX;
}

bool BriefBuilder::InContext(size_t idx) const {
  size_t li = cands_[idx].used ? LineOf(idx) : SIZE_MAX;
  return li != SIZE_MAX && section_of_[li] == core::BriefSection::kContext;
}

bool BriefBuilder::Place(core::Brief* b, core::BriefSection section, const std::string& label,
                         size_t idx) {
  size_t li = LineOf(idx);
  if (li == SIZE_MAX || section_of_[li] != Section::kContext) return false;
  b->lines[li].section = section;
  b->lines[li].label = label;
  section_of_[li] = section;
  if (section == Section::kStakeholder) {
    // A summary sentence that becomes a party's line is cut to the clause with its position.
    bool compressed = false;
    std::string text = LineText(idx, true, &compressed);
    core::BriefLine& line = b->lines[li];
    if (compressed && text.size() < line.text.size() && !line_texts_.count(text)) {
      words_used_ -= WordCount(line.text) - WordCount(text);
      line_texts_.insert(text);
      line.text = std::move(text);
      line.compressed = true;
    }
  }
  return true;
}

void BriefBuilder::Context(core::Brief* b, size_t budget) {
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

void BriefBuilder::Order(core::Brief* b) {
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

void BriefBuilder::Timeline(core::Brief* b) {
  std::map<std::string, size_t, std::less<>> best_for_date;
  for (size_t i = 0; i < cands_.size(); ++i) {
    const Candidate& c = cands_[i];
    if (!c.prose || c.repeat_of != SIZE_MAX || !c.parts.empty() || c.dates.empty()) continue;
    // A sentence stands under one date, its first ("closed until Wednesday while engineers
    // inspect through Friday" under Wednesday): a line repeated under two dates read as two
    // events. A later date it names is another sentence's to tell.
    {
      std::string_view d = c.dates.front();
      auto it = best_for_date.find(d);
      // The earliest report of a dated event tells it first; salience breaks ties within it.
      if (it == best_for_date.end() || c.art < cands_[it->second].art ||
          (c.art == cands_[it->second].art && c.pos < cands_[it->second].pos))
        best_for_date[std::string(d)] = i;
    }
  }
  // A date no sentence names first may be told by a sentence that names it later, when that
  // sentence is in the timeline under no other date ("... will strike on Monday after talks
  // collapsed on Friday" tells Friday when another outlet's sentence tells Monday).
  std::set<size_t> placed;
  for (const auto& [date, i] : best_for_date) placed.insert(i);
  for (size_t i = 0; i < cands_.size(); ++i) {
    const Candidate& c = cands_[i];
    if (!c.prose || c.repeat_of != SIZE_MAX || !c.parts.empty() || c.dates.size() < 2 ||
        placed.count(i))
      continue;
    for (size_t k = 1; k < c.dates.size(); ++k) {
      if (best_for_date.count(c.dates[k])) continue;
      best_for_date.emplace(c.dates[k], i);
      placed.insert(i);
      break;
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

void BriefBuilder::Sources(core::Brief* b) {
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

}  // namespace wirebrief::brief::detail
