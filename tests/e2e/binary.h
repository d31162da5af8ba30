// Running the real `wirebrief` binary from an end-to-end test: WB_BINARY (default
// build/wirebrief) with the arguments given, stdout captured, stderr through a file in `tmp`.
#pragma once

#include <sys/wait.h>

#include <cstdio>
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

}  // namespace wirebrief::testing_e2e
