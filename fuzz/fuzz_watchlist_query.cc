// Watchlist queries from the CLI and the API: compiling must not crash or hang, a compiled query
// must evaluate on a story, and every query the story search accepts (store/search_query.h)
// must compile as a watchlist too: the in-memory expression parser in pipeline/alerts.cc reads
// the expressions ParseSearchQuery writes, so a refusal here is a bug there.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pipeline/alerts.h"
#include "store/search_query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  static const core::Article* article = [] {
    auto* a = new core::Article;
    a->id = "a";
    a->title = "Storm surge floods Harlow harbour";
    a->text = "A storm surge flooded the harbour of Harlow; evacuations began at dawn.";
    a->site_name = "Harbour Times";
    a->language = "en";
    return a;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  auto compiled = pipeline::WatchlistMatcher::Compile(text);
  if (compiled.ok()) {
    core::Story story;
    story.outlets = {"Harbour Times"};
    story.last_published = "2026-11-09";
    core::Brief brief;
    compiled->Matches(story, brief, {article});
    return 0;
  }
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("entity:") != std::string::npos || lower.find("conflict:") != std::string::npos)
    return 0;
  auto parsed = store::ParseSearchQuery(text);
  if (!parsed.ok() || parsed->match.empty()) return 0;
  std::fprintf(stderr, "search accepts %s (match %s) but the watchlist refuses it: %s\n",
               text.c_str(), parsed->match.c_str(), compiled.status().ToString().c_str());
  std::abort();
}
