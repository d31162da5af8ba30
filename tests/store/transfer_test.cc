// `db export|import` in process, on every backend: settings travel with the rows, and a bad line
// is reported and skipped without stopping the import or failing the story set.
#include "store/transfer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "temp_store.h"

namespace wirebrief::store {
namespace {

class TransferTest : public ::testing::TestWithParam<const char*> {
 protected:
  std::unique_ptr<Store> Fresh(testing_util::TempStore* where) {
    std::string why;
    EXPECT_TRUE(where->Create(GetParam(), &why)) << why;
    if (where->location().empty()) return nullptr;
    auto s = OpenStore(where->location());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  void SetUp() override {
    std::string why;
    testing_util::TempStore probe;
    ASSERT_TRUE(probe.Create(GetParam(), &why)) << why;
    if (probe.location().empty()) GTEST_SKIP() << why;
  }
};

core::Article Make(const std::string& id) {
  core::Article a;
  a.id = id;
  a.title = "Ferry service resumes " + id;
  a.text = a.title + "\nThe Calder ferry sailed again on Tuesday.";
  a.date_published = "2026-11-04";
  a.site_name = "Harbour Post";
  a.provenance.source = id + ".html";
  return a;
}

std::string Export(Store* s, TransferCounts* counts) {
  std::ostringstream out;
  core::Status st = ExportJsonl(s, out, counts);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out.str();
}

TEST_P(TransferTest, SettingsRoundTripThroughExportAndImport) {
  testing_util::TempStore a_where, b_where;
  auto a = Fresh(&a_where);
  auto b = Fresh(&b_where);
  ASSERT_TRUE(a && b);
  bool inserted = false;
  ASSERT_TRUE(a->PutArticle(Make("f1"), &inserted).ok());
  StoryRecord r;
  r.story = {"s1", "Ferry", {"f1"}, {"Harbour Post"}, 1, "2026-11-04", "2026-11-04"};
  ASSERT_TRUE(a->ReplaceStories({r}).ok());  // also writes the derived stories.* setting
  ASSERT_TRUE(a->PutSetting("server.token_sha256", "9f86d081884c7d65", false, nullptr).ok());
  ASSERT_TRUE(a->PutSetting("zz.note", "line\nbreak \"quoted\" caf\xC3\xA9", false, nullptr).ok());
  // The target already has a token of its own: the moved store's token wins.
  ASSERT_TRUE(b->PutSetting("server.token_sha256", "0000", false, nullptr).ok());

  TransferCounts out_counts;
  std::string exported = Export(a.get(), &out_counts);
  EXPECT_EQ(out_counts.settings, 2);
  EXPECT_EQ(exported.find(kStoriesBuiltFromSetting), std::string::npos)
      << "the store's own bookkeeping was exported";

  std::istringstream in(exported);
  TransferCounts in_counts;
  std::vector<core::Status> errors;
  core::Status st = ImportJsonl(b.get(), in, "export.jsonl", &in_counts, &errors);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(errors.empty()) << errors.front().ToString();
  EXPECT_EQ(in_counts.settings, 2);
  EXPECT_EQ(b->GetSetting("server.token_sha256").value(), "9f86d081884c7d65");
  EXPECT_EQ(b->GetSetting("zz.note").value(), "line\nbreak \"quoted\" caf\xC3\xA9");
  // The derived marker is the target's own: built from the one article it now holds.
  EXPECT_EQ(b->GetSetting(kStoriesBuiltFromSetting).value(), "1");
  TransferCounts again;
  EXPECT_EQ(Export(b.get(), &again), exported);
}

// Bug: `db export` carried articles, stories and settings only. A store moved to another
// backend lost its watched sources, page states, watchlists, merged story ids (an old link to a
// merged story stopped resolving) and brief history (`show --since-version`).
TEST_P(TransferTest, ALiveStoresSourcesWatchlistsAliasesAndBriefVersionsTravelRegression) {
  testing_util::TempStore a_where, b_where;
  auto a = Fresh(&a_where);
  auto b = Fresh(&b_where);
  ASSERT_TRUE(a && b);
  bool inserted = false;
  ASSERT_TRUE(a->PutArticle(Make("f1"), &inserted).ok());
  ASSERT_TRUE(a->PutArticle(Make("f2"), &inserted).ok());
  StoryUpdate first;
  StoryRecord r;
  r.story = {"s1", "Ferry", {"f1"}, {"Harbour Post"}, 1, "2026-11-04", "2026-11-04"};
  r.brief.version = 1;
  r.brief.lines.push_back({});
  r.brief.lines.back().section = core::BriefSection::kLede;
  r.brief.lines.back().text = "The Calder ferry sailed again.";
  first.upsert.push_back(r);
  StoryRecord other = r;
  other.story.id = "s2";
  other.story.article_ids = {"f2"};
  first.upsert.push_back(other);
  ASSERT_TRUE(a->CommitStoryUpdate(first).ok());
  StoryUpdate second;  // s2 merged into s1, whose brief moves to version 2
  r.story.article_ids = {"f1", "f2"};
  r.brief.version = 2;
  r.brief.lines.back().text = "The Calder ferry sailed again on Tuesday, twice.";
  second.upsert.push_back(r);
  second.merged.push_back({"s2", "s1"});
  ASSERT_TRUE(a->CommitStoryUpdate(second).ok());
  SourceRecord src;
  src.url = "https://harbour-post.example/feed.xml";
  src.kind = "feed";
  src.etag = "\"v7\"";
  src.items_seen = 12;
  src.interval_seconds = 900;
  ASSERT_TRUE(a->PutSource(src).ok());
  PageState page;
  page.url = "https://harbour-post.example/ferry";
  page.article_id = "f1";
  page.state = "stored";
  page.listed_in = src.url;
  ASSERT_TRUE(a->PutPageStates({page}).ok());
  WatchlistRecord w{"ferries", "ferry OR Calder", "https://hooks.example/in", "k3y",
                    "2026-11-04T00:00:00Z"};
  ASSERT_TRUE(a->PutWatchlist(w).ok());

  TransferCounts out_counts;
  std::string exported = Export(a.get(), &out_counts);
  EXPECT_EQ(out_counts.aliases, 1);
  EXPECT_EQ(out_counts.sources, 1);
  EXPECT_EQ(out_counts.page_states, 1);
  EXPECT_EQ(out_counts.watchlists, 1);
  std::istringstream in(exported);
  TransferCounts in_counts;
  std::vector<core::Status> errors;
  core::Status st = ImportJsonl(b.get(), in, "export.jsonl", &in_counts, &errors);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(errors.empty()) << errors.front().ToString();

  EXPECT_EQ(b->ResolveStoryId("s2").value(), "s1");
  auto versions = b->LoadBriefVersions("s1", 0);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(versions->front().lines.at(0).text, "The Calder ferry sailed again.");
  EXPECT_EQ(b->LoadStory("s1").value().brief.version, 2);
  auto sources = b->ListSources();
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ(sources->front().etag, "\"v7\"");
  EXPECT_EQ(sources->front().items_seen, 12);
  auto pages = b->LoadPageStates({page.url});
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ(pages->front().state, "stored");
  EXPECT_EQ(pages->front().listed_in, src.url);
  auto moved = b->LoadWatchlist("ferries");
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->query, w.query);
  EXPECT_EQ(moved->secret, w.secret);
  // The engine's window is not carried: the importing store starts over on its next run.
  int64_t through = -1;
  ASSERT_TRUE(b->LoadEngineState(&through, nullptr).ok());
  EXPECT_EQ(through, 0);
  TransferCounts again;
  EXPECT_EQ(Export(b.get(), &again), exported);
}

TEST_P(TransferTest, ImportRefusesToSetTheStoresOwnBookkeeping) {
  testing_util::TempStore where;
  auto s = Fresh(&where);
  ASSERT_TRUE(s);
  std::istringstream in(
      "{\"format\":\"wirebrief-store\",\"schema_version\":2}\n"
      "{\"setting\":{\"key\":\"stories.built_from_articles\",\"value\":\"999\"}}\n"
      "{\"setting\":{\"key\":\"server.token_sha256\",\"value\":\"abc\"}}\n");
  TransferCounts counts;
  std::vector<core::Status> errors;
  ASSERT_TRUE(ImportJsonl(s.get(), in, "x.jsonl", &counts, &errors).ok());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].ToString().find("line 2"), std::string::npos) << errors[0].ToString();
  EXPECT_EQ(s->GetSetting(kStoriesBuiltFromSetting).status().code(), core::StatusCode::kNotFound);
  EXPECT_EQ(s->GetSetting("server.token_sha256").value(), "abc");
}

// Bug: one story line naming an article the file never stored (or naming one twice, or a story
// id used twice) failed ReplaceStories for every story, and the import with a database error.
TEST_P(TransferTest, ABadStoryLineIsSkippedAndTheOtherStoriesStored) {
  testing_util::TempStore where;
  auto s = Fresh(&where);
  ASSERT_TRUE(s);
  std::istringstream in(
      "{\"article\":{\"id\":\"f1\",\"title\":\"Ferry\",\"text\":\"Ferry sails.\"}}\n"
      "{\"story\":{\"id\":\"good\",\"article_ids\":[\"f1\"]}}\n"
      "{\"story\":{\"id\":\"ghost\",\"article_ids\":[\"f1\",\"missing\"]}}\n"
      "{\"story\":{\"id\":\"twice\",\"article_ids\":[\"f1\",\"f1\"]}}\n"
      "{\"story\":{\"id\":\"good\",\"article_ids\":[\"f1\"]}}\n"
      "{\"story\":{\"id\":\"fam\",\"article_ids\":[\"f1\"]},\"copy_families\":[[\"nope\"]]}\n");
  TransferCounts counts;
  std::vector<core::Status> errors;
  core::Status st = ImportJsonl(s.get(), in, "x.jsonl", &counts, &errors);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_NE(errors[0].ToString().find("line 3"), std::string::npos) << errors[0].ToString();
  EXPECT_NE(errors[0].ToString().find("missing"), std::string::npos) << errors[0].ToString();
  EXPECT_NE(errors[1].ToString().find("twice"), std::string::npos) << errors[1].ToString();
  EXPECT_NE(errors[2].ToString().find("appears twice"), std::string::npos) << errors[2].ToString();
  EXPECT_NE(errors[3].ToString().find("nope"), std::string::npos) << errors[3].ToString();
  auto stories = s->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).story.id, "good");
}

// Articles are stored a batch per transaction: a bad article line is left out of its batch and
// the others of that batch stored; a story after them finds them stored (the pending batch goes
// to the store before any other kind of line), and every provenance record of a line is kept.
TEST_P(TransferTest, ABadArticleLineMidBatchIsSkippedAndTheRestOfItsBatchStored) {
  testing_util::TempStore where;
  auto s = Fresh(&where);
  ASSERT_TRUE(s);
  core::Article twice = Make("f4");
  core::Provenance other = twice.provenance;
  other.source = "crawl-2.warc.gz";
  other.offset = 4096;
  std::istringstream in(TransferHeaderLine() + "\n" +
                        ArticleLine(Make("f1"), {Make("f1").provenance}) + "\n" +
                        ArticleLine(Make("f2"), {Make("f2").provenance}) + "\n" +
                        "{\"article\":{\"id\":\"f3\",\"provenance\":[{\"offset\":\"x\"}]}}\n" +
                        ArticleLine(twice, {twice.provenance, other}) + "\n" +
                        "{\"story\":{\"id\":\"s\",\"article_ids\":[\"f1\",\"f4\"]}}\n");
  TransferCounts counts;
  std::vector<core::Status> errors;
  core::Status st = ImportJsonl(s.get(), in, "x.jsonl", &counts, &errors);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].ToString().find("line 4"), std::string::npos) << errors[0].ToString();
  EXPECT_EQ(counts.articles, 3);
  EXPECT_EQ(counts.provenance, 4);
  auto c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->articles, 3);
  EXPECT_EQ(c->provenance, 4);
  EXPECT_EQ(s->LoadArticle("f3").status().code(), core::StatusCode::kNotFound);
  auto prov = s->LoadProvenance("f4");
  ASSERT_TRUE(prov.ok());
  ASSERT_EQ(prov->size(), 2u);
  EXPECT_EQ(prov->at(1).source, "crawl-2.warc.gz");
  auto stories = s->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u) << "the story was refused: its articles were not stored yet";
}

TEST_P(TransferTest, ImportLimitsAreBadRecordsNotFailures) {
  testing_util::TempStore where;
  auto s = Fresh(&where);
  ASSERT_TRUE(s);
  std::string deep =
      "{\"article\":{\"id\":\"d\",\"extras\":" + std::string(kMaxImportDepth + 10, '[') +
      std::string(kMaxImportDepth + 10, ']') + "}}";
  std::string many = "{\"article\":{\"id\":\"m\",\"provenance\":[";
  for (size_t i = 0; i <= kMaxImportProvenance; ++i) many += i ? ",{}" : "{}";
  many += "]}}";
  std::string huge_offset = "{\"article\":{\"id\":\"h\",\"provenance\":[{\"offset\":1e300}]}}";
  std::string long_line =
      "{\"article\":{\"id\":\"l\",\"text\":\"" + std::string(kMaxImportLineBytes, 'x') + "\"}}";
  std::istringstream in(long_line + "\n" + deep + "\n" + many + "\n" + huge_offset + "\n" +
                        "{\"article\":{\"id\":\"ok\",\"text\":\"last line, no newline\"}}");
  TransferCounts counts;
  std::vector<core::Status> errors;
  ASSERT_TRUE(ImportJsonl(s.get(), in, "x.jsonl", &counts, &errors).ok());
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].code(), core::StatusCode::kLimitExceeded) << errors[0].ToString();
  EXPECT_NE(errors[0].ToString().find("line 1"), std::string::npos) << errors[0].ToString();
  EXPECT_EQ(errors[1].code(), core::StatusCode::kLimitExceeded) << errors[1].ToString();
  EXPECT_EQ(errors[2].code(), core::StatusCode::kLimitExceeded) << errors[2].ToString();
  EXPECT_NE(errors[3].ToString().find("line 4"), std::string::npos) << errors[3].ToString();
  EXPECT_NE(errors[3].ToString().find("offset"), std::string::npos) << errors[3].ToString();
  EXPECT_EQ(counts.articles, 1);
  auto ok = s->LoadArticle("ok");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->text, "last line, no newline");
}

// Bug (fuzz_store_import, UBSan): {"brief":{"version":1e300}} and the like were cast from
// double to int by nlohmann's get<int>(), undefined behaviour; now a bad record naming the field.
TEST_P(TransferTest, OutOfRangeNumbersInABriefAreABadRecord) {
  testing_util::TempStore where;
  auto s = Fresh(&where);
  ASSERT_TRUE(s);
  std::istringstream in(
      "{\"article\":{\"id\":\"f1\",\"text\":\"Ferry sails.\"}}\n"
      "{\"story\":{\"id\":\"v\",\"article_ids\":[\"f1\"]},\"brief\":{\"version\":1e300}}\n"
      "{\"story\":{\"id\":\"c\",\"article_ids\":[\"f1\"]},\"brief\":{\"lines\":[{\"citations\":"
      "[{\"article_id\":\"f1\",\"char_start\":-1e300}]}]}}\n"
      "{\"story\":{\"id\":\"n\",\"article_ids\":[\"f1\"],\"independent_outlets\":9e18}}\n"
      "{\"article\":{\"id\":\"f2\",\"extras\":{\"sentences\":[[0,4294967296]]}}}\n"
      "{\"story\":{\"id\":\"ok\",\"article_ids\":[\"f1\"]},\"brief\":{\"version\":3.0}}\n");
  TransferCounts counts;
  std::vector<core::Status> errors;
  ASSERT_TRUE(ImportJsonl(s.get(), in, "x.jsonl", &counts, &errors).ok());
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_NE(errors[0].ToString().find("\"version\""), std::string::npos) << errors[0].ToString();
  EXPECT_NE(errors[1].ToString().find("\"char_start\""), std::string::npos) << errors[1].ToString();
  EXPECT_NE(errors[2].ToString().find("\"independent_outlets\""), std::string::npos)
      << errors[2].ToString();
  EXPECT_NE(errors[3].ToString().find("line 5"), std::string::npos) << errors[3].ToString();
  auto stories = s->LoadStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->at(0).brief.version, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, TransferTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::store
