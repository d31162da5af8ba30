// The fetcher against a local HTTP server (tests/ingest/http_server.py on 127.0.0.1) that the
// test starts and stops; no outside network is used.
#include "ingest/fetch.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "test_files.h"

namespace wirebrief::ingest {
namespace {

class LocalServer {
 public:
  LocalServer() {
    const char* root = std::getenv("WB_SOURCE_DIR");
    std::string script = std::string(root ? root : ".") + "/tests/ingest/http_server.py";
    if (!std::filesystem::exists(script)) return;
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      execlp("python3", "python3", script.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    char buf[32] = {0};
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    if (n > 0) port_ = std::atoi(buf);
  }
  ~LocalServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool up() const { return port_ > 0; }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

FetchOptions Quick() {
  FetchOptions o;
  o.per_host_delay_ms = 0;
  o.timeout_ms = 5000;
  return o;
}

#define REQUIRE_SERVER(s) \
  if (!(s).up())          \
  GTEST_SKIP() << "python3 or tests/ingest/http_server.py missing: no local HTTP server"

}  // namespace

TEST(FetchTest, PageIsFetchedDecodedAndCarriesProvenance) {
  LocalServer server;
  REQUIRE_SERVER(server);
  IngestOptions o;
  o.fetch_options = Quick();
  auto got = testing::ReadAll({server.Url("/page.html"), server.Url("/redirect/2")}, o);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 2u);
  const core::RawDocument& d = got.docs[0];
  EXPECT_EQ(d.charset, "windows-1251");  // from the Content-Type header
  EXPECT_NE(d.content.find("Новости гавани"), std::string::npos);
  EXPECT_EQ(d.provenance.container, "http");
  EXPECT_EQ(d.provenance.http_status, 200);
  EXPECT_EQ(d.provenance.crawl_date.size(), 20u);         // "2026-11-23T16:00:00Z"
  EXPECT_EQ(got.docs[1].url, server.Url("/redirect/0"));  // the URL after redirects
}

TEST(FetchTest, UserAgentIsSentAndNamesWirebrief) {
  LocalServer server;
  REQUIRE_SERVER(server);
  Fetcher f(Quick());
  auto page = f.Fetch(server.Url("/ua"));
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_NE(page->body.find("wirebrief/"), std::string::npos) << page->body;
}

TEST(FetchTest, PaywallAndLegalBlocksAreRecordedOtherErrorsFail) {
  LocalServer server;
  REQUIRE_SERVER(server);
  IngestOptions o;
  o.fetch_options = Quick();
  auto got =
      testing::ReadAll({server.Url("/paywall"), server.Url("/legal"), server.Url("/missing")}, o);
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].provenance.http_status, 403);
  EXPECT_EQ(got.docs[1].provenance.http_status, 451);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].ToString(), server.Url("/missing") + ": HTTP 404");
}

TEST(FetchTest, RedirectLimitSizeCapAndTimeout) {
  LocalServer server;
  REQUIRE_SERVER(server);
  FetchOptions o = Quick();
  o.max_redirects = 3;
  o.max_bytes = 1 << 20;
  o.timeout_ms = 500;
  Fetcher f(o);
  auto loop = f.Fetch(server.Url("/loop"));
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.status().message().find("more than 3 redirects"), std::string::npos)
      << loop.status().ToString();
  EXPECT_TRUE(f.Fetch(server.Url("/redirect/3")).ok());
  auto big = f.Fetch(server.Url("/big"));
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), core::StatusCode::kLimitExceeded);
  auto slow = f.Fetch(server.Url("/slow"));
  ASSERT_FALSE(slow.ok());
  EXPECT_NE(slow.status().message().find("timed out"), std::string::npos)
      << slow.status().ToString();
}

TEST(FetchTest, RequestsToOneHostAreSpacedByTheDelay) {
  LocalServer server;
  REQUIRE_SERVER(server);
  FetchOptions o = Quick();
  o.per_host_delay_ms = 400;
  Fetcher f(o);
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(f.Fetch(server.Url("/ua")).ok());
  ASSERT_TRUE(f.Fetch(server.Url("/ua")).ok());
  ASSERT_TRUE(f.Fetch(server.Url("/ua")).ok());
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  EXPECT_GE(ms, 800);  // two waits of at least 400 ms
}

TEST(FetchTest, RemoteSitemapIndexIsFollowedIncludingGzip) {
  LocalServer server;
  REQUIRE_SERVER(server);
  IngestOptions o;
  o.fetch_options = Quick();
  DocumentStream s({server.Url("/sitemap_index.xml")}, o);
  auto got = testing::Drain(s);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  std::vector<std::string> pages;
  for (const auto& r : s.references())
    if (r.kind == "sitemap_url") pages.push_back(r.url);
  EXPECT_EQ(pages, (std::vector<std::string>{server.Url("/news/a"), server.Url("/news/b"),
                                             server.Url("/news/c")}));
}

TEST(FetchTest, UrlListMixesUrlsAndPathsAndSkipsComments) {
  LocalServer server;
  REQUIRE_SERVER(server);
  testing::TempDir dir;
  std::string local = dir.Write("saved.html", "<p>saved copy</p>");
  std::string list =
      dir.Write("urls.txt", "# morning run\n" + server.Url("/redirect/0") + "\n\n  " + local +
                                "  \r\n" + server.Url("/missing") + "\n");
  IngestOptions o;
  o.fetch_options = Quick();
  o.input_lists = {list};
  auto got = testing::ReadAll({}, o);
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].content, "<p>arrived</p>");
  EXPECT_EQ(got.docs[1].provenance.source, local);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].ToString().find("/missing"), std::string::npos);
}

TEST(FetchTest, FetchingOffMakesUrlsErrors) {
  IngestOptions o;
  o.fetch = false;
  auto got = testing::ReadAll({"https://news.invalid/a"}, o);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code(), core::StatusCode::kUnsupported);
}

}  // namespace wirebrief::ingest
