// cluster/snapshot.h: the open window of an OnlineClusterer as data, so a store can keep it
// between runs and the next run goes on where the last one stopped.
//
// A snapshot holds what the window's decisions depend on and nothing the store already has:
// the stream's document frequencies (the idf it has learned), its clock, and each open
// document's term vector as it was weighted when the document arrived, with its story and the
// original it copies. Article texts are not in it: the copy index is rebuilt from the stored
// texts (OnlineClusterer's restoring constructor). Restoring a snapshot and adding articles
// places them exactly as one uninterrupted stream would have (tests/cluster/snapshot_test.cc).
// Size: about 1.3 KB per open document plus the frequency table (varint-packed, at most 5 MiB).
//
// Errors: ParseSnapshot reads bytes a user's store may have damaged: kCorruption naming the
// part that is wrong, never a crash, and at most SnapshotLimits of memory.
// Thread safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace wirebrief::cluster {

struct OpenDocument {
  std::string article_id;
  std::string story_id;  // the story's stable id, minted when it opened
  uint64_t story = 0;    // the story's stream-local number
  std::string copy_of;   // the original's article id when the document is a copy, else empty
  bool short_text = false;
  double arrival = 0;                           // the stream's clock when it arrived
  std::vector<std::pair<uint64_t, float>> vec;  // unit term vector sorted by key; empty for copies
  std::vector<int> years;                       // years its lead names
  // Its language's primary subtag and its anchor vector (figures, names, countries; unit,
  // sorted by key), kept when ClusterOptions::cross_language_join_threshold is on; else empty.
  std::string language;
  std::vector<std::pair<uint64_t, float>> anchors;
};

struct ClusterSnapshot {
  // Changes whenever a change to the clusterer makes older snapshots meaningless.
  static constexpr uint32_t kFormat = 2;  // 2: language and anchors per document
  std::string options_digest;  // the ClusterOptions the window was built with (OptionsDigest)
  double docs_seen = 0;
  double now = -std::numeric_limits<double>::infinity();
  uint64_t next_story = 0;
  std::vector<uint32_t> df;        // hashed document frequencies; empty before any document
  std::vector<OpenDocument> docs;  // in arrival order
};

struct SnapshotLimits {
  size_t max_documents = 2000000;  // Default: 2,000,000 open documents
  size_t max_terms = 1000;         // Default: 1,000 terms per vector (the clusterer keeps 100)
  size_t max_id_bytes = 4096;      // Default: 4 KiB per id
};

std::string SerializeSnapshot(const ClusterSnapshot& snapshot);
core::Result<ClusterSnapshot> ParseSnapshot(std::string_view bytes,
                                            const SnapshotLimits& limits = {});

}  // namespace wirebrief::cluster
