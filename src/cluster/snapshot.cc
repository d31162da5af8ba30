// The snapshot's bytes: a small binary format of varints, written here because the state is
// read back on every run (JSON of 10^4 vectors of 100 floats took longer to parse than the run
// it restored) and because it is the clusterer's own; nothing packaged fits.
//
//   "WBCS" format:varint digest:bytes docs_seen:f64 now:f64 next_story:varint
//   df_size:varint (zero_run:varint value:varint)* until df_size entries
//   docs:varint { article_id story_id copy_of :bytes, story:varint, flags:byte, arrival:f64,
//                 terms:varint (key:u64 weight:f32)*, years:varint (year:zigzag varint)*,
//                 language:bytes, anchors:varint (key:u64 weight:f32)* }
// bytes = length:varint then the bytes.
#include "cluster/snapshot.h"

#include <cmath>
#include <cstring>

namespace wirebrief::cluster {
namespace {

constexpr char kMagic[4] = {'W', 'B', 'C', 'S'};
constexpr size_t kDfSize = size_t{1} << 20;  // OnlineClusterer's table (kDfBits)

class Writer {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Bytes(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  template <typename T>
  void Raw(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return false;
      auto b = static_cast<unsigned char>(in_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool Bytes(std::string* s, size_t max) {
    uint64_t n = 0;
    if (!Varint(&n) || n > max || n > in_.size() - pos_) return false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  template <typename T>
  bool Raw(T* v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool Magic() {
    if (in_.size() < 4 || std::memcmp(in_.data(), kMagic, 4) != 0) return false;
    pos_ = 4;
    return true;
  }
  size_t left() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

core::Status Bad(const std::string& what) {
  return core::Status::Corruption("cluster state", "", what);
}

}  // namespace

std::string SerializeSnapshot(const ClusterSnapshot& s) {
  Writer w;
  for (char c : kMagic) w.Raw(c);
  w.Varint(ClusterSnapshot::kFormat);
  w.Bytes(s.options_digest);
  w.Raw(s.docs_seen);
  w.Raw(s.now);
  w.Varint(s.next_story);
  w.Varint(s.df.size());
  // Most of the table is zero after a few thousand documents: runs of zeros, then a value.
  for (size_t i = 0; i < s.df.size();) {
    size_t zeros = 0;
    while (i < s.df.size() && s.df[i] == 0) ++zeros, ++i;
    w.Varint(zeros);
    w.Varint(i < s.df.size() ? s.df[i] : 0);
    ++i;
  }
  w.Varint(s.docs.size());
  for (const OpenDocument& d : s.docs) {
    w.Bytes(d.article_id);
    w.Bytes(d.story_id);
    w.Bytes(d.copy_of);
    w.Varint(d.story);
    w.Raw(static_cast<uint8_t>(d.short_text ? 1 : 0));
    w.Raw(d.arrival);
    w.Varint(d.vec.size());
    for (const auto& [key, x] : d.vec) {
      w.Raw(key);
      w.Raw(x);
    }
    w.Varint(d.years.size());
    for (int y : d.years)
      w.Varint((static_cast<uint64_t>(y) << 1) ^ static_cast<uint64_t>(y >> 31));
    w.Bytes(d.language);
    w.Varint(d.anchors.size());
    for (const auto& [key, x] : d.anchors) {
      w.Raw(key);
      w.Raw(x);
    }
  }
  return w.Take();
}

core::Result<ClusterSnapshot> ParseSnapshot(std::string_view bytes, const SnapshotLimits& limits) {
  Reader r(bytes);
  ClusterSnapshot s;
  uint64_t format = 0, n = 0;
  if (!r.Magic()) return Bad("not a cluster state (bad magic)");
  if (!r.Varint(&format) || format != ClusterSnapshot::kFormat)
    return Bad("cluster state format " + std::to_string(format) + ", expected " +
               std::to_string(ClusterSnapshot::kFormat));
  if (!r.Bytes(&s.options_digest, limits.max_id_bytes) || !r.Raw(&s.docs_seen) || !r.Raw(&s.now) ||
      !r.Varint(&s.next_story))
    return Bad("truncated header");
  if (!std::isfinite(s.docs_seen) || s.docs_seen < 0 || std::isnan(s.now))
    return Bad("bad counters in the header");
  if (!r.Varint(&n) || (n != 0 && n != kDfSize)) return Bad("bad frequency table size");
  s.df.assign(n, 0);
  for (size_t i = 0; i < n;) {
    uint64_t zeros = 0, value = 0;
    if (!r.Varint(&zeros) || !r.Varint(&value) || zeros > n - i) return Bad("bad frequency table");
    i += zeros;
    if (i < n) {
      if (value > std::numeric_limits<uint32_t>::max()) return Bad("bad frequency");
      s.df[i++] = static_cast<uint32_t>(value);
    }
  }
  if (!r.Varint(&n) || n > limits.max_documents) return Bad("bad document count");
  // Each document takes at least 20 bytes: a count that the rest cannot hold is damage.
  if (n > r.left() / 20 + 1) return Bad("document count larger than the state");
  s.docs.resize(n);
  for (size_t i = 0; i < n; ++i) {
    OpenDocument& d = s.docs[i];
    uint8_t flags = 0;
    uint64_t terms = 0, years = 0;
    std::string where = "document " + std::to_string(i + 1);
    if (!r.Bytes(&d.article_id, limits.max_id_bytes) ||
        !r.Bytes(&d.story_id, limits.max_id_bytes) || !r.Bytes(&d.copy_of, limits.max_id_bytes) ||
        !r.Varint(&d.story) || !r.Raw(&flags) || !r.Raw(&d.arrival) || !r.Varint(&terms))
      return Bad(where + ": truncated");
    if (d.article_id.empty() || d.story_id.empty() || flags > 1 || !std::isfinite(d.arrival))
      return Bad(where + ": bad fields");
    d.short_text = flags == 1;
    if (terms > limits.max_terms || terms > r.left() / 12) return Bad(where + ": bad term count");
    d.vec.resize(terms);
    for (size_t k = 0; k < d.vec.size(); ++k) {
      auto& [key, x] = d.vec[k];
      if (!r.Raw(&key) || !r.Raw(&x) || !std::isfinite(x)) return Bad(where + ": bad term");
      // Sorted and unique, as the clusterer's sparse products assume.
      if (k > 0 && d.vec[k - 1].first >= key) return Bad(where + ": terms out of order");
    }
    if (!r.Varint(&years) || years > 64) return Bad(where + ": bad year count");
    for (uint64_t k = 0; k < years; ++k) {
      uint64_t z = 0;
      if (!r.Varint(&z) || z > 0xFFFFFFFFu) return Bad(where + ": bad year");
      d.years.push_back(
          static_cast<int>(static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1)));
    }
    uint64_t anchors = 0;
    if (!r.Bytes(&d.language, 64) || !r.Varint(&anchors)) return Bad(where + ": truncated");
    if (anchors > limits.max_terms || anchors > r.left() / 12)
      return Bad(where + ": bad anchor count");
    d.anchors.resize(anchors);
    for (size_t k = 0; k < d.anchors.size(); ++k) {
      auto& [key, x] = d.anchors[k];
      if (!r.Raw(&key) || !r.Raw(&x) || !std::isfinite(x)) return Bad(where + ": bad anchor");
      if (k > 0 && d.anchors[k - 1].first >= key) return Bad(where + ": anchors out of order");
    }
  }
  if (r.left() != 0) return Bad("bytes after the last document");
  return s;
}

}  // namespace wirebrief::cluster
