// The hand-written JSON of the hot responses must be byte for byte what nlohmann's dump gave
// (the API did not change when the writer replaced the json trees).
#include "render/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

namespace wirebrief::render {
namespace {

using json = nlohmann::json;

std::string Nlohmann(const std::string& s) {
  return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Ours(const std::string& s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST(JsonWriterTest, EscapesLikeNlohmannOnHandPickedStrings) {
  const std::string cases[] = {
      "",
      "plain ascii",
      "quote \" backslash \\ slash /",
      std::string("controls \x01\x08\t\n\x0b\x0c\r\x1f\x7f end", 21),
      std::string("nul \0 inside", 12),
      "<script>alert('x')</script>",
      "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0",  // é, em dash, emoji
      "\x80 lone continuation",
      "\xC3 truncated two-byte",
      "truncated at the end \xE2\x80",
      "\xE0\x80\x80 overlong three",
      "\xC0\xAF overlong slash",
      "\xED\xA0\x80 surrogate",
      "\xF4\x90\x80\x80 above U+10FFFF",
      "\xF0\x9F\x93 cut four-byte then \xF0",
      "\xFF\xFE bad leads",
      "\xE2\x28\xA1 bad second byte",
  };
  for (const auto& s : cases)
    EXPECT_EQ(Ours(s), Nlohmann(s)) << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
}

TEST(JsonWriterTest, EscapesLikeNlohmannOnRandomBytes) {
  // Bytes drawn mostly from the awkward ranges: controls, quotes, continuation and lead bytes.
  std::mt19937 rng(8);
  const unsigned char pool[] = {0x00, 0x01, 0x09, 0x0a, 0x1f, 0x20, '"',  '\\', 'a',  0x7f,
                                0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
                                0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) s += static_cast<char>(pool[rng() % sizeof pool]);
    ASSERT_EQ(Ours(s), Nlohmann(s)) << "round " << round;
  }
}

TEST(JsonWriterTest, DocumentMatchesNlohmannDumpWithSortedKeys) {
  JsonWriter w;
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Int(-3);
  w.UInt(18446744073709551615u);
  w.Double(1234.0);
  w.Double(0.1);
  w.Double(1e300);
  w.Bool(false);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.Key("b");
  w.Strings({"x", "y\n"});
  w.Key("c");
  w.BeginObject();
  w.Key("d");
  w.String("\xC3\xA9");
  w.EndObject();
  w.EndObject();
  json j = {{"c", {{"d", "\xC3\xA9"}}},
            {"b", {"x", "y\n"}},
            {"a",
             {-3, 18446744073709551615u, 1234.0, 0.1, 1e300, false, nullptr, json::object(),
              json::array()}}};
  EXPECT_EQ(w.Take(), j.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace
}  // namespace wirebrief::render
