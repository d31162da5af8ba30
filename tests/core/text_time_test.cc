#include <gtest/gtest.h>

#include "core/text.h"
#include "core/time.h"

namespace wirebrief::core {
namespace {

TEST(AsciiLower, FoldsOnlyAsciiLettersSoOffsetsHold) {
  EXPECT_EQ(AsciiLower("Ärger IN Zürich, 2026"), "Ärger in zürich, 2026");
  std::string buf = "x:";
  AppendAsciiLower("AbC", &buf);
  EXPECT_EQ(buf, "x:abc");
}

TEST(DecodeUtf8, ReadsEachLengthAndReplacesMalformedWithOneByteStep) {
  int len = 0;
  EXPECT_EQ(DecodeUtf8("a", 0, &len), 0x61u);
  EXPECT_EQ(len, 1);
  EXPECT_EQ(DecodeUtf8("\xC3\xA9", 0, &len), 0xE9u);
  EXPECT_EQ(len, 2);
  EXPECT_EQ(DecodeUtf8("\xE4\xB8\xAD", 0, &len), 0x4E2Du);
  EXPECT_EQ(len, 3);
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x93\xB0", 0, &len), 0x1F4F0u);
  EXPECT_EQ(len, 4);
  EXPECT_EQ(DecodeUtf8("\xE4\xB8", 0, &len), 0xFFFDu);  // truncated
  EXPECT_EQ(len, 1);
  EXPECT_EQ(DecodeUtf8("\xC3(", 0, &len), 0xFFFDu);  // bad continuation
  EXPECT_EQ(len, 1);
}

TEST(CodePointOffsets, MapsContinuationBytesToTheirCodePoint) {
  std::vector<uint32_t> cp = CodePointOffsets("a\xC3\xA9z");
  EXPECT_EQ(cp, (std::vector<uint32_t>{0, 1, 1, 2, 3}));
  // A stray continuation byte at the start does not wrap around.
  EXPECT_EQ(CodePointOffsets("\x80")[0], 0u);
}

TEST(CalendarWords, FullNamesAndPrefixes) {
  EXPECT_EQ(MonthFromFullName("september"), 9);
  EXPECT_EQ(MonthFromFullName("sept"), 0);
  EXPECT_EQ(MonthFromPrefix("Sept"), 9);
  EXPECT_EQ(MonthFromPrefix("DECEMBER"), 12);
  EXPECT_EQ(MonthFromPrefix("de"), 0);
  EXPECT_EQ(WeekdayFromFullName("sunday"), 0);
  EXPECT_EQ(WeekdayFromFullName("Sunday"), -1);  // callers fold first
  EXPECT_EQ(WeekdayFromPrefix("Thu,"), 4);
  EXPECT_EQ(WeekdayFromPrefix("Thx"), -1);
}

}  // namespace
}  // namespace wirebrief::core
