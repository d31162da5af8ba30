// `wirebrief show`: stories and briefs from the database as Markdown or JSON.
//
// A story is looked up through its id for life: an id merged into another story answers with
// the survivor and says so. `--since-version N` adds what changed in the brief since version N.
// Only the shown stories' articles are loaded, so showing one story costs the same in a store of
// a thousand articles as in one of a million.
#include <algorithm>
#include <climits>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "cli/csv.h"
#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "cli/open_store.h"
#include "render/markdown.h"
#include "render/story_json.h"
#include "store/search_query.h"
#include "store/store.h"

namespace wirebrief::cli {
namespace {

template <typename F>
core::Result<std::vector<store::StoryRecord>> ListFilteredImpl(store::Store* store, const F& f) {
  store::StoryQuery q;
  if (!f.query.empty()) {
    auto parsed = store::ParseSearchQuery(f.query);
    if (!parsed.ok()) return parsed.status();
    q.match = parsed->match;
    q.outlet = parsed->outlet;
    q.since = parsed->since;
    q.until = parsed->until;
  }
  for (const auto& [flag, value, into] :
       {std::tuple{"--since", f.since, &q.since}, std::tuple{"--until", f.until, &q.until}}) {
    if (value.empty()) continue;
    auto day = store::ParseSearchQuery(std::string("since:") + value);
    if (!day.ok())
      return core::Status::InvalidArgument(flag, "wants a date like 2026-11-03, not " + value);
    *into = day->since;
  }
  if (!f.outlet.empty()) q.outlet = f.outlet;
  q.entity = f.entity;
  const size_t want = f.limit == 0 ? SIZE_MAX : f.limit;
  std::vector<store::StoryRecord> out;
  for (;;) {  // the API's pages, newest first, until the limit or the end
    q.limit = std::min<size_t>(want - out.size(), 200);
    auto page = store->ListStories(q);
    if (!page.ok()) return page.status();
    for (const auto& s : page->stories) {
      auto record = store->LoadStory(s.id);
      if (!record.ok()) return record.status();
      out.push_back(std::move(record).value());
    }
    if (page->next_cursor.empty() || out.size() >= want) break;
    q.cursor = page->next_cursor;
  }
  return out;
}

// One row per story: what a spreadsheet sorts and filters on, and the lede.
std::string StoriesCsv(const std::vector<store::StoryRecord>& stories) {
  std::string out = CsvRow({"id", "title", "first_published", "last_published", "articles",
                            "outlets", "independent_outlets", "brief_version", "lede"});
  for (const auto& r : stories) {
    std::string outlets, lede;
    for (const auto& o : r.story.outlets) outlets += (outlets.empty() ? "" : "; ") + o;
    for (const auto& l : r.brief.lines)
      if (l.section == core::BriefSection::kLede) {
        lede = l.text;
        break;
      }
    out += CsvRow({r.story.id, r.story.title, r.story.first_published, r.story.last_published,
                   std::to_string(r.story.article_ids.size()), outlets,
                   std::to_string(r.story.independent_outlets), std::to_string(r.brief.version),
                   lede});
  }
  return out;
}

// The stories in `format` (markdown, json, jsonl or csv), their articles loaded from `store`:
// the one story schema (docs/story-schema.md) for json and jsonl.
core::Result<std::string> RenderStories(store::Store* store,
                                        const std::vector<store::StoryRecord>& selected,
                                        const std::map<std::string, render::StoryExtras>& extras,
                                        const std::string& format) {
  std::vector<std::string> ids;
  for (const auto& r : selected)
    for (const auto& a : r.story.article_ids) ids.push_back(a);
  auto articles = store->LoadArticlesForStoryPage(ids);
  if (!articles.ok()) return articles.status();
  std::map<std::string, core::Article> by_id;
  for (auto& a : articles.value()) by_id.emplace(a.id, std::move(a));
  if (format == "csv") return StoriesCsv(selected);
  std::vector<render::StoryView> views;
  for (const auto& r : selected) views.push_back({r.story, r.brief, r.copy_families});
  if (format == "json") return render::StoriesToJson(views, by_id, extras) + "\n";
  // One story per line: the bytes GET /v1/stories/{id} answers.
  if (format == "jsonl") return render::StoriesToJsonLines(views, by_id, extras);
  return render::StoriesToMarkdown(views, by_id, extras);
}

struct ShowFlags : CommonFlags {
  std::string format;
  std::string story;
  int since_version = -1;
  std::string query, since, until, outlet, entity;
  std::string deprecated_q;  // `-q QUERY`: -q is --quiet everywhere else
  size_t limit = 0;
};

void AddShowFlags(CLI::App* app, ShowFlags* flags) {
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  AddFlag(app, kShowFormat, &flags->format);
  AddFlag(app, kQuery, &flags->query);
  AddFlag(app, kDeprecatedShowQ, &flags->deprecated_q);
  AddFlag(app, kSince, &flags->since);
  AddFlag(app, kUntil, &flags->until);
  AddFlag(app, kOutlet, &flags->outlet);
  AddFlag(app, kEntity, &flags->entity);
  AddFlag(app, kShowLimit, &flags->limit);
  AddFlag(app, kStory, &flags->story);
  AddFlag(app, kSinceVersion, &flags->since_version);
}

}  // namespace

Command AddShowCommand(CLI::App* root) {
  auto* flags = new ShowFlags();
  CLI::App* app = root->add_subcommand("show", "Print stored stories and their briefs");
  AddShowFlags(app, flags);
  return {app, [flags] {
            if (!flags->deprecated_q.empty()) {
              WarnDeprecated("show -q QUERY", "show --query QUERY");
              if (flags->query.empty()) flags->query = flags->deprecated_q;
            }
            if (flags->since_version >= 0 && flags->story.empty()) {
              PrintError("--since-version needs a story id");
              return 2;
            }
            std::unique_ptr<store::Store> opened = OpenExistingStore(flags->db);
            if (!opened) return 2;
            store::Store* store = opened.get();
            std::vector<store::StoryRecord> selected;
            std::map<std::string, render::StoryExtras> extras;
            const bool filtered = !flags->query.empty() || !flags->since.empty() ||
                                  !flags->until.empty() || !flags->outlet.empty() ||
                                  !flags->entity.empty() || flags->limit > 0;
            if (flags->story.empty() && filtered) {
              auto picked = ListFilteredImpl(store, *flags);
              if (!picked.ok()) {
                PrintError(picked.status().ToString());
                return picked.status().code() == core::StatusCode::kInvalidArgument ? 2 : 1;
              }
              selected = std::move(picked).value();
            } else if (flags->story.empty()) {
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
              render::StoryExtras& extra = extras[id.value()];
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
                extra.changes = render::DiffBriefs(then, record->brief);
              }
              selected.push_back(std::move(record).value());
            }
            auto out = RenderStories(store, selected, extras, flags->format);
            if (!out.ok()) {
              PrintError(out.status().ToString());
              return 2;
            }
            std::fwrite(out->data(), 1, out->size(), stdout);
            return 0;
          }};
}

}  // namespace wirebrief::cli
