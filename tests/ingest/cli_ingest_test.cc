// `wirebrief ingest`: the real binary on inputs written by the test; one JSON object per
// document or listed URL with exactly the documented fields.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "test_files.h"

namespace wirebrief::ingest {
namespace {

using Json = nlohmann::json;

struct CliRun {
  int exit_code = -1;
  std::vector<Json> lines;
  std::string err;
};

CliRun Ingest(const testing::TempDir& dir, const std::string& args) {
  const char* bin = std::getenv("WB_BINARY");
  std::string err_path = dir.path() + "/stderr.txt";
  std::string cmd = std::string("'") + (bin ? bin : "build/wirebrief") + "' ingest " +
                    args + " 2>'" + err_path + "'";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t eol = out.find('\n', pos);
    r.lines.push_back(Json::parse(out.substr(pos, eol - pos)));
    pos = eol + 1;
  }
  std::ifstream e(err_path);
  r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
  return r;
}

std::string WarcResponse(const std::string& uri, const std::string& html) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + html;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" +
         uri.substr(uri.size() - 2) +
         ">\r\nWARC-Date: 2026-11-06T05:00:00Z\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

}  // namespace

TEST(IngestCliTest, PrintsOneObjectPerDocumentAndListedUrl) {
  testing::TempDir dir;
  std::string m1 = testing::GzipMember(WarcResponse("https://p.test/a1", "<p>caf\xE9</p>"));
  std::string m2 = testing::GzipMember(WarcResponse("https://p.test/a2", "<p>two</p>"));
  std::string warc = dir.Write("crawl.warc.gz", m1 + m2);
  std::string feed = dir.Write(
      "feed.xml", R"(<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>P</title><item><title>Full</title><link>https://p.test/f1</link><guid>g1</guid>
<pubDate>Fri, 06 Nov 2026 08:00:00 GMT</pubDate><content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded></item>
</channel></rss>)");
  std::string list =
      dir.Write("list.txt", "# inputs\n" + dir.Write("page.html", "<p>hello</p>") + "\n");
  CliRun r = Ingest(dir, "'" + warc + "' '" + feed + "' -i '" + list + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.lines.size(), 5u);
  EXPECT_EQ(r.lines[0],
            Json::parse(R"({"url":"https://p.test/a1","kind":"html","origin":")" + warc +
                        ":0:" + std::to_string(m1.size()) +
                        R"(","record_id":"<urn:uuid:a1>","crawl_date":"2026-11-06T05:00:00Z",)"
                        R"("charset":"windows-1252","charset_source":"http","bytes":12})"));
  EXPECT_EQ(r.lines[1]["origin"],
            warc + ":" + std::to_string(m1.size()) + ":" + std::to_string(m2.size()));
  // The feed's item is listed (feed_item reference) and, carrying content, is also a document.
  EXPECT_EQ(
      r.lines[2],
      Json::parse(R"({"url":"https://p.test/f1","kind":"feed_item","origin":")" + feed +
                  R"(","record_id":"g1","date":"2026-11-06T08:00:00+00:00","title":"Full"})"));
  EXPECT_EQ(r.lines[3]["kind"], "feed_item");
  EXPECT_EQ(r.lines[3]["bytes"], 11);
  EXPECT_EQ(r.lines[3]["charset"], "utf-8");
  EXPECT_EQ(r.lines[4]["kind"], "html");
  EXPECT_FALSE(r.lines[4].contains("record_id"));  // absent fields are omitted
}

TEST(IngestCliTest, BrokenRecordIsNamedAndExitIsOne) {
  testing::TempDir dir;
  std::string m1 = testing::GzipMember(WarcResponse("https://p.test/a1", "<p>one</p>"));
  std::string m2 = testing::GzipMember(WarcResponse("https://p.test/a2", "<p>two</p>"));
  std::string bad = m1;
  for (size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x33);
  std::string warc = dir.Write("cc.warc.gz", m2 + bad + m2);
  CliRun r = Ingest(dir, "'" + warc + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.lines.size(), 2u);
  EXPECT_NE(r.err.find(warc + "@" + std::to_string(m2.size()) + ": bad gzip member"),
            std::string::npos)
      << r.err;
}

// Issue 26: link-less feed items, redirects, sitemap-index children and the charset's reason
// all show in `ingest`'s output, and none of them fails the run.
TEST(IngestCliTest, Issue26ClassesShowAndExitIsZero) {
  testing::TempDir dir;
  std::string moved =
      "HTTP/1.1 302 Found\r\nLocation: https://p.test/new\r\nContent-Length: 0\r\n\r\n";
  std::string warc =
      dir.Write("moved.warc",
                "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:m1>\r\n"
                "WARC-Target-URI: https://p.test/old\r\n"
                "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                    std::to_string(moved.size()) + "\r\n\r\n" + moved + "\r\n\r\n");
  std::string page = dir.Write("page.html", "<meta charset=koi8-r><p>x</p>");
  std::string feed = testing::FixturePath("feeds/atom_entries_without_link.xml");
  std::string index = testing::FixturePath("sitemaps/index_remote_children.xml");
  CliRun r = Ingest(dir, "'" + warc + "' '" + page + "' '" + feed + "' '" + index + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.lines.size(), 6u);
  EXPECT_EQ(r.lines[0],
            Json::parse(R"({"url":"https://p.test/old","kind":"redirect","origin":")" + warc +
                        ":0:" + std::to_string(std::filesystem::file_size(warc)) +
                        R"(","record_id":"<urn:uuid:m1>","status":302,)"
                        R"("location":"https://p.test/new"})"));
  EXPECT_EQ(r.lines[1]["charset"], "koi8-r");
  EXPECT_EQ(r.lines[1]["charset_source"], "meta");
  EXPECT_EQ(r.lines[2]["kind"], "feed_item");
  EXPECT_FALSE(r.lines[2].contains("url"));
  EXPECT_EQ(r.lines[2]["record_id"], "tag:kestrel-hill.test,2026:bulletin-88");
  EXPECT_EQ(r.lines[2]["title"], "Clear skies expected for the meteor shower");
  EXPECT_EQ(r.lines[3]["record_id"], "tag:kestrel-hill.test,2026:bulletin-89");
  EXPECT_EQ(r.lines[4]["kind"], "sitemap");
  EXPECT_EQ(r.lines[4]["url"], "https://moorland-gazette.test/sitemaps/news-2026-11.xml");
  EXPECT_EQ(r.lines[5]["kind"], "sitemap");
}

}  // namespace wirebrief::ingest
