// extract::ExtractArticle on arbitrary bytes as HTML, with every output rendered (text,
// Markdown, sanitized HTML) and the mode taken from the first byte, so all selection paths run.
#include "extract/extract.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wirebrief::extract::ExtractOptions options;
  options.with_markdown = true;
  options.with_html = true;
  if (size > 0) {
    options.mode = data[0] % 3 == 0   ? wirebrief::extract::ExtractMode::kBalanced
                   : data[0] % 3 == 1 ? wirebrief::extract::ExtractMode::kPrecision
                                      : wirebrief::extract::ExtractMode::kRecall;
  }
  wirebrief::core::RawDocument doc;
  doc.content = wirebrief::ingest::DecodeToUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size), "utf-8", nullptr);
  auto a = wirebrief::extract::ExtractArticle(doc, options);
  if (!a.ok()) (void)wirebrief::extract::ExtractStatusName(a.status());
  return 0;
}
