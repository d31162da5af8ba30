// Throwaway store locations for tests, per backend: "sqlite" is a temp file; "postgres" is a
// fresh database on the server named by WB_TEST_PG_URL, or by the WB_TEST_PG_URL= line of the
// file WB_TEST_PG_STATE (default: the build's WB_TEST_PG_STATE_FILE) names; ctest starts that
// server with scripts/pg-test-server.sh.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace wirebrief::testing_util {

// The admin URL of the test server (its "postgres" database), or "" when none was given.
inline std::string PgServerUrl() {
  if (const char* url = std::getenv("WB_TEST_PG_URL"); url && *url) return url;
  const char* state = std::getenv("WB_TEST_PG_STATE");
#ifdef WB_TEST_PG_STATE_FILE
  if (!state) state = WB_TEST_PG_STATE_FILE;
#endif
  if (state) {
    std::ifstream f(state);
    std::string line;
    while (std::getline(f, line))
      if (line.rfind("WB_TEST_PG_URL=", 0) == 0) return line.substr(15);
  }
  return "";
}

// Runs one statement on the admin database (CREATE/DROP DATABASE).
inline bool PgAdmin(const std::string& url, const std::string& sql, std::string* error) {
  PGconn* c = PQconnectdb(url.c_str());
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(c, sql.c_str());
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) *error = PQresultErrorMessage(r);
    PQclear(r);
  } else {
    *error = PQerrorMessage(c);
  }
  PQfinish(c);
  return ok;
}

class TempStore {
 public:
  TempStore() = default;
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;
  ~TempStore() {
    if (!file_.empty())
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(file_.string() + suffix);
    std::string error;
    if (!db_name_.empty()) PgAdmin(admin_, "DROP DATABASE " + db_name_ + " WITH (FORCE)", &error);
  }

  // False with *why on failure. True with an empty location() when the backend is unavailable
  // (*why says what is missing: the caller skips).
  bool Create(const std::string& backend, std::string* why) {
    static std::atomic<int> counter{0};
    std::string name = "wb_store_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (backend == "sqlite") {
      file_ = std::filesystem::temp_directory_path() / (name + ".db");
      std::filesystem::remove(file_);
      location_ = file_.string();
      return true;
    }
    admin_ = PgServerUrl();
    if (admin_.empty()) {
      *why =
          "no PostgreSQL server: set WB_TEST_PG_URL (ctest starts one with "
          "scripts/pg-test-server.sh "
          "when Debian's postgresql package is installed)";
      return true;
    }
    if (!PgAdmin(admin_, "CREATE DATABASE " + name, why)) return false;
    db_name_ = name;
    size_t at = admin_.find("/postgres");
    if (at == std::string::npos) {
      *why = "WB_TEST_PG_URL should name database /postgres: " + admin_;
      return false;
    }
    location_ = admin_.substr(0, at) + "/" + name + admin_.substr(at + 9);
    return true;
  }
  const std::string& location() const { return location_; }

 private:
  std::string location_, admin_, db_name_;
  std::filesystem::path file_;
};

}  // namespace wirebrief::testing_util
