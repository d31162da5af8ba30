#include <nlohmann/json.hpp>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {

void ReadJsonLines(const std::string& source, std::string_view bytes, const core::Limits& limits,
                   const EmitFn& emit) {
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    uint64_t offset = pos;
    pos = eol + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string record = "line " + std::to_string(line_no);
    if (line.size() > limits.max_document_bytes) {
      emit(core::Status::LimitExceeded(source, record, "line exceeds the document limit"));
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      emit(core::Status::Corruption(source, record, "not a JSON object"));
      continue;
    }
    core::RawDocument doc;
    bool has_html = j.contains("html") && j["html"].is_string();
    bool has_text = j.contains("text") && j["text"].is_string();
    if (!has_html && !has_text) {
      emit(core::Status::Corruption(source, record, "needs an \"html\" or \"text\" string field"));
      continue;
    }
    doc.kind = has_html ? core::ContentKind::kHtml : core::ContentKind::kText;
    doc.content = DecodeToUtf8(j[has_html ? "html" : "text"].get<std::string>(), "utf-8", &doc.charset);
    if (j.contains("url") && j["url"].is_string()) doc.url = j["url"].get<std::string>();
    for (auto& [k, v] : j.items()) {
      if (k == "html" || k == "text" || k == "url") continue;
      doc.hints[k] = v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    doc.provenance = {source, "jsonl", offset, line.size(), record, "", 0};
    emit(std::move(doc));
  }
}

}  // namespace wirebrief::ingest::detail
