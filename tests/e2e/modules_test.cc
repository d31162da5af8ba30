// Lazy loading (core/module.h): a command that neither fetches, nor opens a store, nor serves
// must not load libcurl, libsqlite3, libpq, cpp-httplib or libssl; a missing module is a clear
// error.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "binary.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

std::string Binary() {
  const char* b = std::getenv("WB_BINARY");
  return b ? b : "build/wirebrief";
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Bytes the process has written so far (/proc/PID/io), or -1 once it has ended.
long long Written(pid_t pid) {
  std::string stat = ReadFile("/proc/" + std::to_string(pid) + "/stat");
  size_t paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size() || stat[paren + 2] == 'Z') return -1;
  std::istringstream io(ReadFile("/proc/" + std::to_string(pid) + "/io"));
  std::string key;
  long long value = 0;
  while (io >> key >> value)
    if (key == "wchar:") return value;
  return -1;
}

// The libraries mapped by an `extract` run caught mid-way: its stdout is a pipe nobody reads
// yet, so it cannot end; once it has written half of what a pipe holds, pages have been
// extracted (URLs normalised and resolved on the way) and its maps can be read.
TEST(LazyModules, ExtractLoadsNoNetworkDatabaseOrServerLibrary) {
  std::vector<std::string> args = {Binary(), "extract", "--output-format", "jsonl", "-j", "1"};
  for (int round = 0; round < 4; ++round)
    for (const auto& e : fs::directory_iterator("tests/fixtures/extract"))
      if (e.path().extension() == ".html") args.push_back(e.path().string());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  long long written = 0;
  while ((written = Written(pid)) >= 0 && written < (32 << 10)) usleep(2000);
  std::string maps = ReadFile("/proc/" + std::to_string(pid) + "/maps");
  char buf[65536];
  while (read(out[0], buf, sizeof buf) > 0) {
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_GE(written, 32 << 10) << "extract ended before writing 32 KiB; add pages";
  ASSERT_NE(maps.find("libxml2"), std::string::npos) << maps;  // the maps are the real ones
  for (const char* lib : {"libcurl", "libsqlite3", "libpq", "libcpp-httplib", "libssl", "libcrypto",
                          "wirebrief-fetch.so", "wirebrief-sqlite.so", "wirebrief-postgres.so",
                          "wirebrief-server.so"})
    EXPECT_EQ(maps.find(lib), std::string::npos) << lib << " is mapped by extract:\n" << maps;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST(LazyModules, VersionLoadsNoModule) {
  fs::path tmp = fs::temp_directory_path() / ("wb_modules_" + std::to_string(getpid()));
  fs::create_directories(tmp);
  auto r = wirebrief::testing_e2e::Exec(Binary(), tmp, "--version");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wirebrief "), std::string::npos) << r.out;
  fs::remove_all(tmp);
}

// WIREBRIEF_MODULE_DIR names the only folder looked in: an empty one makes every module missing.
class MissingModules : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_ = fs::temp_directory_path() / ("wb_nomodules_" + std::to_string(getpid()));
    fs::create_directories(tmp_ / "empty");
  }
  void TearDown() override { fs::remove_all(tmp_); }
  std::string Env() const { return "WIREBRIEF_MODULE_DIR='" + (tmp_ / "empty").string() + "' "; }
  fs::path tmp_;
};

TEST_F(MissingModules, PostgresStoreNamesTheModuleAndWhy) {
  std::string cmd =
      "sh -c \"" + Env() + "'" + Binary() + "' show --db postgresql://127.0.0.1:1/none\"";
  fs::path err = tmp_ / "err.txt";
  int status = std::system((cmd + " 2>'" + err.string() + "' >/dev/null").c_str());
  std::string text = ReadFile(err.string());
  EXPECT_NE(WEXITSTATUS(status), 0);
  EXPECT_NE(text.find((tmp_ / "empty" / "wirebrief-postgres.so").string()), std::string::npos)
      << text;
  EXPECT_NE(text.find("No such file"), std::string::npos) << text;  // dlerror()'s words
}

TEST_F(MissingModules, ServeNamesTheModuleAndWhy) {
  std::string cmd = "sh -c \"" + Env() + "'" + Binary() + "' serve --db '" +
                    (tmp_ / "x.db").string() + "' --port 0\"";
  fs::path err = tmp_ / "err.txt";
  int status = std::system((cmd + " 2>'" + err.string() + "' >/dev/null").c_str());
  std::string text = ReadFile(err.string());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(text.find((tmp_ / "empty" / "wirebrief-server.so").string()), std::string::npos)
      << text;
  EXPECT_NE(text.find("No such file"), std::string::npos) << text;
}

// A binary copied out of the build tree finds only modules copied with it: never those the
// tree may have rebuilt since from another commit.
TEST_F(MissingModules, ACopiedBinaryUsesTheModulesBesideItOnly) {
  fs::path bin = tmp_ / "wirebrief";
  fs::copy_file(Binary(), bin);
  std::string db = (tmp_ / "x.db").string();
  auto alone = wirebrief::testing_e2e::Exec(bin.string(), tmp_, "db migrate --db '" + db + "'");
  EXPECT_EQ(alone.exit_code, 2) << alone.err;
  EXPECT_NE(alone.err.find((tmp_ / "wirebrief-sqlite.so").string()), std::string::npos)
      << alone.err;
  fs::copy_file(fs::path(Binary()).parent_path() / "wirebrief-sqlite.so",
                tmp_ / "wirebrief-sqlite.so");
  auto with = wirebrief::testing_e2e::Exec(bin.string(), tmp_, "db migrate --db '" + db + "'");
  EXPECT_EQ(with.exit_code, 0) << with.err;
}

}  // namespace
