#include <gtest/gtest.h>

#include "test_files.h"

namespace wirebrief::ingest {
namespace {

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + type +
         "\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 4) +
         ">\r\nWARC-Date: 2026-11-04T08:00:00Z\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& body, const std::string& ct = "text/html; charset=utf-8",
                 int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + ct +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST(WarcReaderTest, ReadsResponsesSkipsOtherRecordsKeepsProvenance) {
  testing::TempDir dir;
  std::string info =
      Record("warcinfo", "urn:x:info", "software: test\r\n", "application/warc-fields");
  std::string req = Record("request", "https://a.test/p1", "GET /p1 HTTP/1.1\r\n\r\n",
                           "application/http; msgtype=request");
  std::string r1 =
      Record("response", "https://a.test/p1", Http("<html><body><p>one</p></body></html>"));
  std::string img = Record("response", "https://a.test/logo", Http("\x89PNG", "image/png"));
  std::string r2 = Record("response", "https://a.test/p2",
                          Http("<p>caf\xE9</p>", "text/html; charset=iso-8859-1"));
  std::string m0 = testing::GzipMember(info), m1 = testing::GzipMember(req),
              m2 = testing::GzipMember(r1), m3 = testing::GzipMember(img),
              m4 = testing::GzipMember(r2);
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
  std::string m1 =
      testing::GzipMember(Record("response", "https://a.test/p1", Http("<p>first page</p>")));
  std::string m2 =
      testing::GzipMember(Record("response", "https://a.test/p2", Http("<p>second page</p>")));
  std::string m3 =
      testing::GzipMember(Record("response", "https://a.test/p3", Http("<p>third page</p>")));
  std::string bad = m2;
  for (size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
  std::string path = dir.Write("x.warc.gz", m1 + bad + m3);
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].url, "https://a.test/p1");
  EXPECT_EQ(got.docs[1].url, "https://a.test/p3");
  ASSERT_EQ(got.errors.size(), 1u);
  // Named "file@offset" with the broken member's compressed offset.
  EXPECT_EQ(got.errors[0].source(), path + "@" + std::to_string(m1.size()));
  EXPECT_EQ(got.errors[0].ToString().rfind(
                path + "@" + std::to_string(m1.size()) + ": bad gzip member", 0),
            0u)
      << got.errors[0].ToString();
}

TEST(WarcReaderTest, TruncatedFileReportsTheLastRecord) {
  testing::TempDir dir;
  std::string m1 =
      testing::GzipMember(Record("response", "https://a.test/p1", Http("<p>first</p>")));
  std::string m2 =
      testing::GzipMember(Record("response", "https://a.test/p2", Http("<p>second</p>")));
  std::string path = dir.Write("t.warc.gz", m1 + m2.substr(0, m2.size() / 2));
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].message().find("truncated"), std::string::npos);
}

// Issue 26: a wrong Content-Length lost the record although the next record shows where it ends.
TEST(WarcReaderTest, TooLongContentLengthInPlainWarcIsReadToTheNextRecord) {
  testing::TempDir dir;
  std::string r1 = Record("response", "https://a.test/p1", Http("<p>first</p>"));
  std::string r2 = Record("response", "https://a.test/p2", Http("<p>second</p>"));
  size_t cl = r1.find("Content-Length: ");
  r1.replace(cl, r1.find("\r\n", cl) - cl, "Content-Length: 99999");
  std::string path = dir.Write("plain.warc", r1 + r2);
  auto got = testing::ReadAll({path});
  EXPECT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].url, "https://a.test/p1");
  EXPECT_EQ(got.docs[0].content, "<p>first</p>");
  EXPECT_EQ(got.docs[0].provenance.length, r1.size());
  EXPECT_EQ(got.docs[1].url, "https://a.test/p2");
  EXPECT_EQ(got.docs[1].provenance.offset, r1.size());
}

TEST(WarcReaderTest, ContentLengthPastTheEndOfAPlainWarcIsATruncatedRecord) {
  testing::TempDir dir;
  std::string r1 = Record("response", "https://a.test/p1", Http("<p>first</p>"));
  std::string r2 = Record("response", "https://a.test/p2", Http("<p>second</p>"));
  size_t cl = r2.find("Content-Length: ");
  r2.replace(cl, r2.find("\r\n", cl) - cl, "Content-Length: 99999");
  std::string path = dir.Write("cut.warc", r1 + r2);
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].source(), path + "@" + std::to_string(r1.size()));
  EXPECT_NE(got.errors[0].message().find("runs past the end of the input"), std::string::npos)
      << got.errors[0].ToString();
}

TEST(WarcReaderTest, WholeFileGzipReadsEveryRecordWithStreamOffsets) {
  testing::TempDir dir;
  std::string r1 = Record("response", "https://a.test/p1", Http("<p>first</p>"));
  std::string r2 = Record("resource", "https://a.test/p2", "<p>a saved page</p>", "text/html");
  std::string r3 = Record("response", "https://a.test/p3", Http("<p>third</p>"));
  std::string path = dir.Write("whole.warc.gz", testing::GzipMember(r1 + r2 + r3));
  auto got = testing::ReadAll({path});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_EQ(got.docs[1].content, "<p>a saved page</p>");
  EXPECT_EQ(got.docs[1].provenance.http_status, 0);  // a resource record is not an HTTP exchange
  // One member for all records: offsets are positions in the decompressed stream.
  EXPECT_EQ(got.docs[2].provenance.container, "warc-stream");
  EXPECT_EQ(got.docs[2].provenance.offset, r1.size() + r2.size());
  EXPECT_EQ(got.docs[2].provenance.length, r3.size());
}

TEST(WarcReaderTest, ZstdFramesWithDictionaryInLeadingSkippableFrame) {
  testing::TempDir dir;
  std::string dict;
  for (int i = 0; i < 40; ++i)
    dict +=
        "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n<html><body><p>";
  std::string r1 = Record("response", "https://z.test/p1", Http("<p>zstd one</p>"));
  std::string r2 = Record("response", "https://z.test/p2", Http("<p>zstd two</p>"));
  std::string head = testing::ZstdDictionaryFrame(dict);
  std::string f1 = testing::ZstdFrame(r1, dict), f2 = testing::ZstdFrame(r2, dict);
  ASSERT_FALSE(f1.empty());
  auto got = testing::ReadAll({dir.Write("crawl.warc.zst", head + f1 + f2)});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[1].content, "<p>zstd two</p>");
  EXPECT_EQ(got.docs[1].provenance.container, "warc");
  EXPECT_EQ(got.docs[1].provenance.offset, head.size() + f1.size());
  EXPECT_EQ(got.docs[1].provenance.length, f2.size());

  // The dictionary may itself be zstd-compressed inside the skippable frame.
  std::string packed_head = testing::ZstdDictionaryFrame(testing::ZstdFrame(dict));
  auto packed = testing::ReadAll({dir.Write("packed.warc.zst", packed_head + f1 + f2)});
  ASSERT_TRUE(packed.errors.empty()) << packed.errors[0].ToString();
  EXPECT_EQ(packed.docs.size(), 2u);
}

TEST(WarcReaderTest, CorruptZstdFrameIsReportedAndTheNextFrameRead) {
  testing::TempDir dir;
  std::string f1 = testing::ZstdFrame(Record("response", "https://z.test/p1", Http("<p>one</p>")));
  std::string f2 = testing::ZstdFrame(Record("response", "https://z.test/p2", Http("<p>two</p>")));
  std::string f3 =
      testing::ZstdFrame(Record("response", "https://z.test/p3", Http("<p>three</p>")));
  std::string bad = f2;
  for (size_t i = 6; i < bad.size(); ++i) bad[i] = static_cast<char>(bad[i] ^ 0xA5);
  std::string path = dir.Write("x.warc.zst", f1 + bad + f3);
  auto got = testing::ReadAll({path});
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[1].url, "https://z.test/p3");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].source(), path + "@" + std::to_string(f1.size()));
}

TEST(WarcReaderTest, OversizedPageRecordIsSkippedWithMessageAndOthersSilently) {
  testing::TempDir dir;
  IngestOptions o;
  o.limits.max_document_bytes = 2000;
  std::string big_page =
      Record("response", "https://a.test/big", Http("<p>" + std::string(5000, 'x') + "</p>"));
  std::string big_image =
      Record("response", "https://a.test/img", Http(std::string(5000, '\x01'), "image/jpeg"));
  std::string small = Record("response", "https://a.test/small", Http("<p>small</p>"));
  std::string m1 = testing::GzipMember(big_page), m2 = testing::GzipMember(big_image);
  std::string path = dir.Write("big.warc.gz", m1 + m2 + testing::GzipMember(small));
  auto got = testing::ReadAll({path}, o);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].url, "https://a.test/small");
  EXPECT_EQ(got.docs[0].provenance.offset, m1.size() + m2.size());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code(), core::StatusCode::kLimitExceeded);
  EXPECT_EQ(got.errors[0].source(), path + "@0");
  EXPECT_NE(got.errors[0].message().find("skipped"), std::string::npos);

  // The same in an uncompressed WARC, where the skip streams past the block.
  auto plain = testing::ReadAll({dir.Write("big.warc", big_page + big_image + small)}, o);
  ASSERT_EQ(plain.docs.size(), 1u);
  EXPECT_EQ(plain.docs[0].provenance.offset, big_page.size() + big_image.size());
  EXPECT_EQ(plain.errors.size(), 1u);
}

TEST(WarcReaderTest, TooShortContentLengthIsReadToTheRecordBoundary) {
  testing::TempDir dir;
  std::string r1 = Record("response", "https://a.test/p1", Http("<p>first page body</p>"));
  std::string r2 = Record("response", "https://a.test/p2", Http("<p>second</p>"));
  size_t cl = r1.find("Content-Length: ");
  r1.replace(cl, r1.find("\r\n", cl) - cl, "Content-Length: 20");
  for (const std::string& framing : {std::string("plain"), std::string("gzip")}) {
    std::string m1 = framing == "gzip" ? testing::GzipMember(r1) : r1;
    std::string m2 = framing == "gzip" ? testing::GzipMember(r2) : r2;
    std::string path = dir.Write("short." + framing, m1 + m2);
    auto got = testing::ReadAll({path});
    EXPECT_TRUE(got.errors.empty()) << framing << ": " << got.errors[0].ToString();
    ASSERT_EQ(got.docs.size(), 2u) << framing;
    EXPECT_EQ(got.docs[0].content, "<p>first page body</p>") << framing;
    EXPECT_EQ(got.docs[1].url, "https://a.test/p2");
    EXPECT_EQ(got.docs[1].provenance.offset, m1.size());
    if (framing == "gzip") {
      // The record still fills its member: retrieval by member offset and length works.
      EXPECT_EQ(got.docs[0].provenance.container, "warc");
      EXPECT_EQ(got.docs[0].provenance.length, m1.size());
    }
  }
}

TEST(WarcReaderTest, HttpStatusesChunkingAndContentEncoding) {
  testing::TempDir dir;
  std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
      "6\r\n<p>one\r\n8\r\n two</p>\r\n0\r\n\r\n";
  std::string zipped_body = testing::GzipMember("<p>inflated</p>");
  std::string zipped =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + zipped_body;
  std::string recs =
      Record("response", "https://a.test/moved", Http("", "text/html", 301)) +
      Record("response", "https://a.test/gone", Http("<p>not here</p>", "text/html", 404)) +
      Record("response", "https://a.test/paywall",
             Http("<p>Subscribe to read</p>", "text/html", 403)) +
      Record("response", "https://a.test/chunked", chunked) +
      Record("response", "https://a.test/zipped", zipped);
  auto got = testing::ReadAll({dir.Write("status.warc", recs)});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_EQ(got.docs[0].url, "https://a.test/paywall");
  EXPECT_EQ(got.docs[0].provenance.http_status, 403);
  EXPECT_EQ(got.docs[1].content, "<p>one two</p>");
  EXPECT_EQ(got.docs[2].content, "<p>inflated</p>");
}

// Common Crawl's CC-NEWS layout: WARC/1.0, a warcinfo record, then request, response and
// metadata records per page, with the crawler's X-Crawler-* renamed headers.
TEST(WarcReaderTest, CcNewsLayoutAsIs) {
  testing::TempDir dir;
  auto rec = [](const std::string& type, const std::string& id, const std::string& uri,
                const std::string& ct, const std::string& block) {
    std::string h = "WARC/1.0\r\nWARC-Type: " + type +
                    "\r\nWARC-Date: 2026-11-09T14:03:11Z\r\nWARC-Record-ID: <urn:uuid:" + id +
                    ">\r\nContent-Length: " + std::to_string(block.size()) +
                    "\r\nContent-Type: " + ct + "\r\n";
    if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\nWARC-IP-Address: 192.0.2.7\r\n";
    if (type == "response")
      h += "WARC-Identified-Payload-Type: text/html\r\nWARC-Concurrent-To: <urn:uuid:r>\r\n";
    return testing::GzipMember(h + "\r\n" + block + "\r\n\r\n");
  };
  std::string body =
      "<html><head><title>Harbour vote</title></head><body><p>Council approves "
      "dredging.</p></body></html>";
  std::string http =
      "HTTP/1.1 200 OK\r\nDate: Mon, 09 Nov 2026 14:03:11 GMT\r\nContent-Type: text/html; "
      "charset=UTF-8\r\n"
      "X-Crawler-Content-Encoding: gzip\r\nX-Crawler-Transfer-Encoding: "
      "chunked\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  std::string info = rec("warcinfo", "i", "", "application/warc-fields", "isPartOf: CC-NEWS\r\n");
  std::string req =
      rec("request", "q", "https://harbour.test/news/vote", "application/http; msgtype=request",
          "GET /news/vote HTTP/1.1\r\nHost: harbour.test\r\n\r\n");
  std::string resp = rec("response", "r", "https://harbour.test/news/vote",
                         "application/http; msgtype=response", http);
  std::string meta = rec("metadata", "m", "https://harbour.test/news/vote",
                         "application/warc-fields", "fetchTimeMs: 212\r\n");
  std::string path = dir.Write("CC-NEWS-20261109140311-00001.warc.gz", info + req + resp + meta);
  auto got = testing::ReadAll({path});
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 1u);
  const core::RawDocument& d = got.docs[0];
  EXPECT_EQ(d.url, "https://harbour.test/news/vote");
  EXPECT_EQ(d.content, body);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.provenance.record_id, "<urn:uuid:r>");
  EXPECT_EQ(d.provenance.crawl_date, "2026-11-09T14:03:11Z");
  EXPECT_EQ(d.provenance.offset, info.size() + req.size());
  EXPECT_EQ(d.provenance.length, resp.size());
  EXPECT_EQ(d.provenance.http_status, 200);
}

TEST(WarcReaderTest, StreamsFromStandardInputLikeAFile) {
  testing::TempDir dir;
  std::string m =
      testing::GzipMember(Record("response", "https://a.test/p1", Http("<p>piped</p>")));
  std::string path = dir.Write("in.warc.gz", m);
  // Run the reader on the file through a pipe: no seeking, no size known in advance.
  std::string cmd = "cat '" + path + "'";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  int saved = dup(0);
  dup2(fileno(pipe), 0);
  auto got = testing::ReadAll({"-"});
  dup2(saved, 0);
  close(saved);
  pclose(pipe);
  std::clearerr(stdin);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].content, "<p>piped</p>");
  EXPECT_EQ(got.docs[0].provenance.source, "-");
}

}  // namespace wirebrief::ingest
