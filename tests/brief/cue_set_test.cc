// detail::CueSet must answer exactly what std::string::find per phrase answered before it.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "brief/detail/text.h"

namespace wirebrief::brief::detail {
namespace {

uint32_t NaiveFind(const std::vector<std::vector<const char*>>& lists, const std::string& text) {
  uint32_t found = 0;
  for (size_t i = 0; i < lists.size(); ++i)
    for (const char* p : lists[i])
      if (text.find(p) != std::string::npos) found |= 1u << i;
  return found;
}

TEST(CueSetTest, ReportsWhichListsMatch) {
  CueSet cues{{" will ", " plans to "}, {" said", " says"}, {"@"}};
  EXPECT_EQ(cues.Find(" the council will vote "), 1u);
  EXPECT_EQ(cues.Find(" she said the council plans to vote "), 3u);
  EXPECT_EQ(cues.Find(" mail me@example "), 4u);
  EXPECT_EQ(cues.Find(" the council voted "), 0u);
  EXPECT_FALSE(cues.FoundIn(""));
  // A phrase may end exactly at the end of the text, and not run past it.
  EXPECT_EQ(cues.Find("police said"), 2u);
  EXPECT_EQ(cues.Find("police sai"), 0u);
  EXPECT_EQ(cues.Find("@"), 4u);
}

TEST(CueSetTest, PhrasesSharingTheirFirstBytesAreAllTried) {
  CueSet cues{{" since "}, {" sign up"}, {" signed "}};
  EXPECT_EQ(cues.Find(" they signed "), 4u);
  EXPECT_EQ(cues.Find(" sign up today "), 2u);
  EXPECT_EQ(cues.Find(" since then "), 1u);
}

TEST(CueSetTest, AgreesWithStringFindOnRandomText) {
  const std::vector<std::vector<const char*>> lists = {
      {" will ", " is set to ", " next week", "n't "}, {" said", " says", " sa"}, {"@", "www."}};
  CueSet cues{
      {" will ", " is set to ", " next week", "n't "}, {" said", " says", " sa"}, {"@", "www."}};
  std::mt19937 rng(7);
  const std::string alphabet = " wilsetxkdaynw.@'t";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    size_t len = rng() % 40;
    for (size_t i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    // Plant a phrase now and then so matches are not all accidental.
    if (round % 3 == 0) {
      const auto& list = lists[rng() % lists.size()];
      text.insert(rng() % (text.size() + 1), list[rng() % list.size()]);
    }
    ASSERT_EQ(cues.Find(text), NaiveFind(lists, text)) << "text: [" << text << "]";
  }
}

}  // namespace
}  // namespace wirebrief::brief::detail
