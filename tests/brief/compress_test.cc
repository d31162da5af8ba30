// Deletion-only compression (detail::Compress): attribution tails and parentheticals go, a
// clause after "said" stays.
#include "brief/detail/compress.h"

#include <gtest/gtest.h>

namespace wirebrief::brief::detail {
namespace {

TEST(Compress, DropsShortAttributionTails) {
  EXPECT_EQ(Compress("The bridge will reopen on Friday, the roads agency said."),
            "The bridge will reopen on Friday.");
  EXPECT_EQ(Compress("About 40 stalls burned in the market fire, police said on Tuesday."),
            "About 40 stalls burned in the market fire.");
  EXPECT_EQ(Compress("About 40 stalls burned in the market fire, said the county fire service."),
            "About 40 stalls burned in the market fire.");
  EXPECT_EQ(Compress("The river rose two metres (six feet) overnight at the Orsk gauge."),
            "The river rose two metres overnight at the Orsk gauge.");
}

// Regression (fixture heath-fire): the tail after the last comma was a statement, and
// dropping it left "Ilona Brisk, the mayor of Ridgeford." as a line.
TEST(Compress, KeepsAStatementAfterSaid) {
  const char* s = "Ilona Brisk, the mayor of Ridgeford, said the town hall would shelter families.";
  EXPECT_EQ(Compress(s), s);
  const char* q =
      "Engineers checked the pier overnight, the harbour master said, before it reopened.";
  EXPECT_EQ(Compress(q), q);
  const char* quoted = "\"We will rebuild,\" the mayor said.";
  EXPECT_EQ(Compress(quoted), quoted);
}

}  // namespace

// Issue 21: a stakeholder line is the clause that carries the party's position.
TEST(CompressToClause, DropsALeadingCircumstanceAndATrailingPurpose) {
  EXPECT_EQ(CompressToClause("On the Indonesian side, Dewi Kartikasari of the growers' federation "
                             "warned that small tea farmers could be squeezed.",
                             7),
            "Dewi Kartikasari of the growers' federation warned that small tea farmers could be "
            "squeezed.");
  EXPECT_EQ(CompressToClause("The minister declared a natural disaster in Wendale Shire and two "
                             "neighbouring areas so that residents can receive recovery payments.",
                             7),
            "The minister declared a natural disaster in Wendale Shire and two neighbouring "
            "areas.");
}

TEST(CompressToClause, KeepsWhatIsNotAClauseAndQuotesWhole) {
  // Up to the marker there is no verb: cutting would leave a noun phrase.
  const char* np = "Mr. Reid's decision to contact Mr. Schumer first, even as the caucus waited.";
  EXPECT_EQ(CompressToClause(np, 7), np);
  const char* quoted = "\"We will rebuild,\" the mayor said, so that nobody doubted it.";
  EXPECT_EQ(CompressToClause(quoted, 7), quoted);
  // Too little would be left.
  const char* short_clause = "After the vote, the union agreed.";
  EXPECT_EQ(CompressToClause(short_clause, 7), short_clause);
}

}  // namespace wirebrief::brief::detail
