// Metadata text rules on arbitrary bytes: JSON-LD repair and graph walk, dates with context,
// byline cleaning, title affixes and language detection must not crash, hang or grow unbounded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/detail/metadata.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief::extract::detail;
  std::string in(reinterpret_cast<const char*>(data), size);
  JsonLdGraph g;
  g.AddBlock(in);
  if (const nlohmann::json* a = g.Article(in.substr(0, 64))) (void)JsonLdText(g, *a, "author");
  DateContext ctx = MakeDateContext("2026-11-05T12:00:00Z", size % 2 == 0);
  (void)ParseDate(in.substr(0, 300), ctx);
  (void)DateFromUrl(in, ctx);
  std::vector<std::string> agencies;
  (void)CleanAuthorNames({in}, &agencies);
  (void)StripTitleAffixes(in, "Site", "site.test", {"Jane Roe"});
  (void)StripTitleAffixes(in, "海港_日报", "", {});  // the whole-site cut, then the channel
  (void)IsBylineLeadWord(in);
  (void)IsBylineLeadWord(std::string_view(in).substr(0, 14));
  (void)DetectTextLanguage(in, "en");
  (void)NormalizeLanguageTag(in);
  return 0;
}
