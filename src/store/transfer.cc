#include "store/transfer.h"

#include <nlohmann/json.hpp>

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
  return {j.value("source", ""),          j.value("container", ""), j.value("offset", uint64_t{0}),
          j.value("length", uint64_t{0}), j.value("record_id", ""), j.value("crawl_date", ""),
          j.value("http_status", 0)};
}

}  // namespace

core::Status ExportJsonl(Store* store, std::ostream& out, TransferCounts* counts) {
  out << Dump({{"format", "wirebrief-store"}, {"schema_version", store->SchemaVersion()}}) << '\n';
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
  out.flush();
  if (!out) return core::Status::IOError("export", "write failed");
  return core::Status::Ok();
}

core::Status ImportJsonl(Store* store, std::istream& in, const std::string& name,
                         TransferCounts* counts, std::vector<core::Status>* errors) {
  std::vector<StoryRecord> stories;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string where = "line " + std::to_string(line_no);
    if (line.empty()) continue;
    if (line.size() > kMaxImportLineBytes) {
      errors->push_back(core::Status::LimitExceeded(name, where, "line longer than 64 MiB"));
      continue;
    }
    json j = json::parse(line, nullptr, false);
    if (!j.is_object()) {
      errors->push_back(core::Status::Corruption(name, where, "not a JSON object"));
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
        if (prov.empty()) prov.push_back(json::object());
        bool first = true;
        for (const json& p : prov) {
          art.provenance = ProvenanceFromJson(p);
          bool inserted = false;
          WB_RETURN_IF_ERROR(store->PutArticle(art, &inserted));
          if (inserted && first) ++counts->articles;
          first = false;
          ++counts->provenance;
        }
      } else if (j.contains("story")) {
        const json& s = j.at("story");
        StoryRecord r;
        r.story.id = s.at("id").get<std::string>();
        r.story.title = s.value("title", "");
        r.story.article_ids = s.value("article_ids", std::vector<std::string>{});
        r.story.outlets = s.value("outlets", std::vector<std::string>{});
        r.story.independent_outlets = s.value("independent_outlets", 0);
        r.story.first_published = s.value("first_published", "");
        r.story.last_published = s.value("last_published", "");
        r.brief = detail::BriefFromJson(j.value("brief", json::object()));
        r.copy_families = j.value("copy_families", std::vector<std::vector<std::string>>{});
        stories.push_back(std::move(r));
      } else {
        errors->push_back(core::Status::Corruption(name, where, "neither an article nor a story"));
      }
    } catch (const json::exception& e) {
      errors->push_back(core::Status::Corruption(name, where, e.what()));
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
