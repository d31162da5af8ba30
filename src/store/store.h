// store/: where articles, stories and briefs live between runs.
//
// Store is the one interface every backend implements; OpenStore() picks the backend from the
// location ("postgresql://..." or "postgres://..." opens the PostgreSQL backend, for several
// processes sharing one database; anything else is a SQLite file path, the zero-setup default). The schema carries a version number and is
// migrated forward on open.
//
// Idempotence: articles are keyed by Article::id and each provenance record by (article,
// source, offset), so storing the same input twice stores nothing twice. ReplaceStories swaps
// the whole story set in one transaction: readers see the old set or the new, never a mix, and
// a failure leaves the old set in place.
//
// Thread safety: a Store object is used by one thread at a time; several processes may open
// the same SQLite file (WAL mode, busy timeout) or the same PostgreSQL database.
// Errors: kIOError when the file cannot be opened, kInternal for database errors; the message
// names the database location.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace wirebrief::store {

// Decimal article count the stored story set was built from (see ReplaceStories).
inline constexpr char kStoriesBuiltFromSetting[] = "stories.built_from_articles";

struct StoryRecord {
  core::Story story;
  core::Brief brief;
  std::vector<std::vector<std::string>> copy_families;  // article ids, original first
};

struct StoreCounts {
  int64_t articles = 0;
  int64_t provenance = 0;
  int64_t stories = 0;
  int64_t briefs = 0;
};

// A newest-first page of stories (by last publication, then id). Empty fields do not filter.
struct StoryQuery {
  std::string match;    // FTS5 expression (ParsedSearch::match): some member article matches it
  std::string since;    // ISO date: stories still covered on or after it (last_published >= since)
  std::string until;    // ISO date: stories begun on or before it (that whole day included)
  std::string outlet;   // one of the story's outlets, case-insensitive
  std::string entity;   // some member article mentions this entity name, case-insensitive
  size_t limit = 20;    // Default: 20; 0 is treated as 1.
  std::string cursor;   // StoryPage::next_cursor of the previous page; empty = first page
};

struct StoryPage {
  std::vector<core::Story> stories;
  std::string next_cursor;  // empty on the last page; opaque (hex), valid across writes
};

// A page of articles: by relevance (bm25, title weighted) when `match` is set and `by_relevance`
// (over the newest matches only when a term is common: see ArticlePage::ranked_newest);
// else, with `match`, most recently stored first (FTS5 walks its rowids in that order and stops
// at the page, 0.1 ms instead of 30 ms of ranking for a word in 7% of 100,000 articles); without
// `match`, newest publication date first.
struct ArticleQuery {
  std::string match;     // FTS5 expression (ParsedSearch::match); empty = every article
  bool by_relevance = true;  // Default: true.
  std::string outlet;    // site name or host, case-insensitive
  std::string language;  // BCP-47 prefix: "en" matches "en" and "en-GB"
  std::string since;     // date_published >= since
  std::string until;     // date_published on or before that day
  size_t limit = 20;     // Default: 20; 0 is treated as 1.
  std::string cursor;    // ArticlePage::next_cursor; empty = first page
};

struct ArticleHit {
  std::string id, title, url, outlet, date_published, language;
  // Around the best match, with \x02 before and \x03 after each matched term (control bytes that
  // cannot occur in article text, so callers can mark hits without parsing markup).
  std::string snippet;
};

struct ArticlePage {
  std::vector<ArticleHit> hits;
  std::string next_cursor;  // empty on the last page; opaque
  // By relevance, a backend may rank only the newest this-many matches and list the older ones
  // after them, newest first (SQLite: kRankNewestMatches); 0 when every match was ranked.
  size_t ranked_newest = 0;
};

// An article with its place in the order articles were stored (Store::LoadArticlesAfter).
struct SequencedArticle {
  int64_t sequence = 0;
  core::Article article;
};

// A position in publication order (Store::LoadArticlesInDateOrder).
struct DateOrderKey {
  std::string date_published;
  int64_t sequence = 0;
};

// A standing question about the news (`wirebrief watchlist`, schema version 7): stories that
// match `query` are reported when they appear and when they grow.
struct WatchlistRecord {
  std::string name;     // the key: 1-64 of [A-Za-z0-9._-]
  // The search syntax of search_query.h (phrases, OR, -term, outlet:, lang:, since:, until:)
  // plus entity:NAME (a member article names this entity) and conflict:yes (the brief flags a
  // figure the outlets disagree on). Checked when added (pipeline::CompileWatchlist).
  std::string query;
  std::string webhook;     // http(s) URL each event is POSTed to; empty: feeds only
  std::string secret;      // the key of the webhook's HMAC-SHA256 signature, made when added
  std::string created_at;  // ISO 8601 UTC
};

// What one watchlist reports about one story in one update.
struct AlertEvent {
  int64_t id = 0;  // assigned by the store when committed, increasing
  std::string watchlist;
  std::string story_id;
  // "new": a matching story appeared; "grew": it gained an independent outlet; "revised": its
  // brief gained lines (a wire reprint alone changes neither, and reports nothing).
  std::string kind;
  std::string at;  // ISO 8601 UTC
  int brief_version = 0;
  std::string headline;
  std::vector<core::BriefLine> lines;    // the brief lines new in this version, with citations
  std::vector<std::string> new_outlets;  // outlets the story did not have before
  int independent_outlets = 0;
};

// The webhook delivery of one event, and its log.
struct WebhookDelivery {
  int64_t event_id = 0;
  std::string watchlist;
  std::string url;
  std::string state;  // "pending", "delivered" or "failed" (attempts exhausted)
  int attempts = 0;
  std::string next_attempt;  // ISO 8601 UTC; empty once delivered or failed
  std::string last_attempt;
  int last_status = 0;  // HTTP status of the last attempt; 0 when none arrived
  std::string last_error;
};

// What one incremental story update writes, in one transaction (Store::CommitStoryUpdate).
struct StoryUpdate {
  std::vector<StoryRecord> upsert;  // stories new or changed; each brief is kept as a version
  // Stories emptied by a merge: (old id, survivor id). The old story is removed and its id
  // resolves to the survivor from then on (ResolveStoryId).
  std::vector<std::pair<std::string, std::string>> merged;
  std::string engine_state;       // the clusterer's open window (cluster/snapshot.h bytes)
  int64_t clustered_through = 0;  // the sequence of the last article the update covered
  // The engine state generation the update was computed from (LoadEngineState). When another
  // commit moved it since, CommitStoryUpdate writes nothing and answers kConflict: two
  // processes updating at once must not both build on one state (the later would overwrite the
  // earlier's attachments). Default: -1, unconditional (a reset, as `recluster` writes).
  int64_t built_on_generation = -1;
  // What the watchlists report about the stories this update changed (pipeline/alerts.h),
  // committed with them, so an event is stored once or not at all. Each event of a watchlist
  // with a webhook also gets a pending WebhookDelivery, due at once.
  std::vector<AlertEvent> events;
};

// A source `wirebrief watch` polls, with what a feed reader keeps about it (schema version 4).
// Times are ISO 8601 UTC ("2026-12-07T04:43:31Z"); an empty time means never.
struct SourceRecord {
  std::string url;   // the key: the URL as the user gave it, normalised (ingest::NormalizeUrl)
  // "feed", "sitemap" (a sitemap or sitemap index, news sitemaps included) or "page" (a site's
  // home page, polled for the feeds it links); empty until the first successful poll says.
  std::string kind;
  std::string etag, last_modified;  // validators of the last full (200) response, for 304s
  std::string added_at, last_poll, next_poll;
  std::string last_success;           // the last poll that answered 200 or 304
  int consecutive_failures = 0;       // polls failed in a row; 0 after a success
  std::string last_error;             // the last failure's message; empty after a success
  std::string last_outcome;           // "fetched", "not_modified", "failed", "retry_later", "disallowed"
  int64_t items_seen = 0;             // distinct item URLs the source has listed
  int64_t articles_stored = 0;        // articles stored from its items (pages and headlines)
  double interval_seconds = 0;        // the poll interval in force (adapted; see pipeline/watch.h)
  std::string title;                  // the feed's or site's own title, when it states one
};

// What `watch` knows about one article page URL, so a page is fetched once however many
// sources list it, and a page that could not be fetched is tried again later (schema version 4).
struct PageState {
  std::string url;         // the key: normalised (ingest::NormalizeUrl)
  std::string article_id;  // the stored article for this URL (full or headline); empty = none
  // "stored" (the page itself is stored: never fetched again), "headline" (only what a listing
  // said is stored; the page is fetched when `next_attempt` has passed), "failed",
  // "disallowed" (robots.txt), "paywalled" (401/402/403: stored as a headline, not retried
  // before next_attempt).
  std::string state;
  std::string etag, last_modified;  // validators of the page's last 200 response
  int failures = 0;                 // consecutive failed attempts
  std::string last_error;
  std::string fetched_at, next_attempt;  // ISO 8601 UTC; empty next_attempt = not scheduled
  std::string listed_in;                 // the first source that listed it
};

class Store {
 public:
  virtual ~Store() = default;

  // Inserts the article unless its id is stored; always records its provenance (once).
  // *inserted says whether the article was new. A stored headline article
  // (Article::headline_only) is upgraded in place when the same id arrives with its text: same
  // id, the new content, *inserted true.
  virtual core::Status PutArticle(const core::Article& article, bool* inserted) = 0;
  // PutArticle for each of `articles` (none null, not owned), in order, in one transaction:
  // every one is stored or, on an error (which names the article), none of them is; a process
  // killed during the call leaves the store as before it. On success (*inserted)[i] is
  // PutArticle's *inserted for articles[i]. The reduce and `db import` store a batch at a
  // time: a transaction per article was most of their cost of storing (docs/scaling-out.md).
  // Default: PutArticle per article, each in its own transaction (not all or nothing).
  virtual core::Status PutArticles(const std::vector<const core::Article*>& articles,
                                   std::vector<bool>* inserted);
  // Every stored article, annotations included, ordered by publication date then id.
  virtual core::Result<std::vector<core::Article>> LoadArticles() = 0;
  // Also records, in the setting kStoriesBuiltFromSetting, how many articles the set was built
  // from (the count the last LoadArticles returned, else the stored count).
  virtual core::Status ReplaceStories(const std::vector<StoryRecord>& stories) = 0;
  // Stories newest first.
  virtual core::Result<std::vector<StoryRecord>> LoadStories() = 0;
  virtual core::Result<StoreCounts> Counts() = 0;
  virtual int SchemaVersion() const = 0;

  // Read side of the HTTP server (schema version 2). The defaults answer kUnsupported so a
  // backend without them still builds; SqliteStore implements all of them.
  // Errors: kInvalidArgument for a bad cursor, date or FTS5 expression (the message says which).
  virtual core::Result<StoryPage> ListStories(const StoryQuery& query);
  // kNotFound when no story has this id.
  virtual core::Result<StoryRecord> LoadStory(const std::string& id);
  // The article with annotations and its first provenance record; kNotFound when unknown.
  virtual core::Result<core::Article> LoadArticle(const std::string& id);
  // What a story page shows of its member articles, in the order of `ids` (unknown ids left
  // out): id, url, title, site_name, host, language, date_published, text, authors, wire,
  // annotations.figures, headline_only and (for core::OutletOf) provenance.source; other fields may be empty.
  // The page needs no entities, sentences or field sources, and decoding them was a third of
  // its time. Default: LoadArticle per id (complete articles).
  virtual core::Result<std::vector<core::Article>> LoadArticlesForStoryPage(
      const std::vector<std::string>& ids);
  // Every provenance record of the article (the same page may arrive from several inputs).
  virtual core::Result<std::vector<core::Provenance>> LoadProvenance(const std::string& article_id);
  virtual core::Result<ArticlePage> SearchArticles(const ArticleQuery& query);
  // A number that differs between two calls on this object whenever stored data changed in
  // between (a commit by this or any other connection or process); values compare only within
  // one Store object. The server keys its response cache on it. Default: kUnsupported.
  virtual core::Result<uint64_t> DataVersion();
  // Small key/value settings (the server's token hash). GetSetting: kNotFound when unset.
  // PutSetting with only_if_absent leaves an existing value and sets *stored = false.
  virtual core::Result<std::string> GetSetting(const std::string& key);
  virtual core::Status PutSetting(const std::string& key, const std::string& value, bool only_if_absent,
                                  bool* stored);
  // The incremental story engine (schema version 3). Backends without it answer kUnsupported
  // and the pipeline rebuilds every story instead (slow, but correct).
  // Articles stored after `sequence`, in the order they were stored, at most `limit`; an
  // article upgraded in place from a headline (PutArticle) moves to the end of that order.
  virtual core::Result<std::vector<SequencedArticle>> LoadArticlesAfter(int64_t sequence, size_t limit);
  // Articles whose date_published is in [from, to), compared as ISO 8601 strings ("2026-03-02"
  // <= "2026-03-02T08:00:00Z" < "2026-03-03"), earliest first (then by id), annotations included,
  // at most `limit`: found through the publication-date index, so the cost follows the range.
  // The story engine reads the stories around an article that arrives after its window closed.
  virtual core::Result<std::vector<core::Article>> LoadArticlesPublishedIn(const std::string& from,
                                                                            const std::string& to,
                                                                            size_t limit);
  // A page of the articles stored through `through_sequence`, in publication order: by
  // (date_published, sequence) strictly after `after`, and with date_published < `before` when
  // `before` is not empty; at most `limit`, annotations included. Undated articles
  // (date_published "") sort first; in stored order among themselves, as articles of one date.
  // The story engine streams the whole store through it when it starts over (`recluster`), so
  // a report stored after the news it predates is read in its place, not as a late arrival.
  virtual core::Result<std::vector<SequencedArticle>> LoadArticlesInDateOrder(
      const DateOrderKey& after, const std::string& before, int64_t through_sequence, size_t limit);
  // The sequence of the last stored article; 0 when none is stored.
  virtual core::Result<int64_t> LastArticleSequence();
  // The state of the last CommitStoryUpdate, read at one instant: engine bytes (empty before
  // the first), *clustered_through (0 before the first) and *generation (0 before the first;
  // every commit moves it; `generation` may be null).
  virtual core::Result<std::string> LoadEngineState(int64_t* clustered_through,
                                                    int64_t* generation);
  // All or nothing. kConflict (nothing written) when update.built_on_generation is set and
  // another commit moved the generation since: load the state again and redo the update.
  virtual core::Status CommitStoryUpdate(const StoryUpdate& update);
  // The story each of `article_ids` belongs to now; articles in no story are left out.
  virtual core::Result<std::vector<std::pair<std::string, std::string>>> StoriesOfArticles(
      const std::vector<std::string>& article_ids);
  // The id a story lives under now: `id` itself, or the story it was merged into (transitively);
  // kNotFound when no story ever had it.
  virtual core::Result<std::string> ResolveStoryId(const std::string& id);
  // A story's stored brief versions, oldest first, from version `since` + 1 on.
  virtual core::Result<std::vector<core::Brief>> LoadBriefVersions(const std::string& story_id, int since);
  // Every merged id as (old id, survivor id), by old id; for `db export`. A backend without
  // the incremental engine answers kUnsupported.
  virtual core::Result<std::vector<std::pair<std::string, std::string>>> ListStoryAliases();

  // Watched sources and page states (`wirebrief watch`, schema version 4). Defaults answer
  // kUnsupported. PutSource inserts or replaces the row keyed by url; RemoveSource answers
  // kNotFound for an unknown url (page states stay: the articles they name stay stored).
  // ListSources orders by url. LoadPageStates returns the states of the known urls among
  // `urls`, in no particular order; PutPageStates upserts each by url, in one transaction.
  virtual core::Result<std::vector<SourceRecord>> ListSources();
  virtual core::Status PutSource(const SourceRecord& source);
  virtual core::Status RemoveSource(const std::string& url);
  virtual core::Result<std::vector<PageState>> LoadPageStates(const std::vector<std::string>& urls);
  // Claims a due source for one `watch` round: sets its next_poll to `lease_until` only if it
  // still reads `expected_next_poll` (compare and set, one statement). True when this caller
  // claimed it; false when another process did first (or the source is gone). Two watch
  // processes sharing a store so poll each source once, and a source whose poller died
  // mid-round is due again when the lease ends.
  virtual core::Result<bool> ClaimSource(const std::string& url,
                                         const std::string& expected_next_poll,
                                         const std::string& lease_until);
  virtual core::Status PutPageStates(const std::vector<PageState>& states);
  // Page states whose page is to be tried again by `now` (ISO 8601 UTC): next_attempt set and
  // <= now, state not "stored" or "listing"; earliest next_attempt first, at most `limit`.
  virtual core::Result<std::vector<PageState>> LoadPageStatesDue(const std::string& now, size_t limit);
  // Every page state, by url, after `after_url` (empty: from the first), at most `limit`; for
  // `db export`.
  virtual core::Result<std::vector<PageState>> ListPageStates(const std::string& after_url,
                                                              size_t limit);

  // Watchlists (schema version 7). Defaults answer kUnsupported. PutWatchlist inserts or
  // replaces by name; RemoveWatchlist answers kNotFound for an unknown name and removes its
  // events and deliveries too. ListWatchlists orders by name; kNotFound from LoadWatchlist.
  virtual core::Result<std::vector<WatchlistRecord>> ListWatchlists();
  virtual core::Result<WatchlistRecord> LoadWatchlist(const std::string& name);
  virtual core::Status PutWatchlist(const WatchlistRecord& watchlist);
  virtual core::Status RemoveWatchlist(const std::string& name);
  // A watchlist's events, newest first, at most `limit`, with ids below `before_id` (0: from
  // the newest).
  virtual core::Result<std::vector<AlertEvent>> LoadAlertEvents(const std::string& watchlist,
                                                                int64_t before_id, size_t limit);
  // The event with this id; kNotFound when none.
  virtual core::Result<AlertEvent> LoadAlertEvent(int64_t id);
  // Pending deliveries whose next_attempt is <= now, earliest first, at most `limit`.
  virtual core::Result<std::vector<WebhookDelivery>> LoadDeliveriesDue(const std::string& now,
                                                                       size_t limit);
  // The delivery log of a watchlist, newest event first, at most `limit`.
  virtual core::Result<std::vector<WebhookDelivery>> LoadDeliveries(const std::string& watchlist,
                                                                    size_t limit);
  // Records an attempt's outcome (keyed by event_id).
  virtual core::Status PutDelivery(const WebhookDelivery& delivery);

  // Every setting as (key, value), by key; for `db export`.
  virtual core::Result<std::vector<std::pair<std::string, std::string>>> LoadSettings();
};

// Store::PutArticles, and when that fails (so nothing of the batch was stored) the batch again
// an article at a time: every article before the one the store refuses is kept, and the error
// returned names that one; a transient failure (two writers deadlocked, a busy file) passes the
// second time. What the reduce and `db import` store their batches with.
core::Status PutArticleBatch(Store* store, const std::vector<const core::Article*>& articles,
                             std::vector<bool>* inserted);

// Opens (creating and migrating when needed) the store at `location`.
core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location);

}  // namespace wirebrief::store
