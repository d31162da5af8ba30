// `wirebrief show`: stories and briefs from the database as Markdown or JSON.
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
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand("show", "Print stored stories and their briefs");
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  app->add_option("--format,--output-format", flags->format, "Output format")
      ->check(CLI::IsMember({"markdown", "json"}))
      ->capture_default_str();
  app->add_option("--story,story", flags->story, "Only the story with this id");
  return {app, [flags] {
            if (flags->db.find("://") == std::string::npos &&
                std::fopen(flags->db.c_str(), "rb") == nullptr) {
              PrintError(flags->db + ": no such database (run 'wirebrief run --db " + flags->db +
                         " ...' first)");
              return 2;
            }
            auto store = store::OpenStore(flags->db);
            if (!store.ok()) {
              PrintError(store.status().ToString());
              return 2;
            }
            auto stories = store.value()->LoadStories();
            auto articles = store.value()->LoadArticles();
            if (!stories.ok() || !articles.ok()) {
              PrintError((!stories.ok() ? stories.status() : articles.status()).ToString());
              return 2;
            }
            std::vector<store::StoryRecord> selected;
            for (auto& r : stories.value())
              if (flags->story.empty() || r.story.id == flags->story)
                selected.push_back(std::move(r));
            if (!flags->story.empty() && selected.empty()) {
              PrintError(flags->db + ": no story with id " + flags->story);
              return 1;
            }
            std::map<std::string, core::Article> by_id;
            for (auto& a : articles.value()) by_id.emplace(a.id, std::move(a));
            std::string out = flags->format == "json"
                                  ? pipeline::StoriesToJson(selected, by_id) + "\n"
                                  : pipeline::StoriesToMarkdown(selected, by_id);
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
          }};
}

}  // namespace wirebrief::cli
