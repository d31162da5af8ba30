#include "ingest/ingest.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <filesystem>
#include <system_error>

#include "ingest/detail/byte_input.h"
#include "ingest/detail/charset.h"
#include "ingest/detail/readers.h"

namespace wirebrief::ingest {
namespace fs = std::filesystem;

namespace {

// JSON lines of pages or one JSON document, by the first value's shape. Pages run to megabytes
// on one line, so the head may end inside the first value: what counts is whether that value
// is an object with page keys ("url", "html", "text", "title" at its top level) written on one
// line (a raw newline between its tokens means a pretty-printed document).
InputKind JsonKind(std::string_view s) {
  int depth = 0;
  bool in_string = false, escaped = false, key_expected = true;
  size_t key_start = 0;
  bool page_key = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
        if (depth == 1 && key_expected) {
          std::string_view key = s.substr(key_start, i - key_start);
          if (key == "url" || key == "html" || key == "text" || key == "title") page_key = true;
          key_expected = false;
        }
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        key_start = i + 1;
        break;
      case '{':
      case '[':
        ++depth;
        if (depth == 1) key_expected = true;
        break;
      case '}':
      case ']':
        if (--depth == 0) return page_key ? InputKind::kJsonl : InputKind::kJson;
        break;
      case ',':
        if (depth == 1) key_expected = true;
        break;
      case '\n':
        return InputKind::kJson;  // pretty-printed
      default:
        break;
    }
  }
  // The head ended inside the first value, still on its first line.
  return page_key ? InputKind::kJsonl : InputKind::kJson;
}

}  // namespace

InputKind DetectInputKind(std::string_view head) {
  switch (detail::DetectCompression(head)) {
    case detail::Compression::kGzip:
      return InputKind::kGzip;
    case detail::Compression::kZstd:
      return InputKind::kZstd;
    case detail::Compression::kNone:
      break;
  }
  if (head.substr(0, 5) == "WARC/") return InputKind::kWarc;
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {
    // UTF-16 by its byte-order mark: a page, unless the text is a feed or sitemap. The head
    // may end inside a character; the decoder then writes U+FFFD, harmless here.
    InputKind k = DetectInputKind(DecodeToUtf8(head.substr(0, 8192), "", nullptr));
    return k == InputKind::kFeed || k == InputKind::kSitemap ? k : InputKind::kHtml;
  }
  std::string_view s = head;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  size_t controls = 0;
  for (char c : s.substr(0, 4096)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0) {
      // UTF-16 without a byte-order mark is text, not binary junk: classify its decoded text.
      if (detail::SniffUtf16(head) == detail::Utf16Guess::kNone) return InputKind::kBinary;
      std::string_view even = head.substr(0, std::min<size_t>(head.size(), 8192) & ~size_t{1});
      InputKind k = DetectInputKind(DecodeToUtf8(even, "", nullptr));
      return k == InputKind::kFeed || k == InputKind::kSitemap || k == InputKind::kText
                 ? k
                 : InputKind::kHtml;
    }
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 20 > std::min<size_t>(s.size(), 4096) + 1) return InputKind::kBinary;
  size_t first = s.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return InputKind::kEmpty;
  s.remove_prefix(first);
  if (s[0] == '{') return JsonKind(s);
  if (s[0] == '[') return InputKind::kJson;
  // ASCII only, as std::tolower in the C locale; applied where a name is read, not to a copy of
  // the whole 64 KiB head (a std::tolower call per byte of every page was 2.6% of `extract`).
  auto lower_ascii = [](std::string_view v) {
    std::string out(v);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  };
  if (s[0] == '<') {
    // The whole head for XML: generators put long comments before the root element.
    // Skip the XML prolog, comments and doctype to find the first element's name.
    size_t p = 0;
    while (p < s.size() && s[p] == '<' && p + 1 < s.size() &&
           (s[p + 1] == '?' || s[p + 1] == '!')) {
      if (s.compare(p, 4, "<!--") == 0) {
        size_t e = s.find("-->", p);
        p = e == std::string_view::npos ? s.size() : e + 3;
      } else {
        if (lower_ascii(s.substr(p, 9)) == "<!doctype") return InputKind::kHtml;
        size_t e = s.find('>', p);
        p = e == std::string_view::npos ? s.size() : e + 1;
      }
      while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    }
    // The root's local name: a namespace prefix ("<sm:urlset", "<rdf:RDF") does not count.
    size_t name_end = p + 1;
    while (name_end < s.size() && !std::isspace(static_cast<unsigned char>(s[name_end])) &&
           s[name_end] != '>' && s[name_end] != '/')
      ++name_end;
    std::string name = p < s.size() ? lower_ascii(s.substr(p + 1, name_end - p - 1)) : "";
    if (size_t colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);
    if (name == "rss" || name == "rdf" || name == "feed") return InputKind::kFeed;
    if (name == "urlset" || name == "sitemapindex") return InputKind::kSitemap;
    return InputKind::kHtml;
  }
  std::string lower = lower_ascii(s.substr(0, 4096));
  for (const char* tag : {"<html", "<body", "<p>", "<div", "<article", "<head"})
    if (lower.find(tag) != std::string::npos) return InputKind::kHtml;  // within 4 KiB
  return InputKind::kText;
}

struct DocumentStream::State {
  struct Pending {
    std::string path;
    bool from_folder = false;
    int depth = 0;  // sitemapindex levels followed to get here
  };
  // What a fetch said about the bytes it returned.
  struct Origin {
    std::string url;
    std::string content_type;
    std::string fetched_at;
    int http_status = 0;
  };
  IngestOptions options;
  std::deque<Pending> inputs;
  std::deque<core::Result<core::RawDocument>> ready;
  std::unique_ptr<detail::RecordSource> current;
  std::vector<Reference> references;
  std::vector<std::string> skipped;
  std::unique_ptr<Fetcher> fetcher;
  // The URL-list file being read (IngestOptions::input_lists).
  size_t list_index = 0;
  std::unique_ptr<detail::ByteInput> list;
  size_t list_line = 0;

  void Fail(core::Status s) { ready.push_back(std::move(s)); }
  void ExpandFolder(const std::string& path);
  bool NextFromLists();
  void Open(const Pending& in);
  void Dispatch(const Pending& in, std::unique_ptr<detail::ByteInput> bytes, const Origin* origin);
  bool ReadWhole(const std::string& src, std::unique_ptr<detail::Decoder> dec, size_t max,
                 const char* what, std::string* out);
  void FollowSitemaps(const Pending& in, size_t first_new_ref);
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
  for (auto f = files.rbegin(); f != files.rend(); ++f) inputs.push_front({*f, true, 0});
}

bool DocumentStream::State::NextFromLists() {
  constexpr size_t kMaxLine = 64 << 10;
  while (list || list_index < options.input_lists.size()) {
    const std::string& name = options.input_lists[list ? list_index - 1 : list_index];
    if (!list) {
      ++list_index;
      list_line = 0;
      auto opened = detail::ByteInput::Open(options.input_lists[list_index - 1]);
      if (!opened.ok()) {
        Fail(opened.status());
        return true;
      }
      list = std::move(opened.value());
      continue;
    }
    std::string_view v = list->Peek(kMaxLine + 1);
    if (v.empty()) {
      list.reset();
      continue;
    }
    size_t nl = v.find('\n');
    ++list_line;
    if (nl == std::string_view::npos && v.size() > kMaxLine) {
      Fail(core::Status::LimitExceeded(name, "line " + std::to_string(list_line),
                                       "line longer than 64 KiB"));
      // Skip to the end of this overlong line.
      for (;;) {
        list->Skip(v.size());
        v = list->Peek(kMaxLine);
        size_t e = v.find('\n');
        if (e != std::string_view::npos) {
          list->Skip(e + 1);
          break;
        }
        if (v.empty()) break;
      }
      return true;
    }
    std::string line(v.substr(0, nl));
    list->Skip(nl == std::string_view::npos ? v.size() : nl + 1);
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    line = line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
    inputs.push_back({line, false, 0});
    return true;
  }
  return false;
}

void DocumentStream::State::Open(const Pending& in) {
  if (IsHttpUrl(in.path)) {
    if (!options.fetch) {
      Fail(core::Status::Unsupported(in.path, "URL inputs need fetching, which is turned off"));
      return;
    }
    if (!fetcher) {
      FetchOptions fo = options.fetch_options;
      fo.max_bytes = std::min(
          fo.max_bytes, std::max<size_t>(options.limits.max_document_bytes, options.max_xml_bytes));
      fetcher = std::make_unique<Fetcher>(fo);
    }
    core::Result<FetchedPage> page = fetcher->Fetch(in.path);
    if (!page.ok()) {
      Fail(page.status());
      return;
    }
    Origin origin{page->url, page->content_type, page->fetched_at, static_cast<int>(page->status)};
    Dispatch(in, detail::ByteInput::FromMemory(std::move(page->body)), &origin);
    return;
  }
  if (in.path != "-") {
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
    if (!ec && size > options.limits.max_container_bytes) {
      Fail(core::Status::LimitExceeded(
          in.path, "", "file of " + std::to_string(size) + " bytes exceeds the input limit"));
      return;
    }
  }
  auto opened = detail::ByteInput::Open(in.path);
  if (!opened.ok()) {
    Fail(opened.status());
    return;
  }
  Dispatch(in, std::move(opened.value()), nullptr);
}

core::Status detail::DecodeWhole(const std::string& source, Decoder& dec, size_t max,
                                 const char* what, std::string* out) {
  for (;;) {
    Decoder::State s = dec.Decode(out, 256 << 10);
    if (out->size() > max)
      return core::Status::LimitExceeded(
          source, "",
          std::string(what) + " exceeds the limit of " + std::to_string(max) + " bytes");
    if (s == Decoder::State::kData) continue;
    if (s == Decoder::State::kMemberEnd && dec.NextMember()) continue;
    if (s == Decoder::State::kError)
      return core::Status::Corruption(source + "@" + std::to_string(dec.member_begin()), "",
                                      dec.error());
    return core::Status::Ok();
  }
}

core::RawDocument detail::DecodePage(std::string_view bytes, InputKind kind,
                                     std::string_view content_type) {
  core::RawDocument doc;
  doc.kind = kind == InputKind::kText ? core::ContentKind::kText : core::ContentKind::kHtml;
  doc.content =
      DecodeToUtf8(bytes, CharsetFromContentType(content_type), &doc.charset, &doc.charset_source);
  return doc;
}

bool DocumentStream::State::ReadWhole(const std::string& src, std::unique_ptr<detail::Decoder> dec,
                                      size_t max, const char* what, std::string* out) {
  core::Status s = detail::DecodeWhole(src, *dec, max, what, out);
  if (s.ok()) return true;
  Fail(std::move(s));
  return false;
}

void DocumentStream::State::FollowSitemaps(const Pending& in, size_t first_new_ref) {
  if (in.depth >= options.sitemap_index_depth) return;
  std::vector<Pending> children;
  for (size_t i = first_new_ref; i < references.size(); ++i) {
    const Reference& r = references[i];
    if (r.kind != "sitemap") continue;
    if (IsHttpUrl(r.url)) {
      // Only an index that was itself fetched leads to fetches: one read from a file lists its
      // children as references (following them is the watch path's decision), so an offline
      // reader neither reaches for the network nor fails on it.
      if (options.fetch && IsHttpUrl(in.path)) children.push_back({r.url, false, in.depth + 1});
    } else if (!IsHttpUrl(in.path) && in.path != "-" && r.url.find("://") == std::string::npos) {
      fs::path child =
          fs::path(r.url).is_absolute() ? fs::path(r.url) : fs::path(in.path).parent_path() / r.url;
      children.push_back({child.lexically_normal().string(), false, in.depth + 1});
    }
  }
  for (auto c = children.rbegin(); c != children.rend(); ++c) inputs.push_front(*c);
}

void DocumentStream::State::Dispatch(const Pending& in, std::unique_ptr<detail::ByteInput> bytes,
                                     const Origin* origin) {
  const core::Limits& lim = options.limits;
  const std::string& src = in.path;
  std::string raw_head(bytes->Peek(64 << 10));
  detail::Compression comp = detail::DetectCompression(raw_head);
  std::string head = comp == detail::Compression::kNone
                         ? raw_head
                         : detail::DecodePrefix(raw_head, comp, 64 << 10);
  InputKind kind = DetectInputKind(head);
  if (comp != detail::Compression::kNone && (kind == InputKind::kGzip || kind == InputKind::kZstd))
    kind = InputKind::kBinary;  // compressed twice: not something a crawler writes
  std::string base_url = origin ? origin->url : "";
  auto decoder = [&] { return detail::MakeDecoder(std::move(bytes), comp); };
  switch (kind) {
    case InputKind::kWarc:
      current = detail::OpenWarcReader(src, decoder(), lim, &references);
      return;
    case InputKind::kJsonl:
      current = detail::OpenJsonLinesReader(src, decoder(), lim);
      return;
    case InputKind::kFeed:
    case InputKind::kSitemap: {
      std::string xml;
      if (!ReadWhole(src, decoder(), options.max_xml_bytes,
                     kind == InputKind::kFeed ? "feed" : "sitemap", &xml))
        return;
      size_t first_new = references.size();
      auto emit = [this](core::Result<core::RawDocument> r) { ready.push_back(std::move(r)); };
      core::Status s = kind == InputKind::kFeed
                           ? detail::ReadFeed(src, xml, base_url, emit, &references)
                           : detail::ReadSitemap(src, xml, base_url, emit, &references);
      if (!s.ok()) Fail(s);
      if (kind == InputKind::kSitemap) FollowSitemaps(in, first_new);
      return;
    }
    case InputKind::kHtml:
    case InputKind::kText: {
      std::string page;
      if (!ReadWhole(src, decoder(), lim.max_document_bytes, "page", &page)) return;
      core::RawDocument doc = detail::DecodePage(page, kind, origin ? origin->content_type : "");
      if (origin) {
        doc.url = origin->url;
        doc.provenance = {src, "http", 0, page.size(), "", origin->fetched_at, origin->http_status};
      } else {
        doc.provenance = {src, kind == InputKind::kHtml ? "file" : "text", 0, page.size(), "", "",
                          0};
      }
      if (options.discover_feeds && doc.kind == core::ContentKind::kHtml) {
        // A cheap test first: parsing every page's head again would cost more than ingest itself.
        std::string_view h = std::string_view(doc.content).substr(0, 64 << 10);
        if (h.find("+xml") != std::string_view::npos ||
            h.find("feed+json") != std::string_view::npos) {
          for (std::string& url : DiscoverFeeds(doc.content, doc.url))
            references.push_back({std::move(url), "feed", src, {}});
        }
      }
      ready.push_back(std::move(doc));
      return;
    }
    case InputKind::kGzip:
    case InputKind::kZstd:
    case InputKind::kJson:
    case InputKind::kBinary:
    case InputKind::kEmpty:
      break;
  }
  const char* why = kind == InputKind::kJson ? "a JSON document, not JSON lines of pages"
                    : kind == InputKind::kEmpty
                        ? "empty"
                        : "binary data, not a page, WARC, feed, sitemap or JSON lines";
  if (in.from_folder) {
    skipped.push_back(src + ": " + why);
  } else {
    Fail(core::Status::Unsupported(src, why));
  }
}

DocumentStream::DocumentStream(std::vector<std::string> inputs, IngestOptions options)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  for (auto& p : inputs) state_->inputs.push_back({std::move(p), false, 0});
}

DocumentStream::~DocumentStream() = default;

std::optional<core::Result<core::RawDocument>> DocumentStream::Next() {
  State& s = *state_;
  for (;;) {
    if (!s.ready.empty()) {
      std::optional<core::Result<core::RawDocument>> out(std::move(s.ready.front()));
      s.ready.pop_front();
      return out;
    }
    if (s.current) {
      if (auto r = s.current->Next()) return r;
      s.current.reset();
      continue;
    }
    if (s.inputs.empty() && !s.NextFromLists()) return std::nullopt;
    if (s.inputs.empty()) continue;
    State::Pending in = std::move(s.inputs.front());
    s.inputs.pop_front();
    s.Open(in);
  }
}

const std::vector<Reference>& DocumentStream::references() const { return state_->references; }
std::vector<Reference> DocumentStream::TakeReferences() {
  return std::exchange(state_->references, {});
}
const std::vector<std::string>& DocumentStream::skipped() const { return state_->skipped; }

}  // namespace wirebrief::ingest
