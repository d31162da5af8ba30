// Records that are not pages: clean article text given as it is, and headline-only items.
//
// Both used to go through the pasted-page cleaner, which is written for text copied out of a
// browser (menus, share bars, comment widgets around the article) and refused one- and
// two-sentence news items as "no article text found in pasted text" (issue 20: 24 of 539 ECB+
// articles, and every title-only record). A record that says what it is gets taken at its word.
#include <string>
#include <vector>

#include "core/hash.h"
#include "extract/detail/blocks.h"
#include "extract/detail/metadata.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"
#include "extract/extract.h"

namespace wirebrief::extract::detail {
namespace {

std::string Hint(const core::RawDocument& doc, const char* key) {
  auto it = doc.hints.find(key);
  return it == doc.hints.end() ? std::string() : CollapseSpace(it->second);
}

// The record's own metadata: title, outlet, date, authors, description, as the hints say.
void ApplyHints(const core::RawDocument& doc, core::Article* a) {
  a->url = doc.url;
  a->host = HostOf(a->url);
  if (std::string t = Hint(doc, "title"); !t.empty()) {
    a->title = t;
    a->field_sources["title"] = "hint";
  }
  for (const char* key : {"site_name", "source", "outlet"})
    if (std::string s = Hint(doc, key); !s.empty() && a->site_name.empty()) {
      a->site_name = s;
      a->field_sources["site_name"] = "hint";
    }
  for (const char* key : {"date_published", "date", "published"})
    if (std::string d = NormalizeDate(Hint(doc, key)); !d.empty() && a->date_published.empty()) {
      a->date_published = d;
      a->field_sources["date_published"] = "hint";
    }
  for (const char* key : {"description", "summary"})
    if (std::string s = Hint(doc, key); !s.empty() && a->description.empty()) {
      a->description = s;
      a->field_sources["description"] = "hint";
    }
  if (std::string s = Hint(doc, "author"); !s.empty()) {
    a->authors.push_back(s);
    a->field_sources["authors"] = "hint";
  }
  if (std::string s = Hint(doc, "language"); !s.empty()) {
    a->language = s;
    a->field_sources["language"] = "hint";
  }
  if (std::string s = Hint(doc, "wire"); !s.empty()) a->wire.push_back(s);
}

// A first line that reads as a headline: short, without sentence punctuation at its end.
bool LooksLikeHeadline(std::string_view line) {
  if (line.empty() || CountWords(line) > 25) return false;
  char last = line.back();
  return last != '.' && last != '"' && last != ',' && last != ';';
}

}  // namespace

core::Status ExtractFromArticleText(const core::RawDocument& doc, const ExtractOptions& options,
                                    core::Article* a) {
  ApplyHints(doc, a);
  std::vector<std::string> paragraphs;
  for (auto& line : SplitLines(doc.content))
    if (std::string l = CollapseSpace(line); !l.empty()) paragraphs.push_back(std::move(l));
  // Without a title field, a headline-like first line followed by more text is the headline
  // (news text files and ECB+ records start so); it leaves the body as pages' headlines do.
  if (a->title.empty() && paragraphs.size() > 1 && LooksLikeHeadline(paragraphs.front())) {
    a->title = paragraphs.front();
    a->field_sources["title"] = "text";
    paragraphs.erase(paragraphs.begin());
  }
  if (paragraphs.empty()) {
    if (a->title.empty())
      return core::Status::Empty(doc.provenance.source, doc.provenance.record_id,
                                 "neither a title nor text");
    a->headline_only = true;
    return core::Status::Ok();
  }
  std::vector<Block> blocks(paragraphs.size());
  for (size_t i = 0; i < paragraphs.size(); ++i) blocks[i].text = std::move(paragraphs[i]);
  a->text = RenderText(blocks, options.limits.max_text_bytes);
  if (options.with_markdown)
    a->markdown = RenderMarkdown(a->title, blocks, options.limits.max_text_bytes);
  if (options.with_html) a->html = RenderHtml(a->title, blocks, options.limits.max_text_bytes);
  if (a->language.empty()) {
    a->language = GuessLanguage(a->text);
    if (!a->language.empty()) a->field_sources["language"] = "text";
  }
  return core::Status::Ok();
}

core::Status ExtractHeadline(const core::RawDocument& doc, core::Article* a) {
  ApplyHints(doc, a);
  if (a->title.empty())
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id,
                               "a headline item without a title");
  a->headline_only = true;
  if (a->language.empty()) {
    a->language = GuessLanguage(a->title + " " + a->description);
    if (!a->language.empty()) a->field_sources["language"] = "text";
  }
  return core::Status::Ok();
}

}  // namespace wirebrief::extract::detail
