// Issue 26: WARC files that other readers (warcio, jwat) accept and wirebrief refused or misread.
// The records are written out here byte for byte, so each test shows the exact framing it covers.
#include <gtest/gtest.h>

#include "ingest/detail/readers.h"
#include "test_files.h"

namespace wirebrief::ingest {
namespace {

// A WARC record with `fields` (each "Name: value\r\n", folded lines allowed) and an exact
// Content-Length unless `length` overrides it.
std::string RawRecord(const std::string& fields, const std::string& block,
                      const std::string& length = "") {
  return "WARC/1.1\r\n" + fields +
         "Content-Length: " + (length.empty() ? std::to_string(block.size()) : length) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string ResponseFields(const std::string& uri, const std::string& id) {
  return "WARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Date: 2026-11-05T06:00:00Z\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=response\r\n";
}

struct Read {
  testing::Drained got;
  std::vector<Reference> redirects;
};

Read ReadBytes(const std::string& bytes) {
  Read r;
  detail::ReadWarc(
      "t.warc", bytes, core::Limits{},
      [&](core::Result<core::RawDocument> d) {
        if (d.ok())
          r.got.docs.push_back(std::move(d.value()));
        else
          r.got.errors.push_back(d.status());
      },
      &r.redirects);
  return r;
}

}  // namespace

TEST(WarcLenientTest, FoldedHeadersUtf8ValuesAndExtraWhitespaceAreRead) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\n\r\n"
      "<p>Rådhuset åpner igjen</p>";
  std::string rec =
      "WARC/1.0\r\n"
      "WARC-Type:   response  \r\n"
      "WARC-Record-ID: <urn:uuid:f0ld-1>\r\n"
      "WARC-Target-URI: https://fjord-avis.test/nyheter/rådhuset\r\n"
      "WARC-Date: 2026-11-05T06:00:00Z\r\n"
      "X-Crawler-Note: gathered by the evening\r\n"
      "    run, second pass\r\n"
      "Content-Type : application/http;\r\n"
      "\tmsgtype=response\r\n"
      "Content-Length:\r\n"
      "   " +
      std::to_string(http.size()) + "  \r\n\r\n" + http + "\r\n\r\n";
  std::string second = RawRecord(ResponseFields("https://fjord-avis.test/b", "f0ld-2"),
                                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>second</p>");
  Read r = ReadBytes(rec + second);
  ASSERT_TRUE(r.got.errors.empty()) << r.got.errors[0].ToString();
  ASSERT_EQ(r.got.docs.size(), 2u);
  EXPECT_EQ(r.got.docs[0].url, "https://fjord-avis.test/nyheter/rådhuset");
  EXPECT_EQ(r.got.docs[0].content, "<p>Rådhuset åpner igjen</p>");
  EXPECT_EQ(r.got.docs[0].charset, "utf-8");
  EXPECT_EQ(r.got.docs[0].charset_source, "http");  // the folded Content-Type parameter counts
  EXPECT_EQ(r.got.docs[1].content, "<p>second</p>");
}

TEST(WarcLenientTest, CrawlerLogsManifestsAndNonHtmlResourcesAreNotDocuments) {
  std::string recs =
      RawRecord(
          "WARC-Type: resource\r\nWARC-Target-URI: metadata://gnu.org/software/wget/"
          "warc/MANIFEST.txt\r\nContent-Type: text/plain\r\n",
          "crawl-manifest.txt\r\n") +
      RawRecord(
          "WARC-Type: resource\r\nWARC-Target-URI: urn:X-wpull:log\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n",
          "2026-11-05 06:00:01 INFO Fetching https://harbour.test/\r\n") +
      RawRecord(
          "WARC-Type: resource\r\nWARC-Target-URI: https://harbour.test/data.json\r\n"
          "Content-Type: application/json\r\n",
          "{\"tide\": 1.4}") +
      RawRecord(
          "WARC-Type: resource\r\nWARC-Target-URI: https://harbour.test/notes.txt\r\n"
          "Content-Type: text/plain\r\n",
          "Berth 4 closed for dredging.") +
      RawRecord(
          "WARC-Type: resource\r\nWARC-Target-URI: <https://harbour.test/story>\r\n"
          "Content-Type: text/html\r\n",
          "<html><body><p>Dredging starts at berth 4.</p></body></html>") +
      RawRecord(ResponseFields("https://harbour.test/robots.txt", "rb-1"),
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nUser-agent: *\r\n") +
      RawRecord(
          "WARC-Type: response\r\nWARC-Target-URI: dns:harbour.test\r\n"
          "Content-Type: text/dns\r\n",
          "20261105060000\r\nharbour.test. 300 IN A 192.0.2.7\r\n");
  Read r = ReadBytes(recs);
  EXPECT_TRUE(r.got.errors.empty()) << r.got.errors[0].ToString();
  ASSERT_EQ(r.got.docs.size(), 1u);
  EXPECT_EQ(r.got.docs[0].url, "https://harbour.test/story");
  EXPECT_EQ(r.got.docs[0].kind, core::ContentKind::kHtml);
}

TEST(WarcLenientTest, StatusLineWithoutReasonPhraseIsAResponse) {
  std::string recs =
      RawRecord(ResponseFields("https://quay.test/a", "nr-1"),
                "HTTP/1.1 200\r\nContent-Type: text/html\r\n\r\n<p>no reason phrase</p>") +
      RawRecord(ResponseFields("https://quay.test/b", "nr-2"),
                "HTTP/1.0  200\r\n\r\n<html><body><p>no headers at all</p></body></html>");
  Read r = ReadBytes(recs);
  ASSERT_TRUE(r.got.errors.empty()) << r.got.errors[0].ToString();
  ASSERT_EQ(r.got.docs.size(), 2u);
  EXPECT_EQ(r.got.docs[0].provenance.http_status, 200);
  EXPECT_EQ(r.got.docs[0].content, "<p>no reason phrase</p>");
  EXPECT_EQ(r.got.docs[1].provenance.http_status, 200);
  EXPECT_EQ(r.got.docs[1].content, "<html><body><p>no headers at all</p></body></html>");
}

TEST(WarcLenientTest, ChunkedBodiesAreDecodedAndABrokenStreamKeepsWhatCameBefore) {
  std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
  std::string recs = RawRecord(ResponseFields("https://quay.test/ext", "ch-1"),
                               head + "6;name=value\r\n<p>one\r\n8\r\n two</p>\r\n0\r\n\r\n") +
                     RawRecord(ResponseFields("https://quay.test/broken", "ch-2"),
                               head + "7\r\n<p>kept\r\n5\r\n too<\r\nzz\r\nlost</p>") +
                     RawRecord(ResponseFields("https://quay.test/cut", "ch-3"),
                               head + "7\r\n<p>kept\r\n40\r\n part of a cut chunk") +
                     RawRecord(ResponseFields("https://quay.test/not-chunked", "ch-4"),
                               head + "<p>says chunked, is not</p>");
  Read r = ReadBytes(recs);
  ASSERT_TRUE(r.got.errors.empty()) << r.got.errors[0].ToString();
  ASSERT_EQ(r.got.docs.size(), 4u);
  EXPECT_EQ(r.got.docs[0].content, "<p>one two</p>");
  EXPECT_EQ(r.got.docs[1].content, "<p>kept too<");
  EXPECT_EQ(r.got.docs[2].content, "<p>kept part of a cut chunk");
  EXPECT_EQ(r.got.docs[3].content, "<p>says chunked, is not</p>");
}

TEST(WarcLenientTest, MissingOrWrongContentLengthIsReadToTheRecordBoundary) {
  std::string a = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>alpha</p>";
  std::string b = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>bravo</p>";
  std::string c = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>charlie</p>";
  std::string no_length =
      "WARC/1.1\r\n" + ResponseFields("https://quay.test/a", "cl-1") + "\r\n" + a + "\r\n\r\n";
  std::string recs = no_length + RawRecord(ResponseFields("https://quay.test/b", "cl-2"), b, "12") +
                     RawRecord(ResponseFields("https://quay.test/c", "cl-3"), c, "not-a-number") +
                     RawRecord(ResponseFields("https://quay.test/d", "cl-4"),
                               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>delta</p>");
  Read r = ReadBytes(recs);
  ASSERT_TRUE(r.got.errors.empty()) << r.got.errors[0].ToString();
  ASSERT_EQ(r.got.docs.size(), 4u);
  EXPECT_EQ(r.got.docs[0].content, "<p>alpha</p>");
  EXPECT_EQ(r.got.docs[1].content, "<p>bravo</p>");
  EXPECT_EQ(r.got.docs[2].content, "<p>charlie</p>");
  EXPECT_EQ(r.got.docs[3].content, "<p>delta</p>");
  EXPECT_EQ(
      r.got.docs[3].provenance.offset,
      recs.size() - RawRecord(ResponseFields("https://quay.test/d", "cl-4"),
                              "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>delta</p>")
                        .size());
}

TEST(WarcLenientTest, ExtraBlankLinesBetweenRecordsKeepTheDeclaredBlock) {
  // The block itself ends with a line break; the writer then put three blank lines, not two.
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>tide</p>\r\n";
  std::string first = "WARC/1.1\r\n" + ResponseFields("https://quay.test/t", "bl-1") +
                      "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
                      "\r\n\r\n\r\n\r\n";
  std::string second = RawRecord(ResponseFields("https://quay.test/u", "bl-2"),
                                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>u</p>");
  Read r = ReadBytes(first + second);
  ASSERT_TRUE(r.got.errors.empty()) << r.got.errors[0].ToString();
  ASSERT_EQ(r.got.docs.size(), 2u);
  EXPECT_EQ(r.got.docs[0].content, "<p>tide</p>\r\n");
  EXPECT_EQ(r.got.docs[1].provenance.offset, first.size());
}

TEST(WarcLenientTest, TooLongContentLengthInsideItsOwnGzipMemberStopsAtTheMemberEnd) {
  testing::TempDir dir;
  std::string body = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>member</p>";
  std::string m1 =
      testing::GzipMember(RawRecord(ResponseFields("https://quay.test/m1", "gz-1"), body, "5000"));
  std::string m2 = testing::GzipMember(
      RawRecord(ResponseFields("https://quay.test/m2", "gz-2"),
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>next</p>"));
  auto got = testing::ReadAll({dir.Write("long.warc.gz", m1 + m2)});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].content, "<p>member</p>");
  EXPECT_EQ(got.docs[0].provenance.offset, 0u);
  EXPECT_EQ(got.docs[0].provenance.length, m1.size());
  EXPECT_EQ(got.docs[1].content, "<p>next</p>");
}

TEST(WarcLenientTest, RedirectsAreListedNotSilentlyDropped) {
  std::string moved =
      RawRecord(ResponseFields("https://quay.test/old-path", "rd-1"),
                "HTTP/1.1 301 Moved Permanently\r\nLocation: https://quay.test/new-path\r\n"
                "Content-Length: 0\r\n\r\n");
  std::string page = RawRecord(ResponseFields("https://quay.test/new-path", "rd-2"),
                               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>here</p>");
  Read r = ReadBytes(moved + page);
  ASSERT_TRUE(r.got.errors.empty());
  ASSERT_EQ(r.got.docs.size(), 1u);
  ASSERT_EQ(r.redirects.size(), 1u);
  const Reference& ref = r.redirects[0];
  EXPECT_EQ(ref.kind, "redirect");
  EXPECT_EQ(ref.url, "https://quay.test/old-path");
  EXPECT_EQ(ref.hints.at("status"), "301");
  EXPECT_EQ(ref.hints.at("location"), "https://quay.test/new-path");
  EXPECT_EQ(ref.hints.at("record"), "<urn:uuid:rd-1>");
  EXPECT_EQ(ref.hints.at("origin"), "t.warc:0:" + std::to_string(moved.size()));
}

}  // namespace wirebrief::ingest
