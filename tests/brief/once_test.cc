// Briefs say each thing once (issue 31): no source sentence cited by two prose lines, no text
// twice, a wire sentence carried by two outlets one line, overlapping sentence windows never
// both lines, no line copied into a second section. Every story here is fictional.
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

// The brief's own guard, as the kit's shape check reads it: no two prose lines cite sentences
// that overlap, and no text is printed twice. Returns what was repeated, empty when nothing.
std::string Repeats(const core::Brief& b) {
  std::set<std::string> texts;
  std::vector<core::Citation> cited;
  for (const auto& l : b.lines) {
    if (!Prose(l)) continue;
    if (!texts.insert(l.text).second) return "text twice: " + l.text;
    std::vector<core::Citation> mine;
    for (const auto& c : l.citations) {
      for (const auto& o : cited)
        if (o.article_id == c.article_id && o.span.begin < c.span.end && c.span.begin < o.span.end)
          return "sentence cited twice, again by: " + l.text;
      mine.push_back(c);
    }
    cited.insert(cited.end(), mine.begin(), mine.end());
  }
  return "";
}

// Two independent outlets carry one agency sentence word for word, beside their own reporting.
// The sentence is one line citing both copies; neither copy is cited by another line.
TEST(BriefOnce, WireSentenceInTwoOutletsIsOneLine) {
  const std::string wire =
      "The Marrow Valley dam released water on Tuesday after the reservoir rose four metres in "
      "two days, the Marrow Water Authority said.";
  std::vector<core::Article> arts = {
      Make("a", "Valley Courier", "Marrow dam opens its gates",
           wire +
               " Farmers below the dam moved cattle to higher ground overnight. "
               "The authority said the spillway was working as designed and no homes were at risk. "
               "Engineer Dana Oyelaran said the gates would stay open until the reservoir fell "
               "below its summer mark. "
               "Schools in Lower Marrow stayed open on Tuesday."),
      Make("b", "Ridge Examiner", "Water released from Marrow reservoir",
           wire + " Anglers were told to keep away from the river banks below the spillway. "
                  "The Marrow Water Authority said the release would last at least three days. "
                  "Lower Marrow council said it had sandbags ready at the village hall. "
                  "The river rose by half a metre at the Lower Marrow bridge by Tuesday evening."),
  };
  core::Brief b = BriefOf(arts, "marrow");
  EXPECT_EQ(Repeats(b), "");
  // The agency sentence is said once, and its line cites both outlets' copies.
  ASSERT_EQ(LinesHolding(b, "released water on Tuesday"), 1u);
  for (const auto& l : b.lines) {
    if (!Prose(l) || l.text.find("released water on Tuesday") == std::string::npos) continue;
    std::set<std::string> articles;
    for (const auto& c : l.citations) articles.insert(c.article_id);
    EXPECT_EQ(articles, (std::set<std::string>{"a", "b"})) << l.text;
  }
}

// Three outlets tell the same facts in their own words (not copies: the sentences share too few
// words to be one text). Each fact is one line: the area burned, the people who left, the crews.
TEST(BriefOnce, OneFactToldByThreeOutletsIsOneLine) {
  std::vector<core::Article> arts = {
      Make("a", "Saren Courier", "Grass fire forces Talvik evacuation",
           "A grass fire forced the evacuation of 900 people from Talvik on Thursday, the regional "
           "fire service said. "
           "The fire has burned 12,500 hectares, about 30,900 acres, in the upper Saren valley "
           "east of Talvik. "
           "Crews from four districts fought the fire through the night with six water bombers. "
           "The regional fire service said a change in the wind could push the flames toward "
           "Talvik on Friday."),
      Make("b", "Valley Post", "Talvik evacuated as Saren valley fire grows",
           "About 900 people left Talvik on Thursday as a grass fire spread through the Saren "
           "valley. "
           "The Saren valley fire has scorched 12,500 hectares, roughly 30,900 acres, since "
           "lightning started it on Sunday. "
           "Volunteers set up a shelter for evacuated families in the Talvik sports hall. "
           "Six water bombers and crews from four districts fought the fire."),
      Make("c", "North Ledger", "Talvik empties as fire spreads",
           "Talvik was evacuated on Thursday as a grass fire in the Saren valley spread toward "
           "the town. "
           "Schools in Talvik closed early as smoke covered the town. "
           "The regional fire service said crews from four districts were fighting the fire "
           "with water bombers."),
  };
  core::Brief b = BriefOf(arts, "talvik");
  EXPECT_EQ(Repeats(b), "");
  EXPECT_EQ(LinesHolding(b, "12,500 hectares"), 1u);
  EXPECT_EQ(LinesHolding(b, "900 people"), 1u);
  EXPECT_LE(LinesHolding(b, "four districts"), 1u);
  EXPECT_LE(LinesHolding(b, "Talvik on Thursday") + LinesHolding(b, "evacuated on Thursday"), 1u);
}

// A quotation over two sentences is a candidate line of its own (from its opening mark to the
// sentence naming the speaker) and so is its second sentence: the windows overlap and at most
// one of them becomes a line, whichever sections ask for them.
TEST(BriefOnce, OverlappingSentenceWindowsAreNotBothLines) {
  std::vector<core::Article> arts = {
      Make("a", "Harbour Gazette", "Fire guts Keswall fish market",
           "A fire gutted the Keswall fish market early on Monday, destroying 40 stalls, the "
           "county fire service said. "
           "\"The whole roof came down in minutes. We will rebuild the market before the "
           "summer season,\" said market chair Ilse Tamboer. "
           "Fire crews from three stations fought the blaze for five hours. "
           "The fire service said the cause of the fire was not yet known. "
           "The county council will meet on Thursday to discuss emergency grants for traders."),
      Make("b", "Coast Weekly", "Keswall market traders count losses after fire",
           "Traders at the Keswall fish market counted their losses on Monday after a fire "
           "destroyed 40 stalls. "
           "\"We will rebuild the market before the summer season,\" market chair Ilse Tamboer "
           "said. "
           "Fire crews fought the blaze for five hours before it was under control. "
           "The county council will meet on Thursday to discuss grants for the traders."),
  };
  core::Brief b = BriefOf(arts, "keswall");
  EXPECT_EQ(Repeats(b), "");
  EXPECT_LE(LinesHolding(b, "We will rebuild the market"), 1u);
  EXPECT_LE(LinesHolding(b, "will meet on Thursday"), 1u);
}

// The lede is not printed again under a heading, and a sentence two parties act in is one
// party's line, not two.
TEST(BriefOnce, NoLineIsCopiedIntoASecondSection) {
  std::vector<core::Article> arts = {
      Make("a", "Plains Observer", "Tovar and Estrada sign water pact",
           "The governments of Tovar and Estrada signed a pact on Wednesday to share water from "
           "the Rio Lenta for ten years. "
           "Tovar will release 30 percent of the river's flow to Estrada each summer. "
           "Estrada agreed to fund two new pumping stations. "
           "The pact ends a dispute that closed the border crossing at Sal Fria for a month."),
      Make("b", "Lenta Daily", "Water pact signed after border dispute",
           "Tovar and Estrada signed a ten-year pact on Wednesday to share water from the Rio "
           "Lenta. "
           "Under the pact Tovar will release 30 percent of the river's flow to Estrada in summer. "
           "Estrada agreed to pay for two pumping stations near Sal Fria. "
           "Ministers of both countries will meet in March to review the first summer."),
  };
  core::Brief b = BriefOf(arts, "lenta");
  EXPECT_EQ(Repeats(b), "");
}

// With every sentence said once, a party whose own statement is taken (here the lede) could be
// handed whatever sentence names it. A party's line names it as the subject or as the speaker
// of an attributed quote; a sentence that has it as an object is no line of its.
TEST(BriefOnce, APartysLineIsItsOwnStatementOrNone) {
  std::vector<core::Article> arts = {
      Make("a", "Orvik Tidings", "Orvik harbour closed after storm",
           "The Orvik Port Authority closed the harbour on Monday after a storm damaged the "
           "breakwater. "
           "Fishermen criticised the long closure ordered by the Orvik Port Authority on Monday. "
           "\"We will not reopen until divers have checked every metre of the wall,\" said "
           "harbour master Lise Aune. "
           "About 60 fishing boats are tied up in the inner basin."),
      Make("b", "Fjord Weekly", "Storm shuts Orvik harbour",
           "The Orvik Port Authority shut the harbour on Monday after storm waves damaged the "
           "breakwater. "
           "Boat owners said they had not been told how long the closure ordered by the Orvik "
           "Port Authority would last. "
           "Harbour master Lise Aune said divers would inspect the wall on Wednesday."),
  };
  core::Brief b = BriefOf(arts, "orvik");
  EXPECT_EQ(Repeats(b), "");
  for (const auto& l : b.lines) {
    if (l.section != core::BriefSection::kStakeholder) continue;
    const std::string party = l.label.substr(0, l.label.find(" ("));
    const size_t at = l.text.find(party.substr(party.rfind(' ') + 1));
    ASSERT_NE(at, std::string::npos) << l.label << ": " << l.text;
    const bool early = at <= std::max<size_t>(40, l.text.size() / 2);
    const bool speaker = l.text.find("said " + party) != std::string::npos ||
                         l.text.find("said harbour master " + party) != std::string::npos;
    EXPECT_TRUE(early || speaker) << l.label << ": " << l.text;
  }
}

}  // namespace
}  // namespace wirebrief::brief
