#include "render/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace wirebrief::render {
namespace {

// Length of the valid UTF-8 sequence starting at s[i] (Unicode Table 3-7: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when invalid; *valid_prefix is then how many bytes
// form a valid start (a truncated sequence), which is what one U+FFFD replaces.
size_t Utf8Sequence(std::string_view s, size_t i, size_t* valid_prefix) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    need = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    *valid_prefix = 0;
    return 0;
  }
  size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) break;
  }
  if (k == need) return need;
  *valid_prefix = k;
  return 0;
}

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied as they are
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      size_t prefix = 0;
      size_t n = Utf8Sequence(s, i, &prefix);
      if (n != 0) {
        i += n;
        continue;
      }
      out->append(s.data() + run, i - run);
      out->append(kReplacement);
      // A bad lead byte is consumed; a truncated sequence is replaced as a whole and the byte
      // that broke it is read again (nlohmann's decoder does the same).
      i += prefix == 0 ? 1 : prefix;
      run = i;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\r':
        out->append("\\r");
        break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(esc, 6);
      }
    }
    run = ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_value_.empty()) {
    if (has_value_.back()) out_.push_back(',');
    has_value_.back() = true;
  }
}

void JsonWriter::Open(char c) {
  Separate();
  out_.push_back(c);
  has_value_.push_back(false);
}

void JsonWriter::Close(char c) {
  out_.push_back(c);
  has_value_.pop_back();
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(key, &out_);
  out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Separate();
  AppendJsonString(s, &out_);
}

void JsonWriter::Int(int64_t v) {
  Separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::UInt(uint64_t v) {
  Separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  // Rare in responses (figure values); nlohmann's own formatting keeps them identical.
  Separate();
  out_ += nlohmann::json(v).dump();
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_.append(v ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_.append("null");
}

void JsonWriter::Strings(const std::vector<std::string>& list) {
  BeginArray();
  for (const auto& s : list) String(s);
  EndArray();
}

}  // namespace wirebrief::render
