#include "ingest/robots.h"

#include <gtest/gtest.h>

namespace wirebrief::ingest {
namespace {

TEST(RobotsRulesTest, OwnGroupWinsOverStarAndGroupsCombine) {
  const char* body =
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: OtherBot\n"
      "User-agent: WireBrief/2.0\n"  // the leading token counts, case-insensitive
      "Disallow: /private/\n"
      "Crawl-delay: 2.5\n"
      "\n"
      "User-agent: wirebrief\n"  // a second group for us: combined with the first
      "Disallow: /drafts/\n";
  RobotsRules r = RobotsRules::Parse(body, "wirebrief");
  EXPECT_TRUE(r.Allows("/news/a.html"));
  EXPECT_FALSE(r.Allows("/private/x"));
  EXPECT_FALSE(r.Allows("/drafts/y"));
  EXPECT_EQ(r.rule_count(), 2u);
  ASSERT_TRUE(r.crawl_delay_seconds().has_value());
  EXPECT_DOUBLE_EQ(*r.crawl_delay_seconds(), 2.5);
  // Another crawler falls back to "*".
  RobotsRules other = RobotsRules::Parse(body, "somebot");
  EXPECT_FALSE(other.Allows("/news/a.html"));
  EXPECT_FALSE(other.crawl_delay_seconds().has_value());
}

TEST(RobotsRulesTest, NoGroupForUsMeansAllAllowed) {
  RobotsRules r = RobotsRules::Parse("User-agent: OtherBot\nDisallow: /\n", "wirebrief");
  EXPECT_TRUE(r.Allows("/anything"));
  // An empty group for us means all allowed too, whatever "*" says.
  RobotsRules e = RobotsRules::Parse(
      "User-agent: *\nDisallow: /\n\nUser-agent: wirebrief\n"
      "Disallow:\n",
      "wirebrief");
  EXPECT_TRUE(e.Allows("/anything"));
}

TEST(RobotsRulesTest, LongestMatchWinsAndAllowWinsATie) {
  RobotsRules r = RobotsRules::Parse(
      "User-agent: *\n"
      "Disallow: /news/\n"
      "Allow: /news/public/\n"
      "Disallow: /news/public/secret\n"
      "Allow: /tie\n"
      "Disallow: /tie\n",
      "wirebrief");
  EXPECT_FALSE(r.Allows("/news/a"));
  EXPECT_TRUE(r.Allows("/news/public/a"));
  EXPECT_FALSE(r.Allows("/news/public/secret-plan"));
  EXPECT_TRUE(r.Allows("/tie/x"));
  EXPECT_TRUE(r.Allows("/other"));
}

TEST(RobotsRulesTest, WildcardsAndEndAnchor) {
  RobotsRules r = RobotsRules::Parse(
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /search*q=\n"
      "Disallow: /*/print\n"
      "Allow: /$\n"
      "Disallow: /",
      "wirebrief");
  EXPECT_TRUE(r.Allows("/"));
  EXPECT_FALSE(r.Allows("/index.html"));  // "/" disallows, "/$" only allows the root
  RobotsRules w = RobotsRules::Parse(
      "User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\nDisallow: /*/print\n", "wirebrief");
  EXPECT_FALSE(w.Allows("/files/report.pdf"));
  EXPECT_TRUE(w.Allows("/files/report.pdf?download=1"));
  EXPECT_TRUE(w.Allows("/files/report.pdfs"));
  EXPECT_FALSE(w.Allows("/search?lang=en&q=ferry"));
  EXPECT_TRUE(w.Allows("/search?lang=en"));
  EXPECT_FALSE(w.Allows("/2026/11/ferry/print"));
  EXPECT_TRUE(w.Allows("/print"));
}

TEST(RobotsRulesTest, EscapesCompareNormalisedAndRobotsTxtIsAlwaysAllowed) {
  RobotsRules r = RobotsRules::Parse(
      "User-agent: *\nDisallow: /%7ejane/\nDisallow: /caf\xC3\xA9\nDisallow: /\n", "wirebrief");
  EXPECT_FALSE(r.Allows("/~jane/a"));
  EXPECT_FALSE(r.Allows("/caf%C3%A9"));
  EXPECT_TRUE(r.Allows("/robots.txt"));
  RobotsRules s = RobotsRules::Parse("User-agent: *\nDisallow: /~jane/\n", "wirebrief");
  EXPECT_FALSE(s.Allows("/%7Ejane/a"));
  EXPECT_TRUE(s.Allows("/jane/a"));
}

TEST(RobotsRulesTest, SitemapsCommentsAndOddLines) {
  RobotsRules r = RobotsRules::Parse(
      "\xEF\xBB\xBF# a comment\r\n"
      "Sitemap: https://h.test/sitemap-index.xml\r\n"
      "Disallow: /before-any-agent\r\n"  // no group yet: ignored
      "USER-AGENT : *   # trailing comment\r\n"
      "disallow: private/\r\n"  // no leading slash: read as /private/
      "this line has no colon\r\n"
      "Crawl-delay: soon\r\n"  // not a number: ignored
      "Sitemap: https://h.test/news-sitemap.xml\r\n"
      "Sitemap: https://h.test/sitemap-index.xml\r\n",
      "wirebrief");
  EXPECT_TRUE(r.Allows("/before-any-agent"));
  EXPECT_FALSE(r.Allows("/private/a"));
  EXPECT_FALSE(r.crawl_delay_seconds().has_value());
  EXPECT_EQ(r.sitemaps(), (std::vector<std::string>{"https://h.test/sitemap-index.xml",
                                                    "https://h.test/news-sitemap.xml"}));
}

TEST(RobotsRulesTest, OnlyTheFirstKMaxBytesAreRead) {
  std::string body = "User-agent: *\n";
  while (body.size() < RobotsRules::kMaxBytes) body += "Allow: /filler\n";
  body += "Disallow: /late/\n";
  RobotsRules r = RobotsRules::Parse(body, "wirebrief");
  EXPECT_TRUE(r.Allows("/late/a"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allows("/a"));
  EXPECT_TRUE(RobotsRules::AllowAll().Allows("/a"));
}

}  // namespace
}  // namespace wirebrief::ingest
