#include "core/working_days.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }
const WorkingDayCalendar& cal() { return WorkingDayCalendar::england_and_wales(); }

TEST(WorkingDays, SameDayIsZero) { EXPECT_EQ(cal().working_days(D(2024, 1, 8), D(2024, 1, 8)), 0); }

TEST(WorkingDays, SpecsExamples) {
  // specs.md §4.1: an assessment starting Mon 8 Jan 2024 is in time if
  // authorised by Mon 11 Mar 2024 (45 WD); an S47 starting Thu 19 Dec 2024
  // needs its ICPC by Tue 14 Jan 2025 (15 WD).
  EXPECT_EQ(cal().working_days(D(2024, 1, 8), D(2024, 3, 11)), 45);
  EXPECT_EQ(cal().working_days(D(2024, 1, 8), D(2024, 3, 12)), 46);
  EXPECT_EQ(cal().add_working_days(D(2024, 1, 8), 45), D(2024, 3, 11));
  EXPECT_EQ(cal().working_days(D(2024, 12, 19), D(2025, 1, 14)), 15);
}

TEST(WorkingDays, SubstituteDaysAndWeekends) {
  // 2020-12-28 (Mon) is the Boxing Day substitute; Fri 25 Dec is Christmas.
  EXPECT_FALSE(cal().is_working_day(D(2020, 12, 28)));
  EXPECT_FALSE(cal().is_working_day(D(2020, 12, 26)));
  EXPECT_EQ(cal().working_days(D(2020, 12, 24), D(2020, 12, 29)), 1);
  // Friday to Monday is one working day.
  EXPECT_EQ(cal().working_days(D(2024, 1, 12), D(2024, 1, 15)), 1);
  EXPECT_EQ(cal().working_days(D(2024, 1, 15), D(2024, 1, 12)), -1);
}

TEST(WorkingDays, ShippedTableMatchesSharedSpec) {
  auto holidays = shipped_bank_holidays();
  EXPECT_EQ(holidays.size(), 132u);  // specs.md §4.2: 9 + 8×9 + 10 + 9 + 8×4
  EXPECT_EQ(holidays.front().date, D(2012, 1, 2));
  EXPECT_EQ(holidays.back().date, D(2027, 12, 28));
}

TEST(WorkingDays, UserHolidaysExtendTheTable) {
  auto dates = std::vector<Date>{D(2028, 1, 3)};
  WorkingDayCalendar extended(dates);
  EXPECT_FALSE(extended.is_working_day(D(2028, 1, 3)));
  EXPECT_TRUE(cal().is_working_day(D(2028, 1, 3)));
}

TEST(WorkingDays, CountsOutsideThePrefixTable) {
  EXPECT_EQ(cal().working_days(D(1989, 12, 29), D(1990, 1, 2)), 2);  // Mon 1 Jan 1990 not a holiday here
  EXPECT_EQ(cal().working_days(D(2100, 12, 31), D(2101, 1, 3)), 1);
}

}  // namespace
}  // namespace beacon
