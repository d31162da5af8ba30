#include "server/detail/views.h"

#include <set>

#include "pipeline/render.h"

namespace wirebrief::server::detail {
namespace {

std::string OutletOr(const std::map<std::string, core::Article>& articles, const std::string& id) {
  auto it = articles.find(id);
  return it == articles.end() ? "" : core::OutletOf(it->second);
}

// Atom wants RFC 3339 with a time; stored dates may be a bare day.
std::string Rfc3339(const std::string& date) {
  if (date.size() == 10) return date + "T00:00:00Z";
  if (date.size() >= 19 && date.find_first_of("Z+-", 19) == std::string::npos) return date + "Z";
  return date.empty() ? "1970-01-01T00:00:00Z" : date;
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab/newline are not allowed in XML 1.0.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string SpanText(const std::string& text, core::CharSpan span) {
  size_t b = std::min<size_t>(span.begin, text.size());
  size_t e = std::min<size_t>(std::max(span.begin, span.end), text.size());
  return text.substr(b, e - b);
}

json StorySummaryJson(const core::Story& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"first_published", s.first_published},
          {"last_published", s.last_published},
          {"article_count", s.article_ids.size()},
          {"outlets", s.outlets},
          {"outlet_count", s.outlets.size()},
          {"independent_outlets", s.independent_outlets}};
}

json StoryJson(const store::StoryRecord& r, const std::map<std::string, core::Article>& articles) {
  json j = StorySummaryJson(r.story);
  // Copy families: the same text republished; the first member is the original.
  std::map<std::string, int> family_of;
  json families = json::array();
  for (size_t f = 0; f < r.copy_families.size(); ++f) {
    json members = json::array();
    for (const auto& id : r.copy_families[f]) {
      family_of[id] = static_cast<int>(f);
      auto it = articles.find(id);
      json m = {{"id", id}, {"outlet", OutletOr(articles, id)}};
      if (it != articles.end()) {
        m["title"] = it->second.title;
        m["url"] = it->second.url;
        m["date_published"] = it->second.date_published;
      }
      members.push_back(m);
    }
    families.push_back({{"family", f}, {"articles", members}});
  }
  j["copy_families"] = families;

  json arts = json::array();
  for (const auto& id : r.story.article_ids) {
    auto it = articles.find(id);
    if (it == articles.end()) {
      arts.push_back({{"id", id}, {"missing", true}});
      continue;
    }
    const core::Article& a = it->second;
    json m = {{"id", id},
              {"title", a.title},
              {"outlet", core::OutletOf(a)},
              {"url", a.url},
              {"authors", a.authors},
              {"date_published", a.date_published},
              {"language", a.language},
              {"wire", a.wire}};
    auto fam = family_of.find(id);
    m["family"] = fam == family_of.end() ? json(nullptr) : json(fam->second);
    arts.push_back(m);
  }
  j["articles"] = arts;

  // Citations are numbered per story in order of first use (as `show` does).
  std::map<std::pair<std::string, uint32_t>, int> number;
  json lines = json::array();
  for (const auto& l : r.brief.lines) {
    json cites = json::array();
    for (const auto& c : l.citations) {
      auto key = std::make_pair(c.article_id, c.span.begin);
      auto [pos, fresh] = number.emplace(key, static_cast<int>(number.size()) + 1);
      json cj = {{"n", pos->second},
                 {"article_id", c.article_id},
                 {"char_start", c.span.begin},
                 {"char_end", c.span.end}};
      auto it = articles.find(c.article_id);
      if (it == articles.end()) {
        cj["missing"] = true;
      } else {
        const core::Article& a = it->second;
        cj["outlet"] = core::OutletOf(a);
        cj["title"] = a.title;
        cj["url"] = a.url;
        cj["date_published"] = a.date_published;
        cj["sentence"] = SpanText(a.text, c.span);
        // The figures this sentence states: each outlet's value when outlets disagree.
        json figs = json::array();
        for (const auto& f : a.annotations.figures)
          if (f.span.begin >= c.span.begin && f.span.end <= c.span.end)
            figs.push_back({{"text", f.text}, {"value", f.value}, {"unit", f.unit}});
        cj["figures"] = figs;
      }
      cites.push_back(cj);
    }
    json lj = {{"section", core::BriefSectionName(l.section)},
               {"text", l.text},
               {"citations", cites},
               {"conflict", l.conflict}};
    if (!l.label.empty()) lj["label"] = l.label;
    lines.push_back(lj);
  }
  j["brief"] = {{"headline", r.brief.headline.empty() ? r.story.title : r.brief.headline},
                {"lines", lines}};
  return j;
}

json ArticleJson(const core::Article& a, const std::vector<core::Provenance>& provenance) {
  // The CLI's article JSON (pipeline/render.h), so `extract --jsonl` and the API agree; plus
  // what only the server shows: the outlet, field sources as one object, every provenance record.
  json j = json::parse(pipeline::ArticleToJson(a, a.provenance.source, /*with_annotations=*/true),
                       nullptr, false);
  if (!j.is_object()) j = json::object();
  j["outlet"] = core::OutletOf(a);
  j["field_sources"] = a.field_sources;
  json prov = json::array();
  for (const auto& p : provenance)
    prov.push_back({{"source", p.source},
                    {"container", p.container},
                    {"offset", p.offset},
                    {"length", p.length},
                    {"record_id", p.record_id},
                    {"crawl_date", p.crawl_date},
                    {"http_status", p.http_status}});
  j["provenance"] = prov;
  return j;
}

json SearchHitJson(const store::ArticleHit& h) {
  json segments = json::array();
  std::string cur;
  bool hit = false;
  auto flush = [&] {
    if (!cur.empty()) segments.push_back({{"text", cur}, {"hit", hit}});
    cur.clear();
  };
  for (char c : h.snippet) {
    if (c == '\x02' || c == '\x03') {
      flush();
      hit = c == '\x02';
    } else {
      cur += c;
    }
  }
  flush();
  return {{"id", h.id},
          {"title", h.title},
          {"url", h.url},
          {"outlet", h.outlet},
          {"date_published", h.date_published},
          {"language", h.language},
          {"snippet", segments}};
}

std::string AtomFeed(const FeedInfo& info, const std::vector<FeedItem>& items) {
  std::string updated = "1970-01-01T00:00:00Z";
  for (const auto& it : items) updated = std::max(updated, Rfc3339(it.updated));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out +=
      "  <title>" + XmlEscape(info.title) + "</title>\n  <id>" + XmlEscape(info.self) + "</id>\n";
  out += "  <link rel=\"self\" href=\"" + XmlEscape(info.self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(info.home) + "\"/>\n";
  out += "  <updated>" + XmlEscape(updated) +
         "</updated>\n  <author><name>wirebrief</name></author>\n";
  for (const auto& it : items) {
    out += "  <entry>\n    <id>urn:wirebrief:" + XmlEscape(it.id) + "</id>\n";
    out += "    <title>" + XmlEscape(it.title) + "</title>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(it.link) + "\"/>\n";
    out += "    <updated>" + XmlEscape(Rfc3339(it.updated)) + "</updated>\n";
    out += "    <summary type=\"text\">" + XmlEscape(it.summary) + "</summary>\n  </entry>\n";
  }
  return out + "</feed>\n";
}

std::string JsonFeed(const FeedInfo& info, const std::vector<FeedItem>& items) {
  json feed = {{"version", "https://jsonfeed.org/version/1.1"},
               {"title", info.title},
               {"home_page_url", info.home},
               {"feed_url", info.self}};
  json list = json::array();
  for (const auto& it : items)
    list.push_back({{"id", it.id},
                    {"url", it.link},
                    {"title", it.title},
                    {"content_text", it.summary},
                    {"date_published", Rfc3339(it.updated)}});
  feed["items"] = list;
  return Dump(feed);
}

}  // namespace wirebrief::server::detail
