#include "store/transfer.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

#include "store/detail/model_json.h"

namespace wirebrief::store {
namespace {

using json = nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json ProvenanceToJson(const core::Provenance& p) {
  return {{"source", p.source},          {"container", p.container}, {"offset", p.offset},
          {"length", p.length},          {"record_id", p.record_id}, {"crawl_date", p.crawl_date},
          {"http_status", p.http_status}};
}

core::Provenance ProvenanceFromJson(const json& j) {
  constexpr int64_t kMaxOffset = int64_t{1} << 62;
  return {j.value("source", ""),
          j.value("container", ""),
          static_cast<uint64_t>(detail::CheckedInt(j, "offset", 0, 0, kMaxOffset)),
          static_cast<uint64_t>(detail::CheckedInt(j, "length", 0, 0, kMaxOffset)),
          j.value("record_id", ""),
          j.value("crawl_date", ""),
          static_cast<int>(detail::CheckedInt(j, "http_status", 0, 0, 999))};
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
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
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

}  // namespace

core::Status ExportJsonl(Store* store, std::ostream& out, TransferCounts* counts) {
  // The lines carry what schema 2 held (articles, stories with briefs, settings) whatever the
  // backend's own version: the story engine's state (3) is derived, rebuilt on the next run.
  constexpr int kExportedSchema = 2;
  out << Dump({{"format", "wirebrief-store"}, {"schema_version", kExportedSchema}}) << '\n';
  auto articles = store->LoadArticles();
  if (!articles.ok()) return articles.status();
  for (const core::Article& a : articles.value()) {
    auto prov = store->LoadProvenance(a.id);
    if (!prov.ok()) return prov.status();
    json p = json::array();
    for (const auto& r : prov.value()) p.push_back(ProvenanceToJson(r));
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
    out << Dump({{"article", j}}) << '\n';
    ++counts->articles;
    counts->provenance += static_cast<int64_t>(prov->size());
  }
  auto stories = store->LoadStories();
  if (!stories.ok()) return stories.status();
  for (const StoryRecord& r : stories.value()) {
    const core::Story& s = r.story;
    json j = {{"id", s.id},
              {"title", s.title},
              {"article_ids", s.article_ids},
              {"outlets", s.outlets},
              {"independent_outlets", s.independent_outlets},
              {"first_published", s.first_published},
              {"last_published", s.last_published}};
    out << Dump({{"story", j},
                 {"brief", detail::BriefToJson(r.brief)},
                 {"copy_families", r.copy_families}})
        << '\n';
    ++counts->stories;
  }
  auto settings = store->LoadSettings();
  if (!settings.ok()) return settings.status();
  for (const auto& [key, value] : settings.value()) {
    if (IsDerivedSetting(key)) continue;
    out << Dump({{"setting", {{"key", key}, {"value", value}}}}) << '\n';
    ++counts->settings;
  }
  out.flush();
  if (!out) return core::Status::IOError("export", "write failed");
  return core::Status::Ok();
}

core::Status ImportJsonl(Store* store, std::istream& in, const std::string& name,
                         TransferCounts* counts, std::vector<core::Status>* errors) {
  std::vector<StoryRecord> stories;
  std::set<std::string> story_ids;
  std::set<std::string> known_articles;  // stored by this import, or found stored
  // Stories go to the store as one ReplaceStories transaction; one story naming an article the
  // store lacks would fail all of them (foreign keys), so such a line is refused here instead.
  auto unknown_article = [&](const std::vector<std::string>& ids,
                             std::string* missing) -> core::Result<bool> {
    for (const auto& id : ids) {
      if (known_articles.count(id)) continue;
      auto a = store->LoadArticle(id);
      if (a.ok()) {
        known_articles.insert(id);
        continue;
      }
      if (a.status().code() != core::StatusCode::kNotFound) return a.status();
      *missing = id;
      return true;
    }
    return false;
  };
  std::string line;
  size_t line_no = 0;
  bool too_long = false;
  while (ReadLine(in, kMaxImportLineBytes, &line, &too_long)) {
    ++line_no;
    std::string where = "line " + std::to_string(line_no);
    auto bad = [&](const std::string& why) {
      errors->push_back(core::Status::Corruption(name, where, why));
    };
    if (too_long) {
      errors->push_back(core::Status::LimitExceeded(
          name, where, "line longer than " + std::to_string(kMaxImportLineBytes >> 20) + " MiB"));
      continue;
    }
    if (line.empty()) continue;
    if (JsonDepth(line) > kMaxImportDepth) {
      errors->push_back(core::Status::LimitExceeded(
          name, where, "JSON nested deeper than " + std::to_string(kMaxImportDepth) + " levels"));
      continue;
    }
    json j = json::parse(line, nullptr, false);
    if (!j.is_object()) {
      bad("not a JSON object");
      continue;
    }
    try {
      if (j.contains("format")) {
        if (j.at("format") != "wirebrief-store")
          return core::Status::Unsupported(name, "not a wirebrief store export");
      } else if (j.contains("article")) {
        const json& a = j.at("article");
        core::Article art;
        art.id = a.at("id").get<std::string>();
        if (art.id.empty()) {
          bad("article without an id");
          continue;
        }
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
        if (!prov.is_array()) {
          bad("article " + art.id + ": provenance is not a list");
          continue;
        }
        if (prov.size() > kMaxImportProvenance) {
          errors->push_back(core::Status::LimitExceeded(
              name, where,
              "article " + art.id + ": more than " + std::to_string(kMaxImportProvenance) +
                  " provenance records"));
          continue;
        }
        std::vector<core::Provenance> records;
        for (const json& p : prov) records.push_back(ProvenanceFromJson(p));
        if (records.empty()) records.emplace_back();
        bool first = true;
        for (const core::Provenance& p : records) {
          art.provenance = p;
          bool inserted = false;
          WB_RETURN_IF_ERROR(store->PutArticle(art, &inserted));
          if (inserted && first) ++counts->articles;
          first = false;
          ++counts->provenance;
        }
        known_articles.insert(art.id);
      } else if (j.contains("story")) {
        const json& s = j.at("story");
        StoryRecord r;
        r.story.id = s.at("id").get<std::string>();
        r.story.title = s.value("title", "");
        r.story.article_ids = s.value("article_ids", std::vector<std::string>{});
        r.story.outlets = s.value("outlets", std::vector<std::string>{});
        r.story.independent_outlets =
            static_cast<int>(detail::CheckedInt(s, "independent_outlets", 0, 0, INT32_MAX));
        r.story.first_published = s.value("first_published", "");
        r.story.last_published = s.value("last_published", "");
        r.brief = detail::BriefFromJson(j.value("brief", json::object()));
        r.copy_families = j.value("copy_families", std::vector<std::vector<std::string>>{});
        if (r.story.id.empty() || r.story.article_ids.empty()) {
          bad("story without an id or articles");
          continue;
        }
        if (!story_ids.insert(r.story.id).second) {
          bad("story " + r.story.id + " appears twice");
          continue;
        }
        std::set<std::string> members(r.story.article_ids.begin(), r.story.article_ids.end());
        if (members.size() != r.story.article_ids.size()) {
          bad("story " + r.story.id + " lists an article twice");
          continue;
        }
        std::string missing;
        std::vector<std::string> referenced = r.story.article_ids;
        for (const auto& f : r.copy_families) referenced.insert(referenced.end(), f.begin(), f.end());
        auto lacks = unknown_article(referenced, &missing);
        if (!lacks.ok()) return lacks.status();
        if (lacks.value()) {
          bad("story " + r.story.id + " names article " + missing + ", which is not stored");
          continue;
        }
        stories.push_back(std::move(r));
      } else if (j.contains("setting")) {
        const json& st = j.at("setting");
        std::string key = st.at("key").get<std::string>();
        std::string value = st.at("value").get<std::string>();
        if (key.empty() || IsDerivedSetting(key)) {
          bad("setting \"" + key.substr(0, 40) + "\" is not one an import may set");
          continue;
        }
        WB_RETURN_IF_ERROR(store->PutSetting(key, value, /*only_if_absent=*/false, nullptr));
        ++counts->settings;
      } else {
        bad("neither an article, a story nor a setting");
      }
    } catch (const json::exception& e) {
      bad(e.what());
    }
  }
  if (in.bad()) return core::Status::IOError(name, "read failed");
  if (!stories.empty()) {
    WB_RETURN_IF_ERROR(store->ReplaceStories(stories));
    counts->stories = static_cast<int64_t>(stories.size());
  }
  return core::Status::Ok();
}

}  // namespace wirebrief::store
