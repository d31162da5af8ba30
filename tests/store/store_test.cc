// Store contract tests, run on every backend (tests/store/temp_store.h says where).
#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "store/postgres/postgres_store.h"
#include "store/search_query.h"
#include "temp_store.h"

namespace wirebrief::store {
namespace {

// A fresh, empty store location per test, removed afterwards.
class StoreTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string why;
    ASSERT_TRUE(where_.Create(GetParam(), &why)) << why;
    if (where_.location().empty()) GTEST_SKIP() << why;
    location_ = where_.location();
  }
  std::unique_ptr<Store> Open() {
    auto s = OpenStore(location_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }

  // Both backends: incremental stories (3), watched sources (4), the engine state's generation (5),
  // row counts and the merged-id index (6).
  int ExpectedSchemaVersion() const { return 7; }

  testing_util::TempStore where_;
  std::string location_;
};

core::Article Make(const std::string& id, const std::string& source,
                   const std::string& body = "Body.") {
  core::Article a;
  a.id = id;
  a.title = "Title " + id;
  a.text = "Title " + id + "\n" + body;
  a.date_published = "2026-11-03";
  a.site_name = "Metro Signal";
  a.host = "metro.example";
  a.language = "en-GB";
  a.authors = {"Ana Ruiz"};
  a.provenance.source = source;
  a.provenance.container = "file";
  a.annotations.sentences.push_back({{0, 7}});
  a.annotations.mentions.push_back({{6, 7}, core::EntityType::kPlace, "Portmere", ""});
  return a;
}

StoryRecord Story(const std::string& id, std::vector<std::string> members,
                  const std::string& last) {
  StoryRecord r;
  r.story = {id, "Story " + id, members, {"Metro Signal"}, 1, "2026-11-01", last};
  r.brief.story_id = id;
  r.copy_families = {members};
  return r;
}

TEST_P(StoreTest, StoringTheSameArticleTwiceStoresItOnce) {
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->SchemaVersion(), ExpectedSchemaVersion());
  bool inserted = false;
  ASSERT_TRUE(s->PutArticle(Make("a1", "p.html"), &inserted).ok());
  EXPECT_TRUE(inserted);
  ASSERT_TRUE(s->PutArticle(Make("a1", "p.html"), &inserted).ok());
  EXPECT_FALSE(inserted);
  ASSERT_TRUE(
      s->PutArticle(Make("a1", "crawl.warc.gz"), &inserted).ok());  // same page, other container
  EXPECT_FALSE(inserted);
  auto c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, 1);
  EXPECT_EQ(c->provenance, 2);
  auto prov = s->LoadProvenance("a1");
  ASSERT_TRUE(prov.ok());
  ASSERT_EQ(prov->size(), 2u);
  EXPECT_EQ(prov->at(0).source, "p.html");  // arrival order
  EXPECT_EQ(prov->at(1).source, "crawl.warc.gz");
}

// A batch stores what PutArticle one by one would: a known id is not new, another provenance
// record of it is kept, a headline's page upgrades it (new again), a repeat of the batch stores
// nothing twice.
TEST_P(StoreTest, PutArticlesStoresABatchAsPutArticleWouldOneByOne) {
  auto s = Open();
  ASSERT_TRUE(s);
  core::Article a1 = Make("a1", "p.html"), a1_again = Make("a1", "crawl.warc.gz");
  core::Article headline = Make("h1", "feed.xml"), page = Make("h1", "h1.html", "The page.");
  headline.headline_only = true;
  std::vector<const core::Article*> batch = {&a1, &headline, &a1_again, &page};
  std::vector<bool> inserted;
  ASSERT_TRUE(s->PutArticles(batch, &inserted).ok());
  EXPECT_EQ(inserted, (std::vector<bool>{true, true, false, true}));
  auto c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, 2);
  EXPECT_EQ(c->provenance, 4);
  auto h = s->LoadArticle("h1");
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->headline_only);
  EXPECT_EQ(h->text, page.text);
  ASSERT_TRUE(s->PutArticles(batch, &inserted).ok());
  EXPECT_EQ(inserted, (std::vector<bool>(4, false)));
  c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, 2);
  EXPECT_EQ(c->provenance, 4);
  ASSERT_TRUE(s->PutArticles({}, &inserted).ok());
  EXPECT_TRUE(inserted.empty());
}

// SQLite keeps its counts in a table its triggers maintain (migration 5: the COUNT(*) scans
// at the end of every run grew with the store). They must stay exact through every write.
TEST_P(StoreTest, CountsStayExactThroughUpgradesStoryUpdatesMergesAndReplacement) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted = false;
  core::Article headline = Make("h1", "feed.xml");
  headline.text.clear();
  headline.headline_only = true;
  ASSERT_TRUE(s->PutArticle(headline, &inserted).ok());
  for (const char* id : {"a1", "a2", "a3"})
    ASSERT_TRUE(s->PutArticle(Make(id, "p.html"), &inserted).ok());
  ASSERT_TRUE(s->PutArticle(Make("a1", "again.html"), &inserted).ok());  // provenance only
  ASSERT_TRUE(s->PutArticle(Make("h1", "page.html"), &inserted).ok());   // the headline's page
  auto expect = [&](int64_t articles, int64_t provenance, int64_t stories) {
    auto c = s->Counts();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->articles, articles);
    EXPECT_EQ(c->provenance, provenance);
    EXPECT_EQ(c->stories, stories);
    EXPECT_EQ(c->briefs, stories);
  };
  expect(4, 6, 0);
  ASSERT_TRUE(s->ReplaceStories(
                   {Story("s1", {"a1", "a2"}, "2026-11-03"), Story("s2", {"a3"}, "2026-11-03")})
                  .ok());
  expect(4, 6, 2);
  ASSERT_TRUE(s->ReplaceStories({Story("s3", {"a1", "a2", "a3", "h1"}, "2026-11-04")}).ok());
  expect(4, 6, 1);
  StoryUpdate update;
  update.upsert = {Story("s3", {"a1", "a2"}, "2026-11-04"),
                   Story("s4", {"a3", "h1"}, "2026-11-04")};
  core::Status committed = s->CommitStoryUpdate(update);
  if (committed.code() == core::StatusCode::kUnsupported) return;  // no incremental engine
  ASSERT_TRUE(committed.ok()) << committed.ToString();
  expect(4, 6, 2);
  StoryUpdate merge;
  merge.merged = {{"s4", "s3"}};
  merge.upsert = {Story("s3", {"a1", "a2", "a3", "h1"}, "2026-11-04")};
  ASSERT_TRUE(s->CommitStoryUpdate(merge).ok());
  expect(4, 6, 1);
}

TEST_P(StoreTest, ArticlesAndStoriesSurviveReopening) {
  {
    auto s = Open();
    ASSERT_TRUE(s);
    bool inserted;
    ASSERT_TRUE(
        s->PutArticle(Make("a1", "p.html", "Tab\there, back\\slash, new\nline, caf\xC3\xA9."),
                      &inserted)
            .ok());
    StoryRecord r = Story("s1", {"a1"}, "2026-11-03");
    r.brief.lines.push_back({core::BriefSection::kLede, "", "Lede.", {{"a1", {0, 7}}}, false});
    ASSERT_TRUE(s->ReplaceStories({r}).ok());
  }
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->SchemaVersion(), ExpectedSchemaVersion());
  auto arts = s->LoadArticles();
  ASSERT_TRUE(arts.ok());
  ASSERT_EQ(arts->size(), 1u);
  EXPECT_EQ(arts->at(0).text, "Title a1\nTab\there, back\\slash, new\nline, caf\xC3\xA9.");
  EXPECT_EQ(arts->at(0).authors, std::vector<std::string>{"Ana Ruiz"});
  ASSERT_EQ(arts->at(0).annotations.mentions.size(), 1u);
  EXPECT_EQ(arts->at(0).annotations.mentions[0].type, core::EntityType::kPlace);
  EXPECT_EQ(arts->at(0).provenance.source, "p.html");
  auto stories = s->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.article_ids, std::vector<std::string>{"a1"});
  EXPECT_EQ(stories->at(0).story.outlets, std::vector<std::string>{"Metro Signal"});
  ASSERT_EQ(stories->at(0).brief.lines.size(), 1u);
  EXPECT_EQ(stories->at(0).brief.lines[0].citations[0], (core::Citation{"a1", {0, 7}}));
  EXPECT_EQ(stories->at(0).copy_families, (std::vector<std::vector<std::string>>{{"a1"}}));
  auto one = s->LoadStory("s1");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->story.title, "Story s1");
  EXPECT_EQ(s->LoadStory("nope").status().code(), core::StatusCode::kNotFound);
  EXPECT_EQ(s->LoadArticle("nope").status().code(), core::StatusCode::kNotFound);
}

TEST_P(StoreTest, ReplaceStoriesSwapsTheWholeSet) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  ASSERT_TRUE(s->PutArticle(Make("a1", "p.html"), &inserted).ok());
  ASSERT_TRUE(s->ReplaceStories({Story("s1", {"a1"}, "")}).ok());
  ASSERT_TRUE(s->ReplaceStories({Story("s2", {"a1"}, "")}).ok());
  auto stories = s->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.id, "s2");
}

TEST_P(StoreTest, AFailedReplacementLeavesTheOldSet) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  ASSERT_TRUE(s->PutArticle(Make("a1", "p.html"), &inserted).ok());
  ASSERT_TRUE(s->ReplaceStories({Story("s1", {"a1"}, "")}).ok());
  // A member that is not a stored article violates the foreign key mid-transaction.
  EXPECT_FALSE(s->ReplaceStories({Story("s2", {"a1"}, ""), Story("s3", {"missing"}, "")}).ok());
  auto stories = s->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.id, "s1");
}

// Two processes rebuild at once: the one that read fewer articles commits last. Its set must not
// replace the newer one (that would drop the other process's articles from every story).
TEST_P(StoreTest, AStaleRebuildDoesNotReplaceANewerOne) {
  auto slow = Open();
  auto fast = Open();
  ASSERT_TRUE(slow && fast);
  bool inserted;
  ASSERT_TRUE(slow->PutArticle(Make("a1", "p.html"), &inserted).ok());
  ASSERT_EQ(slow->LoadArticles()->size(), 1u);
  ASSERT_TRUE(fast->PutArticle(Make("a2", "q.html"), &inserted).ok());
  ASSERT_EQ(fast->LoadArticles()->size(), 2u);
  ASSERT_TRUE(fast->ReplaceStories({Story("both", {"a1", "a2"}, "")}).ok());
  ASSERT_TRUE(slow->ReplaceStories({Story("only-a1", {"a1"}, "")}).ok());
  auto stories = slow->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.id, "both");
  // A rebuild that has seen everything replaces the set again.
  ASSERT_EQ(slow->LoadArticles()->size(), 2u);
  ASSERT_TRUE(slow->ReplaceStories({Story("again", {"a1", "a2"}, "")}).ok());
  EXPECT_EQ(slow->LoadStories()->at(0).story.id, "again");
}

TEST_P(StoreTest, ConcurrentWritersStoreEachArticleOnce) {
  ASSERT_TRUE(Open());  // migrate once; the writers below also race on opening
  constexpr int kWriters = 4, kPerWriter = 60;
  std::atomic<int> new_count{0}, failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      auto s = OpenStore(location_);
      if (!s.ok()) {
        ++failures;
        return;
      }
      // Writer w stores ids [20w, 20w + 60): each id is written by up to three writers.
      for (int i = 0; i < kPerWriter; ++i) {
        bool inserted = false;
        std::string id = "art" + std::to_string(20 * w + i);
        if (!s.value()->PutArticle(Make(id, "writer" + std::to_string(w)), &inserted).ok())
          ++failures;
        if (inserted) ++new_count;
      }
    });
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures, 0);
  const int distinct = 20 * (kWriters - 1) + kPerWriter;
  EXPECT_EQ(new_count, distinct);
  auto c = Open()->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, distinct);
  EXPECT_EQ(c->provenance, kWriters * kPerWriter);
}

TEST_P(StoreTest, OpeningAFreshStoreFromManyProcessesMigratesOnce) {
  std::atomic<int> ok{0};
  std::mutex mu;
  std::vector<std::string> errors;
  std::vector<std::thread> openers;
  for (int i = 0; i < 4; ++i)
    openers.emplace_back([&] {
      auto s = OpenStore(location_);
      if (s.ok() && s.value()->SchemaVersion() == ExpectedSchemaVersion()) {
        ++ok;
      } else {
        std::lock_guard<std::mutex> lock(mu);
        errors.push_back(s.ok() ? "schema version " + std::to_string(s.value()->SchemaVersion())
                                : s.status().ToString());
      }
    });
  for (auto& t : openers) t.join();
  EXPECT_EQ(ok, 4) << "first error: " << (errors.empty() ? "" : errors.front());
}

TEST_P(StoreTest, SearchFindsWordsPhrasesPrefixesAndExclusions) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  ASSERT_TRUE(
      s->PutArticle(Make("flood", "1", "A storm surge flooded the harbour road."), &inserted).ok());
  ASSERT_TRUE(
      s->PutArticle(Make("evac", "2", "Officials began evacuating the storm coast."), &inserted)
          .ok());
  ASSERT_TRUE(
      s->PutArticle(Make("rumour", "3", "A rumour about the surge spread."), &inserted).ok());
  auto ids = [&](const std::string& text) {
    std::set<std::string> out;
    auto parsed = ParseSearchQuery(text);
    EXPECT_TRUE(parsed.ok()) << text;
    ArticleQuery q;
    q.match = parsed->match;
    q.limit = 50;
    auto page = s->SearchArticles(q);
    EXPECT_TRUE(page.ok()) << text << ": " << page.status().ToString();
    if (page.ok())
      for (const auto& h : page->hits) out.insert(h.id);
    return out;
  };
  EXPECT_EQ(ids("storm"), (std::set<std::string>{"flood", "evac"}));
  EXPECT_EQ(ids("\"storm surge\""), (std::set<std::string>{"flood"}));
  EXPECT_EQ(ids("evacuat*"), (std::set<std::string>{"evac"}));
  EXPECT_EQ(ids("surge -rumour"), (std::set<std::string>{"flood"}));
  EXPECT_EQ(ids("harbour OR rumour"), (std::set<std::string>{"flood", "rumour"}));
  EXPECT_EQ(ids("Officials's \"it''s\" back\\slash (storm"),
            (std::set<std::string>{}));  // inert punctuation

  ArticleQuery q;
  q.match = ParseSearchQuery("harbour")->match;
  auto page = s->SearchArticles(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 1u);
  EXPECT_NE(page->hits[0].snippet.find("\x02harbour\x03"), std::string::npos)
      << page->hits[0].snippet;
  EXPECT_EQ(page->hits[0].outlet, "Metro Signal");

  // Filters without a match, paged newest first.
  ArticleQuery all;
  all.language = "en";
  all.outlet = "METRO.example";
  all.limit = 2;
  auto p1 = s->SearchArticles(all);
  ASSERT_TRUE(p1.ok());
  ASSERT_EQ(p1->hits.size(), 2u);
  ASSERT_FALSE(p1->next_cursor.empty());
  all.cursor = p1->next_cursor;
  auto p2 = s->SearchArticles(all);
  ASSERT_TRUE(p2.ok());
  ASSERT_EQ(p2->hits.size(), 1u);
  EXPECT_TRUE(p2->next_cursor.empty());
  all.cursor = "zz";
  EXPECT_EQ(s->SearchArticles(all).status().code(), core::StatusCode::kInvalidArgument);
}

// Bug: a hand-written FTS5 expression with an unclosed '"' came back from SQLite as kInternal
// ("unterminated string"), a server error for what is the caller's input.
TEST_P(StoreTest, UnterminatedQuoteInASearchIsAnInvalidArgument) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  ASSERT_TRUE(
      s->PutArticle(Make("flood", "1", "A storm surge flooded the harbour."), &inserted).ok());
  for (const char* match : {"\"storm", "(\"storm\") AND (\"surge", "\"say \"\"hi\"\""}) {
    ArticleQuery q;
    q.match = match;
    auto page = s->SearchArticles(q);
    ASSERT_FALSE(page.ok()) << match;
    EXPECT_EQ(page.status().code(), core::StatusCode::kInvalidArgument) << page.status().ToString();
    EXPECT_NE(page.status().ToString().find("unterminated quote"), std::string::npos)
        << page.status().ToString();
    StoryQuery sq;
    sq.match = match;
    auto stories = s->ListStories(sq);
    ASSERT_FALSE(stories.ok()) << match;
    EXPECT_EQ(stories.status().code(), core::StatusCode::kInvalidArgument)
        << stories.status().ToString();
  }
  ArticleQuery closed;
  closed.match = "\"storm\"";
  auto page = s->SearchArticles(closed);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->hits.size(), 1u);
}

// The story page's loader returns what the page shows, in the order asked, skipping unknown
// ids, on every backend (the default implementation loads whole articles).
TEST_P(StoreTest, StoryPageArticlesCarryWhatThePageShows) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  core::Article a = Make("a", "1", "Officials counted 40 boats.");
  a.wire = {"Coastal Wire"};
  a.annotations.figures.push_back({{25, 27}, 40, "boats", "40 boats"});
  ASSERT_TRUE(s->PutArticle(a, &inserted).ok());
  // Without a site name or host the outlet is unknown: the input's file name names no outlet.
  core::Article b = Make("b", "inputs/harbour-notes.txt");
  b.site_name.clear();
  b.host.clear();
  ASSERT_TRUE(s->PutArticle(b, &inserted).ok());
  auto got = s->LoadArticlesForStoryPage({"b", "nope", "a"});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].id, "b");
  EXPECT_EQ((*got)[0].provenance.source, "inputs/harbour-notes.txt");
  EXPECT_EQ(core::OutletOf((*got)[0]), "");
  const core::Article& g = (*got)[1];
  EXPECT_EQ(g.id, "a");
  EXPECT_EQ(g.title, a.title);
  EXPECT_EQ(g.text, a.text);
  EXPECT_EQ(g.site_name, "Metro Signal");
  EXPECT_EQ(g.host, "metro.example");
  EXPECT_EQ(core::OutletOf(g), "Metro Signal");
  EXPECT_EQ(g.language, "en-GB");
  EXPECT_EQ(g.date_published, "2026-11-03");
  EXPECT_EQ(g.authors, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(g.wire, (std::vector<std::string>{"Coastal Wire"}));
  ASSERT_EQ(g.annotations.figures.size(), 1u);
  EXPECT_EQ(g.annotations.figures[0].text, "40 boats");
  EXPECT_EQ(g.annotations.figures[0].unit, "boats");
  EXPECT_EQ(g.annotations.figures[0].value, 40);
  EXPECT_EQ(g.annotations.figures[0].span.begin, 25u);
}

// Relevance over a term in more matches than a backend ranks: every match still comes back
// exactly once over the pages (with and without a filter), and the flag says how many were
// ranked. Below the window nothing changes: ranked_newest is 0.
TEST_P(StoreTest, SearchByRelevancePagesThroughEveryMatchOfACommonTerm) {
  auto s = Open();
  ASSERT_TRUE(s);
  constexpr int kArticles = 1030;
  bool inserted;
  std::set<std::string> all, english;
  for (int i = 0; i < kArticles; ++i) {
    std::string id = "h" + std::to_string(i);
    // The oldest article is the strongest match; a few are in another language.
    core::Article a = Make(id, std::to_string(i),
                           i == 0 ? "The harbour harbour harbour wall." : "The harbour wall held.");
    if (i % 10 == 3) a.language = "de";
    ASSERT_TRUE(s->PutArticle(a, &inserted).ok());
    all.insert(id);
    if (i % 10 != 3) english.insert(id);
  }
  for (const char* lang : {"", "en"}) {
    ArticleQuery q;
    q.match = ParseSearchQuery("harbour")->match;
    q.language = lang;
    q.limit = 150;
    std::set<std::string> seen;
    size_t hits = 0, ranked_newest = 0;
    for (int pages = 0; pages < 20; ++pages) {
      auto page = s->SearchArticles(q);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      if (pages == 0) ranked_newest = page->ranked_newest;
      EXPECT_EQ(page->ranked_newest, ranked_newest) << "page " << pages;
      for (const auto& h : page->hits) seen.insert(h.id);
      hits += page->hits.size();
      if (page->next_cursor.empty()) break;
      q.cursor = page->next_cursor;
    }
    const auto& expected = *lang ? english : all;
    EXPECT_EQ(hits, expected.size()) << "lang " << lang;
    EXPECT_EQ(seen, expected) << "lang " << lang;
    EXPECT_TRUE(ranked_newest == 0 || ranked_newest < expected.size()) << ranked_newest;
    if (ranked_newest != 0) {
      // The first page is ranked within the window; the old strong match is not in it.
      q.cursor.clear();
      auto first = s->SearchArticles(q);
      ASSERT_TRUE(first.ok());
      for (const auto& h : first->hits) EXPECT_NE(h.id, "h0");
    }
  }
  ArticleQuery filtered;
  filtered.match = ParseSearchQuery("harbour harbour")->match;
  filtered.outlet = "metro.example";
  filtered.since = "2026-11-03";
  filtered.limit = 5;
  auto page = s->SearchArticles(filtered);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->hits.size(), 5u);

  ArticleQuery few;
  few.match = ParseSearchQuery("\"harbour harbour harbour\"")->match;
  auto one = s->SearchArticles(few);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->hits.size(), 1u);
  EXPECT_EQ(one->hits[0].id, "h0");
  EXPECT_EQ(one->ranked_newest, 0u);
}

TEST_P(StoreTest, StoryPagesFilterAndPageNewestFirst) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  ASSERT_TRUE(s->PutArticle(Make("a1", "1", "Storm surge at the harbour."), &inserted).ok());
  ASSERT_TRUE(s->PutArticle(Make("a2", "2", "Budget vote tonight."), &inserted).ok());
  ASSERT_TRUE(s->PutArticle(Make("a3", "3", "Budget vote delayed."), &inserted).ok());
  ASSERT_TRUE(
      s->ReplaceStories({Story("old", {"a1"}, "2026-11-02"), Story("new", {"a2"}, "2026-11-05"),
                         Story("mid", {"a3"}, "2026-11-04")})
          .ok());
  StoryQuery q;
  q.limit = 2;
  auto p1 = s->ListStories(q);
  ASSERT_TRUE(p1.ok()) << p1.status().ToString();
  ASSERT_EQ(p1->stories.size(), 2u);
  EXPECT_EQ(p1->stories[0].id, "new");
  EXPECT_EQ(p1->stories[1].id, "mid");
  EXPECT_EQ(p1->stories[0].article_ids, std::vector<std::string>{"a2"});
  q.cursor = p1->next_cursor;
  auto p2 = s->ListStories(q);
  ASSERT_TRUE(p2.ok());
  ASSERT_EQ(p2->stories.size(), 1u);
  EXPECT_EQ(p2->stories[0].id, "old");
  EXPECT_TRUE(p2->next_cursor.empty());

  StoryQuery f;
  f.match = ParseSearchQuery("budget")->match;
  f.since = "2026-11-05";
  auto m = s->ListStories(f);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->stories.size(), 1u);
  EXPECT_EQ(m->stories[0].id, "new");
  StoryQuery e;
  e.entity = "PORTMERE";
  e.outlet = "metro signal";
  EXPECT_EQ(s->ListStories(e)->stories.size(), 3u);
  e.entity = "Elsewhere";
  EXPECT_EQ(s->ListStories(e)->stories.size(), 0u);
  StoryQuery bad;
  bad.match = "\"x\" AND";  // malformed on both backends
  EXPECT_EQ(s->ListStories(bad).status().code(), core::StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, SettingsKeepTheFirstValueWhenAsked) {
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->GetSetting("token").status().code(), core::StatusCode::kNotFound);
  bool stored = false;
  ASSERT_TRUE(s->PutSetting("token", "one", true, &stored).ok());
  EXPECT_TRUE(stored);
  ASSERT_TRUE(s->PutSetting("token", "two", true, &stored).ok());
  EXPECT_FALSE(stored);
  EXPECT_EQ(s->GetSetting("token").value(), "one");
  ASSERT_TRUE(s->PutSetting("token", "three", false, &stored).ok());
  EXPECT_EQ(s->GetSetting("token").value(), "three");
}

TEST_P(StoreTest, InvalidUtf8IsStoredReplacedNotRefused) {
  auto s = Open();
  ASSERT_TRUE(s);
  bool inserted;
  ASSERT_TRUE(s->PutArticle(Make("bad", "p.html", "caf\xE9 \xC3"), &inserted).ok());
  auto a = s->LoadArticle("bad");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text.rfind("Title bad\ncaf", 0), 0u);
}

// Sources and page states (schema 4, `wirebrief watch`). A backend that has not implemented
// them yet answers kUnsupported: the test says so and skips rather than passing.
// Two `watch` processes on one store: each due source is claimed by one of them only (compare
// and set on next_poll), whatever the interleaving; a claim on a stale next_poll or an unknown
// source fails.
TEST_P(StoreTest, ASourceIsClaimedByOneWatchProcessOnly) {
  auto a = Open();
  auto b = Open();  // the second process: a connection of its own
  ASSERT_TRUE(a && b);
  SourceRecord feed;
  feed.url = "https://metro.example/feed.xml";
  feed.next_poll = "2026-11-03T10:15:00Z";
  core::Status put = a->PutSource(feed);
  if (put.code() == core::StatusCode::kUnsupported) GTEST_SKIP() << put.ToString();
  ASSERT_TRUE(put.ok()) << put.ToString();
  auto first = a->ClaimSource(feed.url, feed.next_poll, "2026-11-03T10:45:00Z");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first.value());
  // The other process read the same due next_poll before the claim landed.
  auto second = b->ClaimSource(feed.url, feed.next_poll, "2026-11-03T10:46:00Z");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(second.value());
  EXPECT_EQ(b->ListSources().value().at(0).next_poll, "2026-11-03T10:45:00Z");
  EXPECT_FALSE(
      b->ClaimSource("https://nowhere.example/feed.xml", "", "2026-11-03T10:46:00Z").value());
  // A never-polled source (empty next_poll) is claimed once too.
  SourceRecord fresh;
  fresh.url = "https://coast.example/feed.xml";
  ASSERT_TRUE(a->PutSource(fresh).ok());
  EXPECT_TRUE(b->ClaimSource(fresh.url, "", "2026-11-03T10:46:00Z").value());
  EXPECT_FALSE(a->ClaimSource(fresh.url, "", "2026-11-03T10:47:00Z").value());
}

TEST_P(StoreTest, SourcesAreUpsertedListedByUrlAndRemoved) {
  auto s = Open();
  ASSERT_TRUE(s);
  SourceRecord feed;
  feed.url = "https://metro.example/feed.xml";
  feed.kind = "feed";
  feed.etag = "\"v1\"";
  feed.added_at = "2026-11-03T10:00:00Z";
  feed.next_poll = "2026-11-03T10:15:00Z";
  feed.items_seen = 12;
  feed.interval_seconds = 900;
  core::Status put = s->PutSource(feed);
  if (put.code() == core::StatusCode::kUnsupported) GTEST_SKIP() << put.ToString();
  ASSERT_TRUE(put.ok()) << put.ToString();
  SourceRecord map;
  map.url = "https://coast.example/news-sitemap.xml";
  ASSERT_TRUE(s->PutSource(map).ok());
  feed.consecutive_failures = 2;
  feed.last_error = "https://metro.example/feed.xml: HTTP 500";
  feed.last_outcome = "failed";
  ASSERT_TRUE(s->PutSource(feed).ok());  // the same url again replaces the row

  auto listed = s->ListSources();
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].url, map.url);  // by url
  const SourceRecord& back = (*listed)[1];
  EXPECT_EQ(back.etag, "\"v1\"");
  EXPECT_EQ(back.consecutive_failures, 2);
  EXPECT_EQ(back.last_outcome, "failed");
  EXPECT_EQ(back.items_seen, 12);
  EXPECT_DOUBLE_EQ(back.interval_seconds, 900);

  EXPECT_TRUE(s->RemoveSource(map.url).ok());
  EXPECT_EQ(s->RemoveSource(map.url).code(), core::StatusCode::kNotFound);
  EXPECT_EQ(s->ListSources()->size(), 1u);
  EXPECT_FALSE(s->PutSource(SourceRecord{}).ok());  // no url, no row
}

TEST_P(StoreTest, PageStatesAreFoundByUrlAndReplaced) {
  auto s = Open();
  ASSERT_TRUE(s);
  PageState a;
  a.url = "https://metro.example/a";
  a.article_id = "0123456789abcdef";
  a.state = "headline";
  a.next_attempt = "2026-11-03T11:00:00Z";
  PageState b = a;
  b.url = "https://metro.example/b";
  b.state = "disallowed";
  core::Status put = s->PutPageStates({a, b});
  if (put.code() == core::StatusCode::kUnsupported) GTEST_SKIP() << put.ToString();
  ASSERT_TRUE(put.ok()) << put.ToString();
  a.state = "stored";
  a.etag = "\"p1\"";
  ASSERT_TRUE(s->PutPageStates({a}).ok());
  auto got = s->LoadPageStates({"https://metro.example/a", "https://metro.example/unknown"});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1u);  // unknown urls are left out
  EXPECT_EQ((*got)[0].state, "stored");
  EXPECT_EQ((*got)[0].etag, "\"p1\"");
  EXPECT_EQ((*got)[0].article_id, "0123456789abcdef");
  EXPECT_EQ(s->LoadPageStates({"https://metro.example/b"})->at(0).state, "disallowed");
}

// PostgreSQL upserts a batch in one statement, which may touch a row only once: a url given
// twice in one batch failed the whole batch there. In order, the last state of it stays.
TEST_P(StoreTest, APageGivenTwiceInOneBatchKeepsItsLastState) {
  auto s = Open();
  ASSERT_TRUE(s);
  PageState first;
  first.url = "https://metro.example/a";
  first.state = "headline";
  PageState second = first;
  second.state = "stored";
  second.article_id = "0123456789abcdef";
  PageState other = first;
  other.url = "https://metro.example/b";
  core::Status put = s->PutPageStates({first, other, second});
  if (put.code() == core::StatusCode::kUnsupported) GTEST_SKIP() << put.ToString();
  ASSERT_TRUE(put.ok()) << put.ToString();
  auto got = s->LoadPageStates({"https://metro.example/a"});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].state, "stored");
  EXPECT_EQ((*got)[0].article_id, "0123456789abcdef");
  EXPECT_EQ(s->LoadPageStates({"https://metro.example/b"})->size(), 1u);
}

TEST_P(StoreTest, PagesDueAreThoseScheduledByNowNotStoredEarliestFirst) {
  auto s = Open();
  ASSERT_TRUE(s);
  auto page = [](const std::string& name, const std::string& state, const std::string& next) {
    PageState p;
    p.url = "https://metro.example/" + name;
    p.state = state;
    p.next_attempt = next;
    return p;
  };
  core::Status put =
      s->PutPageStates({page("late", "failed", "2026-11-03T12:00:00Z"),
                        page("soon", "headline", "2026-11-03T10:30:00Z"),
                        page("first", "paywalled", "2026-11-03T09:00:00Z"),
                        page("done", "stored", "2026-11-03T09:30:00Z"), page("never", "failed", ""),
                        page("exact", "failed", "2026-11-03T11:00:00Z")});
  if (put.code() == core::StatusCode::kUnsupported) GTEST_SKIP() << put.ToString();
  ASSERT_TRUE(put.ok()) << put.ToString();
  auto due = s->LoadPageStatesDue("2026-11-03T11:00:00Z", 10);
  if (due.status().code() == core::StatusCode::kUnsupported)
    GTEST_SKIP() << due.status().ToString();
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  std::vector<std::string> urls;
  for (const auto& p : due.value()) urls.push_back(p.url);
  EXPECT_EQ(urls,
            (std::vector<std::string>{"https://metro.example/first", "https://metro.example/soon",
                                      "https://metro.example/exact"}));
  auto one = s->LoadPageStatesDue("2026-11-03T11:00:00Z", 1);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].url, "https://metro.example/first");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

TEST(OpenStoreTest, UnopenableSqliteLocationIsAnErrorNamingIt) {
  auto s = OpenStore("/nonexistent-dir/x/y.db");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().ToString().find("/nonexistent-dir/x/y.db"), std::string::npos);
}

TEST(OpenStoreTest, UnreachablePostgresIsAnErrorNamingItWithoutThePassword) {
  auto s = OpenStore("postgresql://ana:s3cret@/wb?host=/nonexistent-dir&connect_timeout=2");
  ASSERT_FALSE(s.ok());
  std::string msg = s.status().ToString();
  EXPECT_NE(msg.find("postgresql://ana:***@/wb"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("s3cret"), std::string::npos) << msg;
  EXPECT_EQ(RedactConninfo("host=x password='a b' user=y"), "host=x password=*** user=y");
}

}  // namespace
}  // namespace wirebrief::store
