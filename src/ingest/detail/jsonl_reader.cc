// Streaming JSON-lines reader: one line in memory at a time; a line over the per-record limit
// is skipped (streamed past) with a message naming it.
#include <nlohmann/json.hpp>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest::detail {
namespace {

class JsonLinesReader : public RecordSource {
 public:
  JsonLinesReader(std::string source, std::unique_ptr<Decoder> dec, const core::Limits& limits)
      : source_(std::move(source)), dec_(std::move(dec)), limits_(limits) {}

  std::optional<core::Result<core::RawDocument>> Next() override {
    for (;;) {
      std::string line;
      uint64_t offset = 0;
      bool too_long = false;
      if (!ReadLine(&line, &offset, &too_long)) {
        if (!failed_ && state_ == Decoder::State::kError) {
          failed_ = true;
          return core::Result<core::RawDocument>(core::Status::Corruption(
              source_ + "@" + std::to_string(dec_->member_begin()), "", dec_->error()));
        }
        return std::nullopt;
      }
      ++line_no_;
      std::string record = "line " + std::to_string(line_no_);
      if (too_long)
        return core::Result<core::RawDocument>(core::Status::LimitExceeded(
            source_, record,
            "line exceeds the per-record limit of " + std::to_string(limits_.max_document_bytes) +
                " bytes; skipped"));
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      return Parse(line, offset, record);
    }
  }

 private:
  // Reads through the next '\n'. False at the end of input with nothing read.
  bool ReadLine(std::string* line, uint64_t* offset, bool* too_long) {
    *offset = consumed_;
    bool any = false;
    for (;;) {
      if (pos_ == buf_.size()) {
        buf_.clear();
        pos_ = 0;
        while (buf_.empty()) {
          if (state_ == Decoder::State::kData) {
            state_ = dec_->Decode(&buf_, 256 << 10);
          } else if (state_ == Decoder::State::kMemberEnd && dec_->NextMember()) {
            state_ = Decoder::State::kData;
          } else {
            return any;
          }
        }
      }
      any = true;
      size_t nl = buf_.find('\n', pos_);
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      if (!*too_long) {
        if (line->size() + (end - pos_) > limits_.max_document_bytes) {
          *too_long = true;
          line->clear();
        } else {
          line->append(buf_, pos_, end - pos_);
        }
      }
      consumed_ += end - pos_;
      pos_ = end;
      if (nl != std::string::npos) {
        ++pos_;
        ++consumed_;
        return true;
      }
    }
  }

  core::Result<core::RawDocument> Parse(const std::string& line, uint64_t offset,
                                        const std::string& record) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
      return core::Status::Corruption(source_, record, "not a JSON object");
    auto is_string = [&](const char* key) { return j.contains(key) && j[key].is_string(); };
    bool has_html = is_string("html");
    bool has_text = is_string("text") && !j["text"].get_ref<const std::string&>().empty();
    bool has_title = is_string("title") && !j["title"].get_ref<const std::string&>().empty();
    if (!has_html && !has_text && !has_title)
      return core::Status::Corruption(source_, record,
                                      "needs an \"html\", \"text\" or \"title\" string field");
    core::RawDocument doc;
    // A "text" record is clean article text, stored as it is; only a record that says it holds
    // text pasted from a page ("kind": "page_text") goes through the page-text cleaner, which
    // refused one- and two-sentence news items as "no article text" (issue 20). A title alone
    // is a headline article (a feed item whose page was not fetched).
    bool page_text = is_string("kind") && j["kind"].get_ref<const std::string&>() == "page_text";
    doc.kind = has_html    ? core::ContentKind::kHtml
               : !has_text ? core::ContentKind::kHeadline
               : page_text ? core::ContentKind::kText
                           : core::ContentKind::kArticleText;
    // JSON text is UTF-8 by definition; the decode only repairs invalid bytes.
    if (has_html || has_text)
      doc.content = DecodeToUtf8(j[has_html ? "html" : "text"].get_ref<const std::string&>(),
                                 "utf-8", &doc.charset);
    // JSON fixes the encoding; nothing was sniffed (see RawDocument::charset_source).
    if (j.contains("url") && j["url"].is_string()) doc.url = j["url"].get<std::string>();
    for (auto& [k, v] : j.items()) {
      if (k == "html" || k == "text" || k == "url" || k == "kind") continue;
      doc.hints[k] = v.is_string()
                         ? v.get<std::string>()
                         : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    doc.provenance = {source_, "jsonl", offset, line.size(), record, "", 0};
    return doc;
  }

  std::string source_;
  std::unique_ptr<Decoder> dec_;
  core::Limits limits_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;
  size_t line_no_ = 0;
  Decoder::State state_ = Decoder::State::kData;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<RecordSource> OpenJsonLinesReader(std::string source,
                                                  std::unique_ptr<Decoder> decoder,
                                                  const core::Limits& limits) {
  return std::make_unique<JsonLinesReader>(std::move(source), std::move(decoder), limits);
}

}  // namespace wirebrief::ingest::detail
