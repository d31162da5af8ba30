#include "ingest/ingest.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "ingest/detail/readers.h"

namespace wirebrief::ingest {
namespace fs = std::filesystem;

InputKind DetectInputKind(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return InputKind::kGzip;
  if (head.substr(0, 5) == "WARC/") return InputKind::kWarc;
  std::string_view s = head;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  size_t controls = 0;
  for (char c : s.substr(0, 4096)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0) return (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")
                           ? InputKind::kHtml
                           : InputKind::kBinary;
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 20 > std::min<size_t>(s.size(), 4096) + 1) return InputKind::kBinary;
  size_t first = s.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return InputKind::kEmpty;
  s.remove_prefix(first);
  if (s[0] == '{') {
    size_t eol = s.find('\n');
    std::string_view line = s.substr(0, eol);
    // A JSON lines file has a complete object on its first line; a pretty-printed document
    // opens with a lone brace.
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    return line.size() > 1 && line.back() == '}' ? InputKind::kJsonl : InputKind::kJson;
  }
  if (s[0] == '[') return InputKind::kJson;
  std::string lower(s.substr(0, 4096));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower[0] == '<') {
    // Skip the XML prolog, comments and doctype to find the first element's name.
    size_t p = 0;
    while (p < lower.size() && lower[p] == '<' && p + 1 < lower.size() &&
           (lower[p + 1] == '?' || lower[p + 1] == '!')) {
      if (lower.compare(p, 4, "<!--") == 0) {
        size_t e = lower.find("-->", p);
        p = e == std::string::npos ? lower.size() : e + 3;
      } else {
        if (lower.compare(p, 9, "<!doctype") == 0) return InputKind::kHtml;
        size_t e = lower.find('>', p);
        p = e == std::string::npos ? lower.size() : e + 1;
      }
      while (p < lower.size() && std::isspace(static_cast<unsigned char>(lower[p]))) ++p;
    }
    auto at = [&](const char* tag) { return lower.compare(p, std::strlen(tag), tag) == 0; };
    if (at("<rss") || at("<rdf:rdf") || at("<feed")) return InputKind::kFeed;
    if (at("<urlset") || at("<sitemapindex")) return InputKind::kSitemap;
    return InputKind::kHtml;
  }
  for (const char* tag : {"<html", "<body", "<p>", "<div", "<article", "<head"})
    if (lower.find(tag) != std::string::npos) return InputKind::kHtml;
  return InputKind::kText;
}

struct DocumentStream::State {
  struct Pending {
    std::string path;
    bool from_folder = false;
  };
  IngestOptions options;
  std::deque<Pending> inputs;
  std::deque<core::Result<core::RawDocument>> ready;
  std::vector<Reference> references;
  std::vector<std::string> skipped;

  void Emit(core::Result<core::RawDocument> r) { ready.push_back(std::move(r)); }
  void Fail(core::Status s) { ready.push_back(std::move(s)); }
  void ExpandFolder(const std::string& path);
  void ReadInput(const Pending& in);
  void Dispatch(const Pending& in, std::string_view bytes, bool decompressed);
};

void DocumentStream::State::ExpandFolder(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    Fail(core::Status::IOError(path, "cannot list folder: " + ec.message()));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  // Folder contents go before the remaining named inputs so order follows the command line.
  for (auto f = files.rbegin(); f != files.rend(); ++f) inputs.push_front({*f, true});
}

void DocumentStream::State::ReadInput(const Pending& in) {
  std::string bytes;
  const core::Limits& lim = options.limits;
  if (in.path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    auto status = fs::status(in.path, ec);
    if (ec || !fs::exists(status)) {
      Fail(core::Status::NotFound(in.path, "no such file or folder"));
      return;
    }
    if (fs::is_directory(status)) {
      ExpandFolder(in.path);
      return;
    }
    uint64_t size = fs::file_size(in.path, ec);
    if (!ec && size > lim.max_container_bytes) {
      Fail(core::Status::LimitExceeded(in.path, "", "file of " + std::to_string(size) +
                                                        " bytes exceeds the input limit"));
      return;
    }
    std::ifstream f(in.path, std::ios::binary);
    if (!f) {
      Fail(core::Status::IOError(in.path, "cannot open file"));
      return;
    }
    bytes.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    if (f.bad()) {
      Fail(core::Status::IOError(in.path, "read failed"));
      return;
    }
  }
  Dispatch(in, bytes, false);
}

void DocumentStream::State::Dispatch(const Pending& in, std::string_view bytes, bool decompressed) {
  const core::Limits& lim = options.limits;
  const std::string& src = in.path;
  auto emit = [this](core::Result<core::RawDocument> r) { Emit(std::move(r)); };
  InputKind kind = DetectInputKind(bytes.substr(0, 8192));
  switch (kind) {
    case InputKind::kGzip: {
      // A gzip stream is either a WARC (read member by member) or a compressed feed/sitemap.
      std::string head;
      detail::Gunzip(bytes.substr(0, 1 << 16), 1 << 16, &head);  // may be truncated: fine
      if (head.substr(0, 5) == "WARC/") {
        detail::ReadWarc(src, bytes, lim, emit);
        return;
      }
      if (decompressed) break;
      std::string plain;
      core::Status s = detail::Gunzip(bytes, lim.max_container_bytes, &plain);
      if (!s.ok()) {
        Fail(s.WithLocation(src));
        return;
      }
      Dispatch(in, plain, true);
      return;
    }
    case InputKind::kWarc:
      detail::ReadWarc(src, bytes, lim, emit);
      return;
    case InputKind::kFeed: {
      core::Status s = detail::ReadFeed(src, bytes, emit, &references);
      if (!s.ok()) Fail(s);
      return;
    }
    case InputKind::kSitemap: {
      core::Status s = detail::ReadSitemap(src, bytes, &references);
      if (!s.ok()) Fail(s);
      return;
    }
    case InputKind::kJsonl:
      detail::ReadJsonLines(src, bytes, lim, emit);
      return;
    case InputKind::kHtml:
    case InputKind::kText: {
      if (bytes.size() > lim.max_document_bytes) {
        Fail(core::Status::LimitExceeded(src, "", "page of " + std::to_string(bytes.size()) +
                                                      " bytes exceeds the document limit"));
        return;
      }
      core::RawDocument doc;
      doc.kind = kind == InputKind::kHtml ? core::ContentKind::kHtml : core::ContentKind::kText;
      doc.content = DecodeToUtf8(bytes, "", &doc.charset);
      doc.provenance = {src, kind == InputKind::kHtml ? "file" : "text", 0, bytes.size(), "", "", 0};
      Emit(std::move(doc));
      return;
    }
    case InputKind::kJson:
    case InputKind::kBinary:
    case InputKind::kEmpty:
      break;
  }
  const char* why = kind == InputKind::kJson    ? "a JSON document, not JSON lines of pages"
                    : kind == InputKind::kEmpty ? "empty"
                                                : "binary data, not a page, WARC, feed, sitemap or JSON lines";
  if (in.from_folder) {
    skipped.push_back(src + ": " + why);
  } else {
    Fail(core::Status::Unsupported(src, why));
  }
}

DocumentStream::DocumentStream(std::vector<std::string> inputs, IngestOptions options)
    : state_(std::make_unique<State>()) {
  state_->options = options;
  for (auto& p : inputs) state_->inputs.push_back({std::move(p), false});
}

DocumentStream::~DocumentStream() = default;

std::optional<core::Result<core::RawDocument>> DocumentStream::Next() {
  while (state_->ready.empty()) {
    if (state_->inputs.empty()) return std::nullopt;
    State::Pending in = std::move(state_->inputs.front());
    state_->inputs.pop_front();
    state_->ReadInput(in);
  }
  std::optional<core::Result<core::RawDocument>> out(std::move(state_->ready.front()));
  state_->ready.pop_front();
  return out;
}

const std::vector<Reference>& DocumentStream::references() const { return state_->references; }
const std::vector<std::string>& DocumentStream::skipped() const { return state_->skipped; }

}  // namespace wirebrief::ingest
