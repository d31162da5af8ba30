#include <gtest/gtest.h>

#include "test_files.h"

namespace wirebrief::ingest {

TEST(DocumentStreamTest, FolderIsWalkedInOrderAndUnsupportedFilesAreSkippedNotFailed) {
  testing::TempDir dir;
  dir.Write("b/page2.html", "<html><body><p>two</p></body></html>");
  dir.Write("a/page1.html", "<html><body><p>one</p></body></html>");
  dir.Write("a/notes.json", "{\n \"k\": 1\n}");
  dir.Write("a/.hidden.html", "<p>hidden</p>");
  dir.Write("c/pasted.txt", "Headline\n\nA paragraph of pasted text that is long enough.");
  DocumentStream s({dir.path()}, IngestOptions{});
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_NE(got.docs[0].provenance.source.find("page1.html"), std::string::npos);
  EXPECT_NE(got.docs[1].provenance.source.find("page2.html"), std::string::npos);
  EXPECT_EQ(got.docs[2].kind, core::ContentKind::kText);
  ASSERT_EQ(s.skipped().size(), 1u);
  EXPECT_NE(s.skipped()[0].find("notes.json"), std::string::npos);
}

TEST(DocumentStreamTest, NamedBadFilesAreErrorsAndTheRestGoesOn) {
  testing::TempDir dir;
  std::string good = dir.Write("good.html", "<p>fine</p>");
  std::string binary = dir.Write("junk.bin", std::string("\x00\x01\x02\x03garbage", 11));
  auto got = testing::ReadAll({dir.path() + "/missing.html", binary, good});
  ASSERT_EQ(got.errors.size(), 2u);
  EXPECT_EQ(got.errors[0].code(), core::StatusCode::kNotFound);
  EXPECT_NE(got.errors[0].ToString().find("missing.html"), std::string::npos);
  EXPECT_EQ(got.errors[1].source(), binary);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].provenance.source, good);
}

TEST(DocumentStreamTest, OversizedPageIsLimitExceeded) {
  testing::TempDir dir;
  IngestOptions o;
  o.limits.max_document_bytes = 100;
  std::string big = dir.Write("big.html", "<p>" + std::string(500, 'x') + "</p>");
  DocumentStream s({big}, o);
  auto got = testing::Drain(s);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].code(), core::StatusCode::kLimitExceeded);
}

TEST(DocumentStreamTest, JsonLinesBadLineIsReportedByNumber) {
  testing::TempDir dir;
  std::string p =
      dir.Write("docs.jsonl",
                "{\"url\": \"https://n.test/1\", \"html\": \"<p>one</p>\", \"lang\": \"en\"}\n"
                "{not json}\n"
                "{\"url\": \"https://n.test/3\", \"text\": \"plain\"}\n");
  auto got = testing::ReadAll({p});
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].hints.at("lang"), "en");
  EXPECT_EQ(got.docs[1].kind, core::ContentKind::kArticleText);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].record(), "line 2");
}

// Issue 20: a "text" record is clean article text, "kind": "page_text" asks for the page-text
// cleaner, a title alone is a headline item, and only a record with neither is refused.
TEST(DocumentStreamTest, JsonLinesRecordsSayWhatTheyHold) {
  testing::TempDir dir;
  std::string p = dir.Write(
      "docs.jsonl",
      "{\"url\": \"https://n.test/1\", \"text\": \"One sentence.\"}\n"
      "{\"url\": \"https://n.test/2\", \"text\": \"Menu\\nStory.\", \"kind\": \"page_text\"}\n"
      "{\"url\": \"https://n.test/3\", \"title\": \"Port strike ends\", \"date\": \"2026-11-04\"}\n"
      "{\"url\": \"https://n.test/4\", \"date\": \"2026-11-04\"}\n");
  auto got = testing::ReadAll({p});
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_EQ(got.docs[0].kind, core::ContentKind::kArticleText);
  EXPECT_EQ(got.docs[1].kind, core::ContentKind::kText);
  EXPECT_EQ(got.docs[1].hints.count("kind"), 0u);
  EXPECT_EQ(got.docs[2].kind, core::ContentKind::kHeadline);
  EXPECT_TRUE(got.docs[2].content.empty());
  EXPECT_EQ(got.docs[2].hints.at("title"), "Port strike ends");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].record(), "line 4");
}

}  // namespace wirebrief::ingest
