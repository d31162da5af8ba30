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
