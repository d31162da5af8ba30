// Incremental stories: the articles stored since the last update go through the one online
// clusterer, restored from the open window the store keeps, and only the stories whose members
// changed are re-briefed and rewritten. Cost follows the open window and the new articles, not
// the store (issue 20; bench/README.md ## incremental stories).
//
// Labels come from the same engine and settings as `wirebrief cluster`: final for stories whose
// window closed (refined when they closed), provisional for the open window (the same
// refinement run on a copy restored from the snapshot, as if the window closed now). A story's
// id is minted when it opens and stays with the larger part of it: when the refinement moves
// articles so that a stored story breaks into parts, the part holding most of its former
// articles keeps the id and the others open with new ids; a story whose articles mostly went
// into another stored story is merged into it, and its id resolves there.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/thread_pool.h"
#include "pipeline/alerts.h"
#include "pipeline/watch.h"
#include "pipeline/detail/late_articles.h"
#include "pipeline/detail/story_ids.h"
#include "pipeline/pipeline.h"

namespace wirebrief::pipeline {
namespace {

// Union-find over article ids, for copy families.
class Families {
 public:
  void Link(const std::string& copy, const std::string& original) {
    parent_.try_emplace(original, original);
    parent_[Find(copy)] = Find(original);
  }
  std::string Find(const std::string& x) {
    parent_.try_emplace(x, x);
    std::string at = x;
    for (int hops = 0; parent_[at] != at && hops < 1 << 20; ++hops) at = parent_[at];
    parent_[x] = at;
    return at;
  }
  bool Has(const std::string& x) const { return parent_.count(x) > 0; }
  // Every article linked so far, with its family's root.
  std::unordered_map<std::string, std::string> Roots() {
    std::vector<std::string> known;
    for (const auto& [x, up] : parent_) known.push_back(x);
    std::unordered_map<std::string, std::string> out;
    for (const auto& x : known) out[x] = Find(x);
    return out;
  }

 private:
  std::unordered_map<std::string, std::string> parent_;
};

using detail::StreamOrder;

// The articles an update reads, a page at a time. Going on from a stored window: those stored
// since, in stored order. Starting over (a first run, `recluster`, a changed or damaged engine
// state): every stored article in publication order, dated ones first and undated ones after
// them in stored order (as cluster::ClusterStories orders a batch), then whatever was stored
// while the stream ran. In stored order, a report stored after the news it predates would reach
// the clusterer as a late arrival (PlaceLateArticles) instead of in its place, and the stories
// a recluster gave would depend on the order of the runs that stored them.
class ArticlePages {
 public:
  ArticlePages(store::Store* store, int64_t through, size_t per_page)
      : store_(store), per_page_(std::max<size_t>(per_page, 1)), after_(through) {}

  // Starts over in publication order, when the backend can. Errors: the store's.
  core::Status StartInDateOrder() {
    core::Result<int64_t> newest = store_->LastArticleSequence();
    if (!newest.ok()) {
      if (newest.status().code() == core::StatusCode::kUnsupported) return core::Status::Ok();
      return newest.status();
    }
    newest_ = *newest;
    phase_ = kDated;
    key_.date_published = kFirstDate;
    key_.sequence = 0;
    return core::Status::Ok();
  }

  // The next page; empty at the end.
  core::Result<std::vector<store::SequencedArticle>> Next() {
    while (phase_ != kStored) {
      auto page = store_->LoadArticlesInDateOrder(key_, phase_ == kDated ? std::string() : std::string(kFirstDate),
                                                  newest_, per_page_);
      if (!page.ok()) return page.status();
      if (page->empty()) {
        if (phase_ == kDated) {
          phase_ = kUndated;
          key_ = {};
        } else {
          phase_ = kStored;
          after_ = newest_;
        }
        continue;
      }
      key_.date_published = page->back().article.date_published;
      key_.sequence = page->back().sequence;
      last_ = newest_;
      return page;
    }
    auto page = store_->LoadArticlesAfter(after_, per_page_);
    if (!page.ok()) return page.status();
    if (!page->empty()) after_ = page->back().sequence;
    last_ = std::max(last_, after_);
    return page;
  }

  // The sequence the stream has read through (the next update goes on after it).
  int64_t last() const { return last_; }

 private:
  // Every ISO 8601 date sorts at or after "0"; what sorts before it (the empty string) is undated.
  static constexpr const char* kFirstDate = "0";
  enum Phase { kDated, kUndated, kStored };
  store::Store* store_;
  size_t per_page_;
  Phase phase_ = kStored;
  store::DateOrderKey key_;
  int64_t newest_ = 0;
  int64_t after_ = 0;
  int64_t last_ = 0;
};

// What one update carries from step to step (UpdateStoriesOnce, WriteStep).
struct UpdateRun {
  store::Store* store = nullptr;
  const RunOptions* options = nullptr;
  cluster::ClusterOptions co;
  StoriesSummary* sum = nullptr;
  std::vector<CompiledWatchlist> watchlists;
  std::string now;  // the time stamped on watchlist events
  // The engine state generation the next commit builds on: one more after each commit.
  int64_t generation = 0;
  // Stored stories an earlier step of this update wrote. A group of a later step holding one of
  // their former articles is another story (a story's articles close together), so they claim
  // no group there and the article leaves them.
  std::set<std::string> settled;
  // Why each attached article joined its story, until its story is written.
  std::unordered_map<std::string, core::StoryAttachment> why;
};

// What one step's labels and late articles change: stories to rewrite and the articles moving
// in and out of them (WriteStep).
struct StepMoves {
  std::unordered_map<std::string, std::string> before;    // labelled article -> stored story
  std::unordered_map<std::string, std::string> labelled;  // article -> its story after this update
  detail::StoredIds ids;
  std::map<std::string, std::vector<std::string>> moved_in;
  std::map<std::string, std::set<std::string>> moved_out;
  std::set<std::string> changed;  // story ids to rewrite
  Families families;
};

// A changed story's new member list, from what is stored plus the moves.
struct Pending {
  std::string id;
  std::vector<std::string> members;
  std::vector<std::vector<std::string>> old_families;
  std::vector<core::StoryAttachment> attachments;
  int version = 0;  // 0: a new story
  // What the watchlists compare the new brief with (alerts.h).
  std::vector<core::BriefLine> old_lines;
  std::vector<std::string> old_outlets;
  int old_independent = 0;
  bool only_copies = false;  // every article it gained copies one it holds (a wire reprint)
};

// What moved: each labelled article's stored story against the stored id of its label.
core::Status DiffLabels(const UpdateRun& run, const std::vector<cluster::FinalLabel>& labels,
                        StepMoves* m) {
  store::Store* store = run.store;
  std::vector<std::string> label_ids;
  for (const auto& l : labels) label_ids.push_back(l.article_id);
  auto stored = store->StoriesOfArticles(label_ids);
  if (!stored.ok()) return stored.status();
  m->before = std::unordered_map<std::string, std::string>(stored->begin(), stored->end());
  // Stories an earlier step wrote claim nothing here (UpdateRun::settled); their articles in
  // this step's groups still move out of them (`before` below).
  std::unordered_map<std::string, std::string> claims;
  for (const auto& [article, story] : m->before)
    if (!run.settled.count(story)) claims.emplace(article, story);
  auto ids = detail::StoredIdsOfGroups(labels, claims, [store](const std::string& id) -> core::Result<bool> {
    core::Result<std::string> resolved = store->ResolveStoryId(id);
    if (resolved.ok()) return true;
    if (resolved.status().code() == core::StatusCode::kNotFound) return false;
    return resolved.status();
  });
  if (!ids.ok()) return ids.status();
  m->ids = std::move(ids).value();
  for (const auto& l : labels) {
    const std::string& story = m->ids.id_of.at(l.story_id);
    m->labelled[l.article_id] = story;
    if (!l.copy_of.empty()) m->families.Link(l.article_id, l.copy_of);
    auto it = m->before.find(l.article_id);
    if (it != m->before.end() && it->second == story) continue;
    m->changed.insert(story);
    m->moved_in[story].push_back(l.article_id);
    if (it != m->before.end()) {
      m->changed.insert(it->second);
      m->moved_out[it->second].insert(l.article_id);
    }
  }
  return core::Status::Ok();
}

// A late article placed before (the whole store reclustered after a damaged or changed engine
// state) keeps its story: it leaves `late`.
core::Status KeepPlacedBefore(const UpdateRun& run, std::vector<detail::LateArticle>* late) {
  std::vector<std::string> late_ids;
  for (const auto& l : *late) late_ids.push_back(l.id);
  auto placed_before = run.store->StoriesOfArticles(late_ids);
  if (!placed_before.ok()) return placed_before.status();
  std::set<std::string> keep;
  for (const auto& [article, story] : placed_before.value()) keep.insert(article);
  std::erase_if(*late, [&keep](const detail::LateArticle& l) { return keep.count(l.id) > 0; });
  run.sum->articles_clustered += keep.size();
  return core::Status::Ok();
}

// Late articles go to the stories of their own days (PlaceLateArticles), and the moves follow.
core::Status PlaceLate(UpdateRun& run, std::vector<detail::LateArticle> late,
                       const cluster::ClusterSnapshot& learned, StepMoves* m) {
  store::Store* store = run.store;
  StoriesSummary* sum = run.sum;
  detail::KnownStories known;
  known.stories_of = [&](const std::vector<std::string>& article_ids)
      -> core::Result<std::unordered_map<std::string, std::string>> {
    std::unordered_map<std::string, std::string> out;
    std::vector<std::string> ask;
    for (const auto& id : article_ids) {
      if (auto it = m->labelled.find(id); it != m->labelled.end()) {
        out[id] = it->second;
      } else {
        ask.push_back(id);
      }
    }
    auto stored_of = store->StoriesOfArticles(ask);
    if (!stored_of.ok()) return stored_of.status();
    for (auto& [article, story] : stored_of.value())
      out.emplace(std::move(article), std::move(story));
    return out;
  };
  {
    std::set<std::string> stored_stories;
    for (const auto& [article, story] : m->before) stored_stories.insert(story);
    for (const auto& [article, story] : m->labelled)
      if (!stored_stories.count(story)) ++known.new_story_sizes[story];
  }
  auto placed =
      detail::PlaceLateArticles(store, run.co, learned, std::move(late), known, &sum->warnings);
  if (!placed.ok()) return placed.status();
  // New stories that move whole first (a move's target may itself move: follow the chain).
  std::map<std::string, std::string> moved_to;
  for (const auto& p : placed.value())
    if (!p.from_story.empty()) moved_to.try_emplace(p.from_story, p.story_id);
  auto final_story = [&moved_to](std::string id) {
    for (size_t hops = 0; hops <= moved_to.size(); ++hops) {
      auto it = moved_to.find(id);
      if (it == moved_to.end() || it->second == id) break;
      id = it->second;
    }
    return id;
  };
  for (const auto& [from, to] : moved_to) {
    std::string into = final_story(to);
    if (into == from) continue;  // a cycle: stays where it is
    auto members = m->moved_in.find(from);
    if (members == m->moved_in.end()) continue;
    std::vector<std::string> moving = std::move(members->second);
    m->moved_in.erase(members);
    m->changed.erase(from);
    m->changed.insert(into);
    for (auto& a : moving) m->moved_in[into].push_back(std::move(a));
  }
  for (auto& p : placed.value()) {
    if (p.article_id.empty()) continue;
    std::string into = final_story(p.story_id);
    m->changed.insert(into);
    m->moved_in[into].push_back(p.article_id);
    if (!p.copy_of.empty()) m->families.Link(p.article_id, p.copy_of);
    if (!p.why.reason.empty()) run.why[p.article_id] = std::move(p.why);
    ++sum->articles_clustered;
    ++sum->articles_late;
  }
  return core::Status::Ok();
}

// The changed stories' new member lists; a story left empty is merged into its survivor.
core::Result<std::vector<Pending>> PendingStories(const UpdateRun& run, StepMoves& m,
                                                  store::StoryUpdate* update) {
  std::vector<Pending> pending;
  for (const std::string& id : m.changed) {
    Pending p;
    p.id = id;
    auto old = run.store->LoadStory(id);
    if (old.ok()) {
      const std::set<std::string>& out = m.moved_out[id];
      for (const auto& a : old->story.article_ids)
        if (!out.count(a)) p.members.push_back(a);
      p.old_families = old->copy_families;
      p.attachments = old->brief.story_attachments;
      p.version = old->brief.version;
      p.old_lines = std::move(old->brief.lines);
      p.old_outlets = std::move(old->story.outlets);
      p.old_independent = old->story.independent_outlets;
    } else if (old.status().code() != core::StatusCode::kNotFound) {
      return old.status();
    }
    for (const auto& a : m.moved_in[id]) p.members.push_back(a);
    if (p.members.empty()) {
      // Emptied: merged into the story that took most of its articles (StoredIdsOfGroups).
      if (auto it = m.ids.survivor_of.find(id); it != m.ids.survivor_of.end())
        update->merged.push_back({id, it->second});
      ++run.sum->stories_merged;
      continue;
    }
    pending.push_back(std::move(p));
  }
  return pending;
}

// One changed story as stored: its members (`arts`, sorted here into publication order), copy
// families, explanations and brief; `events` gets what the watchlists make of the change.
store::StoryRecord BuildRecord(const UpdateRun& run,
                               const std::unordered_map<std::string, std::string>& family_root,
                               Pending& p, std::vector<core::Article>& arts,
                               std::vector<store::AlertEvent>* events) {
  std::stable_sort(arts.begin(), arts.end(), [](const core::Article& x, const core::Article& y) {
    return x.date_published != y.date_published ? x.date_published < y.date_published : x.id < y.id;
  });
  std::vector<const core::Article*> members;
  for (const auto& a : arts) members.push_back(&a);
  // Copy families: the stored ones and this update's copy links, among the members.
  Families f;
  for (const auto& fam : p.old_families)
    for (size_t j = 1; j < fam.size(); ++j) f.Link(fam[j], fam[0]);
  for (const core::Article* a : members)
    if (auto it = family_root.find(a->id); it != family_root.end() && it->second != a->id)
      f.Link(a->id, it->second);
  std::map<std::string, cluster::CopyFamily> by_root;
  for (const core::Article* a : members) {
    if (!f.Has(a->id)) continue;
    cluster::CopyFamily& fam = by_root[f.Find(a->id)];
    fam.article_ids.push_back(a->id);  // publication order: the original first
    if (fam.credit.empty() && !a->wire.empty()) fam.credit = a->wire.front();
  }
  std::vector<cluster::CopyFamily> fams;
  for (auto& [root, fam] : by_root) fams.push_back(std::move(fam));
  std::vector<core::StoryAttachment> attachments = p.attachments;
  std::set<std::string> known;
  for (const auto& w : attachments) known.insert(w.article_id);
  for (const auto& id : p.members)
    if (auto it = run.why.find(id); it != run.why.end() && !known.count(id))
      attachments.push_back(it->second);
  cluster::StoryGroup g =
      cluster::AssembleStory(p.id, members, std::move(fams), std::move(attachments));
  store::StoryRecord r;
  r.story = g.story;
  r.brief = brief::BuildBrief(g, members, run.options->brief);
  r.brief.version = p.version + 1;
  r.brief.story_attachments = g.story.attachments;
  for (const auto& fam : g.families) r.copy_families.push_back(fam.article_ids);
  if (!run.watchlists.empty()) {
    StoryChange change;
    change.now = &r;
    change.members = members;
    change.is_new = p.version == 0;
    change.old_lines = std::move(p.old_lines);
    change.old_outlets = std::move(p.old_outlets);
    change.old_independent_outlets = p.old_independent;
    change.only_copies = p.only_copies;
    *events = EvaluateWatchlists(run.watchlists, change, run.now);
  }
  return r;
}

// The records of the `pending` stories, briefs built in parallel, into `update` (upsert and
// events).
core::Status BriefStories(const UpdateRun& run, StepMoves& m, std::vector<Pending>& pending,
                          store::StoryUpdate* update) {
  // Roots resolved once, read by the parallel briefs below: copying the whole union-find for
  // each story was 40% of storing a 10,000-article batch (malloc and hashing, perf).
  const std::unordered_map<std::string, std::string> family_root = m.families.Roots();
  for (Pending& p : pending) {
    const std::vector<std::string>& gained = m.moved_in[p.id];
    p.only_copies = p.version > 0 && !gained.empty() &&
                    std::all_of(gained.begin(), gained.end(), [&](const std::string& a) {
                      auto it = family_root.find(a);
                      return it != family_root.end() && it->second != a;
                    });
  }
  std::vector<std::vector<store::AlertEvent>> events(pending.size());
  std::vector<store::StoryRecord> records(pending.size());
  core::ThreadPool pool(run.options->jobs);
  // Articles are loaded on this thread (a Store is used by one thread at a time); briefs are
  // built in parallel, a bounded number of stories at a time.
  constexpr size_t kStoriesPerStep = 256;
  for (size_t from = 0; from < pending.size(); from += kStoriesPerStep) {
    size_t to = std::min(pending.size(), from + kStoriesPerStep);
    std::vector<std::vector<core::Article>> loaded(to - from);
    for (size_t i = from; i < to; ++i) {
      for (const auto& id : pending[i].members) {
        auto a = run.store->LoadArticle(id);
        if (!a.ok()) return a.status();
        loaded[i - from].push_back(std::move(a).value());
      }
    }
    core::ParallelFor(pool, to - from, [&](size_t k) {
      records[from + k] =
          BuildRecord(run, family_root, pending[from + k], loaded[k], &events[from + k]);
    });
  }
  update->upsert = std::move(records);
  for (auto& e : events)
    for (auto& x : e) update->events.push_back(std::move(x));
  return core::Status::Ok();
}

// Writes the stories a step's labels (and late articles) changed, with `update`'s engine state,
// in one commit built on run->generation. `changed` holds stories to rewrite whatever the labels
// say (a headline upgraded in place). `learned`: the stream's document frequencies, for the late
// articles.
core::Status WriteStep(UpdateRun& run, std::vector<cluster::FinalLabel> labels,
                       std::vector<detail::LateArticle> late,
                       const cluster::ClusterSnapshot& learned, std::set<std::string> changed,
                       store::StoryUpdate update) {
  StoriesSummary* sum = run.sum;
  StepMoves m;
  m.changed = std::move(changed);
  WB_RETURN_IF_ERROR(DiffLabels(run, labels, &m));
  if (!late.empty()) WB_RETURN_IF_ERROR(KeepPlacedBefore(run, &late));
  if (!late.empty()) WB_RETURN_IF_ERROR(PlaceLate(run, std::move(late), learned, &m));
  core::Result<std::vector<Pending>> pending = PendingStories(run, m, &update);
  if (!pending.ok()) return pending.status();
  WB_RETURN_IF_ERROR(BriefStories(run, m, *pending, &update));
  for (const Pending& p : *pending) ++(p.version == 0 ? sum->stories_new : sum->stories_updated);
  sum->alerts += update.events.size();
  update.built_on_generation = run.generation;
  WB_RETURN_IF_ERROR(run.store->CommitStoryUpdate(update));
  ++run.generation;
  // A stored story that kept its articles is settled too, though nothing rewrote it.
  for (const auto& r : update.upsert) run.settled.insert(r.story.id);
  for (const auto& [article, story] : m.labelled) {
    run.settled.insert(story);
    run.why.erase(article);
  }
  return core::Status::Ok();
}

// A backend without the incremental engine: every story rebuilt (the old batch path), when the
// stored set was built from fewer articles than are stored (articles arrived, or a run stored
// some and died before its rebuild); a repeated run writes nothing.
core::Status RebuildIfStale(store::Store* store, const RunOptions& options, StoriesSummary* sum) {
  core::Result<store::StoreCounts> counts = store->Counts();
  if (!counts.ok()) return counts.status();
  bool stale = counts->stories == 0 && counts->articles > 0;
  if (auto built = store->GetSetting(store::kStoriesBuiltFromSetting); built.ok()) {
    char* end = nullptr;
    long long from = std::strtoll(built->c_str(), &end, 10);
    stale = end == built->c_str() || from < counts->articles;
  } else if (built.status().code() == core::StatusCode::kNotFound) {
    stale = counts->articles > 0;
  }
  if (!stale) return core::Status::Ok();
  sum->rebuilt = true;
  return RebuildStories(store, options, &sum->stories_updated);
}

// The open window the store kept (`state`). Damaged, or built under other settings: an empty
// window and `through` 0, so the window starts again over every article; stories keep their ids
// where they survive (WriteStep's diff keeps them).
cluster::ClusterSnapshot RestoreWindow(const std::string& state, const cluster::ClusterOptions& co,
                                       int64_t* through, StoriesSummary* sum) {
  if (state.empty()) return {};
  core::Result<cluster::ClusterSnapshot> parsed = cluster::ParseSnapshot(state);
  if (parsed.ok() && parsed->options_digest == cluster::OptionsDigest(co))
    return std::move(parsed).value();
  sum->warnings.push_back(parsed.ok()
                              ? "story engine settings changed: reclustering every article"
                              : parsed.status().ToString() + "; reclustering every article");
  *through = 0;
  return {};
}

// What the clusterer's stream gathers over one update (UpdateStoriesOnce).
struct StreamState {
  std::unique_ptr<cluster::OnlineClusterer> clusterer;
  // Texts of the open window, for the copy index (headlines are never copies).
  std::unordered_map<std::string, std::string> texts;
  std::vector<cluster::FinalLabel> labels;
  std::set<std::string> changed;  // story ids to rewrite
  // Articles dated before the open window, placed after the stream (PlaceLateArticles).
  std::vector<detail::LateArticle> late;
};

core::Status LoadWindowTexts(store::Store* store, const cluster::ClusterSnapshot& snapshot,
                             StreamState* s) {
  std::vector<std::string> ids;
  for (const auto& d : snapshot.docs)
    if (!d.short_text) ids.push_back(d.article_id);
  auto open = store->LoadArticlesForStoryPage(ids);
  if (!open.ok()) return open.status();
  for (auto& a : open.value()) s->texts[a.id] = std::move(a.text);
  return core::Status::Ok();
}

// Places `ready` (late articles are set aside) and takes the labels of the stories that closed.
void AddToStream(UpdateRun& run, const std::vector<core::Article>& ready, StreamState* s) {
  for (const core::Article& a : ready) {
    if (s->clusterer->Late(a)) {
      s->late.push_back({a.id, cluster::ArticleTime(a).value_or(0)});
      continue;
    }
    if (!cluster::IsHeadlineOnly(a, run.co.short_words)) s->texts[a.id] = a.text;
    cluster::Placement p = s->clusterer->Add(a);
    if (!p.opened) run.why[a.id] = p.why;
    ++run.sum->articles_clustered;
  }
  for (auto& l : s->clusterer->TakeLabels()) {
    s->texts.erase(l.article_id);  // its story closed: it left the window and the copy index
    s->labels.push_back(std::move(l));
  }
}

// The stored articles `pages` gives, through the clusterer in stream order. Starting over
// (`through` 0), the stories whose windows closed are written a step at a time.
core::Status ReadStoredArticles(UpdateRun& run, int64_t through, ArticlePages* pages,
                                StreamState* s) {
  store::Store* store = run.store;
  const bool start_over = through == 0;
  const size_t per_step = run.options->articles_per_step;
  cluster::HeadlineDayOrder day_order(run.co.short_words);
  if (through == 0) WB_RETURN_IF_ERROR(pages->StartInDateOrder());
  for (;;) {
    auto page = pages->Next();
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    std::vector<std::string> ids;
    for (const auto& sa : page.value()) ids.push_back(sa.article.id);
    auto placed = store->StoriesOfArticles(ids);
    if (!placed.ok()) return placed.status();
    std::unordered_map<std::string, std::string> story_of(placed->begin(), placed->end());
    std::vector<core::Article> batch;
    for (auto& sa : page.value()) {
      if (auto it = story_of.find(sa.article.id); it != story_of.end() && through > 0) {
        // Placed before and stored again: a headline upgraded to its page. It keeps its story
        // (its id is the article's), whose brief now reads the full text.
        s->changed.insert(it->second);
        ++run.sum->articles_upgraded;
        continue;
      }
      batch.push_back(std::move(sa.article));
    }
    AddToStream(run, StreamOrder(std::move(batch), &day_order), s);
    if (start_over && s->labels.size() >= per_step) {
      // The update holds the window, not the store (a recluster of 200,000 articles held 1 GB
      // when it wrote once at the end). The engine state stays the start-over one (empty,
      // watermark 0) until the last step: an update that dies between steps is redone whole by
      // the next.
      WB_RETURN_IF_ERROR(WriteStep(run, std::move(s->labels), {}, cluster::ClusterSnapshot{}, {},
                                   store::StoryUpdate{}));
      s->labels.clear();
    }
  }
  std::vector<core::Article> ready;
  day_order.Flush(&ready);
  AddToStream(run, ready, s);
  return core::Status::Ok();
}

// One attempt at UpdateStories. kConflict when another process committed an update after this
// one loaded the engine state (nothing is written then).
core::Status UpdateStoriesOnce(store::Store* store, const RunOptions& options,
                               StoriesSummary* sum) {
  *sum = StoriesSummary{};
  int64_t through = 0, generation = 0;
  core::Result<std::string> state = store->LoadEngineState(&through, &generation);
  if (!state.ok()) {
    if (state.status().code() != core::StatusCode::kUnsupported) return state.status();
    return RebuildIfStale(store, options, sum);
  }
  cluster::ClusterOptions co = options.cluster;
  co.keep_stories = false;
  cluster::ClusterSnapshot snapshot = RestoreWindow(*state, co, &through, sum);
  {
    auto probe = store->LoadArticlesAfter(through, 1);
    if (!probe.ok()) return probe.status();
    if (probe->empty()) return core::Status::Ok();  // nothing new: nothing is written
  }

  StreamState s;
  WB_RETURN_IF_ERROR(LoadWindowTexts(store, snapshot, &s));
  auto text_of = [&texts = s.texts](const std::string& id) -> std::string_view {
    auto it = texts.find(id);
    return it == texts.end() ? std::string_view() : std::string_view(it->second);
  };
  s.clusterer = snapshot.docs.empty() && snapshot.docs_seen == 0
                    ? std::make_unique<cluster::OnlineClusterer>(co)
                    : std::make_unique<cluster::OnlineClusterer>(co, snapshot, text_of);
  snapshot = {};

  UpdateRun run;
  run.store = store;
  run.options = &options;
  run.co = co;
  run.sum = sum;
  run.generation = generation;
  {
    auto watchlists = LoadWatchlists(store, &sum->warnings);
    if (!watchlists.ok()) return watchlists.status();
    run.watchlists = std::move(watchlists).value();
  }
  run.now = IsoUtc(std::time(nullptr));
  ArticlePages pages(store, through, options.articles_per_step);
  WB_RETURN_IF_ERROR(ReadStoredArticles(run, through, &pages, &s));

  cluster::ClusterSnapshot next = s.clusterer->Snapshot();
  s.clusterer.reset();
  store::StoryUpdate update;
  update.engine_state = cluster::SerializeSnapshot(next);
  update.clustered_through = std::max(through, pages.last());
  {
    cluster::OnlineClusterer provisional(co, next, text_of);
    provisional.Finish();
    for (auto& l : provisional.TakeLabels()) s.labels.push_back(std::move(l));
  }
  next.docs.clear();  // the document frequencies stay, for the late articles
  return WriteStep(run, std::move(s.labels), std::move(s.late), next, std::move(s.changed),
                   std::move(update));
}

}  // namespace

core::Status UpdateStories(store::Store* store, const RunOptions& options, StoriesSummary* sum) {
  // Two processes updating at once both start from one engine state; the store refuses the
  // second commit (kConflict) rather than let it overwrite the first's attachments, and the
  // loser starts again from the winner's state, which may already cover its articles. Each
  // conflict means another update committed, so the store always moves on; the bound only
  // stops a writer that keeps losing to a stream of others.
  constexpr int kMaxAttempts = 16;
  size_t conflicts = 0;
  for (int attempt = 1;; ++attempt) {
    core::Status s = UpdateStoriesOnce(store, options, sum);
    if (s.code() == core::StatusCode::kConflict) ++conflicts;
    sum->conflicts = conflicts;
    if (s.code() != core::StatusCode::kConflict) return s;
    if (attempt == kMaxAttempts)
      return core::Status::Conflict(
          s.source(), "story update lost to other writers " + std::to_string(kMaxAttempts) +
                          " times in a row (" + s.message() +
                          "); the stored articles are attached by the next run");
  }
}

}  // namespace wirebrief::pipeline
