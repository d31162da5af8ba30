// Search expressions on the PostgreSQL backend (store::FtsMatchToTsQuery): any bytes as a
// hand-written FTS5 expression must not crash; every expression ParseSearchQuery writes must
// translate, into tsquery text whose quotes and parentheses balance.
#include <string_view>

#include "store/search_query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief::store;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)FtsMatchToTsQuery(text);
  auto parsed = ParseSearchQuery(text);
  if (!parsed.ok() || parsed->match.empty()) return 0;
  auto ts = FtsMatchToTsQuery(parsed->match);
  if (!ts.ok()) __builtin_trap();
  int depth = 0;
  bool quoted = false;  // '' inside a literal toggles twice, so parity still says where we are
  for (size_t i = 0; i < ts->size(); ++i) {
    char c = (*ts)[i];
    if (c == '\\' && quoted)
      ++i;
    else if (c == '\'')
      quoted = !quoted;
    else if (!quoted && (c == '(' || c == ')'))
      depth += c == '(' ? 1 : -1;
    if (depth < 0) __builtin_trap();
  }
  if (quoted || depth != 0) __builtin_trap();
  return 0;
}
