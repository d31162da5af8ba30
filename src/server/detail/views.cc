#include "server/detail/views.h"

#include <set>

#include "pipeline/render.h"

namespace wirebrief::server::detail {
namespace {

std::string OutletOr(const std::map<std::string, core::Article>& articles, const std::string& id) {
  auto it = articles.find(id);
  return it == articles.end() ? "" : core::OutletOf(it->second);
}

}  // namespace

// Atom wants RFC 3339 with a time; stored dates may be a bare day.
std::string Rfc3339(const std::string& date) {
  if (date.size() == 10) return date + "T00:00:00Z";
  if (date.size() >= 19 && date.find_first_of("Z+-", 19) == std::string::npos) return date + "Z";
  return date.empty() ? "1970-01-01T00:00:00Z" : date;
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i] that XML 1.0 allows (no surrogates, no
// overlong forms, nothing past U+10FFFF, not U+FFFE/U+FFFF); 0 when there is none.
size_t XmlCharLength(const std::string& s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  if (n == 3) {
    if (c == 0xE0 && b(1) < 0xA0) return 0;                                     // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;                                    // UTF-16 surrogate
    if (c == 0xEF && b(1) == 0xBF && (b(2) == 0xBE || b(2) == 0xBF)) return 0;  // U+FFFE/F
  }
  if (n == 4 && ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) >= 0x90))) return 0;
  return n;
}

}  // namespace

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Article text is data: a byte that is not UTF-8 becomes U+FFFD instead of making the
      // whole document ill-formed for every reader.
      const size_t n = XmlCharLength(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(s, i, n);
        i += n;
      }
      continue;
    }
    ++i;
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

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string SpanText(const std::string& text, core::CharSpan span) {
  size_t b = std::min<size_t>(span.begin, text.size());
  size_t e = std::min<size_t>(std::max(span.begin, span.end), text.size());
  return text.substr(b, e - b);
}

namespace {

// Members of the story summary that sort before "articles" and after it: the story page puts
// its own members between them (keys in byte order, see json_writer.h).
void SummaryHead(const core::Story& s, JsonWriter* w) {
  w->Key("article_count");
  w->UInt(s.article_ids.size());
}

void SummaryTail(const core::Story& s, JsonWriter* w, const std::string& merged_from = "") {
  w->Key("first_published");
  w->String(s.first_published);
  w->Key("id");
  w->String(s.id);
  w->Key("independent_outlets");
  w->Int(s.independent_outlets);
  w->Key("last_published");
  w->String(s.last_published);
  if (!merged_from.empty()) {  // the id asked for lives on in this story
    w->Key("merged_from");
    w->String(merged_from);
  }
  w->Key("outlet_count");
  w->UInt(s.outlets.size());
  w->Key("outlets");
  w->Strings(s.outlets);
  w->Key("title");
  w->String(s.title);
}

}  // namespace

void WriteStorySummary(const core::Story& s, JsonWriter* w) {
  w->BeginObject();
  SummaryHead(s, w);
  SummaryTail(s, w);
  w->EndObject();
}

void WriteBriefLineShort(const core::BriefLine& l, JsonWriter* w) {
  w->BeginObject();
  if (!l.label.empty()) {
    w->Key("label");
    w->String(l.label);
  }
  w->Key("section");
  w->String(core::BriefSectionName(l.section));
  w->Key("text");
  w->String(l.text);
  w->EndObject();
}

std::string StoryJson(const store::StoryRecord& r,
                      const std::map<std::string, core::Article>& articles,
                      const pipeline::StoryExtras& extras) {
  JsonWriter w(8192);
  w.BeginObject();
  SummaryHead(r.story, &w);

  // Copy families: the same text republished; the first member is the original.
  std::map<std::string, int> family_of;
  for (size_t f = 0; f < r.copy_families.size(); ++f)
    for (const auto& id : r.copy_families[f]) family_of[id] = static_cast<int>(f);

  w.Key("articles");
  w.BeginArray();
  for (const auto& id : r.story.article_ids) {
    w.BeginObject();
    auto it = articles.find(id);
    if (it == articles.end()) {
      w.Key("id");
      w.String(id);
      w.Key("missing");
      w.Bool(true);
      w.EndObject();
      continue;
    }
    const core::Article& a = it->second;
    w.Key("authors");
    w.Strings(a.authors);
    w.Key("date_published");
    w.String(a.date_published);
    w.Key("family");
    auto fam = family_of.find(id);
    if (fam == family_of.end())
      w.Null();
    else
      w.Int(fam->second);
    w.Key("headline_only");  // a feed item or record whose page was not fetched (yet)
    w.Bool(a.headline_only);
    w.Key("id");
    w.String(id);
    w.Key("language");
    w.String(a.language);
    w.Key("outlet");
    w.String(core::OutletOf(a));
    w.Key("title");
    w.String(a.title);
    w.Key("url");
    w.String(a.url);
    w.Key("wire");
    w.Strings(a.wire);
    w.EndObject();
  }
  w.EndArray();

  // Citations are numbered per story in order of first use (as `show` does).
  w.Key("brief");
  w.BeginObject();
  w.Key("headline");
  w.String(r.brief.headline.empty() ? r.story.title : r.brief.headline);
  w.Key("lines");
  w.BeginArray();
  std::map<std::pair<std::string, uint32_t>, int> number;
  for (const auto& l : r.brief.lines) {
    w.BeginObject();
    w.Key("citations");
    w.BeginArray();
    for (const auto& c : l.citations) {
      auto key = std::make_pair(c.article_id, c.span.begin);
      auto [pos, fresh] = number.emplace(key, static_cast<int>(number.size()) + 1);
      w.BeginObject();
      w.Key("article_id");
      w.String(c.article_id);
      w.Key("char_end");
      w.UInt(c.span.end);
      w.Key("char_start");
      w.UInt(c.span.begin);
      auto it = articles.find(c.article_id);
      if (it == articles.end()) {
        w.Key("missing");
        w.Bool(true);
        w.Key("n");
        w.Int(pos->second);
      } else {
        const core::Article& a = it->second;
        w.Key("date_published");
        w.String(a.date_published);
        // The figures this sentence states: each outlet's value when outlets disagree.
        w.Key("figures");
        w.BeginArray();
        for (const auto& f : a.annotations.figures) {
          if (f.span.begin < c.span.begin || f.span.end > c.span.end) continue;
          w.BeginObject();
          w.Key("text");
          w.String(f.text);
          w.Key("unit");
          w.String(f.unit);
          w.Key("value");
          w.Double(f.value);
          w.EndObject();
        }
        w.EndArray();
        w.Key("n");
        w.Int(pos->second);
        w.Key("outlet");
        w.String(core::OutletOf(a));
        w.Key("sentence");
        w.String(SpanText(a.text, c.span));
        w.Key("title");
        w.String(a.title);
        w.Key("url");
        w.String(a.url);
      }
      w.EndObject();
    }
    w.EndArray();
    w.Key("conflict");
    w.Bool(l.conflict);
    if (!l.label.empty()) {
      w.Key("label");
      w.String(l.label);
    }
    w.Key("section");
    w.String(core::BriefSectionName(l.section));
    w.Key("text");
    w.String(l.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("brief_version");
  w.Int(r.brief.version);

  if (extras.changes) {  // what changed since the version the reader asked about
    w.Key("changes");
    w.BeginObject();
    w.Key("added");
    w.BeginArray();
    for (const auto& l : extras.changes->added) WriteBriefLineShort(l, &w);
    w.EndArray();
    w.Key("from_version");
    w.Int(extras.changes->from_version);
    w.Key("removed");
    w.BeginArray();
    for (const auto& l : extras.changes->removed) WriteBriefLineShort(l, &w);
    w.EndArray();
    w.Key("to_version");
    w.Int(extras.changes->to_version);
    w.EndObject();
  }

  w.Key("copy_families");
  w.BeginArray();
  for (size_t f = 0; f < r.copy_families.size(); ++f) {
    w.BeginObject();
    w.Key("articles");
    w.BeginArray();
    for (const auto& id : r.copy_families[f]) {
      auto it = articles.find(id);
      w.BeginObject();
      if (it != articles.end()) {
        w.Key("date_published");
        w.String(it->second.date_published);
      }
      w.Key("id");
      w.String(id);
      w.Key("outlet");
      w.String(OutletOr(articles, id));
      if (it != articles.end()) {
        w.Key("title");
        w.String(it->second.title);
        w.Key("url");
        w.String(it->second.url);
      }
      w.EndObject();
    }
    w.EndArray();
    w.Key("family");
    w.UInt(f);
    w.EndObject();
  }
  w.EndArray();

  SummaryTail(r.story, &w, extras.requested_id);
  w.EndObject();
  return w.Take();
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

void WriteSearchHit(const store::ArticleHit& h, JsonWriter* w) {
  w->BeginObject();
  w->Key("date_published");
  w->String(h.date_published);
  w->Key("id");
  w->String(h.id);
  w->Key("language");
  w->String(h.language);
  w->Key("outlet");
  w->String(h.outlet);
  // The snippet as segments; \x02 opens a matched term and \x03 closes it.
  w->Key("snippet");
  w->BeginArray();
  bool hit = false;
  size_t start = 0;
  auto flush = [&](size_t end) {
    if (end == start) return;
    w->BeginObject();
    w->Key("hit");
    w->Bool(hit);
    w->Key("text");
    w->String(std::string_view(h.snippet).substr(start, end - start));
    w->EndObject();
  };
  for (size_t i = 0; i < h.snippet.size(); ++i) {
    char c = h.snippet[i];
    if (c != '\x02' && c != '\x03') continue;
    flush(i);
    hit = c == '\x02';
    start = i + 1;
  }
  flush(h.snippet.size());
  w->EndArray();
  w->Key("title");
  w->String(h.title);
  w->Key("url");
  w->String(h.url);
  w->EndObject();
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
