// Two processes storing articles into one store and updating its stories at the same time
// (issue 20: the later commit used to overwrite the earlier, giving two stories for one event or
// losing attachments). Each round forks two writers that share two events, each with one event
// of its own and one article both offer; afterwards every event must be exactly one story, every
// article in exactly one story, and the engine's watermark past every article.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "nlp/read.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::pipeline {
namespace {

struct Report {
  std::string event;
  int writer;  // 0, 1, or 2 for both
  core::Article article;
};

core::Article Make(const std::string& id, const std::string& site, const std::string& time,
                   const std::string& title, const std::string& body) {
  core::Article a;
  a.id = id;
  a.url = "https://" + site + ".example/" + id;
  a.site_name = site;
  a.date_published = "2026-12-02T" + time + ":00Z";
  a.title = title;
  a.text = body;
  a.provenance.source = id + ".html";
  a.annotations = nlp::ReadArticle(a);
  return a;
}

// Four fictional events: two both writers report, one each of their own.
std::vector<Report> Reports() {
  return {
      {"quarry", 0,
       Make("quarry-1", "fenwick-gazette", "07:10", "Fenwick quarry wall collapses",
            "A wall of the Greyholm quarry near Fenwick collapsed on Wednesday, burying two "
            "excavators under 9,000 tonnes of rock, the Fenwick quarry company said. No workers "
            "were hurt.")},
      {"library", 1,
       Make("library-1", "osterby-voice", "07:40", "Fire guts Osterby library",
            "Fire swept through the Osterby public library on Wednesday, destroying about 30,000 "
            "books, Osterby fire chief Lena Morrow said. The blaze started in the reading room.")},
      {"quarry", 1,
       Make("quarry-2", "stone-trade", "08:20", "Greyholm quarry collapse buries excavators",
            "Two excavators were buried when a wall of the Greyholm quarry outside Fenwick "
            "collapsed on Wednesday, sending 9,000 tonnes of rock down. The quarry company said "
            "no workers were hurt.")},
      {"marathon", 0,
       Make("marathon-1", "tolland-sport", "08:50", "Aino Rask sets Tolland marathon record",
            "Aino Rask won the Tolland marathon on Wednesday in 2 hours 19 minutes, a course "
            "record by 40 seconds. The Tolland runner led from the 30th kilometre.")},
      {"bridge", 1,
       Make("bridge-1", "kestrel-herald", "09:15", "Kestrel Bay bridge closed after cracks found",
            "The Kestrel Bay swing bridge was closed to traffic on Wednesday after inspectors "
            "found cracks in two of its steel girders, the Kestrel Bay harbour authority said.")},
      {"library", 0,
       Make("library-2", "book-world", "09:45", "Osterby library loses 30,000 books in fire",
            "About 30,000 books were lost when fire tore through the Osterby public library on "
            "Wednesday. Fire chief Lena Morrow said the blaze began in the reading room.")},
      {"quarry", 2,
       Make("quarry-3", "north-wire", "10:05", "Rock fall at Greyholm quarry near Fenwick",
            "A rock fall of 9,000 tonnes at the Greyholm quarry near Fenwick buried two "
            "excavators on Wednesday. The Fenwick quarry company said no workers were hurt when "
            "the wall collapsed.")},
      {"marathon", 0,
       Make("marathon-2", "run-daily", "10:40", "Course record for Rask in Tolland",
            "Tolland's Aino Rask broke the Tolland marathon course record by 40 seconds on "
            "Wednesday, finishing in 2 hours 19 minutes after leading from the 30th kilometre.")},
      {"bridge", 1,
       Make("bridge-2", "harbour-news", "11:00", "Cracked girders shut Kestrel Bay swing bridge",
            "Inspectors found cracks in two steel girders of the Kestrel Bay swing bridge on "
            "Wednesday, and the harbour authority closed it to traffic.")},
      {"library", 1,
       Make("library-3", "osterby-post", "11:30", "Osterby reading room blaze destroys library",
            "A blaze that began in the reading room destroyed the Osterby public library on "
            "Wednesday. About 30,000 books burned, fire chief Lena Morrow said.")},
      {"quarry", 0,
       Make("quarry-4", "mining-week", "12:10", "Fenwick quarry firm counts cost of collapse",
            "The Fenwick quarry company said the Greyholm quarry wall that collapsed on Wednesday "
            "buried two excavators under 9,000 tonnes of rock; no workers were hurt.")},
      {"marathon", 0,
       Make("marathon-3", "city-runner", "12:45", "Tolland marathon: Rask wins in 2:19",
            "Aino Rask won the Tolland marathon in 2 hours 19 minutes on Wednesday, taking 40 "
            "seconds off the course record.")},
      {"bridge", 1,
       Make("bridge-3", "coast-daily", "13:20", "Kestrel Bay bridge shut over girder cracks",
            "The Kestrel Bay harbour authority shut the swing bridge on Wednesday after "
            "inspectors found cracks in two steel girders.")},
      {"library", 0,
       Make("library-4", "osterby-evening", "13:50", "Osterby counts loss of library to fire",
            "Osterby lost its public library to fire on Wednesday: about 30,000 books burned in a "
            "blaze that began in the reading room, fire chief Lena Morrow said.")},
  };
}

RunOptions Options() {
  RunOptions o;
  o.jobs = 1;
  return o;
}

[[noreturn]] void Finish(int out, const std::string& line) {
  std::string l = line + "\n";
  _exit(write(out, l.data(), l.size()) == static_cast<ssize_t>(l.size()) ? 0 : 3);
}

// One writer: each of its articles stored, then the stories updated, so the two writers'
// updates interleave many times. Runs in a forked child; writes "ok CONFLICTS" or "error ..."
// to `out` and exits.
[[noreturn]] void Writer(const std::string& location, const std::vector<Report>& reports,
                         int writer, int go, int out) {
  auto s = store::OpenStore(location);
  if (!s.ok()) Finish(out, "error " + s.status().ToString());
  char byte;
  if (read(go, &byte, 1) != 1) Finish(out, "error no start signal");
  size_t conflicts = 0;
  for (const Report& r : reports) {
    if (r.writer != writer && r.writer != 2) continue;
    bool inserted = false;
    core::Status put = s.value()->PutArticle(r.article, &inserted);
    if (!put.ok()) Finish(out, "error " + put.ToString());
    StoriesSummary sum;
    core::Status up = UpdateStories(s.value().get(), Options(), &sum);
    conflicts += sum.conflicts;
    if (!up.ok()) Finish(out, "error " + up.ToString());
  }
  s.value().reset();  // closed before the parent looks
  Finish(out, "ok " + std::to_string(conflicts));
}

// What the store holds now, checked against the events. Empty when all is well.
std::string Check(store::Store* store, const std::vector<Report>& reports) {
  std::string problems;
  auto stories = store->LoadStories();
  if (!stories.ok()) return stories.status().ToString();
  std::map<std::string, std::vector<std::string>> stories_of;  // article -> stories holding it
  std::map<std::string, std::set<std::string>> members;        // story -> articles
  for (const auto& r : stories.value()) {
    for (const auto& a : r.story.article_ids) {
      stories_of[a].push_back(r.story.id);
      members[r.story.id].insert(a);
    }
    for (const auto& why : r.brief.story_attachments)
      if (!members[r.story.id].count(why.article_id))
        problems += "story " + r.story.id + " explains " + why.article_id + ", not a member; ";
  }
  std::map<std::string, std::set<std::string>>
      event_stories;  // event -> stories its articles are in
  for (const Report& r : reports) {
    const auto& in = stories_of[r.article.id];
    if (in.size() != 1)
      problems += r.article.id + " is in " + std::to_string(in.size()) + " stories; ";
    for (const auto& id : in) event_stories[r.event].insert(id);
  }
  std::set<std::string> seen;
  for (const auto& [event, ids] : event_stories) {
    if (ids.size() != 1)
      problems += event + " is split over " + std::to_string(ids.size()) + " stories; ";
    for (const auto& id : ids)
      if (!seen.insert(id).second) problems += "story " + id + " mixes events; ";
  }
  if (members.size() != event_stories.size())
    problems += std::to_string(members.size()) + " stories for " +
                std::to_string(event_stories.size()) + " events; ";
  int64_t through = 0;
  auto state = store->LoadEngineState(&through, nullptr);
  if (!state.ok()) return problems + state.status().ToString();
  auto after = store->LoadArticlesAfter(through, 1);
  if (!after.ok()) return problems + after.status().ToString();
  if (!after->empty())
    problems += "article " + after->front().article.id + " lies past the watermark; ";
  return problems;
}

class ConcurrentStoriesTest : public ::testing::TestWithParam<const char*> {};

// The events as one writer stores them: one story each. Without this the concurrent rounds
// below could not tell a race from a clustering change.
TEST_P(ConcurrentStoriesTest, OneWriterGivesOneStoryPerEvent) {
  testing_util::TempStore where;
  std::string why;
  ASSERT_TRUE(where.Create(GetParam(), &why)) << why;
  if (where.location().empty()) GTEST_SKIP() << why;
  auto s = store::OpenStore(where.location());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  std::vector<Report> reports = Reports();
  for (const Report& r : reports) {
    bool inserted = false;
    ASSERT_TRUE(s.value()->PutArticle(r.article, &inserted).ok());
    StoriesSummary sum;
    core::Status up = UpdateStories(s.value().get(), Options(), &sum);
    ASSERT_TRUE(up.ok()) << up.ToString();
    EXPECT_EQ(sum.conflicts, 0u) << "a lone writer met a conflict";
  }
  EXPECT_EQ(Check(s.value().get(), reports), "");
}

// The race is timing: rounds go on until one of them was seen to conflict (each writer counts
// the updates the store refused and it redid), at least kMinRounds, at most kMaxRounds.
TEST_P(ConcurrentStoriesTest, TwoWritersAtOnceGiveOneStoryPerEventAndLoseNothing) {
  constexpr int kMinRounds = 3, kMaxRounds = 12;
  std::vector<Report> reports = Reports();
  size_t conflicts = 0;
  int rounds = 0;
  for (; rounds < kMaxRounds && (rounds < kMinRounds || conflicts == 0); ++rounds) {
    testing_util::TempStore where;
    std::string why;
    ASSERT_TRUE(where.Create(GetParam(), &why)) << why;
    if (where.location().empty()) GTEST_SKIP() << why;
    {
      auto migrate = store::OpenStore(where.location());  // both writers find the schema made
      ASSERT_TRUE(migrate.ok()) << migrate.status().ToString();
    }
    int go[2], out[2][2];
    ASSERT_EQ(pipe(go), 0);
    pid_t pids[2];
    for (int w = 0; w < 2; ++w) {
      ASSERT_EQ(pipe(out[w]), 0);
      pids[w] = fork();
      ASSERT_GE(pids[w], 0);
      if (pids[w] == 0) {
        close(go[1]);
        close(out[w][0]);
        Writer(where.location(), reports, w, go[0], out[w][1]);
      }
      close(out[w][1]);
    }
    close(go[0]);
    ASSERT_EQ(write(go[1], "gg", 2), 2);  // both start at once
    close(go[1]);
    for (int w = 0; w < 2; ++w) {
      std::string line;
      char buf[512];
      ssize_t n;
      while ((n = read(out[w][0], buf, sizeof buf)) > 0) line.append(buf, static_cast<size_t>(n));
      close(out[w][0]);
      int status = 0;
      waitpid(pids[w], &status, 0);
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer " << w << " died";
      ASSERT_EQ(line.rfind("ok ", 0), 0u) << "round " << rounds << ", writer " << w << ": " << line;
      conflicts += std::stoul(line.substr(3));
    }
    auto s = store::OpenStore(where.location());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(Check(s.value().get(), reports), "") << "round " << rounds;
  }
  std::printf("%d rounds, %zu updates redone after a conflict\n", rounds, conflicts);
  EXPECT_GT(conflicts, 0u) << "in " << rounds
                           << " rounds the two writers never updated at the same "
                           << "time, so this test checked nothing concurrent";
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentStoriesTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::pipeline
