// `wirebrief show`: stories and briefs from the database as Markdown or JSON.
//
// A story is looked up through its id for life: an id merged into another story answers with
// the survivor and says so. `--since-version N` adds what changed in the brief since version N.
// Only the shown stories' articles are loaded, so showing one story costs the same in a store of
// a thousand articles as in one of a million.
#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/flags.h"
#include "pipeline/render.h"
#include "store/store.h"

namespace wirebrief::cli {

Command AddShowCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string format = "markdown";
    std::string story;
    int since_version = -1;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand("show", "Print stored stories and their briefs");
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  app->add_option("--format,--output-format", flags->format, "Output format")
      ->check(CLI::IsMember({"markdown", "json"}))
      ->capture_default_str();
  app->add_option("--story,story", flags->story,
                  "Only the story with this id (an id merged into another story shows the survivor)");
  app->add_option("--since-version", flags->since_version,
                  "With a story: also say what changed in its brief since this version")
      ->check(CLI::NonNegativeNumber);
  return {app, [flags] {
            if (flags->since_version >= 0 && flags->story.empty()) {
              PrintError("--since-version needs a story id");
              return 2;
            }
            if (flags->db.find("://") == std::string::npos &&
                std::fopen(flags->db.c_str(), "rb") == nullptr) {
              PrintError(flags->db + ": no such database (run 'wirebrief run --db " + flags->db +
                         " ...' first)");
              return 2;
            }
            auto opened = store::OpenStore(flags->db);
            if (!opened.ok()) {
              PrintError(opened.status().ToString());
              return 2;
            }
            store::Store* store = opened.value().get();
            std::vector<store::StoryRecord> selected;
            std::map<std::string, pipeline::StoryExtras> extras;
            if (flags->story.empty()) {
              auto stories = store->LoadStories();
              if (!stories.ok()) {
                PrintError(stories.status().ToString());
                return 2;
              }
              selected = std::move(stories).value();
            } else {
              auto id = store->ResolveStoryId(flags->story);
              if (!id.ok()) {
                PrintError(id.status().code() == core::StatusCode::kNotFound
                               ? flags->db + ": no story with id " + flags->story
                               : id.status().ToString());
                return 1;
              }
              auto record = store->LoadStory(id.value());
              if (!record.ok()) {
                PrintError(record.status().ToString());
                return 1;
              }
              pipeline::StoryExtras& extra = extras[id.value()];
              if (id.value() != flags->story) extra.requested_id = flags->story;
              if (flags->since_version >= 0) {
                // Version N itself is the baseline: load from N on (N = 0: everything is new).
                auto versions =
                    store->LoadBriefVersions(id.value(), std::max(0, flags->since_version - 1));
                if (!versions.ok()) {
                  PrintError(versions.status().ToString());
                  return 2;
                }
                core::Brief then;
                then.version = flags->since_version;
                then.lines.clear();
                for (const auto& b : versions.value())
                  if (b.version == flags->since_version) then = b;
                if (flags->since_version > record->brief.version) {
                  PrintError("story " + id.value() + " has no brief version " +
                             std::to_string(flags->since_version) + " (its latest is " +
                             std::to_string(record->brief.version) + ")");
                  return 1;
                }
                extra.changes = pipeline::DiffBriefs(then, record->brief);
              }
              selected.push_back(std::move(record).value());
            }
            std::vector<std::string> ids;
            for (const auto& r : selected)
              for (const auto& a : r.story.article_ids) ids.push_back(a);
            auto articles = store->LoadArticlesForStoryPage(ids);
            if (!articles.ok()) {
              PrintError(articles.status().ToString());
              return 2;
            }
            std::map<std::string, core::Article> by_id;
            for (auto& a : articles.value()) by_id.emplace(a.id, std::move(a));
            std::string out = flags->format == "json"
                                  ? pipeline::StoriesToJson(selected, by_id, extras) + "\n"
                                  : pipeline::StoriesToMarkdown(selected, by_id, extras);
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
          }};
}

}  // namespace wirebrief::cli
