#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace wirebrief::ingest {

TEST(DetectInputKindTest, RecognisesEachKindByContent) {
  EXPECT_EQ(DetectInputKind("<!DOCTYPE html><html><body><p>x</p>"), InputKind::kHtml);
  EXPECT_EQ(DetectInputKind("\xEF\xBB\xBF  <html lang=en>"), InputKind::kHtml);
  EXPECT_EQ(DetectInputKind("WARC/1.1\r\nWARC-Type: warcinfo\r\n"), InputKind::kWarc);
  EXPECT_EQ(DetectInputKind(std::string("\x1f\x8b\x08\x00", 4)), InputKind::kGzip);
  EXPECT_EQ(DetectInputKind("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"),
            InputKind::kFeed);
  EXPECT_EQ(DetectInputKind(
                "<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputKind::kFeed);
  EXPECT_EQ(DetectInputKind("<?xml version=\"1.0\"?>\n<urlset xmlns=\"x\">"), InputKind::kSitemap);
  EXPECT_EQ(DetectInputKind("{\"url\": \"u\", \"html\": \"<p>x</p>\"}\n{\"url\": \"v\"}"),
            InputKind::kJsonl);
  EXPECT_EQ(DetectInputKind("{\n  \"events\": []\n}"), InputKind::kJson);
  EXPECT_EQ(DetectInputKind("Headline here\n\nHome > World\n\nBody text of the page."),
            InputKind::kText);
  EXPECT_EQ(DetectInputKind(std::string("\x7f"
                                        "ELF\x02\x01\x01\x00\x00\x00",
                                        10)),
            InputKind::kBinary);
  EXPECT_EQ(DetectInputKind("   \n\t "), InputKind::kEmpty);
}

}  // namespace wirebrief::ingest

#include "test_files.h"

namespace wirebrief::ingest {

// Issue 26: a JSON-lines file whose first page was longer than the detection prefix was refused
// as "a JSON document, not JSON lines of pages".
TEST(DetectInputKindTest, JsonLinesWithALongFirstLineAreJsonLines) {
  std::string paragraph =
      "<p>The county's flood wardens met on Tuesday to review the new river gauges, which report "
      "every fifteen minutes instead of every hour.</p>";
  std::string html = "<html><body><article>";
  while (html.size() < 617 * 1024) html += paragraph;
  html += "</article></body></html>";
  // html first and url after it: the key that tells a page may come after the detection prefix.
  std::string line1 = "{\"html\": \"" + html + "\", \"url\": \"https://river-watch.test/gauges\"}";
  std::string line2 =
      "{\"url\": \"https://river-watch.test/wardens\", \"text\": \"Wardens meet on Tuesday.\"}";
  EXPECT_EQ(DetectInputKind(std::string_view(line1).substr(0, 64 << 10)), InputKind::kJsonl);
  testing::TempDir dir;
  for (const std::string& first : {line1, line2 + "\n" + line1}) {
    auto got = testing::ReadAll({dir.Write("pages.jsonl", first + "\n" + line2 + "\n")});
    ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
    ASSERT_EQ(got.docs.size(), first == line1 ? 2u : 3u);
    EXPECT_EQ(got.docs[0].url, first == line1 ? "https://river-watch.test/gauges"
                                              : "https://river-watch.test/wardens");
  }
  EXPECT_GT(line1.size(), 600u * 1024);
}

TEST(DetectInputKindTest, JsonShapeDecidesNotTheFirstNewline) {
  // One-line objects without page keys are a JSON document, not pages.
  EXPECT_EQ(DetectInputKind("{\"settings\": {\"depth\": 2}}\n"), InputKind::kJson);
  // Page keys nested deeper do not count.
  EXPECT_EQ(DetectInputKind("{\"data\": {\"url\": \"u\", \"html\": \"h\"}}"), InputKind::kJson);
  // A pretty-printed page object is a document too (its lines are not records).
  EXPECT_EQ(DetectInputKind("{\n  \"url\": \"u\",\n  \"html\": \"<p>x</p>\"\n}"), InputKind::kJson);
  // A newline escaped inside a string is part of the line.
  EXPECT_EQ(DetectInputKind("{\"text\": \"line one\\nline two\", \"url\": \"u\"}\n"),
            InputKind::kJsonl);
  // Braces and quotes inside strings do not confuse the scan.
  EXPECT_EQ(DetectInputKind("{\"title\": \"A } brace and a \\\" quote\", \"x\": 1}"),
            InputKind::kJsonl);
}

}  // namespace wirebrief::ingest
