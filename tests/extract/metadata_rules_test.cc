// Unit tests for the metadata rules behind extract/'s fields: tolerant JSON-LD, bylines, title
// affixes, dates with context, language detection and wire credits. Tests named after a bug
// are regression tests for a disagreement found on the kit's readability pages.
#include <gtest/gtest.h>

#include "extract/detail/metadata.h"
#include "extract/detail/rules.h"
#include "extract/extract.h"
#include "extract/metadata.h"

namespace wirebrief::extract::detail {
namespace {

using json = nlohmann::json;

TEST(RepairJsonLdTest, JsonLdInsideCdataWasIgnored) {
  std::string raw = "\n  <![CDATA[ {\"@type\": \"NewsArticle\", \"headline\": \"A\"} ]]>\n";
  json j = json::parse(RepairJsonLd(raw), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["headline"], "A");
}

TEST(RepairJsonLdTest, CommentsTrailingCommasRawNewlinesAndBadEscapes) {
  std::string raw =
      "// theme\n{\"a\": \"line one\nline two\", \"b\": [1, 2,], /* x */ \"c\": \"it\\'s\",}";
  json j = json::parse(RepairJsonLd(raw), nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << RepairJsonLd(raw);
  EXPECT_EQ(j["a"], "line one\nline two");
  EXPECT_EQ(j["b"].size(), 2u);
  EXPECT_EQ(j["c"], "it's");
}

TEST(RepairJsonLdTest, ConcatenatedObjectsBecomeAnArray) {
  json j = json::parse(RepairJsonLd("{\"a\":1}\n{\"b\":2}"), nullptr, false);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j.size(), 2u);
}

TEST(RepairJsonLdTest, NestingBeyondTheLimitIsRefused) {
  EXPECT_EQ(
      RepairJsonLd(std::string(kMaxJsonLdDepth + 1, '[') + std::string(kMaxJsonLdDepth + 1, ']')),
      "");
  EXPECT_NE(RepairJsonLd("[[1]]"), "");
}

TEST(JsonLdGraphTest, AuthorByIdInAnotherBlockResolves) {
  JsonLdGraph g;
  g.AddBlock(R"({"@type":"BlogPosting","headline":"H","author":{"@id":"#p"}})");
  g.AddBlock(R"({"@graph":[{"@type":"Person","@id":"#p","name":"Ada Morrow"}]})");
  const json* art = g.Article("");
  ASSERT_NE(art, nullptr);
  EXPECT_EQ(JsonLdText(g, *art, "author"), "Ada Morrow");
}

TEST(JsonLdGraphTest, TypeMayBeAnArrayOrPrefixed) {
  JsonLdGraph g;
  g.AddBlock(
      R"([{"@type":"WebPage"},{"@type":["CreativeWork","schema:NewsArticle"],"headline":"X"}])");
  const json* art = g.Article("");
  ASSERT_NE(art, nullptr);
  EXPECT_EQ(JsonLdText(g, *art, "headline"), "X");
  EXPECT_EQ(g.FirstOfType("WebPage") != nullptr, true);
}

TEST(CleanAuthorNamesTest, BylinesBecomePeople) {
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthorNames({"By Jane Roe and John Doe, Staff Writers"}, &agencies),
            (std::vector<std::string>{"Jane Roe", "John Doe"}));
  EXPECT_EQ(CleanAuthorNames({"Por Ana García y Luis Pérez"}, &agencies),
            (std::vector<std::string>{"Ana García", "Luis Pérez"}));
  EXPECT_EQ(CleanAuthorNames({"By GILLIAN MOHR\n March 11, 2015 3:46 PM"}, &agencies),
            (std::vector<std::string>{"Gillian Mohr"}));
  EXPECT_EQ(CleanAuthorNames({"Written by Rob Ewing Edited by Betty Byrne"}, &agencies),
            (std::vector<std::string>{"Rob Ewing"}));
  EXPECT_TRUE(agencies.empty());
}

TEST(CleanAuthorNamesTest, AgenciesGoToWireNotAuthors) {
  std::vector<std::string> agencies;
  EXPECT_TRUE(CleanAuthorNames({"The Associated Press"}, &agencies).empty());
  EXPECT_EQ(CleanAuthorNames({"Mara Quist, Reuters"}, &agencies),
            (std::vector<std::string>{"Mara Quist"}));
  EXPECT_EQ(agencies, (std::vector<std::string>{"AP", "Reuters"}));
}

TEST(CleanAuthorNamesTest, ChromeAndSentencesAreNotNames) {
  EXPECT_TRUE(CleanAuthorNames({"Sign In"}, nullptr).empty());
  EXPECT_TRUE(CleanAuthorNames({"A note from Sleyca"}, nullptr).empty());
  EXPECT_TRUE(CleanAuthorNames({"https://www.facebook.com/someone"}, nullptr).empty());
  EXPECT_TRUE(CleanAuthorNames({"Email the author"}, nullptr).empty());
}

TEST(CleanAuthorNamesTest, ParenthesisInsideANameStays) {
  EXPECT_EQ(CleanAuthorNames({"Richard (R.J.) Eskow"}, nullptr),
            (std::vector<std::string>{"Richard (R.J.) Eskow"}));
  EXPECT_EQ(CleanAuthorNames({"Bradley M. Kuhn (http://example.org/bk/)"}, nullptr),
            (std::vector<std::string>{"Bradley M. Kuhn"}));
  EXPECT_EQ(CleanAuthorNames({"Martin Ullmann (avec Damien Lenoir et Morgane Tissot)"}, nullptr),
            (std::vector<std::string>{"Martin Ullmann", "Damien Lenoir", "Morgane Tissot"}));
}

TEST(StripTitleAffixesTest, SiteAndAuthorSegmentsGo) {
  EXPECT_EQ(StripTitleAffixes("How to Repot a Fern | HomeHow", "HomeHow", "", {}),
            "How to Repot a Fern");
  EXPECT_EQ(StripTitleAffixes("The Lighthouse Ledger - Ada Brook - Inkwell", "Inkwell", "",
                              {"Ada Brook"}),
            "The Lighthouse Ledger");
  EXPECT_EQ(
      StripTitleAffixes("Weekly Edition for May 12 [KernelNotes.net]", "KernelNotes.net", "", {}),
      "Weekly Edition for May 12");
  EXPECT_EQ(
      StripTitleAffixes("Library hours extended | The Daily Ledger", "", "dailyledger.test", {}),
      "Library hours extended");
}

TEST(StripTitleAffixesTest, SiteKindSegmentWithoutSiteNameGoes) {
  // Regression (title-en-dash): "Headline – My website" kept the segment: no site name to
  // match, and "website" is lower-case, so it did not read like a name.
  EXPECT_EQ(StripTitleAffixes("Ferry timetable changes from Monday – My website", "", "", {}),
            "Ferry timetable changes from Monday");
  EXPECT_EQ(StripTitleAffixes("Council approves harbour budget - Valley News", "", "", {}),
            "Council approves harbour budget");
  // A segment that starts in lower case is part of the headline, whatever its last word.
  EXPECT_EQ(StripTitleAffixes("Ferry timetable changes from Monday - what it means", "", "", {}),
            "Ferry timetable changes from Monday - what it means");
  EXPECT_EQ(StripTitleAffixes("Ferry timetable changes from Monday – the news", "", "", {}),
            "Ferry timetable changes from Monday – the news");
}

TEST(StripTitleAffixesTest, SiteNameHoldingAnUnderscoreWentInPieces) {
  // Regression (title-site-underscore): the site name "Harbour Notes_Blue Sky" was cut at its
  // own "_", leaving "... @ Harbour Notes" in the title; "Post @ Blog" was not seen as a site
  // affix at all.
  EXPECT_EQ(StripTitleAffixes("Tide pools_spring walk (2) @ Harbour Notes_Blue Sky :: Blogplace ::",
                              "Harbour Notes_Blue Sky", "blogplace.example", {}),
            "Tide pools_spring walk (2)");
  EXPECT_EQ(
      StripTitleAffixes("Night ferry returns to the island | Coast_Radio", "Coast_Radio", "", {}),
      "Night ferry returns to the island");
  // " @ " only goes with the site name after it: elsewhere it belongs to the headline.
  EXPECT_EQ(StripTitleAffixes("Dinner for two @ the old mill reopens", "Coast_Radio", "", {}),
            "Dinner for two @ the old mill reopens");
}

TEST(StripTitleAffixesTest, ChannelBeforeUnderscoreSiteStayedAfterWholeSiteCut) {
  // Regression (zh_underscore_suffix fixture): cutting "_Site" as a unit skipped the channel
  // segment before it, leaving "Headline_Channel".
  EXPECT_EQ(StripTitleAffixes("港口轮渡时刻表调整_本地_海湾晚报", "海湾晚报", "", {}),
            "港口轮渡时刻表调整");
  // A long segment before the site is headline, not a channel.
  EXPECT_EQ(StripTitleAffixes("Ferry_timetable changes for the winter season_Bay Post", "Bay Post",
                              "", {}),
            "Ferry_timetable changes for the winter season");
}

TEST(StripTitleAffixesTest, HeadlineHalvesThatMentionTheBrandStay) {
  // Regression: "Dropbox" inside the headline made the headline look like the site name.
  EXPECT_EQ(StripTitleAffixes("How we designed Dropbox's ATF - an async task framework", "Dropbox",
                              "dropbox.tech", {}),
            "How we designed Dropbox's ATF - an async task framework");
  EXPECT_EQ(StripTitleAffixes("Minecraft 1.8 - The Bountiful Update", "", "", {}),
            "Minecraft 1.8 - The Bountiful Update");
}

TEST(ParseDateTest, LanguagesAndShapes) {
  DateContext ctx = MakeDateContext("2026-11-05T12:00:00Z", false);
  EXPECT_EQ(ParseDate("3. November 2026, 14:20 Uhr", ctx), "2026-11-03T14:20:00");
  EXPECT_EQ(ParseDate("Publié le 4 novembre 2026 à 14h20", ctx), "2026-11-04T14:20:00");
  EXPECT_EQ(ParseDate("4 de noviembre de 2026 - 09:15", ctx), "2026-11-04T09:15:00");
  EXPECT_EQ(ParseDate("2026年11月4日 10:30", ctx), "2026-11-04T10:30:00");
  EXPECT_EQ(ParseDate("2026년 11월 4일", ctx), "2026-11-04");
  EXPECT_EQ(ParseDate("4 ноября 2026", ctx), "2026-11-04");
  EXPECT_EQ(ParseDate("4 Kasım 2026", ctx), "2026-11-04");
  EXPECT_EQ(ParseDate("Nov. 4, 2026 10:32 a.m. EST", ctx), "2026-11-04T10:32:00-05:00");
  EXPECT_EQ(ParseDate("Wed, 04 Nov 2026 10:32:00 +0100", ctx), "2026-11-04T10:32:00+01:00");
  EXPECT_EQ(ParseDate("11/04/2026", MakeDateContext("2026-11-05", true)), "2026-11-04");
  EXPECT_EQ(ParseDate("11/04/2026", ctx), "2026-04-11");
  EXPECT_EQ(ParseDate("13/04/2026", MakeDateContext("2026-11-05", true)), "2026-04-13");
}

TEST(ParseDateTest, RelativePhrasesUseTheCrawlDate) {
  DateContext ctx = MakeDateContext("2026-11-05T12:00:00Z", false);
  EXPECT_EQ(ParseDate("3 hours ago", ctx), "2026-11-05T09:00:00Z");
  EXPECT_EQ(ParseDate("vor 2 Tagen", ctx), "2026-11-03");
  EXPECT_EQ(ParseDate("il y a 30 minutes", ctx), "2026-11-05T11:30:00Z");
  EXPECT_EQ(ParseDate("hace 1 semana", ctx), "2026-10-29");
  EXPECT_EQ(ParseDate("yesterday", ctx), "2026-11-04");
  EXPECT_EQ(ParseDate("13 hours ago", MakeDateContext("2026-11-05T06:00:00+01:00", false)),
            "2026-11-04T17:00:00+01:00");
  EXPECT_EQ(ParseDate("3 hours", ctx), "");  // a duration, not a date
}

TEST(ParseDateTest, FutureAndPre1990AreRejected) {
  DateContext ctx = MakeDateContext("2026-11-05T12:00:00Z", false);
  EXPECT_EQ(ParseDate("2031-01-01T00:00:00Z", ctx), "");
  EXPECT_EQ(ParseDate("1970-01-01T00:00:00Z", ctx), "");
  EXPECT_EQ(ParseDate("2026-11-06", ctx), "2026-11-06");  // a day of slack for time zones
  EXPECT_EQ(ParseDate("2026-11-08", ctx), "");
}

TEST(ParseDateTest, ModifiedLabelsAndUrls) {
  EXPECT_TRUE(IsModifiedLabel("Updated Nov. 4, 2026"));
  EXPECT_TRUE(IsModifiedLabel("Mis à jour le 4 novembre"));
  EXPECT_FALSE(IsModifiedLabel("Published Nov. 4, 2026"));
  DateContext ctx = MakeDateContext("2026-11-05", false);
  EXPECT_EQ(DateFromUrl("https://x.test/world/2026/11/03/story", ctx), "2026-11-03");
  EXPECT_EQ(DateFromUrl("https://x.test/a/20261102/story.html", ctx), "2026-11-02");
  EXPECT_EQ(DateFromUrl("https://x.test/a/story-2026", ctx), "");
}

TEST(LanguageTest, TextDecidesWithConfidence) {
  std::string de =
      "Der Stadtrat hat am Dienstag beschlossen, das Nachtbusnetz auf die drei äußeren Bezirke "
      "auszuweiten, wovon nach Angaben der Verkehrsbetriebe rund 40.000 Menschen profitieren "
      "sollen. "
      "Die Opposition unterstützte den Plan, kritisierte aber die Kosten.";
  LanguageGuess g = DetectTextLanguage(de, "");
  EXPECT_EQ(g.code, "de");
  EXPECT_GT(g.confidence, 0.5);
  EXPECT_LE(g.confidence, 1.0);
  EXPECT_EQ(DetectTextLanguage("", "en").code, "");
  EXPECT_EQ(NormalizeLanguageTag("en_us"), "en-US");
  EXPECT_EQ(NormalizeLanguageTag("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(NormalizeLanguageTag("12"), "");
}

TEST(LanguageTest, HanOnlyTextCalledJapaneseIsChinese) {
  std::string zh =
      "地区议会周二投票通过决定，将夜间公交线路延伸至三个外围城区，交通部门表示，约有四万名居民将因"
      "此受益。"
      "交通委员会主席表示，首批线路将于二月开通，工作日每三十分钟一班，周末每二十分钟一班。";
  EXPECT_NE(DetectTextLanguage(zh, "zh").code, "ja");
}

TEST(WireCreditTest, DatelinesAndClosingCredits) {
  std::vector<std::string> p = {"BERLIN (dpa) - Der Stadtrat hat beschlossen.", "Zweiter Absatz.",
                                "Dritter."};
  EXPECT_EQ(TakeWireCredit(&p), (std::vector<std::string>{"dpa"}));
  p = {"First paragraph of the copy.", "Second paragraph.",
       "With information from Reuters and AFP."};
  EXPECT_EQ(TakeWireCredit(&p), (std::vector<std::string>{"Reuters", "AFP"}));
  EXPECT_EQ(p.size(), 2u);
  p = {"Primeiro parágrafo.", "Segundo parágrafo.", "Terceiro. Com informações da Reuters."};
  EXPECT_EQ(TakeWireCredit(&p), (std::vector<std::string>{"Reuters"}));
  EXPECT_EQ(p.back(), "Terceiro.");
  p = {"First.", "Additional reporting by Jane Roe."};
  EXPECT_TRUE(TakeWireCredit(&p).empty());  // people, not an agency
}

}  // namespace
}  // namespace wirebrief::extract::detail

namespace wirebrief::extract {
namespace {

// A video page: the player is filled by script, so body selection finds no article text.
constexpr char kVideoPage[] = R"(<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Fähre nach Helgoland fällt aus | Nordküsten-Bote</title>
<meta property="og:site_name" content="Nordküsten-Bote">
<meta property="og:title" content="Fähre nach Helgoland fällt aus">
<link rel="canonical" href="https://www.nordkuesten-bote.test/video/faehre-faellt-aus">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject",
 "name":"Fähre nach Helgoland fällt aus","uploadDate":"2026-10-14T08:30:00+02:00"}</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fähre nach Helgoland fällt aus",
 "datePublished":"2026-10-14T08:30:00+02:00","author":{"@type":"Person","name":"Greta Hansen"}}</script>
</head><body><nav><a href="/">Start</a> <a href="/video">Videos</a></nav>
<div class="player" data-src="/v/8812.m3u8"></div></body></html>)";

TEST(ExtractPageMetadataTest, PageWithoutArticleTextStillReportsItsMetadata) {
  // Regression (no-article pages lost their metadata): ExtractArticle fails with kEmpty and
  // its Result holds no Article, so the page's headline, author and date were never reported.
  core::RawDocument doc;
  doc.kind = core::ContentKind::kHtml;
  doc.content = kVideoPage;
  doc.provenance.source = "video.html";
  auto article = ExtractArticle(doc, ExtractOptions{});
  ASSERT_FALSE(article.ok());
  EXPECT_EQ(article.status().code(), core::StatusCode::kEmpty);

  auto meta = ExtractPageMetadata(doc, ExtractOptions{});
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  const core::Article& a = meta.value();
  EXPECT_EQ(a.title, "Fähre nach Helgoland fällt aus");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Greta Hansen"}));
  EXPECT_EQ(a.date_published.substr(0, 10), "2026-10-14");
  EXPECT_EQ(a.site_name, "Nordküsten-Bote");
  EXPECT_EQ(a.language.substr(0, 2), "de");
  EXPECT_EQ(a.field_sources.at("title"), "jsonld");
  EXPECT_TRUE(a.text.empty());
  EXPECT_TRUE(a.content_hash.empty());
  EXPECT_FALSE(a.id.empty());  // from the canonical URL
}

// The authors ExtractPageMetadata reads from a page whose only author signal is `byline_html`.
std::vector<std::string> AuthorsOfByline(const std::string& byline_html) {
  core::RawDocument doc;
  doc.kind = core::ContentKind::kHtml;
  doc.content =
      "<html><head><title>Harbour ferry timetable changes</title></head><body><main>"
      "<h1>Harbour ferry timetable changes</h1>" +
      byline_html + "<p>The ferry will not sail on Monday.</p></main></body></html>";
  doc.provenance.source = "byline.html";
  auto meta = ExtractPageMetadata(doc, ExtractOptions{});
  if (!meta.ok()) return {"error: " + meta.status().ToString()};
  return meta.value().authors;
}

TEST(ExtractPageMetadataTest, BylineLeadWordOutsideTheNameElementWasMissed) {
  // Regression (liberation-1's byline markup, "Par<span class=authorname> Name</span>"): a lead
  // word sitting outside the element that holds the name, with no class naming either, gave no
  // author.
  using Names = std::vector<std::string>;
  EXPECT_EQ(AuthorsOfByline(R"(<div class="meta">By <a href="/p/1">Tobias Wrenfield</a></div>)"),
            Names{"Tobias Wrenfield"});
  EXPECT_EQ(AuthorsOfByline(R"(<p>Par<a href="/j/om"> Odile Marchetti</a> et )"
                            R"(<a href="/j/br">Bastien Royer</a>, à Valcourt</p>)"),
            (Names{"Odile Marchetti", "Bastien Royer"}));
  EXPECT_EQ(AuthorsOfByline(R"(<p><span class="x">Von</span> <span>Greta Hansen</span></p>)"),
            Names{"Greta Hansen"});
  EXPECT_EQ(
      AuthorsOfByline(R"(<p>Por <strong>Ana García</strong>, <strong>Luis Pérez</strong></p>)"),
      (Names{"Ana García", "Luis Pérez"}));
  EXPECT_EQ(AuthorsOfByline(R"(<p>Di <b>Marta Colombo</b></p>)"), Names{"Marta Colombo"});
  // The same shape opening a sentence, a dateline or a credit names no author.
  EXPECT_TRUE(AuthorsOfByline(R"(<p>By <b>Tuesday</b>, the ferry was back.</p>)").empty());
  EXPECT_TRUE(AuthorsOfByline(R"(<p>Da <span>Roma</span> a Napoli</p>)").empty());
  EXPECT_TRUE(AuthorsOfByline(R"(<p>By <a href="/r">Reuters</a></p>)").empty());
  // Chrome still holds other stories' bylines.
  EXPECT_TRUE(AuthorsOfByline(R"(<aside class="related"><a href="/o">Other story</a> )"
                              R"(<span>Par<span> Lucien Ferrandou</span></span></aside>)")
                  .empty());
}

// Bug (seen in the demo): pasted text had no outlet but its file name. When its chrome states the
// site, in a copyright line, that is its outlet, and the line is not body text; a wire agency's
// copyright on a reprint names the agency, not the site; a text stating neither has no outlet.
TEST(PastedTextTest, OutletWasTheInputFileNameRegression) {
  auto read = [](const std::string& text) {
    core::RawDocument doc;
    doc.kind = core::ContentKind::kText;
    doc.content = text;
    doc.provenance.source = "notes/ferry-fares.txt";
    auto a = ExtractArticle(doc, ExtractOptions{});
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? a.value() : core::Article{};
  };
  const std::string body =
      "Ferry fares to rise in spring\nHome > News > Transport\n\nFerry fares to rise in spring\n\n"
      "The Tessel ferry company will raise fares by 6 percent from April, citing the cost of fuel "
      "and two new pontoons at its terminal.\n\nThe company said season tickets for island "
      "residents would not change this year.\n\n";
  core::Article a = read(body + "\u00A9 2026 Harbour Notes. All rights reserved.\n");
  EXPECT_EQ(a.site_name, "Harbour Notes");
  EXPECT_EQ(a.field_sources["site_name"], "text");
  EXPECT_EQ(core::OutletOf(a), "Harbour Notes");
  EXPECT_EQ(a.text.find("rights reserved"), std::string::npos) << a.text;
  // Below the comment widget, where the page footer is.
  a = read(body + "Log in to comment\nMost Popular\nCopyright (c) 2025-2026 Harbour Notes Ltd\n");
  EXPECT_EQ(a.site_name, "Harbour Notes Ltd");
  // The agency that wrote the copy, by its name or by its initials in the dateline ("NP").
  a = read(
      "Ferry fares to rise in spring\n\nPORT BELMAR (Northsea Press) -- The Tessel ferry company "
      "will raise fares by 6 percent from April, citing the cost of fuel.\n\nThe company said "
      "season tickets would not change.\n\nCopyright 2026 Northsea Press. All rights reserved.\n");
  EXPECT_EQ(a.site_name, "");
  EXPECT_EQ(a.wire, std::vector<std::string>{"Northsea Press"});
  a = read(
      "Ferry fares to rise in spring\n\nPORT BELMAR (NP) -- The Tessel ferry company will raise "
      "fares by 6 percent from April, citing the cost of fuel.\n\nThe company said season "
      "tickets would not change.\n\n\u00A9 Northsea Press 2026\n");
  EXPECT_EQ(a.site_name, "");
  a = read(body);
  EXPECT_EQ(a.site_name, "");
  EXPECT_EQ(core::OutletOf(a), "");
  // Prose that opens with the word is body text, and names no site.
  a = read(body + "Copyright Office staff disagreed with the plan.\n");
  EXPECT_EQ(a.site_name, "");
  EXPECT_NE(a.text.find("Copyright Office staff"), std::string::npos) << a.text;
}

TEST(ExtractPageMetadataTest, NonHtmlAndOversizedDocumentsAreErrors) {
  core::RawDocument text;
  text.kind = core::ContentKind::kText;
  text.content = "Ferry cancelled\nThe ferry will not sail on Monday.";
  EXPECT_EQ(ExtractPageMetadata(text, ExtractOptions{}).status().code(), core::StatusCode::kEmpty);
  core::RawDocument big;
  big.kind = core::ContentKind::kHtml;
  ExtractOptions small;
  small.limits.max_document_bytes = 16;
  big.content = kVideoPage;
  EXPECT_EQ(ExtractPageMetadata(big, small).status().code(), core::StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace wirebrief::extract
