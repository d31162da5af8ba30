// Data-driven: fictional multi-outlet stories in tests/fixtures/brief/stories.json with the
// stakeholders (and, where a story sets it, their order), what's-next lines, timeline dates and
// figure conflicts their brief must have. "stakeholder_lines" are future sentences a stakeholder
// line holds (the party's only statement), which what's next therefore does not repeat; a
// story's "note" says why an expectation is what it is.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "brief/brief.h"
#include "nlp/read.h"

namespace wirebrief::brief {
namespace {

using json = nlohmann::json;

json LoadStories() {
  const char* root = std::getenv("WB_SOURCE_DIR");
  std::ifstream f(std::string(root ? root : ".") + "/tests/fixtures/brief/stories.json");
  std::stringstream ss;
  ss << f.rdbuf();
  return json::parse(ss.str(), nullptr, false);
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

TEST(BriefFixtures, SectionsMatchTheExpectedOnes) {
  json stories = LoadStories();
  ASSERT_TRUE(stories.is_array()) << "tests/fixtures/brief/stories.json missing or invalid";
  ASSERT_GE(stories.size(), 12u);
  for (const auto& st : stories) {
    SCOPED_TRACE(st["id"].get<std::string>());
    std::vector<core::Article> arts;
    for (const auto& a : st["articles"]) {
      core::Article art;
      art.id = st["id"].get<std::string>() + "#" + std::to_string(arts.size());
      art.site_name = a["outlet"];
      art.date_published = a["date"];
      art.title = a["title"];
      art.text = art.title + "\n" + a["text"].get<std::string>();
      art.annotations = nlp::ReadArticle(art);
      arts.push_back(std::move(art));
    }
    std::vector<const core::Article*> ptrs;
    for (const auto& a : arts) ptrs.push_back(&a);
    cluster::ClusterOptions co;
    co.join_threshold = -1;
    cluster::StoryGroup group;
    for (auto& g : cluster::ClusterStories(ptrs, co))
      for (auto& f : g.families) group.families.push_back(f);
    group.story.id = st["id"];
    group.story.first_published = arts.front().date_published;
    for (const auto& a : arts) group.story.article_ids.push_back(a.id);
    core::Brief b = BuildBrief(group, ptrs, BriefOptions{});

    std::set<std::string> stakeholders;
    std::vector<std::string> order, next, timeline, conflicts, stakeholder_lines;
    std::map<std::string, core::BriefSection> section_of;  // prose line -> its section
    std::set<std::pair<std::string, uint32_t>> cited;      // (article, sentence) prose lines cite
    for (const auto& l : b.lines) {
      if (l.section == core::BriefSection::kStakeholder) {
        stakeholders.insert(l.label.substr(0, l.label.find(" (")));
        order.push_back(l.label.substr(0, l.label.find(" (")));
        stakeholder_lines.push_back(l.text);
      }
      // A sentence is said once: in one prose line, whatever its section (the lede too), and
      // no source sentence is cited by two prose lines.
      if (l.section == core::BriefSection::kLede || l.section == core::BriefSection::kContext ||
          l.section == core::BriefSection::kStakeholder ||
          l.section == core::BriefSection::kWhatsNext ||
          l.section == core::BriefSection::kWhyItMatters) {
        auto [it, first] = section_of.emplace(l.text, l.section);
        EXPECT_TRUE(first) << "in " << core::BriefSectionName(it->second) << " and "
                           << core::BriefSectionName(l.section) << ": " << l.text;
        for (const auto& c : l.citations)
          EXPECT_TRUE(cited.insert({c.article_id, c.span.begin}).second)
              << "a sentence cited again by: " << l.text;
      }
      if (l.section == core::BriefSection::kWhatsNext) next.push_back(l.text);
      if (l.section == core::BriefSection::kTimeline) timeline.push_back(l.label);
      if (l.section == core::BriefSection::kKeyFigure && l.conflict) conflicts.push_back(l.text);
    }
    const json& e = st["expect"];
    std::set<std::string> want(e["stakeholders"].begin(), e["stakeholders"].end());
    EXPECT_EQ(stakeholders, want) << "got: " << Join({stakeholders.begin(), stakeholders.end()});
    // Where the story says who matters most (the party deciding or acting, before an agency
    // that only supplies figures), the lines come in that order.
    if (e.contains("stakeholder_order")) {
      EXPECT_EQ(order, e["stakeholder_order"].get<std::vector<std::string>>())
          << "got: " << Join(order);
    }
    EXPECT_EQ(next.size(), e["whats_next"].size()) << "got: " << Join(next);
    for (const auto& cue : e["whats_next"]) {
      bool found = false;
      for (const auto& n : next)
        found = found || n.find(cue.get<std::string>()) != std::string::npos;
      EXPECT_TRUE(found) << "no what's-next line with \"" << cue.get<std::string>()
                         << "\"; got: " << Join(next);
    }
    if (e.contains("stakeholder_lines"))
      for (const auto& cue : e["stakeholder_lines"]) {
        bool found = false;
        for (const auto& t : stakeholder_lines)
          found = found || t.find(cue.get<std::string>()) != std::string::npos;
        EXPECT_TRUE(found) << "no stakeholder line with \"" << cue.get<std::string>()
                           << "\"; got: " << Join(stakeholder_lines);
      }
    EXPECT_EQ(timeline, e["timeline"].get<std::vector<std::string>>()) << "got: " << Join(timeline);
    EXPECT_EQ(conflicts.size(), e["conflicts"].size()) << "got: " << Join(conflicts);
    for (const auto& values : e["conflicts"]) {
      bool found = false;
      for (const auto& c : conflicts) {
        bool all = true;
        for (const auto& v : values) all = all && c.find(v.get<std::string>()) != std::string::npos;
        found = found || all;
      }
      EXPECT_TRUE(found) << "no flagged conflict with " << values.dump()
                         << "; got: " << Join(conflicts);
    }
    // Every line cites, and prose cites sentences of this story only.
    for (const auto& l : b.lines) EXPECT_FALSE(l.citations.empty()) << l.text;
  }
}

}  // namespace
}  // namespace wirebrief::brief
