#include "ingest/listing.h"

#include <gtest/gtest.h>

#include "test_files.h"

namespace wirebrief::ingest {
namespace {

FetchedPage Page(std::string url, std::string body, std::string content_type = "") {
  FetchedPage p;
  p.requested_url = url;
  p.url = std::move(url);
  p.status = 200;
  p.content_type = std::move(content_type);
  p.body = std::move(body);
  p.fetched_at = "2026-11-03T09:00:00Z";
  return p;
}

Listing Read(const FetchedPage& page) {
  core::Result<Listing> l = ReadListing(page, IngestOptions{});
  EXPECT_TRUE(l.ok()) << l.status().ToString();
  return l.ok() ? std::move(l).value() : Listing{};
}

const char kNewsSitemap[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://harbour.test/news/ferry.html?utm_source=gn</loc><news:news>
<news:publication><news:name>Harbour Post</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-03T08:00:00+01:00</news:publication_date>
<news:title>Ferry returns &amp; port reopens</news:title></news:news></url>
<url><loc>/news/bridge.html</loc><lastmod>2026-11-02</lastmod></url>
</urlset>)";

TEST(ListingTest, NewsSitemapItemsCarryTitleDateAndPublication) {
  Listing l = Read(Page("https://harbour.test/news-sitemap.xml", kNewsSitemap));
  EXPECT_EQ(l.kind, Listing::Kind::kSitemap);
  ASSERT_EQ(l.items.size(), 2u);
  const Reference& a = l.items[0];
  EXPECT_EQ(a.url, "https://harbour.test/news/ferry.html");  // normalised
  EXPECT_EQ(a.kind, "sitemap_url");
  EXPECT_EQ(a.hints.at("title"), "Ferry returns & port reopens");
  EXPECT_EQ(a.hints.at("date_published"), "2026-11-03T08:00:00+01:00");
  EXPECT_EQ(a.hints.at("site_name"), "Harbour Post");
  EXPECT_EQ(a.hints.at("language"), "en");
  EXPECT_EQ(l.items[1].url, "https://harbour.test/news/bridge.html");  // resolved
  EXPECT_EQ(l.items[1].hints.at("date_modified"), "2026-11-02");
  EXPECT_TRUE(l.errors.empty());
}

// Issue 19, "a news sitemap yields nothing at all": the news elements were matched by the
// prefix "news" and the root by "<urlset" literally, so a sitemap declaring the news
// namespace under another prefix (or as the default namespace of <news>) lost every title
// (no headline articles), and one with a prefixed root, a long leading comment or UTF-16 text
// was read as an HTML page, listing nothing.
TEST(ListingTest, NewsSitemapWithOtherPrefixesYieldsItsItems) {
  const char* variants[] = {
      // news namespace bound to "n"
      R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:n="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://h.test/a</loc>
<n:news><n:publication><n:name>H</n:name></n:publication><n:title>Storm closes pier</n:title>
</n:news></url></urlset>)",
      // news namespace as the default inside <news>
      R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>
<loc>https://h.test/a</loc><news xmlns="http://www.google.com/schemas/sitemap-news/0.9">
<publication><name>H</name></publication><title>Storm closes pier</title></news></url></urlset>)",
      // a prefixed root
      R"(<?xml version="1.0"?><sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><sm:url><sm:loc>https://h.test/a</sm:loc>
<news:news><news:title>Storm closes pier</news:title></news:news></sm:url></sm:urlset>)",
      // the news prefix never declared
      R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>
<loc>https://h.test/a</loc><news:news><news:title>Storm closes pier</news:title></news:news>
</url></urlset>)",
  };
  for (const char* v : variants) {
    Listing l = Read(Page("https://h.test/news-sitemap.xml", v));
    EXPECT_EQ(l.kind, Listing::Kind::kSitemap) << v;
    ASSERT_EQ(l.items.size(), 1u) << v;
    EXPECT_EQ(l.items[0].url, "https://h.test/a");
    EXPECT_EQ(l.items[0].hints.count("title") ? l.items[0].hints.at("title") : "",
              "Storm closes pier")
        << v;
  }
}

TEST(ListingTest, NewsSitemapAfterLongCommentOrInUtf16IsStillASitemap) {
  std::string commented = std::string("<?xml version=\"1.0\"?>\n<!-- ") + std::string(6000, 'g') +
                          " -->\n" +
                          std::string(kNewsSitemap).substr(39);  // without its declaration
  Listing a = Read(Page("https://harbour.test/s.xml", commented));
  EXPECT_EQ(a.kind, Listing::Kind::kSitemap);
  EXPECT_EQ(a.items.size(), 2u);

  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(kNewsSitemap)) {
    utf16 += c;
    utf16 += '\0';
  }
  Listing b = Read(Page("https://harbour.test/s.xml", utf16));
  EXPECT_EQ(b.kind, Listing::Kind::kSitemap);
  ASSERT_EQ(b.items.size(), 2u);
  EXPECT_EQ(b.items[0].hints.at("title"), "Ferry returns & port reopens");

  // Blank lines before the declaration made libxml2 drop "&amp;" from the title.
  Listing c = Read(Page("https://harbour.test/s.xml", "\n\n" + std::string(kNewsSitemap)));
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].hints.at("title"), "Ferry returns & port reopens");
}

TEST(ListingTest, GzipSitemapIndexListsChildren) {
  std::string index = R"(<?xml version="1.0"?><sitemapindex
 xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://h.test/news-sitemap.xml</loc></sitemap>
<sitemap><loc>/archive/2026-10.xml.gz</loc></sitemap>
<sitemap><loc>https://h.test/news-sitemap.xml#dup</loc></sitemap>
</sitemapindex>)";
  Listing l = Read(
      Page("https://h.test/sitemap-index.xml.gz", testing::GzipMember(index), "application/gzip"));
  EXPECT_EQ(l.kind, Listing::Kind::kSitemapIndex);
  EXPECT_TRUE(l.items.empty());
  EXPECT_EQ(l.listings, (std::vector<std::string>{"https://h.test/news-sitemap.xml",
                                                  "https://h.test/archive/2026-10.xml.gz"}));
}

TEST(ListingTest, RssWithTtlContentAndBadItems) {
  std::string rss = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>
<title>Valley Courier</title><link>https://valley.test/</link><ttl>45</ttl>
<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>
<item><title>Bridge approved</title><link>https://valley.test/bridge/#top</link>
<author>desk@valley.test (Tomas Quill)</author><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>
<description>The council voted.</description></item>
<item><title>Full text</title><link>/full.html</link>
<content:encoded><![CDATA[<p>All of the story.</p>]]></content:encoded></item>
<item><title>No link at all</title></item>
<item><title>Mail</title><link>mailto:desk@valley.test</link></item>
</channel></rss>)";
  Listing l = Read(Page("https://valley.test/feed.xml", rss));
  EXPECT_EQ(l.kind, Listing::Kind::kFeed);
  EXPECT_EQ(l.title, "Valley Courier");
  ASSERT_TRUE(l.ttl_seconds.has_value());
  EXPECT_DOUBLE_EQ(*l.ttl_seconds, 45 * 60.0);  // <ttl> wins over sy:
  ASSERT_EQ(l.items.size(), 2u);
  EXPECT_EQ(l.items[0].url, "https://valley.test/bridge");
  EXPECT_EQ(l.items[0].hints.at("author"), "Tomas Quill");
  EXPECT_EQ(l.items[0].hints.at("date_published"), "2026-11-03T10:00:00+00:00");
  EXPECT_EQ(l.items[1].url, "https://valley.test/full.html");
  ASSERT_EQ(l.documents.size(), 2u);
  EXPECT_EQ(l.documents[0].url, "https://valley.test/full.html");
  EXPECT_NE(l.documents[0].content.find("All of the story."), std::string::npos);
  // A titled item without a link is a headline article, not an error (issue 26).
  EXPECT_TRUE(l.documents[1].url.empty());
  EXPECT_EQ(l.documents[1].kind, core::ContentKind::kHeadline);
  EXPECT_EQ(l.documents[1].hints.at("title"), "No link at all");
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_NE(l.errors[0].ToString().find("item 4: not an http(s) URL: mailto:"), std::string::npos)
      << l.errors[0].ToString();
}

TEST(ListingTest, SyndicationModuleGivesTheTtlWithoutTtl) {
  std::string rss = R"(<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel><title>T</title><sy:updatePeriod>hourly</sy:updatePeriod>
<sy:updateFrequency>2</sy:updateFrequency><item><link>https://t.test/a</link></item></channel></rss>)";
  Listing l = Read(Page("https://t.test/feed", rss));
  ASSERT_TRUE(l.ttl_seconds.has_value());
  EXPECT_DOUBLE_EQ(*l.ttl_seconds, 1800.0);
  Listing none = Read(Page("https://t.test/feed",
                           "<rss><channel><ttl>-5</ttl><item><link>https://t.test/a</link>"
                           "</item></channel></rss>"));
  EXPECT_FALSE(none.ttl_seconds.has_value());
}

TEST(ListingTest, AtomRelativeLinksResolveAgainstTheFeedUrl) {
  std::string atom = R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Coast</title><entry><title>Tide</title><link href="../news/tide.html"/>
<published>2026-11-03T06:00:00Z</published><author><name>Jun Halvard</name></author></entry></feed>)";
  Listing l = Read(Page("https://coast.test/feeds/atom.xml", atom));
  EXPECT_EQ(l.kind, Listing::Kind::kFeed);
  ASSERT_EQ(l.items.size(), 1u);
  EXPECT_EQ(l.items[0].url, "https://coast.test/news/tide.html");
  EXPECT_EQ(l.items[0].hints.at("author"), "Jun Halvard");
}

TEST(ListingTest, HomePageListsItsFeeds) {
  std::string html = R"(<!DOCTYPE html><html><head><title>Harbour Post</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" href="https://harbour.test/atom.xml">
<link rel="alternate" type="application/rss+xml" href="/feed.xml?utm_source=home">
<link rel="stylesheet" href="/site.css"></head><body><p>Hello</p></body></html>)";
  IngestOptions o;
  o.discover_feeds = false;  // asking for a page's listing is asking for its feeds anyway
  core::Result<Listing> l = ReadListing(Page("https://harbour.test/", html), o);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->kind, Listing::Kind::kHtmlPage);
  EXPECT_EQ(l->listings, (std::vector<std::string>{"https://harbour.test/feed.xml",
                                                   "https://harbour.test/atom.xml"}));
}

TEST(ListingTest, OtherBodiesAndBrokenXml) {
  Listing json = Read(Page("https://h.test/api", "[1, 2, 3]"));
  EXPECT_EQ(json.kind, Listing::Kind::kOther);
  core::Result<Listing> broken =
      ReadListing(Page("https://h.test/feed.xml", "<rss><channel><item>"), IngestOptions{});
  // Recovery keeps what it can: an unterminated feed is a feed with one bad item.
  ASSERT_TRUE(broken.ok());
  EXPECT_EQ(broken->kind, Listing::Kind::kFeed);
  IngestOptions small;
  small.max_xml_bytes = 100;
  core::Result<Listing> big = ReadListing(Page("https://h.test/s.xml", kNewsSitemap), small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), core::StatusCode::kLimitExceeded);
  EXPECT_EQ(big.status().source(), "https://h.test/s.xml");
  core::Result<Listing> corrupt =
      ReadListing(Page("https://h.test/s.xml.gz", testing::GzipMember(kNewsSitemap).substr(0, 40)),
                  IngestOptions{});
  EXPECT_FALSE(corrupt.ok());
}

TEST(DocumentFromPageTest, DecodesLikeDocumentStreamAndKeepsProvenance) {
  FetchedPage p =
      Page("https://valley.test/news/b.html", "<html><body><p>Caf\xE9 opens</p></body></html>",
           "text/html; charset=ISO-8859-1");
  p.requested_url = "https://valley.test/b";
  p.status = 403;
  core::Result<core::RawDocument> d = DocumentFromPage(p, IngestOptions{});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->url, "https://valley.test/news/b.html");
  EXPECT_EQ(d->kind, core::ContentKind::kHtml);
  EXPECT_EQ(d->charset, "windows-1252");
  EXPECT_NE(d->content.find("Caf\xC3\xA9 opens"), std::string::npos);
  EXPECT_EQ(d->provenance.source, "https://valley.test/news/b.html");
  EXPECT_EQ(d->provenance.container, "http");
  EXPECT_EQ(d->provenance.crawl_date, "2026-11-03T09:00:00Z");
  EXPECT_EQ(d->provenance.http_status, 403);
  EXPECT_EQ(d->provenance.length, p.body.size());
}

TEST(DocumentFromPageTest, RefusesWhatIsNotAPage) {
  EXPECT_EQ(DocumentFromPage(Page("https://h.test/e", ""), IngestOptions{}).status().code(),
            core::StatusCode::kEmpty);
  core::Result<core::RawDocument> feed =
      DocumentFromPage(Page("https://h.test/s.xml", kNewsSitemap), IngestOptions{});
  EXPECT_EQ(feed.status().ToString(), "https://h.test/s.xml: a sitemap, not a page");
  IngestOptions small;
  small.limits.max_document_bytes = 10;
  EXPECT_EQ(
      DocumentFromPage(Page("https://h.test/p", "<p>longer than ten</p>"), small).status().code(),
      core::StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace wirebrief::ingest
