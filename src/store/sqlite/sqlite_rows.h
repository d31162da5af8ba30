// What the SQLite backend's files share: a prepared-statement wrapper and the row decoders.
// Private to src/store/sqlite/.
#pragma once

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "store/detail/model_json.h"
#include "store/store.h"

namespace wirebrief::store::sqlite_detail {

using json = nlohmann::json;

using StmtCache = std::unordered_map<std::string, sqlite3_stmt*>;
inline constexpr size_t kMaxCachedStatements = 64;  // filter combinations of the list and search

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
  // Borrows the statement for `sql` from `cache` (preparing and keeping it when the cache has
  // room); the destructor resets it, which also ends its read transaction.
  Stmt(sqlite3* db, StmtCache* cache, const std::string& sql) {
    if (auto it = cache->find(sql); it != cache->end()) {
      st_ = it->second;
      rc_ = SQLITE_OK;
      borrowed_ = true;
      return;
    }
    rc_ = sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_,
                             nullptr);
    if (rc_ == SQLITE_OK && cache->size() < kMaxCachedStatements) {
      cache->emplace(sql, st_);
      borrowed_ = true;
    }
  }
  ~Stmt() {
    if (!borrowed_) {
      sqlite3_finalize(st_);
      return;
    }
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, const std::string& s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  int Step() { return sqlite3_step(st_); }
  void Reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st_, col)) : "";
  }
  int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }
  sqlite3_stmt* get() const { return st_; }

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_;
  bool borrowed_ = false;
};

// Decodes one row of kArticleColumns (LoadArticles, LoadArticle).
inline core::Status ArticleFromRowAt(const Stmt& q, int at, const std::string& path, core::Article* out) {
  core::Article a;
  a.id = q.Text(at + 0);
  a.url = q.Text(at + 1);
  a.canonical_url = q.Text(at + 2);
  a.title = q.Text(at + 3);
  a.site_name = q.Text(at + 4);
  a.host = q.Text(at + 5);
  a.section = q.Text(at + 6);
  a.language = q.Text(at + 7);
  a.date_published = q.Text(at + 8);
  a.date_modified = q.Text(at + 9);
  a.date_crawled = q.Text(at + 10);
  a.content_hash = q.Text(at + 11);
  a.text = q.Text(at + 12);
  json extras = json::parse(q.Text(at + 13), nullptr, false);
  try {
    detail::ArticleExtrasFromJson(extras, &a);
  } catch (const json::exception& e) {
    return core::Status::Corruption(path, "article " + a.id, std::string("bad extras column: ") + e.what());
  }
  a.provenance = {q.Text(at + 14), q.Text(at + 15), static_cast<uint64_t>(q.Int(at + 16)), static_cast<uint64_t>(q.Int(at + 17)),
                  q.Text(at + 18), q.Text(at + 19), static_cast<int>(q.Int(at + 20))};
  *out = std::move(a);
  return core::Status::Ok();
}

inline core::Status ArticleFromRow(const Stmt& q, const std::string& path, core::Article* out) {
  return ArticleFromRowAt(q, 0, path, out);
}

inline constexpr const char* kArticleColumns =
    "a.id, url, canonical_url, title, site_name, host, section, language, date_published, date_modified, "
    "date_crawled, content_hash, text, extras, p.source, p.container, p.offset, p.length, p.record_id, "
    "p.crawl_date, p.http_status FROM articles a LEFT JOIN provenance p ON p.rowid = "
    "(SELECT MIN(rowid) FROM provenance WHERE article_id = a.id)";

// Decodes one row of kStoryColumns plus its members and copy families (LoadStories, LoadStory).
inline core::Status StoryFromRow(const Stmt& q, Stmt* mem, Stmt* fam, const std::string& path, StoryRecord* out) {
  StoryRecord r;
  r.story.id = q.Text(0);
  r.story.title = q.Text(1);
  r.story.first_published = q.Text(2);
  r.story.last_published = q.Text(3);
  try {
    json outlets = json::parse(q.Text(4), nullptr, false);
    if (outlets.is_array()) r.story.outlets = outlets.get<std::vector<std::string>>();
    json brief = json::parse(q.Text(6), nullptr, false);
    if (brief.is_object()) r.brief = detail::BriefFromJson(brief);
  } catch (const json::exception& e) {
    return core::Status::Corruption(path, "story " + r.story.id, e.what());
  }
  r.story.independent_outlets = static_cast<int>(q.Int(5));
  mem->Reset();
  mem->Bind(1, r.story.id);
  while (mem->Step() == SQLITE_ROW) r.story.article_ids.push_back(mem->Text(0));
  fam->Reset();
  fam->Bind(1, r.story.id);
  while (fam->Step() == SQLITE_ROW) {
    size_t f = static_cast<size_t>(fam->Int(0));
    if (r.copy_families.size() <= f) r.copy_families.resize(f + 1);
    r.copy_families[f].push_back(fam->Text(1));
  }
  *out = std::move(r);
  return core::Status::Ok();
}

inline constexpr const char* kStoryColumns =
    "s.id, s.title, s.first_published, s.last_published, s.outlets, s.independent_outlets, "
    "COALESCE(b.brief, '{}') FROM stories s LEFT JOIN briefs b ON b.story_id = s.id";
inline constexpr const char* kStoryMembers = "SELECT article_id FROM story_articles WHERE story_id = ?1 ORDER BY position";
inline constexpr const char* kStoryFamilies =
    "SELECT family, article_id FROM copy_families WHERE story_id = ?1 ORDER BY family, position";

inline std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace wirebrief::store::sqlite_detail
