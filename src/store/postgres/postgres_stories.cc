// The PostgreSQL side of incremental stories, as sqlite_stories.cc: articles in stored order
// (articles.seq), the engine's state, story upserts with brief versions, and merged ids. One
// update is one transaction that first locks the engine_state row (SELECT ... FOR UPDATE), so
// two processes committing at once take turns, and the second finds the generation moved and
// writes nothing (kConflict) instead of overwriting the first's stories.
#include <algorithm>
#include <cstdint>
#include <string>

#include "store/detail/model_json.h"
#include "store/postgres/postgres_backend.h"

namespace wirebrief::store {

using pg_detail::Dump;
using pg_detail::json;
using pg_detail::PgResult;

namespace {
constexpr int kMaxAliasHops = 64;  // merged ids form chains; a cycle (damage) must not hang
}  // namespace

core::Result<std::vector<SequencedArticle>> PostgresStore::LoadArticlesAfter(int64_t sequence,
                                                                             size_t limit) {
  const int64_t rows = static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX));
  auto r =
      Run("loading new articles",
          std::string("SELECT a.seq, ") + pg_detail::kArticleColumns + pg_detail::kArticleFrom +
              " WHERE a.seq > $1::bigint ORDER BY a.seq LIMIT $2::bigint",
          {std::to_string(sequence), std::to_string(rows)});
  if (!r.ok()) return r.status();
  std::vector<SequencedArticle> out(static_cast<size_t>(r->Rows()));
  for (int i = 0; i < r->Rows(); ++i) {
    out[i].sequence = r->Int(i, 0);
    WB_RETURN_IF_ERROR(ArticleFromRow(*r, i, 1, &out[i].article));
  }
  return out;
}

core::Result<std::vector<core::Article>> PostgresStore::LoadArticlesPublishedIn(
    const std::string& from, const std::string& to, size_t limit) {
  const int64_t rows = static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX));
  auto r = Run("loading articles by publication date",
               std::string("SELECT ") + pg_detail::kArticleColumns + pg_detail::kArticleFrom +
                   " WHERE a.date_published >= $1 AND a.date_published < $2 "
                   "ORDER BY a.date_published, a.id LIMIT $3::bigint",
               {from, to, std::to_string(rows)});
  if (!r.ok()) return r.status();
  std::vector<core::Article> out(static_cast<size_t>(r->Rows()));
  for (int i = 0; i < r->Rows(); ++i) WB_RETURN_IF_ERROR(ArticleFromRow(*r, i, 0, &out[i]));
  return out;
}

core::Result<std::vector<SequencedArticle>> PostgresStore::LoadArticlesInDateOrder(
    const DateOrderKey& after, const std::string& before, int64_t through_sequence, size_t limit) {
  const int64_t rows = static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX));
  auto r = Run("loading articles in publication order",
               std::string("SELECT a.seq, ") + pg_detail::kArticleColumns + pg_detail::kArticleFrom +
                   " WHERE (a.date_published, a.seq) > ($1, $2::bigint) "
                   "AND ($3 = '' OR a.date_published < $3) AND a.seq <= $4::bigint "
                   "ORDER BY a.date_published, a.seq LIMIT $5::bigint",
               {after.date_published, std::to_string(after.sequence), before,
                std::to_string(through_sequence), std::to_string(rows)});
  if (!r.ok()) return r.status();
  std::vector<SequencedArticle> out(static_cast<size_t>(r->Rows()));
  for (int i = 0; i < r->Rows(); ++i) {
    out[i].sequence = r->Int(i, 0);
    WB_RETURN_IF_ERROR(ArticleFromRow(*r, i, 1, &out[i].article));
  }
  return out;
}

core::Result<int64_t> PostgresStore::LastArticleSequence() {
  auto r = Run("reading the last article's sequence",
               "SELECT coalesce(max(seq), 0)::text FROM articles", {});
  if (!r.ok()) return r.status();
  return r->Int(0, 0);
}

core::Result<std::string> PostgresStore::LoadEngineState(int64_t* clustered_through,
                                                         int64_t* generation) {
  *clustered_through = 0;
  if (generation) *generation = 0;
  // Binary results: the state is bytea, read as its raw bytes; the numbers come as text.
  auto r = Run("loading the story engine state",
               "SELECT state, clustered_through::text, generation::text FROM engine_state "
               "WHERE name = 'stories'",
               {}, {}, true);
  if (!r.ok()) return r.status();
  if (r->Rows() == 0) return std::string();
  *clustered_through = r->Int(0, 1);
  if (generation) *generation = r->Int(0, 2);
  return r->Text(0, 0);
}

core::Status PostgresStore::CommitStoryUpdate(const StoryUpdate& update) {
  return InTransaction("BEGIN", [&] { return CommitStoryUpdateInTransaction(update); });
}

core::Status PostgresStore::CommitStoryUpdateInTransaction(const StoryUpdate& update) {
  // The row exists from the first update on; before that, two first updates at once both
  // insert it, and the second waits for the first and then finds it.
  WB_RETURN_IF_ERROR(Run("locking the story engine state",
                         "INSERT INTO engine_state(name, state, clustered_through) VALUES "
                         "('stories', '', 0) ON CONFLICT DO NOTHING")
                         .status());
  auto gen = Run("locking the story engine state",
                 "SELECT generation FROM engine_state WHERE name = 'stories' FOR UPDATE");
  if (!gen.ok()) return gen.status();
  const int64_t generation = gen->Rows() > 0 ? gen->Int(0, 0) : 0;
  if (update.built_on_generation >= 0 && update.built_on_generation != generation)
    return core::Status::Conflict(location_, "the story engine state moved from generation " +
                                                 std::to_string(update.built_on_generation) +
                                                 " to " + std::to_string(generation) +
                                                 " while this update was computed");

  // Merges one at a time, in order, as SQLite does: a chain merged within one update (B into
  // A, then A into C) must leave B resolving to C.
  for (const auto& [old_id, survivor] : update.merged) {
    const std::string what = "recording merged story " + old_id;
    WB_RETURN_IF_ERROR(Run(what, "DELETE FROM stories WHERE id = $1", {old_id}).status());
    WB_RETURN_IF_ERROR(Run(what,
                           "INSERT INTO story_aliases(old_id, survivor_id) VALUES ($1, $2) ON "
                           "CONFLICT (old_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id",
                           {old_id, survivor})
                           .status());
    // Ids that pointed at the merged story now point at its survivor, so lookups stay one hop.
    WB_RETURN_IF_ERROR(Run(what, "UPDATE story_aliases SET survivor_id = $2 WHERE survivor_id = $1",
                           {old_id, survivor})
                           .status());
  }

  if (!update.upsert.empty()) {
    json ids = json::array(), versions = json::array();
    std::string st, mem, fam, br;
    for (const StoryRecord& r : update.upsert) {
      const core::Story& s = r.story;
      ids.push_back(s.id);
      pg_detail::CopyRow({s.id, s.title, s.first_published, s.last_published, Dump(json(s.outlets)),
                          std::to_string(s.independent_outlets)},
                         &st);
      for (size_t i = 0; i < s.article_ids.size(); ++i)
        pg_detail::CopyRow({s.id, s.article_ids[i], std::to_string(i)}, &mem);
      for (size_t f = 0; f < r.copy_families.size(); ++f)
        for (size_t i = 0; i < r.copy_families[f].size(); ++i)
          pg_detail::CopyRow({s.id, std::to_string(f), r.copy_families[f][i], std::to_string(i)},
                             &fam);
      std::string brief = Dump(detail::BriefToJson(r.brief));
      pg_detail::CopyRow({s.id, brief}, &br);
      versions.push_back(
          {{"story_id", s.id}, {"version", r.brief.version}, {"brief", std::move(brief)}});
    }
    // Replaced whole (members, families and brief cascade); a live story is never an alias.
    const std::string id_list = Dump(ids);
    WB_RETURN_IF_ERROR(
        Run("replacing stories",
            "DELETE FROM stories WHERE id IN (SELECT json_array_elements_text($1::json))",
            {id_list})
            .status());
    WB_RETURN_IF_ERROR(
        Run("replacing stories",
            "DELETE FROM story_aliases WHERE old_id IN (SELECT json_array_elements_text($1::json))",
            {id_list})
            .status());
    WB_RETURN_IF_ERROR(Copy(
        "stories(id, title, first_published, last_published, outlets, independent_outlets)", st));
    WB_RETURN_IF_ERROR(Copy("story_articles(story_id, article_id, position)", mem));
    WB_RETURN_IF_ERROR(Copy("copy_families(story_id, family, article_id, position)", fam));
    WB_RETURN_IF_ERROR(Copy("briefs(story_id, brief)", br));
    WB_RETURN_IF_ERROR(Run("storing brief versions",
                           "INSERT INTO brief_versions(story_id, version, brief) SELECT story_id, "
                           "version, brief FROM json_to_recordset($1::json) AS v(story_id text, "
                           "version integer, brief text) ON CONFLICT (story_id, version) DO UPDATE "
                           "SET brief = EXCLUDED.brief",
                           {Dump(versions)})
                           .status());
  }

  WB_RETURN_IF_ERROR(AppendAlertEvents(update.events));
  // The state goes as bytes (bytea, binary parameter): snapshot bytes are not text.
  return Run("storing the story engine state",
             "UPDATE engine_state SET state = $1, clustered_through = $2::bigint, generation = "
             "generation + 1 WHERE name = 'stories'",
             {update.engine_state, std::to_string(update.clustered_through)}, {true, false})
      .status();
}

core::Result<std::vector<std::pair<std::string, std::string>>> PostgresStore::StoriesOfArticles(
    const std::vector<std::string>& article_ids) {
  json ids = json::array();
  for (const auto& id : article_ids) ids.push_back(id);
  // One query for the batch, answers in the order asked (the first story when damage left an
  // article in two, as SQLite's LIMIT 1).
  auto r = Run("reading story members",
               "SELECT k.id, (SELECT story_id FROM story_articles WHERE article_id = k.id ORDER BY "
               "story_id LIMIT 1) FROM json_array_elements_text($1::json) WITH ORDINALITY k(id, n) "
               "ORDER BY k.n",
               {Dump(ids)});
  if (!r.ok()) return r.status();
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < r->Rows(); ++i)
    if (!r->IsNull(i, 1)) out.emplace_back(r->Text(i, 0), r->Text(i, 1));
  return out;
}

core::Result<std::string> PostgresStore::ResolveStoryId(const std::string& id) {
  std::string at = id;
  for (int i = 0; i < kMaxAliasHops; ++i) {
    auto r = Run("resolving story " + id,
                 "SELECT EXISTS (SELECT 1 FROM stories WHERE id = $1), (SELECT survivor_id FROM "
                 "story_aliases WHERE old_id = $1)",
                 {at});
    if (!r.ok()) return r.status();
    if (r->Text(0, 0) == "t") return at;
    if (r->IsNull(0, 1)) break;
    at = r->Text(0, 1);
  }
  return core::Status::NotFound(location_, "no story with id " + id);
}

core::Result<std::vector<std::pair<std::string, std::string>>> PostgresStore::ListStoryAliases() {
  auto r = Run("listing merged story ids",
               "SELECT old_id, survivor_id FROM story_aliases ORDER BY old_id", {});
  if (!r.ok()) return r.status();
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < r->Rows(); ++i) out.emplace_back(r->Text(i, 0), r->Text(i, 1));
  return out;
}

core::Result<std::vector<core::Brief>> PostgresStore::LoadBriefVersions(const std::string& story_id,
                                                                        int since) {
  auto r = Run("loading brief versions of " + story_id,
               "SELECT brief FROM brief_versions WHERE story_id = $1 AND version > $2::integer "
               "ORDER BY version",
               {story_id, std::to_string(since)});
  if (!r.ok()) return r.status();
  std::vector<core::Brief> out;
  for (int i = 0; i < r->Rows(); ++i) {
    json j = json::parse(r->Text(i, 0), nullptr, false);
    if (!j.is_object())
      return core::Status::Corruption(location_, "story " + story_id, "bad brief version");
    try {
      out.push_back(detail::BriefFromJson(j));
    } catch (const json::exception& e) {
      return core::Status::Corruption(location_, "story " + story_id, e.what());
    }
  }
  return out;
}

}  // namespace wirebrief::store
