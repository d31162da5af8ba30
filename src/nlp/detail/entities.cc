// Mentions from tagger labels (short forms linked to the full name) and country mentions
// normalised to ISO 3166 codes.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/detail/lexicon.h"
#include "nlp/detail/name_rules.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

core::EntityType TypeOf(uint8_t label) {
  return label <= kIPer   ? core::EntityType::kPerson
         : label <= kIOrg ? core::EntityType::kOrganization
                          : core::EntityType::kPlace;
}

}  // namespace

int MentionAt(const std::vector<core::Mention>& mentions, uint32_t b) {
  auto it = std::upper_bound(mentions.begin(), mentions.end(), b,
                             [](uint32_t x, const core::Mention& m) { return x < m.span.begin; });
  if (it == mentions.begin()) return -1;
  --it;
  return b < it->span.end ? static_cast<int>(it - mentions.begin()) : -1;
}

std::vector<core::Mention> BuildMentions(Doc* doc) {
  const Doc& d = *doc;
  std::vector<core::Mention> out;
  std::vector<std::pair<size_t, size_t>> token_spans;
  size_t n = d.size();
  for (size_t i = 0; i < n;) {
    uint8_t l = d.labels[i];
    if (l == kO) {
      ++i;
      continue;
    }
    uint8_t inside = l % 2 == 1 ? l + 1 : l;  // B-X -> I-X
    size_t j = i + 1;
    while (j < n && d.labels[j] == inside && d.sentence_of[j] == d.sentence_of[i]) ++j;
    // Leading titles are not part of a person's name ("President Obama" -> "Obama").
    size_t b = i;
    if (TypeOf(l) == core::EntityType::kPerson)
      while (b + 1 < j && (PersonTitles().count(d.tok(b).text) || IsTitleToken(d, b)))
        doc->labels[b++] = kO;
    if (b > i) doc->labels[b] = kBPer;
    // A trailing possessive or punctuation never belongs to a name.
    // A title alone ("Governor") is not a name.
    if (TypeOf(l) == core::EntityType::kPerson && j - b == 1 && IsTitleToken(d, b)) {
      i = j;
      continue;
    }
    size_t e = j;
    while (e > b && (IsPossessive(d.tok(e - 1).text) ||
                     (d.tok(e - 1).Is(kPunct) && d.tok(e - 1).text != ")")))
      --e;
    if (e > b) {
      core::Mention m;
      m.span = {d.tok(b).begin, d.tok(e - 1).end};
      m.type = TypeOf(l);
      m.name = std::string(d.Span(m.span.begin, m.span.end));
      if (m.type == core::EntityType::kPlace) {
        const GazEntry* g = nullptr;
        int k = d.model->gazetteer().Match(d.tag.tokens, b, e, &g);
        if (k == static_cast<int>(e - b) && g->kind == GazKind::kCountry)
          m.type = core::EntityType::kCountry;
      }
      out.push_back(std::move(m));
      token_spans.push_back({b, e});
    }
    i = j;
  }
  // A person's short form ("Ostrow", "Kara") takes the name of the fullest form in the article
  // that ends or starts with it; ambiguous short forms keep their own.
  std::map<std::string, std::string> by_part;
  std::map<std::string, int> part_count;
  for (size_t k = 0; k < out.size(); ++k) {
    auto [b, e] = token_spans[k];
    if (out[k].type != core::EntityType::kPerson || e - b < 2) continue;
    for (std::string_view part : {d.tok(b).text, d.tok(e - 1).text}) {
      std::string p(part);
      auto it = by_part.find(p);
      if (it == by_part.end()) {
        by_part[p] = out[k].name;
        part_count[p] = 1;
      } else if (it->second != out[k].name) {
        if (it->second.size() < out[k].name.size() &&
            out[k].name.find(it->second) != std::string::npos) {
          it->second = out[k].name;
        } else if (it->second.find(out[k].name) == std::string::npos) {
          ++part_count[p];
        }
      }
    }
  }
  for (size_t k = 0; k < out.size(); ++k) {
    auto [b, e] = token_spans[k];
    if (out[k].type != core::EntityType::kPerson || e - b != 1) continue;
    auto it = by_part.find(out[k].name);
    if (it != by_part.end() && part_count[out[k].name] == 1) out[k].name = it->second;
  }
  return out;
}

void ReadCountries(const Doc& d, std::vector<core::CountryMention>* out) {
  const Gazetteer& gaz = d.model->gazetteer();
  for (const SentenceRange& s : d.tag.sentences) {
    for (size_t i = s.first; i < s.last;) {
      const GazEntry* g = nullptr;
      int k = d.tok(i).Is(kUpper) ? gaz.Match(d.tag.tokens, i, s.last, &g) : 0;
      if (k == 0) {
        ++i;
        continue;
      }
      size_t e = i + k;
      std::string via;
      if (g->kind == GazKind::kCountry)
        via = "name";
      else if (g->kind == GazKind::kDemonym &&
               !(d.labels[i] != kO && e < s.last && d.labels[e] != kO && d.labels[e] % 2 == 0))
        via = "demonym";  // not inside a place name ("French Guiana")
      else if (g->kind == GazKind::kCapital && e < s.last) {
        // A capital stands for its government when it acts: "Washington said", "Beijing's
        // decision".
        const std::string& next = d.low(e);
        static const std::unordered_set<std::string_view> kActs = {
            "said",       "says",   "has",       "have",     "will",     "would",      "warned",
            "accused",    "denied", "insists",   "insisted", "wants",    "rejected",   "announced",
            "responded",  "urged",  "condemned", "welcomed", "demanded", "threatened", "refused",
            "agreed",     "signed", "imposed",   "sent",     "claims",   "claimed",    "hopes",
            "fears",      "argues", "argued",    "backed",   "called",   "retaliated", "criticised",
            "criticized", "is",     "was",       "cut",      "set",      "hit",        "told",
            "made",       "took",   "gave",      "began",    "won",      "lost",       "held",
            "kept",       "led",    "paid",      "sought",   "struck",   "chose",      "froze",
            "spent",      "sold",   "bought",    "built",    "expects"};
        bool acts = kActs.count(next) > 0 ||
                    (d.tok(e).Is(kLower) && next.size() > 3 &&
                     (next.back() == 's' || next.ends_with("ed")) && !StopWords().count(next));
        std::string_view before = i > s.first ? std::string_view(d.low(i - 1)) : std::string_view();
        if (before == "in" || before == "at" || before == "from" || before == "to" ||
            before == "near" || before == "outside" || before == "into" || before == "of")
          acts = false;
        if (IsPossessive(d.tok(e).text) && e + 1 < s.last) {
          static const std::unordered_set<std::string_view> kGov = {
              "decision",  "government", "position",  "response", "policy", "move",
              "stance",    "demands",    "support",   "plan",     "offer",  "proposal",
              "envoy",     "ambassador", "officials", "allies",   "ally",   "relations",
              "sanctions", "military",   "forces",    "troops"};
          acts = kGov.count(d.low(e + 1)) > 0;
        }
        // "is"/"was" only before a governmental predicate, not "Paris is beautiful".
        if ((next == "is" || next == "was") &&
            !(e + 1 < s.last && (d.low(e + 1) == "expected" || d.low(e + 1) == "seeking" ||
                                 d.low(e + 1) == "preparing" || d.low(e + 1) == "ready")))
          acts = false;
        if (acts && d.labels[i] != kBPer) via = "capital";
      }
      if (!via.empty() && !g->code.empty())
        out->push_back({{d.tok(i).begin, d.tok(e - 1).end}, g->code, via});
      i = e;
    }
  }
}

}  // namespace wirebrief::nlp::detail
