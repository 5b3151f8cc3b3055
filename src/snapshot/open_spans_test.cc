#include "snapshot/open_spans.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

TEST(OpenSpans, OpenFromTheStartDayUntilTheDayBeforeTheEnd) {
  OpenSpans spans;
  spans.add(D(2024, 3, 1), D(2024, 3, 10), 0);
  spans.add(D(2024, 1, 1), std::nullopt, 1);      // still open
  spans.add(D(2024, 3, 10), D(2024, 3, 10), 2);   // ends the day it starts: never open
  spans.add(D(2024, 2, 29), D(2024, 3, 1), 3);
  spans.finish();
  EXPECT_EQ(spans.open_at(D(2023, 12, 31)), std::vector<uint32_t>{});
  EXPECT_EQ(spans.open_at(D(2024, 2, 29)), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(spans.open_at(D(2024, 3, 1)), (std::vector<uint32_t>{0, 1}));  // 3 ended that day
  EXPECT_EQ(spans.open_at(D(2024, 3, 9)), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(spans.open_at(D(2024, 3, 10)), std::vector<uint32_t>{1});
  EXPECT_EQ(spans.open_at(D(2199, 12, 31)), std::vector<uint32_t>{1});
}

TEST(OpenSpans, RecordsComeBackInTheTablesOrderWhateverTheirStarts) {
  OpenSpans spans;
  for (uint32_t r = 0; r < 50; ++r) spans.add(D(2024, 1, 1).add_days(49 - static_cast<int>(r)), std::nullopt, r);
  spans.finish();
  auto open = spans.open_at(D(2024, 6, 1));
  ASSERT_EQ(open.size(), 50u);
  EXPECT_TRUE(std::is_sorted(open.begin(), open.end()));
}

}  // namespace
}  // namespace beacon
