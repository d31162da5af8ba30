#include <gtest/gtest.h>

#include "test_files.h"

namespace wirebrief::ingest {

TEST(FeedReaderTest, ItemsWithContentBecomeDocumentsAndEveryItemAReference) {
  testing::TempDir dir;
  std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title>
<item><title>First</title><link>https://n.test/a</link><guid>g-a</guid><pubDate>Tue, 03 Nov 2026 10:00:00 +0100</pubDate>
<dc:creator>Ana Ruiz</dc:creator><description>Short.</description>
<content:encoded><![CDATA[<p>Full body of the first item.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://n.test/b</link><description>Only a summary.</description></item>
</channel></rss>)";
  std::string path = dir.Write("feed.xml", rss);
  DocumentStream s({path}, IngestOptions{});
  auto got = testing::Drain(s);
  ASSERT_TRUE(got.errors.empty());
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].url, "https://n.test/a");
  EXPECT_EQ(got.docs[0].content, "<p>Full body of the first item.</p>");
  EXPECT_EQ(got.docs[0].hints.at("author"), "Ana Ruiz");
  EXPECT_EQ(got.docs[0].provenance.record_id, "g-a");
  ASSERT_EQ(s.references().size(), 2u);
  EXPECT_EQ(s.references()[1].url, "https://n.test/b");
  EXPECT_EQ(s.references()[1].hints.at("title"), "Second");
}

TEST(FeedReaderTest, AtomEntriesUseAlternateLinks) {
  testing::TempDir dir;
  std::string atom = R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>E1</title><link rel="alternate" href="https://n.test/e1"/><link rel="self" href="https://n.test/self"/>
<id>tag:e1</id><published>2026-11-03T10:00:00Z</published><author><name>Li Wei</name></author></entry></feed>)";
  DocumentStream s({dir.Write("atom.xml", atom)}, IngestOptions{});
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(s.references().size(), 1u);
  EXPECT_EQ(s.references()[0].url, "https://n.test/e1");
  EXPECT_EQ(s.references()[0].hints.at("author"), "Li Wei");
  EXPECT_EQ(s.references()[0].hints.at("date_published"), "2026-11-03T10:00:00Z");
}

TEST(FeedReaderTest, NewsSitemapListsUrlsWithDatesAndTitles) {
  testing::TempDir dir;
  std::string sm = R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://n.test/a</loc><news:news>
<news:publication><news:name>N</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-03</news:publication_date><news:title>A title</news:title></news:news></url></urlset>)";
  DocumentStream s({dir.Write("sitemap.xml", sm)}, IngestOptions{});
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.docs.empty());
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(s.references().size(), 1u);
  EXPECT_EQ(s.references()[0].hints.at("title"), "A title");
  EXPECT_EQ(s.references()[0].hints.at("date_published"), "2026-11-03");
}

}  // namespace wirebrief::ingest
