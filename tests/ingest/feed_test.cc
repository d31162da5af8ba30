#include <gtest/gtest.h>

#include "ingest/detail/readers.h"
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
  std::string atom =
      R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>E1</title><link rel="alternate" href="https://n.test/e1"/><link rel="self" href="https://n.test/self"/>
<id>tag:e1</id><published>2026-11-03T10:00:00Z</published><author><name>Li Wei</name></author></entry></feed>)";
  DocumentStream s({dir.Write("atom.xml", atom)}, IngestOptions{});
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(s.references().size(), 1u);
  EXPECT_EQ(s.references()[0].url, "https://n.test/e1");
  EXPECT_EQ(s.references()[0].hints.at("author"), "Li Wei");
  EXPECT_EQ(s.references()[0].hints.at("date_published"), "2026-11-03T10:00:00+00:00");
}

TEST(FeedReaderTest, NewsSitemapListsUrlsWithDatesAndTitles) {
  testing::TempDir dir;
  std::string sm =
      R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
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

TEST(FeedReaderTest, Rss091AndRss10RdfItems) {
  testing::TempDir dir;
  std::string rss091 =
      R"(<?xml version="1.0"?><rss version="0.91"><channel><title>Valley Post</title>
<link>https://valley.test/</link><item><title>Bridge reopens</title><link>https://valley.test/bridge</link>
<description>Traffic returns to the old bridge.</description></item></channel></rss>)";
  std::string rdf =
      R"(<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://moor.test/"><title>Moor Times</title><link>https://moor.test/</link></channel>
<item rdf:about="https://moor.test/a"><title>Library extends hours</title><link>https://moor.test/a</link>
<dc:date>2026-11-05T07:30:00+01:00</dc:date><dc:creator>Ines Okafor</dc:creator></item></rdf:RDF>)";
  DocumentStream s({dir.Write("old.rss", rss091), dir.Write("rdf.xml", rdf)}, IngestOptions{});
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(s.references().size(), 2u);
  EXPECT_EQ(s.references()[0].url, "https://valley.test/bridge");
  EXPECT_EQ(s.references()[0].kind, "feed_item");
  EXPECT_EQ(s.references()[1].url, "https://moor.test/a");
  EXPECT_EQ(s.references()[1].hints.at("date_published"), "2026-11-05T07:30:00+01:00");
  EXPECT_EQ(s.references()[1].hints.at("author"), "Ines Okafor");
}

TEST(FeedReaderTest, AtomXmlBaseXhtmlAndTextContent) {
  testing::TempDir dir;
  std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://coast.test/news/"><title>Coast</title>
<entry xml:base="2026/11/"><title>Ferry timetable</title><link href="ferry.html"/><id>tag:coast,1</id>
<updated>2026-11-04T09:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Winter sailings <b>start</b> Monday.</p></div></content></entry>
<entry><title>Tide notice</title><link href="/notices/tide"/><id>tag:coast,2</id>
<content type="text">High tide at 06:10 and 18:32.</content></entry>
<entry><title>Linked only</title><link href="https://coast.test/x"/><id>tag:coast,3</id>
<content src="https://coast.test/x.html"/></entry></feed>)";
  DocumentStream s({dir.Write("atom.xml", atom)}, IngestOptions{});
  auto got = testing::Drain(s);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].url, "https://coast.test/news/2026/11/ferry.html");
  EXPECT_EQ(got.docs[0].content, "<p>Winter sailings <b>start</b> Monday.</p>");
  EXPECT_EQ(got.docs[0].hints.at("date_modified"), "2026-11-04T09:00:00+00:00");
  EXPECT_EQ(got.docs[1].url, "https://coast.test/notices/tide");
  EXPECT_EQ(got.docs[1].kind, core::ContentKind::kText);
  EXPECT_EQ(got.docs[1].provenance.record_id, "tag:coast,2");
  ASSERT_EQ(s.references().size(), 3u);
  EXPECT_EQ(s.references()[2].url, "https://coast.test/x");
}

TEST(FeedReaderTest, MediaRssAndEnclosureGiveTheImage) {
  testing::TempDir dir;
  std::string rss =
      R"(<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>T</title><item><title>Harvest</title><link>https://farm.test/h</link>
<media:group><media:content url="https://farm.test/h.mp4" medium="video"/>
<media:content url="https://farm.test/h.jpg" medium="image"/><media:credit>Photo: R. Vance</media:credit></media:group></item>
<item><title>Rain</title><link>https://farm.test/r</link><enclosure url="https://farm.test/r.png" type="image/png" length="1"/>
</item></channel></rss>)";
  DocumentStream s({dir.Write("media.rss", rss)}, IngestOptions{});
  testing::Drain(s);
  ASSERT_EQ(s.references().size(), 2u);
  EXPECT_EQ(s.references()[0].hints.at("image"), "https://farm.test/h.jpg");
  EXPECT_EQ(s.references()[0].hints.at("image_credit"), "Photo: R. Vance");
  EXPECT_EQ(s.references()[1].hints.at("image"), "https://farm.test/r.png");
}

TEST(FeedReaderTest, OddDateFormatsBecomeIso) {
  struct Case {
    const char* raw;
    const char* iso;
  };
  const Case cases[] = {
      {"Tue, 03 Nov 2026 10:00:00 +0100", "2026-11-03T10:00:00+01:00"},
      {"3 Nov 2026 10:00 GMT", "2026-11-03T10:00:00+00:00"},
      {"Tuesday, 3 November 2026 09:15:00 EST", "2026-11-03T09:15:00-05:00"},
      {"Tue, 3 Nov. 26 23:59:59 PDT", "2026-11-03T23:59:59-07:00"},
      {"November 3, 2026 08:00", "2026-11-03T08:00:00"},
      {"2026-11-03 10:00:00 +05:30", "2026-11-03T10:00:00+05:30"},
      {"2026-11-03T10:00:00.123Z", "2026-11-03T10:00:00+00:00"},
      {"2026-11-03", "2026-11-03"},
      {"  Mon, 09 Nov 2026 09:30:00 -0600 ", "2026-11-09T09:30:00-06:00"},
  };
  for (const auto& c : cases) EXPECT_EQ(detail::NormalizeFeedDate(c.raw), c.iso) << c.raw;
  for (const char* bad :
       {"", "yesterday", "31 Feb 2026", "2026-13-01", "Tue, 03 Nov 2026 25:00:00"})
    EXPECT_EQ(detail::NormalizeFeedDate(bad), "") << bad;
}

TEST(FeedReaderTest, EmptyItemIsNamedByNumber) {
  testing::TempDir dir;
  std::string rss = R"(<rss version="2.0"><channel><title>World</title>
<item><title>Fine</title><link>https://w.test/1</link></item>
<item><guid isPermaLink="false">w-2</guid></item>
<item><title>Also fine</title><guid>https://w.test/3</guid></item></channel></rss>)";
  std::string path = dir.Write("feeds/world.xml", rss);
  DocumentStream s({path}, IngestOptions{});
  auto got = testing::Drain(s);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].ToString(), path + ": item 2: no link, title, description or content");
  ASSERT_EQ(s.references().size(), 2u);
  EXPECT_EQ(s.references()[1].url, "https://w.test/3");  // a permalink guid stands in for the link
}

TEST(FeedReaderTest, IllFormedAndTruncatedFeedsKeepTheItemsTheyHave) {
  testing::TempDir dir;
  std::string rss =
      R"(<?xml version="1.0"?><rss version="2.0"><channel><title>Sports & Leisure</title>
<item><title>Rowing club wins & celebrates</title><link>https://s.test/1?a=1&b=2</link></item>
<item><title>Second</title><link>https://s.test/2</link></item>
<item><title>Cut off</title><link>https://s.te)";
  DocumentStream s({dir.Write("broken.xml", rss)}, IngestOptions{});
  auto got = testing::Drain(s);
  ASSERT_GE(s.references().size(), 2u);
  EXPECT_EQ(s.references()[0].hints.at("title"), "Rowing club wins & celebrates");
  EXPECT_EQ(s.references()[1].url, "https://s.test/2");

  std::vector<Reference> refs;
  core::Status st = detail::ReadFeed(
      "empty.xml", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", "",
      [](core::Result<core::RawDocument>) {}, &refs);
  EXPECT_EQ(st.code(), core::StatusCode::kCorruption);
  EXPECT_NE(st.ToString().find("not well-formed XML"), std::string::npos) << st.ToString();
}

TEST(FeedReaderTest, SitemapIndexIsFollowedIncludingGzippedChildren) {
  testing::TempDir dir;
  auto urlset = [](const std::string& loc) {
    return "<?xml version=\"1.0\"?><urlset "
           "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" +
           loc + "</loc><lastmod>2026-11-02</lastmod></url></urlset>";
  };
  dir.Write("maps/news-1.xml", urlset("https://m.test/one"));
  dir.Write("maps/sub/news-2.xml.gz", testing::GzipMember(urlset("https://m.test/two")));
  std::string index =
      R"(<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>news-1.xml</loc></sitemap><sitemap><loc>sub/news-2.xml.gz</loc></sitemap>
<sitemap><loc>missing.xml</loc></sitemap></sitemapindex>)";
  DocumentStream s({dir.Write("maps/index.xml", index)}, IngestOptions{});
  auto got = testing::Drain(s);
  std::vector<std::string> pages;
  for (const auto& r : s.references())
    if (r.kind == "sitemap_url") pages.push_back(r.url);
  EXPECT_EQ(pages, (std::vector<std::string>{"https://m.test/one", "https://m.test/two"}));
  ASSERT_EQ(got.errors.size(), 1u);  // the missing child is named
  EXPECT_NE(got.errors[0].ToString().find("missing.xml"), std::string::npos);
}

TEST(FeedReaderTest, FeedDiscoveryFromAlternateLinks) {
  std::string page = R"(<html><head><base href="https://river.test/section/">
<link rel="alternate" type="application/rss+xml" title="World" href="../feeds/world.xml">
<link rel="Alternate" type="application/atom+xml" href="https://river.test/atom">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" href="../feeds/world.xml">
</head><body><p>x</p></body></html>)";
  EXPECT_EQ(
      DiscoverFeeds(page, "https://river.test/section/page.html"),
      (std::vector<std::string>{"https://river.test/feeds/world.xml", "https://river.test/atom"}));
  testing::TempDir dir;
  DocumentStream s({dir.Write("page.html", page)}, IngestOptions{});
  auto got = testing::Drain(s);
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(s.references().size(), 2u);
  EXPECT_EQ(s.references()[0].kind, "feed");
}

TEST(FeedReaderTest, DeclaredLatin1FeedIsDecoded) {
  testing::TempDir dir;
  std::string rss =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title><item>"
      "<title>Caf\xE9 reopens</title><link>https://c.test/1</link>"
      "<content:encoded>&lt;p&gt;Cr\xE8me br\xFBl\xE9"
      "e&lt;/p&gt;</content:encoded></item></channel></rss>";
  auto got = testing::ReadAll({dir.Write("latin.xml", rss)});
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].content,
            "<p>Cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
            "e</p>");
  EXPECT_EQ(got.docs[0].hints.at("title"), "Caf\xC3\xA9 reopens");
  EXPECT_EQ(got.docs[0].charset, "iso-8859-1");
}

}  // namespace wirebrief::ingest

namespace wirebrief::ingest {

// Issue 26: "item 1: <link> missing" ended link-less items (and failed the run) although RSS
// 2.0 asks an item for only a title or a description.
TEST(FeedItemWithoutLinkTest, RssItemsWithoutLinkAreDocumentsKeyedByGuidOrHash) {
  std::string path = testing::FixturePath("feeds/rss_items_without_link.xml");
  DocumentStream s({path}, IngestOptions{});
  auto got = testing::Drain(s);
  // The one item with nothing in it (a guid alone) is the only error.
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].ToString().find("item 5"), std::string::npos) << got.errors[0].ToString();
  ASSERT_EQ(got.docs.size(), 3u);

  const core::RawDocument& by_guid = got.docs[0];
  EXPECT_EQ(by_guid.kind, core::ContentKind::kHeadline);
  EXPECT_TRUE(by_guid.url.empty());
  EXPECT_EQ(by_guid.provenance.record_id, "brackwater-notes-2026-0412");
  EXPECT_EQ(by_guid.hints.at("title"), "Ferry timetable changes for the winter");
  EXPECT_EQ(by_guid.hints.at("description"),
            "The <b>morning ferry</b> leaves at 07:40 from 9 November.");
  EXPECT_EQ(by_guid.hints.at("date_published"), "2026-11-02T08:15:00+00:00");

  const core::RawDocument& description_only = got.docs[1];
  EXPECT_EQ(description_only.kind, core::ContentKind::kArticleText);
  EXPECT_EQ(description_only.content,
            "The parish hall roof repair is finished, two weeks early.\n"
            "The council thanked the volunteers who cleared the gutters.");
  EXPECT_EQ(description_only.provenance.record_id.rfind("hash:", 0), 0u);

  const core::RawDocument& content_only = got.docs[2];
  EXPECT_EQ(content_only.kind, core::ContentKind::kHtml);
  EXPECT_NE(content_only.content.find("ninety residents"), std::string::npos);
  EXPECT_EQ(content_only.hints.at("title"), "Harvest supper raises funds for the lifeboat");
  EXPECT_EQ(content_only.provenance.record_id.rfind("hash:", 0), 0u);
  EXPECT_NE(content_only.provenance.record_id, description_only.provenance.record_id);

  // The linked item is a reference as before; link-less ones have nothing to fetch.
  ASSERT_EQ(s.references().size(), 1u);
  EXPECT_EQ(s.references()[0].url, "https://brackwater-notes.test/2026/11/library-hours");

  // The key is stable: reading the feed again names the items the same way.
  auto again = testing::ReadAll({path});
  ASSERT_EQ(again.docs.size(), 3u);
  EXPECT_EQ(again.docs[1].provenance.record_id, description_only.provenance.record_id);
  EXPECT_EQ(again.docs[2].provenance.record_id, content_only.provenance.record_id);
}

TEST(FeedItemWithoutLinkTest, AtomEntriesWithoutLinkAreDocumentsKeyedById) {
  auto got = testing::ReadAll({testing::FixturePath("feeds/atom_entries_without_link.xml")});
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].kind, core::ContentKind::kHeadline);
  EXPECT_EQ(got.docs[0].provenance.record_id, "tag:kestrel-hill.test,2026:bulletin-88");
  EXPECT_EQ(got.docs[0].hints.at("description"),
            "Volunteers will open the dome from 22:00 on Friday.");
  EXPECT_EQ(got.docs[1].kind, core::ContentKind::kHtml);
  EXPECT_EQ(got.docs[1].provenance.record_id, "tag:kestrel-hill.test,2026:bulletin-89");
  EXPECT_NE(got.docs[1].content.find("equatorial mount"), std::string::npos);
}

}  // namespace wirebrief::ingest

namespace wirebrief::ingest {

// Issue 26: a sitemap index read from a file fetched its http(s) children (and failed offline).
TEST(SitemapIssue26Test, LocalIndexListsRemoteChildrenWithoutFetching) {
  IngestOptions o;
  o.fetch_options.connect_timeout_ms = 1000;  // a fetch tried would fail fast, as an error
  o.fetch_options.timeout_ms = 1000;
  DocumentStream s({testing::FixturePath("sitemaps/index_remote_children.xml")}, o);
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(s.references().size(), 2u);
  EXPECT_EQ(s.references()[0].kind, "sitemap");
  EXPECT_EQ(s.references()[0].url, "https://moorland-gazette.test/sitemaps/news-2026-11.xml");
  EXPECT_EQ(s.references()[1].url, "https://moorland-gazette.test/sitemaps/news-2026-10.xml.gz");
}

TEST(SitemapIssue26Test, UrlsetsWithoutOrWithAnOldNamespaceKeepTheirUrls) {
  DocumentStream s({testing::FixturePath("sitemaps/urlset_without_namespace.xml"),
                    testing::FixturePath("sitemaps/urlset_old_google_namespace.xml")},
                   IngestOptions{});
  auto got = testing::Drain(s);
  EXPECT_TRUE(got.errors.empty()) << got.errors[0].ToString();
  std::vector<std::string> urls;
  for (const auto& r : s.references()) urls.push_back(r.url);
  EXPECT_EQ(urls,
            (std::vector<std::string>{"https://moorland-gazette.test/2026/11/05/reservoir-levels",
                                      "https://moorland-gazette.test/2026/11/04/market-hall",
                                      "https://moorland-gazette.test/2026/11/03/bus-route-12",
                                      "https://fenland-echo.test/news/drainage-board-vote",
                                      "https://fenland-echo.test/news/sugar-beet-harvest"}));
}

TEST(SitemapIssue26Test, BadLocAmongGoodOnesCostsOnlyItsOwnEntry) {
  std::string path = testing::FixturePath("sitemaps/urlset_bad_locs.xml");
  DocumentStream s({path}, IngestOptions{});
  auto got = testing::Drain(s);
  std::vector<std::string> urls;
  for (const auto& r : s.references()) urls.push_back(r.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://estuary-post.test/a/lighthouse-keeper-retires",
                                            "https://estuary-post.test/a/ferry-fares-frozen"}));
  EXPECT_EQ(s.references()[0].hints.at("image"), "https://estuary-post.test/img/lighthouse.jpg");
  ASSERT_EQ(got.errors.size(), 3u);
  EXPECT_EQ(got.errors[0].ToString(),
            path + ": url 2: <loc> is not an http(s) URL: not a url at all");
  EXPECT_EQ(
      got.errors[1].ToString(),
      path + ": url 3: <loc> is not an http(s) URL: ftp://estuary-post.test/archive/2026.zip");
  EXPECT_EQ(got.errors[2].ToString(), path + ": url 4: <loc> missing");
}

}  // namespace wirebrief::ingest
