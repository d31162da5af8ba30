// Issue 27: a language nlp/ does not read is said on every surface render writes: read's and the
// API's article JSON ("language_not_read"), the story JSON (brief.languages_not_read) and the
// Markdown of `show`; and it survives the store's JSON forms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "render/article_json.h"
#include "render/markdown.h"
#include "render/stored_json.h"
#include "render/story_json.h"

namespace wirebrief::render {
namespace {

using json = nlohmann::json;

constexpr const char* kNotRead = "Figures, dates and names are not read in de";

struct GermanStory {
  core::Article article;
  core::Story story;
  core::Brief brief;
  std::vector<std::vector<std::string>> families;
  std::map<std::string, core::Article> articles;

  GermanStory() {
    article.id = "d1";
    article.language = "de";
    article.title = "Nordbahn will Gleise erneuern";
    article.text = "Die Nordbahn will Gleise erneuern. Der Vorstand stellte den Plan vor.";
    article.annotations.sentences = {{{0, 34}}, {{35, 69}}};
    article.annotations.language_not_read = "de";
    articles = {{"d1", article}};
    story.id = "s-de";
    story.title = article.title;
    story.article_ids = {"d1"};
    brief.story_id = story.id;
    core::BriefLine lede;
    lede.section = core::BriefSection::kLede;
    lede.text = "Die Nordbahn will Gleise erneuern.";
    lede.citations = {{"d1", {0, 34}}};
    brief.lines = {lede};
    brief.languages_not_read = {"de"};
  }
  StoryView View() const { return {story, brief, families}; }
};

}  // namespace

TEST(UnreadLanguageRenderTest, ReadAndApiArticleJsonNameTheLanguage) {
  GermanStory g;
  json read = json::parse(AnnotationsToJson("d1", g.article.annotations));
  EXPECT_EQ(read["language_not_read"], "de");
  EXPECT_EQ(read["sentences"].size(), 2u);
  EXPECT_TRUE(read["figures"].empty());
  json api = ArticleApiJson(g.article, {});
  EXPECT_EQ(api["language_not_read"], "de");
  EXPECT_EQ(api["language"], "de");
  // A text that was read has no such member: the outputs of English texts are as before.
  core::Annotations read_in_full = g.article.annotations;
  read_in_full.language_not_read.clear();
  EXPECT_FALSE(json::parse(AnnotationsToJson("e1", read_in_full)).contains("language_not_read"));
}

TEST(UnreadLanguageRenderTest, StoryJsonAndMarkdownSayWhatWasNotRead) {
  GermanStory g;
  json story = json::parse(StoryJson(g.View(), g.articles));
  EXPECT_EQ(story["brief"]["languages_not_read"], json::array({"de"}));
  std::string md = StoriesToMarkdown({g.View()}, g.articles);
  EXPECT_NE(md.find(kNotRead), std::string::npos) << md;
  EXPECT_NE(md.find("Die Nordbahn will Gleise erneuern."), std::string::npos) << md;

  g.brief.languages_not_read.clear();
  EXPECT_FALSE(
      json::parse(StoryJson(g.View(), g.articles))["brief"].contains("languages_not_read"));
  EXPECT_EQ(StoriesToMarkdown({g.View()}, g.articles).find("are not read in"), std::string::npos);
}

TEST(UnreadLanguageRenderTest, StoredFormsKeepTheLanguageNotRead) {
  GermanStory g;
  core::Brief brief = BriefFromJson(BriefToJson(g.brief));
  EXPECT_EQ(brief.languages_not_read, std::vector<std::string>{"de"});
  core::Article back;
  ArticleExtrasFromJson(ArticleExtrasToJson(g.article), &back);
  EXPECT_EQ(back.annotations.language_not_read, "de");
  EXPECT_EQ(back.annotations.sentences.size(), 2u);
  // Briefs and articles stored before issue 27 have no such member and load as read.
  EXPECT_TRUE(BriefFromJson(json{{"story_id", "s"}}).languages_not_read.empty());
  core::Article old;
  ArticleExtrasFromJson(json{{"sentences", json::array()}}, &old);
  EXPECT_TRUE(old.annotations.language_not_read.empty());
}

}  // namespace wirebrief::render
