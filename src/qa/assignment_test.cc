#include "qa/assignment.h"

#include <gtest/gtest.h>

namespace beacon::qa {
namespace {

// Team T1 managed by M1; worker W1's line manager is the senior practitioner S1.
LineManagement management() {
  LineManagement lm;
  lm.team_manager = {{"T1", "M1"}, {"T2", "M2"}};
  lm.line_manager = {{"W1", "S1"}, {"W2", "M1"}, {"W3", "M2"}};
  lm.team_of = {{"W1", "T1"}, {"W2", "T1"}, {"W3", "T2"}};
  return lm;
}

SampledChild child(std::string id, std::string worker, std::string team) {
  SampledChild s;
  s.child.child_id = std::move(id);
  s.child.practitioner_id = std::move(worker);
  s.child.team_id = std::move(team);
  return s;
}

TEST(EligibilityTest, NeverTheLineManagerNorTheTeamManagerNorThePractitioner) {
  auto lm = management();
  EXPECT_FALSE(may_evaluate(lm, "S1", "W1", "T1"));  // line manager
  EXPECT_FALSE(may_evaluate(lm, "M1", "W1", "T1"));  // team's manager
  EXPECT_FALSE(may_evaluate(lm, "W1", "W1", "T1"));  // themself
  EXPECT_TRUE(may_evaluate(lm, "M2", "W1", "T1"));
  EXPECT_TRUE(may_evaluate(lm, "S1", "W3", "T2"));
}

TEST(EligibilityTest, ChildHeldInAnotherTeamStillAvoidsThePractitionersOwnManager) {
  auto lm = management();
  // W2 (T1, managed by M1) holds a child recorded against T2.
  EXPECT_FALSE(may_evaluate(lm, "M1", "W2", "T2"));
  EXPECT_FALSE(may_evaluate(lm, "M2", "W2", "T2"));
}

TEST(AssignmentTest, NoChildGoesToTheirPractitionersManager) {
  auto lm = management();
  std::vector<SampledChild> sample = {child("C1", "W1", "T1"), child("C2", "W2", "T1"),
                                      child("C3", "W3", "T2"), child("C4", "W1", "T1")};
  auto plan = assign_evaluators(sample, {{"M1", "", 0, 0}, {"M2", "", 0, 0}, {"S1", "", 0, 0}}, lm);
  ASSERT_EQ(plan.assigned.size(), 4u);
  for (const auto& a : plan.assigned) {
    const auto& s = *std::find_if(sample.begin(), sample.end(), [&](const SampledChild& x) {
      return x.child.child_id == a.child_id;
    });
    EXPECT_TRUE(may_evaluate(lm, a.evaluator_id, s.child.practitioner_id, s.child.team_id))
        << a.child_id;
  }
}

TEST(AssignmentTest, BalancesLoadAcrossEligibleEvaluators) {
  LineManagement lm;
  std::vector<SampledChild> sample;
  for (int i = 0; i < 9; ++i) sample.push_back(child("C" + std::to_string(i), "W9", "T9"));
  auto plan = assign_evaluators(sample, {{"A", "", 0, 0}, {"B", "", 0, 2}, {"C", "", 0, 0}}, lm);
  EXPECT_EQ(plan.assigned.size(), 9u);
  // B already had 2: the 9 new ones even the loads out (11 = 4 + 4 + 3; ties to the lower id).
  EXPECT_EQ(plan.load["A"], 4);
  EXPECT_EQ(plan.load["B"], 4);
  EXPECT_EQ(plan.load["C"], 3);
}

TEST(AssignmentTest, CapacityAndIneligibilityLeaveChildrenUnassignedWithAReason) {
  auto lm = management();
  std::vector<SampledChild> sample = {child("C1", "W1", "T1"), child("C2", "W1", "T1"),
                                      child("C3", "W3", "T2")};
  // Only M1 and S1, who both manage W1; S1 has room for one.
  auto plan = assign_evaluators(sample, {{"M1", "", 0, 0}, {"S1", "", 1, 0}}, lm);
  ASSERT_EQ(plan.assigned.size(), 1u);
  EXPECT_EQ(plan.assigned[0].child_id, "C3");
  ASSERT_EQ(plan.unassigned.size(), 2u);
  EXPECT_EQ(plan.unassigned[0].first, "C1");
  EXPECT_NE(plan.unassigned[0].second.find("own managers"), std::string::npos);
  auto full =
      assign_evaluators({child("C3", "W3", "T2"), child("C5", "W3", "T2")}, {{"S1", "", 1, 0}}, lm);
  ASSERT_EQ(full.unassigned.size(), 1u);
  EXPECT_NE(full.unassigned[0].second.find("capacity"), std::string::npos);
}

}  // namespace
}  // namespace beacon::qa
