#include "qa/recommendation.h"

#include <gtest/gtest.h>

namespace beacon::qa {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Recommendation rec(std::string team, Date due) {
  Recommendation r;
  r.child_id = "C1";
  r.team_id = std::move(team);
  r.text = "Update the chronology";
  r.owner_id = "W1";
  r.made = D(2025, 1, 10);
  r.due = due;
  return r;
}

TEST(RecommendationTest, NewOnesNeedWhatWhoAndAFutureDueDate) {
  EXPECT_TRUE(check_new(rec("T1", D(2025, 2, 1))).is_ok());
  auto r = rec("T1", D(2025, 1, 1));
  EXPECT_FALSE(check_new(r).is_ok());
  r = rec("T1", D(2025, 2, 1));
  r.owner_id = "";
  EXPECT_FALSE(check_new(r).is_ok());
}

TEST(RecommendationTest, ClosingNeedsEvidence) {
  auto r = rec("T1", D(2025, 2, 1));
  EXPECT_FALSE(close(r, D(2025, 1, 20), " ").is_ok());
  auto done = close(r, D(2025, 1, 20), "Chronology updated 20/01");
  ASSERT_TRUE(done.is_ok());
  EXPECT_EQ(done->status, RecommendationStatus::kDone);
  EXPECT_FALSE(close(*done, D(2025, 1, 21), "again").is_ok());
  EXPECT_FALSE(is_overdue(*done, D(2025, 6, 1)));
}

TEST(RecommendationTest, OverdueEscalatesToTheManagerThenTheHeadOfService) {
  auto r = rec("T1", D(2025, 2, 1));
  EXPECT_EQ(escalation_level(r, D(2025, 2, 1)), 0);
  EXPECT_EQ(escalation_level(r, D(2025, 2, 2)), 1);
  EXPECT_EQ(escalation_level(r, D(2025, 3, 1)), 1);  // 28 days
  EXPECT_EQ(escalation_level(r, D(2025, 3, 2)), 2);
}

TEST(RecommendationTest, RevisitRecordsImpact) {
  auto r = rec("T1", D(2025, 2, 1));
  EXPECT_FALSE(record_impact(r, Impact::kNotChecked, "x", 7).is_ok());
  EXPECT_FALSE(record_impact(r, Impact::kPartly, "", 7).is_ok());
  auto x = record_impact(r, Impact::kMadeADifference, "Chronology used in planning", 7);
  ASSERT_TRUE(x.is_ok());
  EXPECT_EQ(x->revisit_evaluation_id, 7);
}

TEST(RecommendationTest, ReportByTeam) {
  std::vector<Recommendation> recs = {rec("T1", D(2025, 2, 1)), rec("T1", D(2025, 2, 1)),
                                      rec("T2", D(2025, 2, 1)), rec("T2", D(2025, 5, 1))};
  recs[0] = *close(recs[0], D(2025, 1, 30), "done");  // on time
  recs[2] = *close(recs[2], D(2025, 2, 10), "done");  // late
  auto r = recommendation_report(recs, D(2025, 3, 1));
  EXPECT_EQ(r[""].made, 4);
  EXPECT_EQ(r[""].done, 2);
  EXPECT_EQ(r[""].done_on_time, 1);
  EXPECT_EQ(r[""].overdue, 1);
  EXPECT_EQ(r["T1"].overdue, 1);
  EXPECT_EQ(r["T2"].open, 1);
  EXPECT_EQ(r["T2"].overdue, 0);
}

}  // namespace
}  // namespace beacon::qa
