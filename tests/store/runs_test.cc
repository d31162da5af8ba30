// Whole `wirebrief run` processes against each backend: two at once on overlapping inputs, and a
// run killed with SIGKILL mid-batch then run again. Both must end exactly where one clean run of
// the same inputs ends (same articles, provenance, stories and briefs).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::store {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string Root() {
  const char* r = std::getenv("WB_SOURCE_DIR");
  return r ? r : WB_TEST_SOURCE_DIR;
}
std::string Binary() {
  const char* b = std::getenv("WB_BINARY");
  return b ? b : WB_TEST_BINARY;
}

// Starts the binary with `args`, output discarded; returns its pid.
pid_t Spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string bin = Binary();
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    FILE* null = std::fopen("/dev/null", "w");
    if (null) {
      dup2(fileno(null), 1);
      dup2(fileno(null), 2);
    }
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> RunArgs(const std::string& db, const std::vector<std::string>& inputs) {
  std::vector<std::string> args = {"run", "-q", "-j", "1", "--db", db};
  args.insert(args.end(), inputs.begin(), inputs.end());
  return args;
}

// Everything a run leaves behind, in a form that compares across stores. `identity_only` keeps
// what must not depend on timing: which articles, provenance records and story memberships
// exist. (When two processes offer the same article from different inputs, whichever commits
// first is the stored copy, so its text and the briefs built from it may differ.)
json Snapshot(const std::string& location, bool identity_only = false) {
  auto s = OpenStore(location);
  if (!s.ok()) return json{{"error", s.status().ToString()}};
  json out;
  auto articles = s.value()->LoadArticles();
  if (!articles.ok()) return json{{"error", articles.status().ToString()}};
  for (const auto& a : articles.value()) {
    auto records = s.value()->LoadProvenance(a.id);
    if (!records.ok()) return json{{"error", records.status().ToString()}};
    json prov = json::array();
    for (const core::Provenance& p : records.value())
      prov.push_back({p.source, p.container, p.offset, p.record_id});
    std::sort(prov.begin(), prov.end());  // arrival order differs between concurrent writers
    out["articles"][a.id] =
        identity_only ? json(prov) : json{a.title, a.text, a.date_published, prov};
  }
  auto stories = s.value()->LoadStories();
  if (!stories.ok()) return json{{"error", stories.status().ToString()}};
  for (const auto& r : stories.value()) {
    json lines = json::array();
    for (const auto& l : r.brief.lines) lines.push_back(l.text);
    out["stories"][r.story.id] = identity_only ? json(r.story.article_ids)
                                               : json{r.story.title, r.story.article_ids,
                                                      r.story.outlets, r.copy_families, lines};
  }
  return out;
}

// The demo corpus's top-level entries, sorted.
std::vector<std::string> DemoInputs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(Root() + "/data/demo"))
    if (e.path().filename() != "expected.json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

class RunsTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (!fs::exists(Binary())) GTEST_SKIP() << "no wirebrief binary at " << Binary();
    std::string why;
    ASSERT_TRUE(clean_.Create(GetParam(), &why)) << why;
    if (clean_.location().empty()) GTEST_SKIP() << why;
    ASSERT_TRUE(target_.Create(GetParam(), &why)) << why;
    ASSERT_EQ(Wait(Spawn(RunArgs(clean_.location(), DemoInputs()))), 0);
    expected_ = Snapshot(clean_.location());
    ASSERT_FALSE(expected_.contains("error")) << expected_.dump();
    std::ifstream f(Root() + "/data/demo/expected.json");
    json demo = json::parse(f);
    ASSERT_EQ(expected_["stories"].size(), demo["events"].size())
        << "the clean run is not one story per event";
  }

  testing_util::TempStore clean_, target_;
  json expected_;
};

TEST_P(RunsTest, TwoRunsOnOverlappingInputsAtOnceEqualOneCleanRun) {
  std::vector<std::string> all = DemoInputs();
  ASSERT_GE(all.size(), 3u);
  // First: every entry but the last; second: every entry but the first.
  std::vector<std::string> first(all.begin(), all.end() - 1), second(all.begin() + 1, all.end());
  pid_t a = Spawn(RunArgs(target_.location(), first));
  pid_t b = Spawn(RunArgs(target_.location(), second));
  EXPECT_EQ(Wait(a), 0);
  EXPECT_EQ(Wait(b), 0);
  json got = Snapshot(target_.location(), true);
  json want = Snapshot(clean_.location(), true);
  EXPECT_EQ(got["articles"], want["articles"]);  // none lost, none twice, every provenance record
  EXPECT_EQ(got["stories"], want["stories"]);    // one story per demo event, same members
}

TEST_P(RunsTest, ARunKilledMidBatchThenRunAgainEqualsOneCleanRun) {
  const size_t total = expected_["articles"].size();
  pid_t pid = Spawn(RunArgs(target_.location(), DemoInputs()));
  // Kill it once some, not all, articles are stored.
  int64_t at_kill = -1;
  for (int i = 0; i < 20000 && at_kill < 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    auto s = OpenStore(target_.location());
    if (!s.ok()) continue;
    auto c = s.value()->Counts();
    if (c.ok() && c->articles >= 3) {
      kill(pid, SIGKILL);
      at_kill = c->articles;
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
  ASSERT_LT(static_cast<size_t>(at_kill), total);
  ASSERT_EQ(Wait(Spawn(RunArgs(target_.location(), DemoInputs()))), 0);
  json got = Snapshot(target_.location());
  EXPECT_EQ(got["articles"], expected_["articles"]);
  EXPECT_EQ(got["stories"], expected_["stories"]);
}

// The map and reduce of a distributed run (issue 23): `process` on each input alone (plain,
// gzip and zstd output), then one `run` over the outputs equals one clean run over the inputs,
// every stored field compared. Given in another order, the outputs give the same articles,
// provenance and stories (which copy of a page two inputs disagree on is kept follows the
// order, as with `run`).
TEST_P(RunsTest, ProcessEachInputThenRunTheLinesEqualsOneCleanRun) {
  fs::path dir =
      fs::temp_directory_path() / ("wb_process_" + std::to_string(::getpid()) + GetParam());
  fs::create_directories(dir);
  std::vector<std::string> outputs;
  const char* suffixes[] = {".jsonl", ".jsonl.gz", ".jsonl.zst"};
  std::vector<std::string> inputs = DemoInputs();
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string out = (dir / ("part-" + std::to_string(i) + suffixes[i % 3])).string();
    ASSERT_EQ(Wait(Spawn({"process", "-q", "-j", "2", "-o", out, inputs[i]})), 0) << inputs[i];
    ASSERT_TRUE(fs::exists(out)) << out;
    ASSERT_FALSE(fs::exists(out + ".part"));
    outputs.push_back(out);
  }
  ASSERT_EQ(Wait(Spawn(RunArgs(target_.location(), outputs))), 0);
  json got = Snapshot(target_.location());
  EXPECT_EQ(got["articles"], expected_["articles"]);
  EXPECT_EQ(got["stories"], expected_["stories"]);
  // Running the lines again stores nothing twice and changes no story.
  ASSERT_EQ(Wait(Spawn(RunArgs(target_.location(), outputs))), 0);
  EXPECT_EQ(Snapshot(target_.location()), got);

  testing_util::TempStore reversed;
  std::string why;
  ASSERT_TRUE(reversed.Create(GetParam(), &why)) << why;
  std::reverse(outputs.begin(), outputs.end());
  ASSERT_EQ(Wait(Spawn(RunArgs(reversed.location(), outputs))), 0);
  json other = Snapshot(reversed.location(), true);
  json want = Snapshot(clean_.location(), true);
  EXPECT_EQ(other["articles"], want["articles"]);
  EXPECT_EQ(other["stories"], want["stories"]);
  fs::remove_all(dir);
}

// `db import` reads `process` output as `run` does, plain, gzip or zstd (told by content, not
// by the name's suffix), and stores the articles `run` stores from the same inputs.
TEST_P(RunsTest, DbImportReadsProcessOutputPlainGzipAndZstd) {
  fs::path dir =
      fs::temp_directory_path() / ("wb_import_" + std::to_string(::getpid()) + GetParam());
  fs::create_directories(dir);
  const char* suffixes[] = {".jsonl", ".jsonl.gz", ".jsonl.zst"};
  for (int i = 0; i < 3; ++i) {
    const char* suffix = suffixes[i];
    std::string out = (dir / (std::string("all") + suffix)).string();
    std::vector<std::string> args = {"process", "-q", "-j", "2", "-o", out};
    for (const auto& in : DemoInputs()) args.push_back(in);
    ASSERT_EQ(Wait(Spawn(args)), 0) << suffix;
    std::string unnamed = (dir / ("unnamed-" + std::to_string(i))).string();
    fs::rename(out, unnamed);  // no suffix left to go by
    testing_util::TempStore imported;
    std::string why;
    ASSERT_TRUE(imported.Create(GetParam(), &why)) << why;
    ASSERT_EQ(Wait(Spawn({"db", "import", "--db", imported.location(), unnamed})), 0) << suffix;
    EXPECT_EQ(Snapshot(imported.location())["articles"], expected_["articles"]) << suffix;
  }
  fs::remove_all(dir);
}

// `db export` from SQLite, `db import` into this backend (twice: idempotent), `db export` again:
// the same bytes, so nothing was lost or changed on the way.
TEST_P(RunsTest, ExportFromSqliteImportsIntoThisBackendUnchanged) {
  testing_util::TempStore source;
  std::string why;
  ASSERT_TRUE(source.Create("sqlite", &why)) << why;
  ASSERT_EQ(Wait(Spawn(RunArgs(source.location(), DemoInputs()))), 0);
  fs::path dir =
      fs::temp_directory_path() / ("wb_export_" + std::to_string(::getpid()) + GetParam());
  fs::create_directories(dir);
  std::string a = (dir / "a.jsonl").string(), b = (dir / "b.jsonl").string();
  ASSERT_EQ(Wait(Spawn({"db", "export", "--db", source.location(), "-o", a})), 0);
  ASSERT_EQ(Wait(Spawn({"db", "import", "--db", target_.location(), a})), 0);
  ASSERT_EQ(Wait(Spawn({"db", "import", "--db", target_.location(), a})), 0);
  ASSERT_EQ(Wait(Spawn({"db", "export", "--db", target_.location(), "-o", b})), 0);
  auto slurp = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  std::string exported = slurp(a);
  EXPECT_GT(exported.size(), 1000u);
  EXPECT_TRUE(exported == slurp(b)) << "export after import differs from the original export";
  EXPECT_EQ(Snapshot(target_.location()), Snapshot(source.location()));
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, RunsTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

}  // namespace
}  // namespace wirebrief::store
