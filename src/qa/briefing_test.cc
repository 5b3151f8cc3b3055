#include "qa/briefing.h"

#include <gtest/gtest.h>

#include "qa/cycle.h"

namespace beacon::qa {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Evaluation graded(int64_t id, int64_t cycle, std::string team, std::string grade,
                  std::string themes) {
  Evaluation e;
  e.id = id;
  e.cycle_id = cycle;
  e.team_id = std::move(team);
  e.status = EvaluationStatus::kSubmitted;
  for (const Pillar& p : kPillars)
    e.answers[std::string(p.id) + ".grade"] = grade == "good-with-outstanding" ? "good" : grade;
  e.answers["overall.grade"] = grade;
  if (!themes.empty()) e.answers["learning.themes"] = themes;
  return e;
}

TEST(BriefingTest, GradesByPillarLocalityTrendThemesAndActions) {
  Cycle q1, q2;
  q1.id = 1;
  q1.name = "2024-25 Q1";
  q1.start = D(2024, 4, 1);
  q2.id = 2;
  q2.name = "2024-25 Q2";
  q2.start = D(2024, 7, 1);
  std::vector<Evaluation> evals = {
      graded(1, 1, "T1", "requires-improvement", "Chronology"),
      graded(2, 1, "T2", "good", ""),
      graded(3, 2, "T1", "good", "Chronology, SMART plans"),
      graded(4, 2, "T2", "good-with-outstanding", ""),
      graded(5, 2, "T2", "inadequate", "Chronology"),
      graded(6, 2, "T2", "good", ""),
  };
  evals[5].status = EvaluationStatus::kDraft;
  evals[2].revisit = true;
  Recommendation r;
  r.cycle_id = 2;
  r.team_id = "T1";
  r.due = D(2024, 10, 1);
  Recommendation earlier;
  earlier.cycle_id = 1;
  earlier.impact = Impact::kMadeADifference;
  earlier.revisit_evaluation_id = 3;
  auto b = learning_briefing(q2, {q1, q2}, evals, {r, earlier}, D(2024, 11, 1),
                             [](const std::string& team, const std::string& kind) {
                               return kind == "locality" ? (team == "T1" ? "EAST" : "WEST") : "CIN";
                             });
  EXPECT_EQ(b.grades.evaluations, 3);
  EXPECT_EQ(b.grades.by_pillar["overall"].good_or_better(), 2);
  EXPECT_EQ(b.grades.by_pillar["voice"].n[grade_index(Grade::kGood)], 2);
  EXPECT_EQ(b.overall_by_locality["WEST"].total(), 2);
  EXPECT_EQ(b.overall_by_locality["EAST"].n[grade_index(Grade::kGood)], 1);
  ASSERT_EQ(b.previous.size(), 1u);
  EXPECT_DOUBLE_EQ(*b.previous[0].by_pillar["overall"].share_good_or_better(), 0.5);
  ASSERT_FALSE(b.themes.empty());
  EXPECT_EQ(b.themes[0].theme, "Chronology");
  EXPECT_EQ(b.themes[0].this_cycle, 2);
  EXPECT_TRUE(b.themes[0].recurring());
  EXPECT_FALSE(b.themes[1].recurring());  // SMART plans: this cycle only
  EXPECT_EQ(b.actions.made, 1);
  EXPECT_EQ(b.actions.overdue, 1);
  EXPECT_EQ(b.revisits, 1);
  EXPECT_EQ(b.revisit_impact[Impact::kMadeADifference], 1);
}

TEST(CycleTest, FinancialYearQuarters) {
  auto c = quarterly_cycle_for(D(2025, 2, 14));
  EXPECT_EQ(c.name, "2024-25 Q4");
  EXPECT_EQ(c.start, D(2025, 1, 1));
  EXPECT_EQ(c.end, D(2025, 3, 31));
  c = quarterly_cycle_for(D(2024, 4, 1));
  EXPECT_EQ(c.name, "2024-25 Q1");
  EXPECT_EQ(c.end, D(2024, 6, 30));
  EXPECT_EQ(quarterly_cycle_for(D(2099, 11, 30)).name, "2099-00 Q3");
}

}  // namespace
}  // namespace beacon::qa
