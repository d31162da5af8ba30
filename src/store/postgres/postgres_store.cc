// PostgreSQL backend (Debian's libpq): articles, stories, search and settings. Same schema
// versions and migrations as the SQLite backend (postgres_schema.cc); full-text search is a
// generated tsvector column with a GIN index, queried with the tsquery that search_query.cc
// renders from the same parse as the FTS5 expression.
#include "store/postgres/postgres_store.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "store/detail/cursor.h"
#include "store/detail/model_json.h"
#include "store/postgres/postgres_backend.h"
#include "store/search_query.h"

namespace wirebrief::store {

namespace pg_detail {

std::string ValidUtf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size() && c != 0;
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n == 2) ok = c >= 0xC2;
    if (ok && n == 3) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogates
    }
    if (ok && n == 4) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

namespace {

// One field of COPY's text format.
void CopyField(const std::string& s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        *out += c;
    }
  }
}

}  // namespace

void CopyRow(std::initializer_list<std::string> fields, std::string* out) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) *out += '\t';
    first = false;
    CopyField(ValidUtf8(f), out);
  }
  *out += '\n';
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace pg_detail

namespace {

using pg_detail::CopyRow;
using pg_detail::Dump;
using pg_detail::json;
using pg_detail::PgResult;

// Settings row holding how many articles the stored story set was built from (ReplaceStories).
const std::string kBuiltFromKey = "stories.built_from_articles";

// A query assembled from the filters in use; each value is a parameter, never spliced in.
struct SqlBuilder {
  std::string where;
  std::vector<std::string> args;
  std::string Arg(const std::string& value) {
    args.push_back(value);
    return "$" + std::to_string(args.size());
  }
  void And(const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; }
};

std::string EndOfDay(const std::string& until) { return until + "~"; }
size_t PageSize(size_t limit) { return limit == 0 ? 1 : limit; }

// Story rows with members and copy families aggregated as JSON, so a page is one query.
constexpr const char* kStorySelect =
    "SELECT s.id, s.title, s.first_published, s.last_published, s.outlets, s.independent_outlets, "
    "COALESCE(b.brief, '{}'), "
    "COALESCE((SELECT json_agg(m.article_id ORDER BY m.position) FROM story_articles m WHERE "
    "m.story_id = s.id), "
    "'[]'), "
    "COALESCE((SELECT json_agg(json_build_array(f.family, f.article_id) ORDER BY f.family, "
    "f.position) "
    "FROM copy_families f WHERE f.story_id = s.id), '[]') "
    "FROM stories s LEFT JOIN briefs b ON b.story_id = s.id";

}  // namespace

PostgresStore::~PostgresStore() { PQfinish(conn_); }

core::Result<std::unique_ptr<Store>> PostgresStore::Open(const std::string& conninfo) {
  auto store = std::unique_ptr<PostgresStore>(new PostgresStore());
  store->location_ = RedactConninfo(conninfo);
  store->conn_ = PQconnectdb(conninfo.c_str());
  if (!store->conn_ || PQstatus(store->conn_) != CONNECTION_OK)
    return core::Status::IOError(
        store->location_, std::string("cannot connect: ") +
                              (store->conn_ ? PQerrorMessage(store->conn_) : "out of memory"));
  // Notices (to_tsquery dropping a term, IF NOT EXISTS) are not the user's concern.
  PQsetNoticeProcessor(
      store->conn_, [](void*, const char*) {}, nullptr);
  WB_RETURN_IF_ERROR(store->Exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'"));
  WB_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

core::Status PostgresStore::PutArticle(const core::Article& a, bool* inserted) {
  // One statement, so one transaction: the article (unless its id is stored, by this process
  // or another) and this provenance record (unless recorded). A concurrent insert of the same
  // id waits for the other transaction and then does nothing.
  //
  // The stored order (articles.seq, what LoadArticlesAfter pages by) is drawn from the one
  // article_sequence row, locked until this statement commits, not from a sequence object: a
  // sequence hands out numbers at insert, so a reader could see number 11 committed before 10
  // and move the story engine's watermark past 10 for good. Under the row lock numbers are
  // committed in order. An article already stored skips the lock (reruns and overlapping
  // writers do not queue on it). Both inserts read `seq`, so the lock is always taken before
  // either (a provenance row inserted first, while another writer holds the lock and offers
  // the same record, would deadlock the two).
  const core::Provenance& p = a.provenance;
  const std::string extras = Dump(detail::ArticleExtrasToJson(a));
  auto r =
      RunPrepared("wb_put_article", "storing article " + a.id,
                  "WITH seq AS (UPDATE article_sequence SET last = last + 1 WHERE NOT EXISTS "
                  "(SELECT 1 FROM articles WHERE id = $1) RETURNING last), "
                  "ins AS (INSERT INTO articles(id, url, canonical_url, title, site_name, host, "
                  "section, language, date_published, date_modified, date_crawled, content_hash, "
                  "text, extras, seq) SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14, last "
                  "FROM seq ON CONFLICT (id) DO NOTHING RETURNING 1), "
                  "prov AS (INSERT INTO provenance(article_id, source, container, \"offset\", "
                  "length, record_id, crawl_date, http_status) SELECT $1,$15,$16,$17::bigint,"
                  "$18::bigint,$19,$20,$21::integer FROM (SELECT count(*) FROM seq) s "
                  "ON CONFLICT DO NOTHING) "
                  "SELECT (SELECT count(*) FROM ins), "
                  "(SELECT wb_is_headline(extras) FROM articles WHERE id = $1)",
                  {a.id,
                   a.url,
                   a.canonical_url,
                   a.title,
                   a.site_name,
                   a.host,
                   a.section,
                   a.language,
                   a.date_published,
                   a.date_modified,
                   a.date_crawled,
                   a.content_hash,
                   a.text,
                   extras,
                   p.source,
                   p.container,
                   std::to_string(static_cast<int64_t>(p.offset)),
                   std::to_string(static_cast<int64_t>(p.length)),
                   p.record_id,
                   p.crawl_date,
                   std::to_string(p.http_status)});
  if (!r.ok()) return r.status();
  *inserted = r->Int(0, 0) > 0;
  // Stored before as a headline (or stored by another writer while this statement ran, so
  // this snapshot cannot tell): the page upgrades it in place, under the same id, and moves
  // it to the end of the stored order so the story engine sees it again.
  const bool maybe_headline = r->IsNull(0, 1) || r->Text(0, 1) == "t";
  if (*inserted || a.headline_only || !maybe_headline) return core::Status::Ok();
  auto up =
      Run("upgrading article " + a.id,
          "WITH s AS (UPDATE article_sequence SET last = last + 1 RETURNING last), "
          "up AS (UPDATE articles SET seq = s.last, url = $2, canonical_url = $3, title = $4, "
          "site_name = $5, host = $6, section = $7, language = $8, date_published = $9, "
          "date_modified = $10, date_crawled = $11, content_hash = $12, text = $13, "
          "extras = $14 FROM s WHERE id = $1 AND wb_is_headline(extras) RETURNING id), "
          "ent AS (INSERT INTO article_entities(article_id, name) SELECT up.id, n FROM up, "
          "wb_entity_names($14) n ON CONFLICT DO NOTHING) "
          "SELECT count(*) FROM up",
          {a.id, a.url, a.canonical_url, a.title, a.site_name, a.host, a.section, a.language,
           a.date_published, a.date_modified, a.date_crawled, a.content_hash, a.text, extras});
  if (!up.ok()) return up.status();
  *inserted = up->Int(0, 0) > 0;
  return core::Status::Ok();
}

core::Status PostgresStore::PutArticles(const std::vector<const core::Article*>& articles,
                                        std::vector<bool>* inserted) {
  inserted->assign(articles.size(), false);
  if (articles.empty()) return core::Status::Ok();
  return InTransaction("BEGIN", [&]() -> core::Status {
    // The article_sequence row first, for the whole batch: PutArticle takes it before its
    // inserts, but a batch that first records provenance of a known article and then inserts a
    // new one would take it after a provenance row, and two such batches offering the same
    // record would deadlock. Batches of concurrent writers so queue on the row instead.
    WB_RETURN_IF_ERROR(RunPrepared("wb_lock_sequence", "locking the article sequence",
                                   "SELECT last FROM article_sequence FOR UPDATE", {})
                           .status());
    for (size_t i = 0; i < articles.size(); ++i) {
      bool one = false;
      WB_RETURN_IF_ERROR(PutArticle(*articles[i], &one));
      (*inserted)[i] = one;
    }
    return core::Status::Ok();
  });
}

core::Result<std::vector<core::Article>> PostgresStore::LoadArticles() {
  // One snapshot for the count and the rows: the count is the watermark ReplaceStories
  // compares (see there).
  WB_RETURN_IF_ERROR(Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  auto n = Run("counting articles", "SELECT count(*) FROM articles");
  auto r = n.ok() ? Run("loading articles", std::string("SELECT ") + pg_detail::kArticleColumns +
                                                pg_detail::kArticleFrom +
                                                " ORDER BY date_published, a.id")
                  : core::Result<PgResult>(n.status());
  Exec("COMMIT");
  if (!r.ok()) return r.status();
  std::vector<core::Article> out;
  out.reserve(static_cast<size_t>(r->Rows()));
  for (int i = 0; i < r->Rows(); ++i) {
    core::Article a;
    WB_RETURN_IF_ERROR(ArticleFromRow(*r, i, 0, &a));
    out.push_back(std::move(a));
  }
  loaded_articles_ = n->Int(0, 0);
  return out;
}

// The whole set is replaced in one transaction. Two processes rebuilding at once (each after
// storing its own articles) would otherwise race: the rebuild that read fewer articles could
// commit last and drop the other's. The kBuiltFromKey settings row, locked FOR UPDATE,
// serializes the replacements (a row lock, released with the transaction), and a set built from
// fewer articles than the stored one is dropped: articles are never deleted, so the larger count
// read the larger (superset) snapshot, and an equal count read the same articles. The last writer
// to have read everything wins; no process waits on an application lock.
core::Status PostgresStore::ReplaceStories(const std::vector<StoryRecord>& stories) {
  WB_RETURN_IF_ERROR(Exec("BEGIN"));
  core::Status s = ReplaceStoriesInTransaction(stories);
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

core::Result<std::vector<StoryRecord>> PostgresStore::LoadStories() {
  return LoadStoryRecords(std::string(kStorySelect) + " ORDER BY s.last_published DESC, s.id", {});
}

core::Result<StoreCounts> PostgresStore::Counts() {
  auto r = Run("counting rows",
               "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM provenance), "
               "(SELECT count(*) FROM stories), (SELECT count(*) FROM briefs)");
  if (!r.ok()) return r.status();
  return StoreCounts{r->Int(0, 0), r->Int(0, 1), r->Int(0, 2), r->Int(0, 3)};
}

core::Result<StoryPage> PostgresStore::ListStories(const StoryQuery& query) {
  SqlBuilder b;
  if (!query.since.empty()) b.And("s.last_published >= " + b.Arg(query.since));
  if (!query.until.empty()) b.And("s.first_published < " + b.Arg(EndOfDay(query.until)));
  if (!query.outlet.empty())
    b.And(
        "EXISTS (SELECT 1 FROM json_array_elements_text(s.outlets::json) o WHERE lower(o) = "
        "lower(" +
        b.Arg(query.outlet) + "))");
  if (!query.entity.empty())
    b.And(
        "s.id IN (SELECT sa.story_id FROM article_entities e JOIN story_articles sa ON "
        "sa.article_id = "
        "e.article_id WHERE lower(e.name) = lower(" +
        b.Arg(query.entity) + "))");
  if (!query.match.empty()) {
    auto ts = FtsMatchToTsQuery(query.match);
    if (!ts.ok()) return ts.status();
    b.And(
        "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = "
        "sa.article_id WHERE "
        "a.tsv @@ to_tsquery('simple', " +
        b.Arg(ts.value()) + "))");
  }
  if (!query.cursor.empty()) {
    std::string raw;
    size_t sep;
    if (!detail::FromHex(query.cursor, &raw) || (sep = raw.find('\x1f')) == std::string::npos)
      return core::Status::InvalidArgument("cursor", "not a cursor this server handed out");
    std::string last = b.Arg(raw.substr(0, sep));
    b.And("(s.last_published < " + last + " OR (s.last_published = " + last + " AND s.id > " +
          b.Arg(raw.substr(sep + 1)) + "))");
  }
  size_t limit = PageSize(query.limit);
  auto records = LoadStoryRecords(std::string(kStorySelect) + b.where +
                                      " ORDER BY s.last_published DESC, s.id LIMIT " +
                                      std::to_string(limit + 1),
                                  b.args);
  if (!records.ok()) return records.status();
  StoryPage page;
  for (auto& r : records.value()) {
    if (page.stories.size() == limit) {
      const core::Story& last = page.stories.back();
      page.next_cursor = detail::ToHex(last.last_published + '\x1f' + last.id);
      break;
    }
    page.stories.push_back(std::move(r.story));
  }
  return page;
}

core::Result<StoryRecord> PostgresStore::LoadStory(const std::string& id) {
  auto r = LoadStoryRecords(std::string(kStorySelect) + " WHERE s.id = $1", {id});
  if (!r.ok()) return r.status();
  if (r->empty()) return core::Status::NotFound(location_, "no story with id " + id);
  return std::move(r->front());
}

core::Result<core::Article> PostgresStore::LoadArticle(const std::string& id) {
  auto r = Run("loading article " + id,
               std::string("SELECT ") + pg_detail::kArticleColumns + pg_detail::kArticleFrom +
                   " WHERE a.id = $1",
               {id});
  if (!r.ok()) return r.status();
  if (r->Rows() == 0) return core::Status::NotFound(location_, "no article with id " + id);
  core::Article a;
  WB_RETURN_IF_ERROR(ArticleFromRow(*r, 0, 0, &a));
  return a;
}

core::Result<std::vector<core::Provenance>> PostgresStore::LoadProvenance(
    const std::string& article_id) {
  auto r = Run("loading provenance of " + article_id,
               "SELECT source, container, \"offset\", length, record_id, crawl_date, http_status "
               "FROM provenance "
               "WHERE article_id = $1 ORDER BY seq",
               {article_id});
  if (!r.ok()) return r.status();
  std::vector<core::Provenance> out;
  for (int i = 0; i < r->Rows(); ++i)
    out.push_back({r->Text(i, 0), r->Text(i, 1), static_cast<uint64_t>(r->Int(i, 2)),
                   static_cast<uint64_t>(r->Int(i, 3)), r->Text(i, 4), r->Text(i, 5),
                   static_cast<int>(r->Int(i, 6))});
  return out;
}

core::Result<ArticlePage> PostgresStore::SearchArticles(const ArticleQuery& query) {
  SqlBuilder b;
  std::string tsquery;
  if (!query.match.empty()) {
    auto ts = FtsMatchToTsQuery(query.match);
    if (!ts.ok()) return ts.status();
    tsquery = "to_tsquery('simple', " + b.Arg(ts.value()) + ")";
    b.And("a.tsv @@ " + tsquery);
  }
  if (!query.outlet.empty()) {
    std::string o = b.Arg(query.outlet);
    b.And("(lower(a.site_name) = lower(" + o + ") OR lower(a.host) = lower(" + o + "))");
  }
  if (!query.language.empty())
    b.And("(lower(a.language) = lower(" + b.Arg(query.language) + ") OR a.language ILIKE " +
          b.Arg(query.language + "-%") + ")");
  if (!query.since.empty()) b.And("a.date_published >= " + b.Arg(query.since));
  if (!query.until.empty()) b.And("a.date_published < " + b.Arg(EndOfDay(query.until)));
  int64_t offset = 0;
  if (!query.cursor.empty()) {
    std::string raw;
    if (!detail::FromHex(query.cursor, &raw) || raw.size() < 2 || raw[0] != 'o' ||
        raw.size() > 19 || raw.find_first_not_of("0123456789", 1) != std::string::npos)
      return core::Status::InvalidArgument("cursor", "not a cursor this server handed out");
    offset = std::stoll(raw.substr(1));
  }
  size_t limit = PageSize(query.limit);
  std::string page = " LIMIT " + std::to_string(limit + 1) + " OFFSET " + std::to_string(offset);
  std::string sql;
  if (query.match.empty()) {
    sql =
        "SELECT a.id, a.title, a.url, a.site_name, a.host, a.date_published, a.language, "
        "substr(a.text, 1, 240) "
        "FROM articles a" +
        b.where + " ORDER BY a.date_published DESC, a.id" + page;
  } else {
    // Title hits weigh 4x body hits (weights are {D, C, B, A}); headlines only for the page.
    std::string options = b.Arg(
        "StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=8, ShortWord=0, MaxFragments=1, "
        "FragmentDelimiter=\"\xE2\x80\xA6\"");
    sql =
        "SELECT id, title, url, site_name, host, date_published, language, ts_headline('simple', "
        "text, " +
        tsquery + ", " + options + ") FROM (SELECT a.* FROM articles a" + b.where +
        " ORDER BY ts_rank('{0.25, 0.25, 0.25, 1.0}', a.tsv, " + tsquery + ") DESC, a.id" + page +
        ") a ORDER BY ts_rank('{0.25, 0.25, 0.25, 1.0}', a.tsv, " + tsquery + ") DESC, a.id";
  }
  auto r = Run("searching articles", sql, b.args);
  if (!r.ok()) return r.status();
  ArticlePage out;
  for (int i = 0; i < r->Rows(); ++i) {
    if (out.hits.size() == limit) {
      out.next_cursor = detail::ToHex("o" + std::to_string(offset + static_cast<int64_t>(limit)));
      break;
    }
    out.hits.push_back({r->Text(i, 0), r->Text(i, 1), r->Text(i, 2),
                        r->Text(i, 3).empty() ? r->Text(i, 4) : r->Text(i, 3), r->Text(i, 5),
                        r->Text(i, 6), r->Text(i, 7)});
  }
  return out;
}

core::Result<std::string> PostgresStore::GetSetting(const std::string& key) {
  auto r = Run("reading setting " + key, "SELECT value FROM settings WHERE key = $1", {key});
  if (!r.ok()) return r.status();
  if (r->Rows() == 0) return core::Status::NotFound(location_, "no setting " + key);
  return r->Text(0, 0);
}

core::Status PostgresStore::PutSetting(const std::string& key, const std::string& value,
                                       bool only_if_absent, bool* stored) {
  auto r = Run("storing setting " + key,
               only_if_absent
                   ? "INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING"
                   : "INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE "
                     "SET value = EXCLUDED.value",
               {key, value});
  if (!r.ok()) return r.status();
  if (stored) *stored = std::string(r->CmdTuples()) != "0";
  return core::Status::Ok();
}

core::Result<std::vector<std::pair<std::string, std::string>>> PostgresStore::LoadSettings() {
  // COLLATE "C": the same order as SQLite's byte order, so exports compare across backends.
  auto r =
      Run("loading settings", "SELECT key, value FROM settings ORDER BY key COLLATE \"C\"", {});
  if (!r.ok()) return r.status();
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < r->Rows(); ++i) out.emplace_back(r->Text(i, 0), r->Text(i, 1));
  return out;
}

core::Result<PgResult> PostgresStore::Run(const std::string& what, const std::string& sql,
                                          const std::vector<std::string>& params,
                                          const std::vector<bool>& binary, bool binary_result) {
  std::vector<std::string> clean;
  clean.reserve(params.size());
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  for (size_t i = 0; i < params.size(); ++i) {
    const bool bytes = i < binary.size() && binary[i];
    clean.push_back(bytes ? params[i] : pg_detail::ValidUtf8(params[i]));
    formats.push_back(bytes ? 1 : 0);
  }
  for (const auto& p : clean) {
    values.push_back(p.c_str());
    lengths.push_back(static_cast<int>(p.size()));
  }
  PgResult r(params.empty() && !binary_result
                 ? PQexec(conn_, sql.c_str())
                 : PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                values.data(), lengths.data(), formats.data(),
                                binary_result ? 1 : 0));
  ExecStatusType st = PQresultStatus(r.get());
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_COPY_IN) return r;
  return ErrorOf(what, r);
}

core::Result<PgResult> PostgresStore::RunPrepared(const char* name, const std::string& what,
                                                  const std::string& sql,
                                                  const std::vector<std::string>& params) {
  if (!prepared_.count(name)) {
    PgResult made(PQprepare(conn_, name, sql.c_str(), static_cast<int>(params.size()), nullptr));
    if (PQresultStatus(made.get()) != PGRES_COMMAND_OK) return ErrorOf(what, made);
    prepared_.insert(name);
  }
  std::vector<std::string> clean;
  clean.reserve(params.size());
  for (const auto& p : params) clean.push_back(pg_detail::ValidUtf8(p));
  std::vector<const char*> values;
  for (const auto& p : clean) values.push_back(p.c_str());
  PgResult r(PQexecPrepared(conn_, name, static_cast<int>(values.size()), values.data(), nullptr,
                            nullptr, 0));
  ExecStatusType st = PQresultStatus(r.get());
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return r;
  return ErrorOf(what, r);
}

core::Status PostgresStore::ErrorOf(const std::string& what, const PgResult& r) const {
  const PGresult* res = r.get();
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  // A tsquery the server cannot parse is the caller's input, as FTS5 syntax errors are.
  if (state && std::string(state) == "42601" && msg.find("tsquery") != std::string::npos)
    return core::Status::InvalidArgument("query", msg);
  return core::Status::Internal(location_, (what.empty() ? "" : what + ": ") + msg);
}

core::Status PostgresStore::ReplaceStoriesInTransaction(const std::vector<StoryRecord>& stories) {
  WB_RETURN_IF_ERROR(Run("locking stories",
                         "INSERT INTO settings(key, value) VALUES ($1, '0') ON CONFLICT DO NOTHING",
                         {kBuiltFromKey})
                         .status());
  auto state = Run("locking stories",
                   "SELECT value::bigint, (SELECT count(*) FROM articles) FROM settings WHERE "
                   "key = $1 FOR UPDATE",
                   {kBuiltFromKey});
  if (!state.ok()) return state.status();
  int64_t built_from = loaded_articles_ >= 0 ? loaded_articles_ : state->Int(0, 1);
  if (state->Int(0, 0) > built_from) return core::Status::Ok();  // superseded by a newer rebuild
  WB_RETURN_IF_ERROR(Exec("DELETE FROM stories"));
  std::string st, mem, fam, br;
  for (const StoryRecord& r : stories) {
    const core::Story& s = r.story;
    CopyRow({s.id, s.title, s.first_published, s.last_published, Dump(json(s.outlets)),
             std::to_string(s.independent_outlets)},
            &st);
    for (size_t i = 0; i < s.article_ids.size(); ++i)
      CopyRow({s.id, s.article_ids[i], std::to_string(i)}, &mem);
    for (size_t f = 0; f < r.copy_families.size(); ++f)
      for (size_t i = 0; i < r.copy_families[f].size(); ++i)
        CopyRow({s.id, std::to_string(f), r.copy_families[f][i], std::to_string(i)}, &fam);
    CopyRow({s.id, Dump(detail::BriefToJson(r.brief))}, &br);
  }
  WB_RETURN_IF_ERROR(Copy(
      "stories(id, title, first_published, last_published, outlets, independent_outlets)", st));
  WB_RETURN_IF_ERROR(Copy("story_articles(story_id, article_id, position)", mem));
  WB_RETURN_IF_ERROR(Copy("copy_families(story_id, family, article_id, position)", fam));
  WB_RETURN_IF_ERROR(Copy("briefs(story_id, brief)", br));
  return Run("storing stories", "UPDATE settings SET value = $2 WHERE key = $1",
             {kBuiltFromKey, std::to_string(built_from)})
      .status();
}

// COPY ... FROM STDIN: one round trip per table instead of one per row.
core::Status PostgresStore::Copy(const std::string& target, const std::string& rows) {
  std::string what = "storing " + target.substr(0, target.find('('));
  WB_RETURN_IF_ERROR(Run(what, "COPY " + target + " FROM STDIN").status());
  bool sent = rows.empty() || PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) == 1;
  if (PQputCopyEnd(conn_, sent ? nullptr : "client could not send rows") != 1)
    return core::Status::Internal(location_, what + ": " + PQerrorMessage(conn_));
  core::Status s;
  while (PGresult* res = PQgetResult(conn_)) {
    PgResult r(res);
    if (PQresultStatus(res) != PGRES_COMMAND_OK && s.ok()) s = ErrorOf(what, r);
  }
  return s;
}

core::Status PostgresStore::ArticleFromRow(const PgResult& r, int i, int at,
                                           core::Article* out) const {
  core::Article a;
  a.id = r.Text(i, at + 0);
  a.url = r.Text(i, at + 1);
  a.canonical_url = r.Text(i, at + 2);
  a.title = r.Text(i, at + 3);
  a.site_name = r.Text(i, at + 4);
  a.host = r.Text(i, at + 5);
  a.section = r.Text(i, at + 6);
  a.language = r.Text(i, at + 7);
  a.date_published = r.Text(i, at + 8);
  a.date_modified = r.Text(i, at + 9);
  a.date_crawled = r.Text(i, at + 10);
  a.content_hash = r.Text(i, at + 11);
  a.text = r.Text(i, at + 12);
  try {
    detail::ArticleExtrasFromJson(json::parse(r.Text(i, at + 13), nullptr, false), &a);
  } catch (const json::exception& e) {
    return core::Status::Corruption(location_, "article " + a.id,
                                    std::string("bad extras column: ") + e.what());
  }
  a.provenance = {r.Text(i, at + 14),
                  r.Text(i, at + 15),
                  static_cast<uint64_t>(r.Int(i, at + 16)),
                  static_cast<uint64_t>(r.Int(i, at + 17)),
                  r.Text(i, at + 18),
                  r.Text(i, at + 19),
                  static_cast<int>(r.Int(i, at + 20))};
  *out = std::move(a);
  return core::Status::Ok();
}

core::Result<std::vector<StoryRecord>> PostgresStore::LoadStoryRecords(
    const std::string& sql, const std::vector<std::string>& params) {
  auto r = Run("loading stories", sql, params);
  if (!r.ok()) return r.status();
  std::vector<StoryRecord> out;
  for (int i = 0; i < r->Rows(); ++i) {
    StoryRecord rec;
    core::Story& s = rec.story;
    s.id = r->Text(i, 0);
    s.title = r->Text(i, 1);
    s.first_published = r->Text(i, 2);
    s.last_published = r->Text(i, 3);
    s.independent_outlets = static_cast<int>(r->Int(i, 5));
    try {
      json outlets = json::parse(r->Text(i, 4), nullptr, false);
      if (outlets.is_array())
        for (const auto& o : outlets)
          if (o.is_string()) s.outlets.push_back(o.get<std::string>());
      json brief = json::parse(r->Text(i, 6), nullptr, false);
      if (brief.is_object()) rec.brief = detail::BriefFromJson(brief);
      for (const auto& m : json::parse(r->Text(i, 7)))
        s.article_ids.push_back(m.get<std::string>());
      for (const auto& f : json::parse(r->Text(i, 8))) {
        size_t family = f.at(0).get<size_t>();
        if (family > 100000) throw std::out_of_range("copy family index");
        if (rec.copy_families.size() <= family) rec.copy_families.resize(family + 1);
        rec.copy_families[family].push_back(f.at(1).get<std::string>());
      }
    } catch (const std::exception& e) {
      return core::Status::Corruption(location_, "story " + s.id, e.what());
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace wirebrief::store
