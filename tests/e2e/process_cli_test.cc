// `wirebrief process` through the real binary (issue 23): the map stage's output is the same
// bytes whatever -j, and again on a second run (a retried cluster task is harmless); it carries
// provenance down to the WARC record; stdin can be named; bad inputs are reported by name while
// the rest is written, and the exit status says something failed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "binary.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using wirebrief::testing_e2e::Outcome;
using wirebrief::testing_e2e::Slurp;

class ProcessCliTest : public wirebrief::testing_e2e::BinarySuite {
 protected:
  static void SetUpTestSuite() { Begin("wb_process_cli_"); }
  static std::string Warc() { return root_ + "/data/demo/archive/demo.warc.gz"; }
  static std::vector<json> Lines(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
  }

};


TEST_F(ProcessCliTest, SameBytesWhateverJobsAndRunAfterRun) {
  Outcome one = Exec("process -q -j 1 '" + Warc() + "'");
  Outcome two = Exec("process -q -j 2 '" + Warc() + "'");
  Outcome again = Exec("process -q -j 2 '" + Warc() + "'");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_TRUE(one.out == two.out) << "-j 1 and -j 2 wrote different bytes";
  EXPECT_TRUE(two.out == again.out) << "a second run wrote different bytes";

  std::vector<json> lines = Lines(one.out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0]["format"], "wirebrief-store");
  uint64_t previous = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    ASSERT_TRUE(lines[i].contains("article")) << lines[i].dump().substr(0, 200);
    const json& a = lines[i]["article"];
    EXPECT_FALSE(a["text"].get<std::string>().empty());
    EXPECT_FALSE(a["extras"].empty()) << "no metadata or annotations";
    const json& p = a["provenance"][0];
    EXPECT_EQ(p["source"], Warc());
    EXPECT_EQ(p["container"], "warc");
    EXPECT_GT(p["length"].get<uint64_t>(), 0u);
    EXPECT_FALSE(p["record_id"].get<std::string>().empty());
    // In input order (the archive's), so the reduce stores them in the order `run` would.
    EXPECT_LT(previous, p["offset"].get<uint64_t>());
    previous = p["offset"].get<uint64_t>();
  }
}

TEST_F(ProcessCliTest, CompressedOutputByNameIsDeterministicAndAppearsWhole) {
  for (const char* name : {"out.jsonl.gz", "out.jsonl.zst"}) {
    fs::path out = tmp_ / name;
    ASSERT_EQ(Exec("process -q -o '" + out.string() + "' '" + Warc() + "'").exit_code, 0);
    std::string first = Slurp(out);
    ASSERT_EQ(Exec("process -q -j 1 -o '" + out.string() + "' '" + Warc() + "'").exit_code, 0);
    EXPECT_TRUE(first == Slurp(out)) << name << ": a second run wrote different bytes";
    EXPECT_FALSE(fs::exists(out.string() + ".part"));
    ASSERT_GE(first.size(), 4u);
    if (fs::path(name).extension() == ".gz")
      EXPECT_EQ(first.substr(0, 2), "\x1f\x8b");
    else
      EXPECT_EQ(first.substr(0, 4), "\x28\xb5\x2f\xfd");
  }
  // --compress wins over the name.
  fs::path plain = tmp_ / "plain.gz";
  ASSERT_EQ(
      Exec("process -q --compress none -o '" + plain.string() + "' '" + Warc() + "'").exit_code, 0);
  EXPECT_EQ(Slurp(plain).substr(0, 1), "{");
}

TEST_F(ProcessCliTest, StandardInputNamedBySourceName) {
  Outcome named = Exec("process -q --source-name archive-7.warc.gz - < '" + Warc() + "'");
  Outcome file = Exec("process -q '" + Warc() + "'");
  ASSERT_EQ(named.exit_code, 0) << named.err;
  std::vector<json> a = Lines(named.out), b = Lines(file.out);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 1; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["article"]["provenance"][0]["source"], "archive-7.warc.gz");
    EXPECT_EQ(a[i]["article"]["provenance"][0]["offset"],
              b[i]["article"]["provenance"][0]["offset"]);
    EXPECT_EQ(a[i]["article"]["id"], b[i]["article"]["id"]);
  }
}

TEST_F(ProcessCliTest, BadInputsAreNamedAndTheRestIsWritten) {
  std::string whole = Slurp(Warc());
  fs::path cut = tmp_ / "cut.warc.gz";
  std::ofstream(cut, std::ios::binary) << whole.substr(0, whole.size() / 2);
  fs::path junk = tmp_ / "junk.warc.gz";
  std::ofstream(junk, std::ios::binary) << std::string("\x1f\x8b\x08\x00not gzip at all", 19);
  Outcome good = Exec("process -q '" + Warc() + "'");
  Outcome mixed =
      Exec("process -q '" + cut.string() + "' '" + junk.string() + "' '" + Warc() + "'");
  EXPECT_EQ(mixed.exit_code, 1) << mixed.err;
  EXPECT_NE(mixed.err.find("cut.warc.gz"), std::string::npos) << mixed.err;
  EXPECT_NE(mixed.err.find("junk.warc.gz"), std::string::npos) << mixed.err;
  // Every article of the intact archive is there (the cut one's are the same pages again).
  std::set<std::string> ids;
  for (const json& l : Lines(mixed.out))
    if (l.contains("article")) ids.insert(l["article"]["id"].get<std::string>());
  for (const json& l : Lines(good.out)) {
    if (l.contains("article")) {
      EXPECT_TRUE(ids.count(l["article"]["id"].get<std::string>()));
    }
  }
  // Nothing to read at all is a usage error.
  EXPECT_EQ(Exec("process -q").exit_code, 2);
}

}  // namespace
