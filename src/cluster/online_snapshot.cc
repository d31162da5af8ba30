// The open window saved as data and restored (cluster/snapshot.h has the format and its
// contract; the bytes are written in snapshot.cc).
#include <algorithm>
#include <unordered_map>

#include "cluster/cluster.h"
#include "cluster/detail/online_state.h"

namespace wirebrief::cluster {

using detail::DocInfo;
using detail::kNoDoc;
using detail::OpenStory;

OnlineClusterer::OnlineClusterer(
    const ClusterOptions& options, const ClusterSnapshot& snapshot,
    const std::function<std::string_view(const std::string& article_id)>& text_of)
    : state_(std::make_unique<State>(options)) {
  State& S = *state_;
  if (snapshot.df.size() == S.df.size()) S.df = snapshot.df;
  S.docs_seen = snapshot.docs_seen;
  S.next_story = snapshot.next_story;
  std::unordered_map<std::string, uint32_t> story_slot, doc_slot;
  // Each document goes back as Add placed it: into its story's centroid and postings (copies
  // add nothing there) and into the copy index, in arrival order, so ties and the least
  // recently joined order come out as they were.
  for (const OpenDocument& d : snapshot.docs) {
    uint32_t slot = S.next_doc++;
    S.copies.FindAndAdd(slot, text_of(d.article_id));
    auto [it, fresh] = story_slot.try_emplace(d.story_id, static_cast<uint32_t>(S.stories.size()));
    if (fresh) {
      S.stories.push_back(std::make_unique<OpenStory>());
      OpenStory& st = *S.stories.back();
      st.number = d.story;
      st.id = d.story_id;
      st.is_short = d.short_text;
      st.last_time = d.arrival;
      st.touch = ++S.touches;
      S.by_time.insert({st.last_time, st.touch, it->second});
      S.next_story = std::max(S.next_story, d.story + 1);
    }
    uint32_t story = it->second;
    OpenStory& st = *S.stories[story];
    auto original = d.copy_of.empty() ? doc_slot.end() : doc_slot.find(d.copy_of);
    bool copy = original != doc_slot.end();
    if (!copy) {
      ++st.members;
      for (const auto& [key, x] : d.vec) {
        auto [c, added] = st.centroid.try_emplace(key, 0.0f);
        double old = c->second;
        c->second += x;
        std::vector<State::Posting>& list = S.postings[key];
        if (added) {
          list.push_back({story, c->second});
        } else {
          for (auto& posting : list)
            if (posting.slot == story) posting.weight = c->second;
        }
        st.sq += (old + x) * (old + x) - old * old;
      }
    }
    if (!copy) S.AddLanguage(st, d.language, d.anchors);
    S.Touch(story, d.arrival);
    st.docs.push_back(slot);
    ++S.open_articles;
    S.AddYears(st, d.years);
    DocInfo& info = S.docs[slot];
    info.story = story;
    info.id = d.article_id;
    info.short_text = d.short_text;
    info.arrival = d.arrival;
    info.years = d.years;
    info.language = d.language;
    info.anchors = d.anchors;
    if (copy)
      info.copy_of = original->second;
    else
      info.vec = d.vec;
    doc_slot[d.article_id] = slot;
  }
  S.now = snapshot.now;
}

ClusterSnapshot OnlineClusterer::Snapshot() const {
  const State& S = *state_;
  ClusterSnapshot snap;
  snap.options_digest = OptionsDigest(S.opt);
  snap.docs_seen = S.docs_seen;
  snap.now = S.now;
  snap.next_story = S.next_story;
  if (S.docs_seen > 0) snap.df = S.df;
  std::vector<uint32_t> slots;
  for (const auto& [slot, info] : S.docs) slots.push_back(slot);
  std::sort(slots.begin(), slots.end());  // slots are handed out in arrival order
  for (uint32_t slot : slots) {
    const DocInfo& info = S.docs.at(slot);
    const OpenStory& st = *S.stories[info.story];
    OpenDocument d;
    d.article_id = info.id;
    d.story_id = st.id;
    d.story = st.number;
    if (info.copy_of != kNoDoc) d.copy_of = S.docs.at(info.copy_of).id;
    d.short_text = info.short_text;
    d.arrival = info.arrival;
    d.vec = info.vec;
    d.years = info.years;
    d.language = info.language;
    d.anchors = info.anchors;
    snap.docs.push_back(std::move(d));
  }
  return snap;
}

}  // namespace wirebrief::cluster
