#include "core/status.h"

#include <gtest/gtest.h>

namespace wirebrief::core {

TEST(StatusTest, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, ErrorNamesSourceRecordAndProblem) {
  Status s = Status::Corruption("crawl.warc.gz", "offset 4096", "bad gzip member");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.ToString(), "crawl.warc.gz: offset 4096: bad gzip member");
}

TEST(StatusTest, WithLocationFillsOnlyMissingParts) {
  Status s = Status::Corruption("", "", "truncated").WithLocation("a.warc", "offset 7");
  EXPECT_EQ(s.ToString(), "a.warc: offset 7: truncated");
  Status t = Status::Corruption("b.warc", "", "x").WithLocation("a.warc", "offset 7");
  EXPECT_EQ(t.ToString(), "b.warc: offset 7: x");
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> good(42);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 42);
  EXPECT_TRUE(good.status().ok());
  Result<int> bad(Status::NotFound("x.html", "no such file"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(), "x.html: no such file");
}

}  // namespace wirebrief::core
