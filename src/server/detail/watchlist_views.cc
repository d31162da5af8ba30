#include "core/text.h"
#include "server/detail/watchlist_views.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <set>
#include <vector>

#include "pipeline/alerts.h"
#include "pipeline/watch.h"
#include "render/feed.h"
#include "render/json_writer.h"
#include "render/story_json.h"
#include "server/detail/views.h"

namespace wirebrief::server::detail {

using render::AppendJsonString;
using render::JsonWriter;
using render::Rfc3339;
using render::SpanText;
using render::XmlEscape;
namespace {

// The test `wirebrief watchlist add --webhook` makes (ingest::IsHttpUrl), kept here because the
// server may use pipeline and store only; a scheme alone names no receiver. Also what the feeds
// are willing to link to.
bool IsHttpUrl(const std::string& url) {
  std::string lower;
  for (char c : url.substr(0, 8))
    lower += core::AsciiLower(c);
  size_t scheme = lower.rfind("http://", 0) == 0 ? 7 : lower.rfind("https://", 0) == 0 ? 8 : 0;
  return scheme > 0 && url.size() > scheme && url.find_first_of(" \t\r\n") == std::string::npos;
}

// The watchlist, or kNotFound in words a client can show.
core::Result<store::WatchlistRecord> Load(store::Store* store, const std::string& name) {
  auto w = store->LoadWatchlist(name);
  if (!w.ok() && w.status().code() == core::StatusCode::kNotFound)
    return core::Status::NotFound(name, "no such watchlist");
  return w;
}

// A cited article as the feeds show it: outlet, URL and the text the citation spans.
struct CitedArticle {
  std::string outlet;
  std::string url;
  std::string text;
};

// The articles the events' lines cite, loaded once for the whole feed.
core::Result<std::map<std::string, CitedArticle>> LoadCited(
    store::Store* store, const std::vector<store::AlertEvent>& events) {
  std::set<std::string> ids;
  for (const auto& e : events)
    for (const auto& l : e.lines)
      for (const auto& c : l.citations) ids.insert(c.article_id);
  std::map<std::string, CitedArticle> out;
  if (ids.empty()) return out;
  auto loaded = store->LoadArticlesForStoryPage({ids.begin(), ids.end()});
  if (!loaded.ok()) return loaded.status();
  for (auto& a : loaded.value())
    out[a.id] = {core::OutletOf(a), a.url.empty() ? a.canonical_url : a.url, std::move(a.text)};
  return out;
}

std::string LineText(const core::BriefLine& l) {
  return l.label.empty() ? l.text : l.label + ": " + l.text;
}

std::string EventTitle(const store::AlertEvent& e) {
  return "[" + e.kind + "] " + (e.headline.empty() ? e.story_id : e.headline);
}

// What happened, in one sentence, ahead of the lines.
std::string EventSummary(const store::AlertEvent& e) {
  std::string s = e.kind == "new"    ? "New matching story"
                  : e.kind == "grew" ? "The story gained an independent outlet"
                                     : "The story's brief gained lines";
  s += " (brief version " + std::to_string(e.brief_version) + ", " +
       std::to_string(e.independent_outlets) + " independent outlets";
  if (!e.new_outlets.empty()) {
    s += "; new: ";
    for (size_t i = 0; i < e.new_outlets.size(); ++i)
      s += (i ? ", " : "") +
           (e.new_outlets[i].empty() ? std::string("unknown outlet") : e.new_outlets[i]);
  }
  return s + ").";
}

// The event as HTML (for Atom <content type="html"> and JSON Feed content_html): every piece of
// data escaped, links only to http(s) URLs.
std::string EventHtml(const store::AlertEvent& e,
                      const std::map<std::string, CitedArticle>& cited) {
  std::string h = "<p>" + XmlEscape(EventSummary(e)) + "</p>";
  if (e.lines.empty()) return h;
  h += "<ul>";
  for (const auto& l : e.lines) {
    h += "<li><p>" + XmlEscape(LineText(l)) +
         (l.conflict ? " <strong>(outlets disagree)</strong>" : "") + "</p>";
    if (!l.citations.empty()) {
      h += "<ul>";
      for (const auto& c : l.citations) {
        auto it = cited.find(c.article_id);
        if (it == cited.end()) {
          h += "<li>" + XmlEscape(c.article_id) + " (no longer stored)</li>";
          continue;
        }
        const CitedArticle& a = it->second;
        h += "<li><blockquote>" + XmlEscape(SpanText(a.text, c.span)) + "</blockquote> &#8212; " +
             XmlEscape(a.outlet.empty() ? "unknown outlet" : a.outlet);
        if (IsHttpUrl(a.url)) h += " <a href=\"" + XmlEscape(a.url) + "\">original</a>";
        h += "</li>";
      }
      h += "</ul>";
    }
    h += "</li>";
  }
  return h + "</ul>";
}

// The same as plain text, for readers that show content_text.
std::string EventText(const store::AlertEvent& e,
                      const std::map<std::string, CitedArticle>& cited) {
  std::string t = EventSummary(e) + "\n";
  for (const auto& l : e.lines) {
    t += "\n- " + LineText(l) + (l.conflict ? " (outlets disagree)" : "") + "\n";
    for (const auto& c : l.citations) {
      auto it = cited.find(c.article_id);
      if (it == cited.end()) {
        t += "    [" + c.article_id + ", no longer stored]\n";
        continue;
      }
      t += "    \"" + SpanText(it->second.text, c.span) + "\" (" +
           (it->second.outlet.empty() ? "unknown outlet" : it->second.outlet) +
           (it->second.url.empty() ? "" : ", " + it->second.url) + ")\n";
    }
  }
  return t;
}

std::string StoryLink(const std::string& base, const store::AlertEvent& e) {
  return base + "/#/story/" + e.story_id;
}

std::string AtomEventFeed(const store::WatchlistRecord& w,
                          const std::vector<store::AlertEvent>& events,
                          const std::map<std::string, CitedArticle>& cited, const std::string& base,
                          const std::string& self) {
  // The feed's last change: its newest event, or the watchlist's creation while it has none.
  std::string updated = Rfc3339(w.created_at);
  for (const auto& e : events) updated = std::max(updated, Rfc3339(e.at));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <id>urn:wirebrief:watchlist:" + XmlEscape(w.name) + "</id>\n";
  out += "  <title>" + XmlEscape("wirebrief watchlist " + w.name) + "</title>\n";
  out += "  <subtitle>" + XmlEscape(w.query) + "</subtitle>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + XmlEscape(self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         XmlEscape(base + "/#/watchlists") + "\"/>\n";
  out += "  <updated>" + XmlEscape(updated) + "</updated>\n";
  out += "  <author><name>wirebrief</name></author>\n  <generator>wirebrief</generator>\n";
  for (const auto& e : events) {
    out += "  <entry>\n    <id>urn:wirebrief:event:" + std::to_string(e.id) + "</id>\n";
    out += "    <title type=\"text\">" + XmlEscape(EventTitle(e)) + "</title>\n";
    out += "    <updated>" + XmlEscape(Rfc3339(e.at)) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           XmlEscape(StoryLink(base, e)) + "\"/>\n";
    out += "    <link rel=\"related\" type=\"application/json\" href=\"" +
           XmlEscape(base + "/v1/stories/" + e.story_id) + "\"/>\n";
    out += "    <category term=\"" + XmlEscape(e.kind) + "\"/>\n";
    out +=
        "    <content type=\"html\">" + XmlEscape(EventHtml(e, cited)) + "</content>\n  </entry>\n";
  }
  return out + "</feed>\n";
}

std::string JsonEventFeed(const store::WatchlistRecord& w,
                          const std::vector<store::AlertEvent>& events,
                          const std::map<std::string, CitedArticle>& cited, const std::string& base,
                          const std::string& self) {
  json items = json::array();
  for (const auto& e : events) {
    json item = {{"id", "urn:wirebrief:event:" + std::to_string(e.id)},
                 {"url", StoryLink(base, e)},
                 {"title", EventTitle(e)},
                 {"date_published", Rfc3339(e.at)},
                 {"content_text", EventText(e, cited)},
                 {"content_html", EventHtml(e, cited)},
                 {"tags", json::array({e.kind})}};
    // The event itself, as a webhook receives it (JSON Feed extensions start with '_').
    item["_wirebrief"] = json::parse(pipeline::AlertEventJson(e), nullptr, false);
    items.push_back(std::move(item));
  }
  return Dump({{"version", "https://jsonfeed.org/version/1.1"},
               {"title", "wirebrief watchlist " + w.name},
               {"description", w.query},
               {"home_page_url", base + "/#/watchlists"},
               {"feed_url", self},
               {"items", items}});
}

}  // namespace

core::Result<std::string> WatchlistListJson(store::Store* store) {
  auto all = store->ListWatchlists();
  if (!all.ok()) return all.status();
  JsonWriter w;
  w.BeginObject();
  w.Key("watchlists");
  w.BeginArray();
  for (const auto& r : all.value()) {
    w.BeginObject();
    w.Key("created_at");
    w.String(r.created_at);
    w.Key("name");
    w.String(r.name);
    w.Key("query");
    w.String(r.query);
    w.Key("webhook");
    w.String(r.webhook);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

core::Result<WatchlistInput> ParseWatchlistInput(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return core::Status::InvalidArgument("body",
                                         "send a JSON object {\"name\", \"query\", \"webhook\"?}");
  WatchlistInput in;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"name", &in.name},
                          {"query", &in.query},
                          {"webhook", &in.webhook}}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    if (!j[key].is_string())
      return core::Status::InvalidArgument(key, std::string(key) + " must be a string");
    *out = j[key].get<std::string>();
  }
  if (core::Status s = pipeline::ValidateWatchlistName(in.name); !s.ok()) return s;
  auto m = pipeline::WatchlistMatcher::Compile(in.query);
  if (!m.ok()) return core::Status::InvalidArgument("query", "query: " + m.status().message());
  if (!in.webhook.empty() && !IsHttpUrl(in.webhook))
    return core::Status::InvalidArgument("webhook", in.webhook + ": not an http(s) URL");
  return in;
}

core::Result<store::WatchlistRecord> SaveWatchlist(store::Store* store, const WatchlistInput& in,
                                                   bool* created) {
  store::WatchlistRecord w;
  w.name = in.name;
  w.query = in.query;
  w.webhook = in.webhook;
  auto old = store->LoadWatchlist(in.name);
  if (!old.ok() && old.status().code() != core::StatusCode::kNotFound) return old.status();
  *created = !old.ok();
  w.secret = old.ok() ? old->secret : pipeline::NewWatchlistSecret();
  w.created_at = old.ok() ? old->created_at : pipeline::IsoUtc(std::time(nullptr));
  if (core::Status s = store->PutWatchlist(w); !s.ok()) return s;
  return w;
}

std::string WatchlistCreatedJson(const store::WatchlistRecord& w, bool created) {
  return Dump({{"name", w.name},
               {"query", w.query},
               {"webhook", w.webhook},
               {"created_at", w.created_at},
               {"created", created},
               // Shown here only: the receiver checks X-Wirebrief-Signature with it.
               {"secret", w.secret}});
}

core::Result<std::string> WatchlistEventsJson(store::Store* store, const std::string& name,
                                              int64_t before_id, size_t limit) {
  auto w = Load(store, name);
  if (!w.ok()) return w.status();
  auto events = store->LoadAlertEvents(name, before_id, limit);
  if (!events.ok()) return events.status();
  std::string out = "{\"events\":[";
  for (size_t i = 0; i < events->size(); ++i) {
    if (i) out += ',';
    out += pipeline::AlertEventJson((*events)[i]);
  }
  out += "],\"next_before\":";
  out += events->size() == limit && !events->empty() ? std::to_string(events->back().id) : "null";
  out += ",\"query\":";
  AppendJsonString(w->query, &out);
  out += ",\"watchlist\":";
  AppendJsonString(w->name, &out);
  return out + "}";
}

core::Result<std::string> WatchlistFeed(store::Store* store, const std::string& name,
                                        const std::string& format, const std::string& base,
                                        const std::string& self, size_t limit) {
  auto w = Load(store, name);
  if (!w.ok()) return w.status();
  auto events = store->LoadAlertEvents(name, 0, limit);
  if (!events.ok()) return events.status();
  auto cited = LoadCited(store, events.value());
  if (!cited.ok()) return cited.status();
  if (format == "atom") return AtomEventFeed(w.value(), events.value(), cited.value(), base, self);
  return JsonEventFeed(w.value(), events.value(), cited.value(), base, self);
}

core::Result<std::string> WatchlistDeliveriesJson(store::Store* store, const std::string& name,
                                                  size_t limit) {
  auto w = Load(store, name);
  if (!w.ok()) return w.status();
  auto log = store->LoadDeliveries(name, limit);
  if (!log.ok()) return log.status();
  json arr = json::array();
  for (const auto& d : log.value())
    arr.push_back({{"event_id", d.event_id},
                   {"url", d.url},
                   {"state", d.state},
                   {"attempts", d.attempts},
                   {"next_attempt", d.next_attempt},
                   {"last_attempt", d.last_attempt},
                   {"last_status", d.last_status},
                   {"last_error", d.last_error}});
  return Dump({{"watchlist", w->name}, {"webhook", w->webhook}, {"deliveries", arr}});
}

}  // namespace wirebrief::server::detail
