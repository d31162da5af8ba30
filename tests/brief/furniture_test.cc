// Page furniture (issue 31): the cue list is data (data/brief/furniture_cues.txt, compiled in),
// and no sentence it names becomes a brief line. Every sentence here is written for the test.
#include "brief/detail/furniture.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "stories.h"

namespace wirebrief::brief {
namespace {

using test_stories::BriefOf;
using test_stories::LinesHolding;
using test_stories::Make;
using test_stories::Prose;

// As in once_test.cc: the brief's prose lines never repeat a sentence.
bool NoRepeat(const core::Brief& b) {
  std::set<std::string> texts;
  for (const auto& l : b.lines)
    if (Prose(l) && !texts.insert(l.text).second) return false;
  return true;
}

TEST(Furniture, CueFileParsesCommentsQuotesAndCase) {
  const auto phrases = detail::ParseCueLines(
      "# a comment\n\n  Sign Up  \n\"click \"\r\n# \"not a phrase\"\nyour inbox");
  EXPECT_EQ(phrases, (std::vector<std::string>{"sign up", "click ", "your inbox"}));
}

TEST(Furniture, TheDataListTellsWidgetTextFromNews) {
  ASSERT_GE(detail::FurniturePhrases().size(), 20u);
  for (const char* furniture : {
           "Sign up for our morning newsletter to get flood updates in your inbox.",
           "Follow us on social media for live updates from the valley.",
           "You can turn off location sharing for your tweets at any time in settings.",
           "This site uses cookies to improve your experience.",
           "Download our app now to read every story offline.",
           "Image caption Volunteers fill sandbags outside the village hall",
       })
    EXPECT_TRUE(detail::IsFurniture(furniture)) << furniture;
  for (const char* news : {
           "The mayor tweeted on Monday that the bridge would reopen on Friday.",
           "The bakery gave a cookie to every volunteer who filled sandbags.",
           "Shares in the ferry company fell 12 percent after the strike was announced.",
           "The app maker said 3,000 users had lost access during the outage.",
       })
    EXPECT_FALSE(detail::IsFurniture(news)) << news;
}

// Widget text an outlet's page carried into its text never becomes a line, however often it
// repeats across the story's pages.
TEST(Furniture, NeverABriefLine) {
  // Widget text of the kind only the data list knows (a built-in list had let both through).
  const std::string widget =
      " You can add the valley location to your tweets from the web and from the apps you trust."
      " Download our news app now for live alerts about the valley roads.";
  std::vector<core::Article> arts = {
      Make("a", "Valley Courier", "Landslide blocks Pellin pass road",
           "A landslide blocked the Pellin pass road on Friday, cutting off three villages, the "
           "roads agency said." +
               widget +
               " Crews began clearing the rocks on Saturday morning with two excavators. "
               "The roads agency said the road would reopen on Tuesday."),
      Make("b", "Ridge Examiner", "Villages cut off by Pellin landslide",
           "Three villages were cut off after a landslide buried the Pellin pass road on Friday." +
               widget +
               " The roads agency expects the road to reopen on Tuesday. "
               "Residents were told to use the valley road through Orsk meanwhile."),
  };
  core::Brief b = BriefOf(arts, "pellin");
  EXPECT_TRUE(NoRepeat(b));
  ASSERT_GE(LinesHolding(b, "landslide"), 1u);
  for (const auto& l : b.lines) {
    if (Prose(l)) {
      EXPECT_FALSE(detail::IsFurniture(l.text)) << l.text;
    }
  }
  EXPECT_EQ(LinesHolding(b, "your tweets"), 0u);
  EXPECT_EQ(LinesHolding(b, "news app"), 0u);
}

}  // namespace
}  // namespace wirebrief::brief
