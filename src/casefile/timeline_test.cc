#include "casefile/timeline.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

CaseHistory history() {
  CaseHistory h;
  Child c;
  c.id = "C1";
  c.forename = "Ada";
  c.surname = "Example";
  c.sex = "F";
  c.birth_date = D(2015, 6, 1);
  c.ethnicity = "WBRI";
  c.disabilities = {"NONE"};
  h.children.push_back(c);
  Child other;
  other.id = "C2";
  h.children.push_back(other);

  OrgUnit org{};
  org.id = "ORG";
  org.name = "Trust";
  org.kind = "organisation";
  OrgUnit team{};
  team.id = "T1";
  team.name = "Assessment team 1";
  team.kind = "team";
  team.parent_id = "ORG";
  h.org_units = {org, team};
  Worker w{};
  w.id = "W1";
  w.name = "Sam Worker";
  w.team_id = "T1";
  h.workers.push_back(w);

  CinEpisode r{};
  r.child_id = "C1";
  r.referral_date = D(2024, 1, 8);
  r.primary_need = "N1";
  h.cin_episodes.push_back(r);
  CinEpisode r2 = r;
  r2.child_id = "C2";
  h.cin_episodes.push_back(r2);

  Assessment a{};
  a.episode = {"C1", D(2024, 1, 8), 1};
  a.start = D(2024, 1, 8);
  a.authorised = D(2024, 1, 15);  // 5 working days
  a.worker_id = "W1";
  h.assessments.push_back(a);

  CpPlan p{};
  p.child_id = "C1";
  p.start = D(2024, 2, 1);
  p.initial_category = "NEG";
  h.cp_plans.push_back(p);

  Visit v{};
  v.kind = "cp";
  v.visit_id = "V1";
  v.child_id = "C1";
  v.date.date = D(2024, 2, 1);
  v.status = "draft";
  h.visits.push_back(v);

  Allocation al{};
  al.child_id = "C1";
  al.worker_id = "W1";
  al.start = D(2024, 1, 8);
  al.team_id = "T1";
  al.role = "social_worker";
  h.allocations.push_back(al);
  return h;
}

TEST(ChildSummaryTest, ListsTheChildsEventsNewestFirstInJourneyOrder) {
  CaseIndex index(history());
  auto s = child_summary(index, "C1", D(2024, 3, 31));
  ASSERT_TRUE(s) << s.status().message();
  EXPECT_EQ(s->name, "Ada Example");
  EXPECT_EQ(s->sex, "Female");
  EXPECT_EQ(s->age, 8);
  EXPECT_TRUE(s->disabilities.empty());
  EXPECT_EQ(s->allocated_worker, "Sam Worker");
  EXPECT_EQ(s->team, "Assessment team 1");
  EXPECT_EQ(s->open_involvements, (std::vector<std::string>{"Referral open", "CP plan"}));

  std::vector<std::string> titles;
  for (const auto& e : s->events) titles.push_back(e.title);
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "CP visit", "Child protection plan started", "Assessment authorised",
                        "Allocated to Sam Worker", "Assessment started", "Referral received"}));
  EXPECT_EQ(s->events[0].detail, "still in draft");
  EXPECT_EQ(s->events[1].detail, "category neglect");
  EXPECT_EQ(s->events[2].detail, "5 working days from start");
  EXPECT_EQ(s->events[2].worker_name, "Sam Worker");
}

TEST(ChildSummaryTest, OnlyThatChildsRecords) {
  CaseIndex index(history());
  auto s = child_summary(index, "C2", D(2024, 3, 31));
  ASSERT_TRUE(s);
  ASSERT_EQ(s->events.size(), 1u);
  EXPECT_EQ(s->events[0].title, "Referral received");
  EXPECT_EQ(s->sex, "Not recorded");
  EXPECT_FALSE(s->age);
}

TEST(ChildSummaryTest, UnknownChildIsNotFound) {
  CaseIndex index(history());
  auto s = child_summary(index, "nobody", D(2024, 3, 31));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

TEST(ChildSummaryTest, ClosedInvolvementsAreNotOpen) {
  CaseIndex index(history());
  auto s = child_summary(index, "C1", D(2023, 12, 31));
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->open_involvements.empty());
  EXPECT_TRUE(s->allocated_worker.empty());
}

}  // namespace
}  // namespace beacon
