// The SQLite side of incremental stories: articles in stored order, the engine's state, story
// upserts with brief versions, and merged ids. One update is one transaction: a run that dies
// half-way leaves the previous state and stories whole, and its articles are picked up again
// because the watermark did not move.
#include <sqlite3.h>

#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace wirebrief::store {

using sqlite_detail::Dump;
using sqlite_detail::json;
using sqlite_detail::Stmt;

namespace {
constexpr int kMaxAliasHops = 64;  // merged ids form chains; a cycle (damage) must not hang
}  // namespace

core::Result<std::vector<SequencedArticle>> SqliteStore::SequencedRows(sqlite_detail::Stmt& q,
                                                                       const std::string& what) {
  std::vector<SequencedArticle> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    SequencedArticle s;
    s.sequence = q.Int(0);
    // The article's columns start after the rowid.
    WB_RETURN_IF_ERROR(sqlite_detail::ArticleFromRowAt(q, 1, path_, &s.article));
    out.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return Error(what);
  return out;
}

core::Result<std::vector<SequencedArticle>> SqliteStore::LoadArticlesAfter(int64_t sequence,
                                                                           size_t limit) {
  Stmt q(db_, (std::string("SELECT a.rowid, ") + sqlite_detail::kArticleColumns +
               " WHERE a.rowid > ?1 ORDER BY a.rowid LIMIT ?2")
                  .c_str());
  if (!q.ok()) return Error("loading new articles");
  q.Bind(1, sequence).Bind(2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  return SequencedRows(q, "loading new articles");
}

core::Result<std::vector<core::Article>> SqliteStore::LoadArticlesPublishedIn(
    const std::string& from, const std::string& to, size_t limit) {
  Stmt q(db_, &prepared_,
         (std::string("SELECT ") + sqlite_detail::kArticleColumns +
          " WHERE a.date_published >= ?1 AND a.date_published < ?2 "
          "ORDER BY a.date_published, a.id LIMIT ?3")
             .c_str());
  if (!q.ok()) return Error("loading articles by publication date");
  q.Bind(1, from).Bind(2, to).Bind(3, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  std::vector<core::Article> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    core::Article a;
    WB_RETURN_IF_ERROR(sqlite_detail::ArticleFromRowAt(q, 0, path_, &a));
    out.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE) return Error("loading articles by publication date");
  return out;
}

core::Result<std::vector<SequencedArticle>> SqliteStore::LoadArticlesInDateOrder(
    const DateOrderKey& after, const std::string& before, int64_t through_sequence, size_t limit) {
  // The rowid is the last column of every index entry, so the date index serves the whole
  // order and the key comparison: no sort, the cost follows the page.
  Stmt q(db_, &prepared_,
         (std::string("SELECT a.rowid, ") + sqlite_detail::kArticleColumns +
          " WHERE (a.date_published, a.rowid) > (?1, ?2) AND (?3 = '' OR a.date_published < ?3) "
          "AND a.rowid <= ?4 ORDER BY a.date_published, a.rowid LIMIT ?5")
             .c_str());
  if (!q.ok()) return Error("loading articles in publication order");
  q.Bind(1, after.date_published)
      .Bind(2, after.sequence)
      .Bind(3, before)
      .Bind(4, through_sequence)
      .Bind(5, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  return SequencedRows(q, "loading articles in publication order");
}

core::Result<int64_t> SqliteStore::LastArticleSequence() {
  Stmt q(db_, "SELECT coalesce(max(rowid), 0) FROM articles");
  if (!q.ok() || q.Step() != SQLITE_ROW) return Error("reading the last article's sequence");
  return q.Int(0);
}

core::Result<std::string> SqliteStore::LoadEngineState(int64_t* clustered_through,
                                                       int64_t* generation) {
  *clustered_through = 0;
  if (generation) *generation = 0;
  Stmt q(db_,
         "SELECT state, clustered_through, generation FROM engine_state WHERE name = 'stories'");
  if (!q.ok()) return Error("loading the story engine state");
  int rc = q.Step();
  if (rc == SQLITE_DONE) return std::string();
  if (rc != SQLITE_ROW) return Error("loading the story engine state");
  const void* blob = sqlite3_column_blob(q.get(), 0);
  std::string state(static_cast<const char*>(blob), blob ? sqlite3_column_bytes(q.get(), 0) : 0);
  *clustered_through = q.Int(1);
  if (generation) *generation = q.Int(2);
  return state;
}

core::Status SqliteStore::CommitStoryUpdate(const StoryUpdate& update) {
  // BEGIN IMMEDIATE takes the write lock first, so the generation read below cannot move
  // before COMMIT: the check and the writes are one step for every other process.
  WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](const std::string& what) {
    core::Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  int64_t generation = 0;
  {
    Stmt gen(db_, "SELECT generation FROM engine_state WHERE name = 'stories'");
    if (!gen.ok()) return fail("reading the story engine generation");
    int rc = gen.Step();
    if (rc == SQLITE_ROW)
      generation = gen.Int(0);
    else if (rc != SQLITE_DONE)
      return fail("reading the story engine generation");
  }
  if (update.built_on_generation >= 0 && update.built_on_generation != generation) {
    Exec("ROLLBACK");
    return core::Status::Conflict(path_, "the story engine state moved from generation " +
                                             std::to_string(update.built_on_generation) + " to " +
                                             std::to_string(generation) +
                                             " while this update was computed");
  }
  Stmt del(db_, "DELETE FROM stories WHERE id = ?1");  // members, families, brief cascade
  Stmt alias(db_, "INSERT OR REPLACE INTO story_aliases(old_id, survivor_id) VALUES (?1, ?2)");
  // Ids that pointed at a merged story now point at its survivor, so lookups stay one hop.
  Stmt realias(db_, "UPDATE story_aliases SET survivor_id = ?2 WHERE survivor_id = ?1");
  Stmt st(db_,
          "INSERT INTO stories(id, title, first_published, last_published, outlets, "
          "independent_outlets) "
          "VALUES (?1,?2,?3,?4,?5,?6)");
  Stmt mem(db_, "INSERT INTO story_articles(story_id, article_id, position) VALUES (?1,?2,?3)");
  Stmt fam(
      db_,
      "INSERT INTO copy_families(story_id, family, article_id, position) VALUES (?1,?2,?3,?4)");
  Stmt br(db_, "INSERT INTO briefs(story_id, brief) VALUES (?1,?2)");
  Stmt ver(db_,
           "INSERT OR REPLACE INTO brief_versions(story_id, version, brief) VALUES (?1,?2,?3)");
  Stmt unalias(db_, "DELETE FROM story_aliases WHERE old_id = ?1");
  Stmt state(db_,
             "INSERT OR REPLACE INTO engine_state(name, state, clustered_through, generation) "
             "VALUES ('stories', ?1, ?2, ?3)");
  if (!del.ok() || !alias.ok() || !realias.ok() || !st.ok() || !mem.ok() || !fam.ok() || !br.ok() ||
      !ver.ok() || !unalias.ok() || !state.ok())
    return fail("preparing the story update");
  for (const auto& [old_id, survivor] : update.merged) {
    del.Reset();
    del.Bind(1, old_id);
    if (del.Step() != SQLITE_DONE) return fail("removing merged story " + old_id);
    alias.Reset();
    alias.Bind(1, old_id).Bind(2, survivor);
    if (alias.Step() != SQLITE_DONE) return fail("recording merged story " + old_id);
    realias.Reset();
    realias.Bind(1, old_id).Bind(2, survivor);
    if (realias.Step() != SQLITE_DONE) return fail("recording merged story " + old_id);
  }
  for (const StoryRecord& r : update.upsert) {
    const core::Story& s = r.story;
    del.Reset();
    del.Bind(1, s.id);
    if (del.Step() != SQLITE_DONE) return fail("replacing story " + s.id);
    unalias.Reset();  // a live story is never an alias
    unalias.Bind(1, s.id);
    if (unalias.Step() != SQLITE_DONE) return fail("replacing story " + s.id);
    st.Reset();
    st.Bind(1, s.id)
        .Bind(2, s.title)
        .Bind(3, s.first_published)
        .Bind(4, s.last_published)
        .Bind(5, Dump(json(s.outlets)))
        .Bind(6, static_cast<int64_t>(s.independent_outlets));
    if (st.Step() != SQLITE_DONE) return fail("storing story " + s.id);
    for (size_t i = 0; i < s.article_ids.size(); ++i) {
      mem.Reset();
      mem.Bind(1, s.id).Bind(2, s.article_ids[i]).Bind(3, static_cast<int64_t>(i));
      if (mem.Step() != SQLITE_DONE) return fail("storing members of story " + s.id);
    }
    for (size_t f = 0; f < r.copy_families.size(); ++f)
      for (size_t i = 0; i < r.copy_families[f].size(); ++i) {
        fam.Reset();
        fam.Bind(1, s.id)
            .Bind(2, static_cast<int64_t>(f))
            .Bind(3, r.copy_families[f][i])
            .Bind(4, static_cast<int64_t>(i));
        if (fam.Step() != SQLITE_DONE) return fail("storing copy families of story " + s.id);
      }
    std::string brief = Dump(detail::BriefToJson(r.brief));
    br.Reset();
    br.Bind(1, s.id).Bind(2, brief);
    if (br.Step() != SQLITE_DONE) return fail("storing brief of story " + s.id);
    ver.Reset();
    ver.Bind(1, s.id).Bind(2, static_cast<int64_t>(r.brief.version)).Bind(3, brief);
    if (ver.Step() != SQLITE_DONE) return fail("storing brief version of story " + s.id);
  }
  sqlite3_bind_blob(state.get(), 1, update.engine_state.data(),
                    static_cast<int>(update.engine_state.size()), SQLITE_TRANSIENT);
  state.Bind(2, update.clustered_through).Bind(3, generation + 1);
  if (state.Step() != SQLITE_DONE) return fail("storing the story engine state");
  if (core::Status s = AppendAlertEvents(update.events); !s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

core::Result<std::vector<std::pair<std::string, std::string>>> SqliteStore::StoriesOfArticles(
    const std::vector<std::string>& article_ids) {
  Stmt q(db_, "SELECT story_id FROM story_articles WHERE article_id = ?1 LIMIT 1");
  if (!q.ok()) return Error("reading story members");
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& id : article_ids) {
    q.Reset();
    q.Bind(1, id);
    int rc = q.Step();
    if (rc == SQLITE_ROW)
      out.push_back({id, q.Text(0)});
    else if (rc != SQLITE_DONE)
      return Error("reading story members");
  }
  return out;
}

core::Result<std::string> SqliteStore::ResolveStoryId(const std::string& id) {
  Stmt live(db_, &prepared_, "SELECT 1 FROM stories WHERE id = ?1");
  Stmt hop(db_, &prepared_, "SELECT survivor_id FROM story_aliases WHERE old_id = ?1");
  if (!live.ok() || !hop.ok()) return Error("resolving story " + id);
  std::string at = id;
  for (int i = 0; i < kMaxAliasHops; ++i) {
    live.Reset();
    live.Bind(1, at);
    if (live.Step() == SQLITE_ROW) return at;
    hop.Reset();
    hop.Bind(1, at);
    if (hop.Step() != SQLITE_ROW) break;
    at = hop.Text(0);
  }
  return core::Status::NotFound(path_, "no story with id " + id);
}

core::Result<std::vector<std::pair<std::string, std::string>>> SqliteStore::ListStoryAliases() {
  Stmt q(db_, "SELECT old_id, survivor_id FROM story_aliases ORDER BY old_id");
  if (!q.ok()) return Error("listing merged story ids");
  std::vector<std::pair<std::string, std::string>> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.emplace_back(q.Text(0), q.Text(1));
  if (rc != SQLITE_DONE) return Error("listing merged story ids");
  return out;
}

core::Result<std::vector<core::Brief>> SqliteStore::LoadBriefVersions(const std::string& story_id,
                                                                      int since) {
  Stmt q(db_,
         "SELECT brief FROM brief_versions WHERE story_id = ?1 AND version > ?2 ORDER BY version");
  if (!q.ok()) return Error("loading brief versions of " + story_id);
  q.Bind(1, story_id).Bind(2, static_cast<int64_t>(since));
  std::vector<core::Brief> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    json j = json::parse(q.Text(0), nullptr, false);
    if (!j.is_object())
      return core::Status::Corruption(path_, "story " + story_id, "bad brief version");
    try {
      out.push_back(detail::BriefFromJson(j));
    } catch (const json::exception& e) {
      return core::Status::Corruption(path_, "story " + story_id, e.what());
    }
  }
  if (rc != SQLITE_DONE) return Error("loading brief versions of " + story_id);
  return out;
}

}  // namespace wirebrief::store
