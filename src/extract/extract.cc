#include "extract/extract.h"

#include "core/hash.h"
#include "extract/detail/metadata.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract {

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
  core::Article a;
  a.provenance = doc.provenance;
  detail::ThreadMetadataScratch() = detail::MetadataScratch{};
  core::Status s = doc.kind == core::ContentKind::kHtml ? detail::ExtractFromHtml(doc, options, &a)
                                                        : detail::ExtractFromText(doc, options, &a);
  if (!s.ok()) return s;
  if (a.site_name.empty() && !a.host.empty()) {
    a.site_name = a.host;
    a.field_sources["site_name"] = "url";
  }
  detail::FinishMetadata(doc, &a);
  // Identity: the canonical URL names the article across containers (a page file, its WARC
  // record and its feed item are one article); without a URL the text itself does.
  std::string normalized = detail::CollapseSpace(a.text);
  a.content_hash = core::HashHex128(normalized);
  const std::string& key_url = !a.canonical_url.empty() ? a.canonical_url : a.url;
  a.id = core::HashHex128(key_url.empty() ? "text:" + normalized : "url:" + key_url).substr(0, 16);
  return a;
}

}  // namespace wirebrief::extract
