// Lazy loading (core/module.h): a command that neither fetches, nor opens a store, nor serves
// must not load libcurl, libsqlite3, libpq, cpp-httplib or libssl; `--version` loads none of
// CLD2, uchardet and libstemmer; a missing module is a clear error.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <iconv.h>
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
#include "brief/detail/text.h"

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
  // Extraction identifies languages: the CLD2 module is loaded on the way, and works.
  EXPECT_NE(maps.find("wirebrief-cld2.so"), std::string::npos) << maps;
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

// The loader's own account (LD_DEBUG=files names every object it loads, on stderr).
TEST(LazyModules, VersionLoadsNoLanguageCharsetStemmerOrCalendarLibrary) {
  fs::path tmp = fs::temp_directory_path() / ("wb_version_libs_" + std::to_string(getpid()));
  fs::create_directories(tmp);
  setenv("LD_DEBUG", "files", 1);
  auto r = wirebrief::testing_e2e::Exec(Binary(), tmp, "--version");
  unsetenv("LD_DEBUG");
  fs::remove_all(tmp);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_NE(r.err.find("file=libxml2"), std::string::npos) << r.err;  // the loader did report
  for (const char* lib : {"libcld2", "libuchardet", "libstemmer", "libicui18n", "wirebrief-cld2.so",
                          "wirebrief-uchardet.so", "wirebrief-stemmer.so", "wirebrief-calendar.so"})
    EXPECT_EQ(r.err.find(lib), std::string::npos) << lib << " is loaded by --version:\n" << r.err;
}

// Fictional text; in windows-1251 without any label, only uchardet can tell how to read it.
constexpr char kRussianStory[] =
    "<html><head><title>Новый мост через реку</title></head><body><article><h1>Новый мост "
    "через реку откроют весной</h1><p>Строительство нового моста через реку в северной части "
    "города подходит к концу, сообщили в городской администрации во вторник. По словам "
    "главного инженера проекта, движение по мосту откроют в начале весны, если погода не "
    "помешает последним работам.</p><p>Жители соседних районов давно ждали этого события: "
    "сейчас дорога до центра занимает у них больше часа. Новый мост сократит путь почти вдвое "
    "и снимет нагрузку со старой переправы, которую построили более пятидесяти лет назад.</p>"
    "<p>Городские власти также обещают проложить вдоль моста велосипедную дорожку и широкий "
    "тротуар для пешеходов.</p></article></body></html>";

std::string ToWindows1251(const std::string& utf8) {
  iconv_t cd = iconv_open("WINDOWS-1251", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(utf8.size(), '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t o_left = out.size();
  size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - o_left);
  return out;
}

// The commands that need the modules get them: `extract` decodes an unlabelled legacy page
// (uchardet) and names its language from the text (CLD2).
TEST(LazyModules, ExtractStillDetectsCharsetAndLanguage) {
  fs::path tmp = fs::temp_directory_path() / ("wb_modules_cp1251_" + std::to_string(getpid()));
  fs::create_directories(tmp);
  std::string bytes = ToWindows1251(kRussianStory);
  ASSERT_FALSE(bytes.empty());
  std::ofstream((tmp / "page.html").string(), std::ios::binary) << bytes;
  auto r = wirebrief::testing_e2e::Exec(
      Binary(), tmp, "extract --output-format jsonl '" + (tmp / "page.html").string() + "'");
  fs::remove_all(tmp);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("сократит путь почти вдвое"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"language\":\"ru\""), std::string::npos) << r.out;
}

// And brief writing stems words through the stemmer module.
TEST(LazyModules, StemmingWorksThroughTheModule) {
  EXPECT_EQ(wirebrief::brief::detail::Stem("flooding"), "flood");
  EXPECT_EQ(wirebrief::brief::detail::Stem("evacuations"), "evacu");
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

TEST_F(MissingModules, ExtractNamesTheLanguageModuleAndWhy) {
  std::ofstream((tmp_ / "page.html").string()) << kRussianStory;
  std::string cmd = "sh -c \"" + Env() + "'" + Binary() + "' extract --output-format jsonl '" +
                    (tmp_ / "page.html").string() + "'\"";
  fs::path err = tmp_ / "err.txt";
  int status = std::system((cmd + " 2>'" + err.string() + "' >/dev/null").c_str());
  std::string text = ReadFile(err.string());
  EXPECT_NE(WEXITSTATUS(status), 0);
  EXPECT_NE(text.find((tmp_ / "empty" / "wirebrief-cld2.so").string()), std::string::npos) << text;
  EXPECT_NE(text.find("No such file"), std::string::npos) << text;
}

// Decoding has no error to return: without uchardet an unlabelled legacy page falls to the
// standard's windows-1252, and stderr says why, once.
TEST_F(MissingModules, IngestSaysCharsetDetectionIsUnavailableOnce) {
  std::string bytes = ToWindows1251(kRussianStory);
  ASSERT_FALSE(bytes.empty());
  std::ofstream((tmp_ / "a.html").string(), std::ios::binary) << bytes;
  std::ofstream((tmp_ / "b.html").string(), std::ios::binary) << bytes;
  std::string cmd = "sh -c \"" + Env() + "'" + Binary() + "' ingest '" +
                    (tmp_ / "a.html").string() + "' '" + (tmp_ / "b.html").string() + "'\"";
  fs::path err = tmp_ / "err.txt";
  int status = std::system((cmd + " 2>'" + err.string() + "' >/dev/null").c_str());
  std::string text = ReadFile(err.string());
  EXPECT_EQ(WEXITSTATUS(status), 0) << text;
  size_t at = text.find("charset detection unavailable");
  ASSERT_NE(at, std::string::npos) << text;
  EXPECT_EQ(text.find("charset detection unavailable", at + 1), std::string::npos) << text;
  EXPECT_NE(text.find((tmp_ / "empty" / "wirebrief-uchardet.so").string()), std::string::npos)
      << text;
}

// Briefs are still written without the stemmer, comparing whole words, and stderr says why.
TEST_F(MissingModules, BriefSaysStemmingIsUnavailable) {
  std::ofstream((tmp_ / "stories.jsonl").string())
      << R"({"id": "s1", "articles": [{"idx": 0, "outlet": "Lakeside Courier", "date": "2026-05-04", )"
         R"("text": "Volunteers in Marrowby cleared the flooded riverside path on Sunday after heavy )"
         R"(rains. The council said 300 residents helped."}, {"idx": 1, "outlet": "Valley Herald", )"
         R"("date": "2026-05-04", "text": "About 300 residents of Marrowby cleared the riverside )"
         R"(path on Sunday. Flooding had closed it for a week."}]})"
         "\n";
  std::string cmd =
      "sh -c \"" + Env() + "'" + Binary() + "' brief '" + (tmp_ / "stories.jsonl").string() + "'\"";
  fs::path err = tmp_ / "err.txt";
  fs::path out = tmp_ / "out.txt";
  int status = std::system((cmd + " 2>'" + err.string() + "' >'" + out.string() + "'").c_str());
  std::string text = ReadFile(err.string());
  EXPECT_EQ(WEXITSTATUS(status), 0) << text;
  EXPECT_NE(ReadFile(out.string()).find("Marrowby"), std::string::npos) << ReadFile(out.string());
  EXPECT_NE(text.find("stemming unavailable"), std::string::npos) << text;
  EXPECT_NE(text.find((tmp_ / "empty" / "wirebrief-stemmer.so").string()), std::string::npos)
      << text;
}

TEST_F(MissingModules, VersionNeedsNoModule) {
  auto r =
      wirebrief::testing_e2e::Exec("sh", tmp_, "-c \"" + Env() + "'" + Binary() + "' --version\"");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wirebrief "), std::string::npos) << r.out;
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
