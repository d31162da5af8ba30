// The SQLite full-text index in every script: the "wb_scripts" FTS5 tokenizer (SQLite's
// unicode61, with runs of scripts written without spaces cut into character bigrams as
// store/detail/script_bigrams.h says) and the rebuild of an index a store made before it.
#include <sqlite3.h>

#include <string>
#include <string_view>

#include "store/detail/script_bigrams.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace wirebrief::store {
namespace {

// The tokenizer wraps unicode61 (an instance created with the same arguments), so text in
// spaced scripts gets exactly the tokens it got before: Latin-script search is unchanged.
struct ScriptTokenizer {
  fts5_tokenizer unicode61;
  Fts5Tokenizer* inner = nullptr;
};

struct TokenizeCall {
  void* ctx;
  int (*token)(void*, int, const char*, int, int, int);
  bool query;
};

int OnToken(void* call_ptr, int tflags, const char* token, int n, int start, int end) {
  const auto* call = static_cast<const TokenizeCall*>(call_ptr);
  std::string_view t(token, static_cast<size_t>(n));
  if (!detail::HasUnspacedScript(t)) return call->token(call->ctx, tflags, token, n, start, end);
  // Offsets of the pieces: exact when folding kept the token's length (a run of such scripts,
  // which folding leaves alone); otherwise the whole token's, for a snippet to mark.
  const bool same_length = end - start == n;
  int rc = SQLITE_OK;
  bool first = true;
  detail::ForEachScriptPiece(t, !call->query, [&](size_t b, size_t e) {
    if (rc != SQLITE_OK) return;
    const int s = same_length ? start + static_cast<int>(b) : start;
    const int f = same_length ? start + static_cast<int>(e) : end;
    rc = call->token(call->ctx, first ? tflags : 0, token + b, static_cast<int>(e - b), s, f);
    first = false;
  });
  return rc;
}

int Create(void* api_ptr, const char** args, int nargs, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(api_ptr);
  auto* tok = new ScriptTokenizer();
  void* user = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &user, &tok->unicode61);
  if (rc == SQLITE_OK) rc = tok->unicode61.xCreate(user, args, nargs, &tok->inner);
  if (rc != SQLITE_OK) {
    delete tok;
    return rc;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(tok);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* p) {
  auto* tok = reinterpret_cast<ScriptTokenizer*>(p);
  tok->unicode61.xDelete(tok->inner);
  delete tok;
}

int Tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  auto* tok = reinterpret_cast<ScriptTokenizer*>(p);
  TokenizeCall call{ctx, token, (flags & FTS5_TOKENIZE_QUERY) != 0};
  return tok->unicode61.xTokenize(tok->inner, &call, flags, text, n, OnToken);
}

}  // namespace

core::Status SqliteStore::RegisterScriptTokenizer() {
  fts5_api* api = nullptr;
  {
    sqlite_detail::Stmt q(db_, "SELECT fts5(?1)");
    if (!q.ok()) return Error("finding FTS5");
    sqlite3_bind_pointer(q.get(), 1, &api, "fts5_api_ptr", nullptr);
    q.Step();
  }
  if (!api) return Error("finding FTS5");
  fts5_tokenizer tokenizer{Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "wb_scripts", api, &tokenizer, nullptr) != SQLITE_OK)
    return Error("registering the wb_scripts tokenizer");
  return core::Status::Ok();
}

core::Status SqliteStore::EnsureScriptIndex() {
  // A store made before issue 27 indexed with unicode61 alone, which keeps a run of Chinese as
  // one token; its index is rebuilt once, under the write lock (a process opening the store at
  // the same time finds it done).
  auto current = [this](bool* ok) {
    sqlite_detail::Stmt q(db_, "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'");
    *ok = q.ok() && q.Step() == SQLITE_ROW;
    return *ok ? q.Text(0) : std::string();
  };
  bool ok = false;
  if (current(&ok).find("wb_scripts") != std::string::npos || !ok) return core::Status::Ok();
  WB_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  if (current(&ok).find("wb_scripts") != std::string::npos) return Exec("COMMIT");
  core::Status s = Exec(R"sql(
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
                                              tokenize='wb_scripts remove_diacritics 2', prefix='2 3');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
)sql");
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

}  // namespace wirebrief::store
