// Key figures a reader would quote (issue 31): what they count and how many outlets give them;
// never "one X", nor a small count of a generic thing. The story is fictional.
#include <gtest/gtest.h>

#include <map>
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

// Issue 21: a figure's label says what it counts and what happened to it, so two facts about
// firefighters (injured, assigned) are told apart; the same fact from two outlets is one line;
// 12 killed and 14 injured are two facts however close; a number split by a space ("21, 000")
// is no figure.
TEST(BriefFigureLabels, LabelsSayWhatHappenedToWhatIsCountedRegression) {
  std::vector<core::Article> arts = {
      Make("a", "Valley Post", "Grass fire burns 4,000 hectares near Tallis",
           "A grass fire burned 4,000 hectares near Tallis on Tuesday and destroyed 31 homes, "
           "the rural fire service said. "
           "Two firefighters were injured when their truck rolled on a fire trail. "
           "Roughly 1,100 firefighters and 64 aircraft were assigned to the blaze. "
           "Twelve people were killed in a bus crash on the evacuation route, police said. "
           "Fourteen people were injured in the crash. "
           "The district has 21, 000 people on its electoral roll."),
      Make("b", "Ridge Courier", "Tallis fire destroys 31 homes",
           "The Tallis grass fire destroyed 31 homes on Tuesday as about 1,100 firefighters were "
           "assigned to the fire line. "
           "Two firefighters were injured, the fire service said. "
           "Twelve people were killed when a bus crashed on the evacuation route. "
           "Fourteen people were injured in the bus crash, police said."),
  };
  core::Brief b = BriefOf(arts, "tallis");
  std::map<std::string, std::string> by_label;
  std::string all;
  for (const auto& l : b.lines)
    if (l.section == core::BriefSection::kKeyFigure) {
      EXPECT_TRUE(by_label.emplace(l.label, l.text).second) << "two lines labelled " << l.label;
      all += l.label + ": " + l.text + " | ";
    }
  SCOPED_TRACE(all);
  EXPECT_NE(by_label["homes destroyed"].find("31 homes"), std::string::npos);
  EXPECT_NE(by_label["firefighters injured"].find("Two firefighters"), std::string::npos);
  EXPECT_NE(by_label["firefighters assigned"].find("1,100 firefighters"), std::string::npos);
  EXPECT_EQ(by_label.count("firefighters"), 0u);  // no label that leaves out what happened
  // The crash's dead and injured are two lines.
  bool killed = false, injured = false;
  for (const auto& [label, text] : by_label) {
    killed = killed || (label == "people killed" && text.find("Twelve") != std::string::npos);
    injured = injured || (label == "people injured" && text.find("Fourteen") != std::string::npos);
    EXPECT_EQ(text.find("000 people"), std::string::npos);
    EXPECT_EQ(text.find(" vs "), std::string::npos) << "outlets agree: " << text;
  }
  EXPECT_TRUE(killed);
  EXPECT_TRUE(injured);
}

}  // namespace
}  // namespace wirebrief::brief
