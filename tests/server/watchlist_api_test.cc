// The watchlist endpoints against a real server on 127.0.0.1: watchlists added before the demo
// corpus (plus the XSS fixture) runs through the real pipeline, so the events are the ones
// `run` makes; one hand-made event carries markup and bytes that are not UTF-8 into the feeds.
#include <gtest/gtest.h>
#include <httplib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "pipeline/pipeline.h"
#include "server/server.h"
#include "store/store.h"

namespace wirebrief {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct RunningServer {
  std::unique_ptr<server::Server> server;
  std::thread thread;
  explicit RunningServer(server::ServerOptions options) {
    options.port = 0;
    auto created = server::Server::Create(options);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    if (!created.ok()) return;
    server = std::move(created).value();
    thread = std::thread([this] { (void)server->Run(); });
    httplib::Client probe("127.0.0.1", server->port());
    for (int i = 0; i < 200 && !probe.Get("/v1/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~RunningServer() {
    if (!server) return;
    server->Stop();
    thread.join();
  }
};

store::WatchlistRecord Watchlist(const std::string& name, const std::string& query) {
  store::WatchlistRecord w;
  w.name = name;
  w.query = query;
  w.secret = "fixture-secret-" + name;
  w.created_at = "2026-11-01T00:00:00Z";
  return w;
}

// Children of `node` named `name` in the Atom namespace.
std::vector<xmlNode*> AtomChildren(xmlNode* node, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->ns != nullptr &&
        xmlStrEqual(c->ns->href, BAD_CAST "http://www.w3.org/2005/Atom") &&
        xmlStrEqual(c->name, BAD_CAST name))
      out.push_back(c);
  return out;
}

std::string Text(xmlNode* node) {
  xmlChar* t = xmlNodeGetContent(node);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* t = xmlGetProp(node, BAD_CAST name);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}

class WatchlistApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* root = std::getenv("WB_SOURCE_DIR");
    const std::string src = root ? root : ".";
    tmp_ = fs::temp_directory_path() / ("wb_watchlist_api_" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
    options_.db = (tmp_ / "demo.db").string();
    options_.threads = 4;
    auto opened = store::OpenStore(options_.db);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store::Store* st = opened.value().get();
    ASSERT_TRUE(st->PutWatchlist(Watchlist("strike", "\"port strike\" OR dockworkers")).ok());
    ASSERT_TRUE(st->PutWatchlist(Watchlist("quarry", "Quarry")).ok());
    ASSERT_TRUE(st->PutWatchlist(Watchlist("hostile", "nothing-in-the-demo-says-this")).ok());
    // A webhook nobody answers (the discard port): the run leaves its deliveries in the log.
    store::WatchlistRecord hooked = Watchlist("hooked", "Quarry");
    hooked.webhook = "http://127.0.0.1:9/wirebrief";
    ASSERT_TRUE(st->PutWatchlist(hooked).ok());
    pipeline::RunOptions run;
    run.jobs = 2;
    auto summary = pipeline::RunPipeline({src + "/data/demo", src + "/tests/fixtures/server/xss"},
                                         st, run, nullptr);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    // One event made by hand, as an update commits it: markup, a control character and bytes
    // that are not UTF-8 in the headline and a line, citing a real article.
    auto stories = st->LoadStories();
    ASSERT_TRUE(stories.ok() && !stories->empty());
    const store::StoryRecord& story = stories->front();
    store::AlertEvent e;
    e.watchlist = "hostile";
    e.story_id = story.story.id;
    e.kind = "revised";
    e.at = "2026-11-05T09:30:00Z";
    e.brief_version = story.brief.version;
    e.headline = "<b>Bold</b> & \"quoted\" \x01 caf\xC3 \xFF\xFE end";
    core::BriefLine line;
    line.section = core::BriefSection::kWhatsNext;
    line.text = "Talks </content><script>x</script> resume \xED\xA0\x80 Thursday";
    line.citations.push_back({story.story.article_ids.front(), {0, 40}});
    e.lines.push_back(line);
    e.new_outlets = {"Example <Wire>"};
    e.independent_outlets = 2;
    int64_t through = 0, generation = 0;
    auto state = st->LoadEngineState(&through, &generation);
    ASSERT_TRUE(state.ok()) << state.status().ToString();
    store::StoryUpdate update;
    update.engine_state = state.value();
    update.clustered_through = through;
    update.built_on_generation = generation;
    update.events.push_back(e);
    ASSERT_TRUE(st->CommitStoryUpdate(update).ok());
    running_ = new RunningServer(options_);
    token_ = running_->server->new_token();
  }
  static void TearDownTestSuite() {
    delete running_;
    running_ = nullptr;
    fs::remove_all(tmp_);
  }

  static httplib::Client Client() { return httplib::Client("127.0.0.1", running_->server->port()); }
  static httplib::Headers Auth() { return {{"Authorization", "Bearer " + token_}}; }

  static json Get(const std::string& path, int want = 200) {
    auto res = Client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, want) << path << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(res->body, nullptr, false);
  }

  static std::unique_ptr<store::Store> OpenStore() {
    return std::move(store::OpenStore(options_.db)).value();
  }

  static inline fs::path tmp_;
  static inline server::ServerOptions options_;
  static inline RunningServer* running_ = nullptr;
  static inline std::string token_;
};

TEST_F(WatchlistApiTest, CreateChecksTheTokenBeforeTheBody) {
  // Not JSON and a bad name: still 401, so an unauthenticated caller learns nothing.
  auto res = Client().Post("/v1/watchlists", "{not json", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "unauthorized");
  res = Client().Post("/v1/watchlists", {{"Authorization", "Bearer wb_not_the_token"}},
                      R"({"name": "x", "query": "fire"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(OpenStore()->LoadWatchlist("x").status().code(), core::StatusCode::kNotFound);
}

TEST_F(WatchlistApiTest, CreateAnswersTheRecordWithItsSecretOnce) {
  auto res = Client().Post("/v1/watchlists", Auth(),
                           R"({"name": "bushfire", "query": "bushfire OR fire",
                               "webhook": "https://hooks.example.org/wirebrief"})",
                           "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  json made = json::parse(res->body);
  EXPECT_EQ(made["name"], "bushfire");
  EXPECT_EQ(made["query"], "bushfire OR fire");
  EXPECT_EQ(made["webhook"], "https://hooks.example.org/wirebrief");
  EXPECT_EQ(made["created"], true);
  const std::string secret = made["secret"];
  EXPECT_EQ(secret.size(), 64u);
  EXPECT_EQ(res->get_header_value("Location"), "/v1/watchlists/bushfire");
  auto stored = OpenStore()->LoadWatchlist("bushfire");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->secret, secret);

  // Replacing keeps the secret (receivers keep verifying) and the creation time.
  res = Client().Post("/v1/watchlists", Auth(), R"({"name": "bushfire", "query": "bushfire"})",
                      "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json replaced = json::parse(res->body);
  EXPECT_EQ(replaced["created"], false);
  EXPECT_EQ(replaced["secret"], secret);
  EXPECT_EQ(replaced["created_at"], made["created_at"]);
  EXPECT_EQ(replaced["webhook"], "");

  // The list shows it, new query and all, and never a secret.
  auto list = Client().Get("/v1/watchlists");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->body.find(secret), std::string::npos);
  EXPECT_EQ(list->body.find("fixture-secret"), std::string::npos);
  EXPECT_EQ(list->body.find("secret"), std::string::npos);
  std::vector<std::string> names;
  const json listed = json::parse(list->body);
  for (const auto& w : listed["watchlists"]) {
    names.push_back(w["name"]);
    if (w["name"] == "bushfire") {
      EXPECT_EQ(w["query"], "bushfire");
    }
    EXPECT_TRUE(w.contains("created_at") && w.contains("webhook")) << w.dump();
  }
  EXPECT_EQ(names, (std::vector<std::string>{"bushfire", "hooked", "hostile", "quarry", "strike"}));
}

TEST_F(WatchlistApiTest, CreateRefusesBadInputNamingTheProblem) {
  struct Case {
    std::string body;
    std::string says;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"name": "bad name", "query": "fire"})", "only letters, digits"},
           {R"({"name": "", "query": "fire"})", "1 to 64"},
           {R"({"name": "refused-1", "query": "fire since:yesterday"})",
            "query: since wants a date like 2026-11-03"},
           {R"({"name": "refused-7", "query": "-fire -smoke"})",
            "at least one term that is not excluded"},
           {R"({"name": "refused-2", "query": "conflict:maybe"})", "conflict: wants yes or no"},
           {R"({"name": "refused-3", "query": "entity:"})", "entity: needs a name"},
           {R"({"name": "refused-4", "query": ""})", "query"},
           {R"({"name": "refused-5", "query": "fire", "webhook": "ftp://files.example.org/"})",
            "not an http(s) URL"},
           {R"({"name": "refused-6", "query": 7})", "query must be a string"},
           {R"(["name", "query"])", "JSON object"}}) {
    auto res = Client().Post("/v1/watchlists", Auth(), c.body, "application/json");
    ASSERT_TRUE(res) << c.body;
    EXPECT_EQ(res->status, 400) << c.body << "\n" << res->body;
    json err = json::parse(res->body, nullptr, false);
    EXPECT_EQ(err["error"]["code"], "bad_request") << res->body;
    EXPECT_NE(err["error"]["message"].get<std::string>().find(c.says), std::string::npos)
        << c.body << " -> " << res->body;
  }
  auto all = OpenStore()->ListWatchlists();
  ASSERT_TRUE(all.ok());
  for (const auto& w : all.value()) EXPECT_NE(w.name.rfind("refused-", 0), 0u) << w.name;
}

TEST_F(WatchlistApiTest, EventsAreTheOnesTheRunMadeNewestFirst) {
  json page = Get("/v1/watchlists/strike/events?limit=50");
  EXPECT_EQ(page["watchlist"], "strike");
  EXPECT_EQ(page["query"], "\"port strike\" OR dockworkers");
  ASSERT_FALSE(page["events"].empty()) << page.dump();
  auto stored = OpenStore()->LoadAlertEvents("strike", 0, 50);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(page["events"].size(), stored->size());
  std::set<std::string> kinds;
  for (size_t i = 0; i < stored->size(); ++i) {
    const json& e = page["events"][i];
    EXPECT_EQ(e["id"], (*stored)[i].id);
    EXPECT_EQ(e["story_id"], (*stored)[i].story_id);
    EXPECT_EQ(e["headline"], (*stored)[i].headline);
    EXPECT_EQ(e["lines"].size(), (*stored)[i].lines.size());
    if (i > 0) {
      EXPECT_LT(e["id"].get<int64_t>(), page["events"][i - 1]["id"].get<int64_t>());
    }
    kinds.insert(e["kind"]);
    // The story behind the event is one the API serves.
    Get("/v1/stories/" + e["story_id"].get<std::string>());
  }
  EXPECT_TRUE(kinds.count("new")) << page.dump();
  EXPECT_FALSE(page["events"][0]["headline"].get<std::string>().empty());

  // Paging with before= walks the same events.
  std::vector<int64_t> walked;
  std::string next = "";
  for (int guard = 0; guard < 50; ++guard) {
    json p = Get("/v1/watchlists/strike/events?limit=1" + (next.empty() ? "" : "&before=" + next));
    for (const auto& e : p["events"]) walked.push_back(e["id"]);
    if (p["next_before"].is_null()) break;
    next = std::to_string(p["next_before"].get<int64_t>());
  }
  ASSERT_EQ(walked.size(), stored->size());
  for (size_t i = 0; i < walked.size(); ++i) EXPECT_EQ(walked[i], (*stored)[i].id);

  Get("/v1/watchlists/nobody/events", 404);
  Get("/v1/watchlists/strike/events?before=x", 400);
  Get("/v1/watchlists/strike/events?limit=0", 400);
}

TEST_F(WatchlistApiTest, AtomFeedIsWellFormedAtomWithOneEntryPerEvent) {
  for (const std::string name : {"strike", "quarry", "hostile"}) {
    auto res = Client().Get("/v1/watchlists/" + name + "/feed.atom");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    // XML_PARSE_NONET and no recovery: a byte out of place fails the parse.
    xmlDoc* doc = xmlReadMemory(res->body.data(), static_cast<int>(res->body.size()), "feed.atom",
                                nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ASSERT_NE(doc, nullptr) << name << "\n" << res->body;
    xmlNode* feed = xmlDocGetRootElement(doc);
    ASSERT_TRUE(xmlStrEqual(feed->name, BAD_CAST "feed"));
    ASSERT_NE(feed->ns, nullptr);
    EXPECT_TRUE(xmlStrEqual(feed->ns->href, BAD_CAST "http://www.w3.org/2005/Atom"));
    EXPECT_EQ(AtomChildren(feed, "id").size(), 1u);
    EXPECT_EQ(Text(AtomChildren(feed, "title").at(0)), "wirebrief watchlist " + name);
    EXPECT_EQ(AtomChildren(feed, "updated").size(), 1u);
    bool self = false;
    for (xmlNode* l : AtomChildren(feed, "link"))
      if (Attr(l, "rel") == "self")
        self = Attr(l, "href").ends_with("/v1/watchlists/" + name + "/feed.atom");
    EXPECT_TRUE(self);
    auto events = OpenStore()->LoadAlertEvents(name, 0, 20);
    ASSERT_TRUE(events.ok());
    auto entries = AtomChildren(feed, "entry");
    ASSERT_EQ(entries.size(), events->size()) << name;
    ASSERT_FALSE(entries.empty()) << name;
    for (size_t i = 0; i < entries.size(); ++i) {
      const store::AlertEvent& e = (*events)[i];
      EXPECT_EQ(Text(AtomChildren(entries[i], "id").at(0)),
                "urn:wirebrief:event:" + std::to_string(e.id));
      EXPECT_EQ(Text(AtomChildren(entries[i], "updated").at(0)), e.at);
      const std::string title = Text(AtomChildren(entries[i], "title").at(0));
      EXPECT_EQ(title.rfind("[" + e.kind + "] ", 0), 0u) << title;
      const std::string link = Attr(AtomChildren(entries[i], "link").at(0), "href");
      EXPECT_TRUE(link.ends_with("/#/story/" + e.story_id)) << link;
      xmlNode* content = AtomChildren(entries[i], "content").at(0);
      EXPECT_EQ(Attr(content, "type"), "html");
      // The content is HTML as text: the lines, and the cited sentences behind them.
      const std::string html = Text(content);
      for (const auto& l : e.lines) {
        if (l.text.find_first_of("<&\"'") == std::string::npos) {
          EXPECT_NE(html.find(l.text), std::string::npos) << l.text << "\n" << html;
        }
      }
      if (!e.lines.empty() && !e.lines[0].citations.empty()) {
        EXPECT_NE(html.find("<blockquote>"), std::string::npos) << html;
      }
    }
    if (name == "hostile") {
      // Markup in the data stays text: escaped once for the HTML, once more for the XML.
      const std::string title = Text(AtomChildren(entries[0], "title").at(0));
      EXPECT_EQ(title.rfind("[revised] <b>Bold</b> & \"quoted\"", 0), 0u) << title;
      EXPECT_NE(title.find("caf\xEF\xBF\xBD"), std::string::npos) << title;
      const std::string html = Text(AtomChildren(entries[0], "content").at(0));
      EXPECT_NE(html.find("&lt;/content&gt;&lt;script&gt;"), std::string::npos) << html;
      EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
      EXPECT_NE(html.find("Example &lt;Wire&gt;"), std::string::npos) << html;
    }
    xmlFreeDoc(doc);
  }
  auto missing = Client().Get("/v1/watchlists/nobody/feed.atom");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(WatchlistApiTest, JsonFeedHasVersionTitleAndItems) {
  auto res = Client().Get("/v1/watchlists/strike/feed.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/feed+json; charset=utf-8");
  json feed = json::parse(res->body, nullptr, false);
  ASSERT_FALSE(feed.is_discarded()) << res->body;
  EXPECT_EQ(feed["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(feed["title"], "wirebrief watchlist strike");
  EXPECT_TRUE(feed["feed_url"].get<std::string>().ends_with("/v1/watchlists/strike/feed.json"));
  auto events = OpenStore()->LoadAlertEvents("strike", 0, 20);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(feed["items"].size(), events->size());
  for (size_t i = 0; i < events->size(); ++i) {
    const json& item = feed["items"][i];
    const store::AlertEvent& e = (*events)[i];
    EXPECT_EQ(item["id"], "urn:wirebrief:event:" + std::to_string(e.id));
    EXPECT_EQ(item["title"], "[" + e.kind + "] " + e.headline);
    EXPECT_EQ(item["date_published"], e.at);
    EXPECT_TRUE(item["url"].get<std::string>().ends_with("/#/story/" + e.story_id));
    for (const auto& l : e.lines)
      EXPECT_NE(item["content_text"].get<std::string>().find(l.text), std::string::npos) << l.text;
    EXPECT_EQ(item["_wirebrief"]["id"], e.id);
  }
  // Bytes that are not UTF-8 do not break the JSON either.
  auto hostile = Client().Get("/v1/watchlists/hostile/feed.json");
  ASSERT_TRUE(hostile);
  json h = json::parse(hostile->body, nullptr, false);
  ASSERT_FALSE(h.is_discarded());
  EXPECT_EQ(h["items"].size(), 1u);
}

TEST_F(WatchlistApiTest, DeliveriesListTheWebhookLog) {
  json log = Get("/v1/watchlists/strike/deliveries");
  EXPECT_EQ(log["watchlist"], "strike");
  EXPECT_TRUE(log["deliveries"].empty());  // no webhook: nothing to deliver
  Get("/v1/watchlists/nobody/deliveries", 404);

  // One delivery per event of the watchlist with a webhook, as the store logs it.
  json hooked = Get("/v1/watchlists/hooked/deliveries");
  EXPECT_EQ(hooked["webhook"], "http://127.0.0.1:9/wirebrief");
  auto events = OpenStore()->LoadAlertEvents("hooked", 0, 20);
  auto stored = OpenStore()->LoadDeliveries("hooked", 20);
  ASSERT_TRUE(events.ok() && stored.ok());
  ASSERT_FALSE(events->empty());
  ASSERT_EQ(hooked["deliveries"].size(), events->size());
  ASSERT_EQ(hooked["deliveries"].size(), stored->size());
  for (size_t i = 0; i < stored->size(); ++i) {
    const json& d = hooked["deliveries"][i];
    EXPECT_EQ(d["event_id"], (*stored)[i].event_id);
    EXPECT_EQ(d["url"], "http://127.0.0.1:9/wirebrief");
    EXPECT_EQ(d["state"], (*stored)[i].state);
    EXPECT_EQ(d["attempts"], (*stored)[i].attempts);
    EXPECT_EQ(d["next_attempt"], (*stored)[i].next_attempt);
  }
}

TEST_F(WatchlistApiTest, DeleteNeedsTheTokenThenAnswers204Then404) {
  auto res = Client().Post("/v1/watchlists", Auth(), R"({"name": "short-lived", "query": "quake"})",
                           "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201);
  Get("/v1/watchlists/short-lived/events");  // cached now; the delete must show anyway
  res = Client().Delete("/v1/watchlists/short-lived");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  res = Client().Delete("/v1/watchlists/short-lived", Auth());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_TRUE(res->body.empty());
  res = Client().Delete("/v1/watchlists/short-lived", Auth());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_found");
  Get("/v1/watchlists/short-lived/events", 404);
  const json listed = Get("/v1/watchlists");
  ASSERT_TRUE(listed["watchlists"].is_array());
  for (const auto& w : listed["watchlists"]) EXPECT_NE(w["name"], "short-lived");
}

}  // namespace
}  // namespace wirebrief
