#include "core/date.h"

#include <gtest/gtest.h>

namespace wirebrief::core {

TEST(DateTest, DaysRoundTripAcrossCenturies) {
  for (long d = -800000; d <= 800000; d += 997) EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
}

TEST(DateTest, WeekdayOfKnownDates) {
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(Weekday({2026, 11, 3}), 2);  // Tuesday
  EXPECT_EQ(Weekday({1969, 12, 28}), 0); // Sunday, before the epoch
}

TEST(DateTest, ParsesAndRejectsIso) {
  auto d = ParseIsoDate("2026-11-03T10:32:00+01:00");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (CivilDate{2026, 11, 3}));
  EXPECT_FALSE(ParseIsoDate("2026-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2026/11/03").has_value());
  EXPECT_TRUE(ParseIsoDate("2024-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_EQ(FormatIsoDate({2026, 1, 5}), "2026-01-05");
}

}  // namespace wirebrief::core
