// The brief kit's formats (kits/README.md), as `wirebrief brief` reads and writes them.
// Story lines: one JSON object per line,
//   {"id", "articles": [{"idx", "text", "sentences", "outlet", "date", "url", "title"}]}
// -> annotated articles -> a brief -> one JSON line {"id", "version", "sentences", "sections"}.
// Summary lines (`brief --faith`): an article and summaries -> one support score per summary.
// A library rather than cli/ code so the parser can be fuzzed (fuzz/fuzz_brief_jsonl.cc) and
// benchmarked (bench/brief_bench.cc) on its own.
//
// Errors: a bad line gives a Status naming the story (or "story" when it has no id); nothing
// throws. Limits: the line must fit core::Limits::max_document_bytes, each article's text
// max_text_bytes, at most kMaxKitArticles articles and kMaxKitSentences sentences per article.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "brief/brief.h"
#include "cluster/cluster.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"

namespace wirebrief::kits {

inline constexpr size_t kMaxKitArticles = 1000;
inline constexpr size_t kMaxKitSentences = 20000;

struct KitStory {
  std::string id;
  std::vector<core::Article> articles;  // annotated (nlp::ReadArticle); ids are "<id>#<idx>"
  std::vector<int> idx;                 // the input's article "idx" per article (unique)
};

// Parses one line. When an article lists "sentences", its text is those sentences one per line
// and they replace the reader's sentences, so citations index into the input's lists.
core::Result<KitStory> ParseKitStoryLine(std::string_view line, const core::Limits& limits);

// The story as the brief stage takes it: copy families found within the story (every article
// joins the one story). The group refers to the articles by id only.
cluster::StoryGroup KitStoryGroup(const KitStory& story);

// KitStoryGroup, then BuildBrief.
core::Brief BriefKitStory(const KitStory& story, const brief::BriefOptions& options);

// The kit's prediction line (no trailing newline). `sentences` holds the prose sections in
// reading order, each line once; cites are [article idx, sentence index].
std::string KitBriefToJsonLine(const KitStory& story, const core::Brief& brief);

// One summary line, {"article" | "article_sentences", "summaries": [{"id", "summary" |
// "summary_sentences"}]}, scored with the support check every brief line passes
// (brief/support.h): one line {"id", "score", "label", "features"} per summary, each ending in
// '\n'. Errors: kInvalidArgument "not a JSON object" (the caller checks the size limit).
core::Result<std::string> KitFaithLines(std::string_view line);

}  // namespace wirebrief::kits
