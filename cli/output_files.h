// `extract -o DIR`: one output file per input document, named after the input (trafilatura's
// habit), so a folder of pages becomes a folder of texts that lines up with it.
#pragma once

#include <set>
#include <string>

#include "core/model.h"
#include "core/status.h"

namespace wirebrief::cli {

class OutputFiles {
 public:
  // `extension` without the dot ("txt", "md", "xml").
  OutputFiles(std::string dir, std::string extension);

  // The path for `article`'s output: DIR/NAME.EXT, where NAME is the last path segment of its
  // input without the extension (a WARC, feed or JSON-lines record: of its URL; "stdin" for
  // -), cut to 100 bytes of [A-Za-z0-9._-] (others become '_'). A name already given in this
  // run gets "-2", "-3"... (two folders' index.html, a WARC's records); a file left by an
  // earlier run is overwritten, so running again gives the same names.
  std::string PathFor(const core::Article& article);
  // Writes `content` to PathFor(article)'s file.
  core::Status Write(const core::Article& article, const std::string& content);

 private:
  std::string dir_;
  std::string extension_;
  std::set<std::string> used_;
};

}  // namespace wirebrief::cli
