#include "access/policy.h"

#include <gtest/gtest.h>

namespace beacon::access {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// ORG → EAST (locality) → EAST-CP (service) → T1 (team) → W1, W2;
// ORG → SOUTH (locality) → T2 (team) → W3.
CaseHistory history() {
  CaseHistory h;
  auto unit = [&](std::string id, std::string kind, std::string parent) {
    OrgUnit u{};
    u.id = id;
    u.name = "Unit " + id;
    u.kind = kind;
    u.parent_id = parent;
    h.org_units.push_back(u);
  };
  unit("ORG", "organisation", "");
  unit("EAST", "locality", "ORG");
  unit("EAST-CP", "service", "EAST");
  unit("T1", "team", "EAST-CP");
  unit("SOUTH", "locality", "ORG");
  unit("T2", "team", "SOUTH");
  auto worker = [&](std::string id, std::string team) {
    Worker w{};
    w.id = id;
    w.name = "Worker " + id;
    w.team_id = team;
    h.workers.push_back(w);
  };
  worker("W1", "T1");
  worker("W2", "T1");
  worker("W3", "T2");
  auto allocate = [&](std::string child, std::string worker, Date start, OptDate end) {
    Child c{};
    c.id = child;
    h.children.push_back(c);
    Allocation a{};
    a.child_id = child;
    a.worker_id = worker;
    a.start = start;
    a.end = end;
    h.allocations.push_back(a);
  };
  allocate("C1", "W1", D(2024, 6, 1), std::nullopt);     // W1 now
  allocate("C2", "W2", D(2024, 1, 1), D(2024, 5, 31));   // W2 until May 2024
  allocate("C3", "W3", D(2024, 1, 1), std::nullopt);     // South
  allocate("C4", "W1", D(2022, 1, 1), D(2022, 12, 31));  // W1 long ago
  return h;
}

struct AccessTest : ::testing::Test {
  CaseIndex index{history()};
  const OrganisationTree& org = index.organisation();
  Date from = D(2024, 4, 1), to = D(2025, 3, 31), now = D(2025, 3, 31);

  Principal as(std::vector<Role> roles, std::string scope = "") {
    return {"u", std::move(roles), std::move(scope)};
  }
  std::set<std::string> seen(const Principal& p, Date f, Date t) {
    std::set<std::string> out;
    ChildScope s = visible_children(p, index, f, t, now);
    for (const char* c : {"C1", "C2", "C3", "C4"})
      if (s.contains(c)) out.insert(c);
    return out;
  }
};

TEST_F(AccessTest, RolesRoundTripThroughTheirNames) {
  for (Role r : all_roles()) EXPECT_EQ(parse_role(role_id(r)), r);
  std::vector<std::string> unknown;
  auto roles = parse_roles("scrutiny, team-manager,nope,scrutiny", &unknown);
  EXPECT_EQ(roles_text(roles), "team-manager,scrutiny");
  EXPECT_EQ(unknown, std::vector<std::string>{"nope"});
  EXPECT_FALSE(parse_role("Administrator"));
}

TEST_F(AccessTest, SocialWorkerSeesTheirOwnFiguresAndChildrenOnly) {
  Principal p = as({Role::kSocialWorker}, "W1");
  EXPECT_TRUE(can_view_unit(p, org, "W1"));
  EXPECT_FALSE(can_view_unit(p, org, "W2"));
  EXPECT_FALSE(can_view_unit(p, org, "T1"));
  EXPECT_FALSE(can_view_unit(p, org, "ORG"));
  EXPECT_EQ(home_unit(p, org), "W1");
  EXPECT_EQ(seen(p, from, to), (std::set<std::string>{"C1"}));
  // In the period viewed: C4 was W1's in 2022.
  EXPECT_EQ(seen(p, D(2022, 1, 1), D(2022, 12, 31)), (std::set<std::string>{"C1", "C4"}));
  EXPECT_TRUE(can_view_child(p, index, "C1", from, to, now));
  EXPECT_FALSE(can_view_child(p, index, "C2", from, to, now));
  EXPECT_FALSE(can_view_child(p, index, "C3", from, to, now));
}

TEST_F(AccessTest, TeamManagerSeesTheTeamAndItsWorkers) {
  Principal p = as({Role::kTeamManager}, "T1");
  EXPECT_TRUE(can_view_unit(p, org, "T1"));
  EXPECT_TRUE(can_view_unit(p, org, "W2"));
  EXPECT_FALSE(can_view_unit(p, org, "W3"));
  EXPECT_FALSE(can_view_unit(p, org, "EAST"));
  EXPECT_FALSE(can_view_unit(p, org, "NOWHERE"));
  // C2 left the team in May 2024, inside the period; C4 long before it.
  EXPECT_EQ(seen(p, from, to), (std::set<std::string>{"C1", "C2"}));
  EXPECT_EQ(seen(p, D(2024, 7, 1), to), (std::set<std::string>{"C1"}));
}

TEST_F(AccessTest, HeadOfServiceAndAssistantDirectorSeeTheirArea) {
  Principal hos = as({Role::kHeadOfService}, "EAST-CP");
  EXPECT_TRUE(can_view_unit(hos, org, "T1"));
  EXPECT_TRUE(can_view_unit(hos, org, "W1"));
  EXPECT_FALSE(can_view_unit(hos, org, "EAST"));
  EXPECT_FALSE(can_view_unit(hos, org, "T2"));
  Principal ad = as({Role::kAssistantDirector}, "SOUTH");
  EXPECT_TRUE(can_view_unit(ad, org, "W3"));
  EXPECT_FALSE(can_view_unit(ad, org, "W1"));
  EXPECT_EQ(seen(ad, from, to), (std::set<std::string>{"C3"}));
}

TEST_F(AccessTest, WholeOrganisationRoles) {
  for (Role r : {Role::kExecutive, Role::kPerformanceAnalyst, Role::kPracticeHub}) {
    Principal p = as({r}, "T2");  // the scope does not narrow them
    EXPECT_TRUE(can_view_unit(p, org, "ORG")) << role_id(r);
    EXPECT_TRUE(can_view_unit(p, org, "W1")) << role_id(r);
    EXPECT_TRUE(visible_children(p, index, from, to, now).is_everyone()) << role_id(r);
    EXPECT_EQ(suppress_below(p), 0);
  }
  EXPECT_TRUE(can_load_data(as({Role::kPerformanceAnalyst})));
  EXPECT_TRUE(can_edit_targets(as({Role::kPerformanceAnalyst})));
  EXPECT_FALSE(can_load_data(as({Role::kExecutive})));
  EXPECT_TRUE(can_record_qa(as({Role::kPracticeHub})));
  EXPECT_FALSE(can_record_qa(as({Role::kExecutive})));
  EXPECT_TRUE(can_read_qa(as({Role::kPracticeHub})));
}

TEST_F(AccessTest, ScrutinySeesAggregatesOnlyWithSmallCountsSuppressed) {
  Principal p = as({Role::kScrutiny});
  EXPECT_TRUE(can_view_aggregates(p));
  EXPECT_TRUE(can_view_unit(p, org, "T1"));
  EXPECT_FALSE(can_view_child_level(p));
  EXPECT_FALSE(can_view_child(p, index, "C1", from, to, now));
  EXPECT_EQ(visible_children(p, index, from, to, now).size(), 0u);
  EXPECT_EQ(suppress_below(p), 5);
  EXPECT_TRUE(suppressed(p, 4));
  EXPECT_TRUE(suppressed(p, 1));
  EXPECT_FALSE(suppressed(p, 0));
  EXPECT_FALSE(suppressed(p, 5));
  // Another role that shows figures lifts the suppression.
  EXPECT_EQ(suppress_below(as({Role::kScrutiny, Role::kExecutive})), 0);
}

TEST_F(AccessTest, AdministratorAloneSeesNoData) {
  Principal p = as({Role::kAdministrator});
  EXPECT_FALSE(can_view_aggregates(p));
  EXPECT_FALSE(can_view_child_level(p));
  EXPECT_FALSE(can_view_unit(p, org, "ORG"));
  EXPECT_TRUE(can_manage_users(p));
  EXPECT_TRUE(can_view_audit(p));
  Principal both = as({Role::kAdministrator, Role::kPerformanceAnalyst});
  EXPECT_TRUE(can_view_child(both, index, "C3", from, to, now));
  EXPECT_FALSE(can_manage_users(as({Role::kExecutive})));
  EXPECT_FALSE(can_view_aggregates(as({})));
}

TEST_F(AccessTest, ScopeMustSuitTheRole) {
  EXPECT_EQ(scope_problem({Role::kSocialWorker}, "W1", org), "");
  EXPECT_NE(scope_problem({Role::kSocialWorker}, "T1", org), "");
  EXPECT_EQ(scope_problem({Role::kTeamManager}, "T1", org), "");
  EXPECT_NE(scope_problem({Role::kTeamManager}, "EAST", org), "");
  EXPECT_EQ(scope_problem({Role::kHeadOfService}, "EAST-CP", org), "");
  EXPECT_EQ(scope_problem({Role::kAssistantDirector}, "SOUTH", org), "");
  EXPECT_NE(scope_problem({Role::kHeadOfService}, "", org), "");
  EXPECT_NE(scope_problem({Role::kSocialWorker, Role::kTeamManager}, "W1", org), "");
  EXPECT_EQ(scope_problem({Role::kExecutive}, "", org), "");
}

}  // namespace
}  // namespace beacon::access
