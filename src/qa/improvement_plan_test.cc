#include "qa/improvement_plan.h"

#include <gtest/gtest.h>

namespace beacon::qa {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

PlanAction action() {
  PlanAction a;
  a.number = "2.4";
  a.title = "Every child seen alone at each visit";
  a.start = D(2025, 1, 1);
  a.due = D(2025, 6, 30);
  return a;
}

TEST(ImprovementPlanTest, NumbersAreAPriorityAndAnAction) {
  EXPECT_TRUE(check_action(action()).is_ok());
  EXPECT_EQ(priority_of("2.4"), "2");
  auto a = action();
  a.number = "2";
  EXPECT_FALSE(check_action(a).is_ok());
  a.number = "x.1";
  EXPECT_FALSE(check_action(a).is_ok());
  a = action();
  a.due = D(2024, 12, 1);
  EXPECT_FALSE(check_action(a).is_ok());
}

TEST(ImprovementPlanTest, MonthlyUpdatesReplaceTheSameMonthAndSetTheRag) {
  auto a = action();
  EXPECT_EQ(current_rag(a, D(2025, 2, 1)), "amber");  // nothing reported yet
  a = *add_progress(a, {{2025, 2}, "green", "Visits audited", "", "Lead"});
  a = *add_progress(a, {{2025, 1}, "amber", "Started", "", "Lead"});
  a = *add_progress(a, {{2025, 2}, "red", "Audit found gaps", "audit.pdf", "Lead"});
  ASSERT_EQ(a.updates.size(), 2u);
  EXPECT_EQ(a.updates[0].month, (YearMonth{2025, 1}));
  EXPECT_EQ(current_rag(a, D(2025, 1, 31)), "amber");
  EXPECT_EQ(current_rag(a, D(2025, 3, 15)), "red");
  EXPECT_FALSE(add_progress(a, {{2025, 3}, "purple", "x", "", ""}).is_ok());
  EXPECT_FALSE(add_progress(a, {{2025, 3}, "green", " ", "", ""}).is_ok());
}

TEST(ImprovementPlanTest, PastDueIsRedUnlessComplete) {
  auto a = *add_progress(action(), {{2025, 6}, "green", "On track", "", ""});
  EXPECT_EQ(current_rag(a, D(2025, 7, 1)), "red");
  a.completed = D(2025, 6, 20);
  EXPECT_EQ(current_rag(a, D(2025, 7, 1)), "complete");
}

TEST(ImprovementPlanTest, MissedMonthlyReview) {
  auto a = action();
  EXPECT_FALSE(update_missing(a, D(2025, 1, 20)));  // started this month
  EXPECT_TRUE(update_missing(a, D(2025, 2, 20)));
  a = *add_progress(a, {{2025, 1}, "green", "Started", "", ""});
  EXPECT_FALSE(update_missing(a, D(2025, 2, 20)));
  EXPECT_TRUE(update_missing(a, D(2025, 3, 20)));
}

TEST(ImprovementPlanTest, APlanNeedsANameAKindAndPrioritiesWithSponsors) {
  ImprovementPlan p;
  p.name = "Development plan 2025-26";
  p.priorities = {{"1", "Children's voices heard", "Director of children's services"}};
  EXPECT_TRUE(check_plan(p).is_ok());
  auto broken = p;
  broken.name = " ";
  EXPECT_EQ(check_plan(broken).message().substr(0, 5), "name:");
  broken = p;
  broken.kind = "wish-list";
  EXPECT_EQ(check_plan(broken).message().substr(0, 5), "kind:");
  broken = p;
  broken.priorities[0].sponsor = "";
  EXPECT_EQ(check_plan(broken).message(), "priorities: priority 1 has no sponsor");
  broken.priorities.clear();
  EXPECT_FALSE(check_plan(broken).is_ok());
}

TEST(ImprovementPlanTest, ANewActionSitsInAPriorityWithAFreeNumberALeadAndKnownIndicators) {
  ImprovementPlan plan;
  plan.id = 7;
  plan.priorities = {{"1", "Voice", "DCS"}, {"2", "Visits", "AD"}};
  PlanAction existing = action();
  existing.plan_id = 7;
  auto known = [](const std::string& id) { return id == "KPI3"; };
  PlanAction a = action();
  a.plan_id = 7;
  a.number = "2.5";
  a.leads = "Head of service, East";
  a.indicator_ids = {"KPI3"};
  EXPECT_TRUE(check_new_action(plan, {existing}, a, known).is_ok());
  EXPECT_EQ(next_action_number({existing}, "2"), "2.5");
  EXPECT_EQ(next_action_number({existing}, "1"), "1.1");
  auto taken = a;
  taken.number = "2.4";
  EXPECT_EQ(check_new_action(plan, {existing}, taken, known).message(),
            "number: the plan already has an action 2.4");
  auto nowhere = a;
  nowhere.number = "3.1";
  EXPECT_EQ(check_new_action(plan, {existing}, nowhere, known).message(),
            "number: the plan has no priority 3");
  auto unled = a;
  unled.leads = " ";
  EXPECT_EQ(check_new_action(plan, {existing}, unled, known).message().substr(0, 6), "leads:");
  auto unknown = a;
  unknown.indicator_ids = {"KPI99"};
  EXPECT_EQ(check_new_action(plan, {existing}, unknown, known).message(),
            "indicators: there is no indicator KPI99");
}

}  // namespace
}  // namespace beacon::qa
