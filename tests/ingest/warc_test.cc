#include <gtest/gtest.h>

#include "test_files.h"

namespace wirebrief::ingest {
namespace {

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 4) +
         ">\r\nWARC-Date: 2026-11-04T08:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& body, const std::string& ct = "text/html; charset=utf-8", int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + ct + "\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST(WarcReaderTest, ReadsResponsesSkipsOtherRecordsKeepsProvenance) {
  testing::TempDir dir;
  std::string info = Record("warcinfo", "urn:x:info", "software: test\r\n", "application/warc-fields");
  std::string req = Record("request", "https://a.test/p1", "GET /p1 HTTP/1.1\r\n\r\n", "application/http; msgtype=request");
  std::string r1 = Record("response", "https://a.test/p1", Http("<html><body><p>one</p></body></html>"));
  std::string img = Record("response", "https://a.test/logo", Http("\x89PNG", "image/png"));
  std::string r2 = Record("response", "https://a.test/p2", Http("<p>caf\xE9</p>", "text/html; charset=iso-8859-1"));
  std::string m0 = testing::GzipMember(info), m1 = testing::GzipMember(req), m2 = testing::GzipMember(r1),
              m3 = testing::GzipMember(img), m4 = testing::GzipMember(r2);
  std::string path = dir.Write("crawl.bin", m0 + m1 + m2 + m3 + m4);
  auto got = testing::ReadAll({path});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 2u);
  const auto& d = got.docs[0];
  EXPECT_EQ(d.url, "https://a.test/p1");
  EXPECT_EQ(d.provenance.container, "warc");
  EXPECT_EQ(d.provenance.offset, m0.size() + m1.size());
  EXPECT_EQ(d.provenance.length, m2.size());
  EXPECT_EQ(d.provenance.crawl_date, "2026-11-04T08:00:00Z");
  EXPECT_EQ(d.provenance.http_status, 200);
  EXPECT_EQ(d.content, "<html><body><p>one</p></body></html>");
  EXPECT_EQ(got.docs[1].content, "<p>caf\xC3\xA9</p>");  // charset from the HTTP header
}

TEST(WarcReaderTest, CorruptMemberIsReportedWithOffsetAndReadingResumes) {
  testing::TempDir dir;
  std::string m1 = testing::GzipMember(Record("response", "https://a.test/p1", Http("<p>first page</p>")));
  std::string m2 = testing::GzipMember(Record("response", "https://a.test/p2", Http("<p>second page</p>")));
  std::string m3 = testing::GzipMember(Record("response", "https://a.test/p3", Http("<p>third page</p>")));
  std::string bad = m2;
  for (size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
  std::string path = dir.Write("x.warc.gz", m1 + bad + m3);
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].url, "https://a.test/p1");
  EXPECT_EQ(got.docs[1].url, "https://a.test/p3");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].source(), path);
  EXPECT_EQ(got.errors[0].record(), "offset " + std::to_string(m1.size()));
}

TEST(WarcReaderTest, TruncatedFileReportsTheLastRecord) {
  testing::TempDir dir;
  std::string m1 = testing::GzipMember(Record("response", "https://a.test/p1", Http("<p>first</p>")));
  std::string m2 = testing::GzipMember(Record("response", "https://a.test/p2", Http("<p>second</p>")));
  std::string path = dir.Write("t.warc.gz", m1 + m2.substr(0, m2.size() / 2));
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].message().find("truncated"), std::string::npos);
}

TEST(WarcReaderTest, WrongContentLengthInPlainWarcResynchronises) {
  testing::TempDir dir;
  std::string r1 = Record("response", "https://a.test/p1", Http("<p>first</p>"));
  std::string r2 = Record("response", "https://a.test/p2", Http("<p>second</p>"));
  size_t cl = r1.find("Content-Length: ");
  r1.replace(cl, r1.find("\r\n", cl) - cl, "Content-Length: 99999");
  std::string path = dir.Write("plain.warc", r1 + r2);
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].record(), "offset 0");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].url, "https://a.test/p2");
}

}  // namespace wirebrief::ingest
