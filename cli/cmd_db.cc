// `wirebrief db migrate|status|export|import`: the store itself, on either backend.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "ingest/lines.h"
#include "store/postgres/postgres_store.h"
#include "store/store.h"
#include "store/transfer.h"

namespace wirebrief::cli {
namespace {

struct DbFlags : CommonFlags {
  std::string file = "-";
};

bool IsPostgres(const std::string& db) { return db.find("://") != std::string::npos; }

// Opens (and so migrates) the store; prints the error and returns null on failure.
std::unique_ptr<store::Store> OpenOrReport(const std::string& db) {
  auto s = store::OpenStore(db);
  if (!s.ok()) {
    PrintError(s.status().ToString());
    return nullptr;
  }
  return std::move(s).value();
}

// "N articles (M provenance records), ..." for export and import alike; import's articles are
// the newly stored ones.
std::string Describe(const store::TransferCounts& c) {
  auto n = [](int64_t v, const char* one, const char* many) {
    return std::to_string(v) + " " + (v == 1 ? one : many);
  };
  return n(c.articles, "article", "articles") + " (" +
         n(c.provenance, "provenance record", "provenance records") + "), " +
         n(c.stories, "story", "stories") + ", " +
         n(c.aliases, "merged story id", "merged story ids") + ", " +
         n(c.sources, "source", "sources") + ", " + n(c.page_states, "page state", "page states") +
         ", " + n(c.watchlists, "watchlist", "watchlists") + ", " +
         n(c.settings, "setting", "settings");
}

}  // namespace

Command AddDbCommand(CLI::App* root) {
  auto* flags = new DbFlags();
  CLI::App* app = root->add_subcommand("db", "Migrate, inspect, export or import the database");
  app->require_subcommand(1);
  CLI::App* migrate =
      app->add_subcommand("migrate", "Create the database or bring its schema up to date");
  CLI::App* status =
      app->add_subcommand("status", "Print the backend, schema version and row counts");
  CLI::App* exp = app->add_subcommand(
      "export",
      "Write every article, story, source, page state, watchlist and setting as JSON lines");
  CLI::App* imp = app->add_subcommand(
      "import",
      "Store what an export (or `process` output) holds, plain, gzip or zstd (idempotent; stories "
      "replace the stored set)");
  for (CLI::App* sub : {migrate, status, exp, imp}) AddDbFlag(sub, flags);
  AddFlag(exp, kExportOutput, &flags->file);
  AddFlag(imp, kImportFile, &flags->file);
  return {
      app, [=] {
        auto db = OpenOrReport(flags->db);
        if (!db) return 2;
        std::string where = IsPostgres(flags->db) ? store::RedactConninfo(flags->db) : flags->db;
        if (migrate->parsed()) {
          std::printf("%s: schema version %d\n", where.c_str(), db->SchemaVersion());
          return 0;
        }
        if (status->parsed()) {
          auto c = db->Counts();
          if (!c.ok()) {
            PrintError(c.status().ToString());
            return 2;
          }
          std::printf(
              "database: %s\nbackend: %s\nschema version: %d\narticles: %lld\nprovenance: %lld\n"
              "stories: %lld\nbriefs: %lld\n",
              where.c_str(), IsPostgres(flags->db) ? "postgresql" : "sqlite", db->SchemaVersion(),
              static_cast<long long>(c->articles), static_cast<long long>(c->provenance),
              static_cast<long long>(c->stories), static_cast<long long>(c->briefs));
          return 0;
        }
        store::TransferCounts counts;
        if (exp->parsed()) {
          std::ofstream file;
          if (flags->file != "-") {
            file.open(flags->file, std::ios::binary);
            if (!file) {
              PrintError(flags->file + ": cannot open for writing");
              return 2;
            }
          }
          core::Status s =
              store::ExportJsonl(db.get(), flags->file == "-" ? std::cout : file, &counts);
          if (!s.ok()) {
            PrintError(s.ToString());
            return 2;
          }
          std::fprintf(stderr, "exported %s\n", Describe(counts).c_str());
          return 0;
        }
        // Plain, gzip or zstd, told by content: the reader `run` takes `process` output with.
        auto lines = ingest::LineReader::Open(flags->file, store::kMaxImportLineBytes);
        if (!lines.ok()) {
          PrintError(lines.status().ToString());
          return 2;
        }
        std::vector<core::Status> errors;
        core::Status s = store::ImportJsonlLines(
            db.get(), [&lines] { return lines.value()->Next(); }, flags->file, &counts, &errors);
        for (const auto& e : errors) PrintError(e.ToString());
        if (!s.ok()) {
          PrintError(s.ToString());
          return 2;
        }
        std::fprintf(stderr, "imported %s; %zu bad lines\n", Describe(counts).c_str(),
                     errors.size());
        return errors.empty() ? 0 : 1;
      }};
}

}  // namespace wirebrief::cli
