#include <gtest/gtest.h>

#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

// KPI7: carer spells through legal-status changes and temporary placements.
TEST(LongTermStability, LegalStatusChangeAndTemporaryPlacementKeepTheSpell) {
  CaseHistory h;
  h.children.push_back(child("A", D(2012, 5, 1)));
  h.la_episodes.push_back(episode("A", D(2020, 1, 10), "S", "C1", "U4", D(2021, 6, 1), "X1"));
  // Legal status only: same carer.
  h.la_episodes.push_back(episode("A", D(2021, 6, 1), "L", "C2", "U4", D(2022, 7, 1), "X1"));
  // A week in hospital, then back to the same placement (RNE P but a return).
  h.la_episodes.push_back(episode("A", D(2022, 7, 1), "P", "C2", "T1", D(2022, 7, 8), "X1"));
  h.la_episodes.push_back(episode("A", D(2022, 7, 8), "P", "C2", "U4"));
  auto a = run(h, "KPI7", year_to(D(2024, 3, 31)));
  EXPECT_EQ(a.denominator, 1);
  EXPECT_EQ(a.numerator, 1);
}

TEST(LongTermStability, NewCarerStartsANewSpellAndAgeAndCareLengthFilter) {
  CaseHistory h;
  h.children.push_back(child("B", D(2010, 1, 1)));
  h.la_episodes.push_back(episode("B", D(2020, 1, 10), "S", "C2", "U6", D(2023, 1, 1), "X1"));
  h.la_episodes.push_back(episode("B", D(2023, 1, 1), "P", "C2", "U4"));  // new carer
  // Too young a period of care: started less than 30 months before.
  h.children.push_back(child("C", D(2015, 1, 1)));
  h.la_episodes.push_back(episode("C", D(2022, 1, 1), "S", "C2", "U4"));
  // 16 at the date: out.
  h.children.push_back(child("D", D(2008, 3, 31)));
  h.la_episodes.push_back(episode("D", D(2015, 1, 1), "S", "C2", "U4"));
  // Short breaks: not looked after.
  h.children.push_back(child("E", D(2012, 1, 1)));
  h.la_episodes.push_back(episode("E", D(2019, 1, 1), "S", "V3", "U4"));
  auto a = run(h, "KPI7", year_to(D(2024, 3, 31)));
  EXPECT_EQ(a.denominator, 1);  // B only (C too recent, D aged 16, E short breaks)
  EXPECT_EQ(a.numerator, 0);    // B's carer spell began 2023-01-01
}

TEST(LongTermStability, PlacedForAdoptionCountsThePreviousSpell) {
  CaseHistory h;
  h.children.push_back(child("F", D(2018, 1, 1)));
  h.la_episodes.push_back(episode("F", D(2020, 1, 1), "S", "C2", "U6", D(2021, 1, 1), "X1"));
  h.la_episodes.push_back(episode("F", D(2021, 1, 1), "L", "E1", "U6", D(2023, 12, 1), "X1"));
  h.la_episodes.push_back(episode("F", D(2023, 12, 1), "P", "E1", "A6"));
  auto a = run(h, "KPI7", year_to(D(2024, 3, 31)));
  EXPECT_EQ(a.denominator, 1);
  EXPECT_EQ(a.numerator, 1);  // previous spell began 2020-01-01 ≤ 2022-03-31
}

// KPI8: reviews numbered within the period of care.
TEST(LaReviews, NumberedWithinThePeriodOfCare) {
  CaseHistory h;
  h.children.push_back(child("A", D(2012, 1, 1)));
  h.la_episodes.push_back(episode("A", D(2024, 1, 8), "S", "C2", "U4"));
  auto review = [&](Date d) {
    LaReview r;
    r.child_id = "A";
    r.date = d;
    h.la_reviews.push_back(r);
  };
  review(D(2024, 2, 5));   // 20 WD after Mon 8 Jan 2024 is Mon 5 Feb: on time
  review(D(2024, 5, 6));   // first + 3 months = 5 May: late
  review(D(2024, 11, 6));  // previous + 6 months = 6 Nov: on time
  review(D(2023, 12, 1));  // before the period: not counted
  const Period year = Period::from_range(D(2024, 1, 1), D(2024, 12, 31));
  auto a = run(h, "KPI8", year);
  EXPECT_EQ(a.denominator, 3);
  EXPECT_EQ(a.numerator, 2);
  // The review before the period of care is reported, as the spec asks.
  auto notes_of = [](const CaseHistory& history, const Period& p) {
    IndicatorEngine engine(std::make_shared<CaseIndex>(CaseHistory(history)));
    return engine.figure(*find_indicator("KPI8"), p, "", 1).notes;
  };
  auto notes = notes_of(h, year);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("outside any period of care"), std::string::npos);
  h.la_reviews.pop_back();
  EXPECT_TRUE(notes_of(h, year).empty());
}

TEST(PeriodsOfCare, ShortBreaksOnlyPeriodsAreIgnoredAndPeriodsSplitOnRec) {
  CaseHistory h;
  h.children.push_back(child("A", D(2012, 1, 1)));
  h.la_episodes.push_back(episode("A", D(2020, 1, 1), "S", "V3", "U4", D(2020, 1, 5), "E8"));
  h.la_episodes.push_back(episode("A", D(2021, 1, 1), "S", "C2", "U4", D(2022, 1, 1), "E4A"));
  h.la_episodes.push_back(episode("A", D(2023, 1, 1), "S", "C2", "U4"));
  CaseIndex index{CaseHistory(h)};
  auto periods = index.periods_of_care("A");
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_TRUE(periods[0].short_breaks_only());
  EXPECT_EQ(periods[1].end(), D(2022, 1, 1));
  EXPECT_FALSE(periods[2].end());
}

}  // namespace
}  // namespace beacon
