// Container readers behind DocumentStream. Each parses one whole container held in memory and
// hands every document or per-record error to `emit`; none of them stops at a bad record.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"
#include "ingest/ingest.h"

namespace wirebrief::ingest::detail {

using EmitFn = std::function<void(core::Result<core::RawDocument>)>;

// WARC 1.0/1.1, plain or gzip (one member per record, or one member for the whole file).
// response and resource records with an HTML or text payload become documents; request,
// metadata, warcinfo and non-text payloads are skipped. A corrupt record is reported with its
// byte offset and the reader resynchronises at the next record.
void ReadWarc(const std::string& source, std::string_view bytes, const core::Limits& limits,
              const EmitFn& emit);

// RSS 0.9x/1.0/2.0 and Atom 1.0. Items carrying full content become documents; every item's
// link becomes a Reference.
core::Status ReadFeed(const std::string& source, std::string_view bytes, const EmitFn& emit,
                      std::vector<Reference>* refs);

// urlset (incl. Google News extensions) and sitemapindex: every <loc> becomes a Reference.
core::Status ReadSitemap(const std::string& source, std::string_view bytes,
                         std::vector<Reference>* refs);

// JSON lines: {"url", "html"} or {"url", "text"} per line; other fields become hints.
void ReadJsonLines(const std::string& source, std::string_view bytes, const core::Limits& limits,
                   const EmitFn& emit);

// Inflates a whole gzip stream (all members) into *out, up to `max_out` bytes.
core::Status Gunzip(std::string_view bytes, size_t max_out, std::string* out);

}  // namespace wirebrief::ingest::detail
