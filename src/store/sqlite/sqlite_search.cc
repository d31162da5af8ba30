// The SQLite backend's searches (the read side of the HTTP server, migration 2): stories by
// filters and text, articles by FTS5 match and filters.
#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "store/detail/cursor.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace wirebrief::store {
namespace sqlite_detail {

// A query assembled from the filters in use; each value is bound, never spliced into the SQL.
struct SqlBuilder {
  std::string where;
  std::vector<std::string> args;
  void And(const std::string& clause, std::initializer_list<std::string> values) {
    where += (where.empty() ? " WHERE " : " AND ") + clause;
    for (const auto& v : values) args.push_back(v);
  }
  std::string Arg(size_t offset = 0) const {
    return "?" + std::to_string(args.size() + 1 + offset);
  }
  void BindAll(Stmt* st) const {
    for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), args[i]);
  }
};

// Reads hit rows (kHitColumns first) onto a page until it holds `limit` and one more shows that
// a next page exists.
struct HitReader {
  ArticlePage* page;
  size_t limit;
  int64_t offset;
  std::vector<int64_t> rowids;  // of the hits, for their snippets
  // With `window`, also the window's size and oldest rowid (columns 9, 10). False on an error.
  bool Read(Stmt& q, int64_t* window, int64_t* oldest) {
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      if (window) {
        *window = q.Int(9);
        *oldest = q.Int(10);
      }
      if (page->hits.size() == limit) {
        page->next_cursor =
            detail::ToHex("o" + std::to_string(offset + static_cast<int64_t>(limit)));
        return true;
      }
      rowids.push_back(q.Int(0));
      page->hits.push_back({q.Text(1), q.Text(2), q.Text(3),
                            q.Text(4).empty() ? q.Text(5) : q.Text(4), q.Text(6), q.Text(7),
                            q.Text(8)});
    }
    return rc == SQLITE_DONE;
  }
};

}  // namespace sqlite_detail

namespace {

using namespace sqlite_detail;  // NOLINT: the backend's own helpers

using detail::FromHex;
using detail::ToHex;

// The "until" bound: every time on that day sorts below "YYYY-MM-DD~".
std::string EndOfDay(const std::string& until) { return until + "~"; }

// The rowids of articles matching an FTS5 expression, as an SQL subquery.
constexpr const char* kFtsRowids = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ";

// Story search: from this many matching articles on, walking the newest stories is cheaper
// than visiting every match (see ListStories).
constexpr int64_t kWalkStoriesAboveMatches = 2000;

size_t PageSize(size_t limit) { return limit == 0 ? 1 : limit; }

// Search by relevance ranks at most this many matches, the newest (see SearchArticles).
constexpr int64_t kRankNewestMatches = 1000;

// A search hit's columns; the snippet (column 8) is filled in afterwards for matches.
constexpr const char* kHitColumns =
    "a.rowid, a.id, a.title, a.url, a.site_name, a.host, a.date_published, a.language, ''";

}  // namespace

core::Status SqliteStore::QueryError(const std::string& what) const {
  // FTS5 reports malformed MATCH expressions as SQLITE_ERROR; name them as the caller's input.
  std::string msg = db_ ? sqlite3_errmsg(db_) : "no database";
  if (msg == "unterminated string")  // FTS5's words for an unclosed '"'
    return core::Status::InvalidArgument("query",
                                         "unterminated quote (a '\"' that is never closed) "
                                         "in the search expression");
  if (msg.find("fts5") != std::string::npos || msg.find("MATCH") != std::string::npos)
    return core::Status::InvalidArgument("query", msg);
  return Error(what);
}

core::Result<StoryPage> SqliteStore::ListStories(const StoryQuery& query) {
  TuneForReads();
  SqlBuilder b;
  if (!query.since.empty()) b.And("s.last_published >= " + b.Arg(), {query.since});
  if (!query.until.empty()) b.And("s.first_published < " + b.Arg(), {EndOfDay(query.until)});
  if (!query.outlet.empty()) {
    // The LIKE on the JSON text rules out most rows before json_each decodes any (54 ms -> a few
    // for an outlet no story has, over 20,000 stories); json_each then checks the exact name.
    std::string pattern = "%";
    for (char c : query.outlet)
      pattern += (c == '%' || c == '_' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    pattern += "%";
    b.And("s.outlets LIKE " + b.Arg() + " ESCAPE '\\'", {pattern});
    b.And(
        "EXISTS (SELECT 1 FROM json_each(s.outlets) WHERE value = " + b.Arg() + " COLLATE NOCASE)",
        {query.outlet});
  }
  if (!query.entity.empty())
    b.And(
        "s.id IN (SELECT sa.story_id FROM article_entities e JOIN story_articles sa ON "
        "sa.article_id = "
        "e.article_id WHERE e.name = " +
            b.Arg() + ")",
        {query.entity});
  if (!query.match.empty()) {
    // Two plans with the same answer; the number of matching articles picks the cheaper. Few
    // matches: from each match to its story (two lookups a match). Many: walk the stories
    // newest first and stop at the page, each story asking whether a member is in the match
    // set. Over 100,000 articles a word in 7% of them took 20 ms the first way and 3 ms the
    // second, a name in five articles 0.1 ms and 35 ms (every story walked).
    Stmt count(db_, &prepared_, std::string("SELECT count(*) FROM (") + kFtsRowids + "?1)");
    if (!count.ok()) return QueryError("listing stories");
    count.Bind(1, query.match);
    if (count.Step() != SQLITE_ROW) return QueryError("listing stories");
    if (count.Int(0) < kWalkStoriesAboveMatches)
      b.And(
          "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = "
          "sa.article_id WHERE "
          "a.rowid IN (" +
              std::string(kFtsRowids) + b.Arg() + "))",
          {query.match});
    else
      b.And(
          "EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE "
          "sa.story_id = s.id AND a.rowid IN (" +
              std::string(kFtsRowids) + b.Arg() + "))",
          {query.match});
  }
  if (!query.cursor.empty()) {
    std::string raw;
    size_t sep;
    if (!FromHex(query.cursor, &raw) || (sep = raw.find('\x1f')) == std::string::npos)
      return core::Status::InvalidArgument("cursor", "not a cursor this server handed out");
    b.And("(s.last_published < " + b.Arg() + " OR (s.last_published = " + b.Arg() + " AND s.id > " +
              b.Arg(1) + "))",
          {raw.substr(0, sep), raw.substr(sep + 1)});
  }
  size_t limit = PageSize(query.limit);
  std::string sql =
      "SELECT s.id, s.title, s.first_published, s.last_published, s.outlets, s.independent_outlets "
      "FROM stories s" +
      b.where + " ORDER BY s.last_published DESC, s.id LIMIT " + std::to_string(limit + 1);
  Stmt q(db_, &prepared_, sql);
  Stmt mem(db_, &prepared_, kStoryMembers);
  if (!q.ok() || !mem.ok()) return QueryError("listing stories");
  b.BindAll(&q);
  StoryPage page;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    if (page.stories.size() == limit) {
      const core::Story& last = page.stories.back();
      page.next_cursor = ToHex(last.last_published + '\x1f' + last.id);
      break;
    }
    core::Story s;
    s.id = q.Text(0);
    s.title = q.Text(1);
    s.first_published = q.Text(2);
    s.last_published = q.Text(3);
    json outlets = json::parse(q.Text(4), nullptr, false);
    if (outlets.is_array())
      for (const auto& o : outlets)
        if (o.is_string()) s.outlets.push_back(o.get<std::string>());
    s.independent_outlets = static_cast<int>(q.Int(5));
    mem.Reset();
    mem.Bind(1, s.id);
    while (mem.Step() == SQLITE_ROW) s.article_ids.push_back(mem.Text(0));
    page.stories.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return QueryError("listing stories");
  return page;
}

namespace {

// The article search's filters other than the match (ArticleQuery), in `b`; whether any is set.
bool FilterArticles(const ArticleQuery& query, SqlBuilder* b) {
  if (!query.outlet.empty())
    b->And("(a.site_name = " + b->Arg() + " COLLATE NOCASE OR a.host = " + b->Arg(1) +
               " COLLATE NOCASE)",
           {query.outlet, query.outlet});
  if (!query.language.empty())
    b->And("(a.language = " + b->Arg() + " COLLATE NOCASE OR a.language LIKE " + b->Arg(1) + ")",
           {query.language, query.language + "-%"});
  if (!query.since.empty()) b->And("a.date_published >= " + b->Arg(), {query.since});
  if (!query.until.empty()) b->And("a.date_published < " + b->Arg(), {EndOfDay(query.until)});
  return !query.outlet.empty() || !query.language.empty() || !query.since.empty() ||
         !query.until.empty();
}

// The offset an article search's cursor holds (0 without one).
core::Result<int64_t> OffsetOf(const std::string& cursor) {
  if (cursor.empty()) return int64_t{0};
  std::string raw;
  if (!FromHex(cursor, &raw) || raw.size() < 2 || raw[0] != 'o' || raw.size() > 19 ||
      raw.find_first_not_of("0123456789", 1) != std::string::npos)
    return core::Status::InvalidArgument("cursor", "not a cursor this server handed out");
  return static_cast<int64_t>(std::stoll(raw.substr(1)));
}

// The SQL of a search without ranking: newest match first, or newest article without a match.
std::string UnrankedSql(const ArticleQuery& query, const SqlBuilder& b, bool filtered, size_t limit,
                        int64_t offset) {
  std::string sql = !query.match.empty() && !filtered
                        ? std::string("SELECT ") + kHitColumns +
                              " FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                              "ORDER BY rowid DESC LIMIT " +
                              std::to_string(limit + 1) + " OFFSET " + std::to_string(offset) +
                              ") r JOIN articles a ON a.rowid = r.rowid ORDER BY r.rowid DESC"
                    : query.match.empty()
                        ? "SELECT a.rowid, a.id, a.title, a.url, a.site_name, a.host, "
                          "a.date_published, a.language, "
                          "substr(a.text, 1, 240) FROM articles a" +
                              b.where + " ORDER BY a.date_published DESC, a.id"
                        : std::string("SELECT ") + kHitColumns +
                              " FROM articles_fts f JOIN articles a ON a.rowid = f.rowid" +
                              b.where + " ORDER BY f.rowid DESC";
  if (query.match.empty() || filtered)
    sql += " LIMIT " + std::to_string(limit + 1) + " OFFSET " + std::to_string(offset);
  return sql;
}

}  // namespace

core::Result<ArticlePage> SqliteStore::SearchArticles(const ArticleQuery& query) {
  TuneForReads();
  SqlBuilder b;
  if (!query.match.empty()) b.And("articles_fts MATCH " + b.Arg(), {query.match});
  const bool filtered = FilterArticles(query, &b);
  core::Result<int64_t> offset = OffsetOf(query.cursor);
  if (!offset.ok()) return offset.status();
  ArticlePage page;
  HitReader hits{&page, PageSize(query.limit), *offset, {}};
  if (!query.match.empty() && query.by_relevance) {
    WB_RETURN_IF_ERROR(ReadRankedHits(b, filtered, &hits));
  } else {
    Stmt q(db_, &prepared_, UnrankedSql(query, b, filtered, hits.limit, hits.offset));
    if (!q.ok()) return QueryError("searching articles");
    b.BindAll(&q);
    if (!hits.Read(q, nullptr, nullptr)) return QueryError("searching articles");
  }
  if (!query.match.empty() && !hits.rowids.empty())
    WB_RETURN_IF_ERROR(AddSnippets(query.match, hits.rowids, &page));
  return page;
}

// bm25 reads every ranked match's positions: 3-23 ms of CPU for a word in 7-13% of 100,000
// articles, which queued 16 concurrent searches to a 1.2 s p99. So only the newest
// kRankNewestMatches matches are ranked (by recency the matches a news reader wants), and
// the older ones follow them, newest first; below that count every match is ranked, as
// before. Term statistics still come from the whole index. Without filters the window is
// taken inside the FTS table (joining every match to its large article row doubled the
// cost); with them, the join filters the matches as they are walked, newest first.
core::Status SqliteStore::ReadRankedHits(const SqlBuilder& b, bool filtered, HitReader* hits) {
  const size_t limit = hits->limit;
  const int64_t offset = hits->offset;
  const std::string from = filtered ? " FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
                                    : " FROM articles_fts f";
  const std::string newest =
      from + b.where + " ORDER BY f.rowid DESC LIMIT " + std::to_string(kRankNewestMatches);
  // The page is cut from the ranked window before the join, so only its rows are read from
  // the article table (joining first read 1,000 article rows per search).
  Stmt ranked(db_, &prepared_,
              std::string("SELECT ") + kHitColumns +
                  ", w.n, w.oldest FROM (SELECT rowid, score, n, oldest FROM (SELECT rowid, score, "
                  "count(*) OVER () "
                  "AS n, min(rowid) OVER () AS oldest FROM (SELECT f.rowid AS rowid, "
                  "bm25(articles_fts, 4.0, 1.0) "
                  "AS score" +
                  newest + ")) ORDER BY score, rowid LIMIT " + std::to_string(limit + 1) +
                  " OFFSET " + std::to_string(offset) +
                  ") w JOIN articles a ON a.rowid = w.rowid ORDER BY w.score, w.rowid");
  if (!ranked.ok()) return QueryError("searching articles");
  b.BindAll(&ranked);
  int64_t window = -1, oldest = 0;
  if (!hits->Read(ranked, &window, &oldest)) return QueryError("searching articles");
  if (window < 0) {  // the page starts past the window (or nothing matches): measure it alone
    Stmt size(db_, &prepared_,
              "SELECT count(*), min(rowid) FROM (SELECT f.rowid AS rowid" + newest + ")");
    if (!size.ok()) return QueryError("searching articles");
    b.BindAll(&size);
    if (size.Step() != SQLITE_ROW) return QueryError("searching articles");
    window = size.Int(0);
    oldest = size.Int(1);
  }
  if (window != kRankNewestMatches) return core::Status::Ok();
  ArticlePage& page = *hits->page;
  page.ranked_newest = static_cast<size_t>(kRankNewestMatches);
  const int64_t taken = static_cast<int64_t>(page.hits.size());
  if (!page.next_cursor.empty()) return core::Status::Ok();
  Stmt older(db_, &prepared_,
             std::string("SELECT ") + kHitColumns + " FROM (SELECT f.rowid AS rowid" + from +
                 b.where + " AND f.rowid < " + std::to_string(oldest) +
                 " ORDER BY f.rowid DESC LIMIT " +
                 std::to_string(static_cast<int64_t>(limit) + 1 - taken) + " OFFSET " +
                 std::to_string(std::max<int64_t>(0, offset - kRankNewestMatches)) +
                 ") r JOIN articles a ON a.rowid = r.rowid ORDER BY r.rowid DESC");
  if (!older.ok()) return QueryError("searching articles");
  b.BindAll(&older);
  if (!hits->Read(older, nullptr, nullptr)) return QueryError("searching articles");
  return core::Status::Ok();
}

// Column -1: FTS5 picks the column that matched (the body, or the headline alone).
// Snippets only for the page shown (snippet() over every match would cost as much as the
// ranking), in one statement: FTS5 re-reads the term's doclist per statement, and 21
// separate lookups cost 2-7x one over the list. The rowids are integers from SQLite itself.
core::Status SqliteStore::AddSnippets(const std::string& match, const std::vector<int64_t>& rowids,
                                      ArticlePage* page) {
  std::string list;
  for (int64_t r : rowids) list += (list.empty() ? "" : ",") + std::to_string(r);
  Stmt snip(db_,
            ("SELECT rowid, snippet(articles_fts, -1, char(2), char(3), '…', 24) FROM articles_fts "
             "WHERE articles_fts MATCH ?1 AND rowid IN (" +
             list + ")")
                .c_str());
  if (!snip.ok()) return QueryError("searching articles");
  snip.Bind(1, match);
  std::map<int64_t, std::string> snippets;
  while (snip.Step() == SQLITE_ROW) snippets[snip.Int(0)] = snip.Text(1);
  for (size_t i = 0; i < rowids.size(); ++i) page->hits[i].snippet = snippets[rowids[i]];
  return core::Status::Ok();
}

}  // namespace wirebrief::store
