#include "cluster/cluster.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <utility>

#include "cluster/detail/article_time.h"
#include "cluster/detail/online_state.h"
#include "core/hash.h"

namespace wirebrief::cluster {

using detail::DocInfo;
using detail::HasAnchorNeighbour;
using detail::HasNeighbour;
using detail::HeadlineOnly;
using detail::kDfBits;
using detail::kMaxTerms;
using detail::kNoDoc;
using detail::OpenStory;
using detail::TimeOf;

void OnlineClusterer::State::Close(uint32_t slot) {
  std::unique_ptr<OpenStory> st = std::move(stories[slot]);
  by_time.erase({st->last_time, st->touch, slot});
  for (const auto& [term, w] : st->centroid) {
    if (postings.empty()) break;  // dropped whole by CloseAll
    auto it = postings.find(term);
    if (it == postings.end()) continue;
    auto& v = it->second;
    std::erase_if(v, [slot](const Posting& p) { return p.slot == slot; });
    if (v.empty()) postings.erase(it);
  }
  for (uint32_t d : st->docs) {
    copies.Remove(d);
    docs.erase(d);
  }
  open_articles -= st->docs.size();
  if (opt.keep_stories) {
    core::Story& s = st->out.story;
    s.outlets.assign(st->outlets.begin(), st->outlets.end());
    s.independent_outlets = static_cast<int>(st->voices.size());
    std::erase_if(st->out.families, [](const CopyFamily& f) { return f.article_ids.size() < 2; });
    finished.push_back(std::move(st->out));
  }
  free_slots.push_back(slot);
}

void OnlineClusterer::State::AdvanceTo(double t) {
  now = t;
  std::vector<uint32_t> closing;
  const double shortest = std::min(opt.window_days, opt.headline_window_days);
  for (const auto& [last, touch, slot] : by_time) {
    // by_time is ordered by `last`: once neither kind can have closed, none later has.
    if (now - last <= shortest + 1e-9 &&
        std::floor(now) - std::floor(last) <= opt.headline_window_days + 1e-9)
      break;
    if (Closed(last, stories[slot]->is_short)) closing.push_back(slot);
  }
  CloseAll(closing);
}

void OnlineClusterer::State::CloseAll(const std::vector<uint32_t>& group) {
  if (group.empty()) return;
  bool refine = opt.refine_passes > 0 && !opt.keep_stories;
  if (refine) {
    Refine(group);
    std::vector<std::pair<uint32_t, uint64_t>> out;
    for (uint32_t g : group)
      for (uint32_t d : stories[g]->docs) out.push_back({d, stories[g]->number});
    std::sort(out.begin(), out.end());
    for (const auto& [d, number] : out) {
      const DocInfo& info = docs.at(d);
      labels.push_back({info.id, number, stories[info.story]->id,
                        info.copy_of == kNoDoc ? std::string() : docs.at(info.copy_of).id});
    }
  }
  if (group.size() == by_time.size()) {
    // Every open story closes (each day of a dated stream, the end of an undated one): the
    // indexes are dropped whole rather than term by term and document by document.
    postings.clear();
    copies.Clear();
  }
  for (uint32_t g : group) Close(g);
}

OnlineClusterer::OnlineClusterer(const ClusterOptions& options)
    : state_(std::make_unique<State>(options)) {}
OnlineClusterer::~OnlineClusterer() = default;

size_t OnlineClusterer::open_stories() const { return state_->by_time.size(); }
size_t OnlineClusterer::open_articles() const { return state_->open_articles; }

std::vector<StoryGroup> OnlineClusterer::TakeFinished() {
  return std::exchange(state_->finished, {});
}

void OnlineClusterer::Finish() {
  std::vector<uint32_t> all;
  for (const auto& entry : state_->by_time) all.push_back(std::get<2>(entry));
  state_->CloseAll(all);
}

std::vector<FinalLabel> OnlineClusterer::TakeLabels() { return std::exchange(state_->labels, {}); }

bool OnlineClusterer::Late(const core::Article& a) const {
  const State& S = *state_;
  std::optional<double> t = TimeOf(a);
  if (!t || !std::isfinite(S.now)) return false;
  return S.Closed(*t, HeadlineOnly(a, S.opt.short_words));
}

Placement OnlineClusterer::Add(const core::Article& a) {
  State& S = *state_;
  std::optional<double> t = TimeOf(a);
  if (t && *t > S.now) S.AdvanceTo(*t);
  double now = std::isfinite(S.now) ? S.now : 0;
  bool is_short = HeadlineOnly(a, S.opt.short_words);
  State::ArticleVector v = S.Vectorize(a, is_short);
  std::vector<int> years = detail::LeadYears(a, S.year_lines);
  // A copy of an article still in the window joins that article's story and family.
  uint32_t doc_slot = S.next_doc++;
  detail::CopyMatch copy = S.copies.FindAndAdd(doc_slot, a.text);
  int best = -1;
  double best_score = 0;
  // Each term's postings list as scoring found it, for the join to reuse (one hash lookup per
  // term, not two).
  std::vector<std::vector<State::Posting>*> lists(v.w.size(), nullptr);
  if (copy.doc != kNoDoc) {
    best = static_cast<int>(S.docs.at(copy.doc).story);
    best_score = copy.containment;
  } else {
    std::tie(best, best_score) = S.BestStory(v, years, is_short, now, &lists);
  }

  Placement p;
  if (best < 0) {
    best = static_cast<int>(S.OpenStoryFor(a, is_short, now));
    p.opened = true;
  }
  uint32_t slot = static_cast<uint32_t>(best);
  OpenStory& st = *S.stories[slot];
  p.story = st.number;
  p.story_id = st.id;
  if (!p.opened) p.why = S.Explain(a, st, v, copy, best_score);

  // Join: centroid (a copy adds nothing: five reprints of one dispatch must not outweigh the
  // outlets' own reports), postings, clock. The lists found by scoring are still valid when the
  // article joined an open story; opening a story may have closed another one since (mapped
  // values keep their address otherwise).
  if (copy.doc == kNoDoc) S.AddToCentroid(slot, v, p.opened ? nullptr : &lists);
  if (copy.doc == kNoDoc) S.AddLanguage(st, v.language, v.anchors);
  S.Touch(slot, now);
  st.docs.push_back(doc_slot);
  ++S.open_articles;
  S.AddYears(st, years);

  DocInfo& info = S.docs[doc_slot];
  info.story = slot;
  info.id = a.id;
  if (copy.doc != kNoDoc) info.copy_of = copy.doc;
  if (S.KeepVectors() && copy.doc == kNoDoc) info.vec = std::move(v.vec);
  info.language = std::move(v.language);
  info.anchors = std::move(v.anchors);
  info.short_text = is_short;
  info.arrival = now;
  info.years = years;
  if (S.opt.keep_stories) S.KeepMember(a, st, info, p, best_score, copy);
  return p;
}

// Terms weighted by the idf the stream has taught so far (this document included).
OnlineClusterer::State::ArticleVector OnlineClusterer::State::Vectorize(const core::Article& a,
                                                                        bool is_short) {
  ArticleVector v;
  std::vector<detail::Term>& terms = v.terms;
  terms = detail::ExtractTerms(a, is_short ? headline_weights : weights);
  docs_seen += 1;
  for (const auto& term : terms) ++df[term.key & ((size_t{1} << kDfBits) - 1)];
  std::vector<std::pair<float, size_t>>& w = v.w;
  w.reserve(terms.size());
  const bool across = opt.cross_language_join_threshold > 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    float x = (1.0f + std::log(std::max(1.0f, terms[i].weight))) * Idf(terms[i].key);
    if (terms[i].kind == detail::kCountry) {
      if (across) v.anchors.push_back({terms[i].key, x});
      continue;
    }
    w.push_back({x, i});
  }
  if (w.size() > kMaxTerms) {
    std::nth_element(w.begin(), w.begin() + kMaxTerms, w.end(), std::greater<>());
    w.resize(kMaxTerms);
  }
  double norm = 0;
  for (const auto& [x, i] : w) norm += static_cast<double>(x) * x;
  norm = norm > 0 ? std::sqrt(norm) : 1;
  for (auto& [x, i] : w) x = static_cast<float>(x / norm);
  v.vec.reserve(w.size());
  for (const auto& [x, i] : w) v.vec.push_back({terms[i].key, x});
  std::sort(v.vec.begin(), v.vec.end());
  if (across) {
    v.language = a.language.substr(0, a.language.find('-'));
    for (char& c : v.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Figures, names and countries, weighted as in the vector before its normalisation.
    for (const auto& [x, i] : w)
      if (terms[i].kind != detail::kWord) v.anchors.push_back({terms[i].key, x * norm});
    double anchor_norm = 0;
    for (const auto& [key, x] : v.anchors) anchor_norm += static_cast<double>(x) * x;
    for (auto& [key, x] : v.anchors) x = static_cast<float>(x / std::sqrt(anchor_norm));
    std::sort(v.anchors.begin(), v.anchors.end());
  }
  return v;
}

double OnlineClusterer::State::CrossLanguageScore(const ArticleVector& v,
                                                  const OpenStory& st) const {
  if (v.language.empty() || v.anchors.empty() || st.languages.empty() || st.anchor_sq <= 0)
    return -1;
  for (const std::string& l : st.languages)
    if (l.empty() || l == v.language) return -1;
  double dot = 0;
  for (const auto& [key, x] : v.anchors) {
    auto it = st.anchor_sum.find(key);
    if (it != st.anchor_sum.end()) dot += static_cast<double>(x) * it->second;
  }
  return dot / std::sqrt(st.anchor_sq);
}

void OnlineClusterer::State::AddLanguage(OpenStory& st, const std::string& language,
                                         const std::vector<std::pair<uint64_t, float>>& anchors) {
  if (opt.cross_language_join_threshold <= 0) return;
  if (std::find(st.languages.begin(), st.languages.end(), language) == st.languages.end())
    st.languages.push_back(language);
  for (const auto& [key, x] : anchors) {
    float& sum = st.anchor_sum[key];
    st.anchor_sq += (sum + x) * (sum + x) - static_cast<double>(sum) * sum;
    sum += x;
  }
}

std::pair<int, double> OnlineClusterer::State::BestStory(
    const ArticleVector& v, const std::vector<int>& years, bool is_short, double at,
    std::vector<std::vector<Posting>*>* lists) {
  const std::vector<detail::Term>& terms = v.terms;
  const std::vector<std::pair<float, size_t>>& w = v.w;
  if (scratch.size() < stories.size()) scratch.resize(stories.size(), 0);
  for (size_t k = 0; k < w.size(); ++k) {
    const auto& [x, i] = w[k];
    auto it = postings.find(terms[i].key);
    if (it == postings.end()) continue;
    (*lists)[k] = &it->second;
    for (const auto& [s, weight] : it->second) {
      if (scratch[s] == 0) touched.push_back(s);
      scratch[s] += x * weight;
    }
  }
  double threshold = is_short ? opt.headline_join_threshold : opt.join_threshold;
  std::vector<std::pair<double, uint32_t>> candidates;
  std::vector<uint32_t> cross_language;  // candidates only by CrossLanguageScore
  for (uint32_t s : touched) {
    const OpenStory& cand = *stories[s];
    double sim = MemoScore(scratch[s], s, static_cast<double>(cand.docs.size()), is_short);
    // pow(x, 0) is exactly 1: skipped for stories grown at the current time, most of them.
    if (double days = at - stories[s]->last_time; days > 0) sim *= std::pow(opt.daily_decay, days);
    // Same kind, different event: a lead dated in another year is another event.
    const std::vector<int>& sy = stories[s]->years;
    if (!years.empty() && !sy.empty() && std::none_of(years.begin(), years.end(), [&](int y) {
          return std::find(sy.begin(), sy.end(), y) != sy.end();
        }))
      sim *= opt.year_conflict_factor;
    scratch[s] = 0;
    if (sim >= threshold) {
      candidates.push_back({sim, s});
    } else if (double cross = CrossLanguageScore(v, cand);
               cross >= opt.cross_language_join_threshold && cross > 0) {
      cross_language.push_back(s);
      candidates.push_back({cross, s});
    }
  }
  touched.clear();
  // The best-scoring story with a member close to the article (member_gate); a story found
  // across languages needs the member on anchors, since their words cannot meet.
  std::sort(candidates.begin(), candidates.end(), std::greater<>());
  auto open_doc = [this](uint32_t d) -> const DocInfo* {
    const DocInfo& info = docs.at(d);
    return info.copy_of == kNoDoc ? &info : nullptr;
  };
  for (const auto& [sim, s] : candidates) {
    bool across =
        std::find(cross_language.begin(), cross_language.end(), s) != cross_language.end();
    bool near = across ? HasAnchorNeighbour(stories[s]->docs, open_doc, v.anchors, Gate(is_short))
                       : HasNeighbour(stories[s]->docs, open_doc, v.vec, Gate(is_short));
    if (near) {
      cross_language.clear();
      return {static_cast<int>(s), sim};
    }
  }
  cross_language.clear();
  return {-1, 0.0};
}

// A new story for `a` in a free slot; the least recently joined other story closes when that
// makes too many open.
uint32_t OnlineClusterer::State::OpenStoryFor(const core::Article& a, bool is_short, double at) {
  uint32_t slot;
  if (!free_slots.empty()) {
    slot = free_slots.back();
    free_slots.pop_back();
  } else {
    slot = static_cast<uint32_t>(stories.size());
    stories.emplace_back();
  }
  stories[slot] = std::make_unique<OpenStory>();
  OpenStory& st = *stories[slot];
  st.number = next_story++;
  st.is_short = is_short;
  st.last_time = at;
  st.touch = ++touches;
  by_time.insert({at, st.touch, slot});
  st.id = "s" + core::HashHex128("story:" + a.id).substr(0, 15);
  if (opt.keep_stories) st.out.story.id = st.id;
  // Not always the first entry: a story opened by an undated article before any dated one sits
  // at time 0, after a new story dated before 1970 (found by fuzz_cluster: the new story was
  // closed under itself).
  if (by_time.size() > std::max<size_t>(1, opt.max_open_stories)) {
    for (const auto& entry : by_time) {
      if (std::get<2>(entry) == slot) continue;
      CloseAll({std::get<2>(entry)});
      break;
    }
  }
  return slot;
}

// Why `a` joined `st`: the terms that carried the cosine, heaviest first.
core::StoryAttachment OnlineClusterer::State::Explain(const core::Article& a, const OpenStory& st,
                                                      const ArticleVector& v,
                                                      const detail::CopyMatch& copy,
                                                      double score) const {
  core::StoryAttachment why;
  why.article_id = a.id;
  why.score = score;
  why.reason = copy.doc != kNoDoc ? "copy" : "similar";
  if (copy.doc != kNoDoc) why.copy_of = docs.at(copy.doc).id;
  std::vector<std::pair<float, size_t>> contrib;
  for (const auto& [x, i] : v.w) {
    auto it = st.centroid.find(v.terms[i].key);
    if (it != st.centroid.end()) contrib.push_back({x * it->second, i});
  }
  std::sort(contrib.begin(), contrib.end(), std::greater<>());
  for (const auto& [c, i] : contrib) {
    if (why.shared_terms.size() < 6) why.shared_terms.push_back(v.terms[i].text);
    if (v.terms[i].kind != detail::kWord && why.shared_entities.size() < 4)
      why.shared_entities.push_back(v.terms[i].text);
  }
  return why;
}

// Adds the article's unit vector to the story's centroid and keeps the postings equal to it;
// `found_lists` (when not null) are the postings lists BestStory found, still valid.
void OnlineClusterer::State::AddToCentroid(uint32_t slot, const ArticleVector& v,
                                           const std::vector<std::vector<Posting>*>* found_lists) {
  OpenStory& st = *stories[slot];
  ++st.members;
  for (size_t k = 0; k < v.w.size(); ++k) {
    const auto& [x, i] = v.w[k];
    auto [it, fresh] = st.centroid.try_emplace(v.terms[i].key, 0.0f);
    double old = it->second;
    it->second += x;
    std::vector<Posting>& list =
        found_lists && (*found_lists)[k] ? *(*found_lists)[k] : postings[v.terms[i].key];
    if (fresh) {
      list.push_back({slot, it->second});
    } else {
      for (auto& posting : list)
        if (posting.slot == slot) {
          posting.weight = it->second;
          break;
        }
    }
    st.sq += (old + x) * (old + x) - old * old;
  }
}

// The story grew at `time`: it moves to the back of the least recently joined order.
void OnlineClusterer::State::Touch(uint32_t slot, double at) {
  OpenStory& st = *stories[slot];
  by_time.erase({st.last_time, st.touch, slot});
  st.last_time = std::max(st.last_time, at);
  st.touch = ++touches;
  by_time.insert({st.last_time, st.touch, slot});
}

void OnlineClusterer::State::AddYears(OpenStory& st, const std::vector<int>& years) {
  for (int y : years)
    if (std::find(st.years.begin(), st.years.end(), y) == st.years.end() && st.years.size() < 16)
      st.years.push_back(y);
}

// With keep_stories: the member in the story a reader gets (ids, outlets, dates, title,
// explanation, copy family and independent voices).
void OnlineClusterer::State::KeepMember(const core::Article& a, OpenStory& st, DocInfo& info,
                                        const Placement& p, double score,
                                        const detail::CopyMatch& copy) {
  info.outlet = core::OutletOf(a);
  info.credit = a.wire.empty() ? std::string() : a.wire.front();
  core::Story& s = st.out.story;
  s.article_ids.push_back(a.id);
  st.outlets.insert(info.outlet);
  if (!a.date_published.empty()) {
    if (s.first_published.empty() || a.date_published < s.first_published)
      s.first_published = a.date_published;
    if (a.date_published > s.last_published) s.last_published = a.date_published;
  }
  double title_score = p.opened ? 0.0 : score;
  if (!a.title.empty() && title_score > st.best_title_score)
    st.best_title_score = title_score, s.title = a.title;
  if (!p.opened) s.attachments.push_back(p.why);
  // Independent voices: each copy family speaks once, for its agency when credited.
  if (copy.doc != kNoDoc) {
    DocInfo& orig = docs.at(copy.doc);
    if (orig.family < 0) {
      orig.family = static_cast<int>(st.out.families.size());
      st.out.families.push_back({{orig.id}, orig.credit});
    }
    info.family = orig.family;
    CopyFamily& f = st.out.families[static_cast<size_t>(info.family)];
    f.article_ids.push_back(a.id);
    if (f.credit.empty()) f.credit = info.credit;
  } else {
    st.voices.insert(info.credit.empty() ? "outlet:" + info.outlet : "wire:" + info.credit);
  }
}

}  // namespace wirebrief::cluster
