// A streaming JSON writer for the hot API responses (story list, story page, search).
//
// Written here rather than using nlohmann's DOM because building a json tree allocated a node
// per value and a std::map per object, which led the profile of the story list and page. The
// output is byte for byte what nlohmann's dump(-1, ' ', false, error_handler_t::replace) gives
// for the same document: compact, non-ASCII UTF-8 as is, control characters as \uXXXX and
// each maximal invalid UTF-8 subsequence replaced by U+FFFD. nlohmann sorts object keys, so
// callers write keys in byte order (tests compare the two writers on the same documents).
//
// Not thread-safe; one writer per response. Misuse (a value where a key is due) is not checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirebrief::render {

class JsonWriter {
 public:
  explicit JsonWriter(size_t reserve = 4096) { out_.reserve(reserve); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The key of the next member; the value follows with one of the calls below.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t v);
  void UInt(uint64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
  void Strings(const std::vector<std::string>& list);

  // The document; the writer is empty afterwards.
  std::string Take() { return std::move(out_); }

 private:
  void Separate();
  void Open(char c);
  void Close(char c);

  std::string out_;
  // Per open container: whether a value has been written (so the next needs a comma).
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

// Appends `s` as a JSON string (quotes included), escaped as nlohmann's dump with
// error_handler_t::replace escapes it.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace wirebrief::render
