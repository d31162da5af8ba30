// The PostgreSQL backend's schema: its migrations and how they are applied.
#include <string>

#include "store/postgres/postgres_backend.h"

namespace wirebrief::store {
namespace {

// Migrations, in order, numbered as SQLite's (the schema version means the same tables on both
// backends). Never edit a shipped entry: append a new one.
const char* const kMigrations[] = {
    // 1: articles, their provenance, stories with members, families and briefs. Keys and dates
    // use the "C" collation so ordering and cursors compare bytes, as SQLite does.
    R"sql(
CREATE TABLE articles (
  id TEXT COLLATE "C" PRIMARY KEY,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  title TEXT NOT NULL,
  site_name TEXT NOT NULL,
  host TEXT NOT NULL,
  section TEXT NOT NULL,
  language TEXT NOT NULL,
  date_published TEXT COLLATE "C" NOT NULL,
  date_modified TEXT NOT NULL,
  date_crawled TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  extras TEXT NOT NULL,
  stored_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE INDEX articles_published ON articles(date_published);
CREATE TABLE provenance (
  seq BIGSERIAL PRIMARY KEY,  -- arrival order (SQLite's rowid): the first record is the article's own
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
  source TEXT NOT NULL,
  container TEXT NOT NULL,
  "offset" BIGINT NOT NULL,
  length BIGINT NOT NULL,
  record_id TEXT NOT NULL,
  crawl_date TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  UNIQUE(article_id, source, "offset", record_id)
);
CREATE TABLE stories (
  id TEXT COLLATE "C" PRIMARY KEY,
  title TEXT NOT NULL,
  first_published TEXT COLLATE "C" NOT NULL,
  last_published TEXT COLLATE "C" NOT NULL,
  outlets TEXT NOT NULL,
  independent_outlets INTEGER NOT NULL
);
CREATE TABLE story_articles (
  story_id TEXT COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,
  PRIMARY KEY(story_id, article_id)
);
CREATE TABLE copy_families (
  story_id TEXT COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  family INTEGER NOT NULL,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,
  PRIMARY KEY(story_id, family, position)
);
CREATE TABLE briefs (
  story_id TEXT COLLATE "C" PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
  brief TEXT NOT NULL
);
)sql",
    // 2: what the HTTP server reads: full-text search (a generated tsvector, title weighted A
    // and body D, 'simple' configuration: no stemming, like FTS5's unicode61), the entities each
    // article mentions (filled from the extras JSON by a trigger, case-insensitively unique as
    // SQLite's NOCASE key), newest-first story pages, and settings.
    R"sql(
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS
  (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'D')) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE TABLE article_entities (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
CREATE UNIQUE INDEX article_entities_key ON article_entities(lower(name), article_id);
CREATE FUNCTION wb_entity_names(extras TEXT) RETURNS SETOF TEXT LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE doc jsonb;
BEGIN
  BEGIN
    doc := extras::jsonb;
  EXCEPTION WHEN others THEN
    RETURN;
  END;
  IF jsonb_typeof(doc -> 'entities') = 'array' THEN
    RETURN QUERY SELECT e ->> 'name' FROM jsonb_array_elements(doc -> 'entities') e
      WHERE jsonb_typeof(e) = 'object' AND coalesce(e ->> 'name', '') <> '';
  END IF;
END $$;
CREATE FUNCTION wb_articles_entities_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_entities(article_id, name)
    SELECT NEW.id, n FROM wb_entity_names(NEW.extras) n ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_entities_insert AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION wb_articles_entities_insert();
INSERT INTO article_entities(article_id, name)
  SELECT a.id, n FROM articles a, wb_entity_names(a.extras) n ON CONFLICT DO NOTHING;
CREATE INDEX stories_recent ON stories(last_published DESC, id);
CREATE INDEX story_articles_article ON story_articles(article_id);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
    // 3: incremental stories, as SQLite's 3: the clusterer's open window between runs (one row,
    // the bytes of cluster/snapshot.h, and the last article sequence it covered), the ids of
    // stories merged into others, and every brief version a story had. Plus the stored order
    // SQLite has as the articles' rowid: articles.seq, drawn from the one article_sequence row
    // (see PutArticle for why not a sequence object); articles stored before number in the
    // order their first provenance record arrived. wb_is_headline reads extras as SQLite's
    // json_extract(extras, '$.headline_only') does, false for unreadable JSON.
    R"sql(
CREATE TABLE engine_state (
  name TEXT PRIMARY KEY,
  state BYTEA NOT NULL,
  clustered_through BIGINT NOT NULL
);
CREATE TABLE story_aliases (
  old_id TEXT COLLATE "C" PRIMARY KEY,
  survivor_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX story_aliases_survivor ON story_aliases(survivor_id);
CREATE TABLE brief_versions (
  story_id TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  brief TEXT NOT NULL,
  stored_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  PRIMARY KEY(story_id, version)
);
CREATE TABLE article_sequence (
  id BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
  last BIGINT NOT NULL
);
ALTER TABLE articles ADD COLUMN seq BIGINT;
UPDATE articles a SET seq = o.n FROM (
  SELECT x.id, row_number() OVER (ORDER BY (SELECT min(p.seq) FROM provenance p WHERE p.article_id = x.id)
                                  NULLS LAST, x.id) AS n
  FROM articles x) o
WHERE o.id = a.id;
ALTER TABLE articles ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX articles_seq ON articles(seq);
INSERT INTO article_sequence(last) SELECT COALESCE(max(seq), 0) FROM articles;
CREATE FUNCTION wb_is_headline(extras TEXT) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF strpos(extras, '"headline_only"') = 0 THEN
    RETURN false;  -- the common case, without parsing the annotations
  END IF;
  BEGIN
    RETURN coalesce(extras::jsonb -> 'headline_only' = 'true'::jsonb, false);
  EXCEPTION WHEN others THEN
    RETURN false;
  END;
END $$;
)sql",
    // 4: `wirebrief watch`, as SQLite's 4: the sources it polls, with what a feed reader keeps
    // (validators, poll times, health), and one row per article page URL it has met.
    R"sql(
CREATE TABLE sources (
  url TEXT COLLATE "C" PRIMARY KEY,
  kind TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  added_at TEXT NOT NULL,
  last_poll TEXT NOT NULL,
  next_poll TEXT NOT NULL,
  last_success TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  last_outcome TEXT NOT NULL,
  items_seen BIGINT NOT NULL,
  articles_stored BIGINT NOT NULL,
  interval_seconds DOUBLE PRECISION NOT NULL,
  title TEXT NOT NULL
);
CREATE TABLE page_states (
  url TEXT COLLATE "C" PRIMARY KEY,
  article_id TEXT NOT NULL,
  state TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  next_attempt TEXT COLLATE "C" NOT NULL,
  listed_in TEXT NOT NULL
);
CREATE INDEX page_states_due ON page_states(next_attempt) WHERE next_attempt <> '';
)sql",
    // 5: a generation on the engine state, moved by every story update, so an update computed
    // from a state another process has since replaced is refused instead of overwriting it.
    R"sql(
ALTER TABLE engine_state ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
)sql",
    // 6: SQLite's 6 indexes merged ids by survivor (here since 3) and keeps row counts by
    // triggers. Not here: one counter row would make every writer's transaction wait on its lock,
    // against the concurrent writers PostgreSQL is chosen for; Counts() counts instead.
    R"sql(
SELECT 1;
)sql",
    // 7: watchlists, their events and webhook deliveries, as SQLite's 7.
    R"sql(
CREATE TABLE watchlists (
  name TEXT COLLATE "C" PRIMARY KEY,
  query TEXT NOT NULL,
  webhook TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE alert_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  watchlist TEXT COLLATE "C" NOT NULL,
  story_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  brief_version INTEGER NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX alert_events_watchlist ON alert_events(watchlist, id);
CREATE TABLE webhook_deliveries (
  event_id BIGINT PRIMARY KEY,
  watchlist TEXT COLLATE "C" NOT NULL,
  url TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt TEXT COLLATE "C" NOT NULL,
  last_attempt TEXT NOT NULL,
  last_status INTEGER NOT NULL,
  last_error TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_watchlist ON webhook_deliveries(watchlist, event_id);
)sql",
};
constexpr int kLatest = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

// The search index in every script (EnsureScriptIndex): wb_script_pieces is IsUnspacedScript's
// ranges and ForEachScriptPiece(with_last) in SQL.
constexpr const char* kScriptIndex = R"sql(
CREATE FUNCTION wb_script_pieces(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(CASE WHEN i < char_length(r.m[1]) THEN substr(r.m[1], i, 2)
                                  ELSE substr(r.m[1], i, 1) END, ' ' ORDER BY r.n, i), '')
  FROM regexp_matches(coalesce(t, ''),
         '([\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F\U00020000-\U0003FFFF]+)',
         'g') WITH ORDINALITY AS r(m, n),
       generate_series(1, char_length(r.m[1])) AS i
$$;
ALTER TABLE articles DROP COLUMN tsv;
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS
  (setweight(to_tsvector('simple', title) || to_tsvector('simple', wb_script_pieces(title)), 'A') ||
   setweight(to_tsvector('simple', text) || to_tsvector('simple', wb_script_pieces(text)), 'D')) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
)sql";

// Transaction-level advisory lock key for migrations: two processes opening a fresh database
// at once must not both create the tables ("wbschema" in ASCII).
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(8531315545366585697)";

}  // namespace

core::Status PostgresStore::Migrate() {
  // One transaction under an advisory lock: DDL is transactional in PostgreSQL, so a failed
  // migration leaves the previous version, and a second process opening at the same time
  // waits and then finds the work done.
  WB_RETURN_IF_ERROR(Exec("BEGIN"));
  core::Status s = MigrateInTransaction();
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

core::Status PostgresStore::MigrateInTransaction() {
  WB_RETURN_IF_ERROR(Exec(kMigrationLock));
  WB_RETURN_IF_ERROR(Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT "
      "NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"));
  auto v = Run("reading schema version", "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!v.ok()) return v.status();
  int version = static_cast<int>(v->Int(0, 0));
  if (version > kLatest)
    return core::Status::Unsupported(
        location_, "database schema version " + std::to_string(version) +
                       " is newer than this wirebrief (" + std::to_string(kLatest) + ")");
  for (; version < kLatest; ++version) {
    WB_RETURN_IF_ERROR(
        Run("migrating to schema version " + std::to_string(version + 1), kMigrations[version])
            .status());
    WB_RETURN_IF_ERROR(
        Exec("INSERT INTO schema_version(version) VALUES (" + std::to_string(version + 1) + ")"));
  }
  version_ = version;
  return EnsureScriptIndex();
}

core::Status PostgresStore::EnsureScriptIndex() {
  // Issue 27: the 'simple' parser keeps a run of Chinese (Japanese, Thai) as one word, so no
  // word inside it was found. The tsvector also holds such runs as store/detail/
  // script_bigrams.h cuts them (the same rule as SQLite's wb_scripts tokenizer, written here in
  // SQL since the column is computed by the server); text in spaced scripts gets no pieces, so
  // its lexemes and positions are what they were. Under the migration lock: done once.
  auto have = Run("reading the search index", "SELECT to_regprocedure('wb_script_pieces(text)') IS NOT NULL");
  if (!have.ok()) return have.status();
  if (have->Text(0, 0) == "t") return core::Status::Ok();
  return Run("rebuilding the search index for every script", kScriptIndex).status();
}

}  // namespace wirebrief::store
