// `wirebrief watch` and `wirebrief sources` as a user runs them: the real binary against the
// local news web (tests/support/news_web.h) on 127.0.0.1.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "news_web.h"
#include "pipeline/alerts.h"

namespace wirebrief {
namespace {

using testing::NewsWeb;

std::string Binary() {
  const char* b = std::getenv("WB_BINARY");
  return b ? b : "build/wirebrief";
}

struct Ran {
  int status = -1;
  std::string out, err;
};

// Runs the binary with `args`; stdout and stderr captured through temp files.
Ran RunCli(const std::vector<std::string>& args, const std::string& tmp) {
  std::string cmd = Binary();
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " >" + tmp + ".out 2>" + tmp + ".err";
  Ran r;
  int rc = std::system(cmd.c_str());
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::ifstream o(tmp + ".out"), e(tmp + ".err");
  std::stringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  return r;
}

class WatchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("wb-watch-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "w.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

#define REQUIRE_WEB(web) \
  if (!(web).ok()) GTEST_SKIP() << "could not start the local news web on 127.0.0.1"

TEST_F(WatchCliTest, OnceStoresTheNewsAndSourcesListShowsHealth) {
  NewsWeb web({.sites = 2, .articles_per_site = 3});
  REQUIRE_WEB(web);
  std::string list = (dir_ / "sources.txt").string();
  std::ofstream(list) << "# followed outlets\n" << web.Url(1, "/news-sitemap.xml") << "\n\n";
  Ran once = RunCli({"watch", "--db", db_, "--once", "-q", "--delay", "0", "-i", list,
                  web.Url(0, "/feed.xml")},
                 (dir_ / "once").string());
  EXPECT_EQ(once.status, 0) << once.err;
  EXPECT_NE(once.out.find("round 1: sources polled 2"), std::string::npos) << once.out;
  EXPECT_NE(once.out.find("pages fetched 6"), std::string::npos) << once.out;
  EXPECT_NE(once.out.find("articles new 6"), std::string::npos) << once.out;

  Ran listed = RunCli({"sources", "list", "--db", db_, "--format", "json"}, (dir_ / "list").string());
  ASSERT_EQ(listed.status, 0) << listed.err;
  auto j = nlohmann::json::parse(listed.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << listed.out;
  ASSERT_EQ(j.size(), 2u);
  for (const auto& s : j) {
    EXPECT_EQ(s["last_outcome"], "fetched") << s.dump();
    EXPECT_EQ(s["consecutive_failures"], 0);
    EXPECT_EQ(s["articles_stored"], 3);
  }
  Ran show = RunCli({"show", "--db", db_}, (dir_ / "show").string());
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("## "), std::string::npos);

  // A source that fails: exit status 1 and the failure on stderr with its URL.
  Ran add = RunCli({"sources", "add", "--db", db_, web.Url(0, "/missing-feed.xml")},
                (dir_ / "add").string());
  EXPECT_EQ(add.status, 0) << add.err;
  Ran failing = RunCli({"watch", "--db", db_, "--once", "-q", "--delay", "0"}, (dir_ / "fail").string());
  EXPECT_EQ(failing.status, 1) << failing.out;
  EXPECT_NE(failing.err.find("/missing-feed.xml"), std::string::npos) << failing.err;
  Ran removed = RunCli({"sources", "remove", "--db", db_, web.Url(0, "/missing-feed.xml")},
                    (dir_ / "rm").string());
  EXPECT_EQ(removed.status, 0) << removed.err;
  Ran unknown = RunCli({"sources", "remove", "--db", db_, "https://nowhere.example/feed"},
                    (dir_ / "rm2").string());
  EXPECT_EQ(unknown.status, 1);
}

TEST_F(WatchCliTest, UsageErrorsExitTwo) {
  Ran none = RunCli({"watch", "--db", db_, "--once"}, (dir_ / "none").string());
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("no sources"), std::string::npos) << none.err;
  Ran bad = RunCli({"watch", "--db", db_, "--once", "ftp://example.org/feed"}, (dir_ / "bad").string());
  EXPECT_EQ(bad.status, 2);
  Ran every = RunCli({"watch", "--db", db_, "--every", "soon", "https://x.example/feed"},
                  (dir_ / "every").string());
  EXPECT_EQ(every.status, 2);
}

TEST_F(WatchCliTest, SigtermStopsTheLoopAndTheNextStartResumes) {
  NewsWeb web({.sites = 1, .articles_per_site = 2});
  REQUIRE_WEB(web);
  std::string out = (dir_ / "loop.out").string();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen((out + ".err").c_str(), "w", stderr);
    execl(Binary().c_str(), "wirebrief", "watch", "--db", db_.c_str(), "-q", "--delay", "0",
          "--every", "1s", web.Url(0, "/feed.xml").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for the first round's line, then ask it to stop.
  bool saw_round = false;
  for (int i = 0; i < 300 && !saw_round; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream f(out);
    std::string line;
    while (std::getline(f, line)) saw_round |= line.rfind("round 1:", 0) == 0;
  }
  EXPECT_TRUE(saw_round);
  kill(pid, SIGTERM);
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 100 && !exited; ++i) {
    exited = waitpid(pid, &status, WNOHANG) == pid;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(exited) << "watch did not stop within 5 s of SIGTERM";
  EXPECT_TRUE(WIFEXITED(status)) << "killed by a signal instead of stopping";
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // Nothing stored is lost; a new start goes on (the source is not due: nothing refetched).
  web.AddArticle(0);
  Ran again = RunCli({"watch", "--db", db_, "--once", "--force", "-q", "--delay", "0"},
                  (dir_ / "again").string());
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find("articles new 1"), std::string::npos) << again.out;
}

// Issue 24 end to end: a watchlist added on the command line reports the stories a
// `watch --once` round stores, to its events (the feeds' source) and to its webhook, signed with
// the secret `watchlist add` printed.
TEST_F(WatchCliTest, AWatchlistReportsARoundsStoriesToItsEventsAndItsWebhook) {
  NewsWeb web({.sites = 2, .articles_per_site = 3});
  REQUIRE_WEB(web);
  httplib::Server receiver;
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> posts;  // (signature, body)
  receiver.Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    posts.emplace_back(req.get_header_value("X-Wirebrief-Signature"), req.body);
    res.status = 204;
  });
  int port = receiver.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread serving([&] { receiver.listen_after_bind(); });
  while (!receiver.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const std::string hook = "http://127.0.0.1:" + std::to_string(port) + "/hook";

  Ran added = RunCli({"watchlist", "add", "--db", db_, "everything", "since:2000-01-01",
                      "--webhook", hook},
                     (dir_ / "add").string());
  ASSERT_EQ(added.status, 0) << added.err;
  size_t at = added.out.find("X-Wirebrief-Signature): ");
  ASSERT_NE(at, std::string::npos) << added.out;
  std::string secret = added.out.substr(at + 24);
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == ' ')) secret.pop_back();
  EXPECT_EQ(secret.size(), 64u) << added.out;
  Ran bad = RunCli({"watchlist", "add", "--db", db_, "bad name", "dam"}, (dir_ / "bad").string());
  EXPECT_EQ(bad.status, 2);

  Ran once = RunCli({"watch", "--db", db_, "--once", "-q", "--delay", "0", web.Url(0, "/feed.xml"),
                     web.Url(1, "/feed.xml")},
                    (dir_ / "once").string());
  ASSERT_EQ(once.status, 0) << once.err;
  EXPECT_NE(once.out.find("watchlist events "), std::string::npos) << once.out;
  Ran events = RunCli({"watchlist", "events", "--db", db_, "everything", "--format", "json"},
                      (dir_ / "events").string());
  ASSERT_EQ(events.status, 0) << events.err;
  std::vector<nlohmann::json> lines;
  std::istringstream in(events.out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_FALSE(lines.empty()) << once.out;
  std::set<std::string> stories;
  for (const auto& e : lines) {
    EXPECT_EQ(e["kind"], "new") << e.dump();
    EXPECT_FALSE(e["lines"].empty()) << e.dump();
    stories.insert(e["story_id"].get<std::string>());
  }
  EXPECT_EQ(stories.size(), lines.size());  // one event per story
  receiver.stop();
  serving.join();
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(posts.size(), lines.size()) << once.out << once.err;
  for (const auto& [signature, body] : posts) {
    EXPECT_EQ(signature, pipeline::WebhookSignature(secret, body));
    EXPECT_NE(body.find("\"watchlist\":\"everything\""), std::string::npos) << body;
  }
}

}  // namespace
}  // namespace wirebrief
