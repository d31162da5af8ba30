// Web-search syntax to FTS5: the expression each form becomes, and the inputs refused.
#include "store/search_query.h"

#include <gtest/gtest.h>

#include "store/store.h"

namespace wirebrief::store {
namespace {

std::string Match(std::string_view text) {
  auto r = ParseSearchQuery(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() ? r.value().match : "<error>";
}

TEST(SearchQuery, WordsAreAndedAndQuoted) {
  EXPECT_EQ(Match("storm surge"), "(\"storm\") AND (\"surge\")");
  EXPECT_EQ(Match("  "), "");
}

TEST(SearchQuery, PhraseOrExcludeAndPrefix) {
  EXPECT_EQ(Match("\"storm surge\" evacuat*"), "(\"storm surge\") AND (\"evacuat\" *)");
  EXPECT_EQ(Match("fire OR flood homes"), "(\"fire\" OR \"flood\") AND (\"homes\")");
  EXPECT_EQ(Match("fire -rumour -\"false alarm\""),
            "(\"fire\") NOT (\"rumour\" OR \"false alarm\")");
  // A dangling OR, an unclosed quote and a lone '-' are read as people mean them.
  EXPECT_EQ(Match("OR fire OR"), "(\"fire\")");
  EXPECT_EQ(Match("\"storm surge"), "(\"storm surge\")");
  EXPECT_EQ(Match("covid-19 - x"), "(\"covid-19\") AND (\"x\")");
}

TEST(SearchQuery, Fts5SyntaxInTheTextIsInert) {
  EXPECT_EQ(Match("title:x NEAR(a b) AND ^y"),
            "(\"title:x\") AND (\"NEAR(a\") AND (\"b)\") AND (\"AND\") AND (\"^y\")");
  EXPECT_EQ(Match("say \"he said \"\"no\"\"\""), "(\"say\") AND (\"he said \") AND (\"no\")");
  EXPECT_EQ(Match("*** --- \"\""), "");
}

TEST(SearchQuery, OperatorsBecomeFilters) {
  auto r = ParseSearchQuery(
      "fire OUTLET:\"Metro Signal\" lang:EN since:2026-11-03T10:00:00Z until:2026-11-30");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().match, "(\"fire\")");
  EXPECT_EQ(r.value().outlet, "Metro Signal");
  EXPECT_EQ(r.value().language, "en");
  EXPECT_EQ(r.value().since, "2026-11-03");
  EXPECT_EQ(r.value().until, "2026-11-30");
  EXPECT_EQ(ParseSearchQuery("outlet:example.com").value().match, "");
}

TEST(SearchQuery, RefusesBadDatesExclusionsOnlyAndOversizedQueries) {
  EXPECT_EQ(ParseSearchQuery("since:last-week").status().code(),
            core::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseSearchQuery("-fire -flood").status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseSearchQuery(std::string(kMaxQueryBytes + 1, 'a')).status().code(),
            core::StatusCode::kLimitExceeded);
  std::string many;
  for (size_t i = 0; i <= kMaxQueryTerms; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(ParseSearchQuery(many).status().code(), core::StatusCode::kLimitExceeded);
}

// Regression (fuzz_search_query): a NUL byte inside a term was passed into the FTS5 string,
// which SQLite's parser reads as its end, so the query failed as "unterminated string".
TEST(SearchQuery, NulByteInATermSeparatesWords) {
  // (The unclosed quote then runs to the end, as elsewhere.)
  EXPECT_EQ(Match(std::string_view("fire OR floo\0\0\" lang:en", 22)),
            "(\"fire\" OR \"floo\") AND (\" lang:e\")");
  EXPECT_EQ(Match(std::string_view("a\0b\x01"
                                   "c",
                                   5)),
            "(\"a\") AND (\"b\") AND (\"c\")");
}

// The expressions really run: FTS5 accepts every form above against a stored article.
TEST(SearchQuery, ExpressionsRunInSqlite) {
  auto store = OpenStore(":memory:");
  ASSERT_TRUE(store.ok());
  core::Article a;
  a.id = "a1";
  a.title = "Storm surge floods harbour";
  a.text = "A storm surge flooded the harbour on Tuesday; evacuations began at noon.";
  a.language = "en-GB";
  a.date_published = "2026-11-03T09:00:00Z";
  a.site_name = "Metro Signal";
  a.annotations.mentions.push_back({{0, 5}, core::EntityType::kPlace, "Harbour Town", ""});
  bool inserted = false;
  ASSERT_TRUE(store.value()->PutArticle(a, &inserted).ok());
  auto hits = [&](std::string_view text) {
    auto parsed = ParseSearchQuery(text);
    EXPECT_TRUE(parsed.ok());
    ArticleQuery q;
    q.match = parsed.value().match;
    q.outlet = parsed.value().outlet;
    q.language = parsed.value().language;
    q.since = parsed.value().since;
    q.until = parsed.value().until;
    auto page = store.value()->SearchArticles(q);
    EXPECT_TRUE(page.ok()) << text << ": " << page.status().ToString();
    return page.ok() ? page.value().hits.size() : 99u;
  };
  EXPECT_EQ(hits("\"storm surge\" evacuat*"), 1u);
  EXPECT_EQ(hits("\"surge storm\""), 0u);
  EXPECT_EQ(hits("tornado OR harbour"), 1u);
  EXPECT_EQ(hits("harbour -tuesday"), 0u);
  EXPECT_EQ(hits("title:x NEAR(a b) AND ^y"), 0u);
  EXPECT_EQ(hits("harbour lang:en outlet:\"metro signal\" since:2026-11-03 until:2026-11-03"), 1u);
  EXPECT_EQ(hits("harbour lang:fr"), 0u);
  EXPECT_EQ(hits("harbour until:2026-11-02"), 0u);
  EXPECT_EQ(hits(""), 1u);
  EXPECT_EQ(hits(std::string_view("storm\0surge", 11)), 1u);
  // Regression (fuzz_search_query, second find): an unknown operator's quoted value kept its NUL.
  EXPECT_EQ(hits(std::string_view("ti\xfftle:\"\x98\x04\0@ storm", 17)), 0u);
}

}  // namespace
}  // namespace wirebrief::store

namespace wirebrief::store {

TEST(SearchQuery, TheSameParseRendersToTsQuery) {
  auto q = ParseSearchQuery("storm \"sea wall\" OR levee evacuat* -rumour");
  ASSERT_TRUE(q.ok());
  auto ts = FtsMatchToTsQuery(q->match);
  ASSERT_TRUE(ts.ok()) << ts.status().ToString();
  EXPECT_EQ(ts.value(), "('storm') & ('sea wall' | 'levee') & ('evacuat':*) & !('rumour')");
}

TEST(SearchQuery, TsQueryQuotesAndBackslashesStayInsideTheLexeme) {
  auto q = ParseSearchQuery("it's back\\slash \"say \"\"hi\"\"\"");
  ASSERT_TRUE(q.ok());
  auto ts = FtsMatchToTsQuery(q->match);
  ASSERT_TRUE(ts.ok()) << ts.status().ToString();
  EXPECT_EQ(ts.value().substr(0, 30), "('it''s') & ('back\\\\slash') & ");
}

TEST(SearchQuery, TsQueryRefusesHandWrittenFts5) {
  EXPECT_EQ(FtsMatchToTsQuery("title:storm").status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_EQ(FtsMatchToTsQuery("\"open").status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_EQ(FtsMatchToTsQuery("NEAR(\"a\" \"b\")").status().code(),
            core::StatusCode::kInvalidArgument);
}

// Bug: FtsMatchToTsQuery passed malformed expressions through ("AND AND", "((", two terms with no
// operator, "ANDROID" read as AND + "ROID"), leaving PostgreSQL to answer with a bare tsquery
// syntax error; each is now refused here with a message naming the problem.
TEST(SearchQuery, TsQueryRefusesMalformedExpressionsNamingTheProblem) {
  auto message = [](std::string_view match) {
    auto ts = FtsMatchToTsQuery(match);
    EXPECT_EQ(ts.status().code(), core::StatusCode::kInvalidArgument) << match;
    return ts.ok() ? std::string("accepted: ") + ts.value() : ts.status().ToString();
  };
  EXPECT_NE(message("\"storm").find("unterminated quote"), std::string::npos);
  EXPECT_NE(message("(\"a\") AND (\"b \"\"c\"\"").find("unterminated quote"), std::string::npos);
  EXPECT_NE(message("\"a\" AND AND \"b\"").find("AND without a left operand"), std::string::npos);
  EXPECT_NE(message("\"a\" OR").find("without a right operand"), std::string::npos);
  EXPECT_NE(message("((\"a\")").find("'(' never closed"), std::string::npos);
  EXPECT_NE(message("(\"a\"))").find("')' without a matching '('"), std::string::npos);
  EXPECT_NE(message("()").find("empty parentheses"), std::string::npos);
  EXPECT_NE(message("\"a\" \"b\"").find("two terms without"), std::string::npos);
  EXPECT_NE(message("\"a\" ANDROID").find("unsupported"), std::string::npos);
  EXPECT_NE(message("NOT \"a\"").find("NOT without a left operand"), std::string::npos);
}

TEST(SearchQuery, TsQueryLimitsLengthAndNesting) {
  std::string deep = std::string(kMaxExpressionDepth + 1, '(') + "\"a\"" +
                     std::string(kMaxExpressionDepth + 1, ')');
  EXPECT_EQ(FtsMatchToTsQuery(deep).status().code(), core::StatusCode::kLimitExceeded);
  std::string ok = std::string(kMaxExpressionDepth, '(') + "\"a\"" +
                   std::string(kMaxExpressionDepth, ')');
  EXPECT_EQ(FtsMatchToTsQuery(ok).value(), ok.substr(0, kMaxExpressionDepth) + "'a'" +
                                               ok.substr(ok.size() - kMaxExpressionDepth));
  std::string lng = "\"" + std::string(kMaxExpressionBytes, 'a') + "\"";
  EXPECT_EQ(FtsMatchToTsQuery(lng).status().code(), core::StatusCode::kLimitExceeded);
}

TEST(SearchQuery, TsQueryKeepsNoControlByteAndKeepsKeywordsWhole) {
  auto ts = FtsMatchToTsQuery(std::string("(\"a\0b\tc\") AND(\"x\")OR(\"y\" *)", 27));
  ASSERT_TRUE(ts.ok()) << ts.status().ToString();
  EXPECT_EQ(ts.value(), "('a b c') & ('x') | ('y':*)");
}

}  // namespace wirebrief::store
