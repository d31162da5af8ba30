#include "store/store.h"

#include "core/module.h"
#include "store/postgres/postgres_store.h"

namespace wirebrief::store {

namespace {

// The SQLite backend is the module wirebrief-sqlite.so (sqlite/sqlite_module.cc), as the
// PostgreSQL one is wirebrief-postgres.so: loading libsqlite3 was a fifth of every start's
// work (callgrind), and extract, read, brief and cluster never open a store.
core::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  core::Result<void*> entry =
      core::LoadModuleEntry("wirebrief-sqlite.so", "wirebrief_open_sqlite_store");
  if (!entry.ok())
    return core::Status::Unsupported(path,
                                     "SQLite backend unavailable: " + entry.status().ToString());
  using Entry = void (*)(const std::string&, core::Result<std::unique_ptr<Store>>*);
  core::Result<std::unique_ptr<Store>> out = core::Status::Internal(path, "no answer");
  reinterpret_cast<Entry>(entry.value())(path, &out);
  return out;
}

}  // namespace

core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
    return OpenPostgresStore(location);
  if (location.empty()) return core::Status::InvalidArgument("--db", "empty database location");
  return OpenSqliteStore(location);
}

namespace {
core::Status NotInBackend(const char* what) {
  return core::Status::Unsupported("store",
                                   std::string(what) + " is not implemented by this backend");
}
}  // namespace

core::Status Store::PutArticles(const std::vector<const core::Article*>& articles,
                                std::vector<bool>* inserted) {
  inserted->assign(articles.size(), false);
  for (size_t i = 0; i < articles.size(); ++i) {
    bool one = false;
    WB_RETURN_IF_ERROR(PutArticle(*articles[i], &one));
    (*inserted)[i] = one;
  }
  return core::Status::Ok();
}

core::Status PutArticleBatch(Store* store, const std::vector<const core::Article*>& articles,
                             std::vector<bool>* inserted) {
  if (store->PutArticles(articles, inserted).ok()) return core::Status::Ok();
  inserted->assign(articles.size(), false);
  for (size_t i = 0; i < articles.size(); ++i) {
    bool one = false;
    WB_RETURN_IF_ERROR(store->PutArticle(*articles[i], &one));
    (*inserted)[i] = one;
  }
  return core::Status::Ok();
}

core::Result<StoryPage> Store::ListStories(const StoryQuery&) {
  return NotInBackend("ListStories");
}
core::Result<StoryRecord> Store::LoadStory(const std::string&) { return NotInBackend("LoadStory"); }
core::Result<core::Article> Store::LoadArticle(const std::string&) {
  return NotInBackend("LoadArticle");
}
core::Result<std::vector<core::Article>> Store::LoadArticlesForStoryPage(
    const std::vector<std::string>& ids) {
  std::vector<core::Article> out;
  for (const auto& id : ids) {
    auto a = LoadArticle(id);
    if (a.ok())
      out.push_back(std::move(a).value());
    else if (a.status().code() != core::StatusCode::kNotFound)
      return a.status();
  }
  return out;
}
core::Result<std::vector<core::Provenance>> Store::LoadProvenance(const std::string&) {
  return NotInBackend("LoadProvenance");
}
core::Result<ArticlePage> Store::SearchArticles(const ArticleQuery&) {
  return NotInBackend("SearchArticles");
}
core::Result<uint64_t> Store::DataVersion() { return NotInBackend("DataVersion"); }
core::Result<std::string> Store::GetSetting(const std::string&) {
  return NotInBackend("GetSetting");
}
core::Status Store::PutSetting(const std::string&, const std::string&, bool, bool*) {
  return NotInBackend("PutSetting");
}
core::Result<std::vector<std::pair<std::string, std::string>>> Store::LoadSettings() {
  return NotInBackend("LoadSettings");
}

}  // namespace wirebrief::store

namespace wirebrief::store {

core::Result<std::vector<SequencedArticle>> Store::LoadArticlesAfter(int64_t, size_t) {
  return NotInBackend("LoadArticlesAfter");
}
core::Result<std::vector<core::Article>> Store::LoadArticlesPublishedIn(const std::string&,
                                                                        const std::string&,
                                                                        size_t) {
  return NotInBackend("LoadArticlesPublishedIn");
}
core::Result<std::vector<SequencedArticle>> Store::LoadArticlesInDateOrder(const DateOrderKey&,
                                                                           const std::string&,
                                                                           int64_t, size_t) {
  return NotInBackend("LoadArticlesInDateOrder");
}
core::Result<std::vector<WatchlistRecord>> Store::ListWatchlists() {
  return NotInBackend("ListWatchlists");
}
core::Result<WatchlistRecord> Store::LoadWatchlist(const std::string&) {
  return NotInBackend("LoadWatchlist");
}
core::Status Store::PutWatchlist(const WatchlistRecord&) { return NotInBackend("PutWatchlist"); }
core::Status Store::RemoveWatchlist(const std::string&) { return NotInBackend("RemoveWatchlist"); }
core::Result<std::vector<AlertEvent>> Store::LoadAlertEvents(const std::string&, int64_t, size_t) {
  return NotInBackend("LoadAlertEvents");
}
core::Result<AlertEvent> Store::LoadAlertEvent(int64_t) { return NotInBackend("LoadAlertEvent"); }
core::Result<std::vector<WebhookDelivery>> Store::LoadDeliveriesDue(const std::string&, size_t) {
  return NotInBackend("LoadDeliveriesDue");
}
core::Result<std::vector<WebhookDelivery>> Store::LoadDeliveries(const std::string&, size_t) {
  return NotInBackend("LoadDeliveries");
}
core::Status Store::PutDelivery(const WebhookDelivery&) { return NotInBackend("PutDelivery"); }
core::Result<int64_t> Store::LastArticleSequence() { return NotInBackend("LastArticleSequence"); }
core::Result<std::string> Store::LoadEngineState(int64_t*, int64_t*) {
  return NotInBackend("LoadEngineState");
}
core::Status Store::CommitStoryUpdate(const StoryUpdate&) {
  return NotInBackend("CommitStoryUpdate");
}
core::Result<std::vector<std::pair<std::string, std::string>>> Store::StoriesOfArticles(
    const std::vector<std::string>&) {
  return NotInBackend("StoriesOfArticles");
}
core::Result<std::string> Store::ResolveStoryId(const std::string& id) {
  auto r = LoadStory(id);
  if (!r.ok()) return r.status();
  return id;
}
core::Result<std::vector<core::Brief>> Store::LoadBriefVersions(const std::string&, int) {
  return NotInBackend("LoadBriefVersions");
}

}  // namespace wirebrief::store

namespace wirebrief::store {

core::Result<std::vector<SourceRecord>> Store::ListSources() { return NotInBackend("ListSources"); }
core::Status Store::PutSource(const SourceRecord&) { return NotInBackend("PutSource"); }
core::Status Store::RemoveSource(const std::string&) { return NotInBackend("RemoveSource"); }
core::Result<std::vector<PageState>> Store::LoadPageStates(const std::vector<std::string>&) {
  return NotInBackend("LoadPageStates");
}
core::Status Store::PutPageStates(const std::vector<PageState>&) {
  return NotInBackend("PutPageStates");
}
core::Result<bool> Store::ClaimSource(const std::string&, const std::string&, const std::string&) {
  return NotInBackend("ClaimSource");
}
core::Result<std::vector<PageState>> Store::LoadPageStatesDue(const std::string&, size_t) {
  return NotInBackend("LoadPageStatesDue");
}
core::Result<std::vector<PageState>> Store::ListPageStates(const std::string&, size_t) {
  return NotInBackend("ListPageStates");
}
core::Result<std::vector<std::pair<std::string, std::string>>> Store::ListStoryAliases() {
  return NotInBackend("ListStoryAliases");
}

}  // namespace wirebrief::store
