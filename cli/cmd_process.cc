// `wirebrief process INPUT...`: the map stage of a distributed run (docs/scaling-out.md). Writes
// one JSON line per article with everything the store keeps (pipeline/process.h), no database;
// `wirebrief run OUT...` (or `db import`) is the reduce. -o FILE writes FILE whole or not at all
// (FILE.part renamed at the end), compressed by its suffix (.gz, .zst) or --compress. A summary
// and the failures go to stderr; exit 1 when some input failed, 2 when nothing could be written.
#include <cstdio>
#include <string>

#include "cli/compressed_output.h"
#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "core/progress.h"
#include "pipeline/process.h"

namespace wirebrief::cli {

Command AddProcessCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string output;
    std::string compress;
    std::string source_name;
  };
  auto* flags = new Flags();  // lives for the process, like the App
  CLI::App* app = root->add_subcommand(
      "process",
      "Ingest, extract and read the inputs into article JSON lines, no database (the map stage "
      "of a distributed run; `run` stores the lines)");
  AddVersionFlag(app);
  AddJobsFlag(app, flags);
  AddQuietFlag(app, flags);
  AddInputs(app, flags);
  AddInputFileFlag(app, flags);
  AddFlag(app, kProcessOutput, &flags->output);
  AddFlag(app, kCompress, &flags->compress);
  AddFlag(app, kSourceName, &flags->source_name);
  return {app, [flags] {
            if (!ReadInputLists(flags->input_files, &flags->inputs)) return 2;
            if (flags->inputs.empty()) {
              PrintError("process: give inputs (files, folders, - for stdin) or -i FILE");
              return 2;
            }
            CompressedOutput out;
            core::Status opened =
                out.Open(flags->output, CompressionFor(flags->compress, flags->output));
            if (!opened.ok()) {
              PrintError(opened.ToString());
              return 2;
            }
            pipeline::RunOptions options;
            options.jobs = flags->jobs;
            options.read = ReadOptionsFromEnvironment();
            auto progress = core::MakeProgressSink(flags->quiet);
            std::string buffer;
            auto write_line = [&](const std::string& line) -> core::Status {
              buffer += line;
              buffer += '\n';
              if (buffer.size() < (1u << 20)) return core::Status::Ok();
              core::Status s = out.Write(buffer);
              buffer.clear();
              return s;
            };
            pipeline::ProcessSummary s;
            core::Status done = pipeline::ProcessInputs(flags->inputs, options, flags->source_name,
                                                        progress.get(), write_line, &s);
            if (done.ok()) done = out.Write(buffer);
            if (done.ok()) done = out.Commit();
            for (const auto& e : s.errors) PrintError(e.ToString());
            if (!done.ok()) {
              PrintError(done.ToString());
              return 2;
            }
            std::fprintf(stderr,
                         "wirebrief: process: documents read: %zu, failed: %zu; articles "
                         "written: %zu (%zu headline only); skipped files: %zu\n",
                         s.documents_read, s.documents_failed, s.articles, s.headlines, s.skipped);
            return s.documents_failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli
