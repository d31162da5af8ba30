// Search text from the web: the parser must not crash, and every FTS5 expression it produces
// must be accepted by SQLite (a rejected one would be a 400 for a query the syntax allows).
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "store/search_query.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto store = [] {
    auto s = wirebrief::store::OpenStore(":memory:");
    wirebrief::core::Article a;
    a.id = "a";
    a.title = "Storm surge floods harbour";
    a.text = "A storm surge flooded the harbour; evacuations began.";
    bool inserted = false;
    if (!s.ok() || !s.value()->PutArticle(a, &inserted).ok()) std::abort();
    return std::move(s).value();
  }();
  auto parsed = wirebrief::store::ParseSearchQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok() || parsed.value().match.empty()) return 0;
  wirebrief::store::ArticleQuery q;
  q.match = parsed.value().match;
  auto page = store->SearchArticles(q);
  if (!page.ok()) {
    std::fprintf(stderr, "FTS5 rejected %s: %s\n", q.match.c_str(), page.status().ToString().c_str());
    std::abort();
  }
  return 0;
}
