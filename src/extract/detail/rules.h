// The two page readers behind ExtractArticle and the rules they share.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "extract/extract.h"

namespace wirebrief::extract::detail {

struct PageFacts;

// HTML page -> article text + metadata (libxml2 HTML parser); what the metadata pass read for
// FinishMetadata goes to `facts`. With `facts` null only the text (and captions, wire) is read:
// the baseline the metadata benchmark measures against.
core::Status ExtractFromHtml(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* article, PageFacts* facts);

// Fills the metadata fields of `article` (and field_sources) from the parsed page `root`;
// returns what FinishMetadata needs besides the article.
PageFacts ReadHtmlMetadata(const xmlNode* root, const core::RawDocument& doc,
                           const ExtractOptions& options, core::Article* article);

struct PageSignals;
struct ElementAttrs;

// The metadata reader as a visitor, so that ExtractFromHtml's body walker drives it and the page
// is walked once for both. Measured: a second walk over the DOM was most of what metadata cost.
// Elements must be given in document order, each before its children. Not thread-safe; one page.
class MetadataWalk {
 public:
  // Where an element sits: inside page chrome (comments, related lists, nav), inside an
  // <article>; `done` when its subtree holds nothing more to read (meta, script, style...).
  struct Context {
    bool chrome = false, in_article = false, done = false;
    // Inside the site's banner (a <header>, role=banner or masthead outside any <article>):
    // its date is the day's, not the story's.
    bool banner = false;
  };
  MetadataWalk();
  ~MetadataWalk();
  MetadataWalk(const MetadataWalk&) = delete;
  MetadataWalk& operator=(const MetadataWalk&) = delete;

  // Reads element `n`'s own signals; `up` is its parent's result. Returns its children's context.
  // `attrs`: ScanAttrs(n) when the caller has it already (null: scanned here).
  Context Element(const xmlNode* n, Context up, int depth, const ElementAttrs* attrs = nullptr);
  // Reads `first`, its following siblings and their subtrees: the parts the caller skips.
  void Siblings(const xmlNode* first, Context ctx, int depth);
  // Fills the metadata fields of `article` from everything read; returns what the passes after
  // the walk need besides the article.
  PageFacts Resolve(const core::RawDocument& doc, const ExtractOptions& options,
                    core::Article* article);

 private:
  std::unique_ptr<PageSignals> ps_;
};

// Pasted page text (a reader's copy-paste) -> article text + title, section, captions, wire.
core::Status ExtractFromText(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* article);

// Clean article text given as it is (a JSONL {"url", "text"} record): kept whole, the title from
// the record or a headline-like first line; kEmpty only with neither title nor text.
core::Status ExtractFromArticleText(const core::RawDocument& doc, const ExtractOptions& options,
                                    core::Article* article);
// A headline-only item (ContentKind::kHeadline): title, summary, date, outlet from the hints;
// Article::headline_only set. kEmpty without a title.
core::Status ExtractHeadline(const core::RawDocument& doc, core::Article* article);

// Finds the agency credited for the copy in the body paragraphs: a dateline "CITY (Agency) —"
// at the start, or a trailing credit ("— Agency", "[AGENCY]", "With information from X", a
// lone agency line). Removes trailing credit lines from `paragraphs`; returns the agencies.
std::vector<std::string> TakeWireCredit(std::vector<std::string>* paragraphs);
// True when `line` is a wire dateline and nothing else ("VALMORE, Nov 18 (Agency) -"): pasted
// wire copy often puts it on a line of its own, and it belongs to the lede that follows.
bool IsDatelineOnly(const std::string& line);

// "en" when the text reads as English by its function words, else "" (unknown).
std::string GuessLanguage(const std::string& text);

}  // namespace wirebrief::extract::detail
