#include "store/transfer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <nlohmann/json.hpp>
#include <set>

#include "render/stored_json.h"
#include "store/detail/model_json.h"

namespace wirebrief::store {
namespace {

using json = nlohmann::json;

using render::DumpJson;
using render::ProvenanceFromJson;
using render::ProvenanceToJson;

json SourceToJson(const SourceRecord& r) {
  return {{"url", r.url},
          {"kind", r.kind},
          {"etag", r.etag},
          {"last_modified", r.last_modified},
          {"added_at", r.added_at},
          {"last_poll", r.last_poll},
          {"next_poll", r.next_poll},
          {"last_success", r.last_success},
          {"consecutive_failures", r.consecutive_failures},
          {"last_error", r.last_error},
          {"last_outcome", r.last_outcome},
          {"items_seen", r.items_seen},
          {"articles_stored", r.articles_stored},
          {"interval_seconds", r.interval_seconds},
          {"title", r.title}};
}

SourceRecord SourceFromJson(const json& j) {
  constexpr int64_t kMaxCount = int64_t{1} << 53;
  SourceRecord r;
  r.url = j.at("url").get<std::string>();
  r.kind = j.value("kind", "");
  r.etag = j.value("etag", "");
  r.last_modified = j.value("last_modified", "");
  r.added_at = j.value("added_at", "");
  r.last_poll = j.value("last_poll", "");
  r.next_poll = j.value("next_poll", "");
  r.last_success = j.value("last_success", "");
  r.consecutive_failures =
      static_cast<int>(detail::CheckedInt(j, "consecutive_failures", 0, 0, INT32_MAX));
  r.last_error = j.value("last_error", "");
  r.last_outcome = j.value("last_outcome", "");
  r.items_seen = detail::CheckedInt(j, "items_seen", 0, 0, kMaxCount);
  r.articles_stored = detail::CheckedInt(j, "articles_stored", 0, 0, kMaxCount);
  double interval = j.value("interval_seconds", 0.0);
  r.interval_seconds = std::isfinite(interval) && interval >= 0 ? interval : 0;
  r.title = j.value("title", "");
  return r;
}

json PageStateToJson(const PageState& p) {
  return {{"url", p.url},
          {"article_id", p.article_id},
          {"state", p.state},
          {"etag", p.etag},
          {"last_modified", p.last_modified},
          {"failures", p.failures},
          {"last_error", p.last_error},
          {"fetched_at", p.fetched_at},
          {"next_attempt", p.next_attempt},
          {"listed_in", p.listed_in}};
}

PageState PageStateFromJson(const json& j) {
  PageState p;
  p.url = j.at("url").get<std::string>();
  p.article_id = j.value("article_id", "");
  p.state = j.value("state", "");
  p.etag = j.value("etag", "");
  p.last_modified = j.value("last_modified", "");
  p.failures = static_cast<int>(detail::CheckedInt(j, "failures", 0, 0, INT32_MAX));
  p.last_error = j.value("last_error", "");
  p.fetched_at = j.value("fetched_at", "");
  p.next_attempt = j.value("next_attempt", "");
  p.listed_in = j.value("listed_in", "");
  return p;
}

json WatchlistToJson(const WatchlistRecord& w) {
  return {{"name", w.name},
          {"query", w.query},
          {"webhook", w.webhook},
          {"secret", w.secret},
          {"created_at", w.created_at}};
}

// The store's own bookkeeping (ReplaceStories' "stories.built_from_articles"): derived from the
// rows, so it is neither exported nor imported; an imported value would describe another store.
bool IsDerivedSetting(const std::string& key) { return key.rfind("stories.", 0) == 0; }

// std::getline would hold a whole line of any length in memory: read at most `max` bytes of it
// and skip the rest. False at the end of the input.
bool ReadLine(std::istream& in, size_t max, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  char buf[64 * 1024];
  bool any = false;
  while (true) {
    in.getline(buf, sizeof buf);
    size_t n = static_cast<size_t>(in.gcount());
    bool delimited = !in.fail() && !in.eof();  // gcount then counts the '\n' too
    bool at_end = in.eof();
    size_t got = delimited ? n - 1 : n;
    any = any || n > 0;
    if (!*too_long) {
      if (line->size() + got > max) {
        *too_long = true;
        line->clear();
      } else {
        line->append(buf, got);
      }
    }
    if (delimited) return true;
    if (at_end || in.bad()) return any;
    in.clear();  // the buffer filled up; the line goes on
  }
}

// Deepest [ and { nesting of a JSON text, strings skipped. Counted before parsing so a line of
// a million '[' costs a scan, not a million-level tree.
int JsonDepth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// The article of an "article" line; a bad record (no id, provenance not a list or too long)
// is an error naming `name` and `where`. Throws nlohmann's exceptions on a wrong type.
core::Status ArticleRecordFromJson(const json& a, const std::string& name, const std::string& where,
                                   ArticleRecord* rec) {
  core::Article& art = rec->article;
  art.id = a.at("id").get<std::string>();
  if (art.id.empty()) return core::Status::Corruption(name, where, "article without an id");
  art.url = a.value("url", "");
  art.canonical_url = a.value("canonical_url", "");
  art.title = a.value("title", "");
  art.site_name = a.value("site_name", "");
  art.host = a.value("host", "");
  art.section = a.value("section", "");
  art.language = a.value("language", "");
  art.date_published = a.value("date_published", "");
  art.date_modified = a.value("date_modified", "");
  art.date_crawled = a.value("date_crawled", "");
  art.content_hash = a.value("content_hash", "");
  art.text = a.value("text", "");
  detail::ArticleExtrasFromJson(a.value("extras", json::object()), &art);
  json prov = a.value("provenance", json::array());
  if (!prov.is_array())
    return core::Status::Corruption(name, where,
                                    "article " + art.id + ": provenance is not a list");
  if (prov.size() > kMaxImportProvenance)
    return core::Status::LimitExceeded(name, where,
                                       "article " + art.id + ": more than " +
                                           std::to_string(kMaxImportProvenance) +
                                           " provenance records");
  rec->provenance.clear();
  for (const json& p : prov) rec->provenance.push_back(ProvenanceFromJson(p));
  if (rec->provenance.empty()) rec->provenance.emplace_back();
  art.provenance = rec->provenance.front();
  return core::Status::Ok();
}

}  // namespace

std::string TransferHeaderLine() {
  return DumpJson({{"format", "wirebrief-store"}, {"schema_version", kTransferSchema}});
}

std::string ArticleLine(const core::Article& a, const std::vector<core::Provenance>& provenance) {
  json p = json::array();
  for (const auto& r : provenance) p.push_back(ProvenanceToJson(r));
  json j = {{"id", a.id},
            {"url", a.url},
            {"canonical_url", a.canonical_url},
            {"title", a.title},
            {"site_name", a.site_name},
            {"host", a.host},
            {"section", a.section},
            {"language", a.language},
            {"date_published", a.date_published},
            {"date_modified", a.date_modified},
            {"date_crawled", a.date_crawled},
            {"content_hash", a.content_hash},
            {"text", a.text},
            {"extras", detail::ArticleExtrasToJson(a)},
            {"provenance", p}};
  return DumpJson({{"article", j}});
}

core::Result<TransferLine> ParseTransferLine(std::string_view line, const std::string& name,
                                             const std::string& where) {
  TransferLine out;
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return out;
  if (JsonDepth(line) > kMaxImportDepth)
    return core::Status::LimitExceeded(
        name, where, "JSON nested deeper than " + std::to_string(kMaxImportDepth) + " levels");
  json j = json::parse(line, nullptr, false);
  if (!j.is_object()) return core::Status::Corruption(name, where, "not a JSON object");
  try {
    if (j.contains("format")) {
      if (j.at("format") != "wirebrief-store")
        return core::Status::Unsupported(name, "not a wirebrief store export");
      out.kind = TransferLine::kHeader;
    } else if (j.contains("article")) {
      ArticleRecord rec;
      WB_RETURN_IF_ERROR(ArticleRecordFromJson(j.at("article"), name, where, &rec));
      out.kind = TransferLine::kArticle;
      out.article = std::move(rec);
    } else {
      out.kind = TransferLine::kOther;
    }
  } catch (const json::exception& e) {
    return core::Status::Corruption(name, where, e.what());
  }
  return out;
}

core::Status ExportJsonl(Store* store, std::ostream& out, TransferCounts* counts) {
  // Schema 3 of the lines (kTransferSchema) adds what a live store keeps besides articles and
  // stories: merged story ids, older brief versions, watched sources, page states and watchlists.
  // The story engine's window is not carried: it is derived, and the importing store's next run
  // rebuilds it from the articles (keeping the stories' ids where they survive).
  out << TransferHeaderLine() << '\n';
  auto write_article = [&](const core::Article& a) -> core::Status {
    auto prov = store->LoadProvenance(a.id);
    if (!prov.ok()) return prov.status();
    out << ArticleLine(a, prov.value()) << '\n';
    ++counts->articles;
    counts->provenance += static_cast<int64_t>(prov->size());
    return core::Status::Ok();
  };
  // Articles a page at a time, in stored order (an import stores them in the same order);
  // loading them all at once held the whole store in memory.
  constexpr size_t kArticlesPerPage = 1024;
  auto first = store->LoadArticlesAfter(0, kArticlesPerPage);
  if (first.ok()) {
    std::vector<SequencedArticle> page = std::move(first).value();
    while (!page.empty()) {
      for (const auto& s : page) WB_RETURN_IF_ERROR(write_article(s.article));
      auto next = store->LoadArticlesAfter(page.back().sequence, kArticlesPerPage);
      if (!next.ok()) return next.status();
      page = std::move(next).value();
    }
  } else if (first.status().code() == core::StatusCode::kUnsupported) {
    auto articles = store->LoadArticles();
    if (!articles.ok()) return articles.status();
    for (const core::Article& a : articles.value()) WB_RETURN_IF_ERROR(write_article(a));
  } else {
    return first.status();
  }
  auto stories = store->LoadStories();
  if (!stories.ok()) return stories.status();
  for (const StoryRecord& r : stories.value()) {
    const core::Story& s = r.story;
    json line = {{"story", render::StoryToJson(s)},
                 {"brief", detail::BriefToJson(r.brief)},
                 {"copy_families", r.copy_families}};
    auto versions = store->LoadBriefVersions(s.id, 0);
    if (versions.ok()) {
      json older = json::array();
      for (const core::Brief& b : versions.value())
        if (b.version < r.brief.version) older.push_back(detail::BriefToJson(b));
      if (!older.empty()) line["brief_versions"] = std::move(older);
    } else if (versions.status().code() != core::StatusCode::kUnsupported) {
      return versions.status();
    }
    out << DumpJson(line) << '\n';
    ++counts->stories;
  }
  // What a backend without a table lacks (kUnsupported) is simply not in the file.
  auto supported = [](const core::Status& s) {
    return s.ok() || s.code() == core::StatusCode::kUnsupported;
  };
  if (auto aliases = store->ListStoryAliases(); aliases.ok()) {
    for (const auto& [old_id, survivor] : aliases.value()) {
      out << DumpJson({{"alias", {{"old_id", old_id}, {"survivor_id", survivor}}}}) << '\n';
      ++counts->aliases;
    }
  } else if (!supported(aliases.status())) {
    return aliases.status();
  }
  if (auto sources = store->ListSources(); sources.ok()) {
    for (const SourceRecord& r : sources.value()) {
      out << DumpJson({{"source", SourceToJson(r)}}) << '\n';
      ++counts->sources;
    }
  } else if (!supported(sources.status())) {
    return sources.status();
  }
  for (std::string after;;) {
    auto page = store->ListPageStates(after, 4096);
    if (!page.ok()) {
      if (!supported(page.status())) return page.status();
      break;
    }
    if (page->empty()) break;
    for (const PageState& p : page.value()) {
      out << DumpJson({{"page_state", PageStateToJson(p)}}) << '\n';
      ++counts->page_states;
    }
    after = page->back().url;
  }
  if (auto watchlists = store->ListWatchlists(); watchlists.ok()) {
    for (const WatchlistRecord& w : watchlists.value()) {
      out << DumpJson({{"watchlist", WatchlistToJson(w)}}) << '\n';
      ++counts->watchlists;
    }
  } else if (!supported(watchlists.status())) {
    return watchlists.status();
  }
  auto settings = store->LoadSettings();
  if (!settings.ok()) return settings.status();
  for (const auto& [key, value] : settings.value()) {
    if (IsDerivedSetting(key)) continue;
    out << DumpJson({{"setting", {{"key", key}, {"value", value}}}}) << '\n';
    ++counts->settings;
  }
  out.flush();
  if (!out) return core::Status::IOError("export", "write failed");
  return core::Status::Ok();
}

namespace {

// One `db import`: what the lines ask for, kept until the end where it must go to the store in
// one piece (stories, merged ids, brief versions), written as it comes otherwise (articles,
// sources, watchlists, settings; page states a batch at a time). Each Import* handles one kind
// of line: a bad record is appended to errors_ and answers Ok; a store error is returned and
// stops the import.
class Importer {
 public:
  Importer(Store* store, const std::string& name, TransferCounts* counts,
           std::vector<core::Status>* errors)
      : store_(store), name_(name), counts_(counts), errors_(errors) {}

  // One parsed line, `where` naming it in errors. Throws json::exception on a member of the
  // wrong type (the caller reports the line).
  core::Status ImportLine(const json& j, const std::string& where) {
    where_ = &where;
    if (j.contains("format")) {
      if (j.at("format") != "wirebrief-store")
        return core::Status::Unsupported(name_, "not a wirebrief store export");
      return core::Status::Ok();
    }
    if (j.contains("article")) return ImportArticle(j.at("article"));
    // What follows the articles may name them (stories) or be written at once: the pending
    // batch goes to the store first.
    WB_RETURN_IF_ERROR(FlushArticles());
    if (j.contains("story")) return ImportStory(j);
    if (j.contains("setting")) return ImportSetting(j.at("setting"));
    if (j.contains("alias")) return ImportAlias(j.at("alias"));
    if (j.contains("source")) return ImportSource(j.at("source"));
    if (j.contains("page_state")) return ImportPageState(j.at("page_state"));
    if (j.contains("watchlist")) return ImportWatchlist(j.at("watchlist"));
    return Bad("not an article, story, alias, source, page state, watchlist or setting");
  }

  core::Status Bad(const std::string& why) {
    errors_->push_back(core::Status::Corruption(name_, *where_, why));
    return core::Status::Ok();
  }

  // What waited for the end of the file.
  core::Status Finish() {
    WB_RETURN_IF_ERROR(FlushArticles());
    WB_RETURN_IF_ERROR(store_->PutPageStates(page_states_));
    if (!stories_.empty()) {
      WB_RETURN_IF_ERROR(store_->ReplaceStories(stories_));
      counts_->stories = static_cast<int64_t>(stories_.size());
    }
    if (!stories_.empty() || !aliases_.empty()) return CommitBriefVersions();
    return core::Status::Ok();
  }

 private:
  core::Status ImportArticle(const json& a) {
    ArticleRecord rec;
    if (core::Status s = ArticleRecordFromJson(a, name_, *where_, &rec); !s.ok()) {
      errors_->push_back(s);
      return core::Status::Ok();
    }
    pending_.push_back(std::move(rec));
    if (pending_.size() >= kArticlesPerBatch) return FlushArticles();
    return core::Status::Ok();
  }

  // The pending articles in one transaction (PutArticleBatch), each once per provenance
  // record, in file order.
  core::Status FlushArticles() {
    if (pending_.empty()) return core::Status::Ok();
    std::vector<const core::Article*> puts;
    std::vector<size_t> first_put;
    std::deque<core::Article> copies;  // an article's records after its first
    for (ArticleRecord& r : pending_) {
      first_put.push_back(puts.size());
      r.article.provenance = r.provenance.front();
      puts.push_back(&r.article);
      for (size_t k = 1; k < r.provenance.size(); ++k) {
        copies.push_back(r.article);
        copies.back().provenance = r.provenance[k];
        puts.push_back(&copies.back());
      }
    }
    std::vector<bool> inserted;
    WB_RETURN_IF_ERROR(PutArticleBatch(store_, puts, &inserted));
    for (size_t i = 0; i < pending_.size(); ++i) {
      if (inserted[first_put[i]]) ++counts_->articles;
      counts_->provenance += static_cast<int64_t>(pending_[i].provenance.size());
      known_articles_.insert(pending_[i].article.id);
    }
    pending_.clear();
    return core::Status::Ok();
  }

  core::Status ImportStory(const json& j) {
    StoryRecord r;
    r.story = render::StoryFromJson(j.at("story"));
    r.brief = detail::BriefFromJson(j.value("brief", json::object()));
    r.copy_families = j.value("copy_families", std::vector<std::vector<std::string>>{});
    std::vector<core::Brief> older;
    for (const json& b : j.value("brief_versions", json::array())) {
      older.push_back(detail::BriefFromJson(b));
      if (older.back().version <= 0 || older.back().version >= r.brief.version) {
        older.clear();
        Bad("story " + r.story.id + ": a brief version not older than its brief");
        break;
      }
    }
    if (r.story.id.empty() || r.story.article_ids.empty())
      return Bad("story without an id or articles");
    if (!story_ids_.insert(r.story.id).second) return Bad("story " + r.story.id + " appears twice");
    std::set<std::string> members(r.story.article_ids.begin(), r.story.article_ids.end());
    if (members.size() != r.story.article_ids.size())
      return Bad("story " + r.story.id + " lists an article twice");
    std::string missing;
    std::vector<std::string> referenced = r.story.article_ids;
    for (const auto& f : r.copy_families) referenced.insert(referenced.end(), f.begin(), f.end());
    auto lacks = UnknownArticle(referenced, &missing);
    if (!lacks.ok()) return lacks.status();
    if (lacks.value())
      return Bad("story " + r.story.id + " names article " + missing + ", which is not stored");
    stories_.push_back(std::move(r));
    older_briefs_.push_back(std::move(older));
    return core::Status::Ok();
  }

  core::Status ImportSetting(const json& st) {
    std::string key = st.at("key").get<std::string>();
    std::string value = st.at("value").get<std::string>();
    if (key.empty() || IsDerivedSetting(key))
      return Bad("setting \"" + key.substr(0, 40) + "\" is not one an import may set");
    WB_RETURN_IF_ERROR(store_->PutSetting(key, value, /*only_if_absent=*/false, nullptr));
    ++counts_->settings;
    return core::Status::Ok();
  }

  core::Status ImportAlias(const json& al) {
    std::string old_id = al.at("old_id").get<std::string>();
    std::string survivor = al.at("survivor_id").get<std::string>();
    if (old_id.empty() || survivor.empty() || old_id == survivor)
      return Bad("alias without two distinct story ids");
    aliases_.emplace_back(std::move(old_id), std::move(survivor));
    ++counts_->aliases;
    return core::Status::Ok();
  }

  core::Status ImportSource(const json& j) {
    SourceRecord r = SourceFromJson(j);
    if (r.url.empty()) return Bad("source without a url");
    WB_RETURN_IF_ERROR(store_->PutSource(r));
    ++counts_->sources;
    return core::Status::Ok();
  }

  core::Status ImportPageState(const json& j) {
    PageState ps = PageStateFromJson(j);
    if (ps.url.empty() || ps.state.empty()) return Bad("page state without a url or a state");
    page_states_.push_back(std::move(ps));
    ++counts_->page_states;
    if (page_states_.size() >= kPageStatesPerBatch) {
      WB_RETURN_IF_ERROR(store_->PutPageStates(page_states_));
      page_states_.clear();
    }
    return core::Status::Ok();
  }

  core::Status ImportWatchlist(const json& w) {
    WatchlistRecord r;
    r.name = w.at("name").get<std::string>();
    r.query = w.at("query").get<std::string>();
    r.webhook = w.value("webhook", "");
    r.secret = w.value("secret", "");
    r.created_at = w.value("created_at", "");
    if (r.name.empty() || r.query.empty()) return Bad("watchlist without a name or a query");
    WB_RETURN_IF_ERROR(store_->PutWatchlist(r));
    ++counts_->watchlists;
    return core::Status::Ok();
  }

  // Stories go to the store as one ReplaceStories transaction; one story naming an article the
  // store lacks would fail all of them (foreign keys), so such a line is refused instead.
  core::Result<bool> UnknownArticle(const std::vector<std::string>& ids, std::string* missing) {
    for (const auto& id : ids) {
      if (known_articles_.count(id)) continue;
      auto a = store_->LoadArticle(id);
      if (a.ok()) {
        known_articles_.insert(id);
        continue;
      }
      if (a.status().code() != core::StatusCode::kNotFound) return a.status();
      *missing = id;
      return true;
    }
    return false;
  }

  // Brief versions and merged ids go through the story engine's commit, which keeps each brief
  // as a version: the older ones first, then the current, so `show --since-version` answers as
  // in the exporting store. It also resets the engine's window (empty state, watermark 0): the
  // next run rebuilds it from every article, keeping these ids where the stories survive.
  // One commit per version rank (a commit names each story once): the k-th commit writes each
  // story's k-th brief, its current one in the story's last.
  core::Status CommitBriefVersions() {
    size_t ranks = 1;
    for (size_t i = 0; i < stories_.size(); ++i) {
      older_briefs_[i].push_back(stories_[i].brief);
      ranks = std::max(ranks, older_briefs_[i].size());
    }
    for (size_t k = 0; k < ranks; ++k) {
      StoryUpdate update;
      for (size_t i = 0; i < stories_.size(); ++i) {
        if (k >= older_briefs_[i].size()) continue;
        StoryRecord v = stories_[i];
        v.brief = std::move(older_briefs_[i][k]);
        update.upsert.push_back(std::move(v));
      }
      if (k + 1 == ranks) update.merged = std::move(aliases_);
      core::Status s = store_->CommitStoryUpdate(update);
      if (s.code() == core::StatusCode::kUnsupported) break;
      WB_RETURN_IF_ERROR(s);
    }
    return core::Status::Ok();
  }

  static constexpr size_t kPageStatesPerBatch = 1024;
  // Articles stored per transaction: a commit per article was most of an import's storing
  // cost; a process killed mid-import loses at most this many, which importing again stores.
  static constexpr size_t kArticlesPerBatch = 256;

  Store* store_;
  const std::string& name_;
  TransferCounts* counts_;
  std::vector<core::Status>* errors_;
  const std::string* where_ = nullptr;  // the line being imported, for Bad()

  std::vector<StoryRecord> stories_;
  std::vector<std::vector<core::Brief>> older_briefs_;  // per story: versions before the current
  std::vector<std::pair<std::string, std::string>> aliases_;
  std::vector<PageState> page_states_;  // written a batch at a time
  std::vector<ArticleRecord> pending_;  // articles read, not yet stored (FlushArticles)
  std::set<std::string> story_ids_;
  std::set<std::string> known_articles_;  // stored by this import, or found stored
};

}  // namespace

core::Status ImportJsonlLines(Store* store, const ImportLineSource& next_line,
                              const std::string& name, TransferCounts* counts,
                              std::vector<core::Status>* errors) {
  Importer importer(store, name, counts, errors);
  size_t line_no = 0;
  while (std::optional<core::Result<std::string>> item = next_line()) {
    ++line_no;
    if (!item->ok()) {
      errors->push_back(item->status());
      continue;
    }
    const std::string& line = item->value();
    std::string where = "line " + std::to_string(line_no);
    if (line.empty()) continue;
    if (JsonDepth(line) > kMaxImportDepth) {
      errors->push_back(core::Status::LimitExceeded(
          name, where, "JSON nested deeper than " + std::to_string(kMaxImportDepth) + " levels"));
      continue;
    }
    json j = json::parse(line, nullptr, false);
    if (!j.is_object()) {
      errors->push_back(core::Status::Corruption(name, where, "not a JSON object"));
      continue;
    }
    try {
      WB_RETURN_IF_ERROR(importer.ImportLine(j, where));
    } catch (const json::exception& e) {
      errors->push_back(core::Status::Corruption(name, where, e.what()));
    }
  }
  return importer.Finish();
}

core::Status ImportJsonl(Store* store, std::istream& in, const std::string& name,
                         TransferCounts* counts, std::vector<core::Status>* errors) {
  std::string line;
  size_t line_no = 0;
  bool too_long = false;
  bool failed = false;
  core::Status s = ImportJsonlLines(
      store,
      [&]() -> std::optional<core::Result<std::string>> {
        if (!ReadLine(in, kMaxImportLineBytes, &line, &too_long)) {
          failed = in.bad();
          return std::nullopt;
        }
        ++line_no;
        if (too_long)
          return core::Status::LimitExceeded(
              name, "line " + std::to_string(line_no),
              "line longer than " + std::to_string(kMaxImportLineBytes >> 20) + " MiB");
        return std::move(line);
      },
      name, counts, errors);
  // A read failure is the import's failure, as before, even when what was read got stored.
  if (failed) return core::Status::IOError(name, "read failed");
  return s;
}

}  // namespace wirebrief::store
