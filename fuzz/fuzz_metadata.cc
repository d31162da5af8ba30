// Metadata text rules on arbitrary bytes: JSON-LD repair and graph walk, dates with context,
// byline cleaning, title affixes, language detection, character references, and the body-edge
// and script-length rules of issue 28 must not crash, hang or grow unbounded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/detail/boilerplate_rules.h"
#include "extract/detail/metadata.h"
#include "extract/detail/text_util.h"

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
  // Decoding never grows a value: a reference is never shorter than what it stands for.
  if (DecodeHtmlEntities(in).size() > in.size() + 3) __builtin_trap();
  (void)CountTextUnits(in);
  (void)EndsLikeSentence(in);
  (void)IsDateOrBylineLine(in);
  (void)AuthorLabelLine(in);
  (void)IsCommentPolicyText(in);
  (void)IsNextArticleLabel(in);
  (void)IsArticleEndName(in);
  return 0;
}
