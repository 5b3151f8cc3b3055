#include <gtest/gtest.h>

#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

CpPlan plan(std::string child, Date start, std::optional<Date> end = std::nullopt) {
  CpPlan p;
  p.child_id = std::move(child);
  p.start = start;
  p.end = end;
  return p;
}

TEST(RepeatPlans, TwoYearsAndTwoYearsPlusADay) {
  CaseHistory h;
  // A: previous plan ended exactly 2 years before: a repeat.
  h.cp_plans.push_back(plan("A", D(2021, 1, 1), D(2022, 6, 1)));
  h.cp_plans.push_back(plan("A", D(2024, 6, 1)));
  // B: ended 2 years and 1 day before: not a repeat within 2 years, but "ever".
  h.cp_plans.push_back(plan("B", D(2021, 1, 1), D(2022, 5, 31)));
  h.cp_plans.push_back(plan("B", D(2024, 6, 1)));
  // C: previous ended on this plan's start day: a repeat.
  h.cp_plans.push_back(plan("C", D(2023, 1, 1), D(2024, 7, 1)));
  h.cp_plans.push_back(plan("C", D(2024, 7, 1)));
  // D: first plan, but the census says 1 previous plan: "ever" only.
  auto d = plan("D", D(2024, 8, 1));
  d.previous_plans = 1;
  h.cp_plans.push_back(d);
  const Period year = Period::from_range(D(2024, 4, 1), D(2025, 3, 31));
  auto within = run(h, "KPI6", year);
  EXPECT_EQ(within.denominator, 4);
  EXPECT_EQ(within.numerator, 2);  // A and C
  auto ever = run(h, "KPI6E", year);
  EXPECT_EQ(ever.denominator, 4);
  EXPECT_EQ(ever.numerator, 4);
}

TEST(ShortPlans, EndingOnTheThreeMonthDayCounts) {
  CaseHistory h;
  h.cp_plans.push_back(plan("A", D(2024, 1, 31), D(2024, 4, 30)));  // 31 Jan + 3 months = 30 Apr
  h.cp_plans.push_back(plan("B", D(2024, 1, 31), D(2024, 5, 1)));
  h.cp_plans.push_back(plan("C", D(2024, 6, 1), D(2024, 6, 1)));  // ends on its start day
  auto a = run(h, "KPI13", Period::from_range(D(2024, 4, 1), D(2025, 3, 31)));
  EXPECT_EQ(a.denominator, 3);
  EXPECT_EQ(a.numerator, 2);
}

Section47 s47(std::string child, Date start, std::optional<Date> icpc) {
  Section47 s;
  s.episode.child_id = std::move(child);
  s.start = start;
  s.icpc_date = icpc;
  return s;
}

TEST(Icpc, FifteenWorkingDaysAcrossChristmas) {
  CaseHistory h;
  h.section47s.push_back(s47("A", D(2024, 12, 19), D(2025, 1, 14)));  // 15 WD: on time
  h.section47s.push_back(s47("B", D(2024, 12, 19), D(2025, 1, 15)));  // 16 WD: late
  h.section47s.push_back(s47("C", D(2025, 1, 10), D(2025, 1, 9)));    // ICPC before S47: excluded
  h.section47s.push_back(s47("D", D(2025, 1, 10), std::nullopt));     // no ICPC: excluded
  h.section47s.push_back(s47("E", D(2025, 1, 10), D(2025, 1, 10)));   // same day: 0 WD
  auto a = run(h, "KPI5", Period::from_range(D(2024, 4, 1), D(2025, 3, 31)));
  EXPECT_EQ(a.denominator, 3);
  EXPECT_EQ(a.numerator, 2);
}

TEST(Assessments, FortyFiveWorkingDaysAndOpenOnesLeftOut) {
  CaseHistory h;
  auto assessment = [&](std::string child, Date start, std::optional<Date> authorised) {
    Assessment a;
    a.episode.child_id = std::move(child);
    a.start = start;
    a.authorised = authorised;
    h.assessments.push_back(a);
  };
  assessment("A", D(2024, 1, 8), D(2024, 3, 11));  // 45 WD
  assessment("B", D(2024, 1, 8), D(2024, 3, 12));  // 46 WD
  assessment("C", D(2024, 1, 8), std::nullopt);    // still open
  assessment("D", D(2024, 5, 10), D(2024, 5, 9));  // authorised before it started: WD = 0
  const Period year = Period::from_range(D(2024, 1, 1), D(2024, 12, 31));
  auto a = run(h, "KPI3", year);
  EXPECT_EQ(a.denominator, 3);
  EXPECT_EQ(a.numerator, 2);
  // The drill-through shows D's 0 working days (the spec's count), not -1, and says why.
  IndicatorEngine engine(std::make_shared<CaseIndex>(CaseHistory(h)));
  for (const DrillRow& row : engine.drill(*find_indicator("KPI3"), year, ""))
    if (row.child_id == "D") {
      EXPECT_EQ(row.measure, 0);
      EXPECT_NE(row.reason.find("before its recorded start"), std::string::npos);
    }
}

TEST(CinOpenTwoYears, SnapshotAtTheDate) {
  CaseHistory h;
  auto episode = [&](std::string child, Date referral, std::optional<Date> closed) {
    CinEpisode e;
    e.child_id = std::move(child);
    e.referral_date = referral;
    e.closure_date = closed;
    h.cin_episodes.push_back(e);
  };
  episode("A", D(2022, 3, 30), std::nullopt);  // before 31 Mar 2022: more than 2 years
  episode("B", D(2022, 3, 31), std::nullopt);  // exactly 2 years: not more
  episode("C", D(2020, 1, 1), D(2024, 3, 31)); // closed on the date: not open
  episode("D", D(2024, 4, 1), std::nullopt);   // referred after the date
  auto a = run(h, "KPI4", year_to(D(2024, 3, 31)));
  EXPECT_EQ(a.denominator, 2);
  EXPECT_EQ(a.numerator, 1);
}

}  // namespace
}  // namespace beacon
