// `wirebrief search QUERY`: stored articles matching a search, in the syntax the HTTP API and
// the web page take (store/search_query.h): phrases, OR, -term, prefix*, outlet:, lang:, since:,
// until:. A table for reading, JSON lines or CSV (one row per article) for tools.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/csv.h"
#include "cli/flag_defs.h"
#include "cli/flags.h"
#include "cli/open_store.h"
#include "store/search_query.h"
#include "store/store.h"

namespace wirebrief::cli {
namespace {

// The snippet's match markers (\x02 before, \x03 after each hit) as a reader sees them.
std::string MarkHits(const std::string& s, const char* open, const char* close) {
  std::string out;
  for (char c : s) {
    if (c == '\x02') {
      out += open;
    } else if (c == '\x03') {
      out += close;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Command AddSearchCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::vector<std::string> words;
    size_t limit = 0;
    std::string sort;
    std::string format;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand(
      "search",
      "Stored articles matching a search: words, \"phrases\", OR, -word, prefix*, "
      "outlet:, lang:, since:, until:");
  AddVersionFlag(app);
  AddDbFlag(app, flags);
  AddFlag(app, kSearchQuery, &flags->words);
  AddFlag(app, kSearchLimit, &flags->limit);
  AddFlag(app, kSort, &flags->sort);
  AddFlag(app, kSearchFormat, &flags->format);
  return {app, [flags] {
            std::string text;
            for (const auto& w : flags->words) text += (text.empty() ? "" : " ") + w;
            auto parsed = store::ParseSearchQuery(text);
            if (!parsed.ok()) {
              PrintError(parsed.status().ToString());
              return 2;
            }
            std::unique_ptr<store::Store> opened = OpenExistingStore(flags->db);
            if (!opened) return 2;
            store::ArticleQuery q;
            q.match = parsed->match;
            q.outlet = parsed->outlet;
            q.language = parsed->language;
            q.since = parsed->since;
            q.until = parsed->until;
            q.by_relevance = flags->sort == "relevance";
            q.limit = flags->limit;
            auto page = opened->SearchArticles(q);
            if (!page.ok()) {
              PrintError(page.status().ToString());
              return 2;
            }
            const auto& hits = page->hits;
            if (flags->format == "csv") {
              std::string out =
                  CsvRow({"id", "date_published", "outlet", "language", "title", "url", "snippet"});
              for (const auto& h : hits)
                out += CsvRow({h.id, h.date_published, h.outlet, h.language, h.title, h.url,
                               MarkHits(h.snippet, "", "")});
              std::fwrite(out.data(), 1, out.size(), stdout);
            } else if (flags->format == "jsonl") {
              for (const auto& h : hits) {
                nlohmann::json j = {{"id", h.id},
                                    {"date_published", h.date_published},
                                    {"outlet", h.outlet},
                                    {"language", h.language},
                                    {"title", h.title},
                                    {"url", h.url},
                                    {"snippet", MarkHits(h.snippet, "", "")}};
                std::printf(
                    "%s\n",
                    j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
              }
            } else {
              for (const auto& h : hits) {
                std::printf("%s  %-10.10s  %s\n", h.id.c_str(), h.date_published.c_str(),
                            h.title.c_str());
                std::printf("    %s | %s\n", h.outlet.empty() ? "unknown outlet" : h.outlet.c_str(),
                            h.url.c_str());
                if (!h.snippet.empty())
                  std::printf("    %s\n", MarkHits(h.snippet, "[", "]").c_str());
              }
              std::fprintf(stderr, "%zu article%s\n", hits.size(), hits.size() == 1 ? "" : "s");
            }
            return 0;
          }};
}

}  // namespace wirebrief::cli
