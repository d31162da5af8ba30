// The HTTP API against a real server on 127.0.0.1 over the demo corpus plus the XSS fixture
// (tests/fixtures/server/xss), both run through the real pipeline into a fresh database.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
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

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A server on a free loopback port, serving until destroyed.
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

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* root = std::getenv("WB_SOURCE_DIR");
    root_ = root ? root : ".";
    tmp_ = fs::temp_directory_path() / ("wb_api_" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
    options_.db = (tmp_ / "demo.db").string();
    options_.max_body_bytes = 1 << 20;
    options_.threads = 4;
    auto store = store::OpenStore(options_.db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    pipeline::RunOptions run;
    run.jobs = 2;
    auto summary =
        pipeline::RunPipeline({root_ + "/data/demo", root_ + "/tests/fixtures/server/xss"},
                              store.value().get(), run, nullptr);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    ASSERT_GT(summary.value().stories, 1u);
    running_ = new RunningServer(options_);
    token_ = running_->server->new_token();
  }
  static void TearDownTestSuite() {
    delete running_;
    running_ = nullptr;
    fs::remove_all(tmp_);
  }

  static httplib::Client Client() { return httplib::Client("127.0.0.1", running_->server->port()); }

  // GET returning parsed JSON; fails the test unless the status is `want`.
  static json Get(const std::string& path, int want = 200) {
    auto res = Client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, want) << path << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(res->body, nullptr, false);
  }

  static std::vector<json> AllStories(const std::string& filter, size_t limit) {
    std::vector<json> out;
    std::string cursor;
    for (int guard = 0; guard < 100; ++guard) {
      json page = Get("/v1/stories?limit=" + std::to_string(limit) + filter +
                      (cursor.empty() ? "" : "&cursor=" + cursor));
      for (const auto& s : page["stories"]) out.push_back(s);
      if (page["next_cursor"].is_null()) break;
      cursor = page["next_cursor"];
    }
    return out;
  }

  static std::unique_ptr<store::Store> OpenStore() {
    return std::move(store::OpenStore(options_.db)).value();
  }

  static inline std::string root_;
  static inline fs::path tmp_;
  static inline server::ServerOptions options_;
  static inline RunningServer* running_ = nullptr;
  static inline std::string token_;
};

TEST_F(ApiTest, HealthReportsSchemaAndCounts) {
  json h = Get("/v1/health");
  auto counts = OpenStore()->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["schema_version"], 7);  // SQLite: watchlists (issue 24)
  EXPECT_EQ(h["articles"], counts.value().articles);
  EXPECT_EQ(h["stories"], counts.value().stories);
}

TEST_F(ApiTest, StoryCursorWalksEveryStoryOnceNewestFirst) {
  auto stored = OpenStore()->LoadStories();
  ASSERT_TRUE(stored.ok());
  std::vector<json> walked = AllStories("", 2);
  ASSERT_EQ(walked.size(), stored.value().size());
  for (size_t i = 0; i < walked.size(); ++i) {
    EXPECT_EQ(walked[i]["id"], stored.value()[i].story.id) << i;
    EXPECT_EQ(walked[i]["article_count"], stored.value()[i].story.article_ids.size());
    EXPECT_LE(walked[i]["independent_outlets"].get<int>(), walked[i]["outlet_count"].get<int>());
    if (i > 0) {
      EXPECT_GE(walked[i - 1]["last_published"].get<std::string>(),
                walked[i]["last_published"].get<std::string>());
    }
  }
}

TEST_F(ApiTest, StoryFiltersNarrowTheList) {
  std::vector<json> all = AllStories("", 50);
  ASSERT_GT(all.size(), 2u);
  const std::string outlet = all[0]["outlets"][0];
  std::vector<json> by_outlet =
      AllStories("&outlet=" + httplib::detail::encode_query_param(outlet), 50);
  ASSERT_FALSE(by_outlet.empty());
  EXPECT_LT(by_outlet.size(), all.size());
  for (const auto& s : by_outlet) {
    auto outlets = s["outlets"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(outlets.begin(), outlets.end(), outlet), outlets.end()) << s["id"];
  }
  // Entity: a name one story's article mentions; every story listed must have such an article.
  auto store = OpenStore();
  auto first = store->LoadStory(all[0]["id"]);
  ASSERT_TRUE(first.ok());
  auto art = store->LoadArticle(first.value().story.article_ids[0]);
  ASSERT_TRUE(art.ok());
  ASSERT_FALSE(art.value().annotations.mentions.empty());
  const std::string entity = art.value().annotations.mentions[0].name;
  std::vector<json> by_entity =
      AllStories("&entity=" + httplib::detail::encode_query_param(entity), 50);
  bool found_first = false;
  for (const auto& s : by_entity) {
    found_first |= s["id"] == all[0]["id"];
    auto rec = store->LoadStory(s["id"]);
    ASSERT_TRUE(rec.ok());
    bool mentions = false;
    for (const auto& id : rec.value().story.article_ids) {
      auto member = store->LoadArticle(id);
      ASSERT_TRUE(member.ok());
      for (const auto& m : member.value().annotations.mentions)
        mentions |= Lower(m.name) == Lower(entity);
    }
    EXPECT_TRUE(mentions) << s["id"] << " does not mention " << entity;
  }
  EXPECT_TRUE(found_first);
  // Dates: since excludes stories that ended before; until excludes those begun after.
  const std::string newest_day = all[0]["last_published"].get<std::string>().substr(0, 10);
  for (const auto& s : AllStories("&since=" + newest_day, 50))
    EXPECT_GE(s["last_published"].get<std::string>(), newest_day);
  for (const auto& s : AllStories("&until=2026-11-05", 50))
    EXPECT_LE(s["first_published"].get<std::string>().substr(0, 10), "2026-11-05");
  // Text: every listed story has an article containing the word.
  std::vector<json> by_text = AllStories("&q=wildfire", 50);
  ASSERT_FALSE(by_text.empty());
  EXPECT_LT(by_text.size(), all.size());
}

TEST_F(ApiTest, StoryCitationsResolveToTheCitedSentence) {
  auto store = OpenStore();
  size_t checked = 0;
  for (const auto& summary : AllStories("", 50)) {
    json s = Get("/v1/stories/" + summary["id"].get<std::string>());
    ASSERT_TRUE(s.contains("brief"));
    std::set<std::string> members;
    for (const auto& a : s["articles"]) members.insert(a["id"]);
    for (const auto& f : s["copy_families"])
      for (const auto& a : f["articles"])
        EXPECT_TRUE(members.count(a["id"])) << "family member outside the story";
    for (const auto& line : s["brief"]["lines"])
      for (const auto& c : line["citations"]) {
        auto a = store->LoadArticle(c["article_id"]);
        ASSERT_TRUE(a.ok());
        uint32_t b = c["char_start"], e = c["char_end"];
        ASSERT_LE(e, a.value().text.size());
        EXPECT_EQ(c["sentence"], a.value().text.substr(b, e - b));
        EXPECT_EQ(c["outlet"], core::OutletOf(a.value()));
        EXPECT_EQ(c["url"], a.value().url);
        ++checked;
      }
  }
  EXPECT_GT(checked, 20u);
}

TEST_F(ApiTest, ArticleCarriesMetadataSourcesAnnotationsAndProvenance) {
  json hits = Get("/v1/search?q=" + httplib::detail::encode_query_param("\"Quarry Road bridge\""));
  ASSERT_EQ(hits["hits"].size(), 1u);
  json a = Get("/v1/articles/" + hits["hits"][0]["id"].get<std::string>());
  EXPECT_EQ(a["site_name"], "Fenwick Valley Courier");
  EXPECT_EQ(a["field_sources"]["site_name"], "opengraph");
  EXPECT_FALSE(a["sentences"].empty());
  EXPECT_FALSE(a["entities"].empty());
  ASSERT_EQ(a["provenance"].size(), 1u);
  EXPECT_NE(a["provenance"][0]["source"].get<std::string>().find("quarry-road-closure.html"),
            std::string::npos);
  json missing = Get("/v1/articles/no-such-article", 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
}

TEST_F(ApiTest, SearchSyntaxPhraseOrExcludeAndOperators) {
  auto ids = [](const json& r) {
    std::set<std::string> s;
    for (const auto& h : r["hits"]) s.insert(h["id"]);
    return s;
  };
  auto store = OpenStore();
  auto text_of = [&](const std::string& id) {
    auto a = store->LoadArticle(id).value();
    return Lower(a.title + "\n" + a.text);
  };
  auto q = [](const std::string& text) {
    return "/v1/search?limit=200&q=" + httplib::detail::encode_query_param(text);
  };
  json phrase = Get(q("\"fire ban\""));
  ASSERT_FALSE(phrase["hits"].empty());
  for (const auto& id : ids(phrase))
    EXPECT_NE(text_of(id).find("fire ban"), std::string::npos) << id;
  auto fire = ids(Get(q("wildfire"))), bridge = ids(Get(q("bridge"))),
       either = ids(Get(q("wildfire OR bridge")));
  ASSERT_FALSE(fire.empty());
  ASSERT_FALSE(bridge.empty());
  for (const auto& id : fire) EXPECT_TRUE(either.count(id));
  for (const auto& id : bridge) EXPECT_TRUE(either.count(id));
  auto without = ids(Get(q("wildfire -homes")));
  EXPECT_LT(without.size(), fire.size());
  for (const auto& id : without) EXPECT_EQ(text_of(id).find("homes"), std::string::npos) << id;
  json by_outlet = Get(q("fire outlet:\"Metro Signal\""));
  ASSERT_FALSE(by_outlet["hits"].empty());
  for (const auto& h : by_outlet["hits"]) EXPECT_EQ(h["outlet"], "Metro Signal");
  json by_host = Get(q("fire outlet:eastbridgetimes.com"));
  ASSERT_FALSE(by_host["hits"].empty());
  for (const auto& h : by_host["hits"]) EXPECT_EQ(h["outlet"], "Eastbridge Times");
  EXPECT_TRUE(Get(q("wildfire lang:xx"))["hits"].empty());
  EXPECT_EQ(ids(Get(q("wildfire lang:en"))), fire);
  for (const auto& h : Get(q("wildfire since:2026-11-09"))["hits"])
    EXPECT_GE(h["date_published"].get<std::string>(), "2026-11-09");
  EXPECT_EQ(Get(q("wildfire since:yesterday"), 400)["error"]["code"], "bad_request");
  EXPECT_EQ(Get(q("-wildfire"), 400)["error"]["code"], "bad_request");
  // FTS5 syntax typed by a user is searched as text, never run as an operator.
  Get(q("title:NEAR(a b) AND ^x \"unbalanced"));
  // The snippet marks the matched word.
  json evacuated = Get(q("evacuated"));
  ASSERT_FALSE(evacuated["hits"].empty());
  for (const auto& h : evacuated["hits"]) {
    bool marked = false;
    for (const auto& seg : h["snippet"])
      marked |= seg["hit"].get<bool>() && Lower(seg["text"].get<std::string>()) == "evacuated";
    EXPECT_TRUE(marked) << h.dump();
  }
}

TEST_F(ApiTest, SearchSortsByRelevanceOrRecency) {
  auto ids = [](const json& r) {
    std::multiset<std::string> s;
    for (const auto& h : r["hits"]) s.insert(h["id"]);
    return s;
  };
  json relevant = Get("/v1/search?limit=200&q=fire");
  json recent = Get("/v1/search?limit=200&q=fire&sort=recent");
  EXPECT_EQ(ids(relevant), ids(recent));
  // The demo's matches are few enough for all of them to be ranked: no window to report.
  ASSERT_TRUE(relevant.contains("ranked_newest"));
  EXPECT_TRUE(relevant["ranked_newest"].is_null());
  // With a filter, "recent" keeps the same order, less the filtered-out articles.
  json english = Get("/v1/search?limit=200&sort=recent&q=" +
                     httplib::detail::encode_query_param("fire lang:en"));
  std::vector<std::string> all_order, en_order;
  for (const auto& h : recent["hits"])
    if (h["language"] == "en") all_order.push_back(h["id"]);
  for (const auto& h : english["hits"]) en_order.push_back(h["id"]);
  EXPECT_EQ(en_order, all_order);
  EXPECT_EQ(Get("/v1/search?q=fire&sort=best", 400)["error"]["code"], "bad_request");
}

TEST_F(ApiTest, SearchPagesWithCursor) {
  std::set<std::string> paged;
  std::string cursor;
  int pages = 0;
  while (pages++ < 50) {
    json r = Get("/v1/search?q=fire&limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& h : r["hits"])
      EXPECT_TRUE(paged.insert(h["id"]).second) << "repeated " << h["id"];
    if (r["next_cursor"].is_null()) break;
    cursor = r["next_cursor"];
  }
  EXPECT_GT(pages, 1);
  EXPECT_EQ(paged.size(), Get("/v1/search?q=fire&limit=200")["hits"].size());
}

TEST_F(ApiTest, FeedsEscapeArticleText) {
  auto atom = Client().Get("/v1/stories.atom?limit=100");
  ASSERT_TRUE(atom);
  EXPECT_EQ(atom->status, 200);
  EXPECT_EQ(atom->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  EXPECT_NE(atom->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  EXPECT_NE(atom->body.find("&lt;script&gt;window.__xss"), std::string::npos);
  EXPECT_EQ(atom->body.find("<script>"), std::string::npos);
  size_t entries = 0;
  for (size_t p = 0; (p = atom->body.find("<entry>", p)) != std::string::npos; ++p) ++entries;
  EXPECT_EQ(entries, AllStories("", 50).size());
  auto feed = Client().Get("/v1/search.json?q=bridge");
  ASSERT_TRUE(feed);
  json jf = json::parse(feed->body);
  EXPECT_EQ(jf["version"], "https://jsonfeed.org/version/1.1");
  ASSERT_FALSE(jf["items"].empty());
  for (const auto& it : jf["items"])
    EXPECT_EQ(it["url"].get<std::string>().rfind("http://127.0.0.1:", 0), 0u);
}

TEST_F(ApiTest, ErrorsAreJsonWithStatusCodes) {
  EXPECT_EQ(Get("/v1/nothing-here", 404)["error"]["code"], "not_found");
  EXPECT_EQ(Get("/v1/stories/no-such-story", 404)["error"]["code"], "not_found");
  EXPECT_EQ(Get("/v1/stories?limit=0", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(Get("/v1/stories?limit=ten", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(Get("/v1/stories?cursor=zz", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(Get("/v1/stories?since=11/03/2026", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(Get("/v1/search?q=" + std::string(2000, 'a'), 400)["error"]["code"], "limit_exceeded");
}

TEST_F(ApiTest, NoPathReachesTheFilesystem) {
  for (const char* path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fCMakeLists.txt",
        "/web/app.js", "/index.html/../../CMakeLists.txt", "/app.js%00.html",
        "/tests/package.json"}) {
    auto res = Client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " " << res->status;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << path;
  }
  auto page = Client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  auto js = Client().Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->body.find("innerHTML ="), std::string::npos);
}

// Responses are cached until the store changes; a change made through another connection (as
// a `wirebrief run` in another process would) must show on the next request.
TEST_F(ApiTest, CachedResponsesFollowChangesFromAnotherConnection) {
  auto writer = OpenStore();
  auto stored = writer->LoadStories();
  ASSERT_TRUE(stored.ok());
  ASSERT_FALSE(stored.value().empty());
  const std::string id = stored.value()[0].story.id;
  const std::string title = stored.value()[0].story.title;
  for (int i = 0; i < 2; ++i) {  // the second time from the cache
    EXPECT_EQ(Get("/v1/stories?limit=1")["stories"][0]["title"], title);
    EXPECT_EQ(Get("/v1/stories/" + id)["title"], title);
  }
  std::vector<store::StoryRecord> changed = stored.value();
  changed[0].story.title = "Retitled while the server was running";
  ASSERT_TRUE(writer->ReplaceStories(changed).ok());
  EXPECT_EQ(Get("/v1/stories?limit=1")["stories"][0]["title"], changed[0].story.title);
  EXPECT_EQ(Get("/v1/stories/" + id)["title"], changed[0].story.title);
  ASSERT_TRUE(writer->ReplaceStories(stored.value()).ok());
  EXPECT_EQ(Get("/v1/stories?limit=1")["stories"][0]["title"], title);
  EXPECT_EQ(Get("/v1/stories/" + id)["title"], title);
}

TEST_F(ApiTest, IngestNeedsTheTokenAndRunsThePipeline) {
  ASSERT_FALSE(token_.empty());
  const std::string page =
      "<html><head><title>Lighthouse keeper retires after forty years at Gullrock Point</title>"
      "<meta property=\"og:site_name\" content=\"Saltmarsh Weekly\"></head><body><article>"
      "<h1>Lighthouse keeper retires after forty years at Gullrock Point</h1>"
      "<p>The last resident keeper of the Gullrock Point lighthouse, Orrin Felgate, retired on "
      "Friday after forty "
      "years of tending the lamp, the harbour trust said.</p>"
      "<p>The trust will automate the light next spring and plans to open the keeper's cottage as "
      "a small museum "
      "about the coast's shipwrecks.</p></article></body></html>";
  auto none = Client().Post("/v1/ingest", page, "text/html");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(json::parse(none->body)["error"]["code"], "unauthorized");
  httplib::Headers wrong = {{"Authorization", "Bearer wb_not_the_token"}};
  EXPECT_EQ(Client().Post("/v1/ingest", wrong, page, "text/html")->status, 401);
  httplib::Headers right = {{"Authorization", "Bearer " + token_}};
  auto ok = Client().Post("/v1/ingest?name=gullrock.html", right, page, "text/html");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["articles_new"], 1);
  EXPECT_EQ(Get("/v1/search?q=Gullrock")["hits"].size(), 1u);
  auto again = Client().Post("/v1/ingest", right, page, "text/html");
  EXPECT_EQ(json::parse(again->body)["articles_known"], 1);
  auto big = Client().Post("/v1/ingest", right, std::string(2 << 20, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(json::parse(big->body, nullptr, false)["error"]["code"], "too_large");
  // Issue 29: without the token, an upload over the limit learns it needs one, not the limit.
  auto anonymous_big = Client().Post("/v1/ingest", std::string(2 << 20, 'x'), "text/plain");
  ASSERT_TRUE(anonymous_big);
  EXPECT_EQ(anonymous_big->status, 401);
  EXPECT_EQ(json::parse(anonymous_big->body, nullptr, false)["error"]["code"], "unauthorized");
}

// SSRF: the server fetches what a caller names, so it must not be turned on its own network.
TEST_F(ApiTest, IngestByUrlRefusesPrivateAddressesUnlessAllowed) {
  ASSERT_FALSE(token_.empty());
  httplib::Headers right = {{"Authorization", "Bearer " + token_}};
  // A page on loopback, as an intranet service would be.
  httplib::Server page_server;
  page_server.Get("/notice.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<html><head><title>Ferry timetable changes at Dunmore quay</title></head><body><article>"
        "<h1>Ferry timetable changes at Dunmore quay</h1><p>The Dunmore ferry will run every "
        "forty minutes from Monday while the quay is resurfaced, the harbour board said.</p>"
        "<p>The last crossing leaves at 22:10, an hour earlier than "
        "now.</p></article></body></html>",
        "text/html");
  });
  int port = page_server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread serving([&] { page_server.listen_after_bind(); });
  std::string target =
      "/v1/ingest?url=http%3A%2F%2F127.0.0.1%3A" + std::to_string(port) + "%2Fnotice.html";

  auto refused = Client().Post(target, right, "", "text/plain");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422) << refused->body;
  json r = json::parse(refused->body);
  EXPECT_EQ(r["documents_failed"], 1);
  EXPECT_EQ(r["articles_new"], 0);
  auto not_http =
      Client().Post("/v1/ingest?url=file%3A%2F%2F%2Fetc%2Fpasswd", right, "", "text/plain");
  ASSERT_TRUE(not_http);
  EXPECT_EQ(not_http->status, 400) << not_http->body;

  server::ServerOptions trusting = options_;
  trusting.allow_private_urls = true;
  RunningServer allowed(trusting);
  ASSERT_TRUE(allowed.server);
  httplib::Client c("127.0.0.1", allowed.server->port());
  auto fetched = c.Post(target, right, "", "text/plain");
  ASSERT_TRUE(fetched);
  EXPECT_EQ(fetched->status, 200) << fetched->body;
  EXPECT_EQ(json::parse(fetched->body)["articles_new"], 1) << fetched->body;
  page_server.stop();
  serving.join();
}

TEST_F(ApiTest, SourcesListTheWatchedSourcesWithTheirHealth) {
  json before = Get("/v1/sources");
  ASSERT_TRUE(before["sources"].is_array());
  auto st = OpenStore();
  store::SourceRecord s;
  s.url = "https://harbourpost.example/feed.xml";
  s.kind = "feed";
  s.consecutive_failures = 3;
  s.last_error = "https://harbourpost.example/feed.xml: HTTP 503";
  ASSERT_TRUE(st->PutSource(s).ok());
  json after = Get("/v1/sources");
  ASSERT_EQ(after["sources"].size(), before["sources"].size() + 1);
  bool found = false;
  for (const auto& j : after["sources"])
    if (j["url"] == s.url) {
      found = true;
      EXPECT_EQ(j["consecutive_failures"], 3);
      EXPECT_EQ(j["healthy"], false);
      EXPECT_EQ(j["last_error"], s.last_error);
    }
  EXPECT_TRUE(found);
  ASSERT_TRUE(st->RemoveSource(s.url).ok());
}

TEST_F(ApiTest, CorsIsOffUnlessConfigured) {
  httplib::Headers origin = {{"Origin", "http://elsewhere.example"}};
  auto res = Client().Get("/v1/health", origin);
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  server::ServerOptions options = options_;
  options.cors_origins = {"http://elsewhere.example"};
  RunningServer cors(options);
  httplib::Client c("127.0.0.1", cors.server->port());
  auto allowed = c.Get("/v1/health", origin);
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "http://elsewhere.example");
  httplib::Headers other = {{"Origin", "http://evil.example"}};
  EXPECT_FALSE(c.Get("/v1/health", other)->has_header("Access-Control-Allow-Origin"));
}

TEST_F(ApiTest, TokenIsCreatedOnceAndOnlyItsDigestStored) {
  server::ServerOptions options;
  options.db = (tmp_ / "token.db").string();
  options.port = 0;
  auto first = server::Server::Create(options);
  ASSERT_TRUE(first.ok());
  const std::string token = first.value()->new_token();
  EXPECT_EQ(token.rfind("wb_", 0), 0u);
  EXPECT_EQ(token.size(), 67u);
  first.value().reset();
  auto second = server::Server::Create(options);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second.value()->new_token().empty());
  auto stored = std::move(store::OpenStore(options.db)).value()->GetSetting("api_token_sha256");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored.value().find(token.substr(3)), std::string::npos);
  second.value().reset();
  options.new_token = true;
  auto rotated = server::Server::Create(options);
  ASSERT_TRUE(rotated.ok());
  EXPECT_NE(rotated.value()->new_token(), token);
  EXPECT_FALSE(rotated.value()->new_token().empty());
}

// Issue 27: the API says which language was not read, on the story (brief.languages_not_read)
// and on the article ("language_not_read", with no names, figures or dates): Polish, which the
// reader has no grammar for; German gets its own grammar's figures and no names.
TEST_F(ApiTest, StoryAndArticleSayWhenALanguageIsNotRead) {
  server::ServerOptions options = options_;
  options.db = (tmp_ / "languages.db").string();
  {
    auto store = store::OpenStore(options.db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    pipeline::RunOptions run;
    run.jobs = 1;
    auto summary = pipeline::RunPipeline({root_ + "/tests/fixtures/nlp/unread_languages.jsonl"},
                                         store.value().get(), run, nullptr);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  }
  RunningServer running(options);
  ASSERT_TRUE(running.server);
  httplib::Client c("127.0.0.1", running.server->port());
  auto get = [&](const std::string& path) {
    auto res = c.Get(path);
    EXPECT_TRUE(res && res->status == 200) << path;
    return res ? json::parse(res->body, nullptr, false) : json();
  };
  size_t polish = 0, german = 0;
  const json list = get("/v1/stories");
  for (const json& summary : list["stories"]) {
    json s = get("/v1/stories/" + summary["id"].get<std::string>());
    bool has_polish = false;
    for (const json& article : s["articles"]) {
      json a = get("/v1/articles/" + article["id"].get<std::string>());
      if (article["language"] == "pl") {
        has_polish = true;
        ++polish;
        EXPECT_EQ(a["language_not_read"], "pl");
        EXPECT_FALSE(a["sentences"].empty());
        for (const char* none : {"entities", "figures", "dates", "quotes"})
          EXPECT_TRUE(a[none].empty()) << none << ": " << a[none].dump();
        continue;
      }
      EXPECT_FALSE(a.contains("language_not_read")) << a.dump();
      EXPECT_FALSE(a["figures"].empty()) << a.dump();
      if (article["language"] == "de") {  // its own grammar's figures, no names
        ++german;
        EXPECT_TRUE(a["entities"].empty()) << a["entities"].dump();
      }
    }
    if (has_polish)
      EXPECT_EQ(s["brief"]["languages_not_read"], json::array({"pl"}));
    else
      EXPECT_FALSE(s["brief"].contains("languages_not_read")) << s.dump();
  }
  EXPECT_EQ(polish, 1u) << list.dump();
  EXPECT_EQ(german, 1u) << list.dump();
}

}  // namespace
}  // namespace wirebrief
