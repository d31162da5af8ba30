// Key figures a reader would quote (issue 31): what they count and how many outlets give them;
// never "one X", nor a small count of a generic thing. The story is fictional.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stories.h"

namespace wirebrief::brief {
namespace {

using test_stories::BriefOf;
using test_stories::Make;

// "one step" is no key figure and a small count of a generic thing is not either; "2,300 homes",
// given by two outlets, is the figure the brief leads with.
TEST(BriefOnce, KeyFiguresCountWhatMatters) {
  std::vector<core::Article> arts = {
      Make("a", "Delta Standard", "Floods damage 2,300 homes in Ostrava delta",
           "Floodwater damaged 2,300 homes in the Ostrava delta on Sunday, the regional "
           "government said. "
           "Mayor Petra Lund called the new levee one step toward protecting the district. "
           "Two websites listed shelters for displaced families. "
           "The regional government said repairs would cost 45 million euros."),
      Make("b", "River Times", "Ostrava delta counts flood damage",
           "About 2,300 homes were damaged when the Ostrava river burst its banks on Sunday. "
           "The regional government put the cost of repairs at 45 million euros. "
           "Two firefighters were injured while rescuing residents from a flooded school. "
           "Mayor Petra Lund said one step remained before the levee could be finished."),
  };
  core::Brief b = BriefOf(arts, "ostrava");
  std::vector<std::string> figures;
  for (const auto& l : b.lines)
    if (l.section == core::BriefSection::kKeyFigure) figures.push_back(l.text);
  ASSERT_FALSE(figures.empty());
  EXPECT_NE(figures.front().find("2,300 homes"), std::string::npos) << figures.front();
  bool money = false, firefighters = false;
  for (const auto& f : figures) {
    SCOPED_TRACE(f);
    EXPECT_EQ(f.find("one step"), std::string::npos);
    EXPECT_EQ(f.find("Two websites"), std::string::npos);
    EXPECT_NE(f.rfind("one ", 0), 0u);
    EXPECT_NE(f.rfind("a ", 0), 0u);
    money = money || f.find("45 million euros") != std::string::npos;
    // A small count is kept when it is a casualty count.
    firefighters = firefighters || f.find("Two firefighters") != std::string::npos;
  }
  EXPECT_TRUE(money);
  EXPECT_TRUE(firefighters);
  EXPECT_LE(figures.size(), BriefOptions{}.max_figures);
}

}  // namespace
}  // namespace wirebrief::brief
