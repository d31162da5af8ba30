// The one story schema (docs/story-schema.md): `show` and GET /v1/stories/{id} print the same
// object for the same story, with the documented members, and its bytes are held by a golden
// file so a change to the schema is a deliberate edit of tests/fixtures/render/story.json.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "render/story_json.h"

namespace wirebrief::render {
namespace {

using json = nlohmann::json;

// A fixed two-outlet story: a wire original and its reprint (one copy family), a lede, a key
// figure the outlets disagree on, a compressed line, and a cited article that is not stored.
struct FixedStory {
  core::Story story;
  core::Brief brief;
  std::vector<std::vector<std::string>> copy_families;
  std::map<std::string, core::Article> articles;

  FixedStory() {
    core::Article wire;
    wire.id = "a1";
    wire.url = "https://wire.example/port-strike";
    wire.title = "Dockworkers strike for 48 hours";
    wire.site_name = "Example Wire";
    wire.date_published = "2026-11-02T06:00:00Z";
    wire.language = "en";
    wire.authors = {"Lotte Vermeulen"};
    wire.wire = {"EW"};
    wire.text = "Around 9,400 dockworkers walked off the job. 61 ships wait at anchor.";
    wire.annotations.figures.push_back({{7, 24}, 9400, "dockworkers", "9,400 dockworkers"});
    core::Article reprint = wire;
    reprint.id = "a2";
    reprint.url = "https://gazette.example/strike";
    reprint.site_name = "Gazette";
    reprint.date_published = "2026-11-02T08:30:00+01:00";
    reprint.text = "About 9,000 dockworkers walked off the job. 61 ships wait at anchor.";
    reprint.annotations.figures = {{{6, 23}, 9000, "dockworkers", "9,000 dockworkers"}};
    articles = {{"a1", wire}, {"a2", reprint}};

    story.id = "s1";
    story.title = "Port strike";
    story.article_ids = {"a1", "a2", "a3"};  // a3 is cited but not stored
    story.outlets = {"Example Wire", "Gazette"};
    story.independent_outlets = 1;
    story.first_published = wire.date_published;
    story.last_published = reprint.date_published;
    copy_families = {{"a1", "a2"}};

    brief.story_id = "s1";
    brief.headline = "Dockworkers strike at the port";
    brief.version = 2;
    core::BriefLine lede;
    lede.section = core::BriefSection::kLede;
    lede.text = "Around 9,400 dockworkers walked off the job.";
    lede.citations = {{"a1", {0, 44}}, {"a3", {0, 10}}};
    core::BriefLine figure;
    figure.section = core::BriefSection::kKeyFigure;
    figure.label = "dockworkers";
    figure.text = "9,400 or 9,000 dockworkers";
    figure.conflict = true;
    figure.citations = {{"a1", {0, 44}}, {"a2", {0, 43}}};
    core::BriefLine next;
    next.section = core::BriefSection::kWhatsNext;
    next.text = "61 ships wait.";
    next.compressed = true;
    next.citations = {{"a2", {44, 68}}};
    brief.lines = {lede, figure, next};
    core::StoryAttachment copy;
    copy.article_id = "a2";
    copy.reason = "copy";
    copy.score = 0.875;
    copy.copy_of = "a1";
    copy.shared_terms = {"dockworkers", "anchor"};
    brief.story_attachments = {copy};
  }

  StoryView View() const { return {story, brief, copy_families}; }

  StoryExtras Extras() const {
    StoryExtras extras;
    extras.requested_id = "s0";
    core::Brief then;
    then.version = 1;
    then.lines = {brief.lines[0]};
    extras.changes = DiffBriefs(then, brief);
    return extras;
  }
};

std::set<std::string> Keys(const json& j) {
  std::set<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.insert(k);
  return keys;
}

TEST(StorySchemaTest, ShowAndTheApiPrintTheSameStory) {
  FixedStory f;
  const std::string api = StoryJson(f.View(), f.articles, f.Extras());
  const std::map<std::string, StoryExtras> extras = {{"s1", f.Extras()}};
  // show --output-format jsonl: the API's bytes, one story per line.
  EXPECT_EQ(StoriesToJsonLines({f.View()}, f.articles, extras), api + "\n");
  // show --output-format json: the same objects, indented.
  json shown = json::parse(StoriesToJson({f.View()}, f.articles, extras));
  ASSERT_TRUE(shown.is_array());
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0], json::parse(api));
}

TEST(StorySchemaTest, TheStoryHasTheDocumentedMembers) {
  FixedStory f;
  json s = json::parse(StoryJson(f.View(), f.articles, f.Extras()));
  EXPECT_EQ(Keys(s),
            (std::set<std::string>{"article_count", "articles", "attachments", "brief",
                                   "brief_version", "changes", "copy_families", "first_published",
                                   "id", "independent_outlets", "last_published", "merged_from",
                                   "outlet_count", "outlets", "schema_version", "title"}));
  EXPECT_EQ(s["schema_version"], kStorySchemaVersion);
  EXPECT_EQ(Keys(s["articles"][0]),
            (std::set<std::string>{"authors", "date_published", "family", "headline_only", "id",
                                   "language", "outlet", "title", "url", "wire"}));
  EXPECT_EQ(Keys(s["articles"][2]), (std::set<std::string>{"id", "missing"}));
  EXPECT_EQ(Keys(s["attachments"][0]),
            (std::set<std::string>{"article_id", "copy_of", "reason", "score", "shared_entities",
                                   "shared_terms"}));
  EXPECT_EQ(Keys(s["brief"]), (std::set<std::string>{"headline", "lines"}));
  EXPECT_EQ(
      Keys(s["brief"]["lines"][1]),
      (std::set<std::string>{"citations", "compressed", "conflict", "label", "section", "text"}));
  EXPECT_EQ(Keys(s["brief"]["lines"][0]["citations"][0]),
            (std::set<std::string>{"article_id", "char_end", "char_start", "date_published",
                                   "figures", "n", "outlet", "sentence", "title", "url"}));
  EXPECT_EQ(Keys(s["brief"]["lines"][0]["citations"][1]),
            (std::set<std::string>{"article_id", "char_end", "char_start", "missing", "n"}));
  EXPECT_EQ(Keys(s["changes"]),
            (std::set<std::string>{"added", "from_version", "removed", "to_version"}));
  EXPECT_EQ(Keys(s["copy_families"][0]), (std::set<std::string>{"articles", "family"}));
}

TEST(StorySchemaTest, BytesMatchTheGoldenFile) {
  FixedStory f;
  const char* root = std::getenv("WB_SOURCE_DIR");
  const std::string path = std::string(root ? root : ".") + "/tests/fixtures/render/story.json";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path << " missing";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(StoriesToJson({f.View()}, f.articles, {{"s1", f.Extras()}}) + "\n", golden.str())
      << "the story schema changed; if on purpose, update " << path << " and docs/story-schema.md";
}

}  // namespace
}  // namespace wirebrief::render
