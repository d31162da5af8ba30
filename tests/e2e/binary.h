// Running the real `wirebrief` binary from an end-to-end test: WB_BINARY (default
// build/wirebrief) with the arguments given, stdout captured, stderr through a file in `tmp`.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace wirebrief::testing_e2e {

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// `args` is shell text: quote paths with '...'.
inline Outcome Exec(const std::string& binary, const std::filesystem::path& tmp,
                    const std::string& args) {
  std::filesystem::path err = tmp / "stderr.txt";
  std::string cmd = "'" + binary + "' " + args + " 2>'" + err.string() + "'";
  Outcome r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = Slurp(err);
  return r;
}

// A suite that runs the binary: root_ is WB_SOURCE_DIR (default "."), bin_ is WB_BINARY
// (default build/wirebrief), tmp_ a folder of the suite's own, removed after it. A suite calls
// Begin("prefix_") from its SetUpTestSuite.
class BinarySuite : public ::testing::Test {
 protected:
  static void Begin(const std::string& prefix) {
    const char* root = std::getenv("WB_SOURCE_DIR");
    const char* bin = std::getenv("WB_BINARY");
    root_ = root ? root : ".";
    bin_ = bin ? bin : "build/wirebrief";
    tmp_ = std::filesystem::temp_directory_path() / (prefix + std::to_string(::getpid()));
    std::filesystem::create_directories(tmp_);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(tmp_); }
  static Outcome Exec(const std::string& args) { return testing_e2e::Exec(bin_, tmp_, args); }

  static inline std::string root_, bin_;
  static inline std::filesystem::path tmp_;
};

}  // namespace wirebrief::testing_e2e
