// Unit tests for the named boilerplate rules, the renderers and the per-document budgets.
#include <gtest/gtest.h>

#include "extract/detail/blocks.h"
#include "extract/detail/boilerplate_rules.h"
#include "extract/extract.h"

namespace wirebrief::extract {
namespace {

using detail::Block;
using detail::BlockKind;
using detail::ClassifyByName;
using detail::NameClass;
using detail::NameVerdict;

TEST(BoilerplateRulesTest, FurnitureNamesAreMatchedWordByWord) {
  EXPECT_EQ(ClassifyByName("social-share-bar", "").cls, NameClass::kStrongBoilerplate);
  EXPECT_EQ(ClassifyByName("", "comments").cls, NameClass::kStrongBoilerplate);
  EXPECT_EQ(ClassifyByName("mostPopular", "").cls, NameClass::kStrongBoilerplate);     // camelCase
  EXPECT_EQ(ClassifyByName("relatedstories", "").cls, NameClass::kStrongBoilerplate);  // stem
  EXPECT_EQ(ClassifyByName("ad-slot", "").cls, NameClass::kWeakBoilerplate);
  // "ad" inside "header", "promo" inside "promoted" are not words of their own.
  EXPECT_EQ(ClassifyByName("page-header", "").cls, NameClass::kWeakBoilerplate);
  EXPECT_EQ(ClassifyByName("node--promoted readable", "").cls, NameClass::kNeutral);
  EXPECT_EQ(ClassifyByName("loaded", "").cls, NameClass::kNeutral);
}

TEST(BoilerplateRulesTest, BodyMarkerOverridesFurnitureWords) {
  NameVerdict v = ClassifyByName("article-body share-enabled", "");
  EXPECT_EQ(v.cls, NameClass::kContent);
  EXPECT_EQ(v.weight, 25);
  EXPECT_EQ(ClassifyByName("entry-content", "").cls, NameClass::kContent);
}

TEST(BoilerplateRulesTest, CaptionsAreTheirOwnClass) {
  EXPECT_EQ(ClassifyByName("wp-caption-text", "").cls, NameClass::kCaption);
  EXPECT_EQ(ClassifyByName("photo-credit", "").cls, NameClass::kStrongBoilerplate);
}

TEST(BoilerplateRulesTest, ChromePhrasesAreWholeBlocksOnly) {
  EXPECT_TRUE(detail::IsChromeText("Advertisement"));
  EXPECT_TRUE(detail::IsChromeText("Read more »"));
  EXPECT_TRUE(detail::IsChromeText("Read more: Council budget vote delayed"));
  EXPECT_TRUE(detail::IsChromeText("© 2026 The Valley Ledger"));
  EXPECT_FALSE(
      detail::IsChromeText("Read more about how the council spends its budget in our explainer."
                           " It covers every district, line by line, with the figures."));
  EXPECT_FALSE(detail::IsChromeText("The advertisement ran for a week."));
  EXPECT_TRUE(detail::IsChromeText("[button link=\"/review\"] Send us your review[/button]"));
  EXPECT_FALSE(detail::IsChromeText("[Updated] The ferry runs again."));
}

TEST(BoilerplateRulesTest, LandmarkRoles) {
  EXPECT_TRUE(detail::IsBoilerplateRole("navigation"));
  EXPECT_TRUE(detail::IsBoilerplateRole("complementary"));
  EXPECT_FALSE(detail::IsBoilerplateRole("main"));
  EXPECT_FALSE(detail::IsBoilerplateRole("article"));
}

TEST(RenderTest, MarkdownEscapesWhatWouldBecomeSyntax) {
  std::vector<Block> blocks(3);
  blocks[0].text = "1. This is not a list";
  blocks[1].text = "# Nor a heading, and *not* emphasis";
  blocks[2].kind = BlockKind::kPre;
  blocks[2].text = "int main() {\n  return 0;\n}";
  EXPECT_EQ(detail::RenderMarkdown("", blocks, 1 << 20),
            "1\\. This is not a list\n\n\\# Nor a heading, and \\*not\\* emphasis\n\n"
            "```\nint main() {\n  return 0;\n}\n```\n");
}

TEST(RenderTest, HtmlIsEscapedAndAttributeFree) {
  std::vector<Block> blocks(1);
  blocks[0].text = "<script>alert(1)</script> & \"quotes\"";
  EXPECT_EQ(detail::RenderHtml("A <b>title</b>", blocks, 1 << 20),
            "<article>\n<h1>A &lt;b&gt;title&lt;/b&gt;</h1>\n"
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>\n</article>\n");
}

TEST(RenderTest, RaggedTableRowsArePaddedInMarkdown) {
  std::vector<Block> cells(3);
  for (auto& c : cells) {
    c.kind = BlockKind::kCell;
    c.group = 7;
  }
  cells[0].text = "Team";
  cells[0].row = 1;
  cells[1].text = "Points";
  cells[1].row = 1;
  cells[2].text = "Harbour FC";
  cells[2].row = 2;
  EXPECT_EQ(detail::RenderMarkdown("", cells, 1 << 20),
            "| Team | Points |\n| --- | --- |\n| Harbour FC |  |\n");
  EXPECT_EQ(detail::RenderText(cells, 1 << 20), "Team\tPoints\nHarbour FC");
}

core::RawDocument Page(std::string html) {
  core::RawDocument doc;
  doc.content = std::move(html);
  doc.provenance.source = "page.html";
  return doc;
}

TEST(BudgetTest, OversizedPageIsTooLarge) {
  ExtractOptions options;
  options.limits.max_document_bytes = 100;
  auto got = ExtractArticle(Page("<html><body><p>" + std::string(200, 'x') + "</p></body></html>"),
                            options);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(ExtractStatusName(got.status()), "too_large");
}

TEST(BudgetTest, TooManyNodesIsTooLarge) {
  ExtractOptions options;
  options.limits.max_dom_nodes = 50;
  std::string html = "<html><body>";
  for (int i = 0; i < 100; ++i) html += "<p>paragraph " + std::to_string(i) + " of the page</p>";
  auto got = ExtractArticle(Page(html + "</body></html>"), options);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(ExtractStatusName(got.status()), "too_large");
}

TEST(BudgetTest, SpentTimeBudgetIsTimeout) {
  ExtractOptions options;
  options.time_budget = std::chrono::milliseconds(0);
  std::string html = "<html><body>";
  // The clock is read every 1024 nodes, so the page needs more than that.
  for (int i = 0; i < 3000; ++i) html += "<p>paragraph " + std::to_string(i) + "</p>";
  auto got = ExtractArticle(Page(html + "</body></html>"), options);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(ExtractStatusName(got.status()), "timeout");
}

TEST(BudgetTest, NoTextIsEmpty) {
  auto got = ExtractArticle(Page("<html><body><script>var x = 1;</script></body></html>"),
                            ExtractOptions{});
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(ExtractStatusName(got.status()), "empty");
  EXPECT_EQ(ExtractStatusName(core::Status::Ok()), "ok");
}

}  // namespace
}  // namespace wirebrief::extract
