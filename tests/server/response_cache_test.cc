#include "server/detail/response_cache.h"

#include <gtest/gtest.h>

namespace wirebrief::server::detail {
namespace {

TEST(ResponseCacheTest, ServesWhatWasPutInTheSameEpoch) {
  ResponseCache cache(1 << 20);
  const uint64_t epoch = cache.epoch();
  EXPECT_EQ(cache.Find("/v1/stories", epoch), nullptr);
  cache.Put("/v1/stories", epoch, "{\"stories\":[]}", "application/json");
  auto hit = cache.Find("/v1/stories", epoch);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "{\"stories\":[]}");
  EXPECT_EQ(hit->content_type, "application/json");
  EXPECT_EQ(cache.Find("/v1/stories?limit=5", epoch), nullptr);
}

TEST(ResponseCacheTest, InvalidateDropsEverythingAndRefusesLatePuts) {
  ResponseCache cache(1 << 20);
  const uint64_t old_epoch = cache.epoch();
  cache.Put("a", old_epoch, "old", "text/plain");
  cache.Invalidate();
  const uint64_t epoch = cache.epoch();
  EXPECT_NE(epoch, old_epoch);
  EXPECT_EQ(cache.Find("a", epoch), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
  // A response rendered from the old data arrives after the change: it must not be kept.
  cache.Put("a", old_epoch, "old", "text/plain");
  EXPECT_EQ(cache.Find("a", epoch), nullptr);
  EXPECT_EQ(cache.Find("a", old_epoch), nullptr);
}

TEST(ResponseCacheTest, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  ResponseCache cache(4000);
  const uint64_t e = cache.epoch();
  const std::string body(500, 'x');
  cache.Put("first", e, body, "t");
  cache.Put("second", e, body, "t");
  ASSERT_NE(cache.Find("first", e), nullptr);  // now "second" is the least recently used
  for (int i = 0; i < 10; ++i) cache.Put("k" + std::to_string(i), e, body, "t");
  EXPECT_LE(cache.bytes(), 4000u);
  EXPECT_EQ(cache.Find("second", e), nullptr);
  EXPECT_NE(cache.Find("k9", e), nullptr);
}

TEST(ResponseCacheTest, RefusesEntriesLargerThanAQuarterAndWorksOffWhenZero) {
  ResponseCache cache(4000);
  cache.Put("big", cache.epoch(), std::string(1500, 'x'), "t");
  EXPECT_EQ(cache.Find("big", cache.epoch()), nullptr);
  ResponseCache off(0);
  off.Put("a", off.epoch(), "x", "t");
  EXPECT_EQ(off.Find("a", off.epoch()), nullptr);
}

TEST(ResponseCacheTest, ReplacingAKeyKeepsTheByteCountRight) {
  ResponseCache cache(1 << 20);
  const uint64_t e = cache.epoch();
  cache.Put("a", e, std::string(100, 'x'), "t");
  const size_t one = cache.bytes();
  cache.Put("a", e, std::string(100, 'y'), "t");
  EXPECT_EQ(cache.bytes(), one);
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.Find("a", e)->body, std::string(100, 'y'));
}

}  // namespace
}  // namespace wirebrief::server::detail
