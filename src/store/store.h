// store/: where articles, stories and briefs live between runs.
//
// Store is the one interface every backend implements; OpenStore() picks the backend from the
// location ("postgresql://..." is reserved for the PostgreSQL backend; anything else is a
// SQLite file path, the zero-setup default). The schema carries a version number and is
// migrated forward on open.
//
// Idempotence: articles are keyed by Article::id and each provenance record by (article,
// source, offset), so storing the same input twice stores nothing twice. ReplaceStories swaps
// the whole story set in one transaction: readers see the old set or the new, never a mix, and
// a failure leaves the old set in place.
//
// Thread safety: a Store object is used by one thread at a time; several processes may open
// the same SQLite file (WAL mode, busy timeout).
// Errors: kIOError when the file cannot be opened, kInternal for database errors; the message
// names the database location.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace wirebrief::store {

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

class Store {
 public:
  virtual ~Store() = default;

  // Inserts the article unless its id is stored; always records its provenance (once).
  // *inserted says whether the article was new.
  virtual core::Status PutArticle(const core::Article& article, bool* inserted) = 0;
  // Every stored article, annotations included, ordered by publication date then id.
  virtual core::Result<std::vector<core::Article>> LoadArticles() = 0;
  virtual core::Status ReplaceStories(const std::vector<StoryRecord>& stories) = 0;
  // Stories newest first.
  virtual core::Result<std::vector<StoryRecord>> LoadStories() = 0;
  virtual core::Result<StoreCounts> Counts() = 0;
  virtual int SchemaVersion() const = 0;
};

// Opens (creating and migrating when needed) the store at `location`.
core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location);

}  // namespace wirebrief::store
