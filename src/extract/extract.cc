#include "extract/extract.h"

#include <libxml/HTMLparser.h>

#include <memory>

#include "core/hash.h"
#include "extract/detail/dom.h"
#include "extract/detail/language_module.h"
#include "extract/detail/metadata.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"
#include "extract/metadata.h"
#include "ingest/url.h"

namespace wirebrief::extract {
namespace {

// What both entry points do once the page has been read: fallbacks, per-field confidence and
// identity.
void FinishArticle(const core::RawDocument& doc, const detail::PageFacts& facts, core::Article* a) {
  if (a->site_name.empty() && !a->host.empty()) {
    a->site_name = a->host;
    a->field_sources["site_name"] = "url";
  }
  detail::FinishMetadata(doc, facts, a);
  // Identity: the canonical URL names the article across containers (a page file, its WARC
  // record and its feed item are one article); without a URL the text itself does.
  // A watched listing names its items by their (normalised) link, and a headline stored from
  // it must be the same article as the page fetched later, whatever canonical URL the page
  // states: the listing's URL then names it (the "identity_url" hint).
  std::string normalized = detail::CollapseSpace(a->text);
  if (!normalized.empty()) a->content_hash = core::HashHex128(normalized);
  auto identity = doc.hints.find("identity_url");
  const std::string& key_url = identity != doc.hints.end() && !identity->second.empty()
                                   ? identity->second
                               : !a->canonical_url.empty() ? a->canonical_url
                                                           : a->url;
  if (!key_url.empty())
    a->id = ArticleIdForUrl(key_url);
  else if (!normalized.empty())
    a->id = core::HashHex128("text:" + normalized).substr(0, 16);
  else if (a->headline_only)  // a headline without a link: its title, outlet and day name it
    a->id = core::HashHex128("headline:" + a->title + "\n" + a->site_name + "\n" +
                             a->date_published.substr(0, 10))
                .substr(0, 16);
}

}  // namespace

std::string ArticleIdForUrl(std::string_view url) {
  // One id per page however it is spelled (tracking parameters, a trailing slash, the host's
  // case): a page file, its WARC record, its feed item and its fetch are one article.
  std::string normal = ingest::NormalizeUrl(url);
  return core::HashHex128("url:" + (normal.empty() ? std::string(url) : normal)).substr(0, 16);
}

std::string_view ExtractStatusName(const core::Status& status) {
  switch (status.code()) {
    case core::StatusCode::kOk:
      return "ok";
    case core::StatusCode::kEmpty:
      return "empty";
    case core::StatusCode::kLimitExceeded:
      return status.message() == kTimeBudgetMessage ? "timeout" : "too_large";
    default:
      return "error";
  }
}

core::Result<core::Article> ExtractArticle(const core::RawDocument& doc,
                                           const ExtractOptions& options) {
  const std::string& src = doc.provenance.source;
  if (doc.content.size() > options.limits.max_document_bytes)
    return core::Status::LimitExceeded(src, doc.provenance.record_id,
                                       "document exceeds the size limit");
  // Without CLD2 every page would lose its language silently: each fails, naming the module.
  if (const auto& cld2 = detail::LanguageModule(); !cld2.ok())
    return core::Status::Unsupported(src, cld2.status().ToString());
  core::Article a;
  a.provenance = doc.provenance;
  detail::PageFacts facts;
  core::Status s;
  switch (doc.kind) {
    case core::ContentKind::kHtml:
      s = detail::ExtractFromHtml(doc, options, &a, &facts);
      break;
    case core::ContentKind::kText:
      s = detail::ExtractFromText(doc, options, &a);
      break;
    case core::ContentKind::kArticleText:
      s = detail::ExtractFromArticleText(doc, options, &a);
      break;
    case core::ContentKind::kHeadline:
      s = detail::ExtractHeadline(doc, &a);
      break;
  }
  if (!s.ok()) return s;
  FinishArticle(doc, facts, &a);
  return a;
}

core::Result<core::Article> ExtractPageMetadata(const core::RawDocument& doc,
                                                const ExtractOptions& options) {
  const std::string& src = doc.provenance.source;
  if (doc.content.size() > options.limits.max_document_bytes)
    return core::Status::LimitExceeded(src, doc.provenance.record_id,
                                       "document exceeds the size limit");
  if (doc.kind != core::ContentKind::kHtml)
    return core::Status::Empty(src, doc.provenance.record_id, "not an HTML page: no page metadata");
  if (const auto& cld2 = detail::LanguageModule(); !cld2.ok())
    return core::Status::Unsupported(src, cld2.status().ToString());
  // Parsed as ExtractFromHtml parses: the content is UTF-8 already (ingest decoded it), so the
  // encoding is given and a <meta charset> in the page is not applied a second time.
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, detail::DocFree> dom(htmlReadMemory(
      doc.content.data(), static_cast<int>(doc.content.size()), nullptr, "UTF-8", opts));
  if (!dom || !xmlDocGetRootElement(dom.get()))
    return core::Status::Empty(src, doc.provenance.record_id, "no HTML document");
  core::Article a;
  a.provenance = doc.provenance;
  detail::PageFacts facts =
      detail::ReadHtmlMetadata(xmlDocGetRootElement(dom.get()), doc, options, &a);
  dom.reset();
  FinishArticle(doc, facts, &a);
  return a;
}

}  // namespace wirebrief::extract
