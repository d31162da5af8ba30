#include "cli/output_files.h"

#include <cstdio>
#include <fstream>

namespace wirebrief::cli {
namespace {

constexpr size_t kMaxNameBytes = 100;

// The last non-empty path segment of a path or URL (query and fragment dropped), without its
// extension.
std::string Stem(std::string s) {
  if (s.find("://") != std::string::npos) s = s.substr(0, s.find_first_of("?#"));
  while (!s.empty() && s.back() == '/') s.pop_back();
  size_t slash = s.find_last_of('/');
  std::string name = slash == std::string::npos ? s : s.substr(slash + 1);
  // "page.warc.gz" -> "page": compression suffixes first, then the kind.
  for (const char* ext : {".gz", ".zst"})
    if (name.size() > 3 && name.ends_with(ext)) name.resize(name.size() - std::string(ext).size());
  size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

}  // namespace

OutputFiles::OutputFiles(std::string dir, std::string extension)
    : dir_(std::move(dir)), extension_(std::move(extension)) {}

std::string OutputFiles::PathFor(const core::Article& article) {
  const core::Provenance& p = article.provenance;
  bool record = p.container == "warc" || p.container == "warc-stream" || p.container == "jsonl" ||
                p.container == "feed";
  std::string raw =
      p.source == "-" ? "stdin" : Stem(record && !article.url.empty() ? article.url : p.source);
  std::string name;
  for (char c : raw.substr(0, kMaxNameBytes)) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-';
    name.push_back(keep ? c : '_');
  }
  // No hidden files and no "..": a name never starts with a dot.
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.empty()) name = "article";
  std::string unique = name;
  for (int n = 2; !used_.insert(unique).second; ++n) unique = name + "-" + std::to_string(n);
  return dir_ + "/" + unique + "." + extension_;
}

core::Status OutputFiles::Write(const core::Article& article, const std::string& content) {
  std::string path = PathFor(article);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return core::Status::IOError(path, "cannot write");
  return core::Status::Ok();
}

}  // namespace wirebrief::cli
