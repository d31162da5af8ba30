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
}  // namespace wirebrief::brief::detail
