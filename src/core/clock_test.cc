// The clock seam: tests set it, and today, now_iso and now_seconds agree.
#include "core/clock.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(Clock, ATestCanSetItAndEveryReadingAgrees) {
  clock::set_for_testing(1774915200 + 3600 * 23 + 59);  // 2026-03-31 23:00:59 UTC
  EXPECT_EQ(clock::now_seconds(), 1774915200 + 3600 * 23 + 59);
  EXPECT_EQ(clock::today(), *Date::from_ymd(2026, 3, 31));
  EXPECT_EQ(clock::now_iso(), "2026-03-31T23:00:59Z");
  clock::set_for_testing(1774915200 + 86400);  // midnight: the next day
  EXPECT_EQ(clock::today(), *Date::from_ymd(2026, 4, 1));
  clock::set_for_testing(std::nullopt);
  EXPECT_GT(clock::now_seconds(), 1774915200);  // the system clock again (after 2026-03-31)
}

TEST(Date, ReadsTheGovUkWay) {
  EXPECT_EQ(Date::from_ymd(2026, 3, 31)->text(), "31 March 2026");
  EXPECT_EQ(Date::from_ymd(2024, 2, 29)->text(), "29 February 2024");
  EXPECT_EQ(Date::from_ymd(2025, 12, 1)->month_text(), "December 2025");
}

}  // namespace
}  // namespace beacon
