#include "core/date.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

TEST(Date, RefusesImpossibleDates) {
  EXPECT_FALSE(Date::from_ymd(2024, 2, 30));
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2024, 13, 1));
}

TEST(Date, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ(D(2023, 1, 31).add_months(1), D(2023, 2, 28));
  EXPECT_EQ(D(2024, 1, 31).add_months(1), D(2024, 2, 29));
  EXPECT_EQ(D(2024, 2, 29).add_months(-12), D(2023, 2, 28));
  EXPECT_EQ(D(2024, 2, 29).add_years(1), D(2025, 2, 28));
  EXPECT_EQ(D(2024, 3, 31).add_months(-1), D(2024, 2, 29));
  EXPECT_EQ(D(2024, 10, 31).add_months(-30), D(2022, 4, 30));
}

TEST(Date, WeekdayAndFinancialYear) {
  EXPECT_EQ(D(2024, 1, 8).iso_weekday(), 1);  // Monday
  EXPECT_EQ(D(2024, 1, 7).iso_weekday(), 7);
  EXPECT_EQ(D(2024, 3, 31).financial_year(), 2023);
  EXPECT_EQ(D(2024, 4, 1).financial_year(), 2024);
}

TEST(Date, ParsesTheFormatsInputsUse) {
  EXPECT_EQ(parse_date("2024-03-31"), D(2024, 3, 31));
  EXPECT_EQ(parse_date("31/03/2024"), D(2024, 3, 31));
  EXPECT_EQ(parse_date("1/3/2024"), D(2024, 3, 1));
  EXPECT_EQ(parse_date(" 2024-03-31 14:05 "), D(2024, 3, 31));
  auto dt = parse_date_time("2024-03-31 14:05:09");
  ASSERT_TRUE(dt.value);
  EXPECT_TRUE(dt.value->has_time);
  EXPECT_EQ(dt.value->seconds, 14 * 3600 + 5 * 60 + 9);
  EXPECT_EQ(parse_date_time("2024-03-31T14:05:09.123Z").value->iso(), "2024-03-31T14:05:09");
}

TEST(Date, RefusesBadDatesWithAReason) {
  DateError e{};
  EXPECT_FALSE(parse_date("31/02/2024", &e));
  EXPECT_EQ(e, DateError::kImpossible);
  EXPECT_FALSE(parse_date("31/03/24", &e));
  EXPECT_EQ(e, DateError::kTwoDigitYear);
  EXPECT_FALSE(parse_date("", &e));
  EXPECT_EQ(e, DateError::kEmpty);
  EXPECT_FALSE(parse_date("March 2024", &e));
  EXPECT_EQ(e, DateError::kFormat);
  EXPECT_FALSE(parse_date("2024-03-31 25:00", &e));
}

TEST(YearMonth, Steps) {
  YearMonth ym{2024, 1};
  EXPECT_EQ(ym.plus(-1), (YearMonth{2023, 12}));
  EXPECT_EQ(ym.plus(13), (YearMonth{2025, 2}));
  EXPECT_EQ((YearMonth{2024, 2}).last_day(), D(2024, 2, 29));
}

}  // namespace
}  // namespace beacon
