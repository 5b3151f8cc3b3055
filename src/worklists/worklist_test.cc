// The worklist's order and status agree with what each row says: everything
// past its due date first, the earliest due (the most overdue) first,
// whether it counts working days (assessments) or calendar days (a visit
// left in draft).
#include "worklists/worklist.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

CaseHistory history() {
  CaseHistory h;
  OrgUnit org{};
  org.id = "ORG";
  org.name = "Example Trust";
  org.kind = "organisation";
  h.org_units.push_back(org);
  OrgUnit team{};
  team.id = "T1";
  team.name = "Team 1";
  team.kind = "team";
  team.parent_id = "ORG";
  h.org_units.push_back(team);
  Worker w{};
  w.id = "W1";
  w.name = "Alex Able";
  w.team_id = "T1";
  w.role = "social_worker";
  h.workers.push_back(w);
  auto child = [&](const char* id, Date referral) {
    Child c{};
    c.id = id;
    c.forename = id;
    h.children.push_back(c);
    CinEpisode e{};
    e.child_id = id;
    e.referral_date = referral;
    h.cin_episodes.push_back(e);
    Allocation a{};
    a.child_id = id;
    a.worker_id = "W1";
    a.team_id = "T1";
    a.start = referral;
    a.role = "social_worker";
    h.allocations.push_back(a);
  };
  // A: an assessment one working day past its 45 (due Mon 30 March 2026).
  child("A", D(2026, 1, 1));
  Assessment as{};
  as.episode = {"A", D(2026, 1, 1), 1};
  as.start = D(2026, 1, 26);
  h.assessments.push_back(as);
  // B: a visit recorded on 18 January 2026 and still in draft: 72 days past its 48 hours.
  child("B", D(2025, 11, 3));
  Visit v{};
  v.kind = "cin";
  v.visit_id = "V1";
  v.child_id = "B";
  v.date = {D(2026, 1, 18), 0, false};
  v.status = "draft";
  v.recorded_at = DateTime{D(2026, 1, 18), 36000, true};
  h.visits.push_back(v);
  // C: an assessment started on 9 March 2026: due soon, not overdue.
  child("C", D(2026, 3, 2));
  Assessment soon{};
  soon.episode = {"C", D(2026, 3, 2), 1};
  soon.start = D(2026, 3, 9);
  h.assessments.push_back(soon);
  return h;
}

TEST(Worklist, PastDueFirstMostOverdueFirstWhateverTheUnit) {
  CaseIndex index(history());
  Parameters params;
  WorklistOptions o;
  o.as_at = D(2026, 3, 31);
  o.horizon_days = 60;
  auto items = build_worklist(index, params, o);
  ASSERT_TRUE(items) << items.status().message();
  std::vector<std::string> order;
  for (const auto& i : *items) order.push_back(i.child_id + ":" + i.kind);
  ASSERT_GE(items->size(), 3u);
  // The draft visit (due 20 January) is the most overdue, then the
  // assessment due 30 March, then what is not yet due.
  EXPECT_EQ((*items)[0].kind, "draft-visit") << ::testing::PrintToString(order);
  EXPECT_TRUE((*items)[0].past_due());
  EXPECT_FALSE((*items)[0].working_days);
  EXPECT_EQ((*items)[0].days_left, -70);
  EXPECT_EQ((*items)[1].child_id, "A");
  EXPECT_TRUE((*items)[1].past_due());
  EXPECT_TRUE((*items)[1].working_days);
  EXPECT_EQ((*items)[1].days_left, -1);
  for (size_t i = 2; i < items->size(); ++i) EXPECT_FALSE((*items)[i].past_due()) << order[i];
}

}  // namespace
}  // namespace beacon
