// Stakeholders: the story's parties, ranked by their part in it, each with the line that states
// its own action or position.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "brief/detail/builder.h"
#include "brief/detail/text.h"
#include "core/text.h"

namespace wirebrief::brief::detail {
namespace {

// A party acting or stating a position.
const CueSet& ActionCues() {
  static const CueSet cues{{" said",       " says",       " announced", " plans",     " will ",
                            " urged",      " called",     " denied",    " rejected",  " agreed",
                            " warned",     " demanded",   " ordered",   " accused",   " pledged",
                            " promised",   " signed",     " approved",  " launched",  " opposed",
                            " backed",     " voted",      " refused",   " confirmed", " declared",
                            " criticised", " criticized", " welcomed",  " condemned", " wants"}};
  return cues;
}

// What a party does as the subject of a sentence: decides or acts (ordered, declared, will),
// or states a position or a fact (said, told). Matched against the few words after its name.
enum PartyCue : uint32_t { kDecidesCue = 1, kStatesCue = 2 };

const CueSet& PartyCues() {
  static const CueSet cues{
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

// `name` in `text` as a whole word ("Peru" is not in "Peruvian"); npos when absent.
size_t FindWord(std::string_view text, std::string_view name) {
  auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c < 0; };
  for (size_t k = text.find(name); k != std::string_view::npos; k = text.find(name, k + 1)) {
    bool starts = k == 0 || !letter(text[k - 1]);
    bool ends = k + name.size() >= text.size() || !letter(text[k + name.size()]);
    if (starts && ends) return k;
  }
  return std::string_view::npos;
}

}  // namespace

bool BriefBuilder::SkippableBeforeVerb(std::string_view word) {
  for (const char* w : {" also ", " has ", " have ", " had ", " then ", " now ", " later ",
                        " again ", " today ", " yesterday ", " on ", " monday ", " tuesday ",
                        " wednesday ", " thursday ", " friday ", " saturday ", " sunday "})
    if (word == w) return true;
  return false;
}

BriefBuilder::Part BriefBuilder::PartOf(size_t ai, const core::Mention& m) {
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
  if (WordCount(before) > 4) return Part::kNamed;
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
    core::AppendAsciiLower(rest.substr(0, end), &lower);
    lower += ' ';
    if (end == 0 || !SkippableBeforeVerb(lower)) break;
    rest.remove_prefix(end);
  }
  const uint32_t cues = PartyCues().Find(lower);
  return cues & kDecidesCue ? Part::kDecides : cues & kStatesCue ? Part::kStates : Part::kNamed;
}

double BriefBuilder::PartWeight(Part part) {
  return part == Part::kDecides ? 3 : part == Part::kStates ? 1.5 : 0.5;
}

void BriefBuilder::Stakeholders(core::Brief* b) {
  std::map<std::string, int> as_place;  // mentions of a name tagged as a place
  Parties parties = CollectParties(&as_place);
  const std::set<std::string> folded = FoldShortForms(&parties);
  const std::vector<const Party*> ranked = RankParties(parties, folded, as_place);
  size_t n = 0;
  std::string after;
  std::vector<size_t> placed_lines;  // in rank order
  for (const Party* p : ranked) {
    if (n >= opts_.max_stakeholders) break;
    std::optional<size_t> line = PartyLine(b, *p, &after);
    if (!line) continue;
    ++n;
    placed_lines.push_back(*line);
  }
  OrderStakeholderLines(b, placed_lines);
}

// A person who speaks for an organisation or a government ("Deputy Commissioner Leanne
// Ashcroft of the state Bushfire Command", "Colin Tebbutt, the mayor of Wendale Shire") is
// that party: their mentions count for it, and their sentences, which name them, may be its
// line. A lower-case affiliation ("the company") names no party.
// A one-word affiliation named nowhere else is more likely a word the tagger took for a name
// ("Livestock farmer Hüseyin Tekin") than a party.
std::map<std::string, std::string> BriefBuilder::PartyOfPerson() const {
  std::map<std::string, int> named;  // non-person mentions per name
  for (const core::Article* a : arts_)
    for (const core::Mention& m : a->annotations.mentions)
      if (m.type != core::EntityType::kPerson) ++named[m.name];
  std::map<std::string, std::string> party_of_person;
  for (const core::Article* a : arts_)
    for (const core::Role& r : a->annotations.roles)
      if (!r.affiliation.empty() && std::isupper(static_cast<unsigned char>(r.affiliation[0])) &&
          r.affiliation != r.person &&
          (r.affiliation.find(' ') != std::string::npos || named[r.affiliation] >= 2))
        party_of_person.emplace(r.person, r.affiliation);
  return party_of_person;
}

BriefBuilder::Parties BriefBuilder::CollectParties(std::map<std::string, int>* as_place) {
  Parties parties;
  size_t order = 0;
  std::vector<std::pair<size_t, const core::Mention*>> mentions;
  for (size_t ai = 0; ai < arts_.size(); ++ai)
    for (const core::Mention& m : arts_[ai]->annotations.mentions)
      if (m.type == core::EntityType::kPlace)
        ++(*as_place)[m.name];
      else if (!m.name.empty())
        mentions.push_back({ai, &m});
  // A person's surname alone ("Moravec") is the same party as the full name met elsewhere.
  std::map<std::string, std::string> full_of_surname;
  for (const auto& [ai, m] : mentions)
    if (m->type == core::EntityType::kPerson) {
      size_t sp = m->name.rfind(' ');
      if (sp != std::string::npos) full_of_surname.emplace(m->name.substr(sp + 1), m->name);
    }
  const std::map<std::string, std::string> party_of_person = PartyOfPerson();
  for (const auto& [ai, m] : mentions) {
    std::string key = m->name;
    if (m->type == core::EntityType::kPerson && key.find(' ') == std::string::npos &&
        full_of_surname.count(key))
      key = full_of_surname[key];
    bool spokesperson = false;
    if (m->type == core::EntityType::kPerson)
      if (auto it = party_of_person.find(key); it != party_of_person.end())
        key = it->second, spokesperson = true;
    Party& p = parties[key];
    if (p.name.empty()) {
      p.name = key, p.first = order++;
      p.type = spokesperson ? core::EntityType::kOrganization : m->type;
      p.forms.push_back(key);
    }
    p.spoken_for = p.spoken_for || spokesperson;
    if (p.role.empty() && !m->role.empty() && !spokesperson && p.type == core::EntityType::kPerson)
      p.role = m->role;
    p.sources.insert(source_[ai]);
    double& part = p.part[source_[ai]];
    part = std::max(part, PartWeight(PartOf(ai, *m)));
    ++p.mentions;
    if (std::find(p.forms.begin(), p.forms.end(), m->name) == p.forms.end())
      p.forms.push_back(m->name);
  }
  return parties;
}

// A one-word organisation name that also begins longer party names ("Northgate" next to
// "Northgate Fire Service") is a short form or a headline fragment, not a party of its
// own: folded into the longer name when there is one, dropped when it is ambiguous.
std::set<std::string> BriefBuilder::FoldShortForms(Parties* parties) {
  std::set<std::string> folded;
  for (auto& [k, p] : *parties) {
    if (p.type != core::EntityType::kOrganization || k.find(' ') != std::string::npos) continue;
    std::vector<Party*> longer;
    for (auto& [k2, p2] : *parties)
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
  return folded;
}

std::vector<const BriefBuilder::Party*> BriefBuilder::RankParties(
    const Parties& parties, const std::set<std::string>& folded,
    const std::map<std::string, int>& as_place) const {
  std::vector<const Party*> ranked;
  for (const auto& [k, p] : parties)
    if (folded.count(k))
      continue;
    // A place that only locates the event is no party, also where a tagger took some of its
    // mentions for an organisation ("Sydney"); one whose mayor or governor speaks is.
    else if (!p.spoken_for && p.type != core::EntityType::kPerson && as_place.count(k) &&
             as_place.at(k) >= p.mentions)
      continue;
    else if (sources_ >= 2 ? p.sources.size() >= 2 : p.mentions >= 2)
      ranked.push_back(&p);
  std::map<const Party*, double> weight;
  for (const Party* p : ranked) {
    double w = (p->type == core::EntityType::kPerson && !p->role.empty()) || p->spoken_for
                   ? kRoleWeight
                   : 0;
    for (const auto& [src, part] : p->part) w += part;
    weight[p] = w;
  }
  std::sort(ranked.begin(), ranked.end(), [&](const Party* x, const Party* y) {
    if (weight[x] != weight[y]) return weight[x] > weight[y];
    if (x->sources.size() != y->sources.size()) return x->sources.size() > y->sources.size();
    if (x->mentions != y->mentions) return x->mentions > y->mentions;
    return x->first < y->first;
  });
  return ranked;
}

std::optional<size_t> BriefBuilder::PartyLine(core::Brief* b, const Party& party,
                                              std::string* after_buffer) {
  const Party* p = &party;
  std::string& after = *after_buffer;
  std::vector<std::pair<double, size_t>> scored;  // (score, candidate)
  for (size_t i = 0; i < cands_.size(); ++i) {
    const Candidate& c = cands_[i];
    // A sentence is said once: a context line may move here, any other line stays put.
    if (!c.prose || c.repeat_of != SIZE_MAX || (c.used ? !InContext(i) : c.blocked)) continue;
    size_t at = std::string_view::npos, len = 0;
    for (const auto& f : p->forms) {
      size_t k = FindWord(c.text, f);
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
    core::AppendAsciiLower(c.text.substr(at), &after);
    after += ' ';
    // A sentence about what comes next is left to What's next when the party has another
    // line (a sentence said under one heading is not repeated under another).
    // "Peru and Ecuador traded accusations": a subject shared with another party states
    // neither's own position; a line of the party alone is preferred.
    const bool joint = c.text.compare(at + len, 5, " and ") == 0 ||
                       (at >= 5 && c.text.compare(at - 5, 5, " and ") == 0 && at < 40);
    double s = (c.salience + 1e-3) * (at < 40 ? 1.5 : 1.0) * (joint ? 0.5 : 1.0) *
               (ActionCues().FoundIn(after) ? 1.5 : 1.0) * (c.future ? 0.1 : 1.0) *
               (InContext(i) ? w_.reuse
                : c.used     ? 0.5
                             : 1.0);
    scored.push_back({s, i});
  }
  // Best first; the next is tried when the best cannot be a line (it restates a line already
  // given, or does not fit), up to a few.
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::string label = p->role.empty() ? p->name : p->name + " (" + p->role + ")";
  for (size_t k = 0; k < scored.size() && k < kPartyTries; ++k) {
    const size_t best = scored[k].second;
    const size_t lines_before = b->lines.size();
    party_forms_ = &p->forms;
    const bool placed = cands_[best].used ? Place(b, core::BriefSection::kStakeholder, label, best)
                                          : Emit(b, core::BriefSection::kStakeholder, label, best);
    party_forms_ = nullptr;
    if (!placed) continue;
    return b->lines.size() > lines_before ? b->lines.size() - 1 : LineOf(best);
  }
  return std::nullopt;
}

// A summary line moved here keeps its place among the lines; the stakeholder lines go in
// rank order over the places they hold (Order keeps that order).
void BriefBuilder::OrderStakeholderLines(core::Brief* b, const std::vector<size_t>& placed_lines) {
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

bool BriefBuilder::SpeakerAt(std::string_view text, size_t at, size_t len) {
  const std::string before = core::AsciiLower(text.substr(0, at));
  for (std::string_view v : {"said ", "says ", "according to ", "told ", "added ", "wrote "})
    if (before.ends_with(v)) return true;
  std::string_view rest = text.substr(at + len);
  if (!rest.empty() && rest.front() == ',') {
    size_t close = rest.find(',', 1);
    if (close == std::string_view::npos || close > 60) return false;
    rest.remove_prefix(close + 1);
  }
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const std::string word = core::AsciiLower(rest.substr(0, rest.find_first_of(" .,;!?")));
  for (std::string_view v : {"said", "says", "told", "added", "wrote", "warned", "insisted"})
    if (word == v) return true;
  return false;
}

}  // namespace wirebrief::brief::detail
