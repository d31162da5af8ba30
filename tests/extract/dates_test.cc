#include <gtest/gtest.h>

#include "extract/extract.h"

namespace wirebrief::extract {

TEST(NormalizeDateTest, CommonShapes) {
  EXPECT_EQ(NormalizeDate("2026-11-03T10:32:00+01:00"), "2026-11-03T10:32:00+01:00");
  EXPECT_EQ(NormalizeDate("2026-11-03T10:32:00.000Z"), "2026-11-03T10:32:00Z");
  EXPECT_EQ(NormalizeDate("2026-11-03"), "2026-11-03");
  EXPECT_EQ(NormalizeDate("Tue, 03 Nov 2026 10:32:00 +0100"), "2026-11-03T10:32:00+01:00");
  EXPECT_EQ(NormalizeDate("Published Nov. 4, 2026 10:32 a.m."), "2026-11-04T10:32:00");
  EXPECT_EQ(NormalizeDate("November 4, 2026 3:05 p.m."), "2026-11-04T15:05:00");
  EXPECT_EQ(NormalizeDate("4 November 2026"), "2026-11-04");
  EXPECT_EQ(NormalizeDate("04.11.2026"), "2026-11-04");
}

TEST(NormalizeDateTest, RejectsNonsenseAndOutOfRange) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("yesterday-ish"), "");
  EXPECT_EQ(NormalizeDate("1985-01-01"), "");
  EXPECT_EQ(NormalizeDate("2026-02-30"), "");
  EXPECT_EQ(NormalizeDate("Foo 12, 2026"), "");
}

}  // namespace wirebrief::extract
