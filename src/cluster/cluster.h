// cluster/: groups articles into stories (all coverage of one event) and, inside a story,
// wire-copy families (the same agency text republished with local edits).
//
// Online: articles arrive in publication order; each either repeats the text of an article
// still in the window (a copy: MinHash/LSH candidates verified by exact shingle containment),
// joining that article's story and copy family, or joins the open story whose centroid is most
// similar (TF-IDF cosine over title, lede and body words, names and figures, idf learned from
// the stream so far), or opens a new story. By default a decision never changes later; a
// label-only stream may instead ask for its labels to be refined when their window closes
// (ClusterOptions::refine_passes), a mini-batch over the open window, never over the stream.
// A story closes when no article has joined it for more than `window_days`; closed stories
// leave memory, so memory follows the open window, not the length of the stream.
//
// Every attachment records why (score and the heaviest shared terms and names) in
// core::Story::attachments. An outlet that only republishes a family's copy is not counted as
// an independent outlet: each copy family speaks once, with its agency credit when it has one.
//
// Thread safety: an OnlineClusterer is not thread-safe (one stream, one thread); distinct
// instances are independent. ClusterStories is reentrant. Neither fails: articles without
// text, date or title are clustered on what they have.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/presets.h"
#include "cluster/snapshot.h"
#include "core/model.h"

namespace wirebrief::cluster {

// The final story of one article (see ClusterOptions::refine_passes).
struct FinalLabel {
  std::string article_id;
  uint64_t story = 0;
  std::string story_id;  // the story's stable id (minted from the article that opened it)
  std::string copy_of;   // the original's article id when the article is a copy, else empty
};

struct CopyFamily {
  std::vector<std::string> article_ids;  // earliest (the original) first
  std::string credit;  // the agency credited (Article::wire of the original, else of any copy)
};

struct StoryGroup {
  core::Story story;
  std::vector<CopyFamily> families;  // only families of two or more copies
};

// Where one article went.
struct Placement {
  uint64_t story = 0;         // story number in order of opening (0, 1, ...); a stream-local label
  std::string story_id;       // stable: "s" + a digest of the id of the article that opened it
  bool opened = false;        // the article opened the story
  core::StoryAttachment why;  // empty reason when `opened`
};

class OnlineClusterer {
 public:
  explicit OnlineClusterer(const ClusterOptions& options);
  // Goes on from `snapshot` (Snapshot() of a clusterer with the same options): its open
  // documents are restored as they were placed, with their stored vectors, and `text_of` gives
  // each one's text for the copy index. Placements then continue as if the stream had never
  // stopped. REQUIRES: the snapshot passed ParseSnapshot or came from Snapshot().
  OnlineClusterer(const ClusterOptions& options, const ClusterSnapshot& snapshot,
                  const std::function<std::string_view(const std::string& article_id)>& text_of);
  ~OnlineClusterer();
  OnlineClusterer(const OnlineClusterer&) = delete;
  OnlineClusterer& operator=(const OnlineClusterer&) = delete;

  // Places the next article. An article dated earlier than one already seen is placed as if
  // it arrived now (the clock never runs back); an undated one arrives at the current time.
  Placement Add(const core::Article& article);
  // Whether `article` comes after its time: dated so long before the clock that a story whose
  // newest member had its date would have closed (ClusterOptions::window_days, or
  // headline_window_days for a headline). Add would place it among today's stories; a caller
  // that keeps closed stories can place it among its own instead (pipeline/stories.cc).
  // Undated articles are never late.
  bool Late(const core::Article& article) const;
  // Stories closed since the last call (with keep_stories), oldest first; Finish() closes all.
  std::vector<StoryGroup> TakeFinished();
  void Finish();
  // With refine_passes > 0: the final labels of articles whose stories closed since the last
  // call, in arrival order within each closing. Empty otherwise (Add's label is final).
  std::vector<FinalLabel> TakeLabels();

  // The open window as data (see snapshot.h). Needs the vectors kept: refine_passes > 0 or a
  // member gate (as the product's options have); otherwise documents are saved without them.
  ClusterSnapshot Snapshot() const;

  size_t open_stories() const;
  size_t open_articles() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Reorders a dated stream within each publication day (UTC) before it reaches an
// OnlineClusterer: a day's headline-only articles are released when the day ends, longest
// headline first (ties by a hash of the id, so the order no longer depends on the file's).
// Read in file order, a short generic headline ("Easter traditions") that comes first opens a
// story whose thin centroid then takes in headlines of other stories; read after the long
// ones, it joins the story its words fit. UCI headlines dev, `wirebrief cluster`: BCubed F1
// 0.807 in the file's order and 0.794-0.806 (mean 0.802) over 16 shuffles of each day, against
// 0.810 in this order whatever the shuffle (bench/cluster/orders.py). A batch over one day,
// for label streams whose labels wait for the day to close anyway (refine_passes > 0).
// Memory: about 2 KiB per waiting article (1M synthetic headlines, 20,000 a day: RSS 68 MB,
// flat from 100k to 1M).
//
// Articles with a body (at least `short_words` words: full text was not measured to gain)
// and undated articles pass through at once, in file order. A day ends when an article of
// another day arrives (released after the waiting day), when Flush() is called, or when
// `max_buffered` headlines wait (then they are released as they are, which bounds memory).
// Thread safety: as OnlineClusterer. Never fails.
class HeadlineDayOrder {
 public:
  // Default: short_words 25 (ClusterOptions::short_words), max_buffered 1,000,000.
  explicit HeadlineDayOrder(size_t short_words = 25, size_t max_buffered = 1000000);
  // Takes `article`; appends the articles to cluster now, in order, to `ready`.
  void Push(core::Article article, std::vector<core::Article>* ready);
  // Appends every waiting article to `ready` (the end of the stream).
  void Flush(std::vector<core::Article>* ready);
  size_t waiting() const { return day_.size(); }

 private:
  size_t short_words_, max_buffered_;
  int64_t day_number_ = 0;
  std::vector<core::Article> day_;
};

// The instant the clusterer files `article` under, in days since the epoch (UTC; publication
// date, else crawl date); nullopt when undated. And whether it is clustered as a headline (fewer
// than `short_words` words of body text).
std::optional<double> ArticleTime(const core::Article& article);
bool IsHeadlineOnly(const core::Article& article, size_t short_words);

// The story as a reader sees it, from its members (in publication order), its copy families
// (original first) and the attachment explanations of its members: the title of the member that
// matched the story best (else the first member's), first and last publication, outlets, and
// independent outlets (each copy family speaks once, for its agency when credited).
StoryGroup AssembleStory(const std::string& id, const std::vector<const core::Article*>& members,
                         std::vector<CopyFamily> families,
                         std::vector<core::StoryAttachment> attachments);

// A digest of every option that changes placements: a snapshot taken under other options is
// not restored (the pipeline reclusters instead).
std::string OptionsDigest(const ClusterOptions& options);

// Runs an OnlineClusterer over `articles` in publication order (UTC instant, then id; undated
// last), so the result does
// not depend on input order, and returns every story. REQUIRES: article ids are unique.
std::vector<StoryGroup> ClusterStories(const std::vector<const core::Article*>& articles,
                                       const ClusterOptions& options);

}  // namespace wirebrief::cluster
