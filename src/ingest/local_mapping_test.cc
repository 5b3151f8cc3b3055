// Each local table into the case history, and its references.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/local_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(LocalOrgUnits, MapTheStructureAndCheckParentsAndManagers) {
  auto b = read_local({{"org_units.csv",
                        "unit_id,unit_name,unit_kind,parent_unit_id,manager_worker_id\n"
                        "ORG,Synthetic Trust,Organisation,,\n"
                        "NORTH,North,locality,ORG,W1\n"
                        "T1,Team One,team,NORTH,W0\n"
                        "T2,Team Two,squad,NORTH,\n"
                        "T3,Team Three,team,NOWHERE,\n"},
                       {"workers.csv", "worker_id,name\nW1,Manager\n"}},
                      stored_basics());
  EXPECT_THAT(errors(b), ElementsAre("org_units.csv:6: parent_unit_id: unit 'NOWHERE' is neither "
                                     "in org_units in this load nor already loaded "
                                     "[ref.dangling]"));
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr("org_units.csv:5: unit_kind: 'squad' is not one "
                                                 "of organisation, locality, service, team")));
  ASSERT_EQ(b.records.org_units.size(), 4u);
  const OrgUnit& north = b.records.org_units[1];
  EXPECT_EQ(north.id, "NORTH");
  EXPECT_EQ(north.name, "North");
  EXPECT_EQ(north.kind, "locality");
  EXPECT_EQ(north.parent_id, "ORG");
  EXPECT_EQ(north.manager_id, "W1");
  EXPECT_EQ(b.records.org_units[0].kind, "organisation");
  EXPECT_EQ(b.records.org_units[3].kind, "squad");
}

TEST(LocalWorkers, MapEveryColumn) {
  auto b = read_local({{"workers.csv",
                        "worker_id,name,staff_id,job_title,role,team_id,registration_no,"
                        "employment,fte,in_post_from,in_post_to,line_manager_id\n"
                        "W1,Alex,E1,Social Worker,social_worker,U0,SW1,interim,0.6,2020-01-06,"
                        "2024-03-31,W0\n"
                        "W2,Sam,E2,Assistant,Other_Role,U0,,employed,1,,,\n"}},
                      stored_basics());
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b),
              ElementsAre(HasSubstr("workers.csv:3: role: 'other_role' is not one of")));
  const Worker& w = b.records.workers[0];
  EXPECT_EQ(w.staff_id, "E1");
  EXPECT_EQ(w.job_title, "Social Worker");
  EXPECT_EQ(w.role, "social_worker");
  EXPECT_EQ(w.team_id, "U0");
  EXPECT_EQ(w.registration_no, "SW1");
  EXPECT_EQ(w.agency, true);
  EXPECT_EQ(w.fte, 0.6);
  EXPECT_EQ(w.in_post_from->iso(), "2020-01-06");
  EXPECT_EQ(w.in_post_to->iso(), "2024-03-31");
  EXPECT_EQ(w.line_manager_id, "W0");
  EXPECT_EQ(b.records.workers[1].role, "other_role");
  EXPECT_EQ(b.records.workers[1].agency, false);
}

TEST(LocalWorkers, AReferenceToARefusedWorkerIsRefusedToo) {
  auto b = read_local({{"workers.csv", "worker_id,name,fte\nW1,Alex,9\n"},
                       {"supervisions.csv", "worker_id,supervision_date\nW1,2024-05-02\n"}});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("workers.csv:2: fte"),
                                     "supervisions.csv:2: worker_id: worker 'W1' was refused at "
                                     "workers.csv:2, so this row cannot be loaded either "
                                     "[ref.refused]"));
}

TEST(LocalAllocations, MapAndKeepTwoOnOneDayByPosition) {
  auto b = read_local({{"allocations.csv",
                        "child_id,worker_id,start_date,team_id,role,end_date\n"
                        "C1,W0,2024-01-02,U0,social_worker,2024-02-01\n"
                        "C1,W0,2024-01-02,U0,family_support,\n"
                        "C9,W9,2024-01-02,,,\n"}},
                      stored_basics());
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("allocations.csv:4: child_id: child 'C9' is not among the "
                                    "children already loaded"),
                          HasSubstr("allocations.csv:4: worker_id: worker 'W9' is neither")));
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr("allocations.csv:3: shares its natural key")));
  ASSERT_EQ(b.records.allocations.size(), 2u);
  const Allocation& a = b.records.allocations[0];
  EXPECT_EQ(a.child_id, "C1");
  EXPECT_EQ(a.worker_id, "W0");
  EXPECT_EQ(a.start.iso(), "2024-01-02");
  EXPECT_EQ(a.end->iso(), "2024-02-01");
  EXPECT_EQ(a.team_id, "U0");
  EXPECT_EQ(a.role, "social_worker");
  EXPECT_EQ(b.records.allocations[1].ordinal, 2);
}

TEST(LocalContacts, MapReceiptAndDecisionTimes) {
  auto b = read_local({{"contacts.csv",
                        "contact_id,child_id,received_at,decided_at,source,outcome,team_id,"
                        "worker_id\n"
                        "K1,C1,2024-05-01 09:00,2024-05-01 16:30:15,5a,Referral,U0,W0\n"}},
                      stored_basics());
  EXPECT_THAT(errors(b), IsEmpty());
  const Contact& c = b.records.contacts[0];
  EXPECT_EQ(c.id, "K1");
  EXPECT_EQ(c.child_id, "C1");
  EXPECT_EQ(c.received.iso(), "2024-05-01T09:00:00");
  EXPECT_EQ(c.decided->iso(), "2024-05-01T16:30:15");
  EXPECT_EQ(c.source, "5A");
  EXPECT_EQ(c.outcome, "Referral");
  EXPECT_EQ(c.team_id, "U0");
  EXPECT_EQ(c.worker_id, "W0");
}

TEST(LocalContactDecisions, CarryOnlyTheDecisionTime) {
  auto b = read_local({{"decisions.csv",
                        "contact_id,decided_at\nK0,2024-05-01 12:00\n"
                        "K1,2024-05-02 12:00\nK7,2024-05-02 12:00\n"},
                       {"contacts.csv", "contact_id,child_id,received_at\nK1,C2,2024-05-02\n"}},
                      stored_basics());
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("decisions.csv:4: contact_id: contact 'K7' is "
                                               "neither in contacts in this load nor already "
                                               "loaded")));
  ASSERT_EQ(b.records.contacts.size(), 3u);  // two decisions and one contact
  const auto* c = contribution(b, "contact_decisions");
  EXPECT_EQ(c->carried.at("contacts"), (std::set<std::string>{"id", "decided"}));
  std::vector<Contact> decisions;
  for (const auto& contact : b.records.contacts)
    if (contact.contribution == c->id) decisions.push_back(contact);
  ASSERT_EQ(decisions.size(), 2u);
  EXPECT_EQ(decisions[0].id, "K0");
  ASSERT_TRUE(decisions[0].decided);
  EXPECT_EQ(decisions[0].decided->iso(), "2024-05-01T12:00:00");
  EXPECT_EQ(decisions[1].id, "K1");
}

TEST(LocalVisitStatus, CarriesStatusForVisitsAlreadyLoaded) {
  auto b = read_local({{"visit_status.csv",
                        "visit_id,visit_type,status,recorded_at,finalised_at\n"
                        "V1,CIN,Draft,2024-05-01 10:00,\n"
                        "V1,cla,final,2024-05-01 10:00,2024-05-02 09:00\n"
                        "V1,cp,final,,\n"
                        "V2,home,final,,\n"}},
                      stored_basics());
  EXPECT_THAT(errors(b),
              ElementsAre("visit_status.csv:4: visit_id: cp visit 'V1' is not among the visits "
                          "already loaded (load the SSD extract first) [ref.dangling]",
                          "visit_status.csv:5: visit_type: 'home' is not cin, cp or cla "
                          "[value.visit-type]"));
  ASSERT_EQ(b.records.visits.size(), 2u);
  EXPECT_EQ(b.records.visits[0].kind, "cin");
  EXPECT_EQ(b.records.visits[0].status, "draft");
  EXPECT_EQ(b.records.visits[0].recorded_at->iso(), "2024-05-01T10:00:00");
  EXPECT_EQ(b.records.visits[1].finalised_at->iso(), "2024-05-02T09:00:00");
  EXPECT_EQ(contribution(b, "visit_status")->carried.at("visits"),
            (std::set<std::string>{"kind", "visit_id", "status", "recorded_at", "finalised_at"}));
}

TEST(LocalSupervisionsAndPosts, Map) {
  auto b = read_local(
      {{"supervisions.csv", "worker_id,supervision_date,supervisor_id\nW0,2024-05-02,W0\n"},
       {"established_posts.csv",
        "unit_id,from_date,fte,to_date\nU0,2024-04-01,12.5,\nU0,2023-04-01,"
        "\"1,000\",2024-03-31\nU0,2024-04-01,,\n"}},
      stored_basics());
  EXPECT_THAT(errors(b), ElementsAre("established_posts.csv:4: fte: is blank; the number of "
                                     "posts is required [value.blank]"));
  ASSERT_EQ(b.records.supervisions.size(), 1u);
  EXPECT_EQ(b.records.supervisions[0].date.iso(), "2024-05-02");
  EXPECT_EQ(b.records.supervisions[0].supervisor_id, "W0");
  ASSERT_EQ(b.records.established_posts.size(), 2u);
  EXPECT_EQ(b.records.established_posts[0].fte, 12.5);
  EXPECT_EQ(b.records.established_posts[1].fte, 1000);
  EXPECT_EQ(b.records.established_posts[1].to->iso(), "2024-03-31");
}

TEST(LocalYouthJustice, MapsWithoutCheckingThePersonAgainstChildren) {
  auto b = read_local({{"youth_justice.csv",
                        "person_id,disposal_date,disposal_type,reoffence_date\n"
                        "Y1,2022-05-01,Court,2022-09-01\nY2,2022-06-01,caution,2022-01-01\n"}});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr("youth_justice.csv:3: reoffence_date: is before "
                                                 "the disposal")));
  const YouthJusticeDisposal& d = b.records.youth_justice[0];
  EXPECT_EQ(d.person_id, "Y1");
  EXPECT_EQ(d.disposal_date.iso(), "2022-05-01");
  EXPECT_EQ(d.disposal_type, "court");
  EXPECT_EQ(d.reoffence_date->iso(), "2022-09-01");
}

TEST(LocalPopulation, WholeNumbersWrittenAnyWay) {
  auto b = read_local({{"population.csv",
                        "year,children_0_17\n2023,\"52,340\"\n2024,52810.0\n2025,1.5\n2024,1\n"}});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("population.csv:4: children_0_17: '1.5' is not a whole"),
                          HasSubstr("population.csv:5: year: '2024' is listed again")));
  ASSERT_EQ(b.records.population_estimates.size(), 2u);
  EXPECT_EQ(b.records.population_estimates[0].children, 52340);
  EXPECT_EQ(b.records.population_estimates[1].year, 2024);
  EXPECT_EQ(b.records.population_estimates[1].children, 52810);
}

TEST(LocalIndicatorTargets, FinancialYearsAndBlankCellsKeepDefaults) {
  auto b = read_local({{"targets.csv",
                        "indicator_id,financial_year,target,tolerance_low,tolerance_high,"
                        "polarity,england,statistical_neighbours,region\n"
                        "kpi1,2024-25,85,80,90,High,83.1,84,82.5\n"
                        "KPI2,2024,,,,,,,\n"
                        "KPI3,2024-26,1,,,,,,\n"
                        "KPI1,2024/25,1,,,,,,\n"
                        "KPI4,2025-26,1,9,2,,,,\n"}});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("targets.csv:4: financial_year: '2024-26' is not a "
                                    "financial year"),
                          HasSubstr("targets.csv:5: financial_year: 'KPI1 2024' is listed again"),
                          HasSubstr("targets.csv:6: tolerance_high: is below tolerance_low")));
  ASSERT_EQ(b.records.indicator_targets.size(), 2u);
  const IndicatorTarget& t = b.records.indicator_targets[0];
  EXPECT_EQ(t.indicator_id, "KPI1");
  EXPECT_EQ(t.financial_year, 2024);
  EXPECT_EQ(t.target, 85);
  EXPECT_EQ(t.tolerance_low, 80);
  EXPECT_EQ(t.tolerance_high, 90);
  EXPECT_EQ(t.polarity, "high");
  EXPECT_EQ(t.england, 83.1);
  EXPECT_EQ(t.statistical_neighbours, 84);
  EXPECT_EQ(t.region, 82.5);
  EXPECT_FALSE(b.records.indicator_targets[1].target);
}

TEST(LocalBankHolidays, AddDates) {
  auto b =
      read_local({{"holidays.csv", "date,name\n2027-06-07,Special Day\n2027-06-05,Saturday\n"}});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr("holidays.csv:3: date: 2027-06-05 is a weekend")));
  ASSERT_EQ(b.records.bank_holidays.size(), 2u);
  EXPECT_EQ(b.records.bank_holidays[0].date.iso(), "2027-06-07");
  EXPECT_EQ(b.records.bank_holidays[0].name, "Special Day");
}

}  // namespace
}  // namespace beacon
