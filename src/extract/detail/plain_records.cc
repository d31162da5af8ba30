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
#include "extract/metadata.h"

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

namespace wirebrief::extract {

core::Result<core::Article> PlainTextOf(const core::RawDocument& doc,
                                        const ExtractOptions& options) {
  const std::string& src = doc.provenance.source;
  if (doc.kind != core::ContentKind::kText)
    return core::Status::Empty(src, doc.provenance.record_id, "not a text document");
  if (doc.content.size() > options.limits.max_document_bytes)
    return core::Status::LimitExceeded(src, doc.provenance.record_id,
                                       "document exceeds the size limit");
  std::string text;
  text.reserve(doc.content.size());
  std::string line;
  bool blank_pending = false;
  auto flush = [&] {
    size_t b = line.find_first_not_of(' ');
    if (b == std::string::npos) {
      blank_pending = !text.empty();
    } else {
      if (!text.empty()) text += blank_pending ? "\n\n" : "\n";
      text.append(line, b, line.find_last_not_of(' ') - b + 1);
      blank_pending = false;
    }
    line.clear();
  };
  const std::string& c = doc.content;
  for (size_t i = 0; i < c.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(c[i]);
    if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < c.size() && c[i + 1] == '\n') ++i;
      flush();
    } else if (ch == '\t' || ch == ' ' || ch == '\f' || ch == '\v') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else if (ch >= 0x20 && ch != 0x7F) {
      line += static_cast<char>(ch);
    }
  }
  flush();
  if (text.empty()) return core::Status::Empty(src, doc.provenance.record_id, "no text");
  core::Article a;
  a.provenance = doc.provenance;
  a.url = doc.url;
  a.host = detail::HostOf(a.url);
  a.text = std::move(text);
  a.field_sources["text"] = "plain_text";
  a.content_hash = core::HashHex128(detail::CollapseSpace(a.text));
  a.id = core::HashHex128("text:" + detail::CollapseSpace(a.text)).substr(0, 16);
  if (options.with_markdown) a.markdown = a.text + "\n";
  return a;
}

}  // namespace wirebrief::extract
