// Departments, professionals, involvements and pre-proceedings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MemoryCsv departments() {
  return ssd_file("ssd_department",
                  {{{"dept_team_id", "ORG"}, {"dept_team_name", "Children's Services"}},
                   {{"dept_team_id", "SVC"},
                    {"dept_team_name", "Safeguarding"},
                    {"dept_team_parent_id", "ORG"}},
                   {{"dept_team_id", "T1"},
                    {"dept_team_name", "Team One"},
                    {"dept_team_parent_id", "SVC"},
                    {"dept_team_parent_name", "Safeguarding"}}});
}

TEST(SsdDepartment, UnitsWithUnitsUnderThemAreServicesTheRestTeams) {
  auto b = read_ssd({departments()});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.org_units.size(), 3u);
  EXPECT_EQ(b.records.org_units[0].kind, "organisation");
  EXPECT_EQ(b.records.org_units[1].kind, "service");
  EXPECT_EQ(b.records.org_units[1].parent_id, "ORG");
  EXPECT_EQ(b.records.org_units[2].kind, "team");
  EXPECT_EQ(b.records.org_units[2].name, "Team One");
}

TEST(SsdDepartment, AParentNowhereOrItselfIsAnError) {
  auto b = read_ssd(
      {ssd_file("ssd_department", {{{"dept_team_id", "T1"}, {"dept_team_parent_id", "T1"}},
                                   {{"dept_team_id", "T2"}, {"dept_team_parent_id", "X"}}})});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("ssd_department.csv:2: dept_team_parent_id: names "
                                               "the team itself"),
                                     HasSubstr("ssd_department.csv:3: dept_team_parent_id: team "
                                               "'X' is neither")));
}

TEST(SsdProfessionals, MapToWorkers) {
  auto b =
      read_ssd({ssd_file("ssd_professionals", {{{"prof_professional_id", "W1"},
                                                {"prof_staff_id", "S001"},
                                                {"prof_professional_name", "Sam Worker"},
                                                {"prof_social_worker_registration_no", "SW12345"},
                                                {"prof_professional_job_title", "Social Worker"},
                                                {"prof_professional_caseload", "17"},
                                                {"prof_professional_department", "Team One"},
                                                {"prof_full_time_equivalency", "0.8"},
                                                {"prof_agency_worker_flag", "N"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.workers.size(), 1u);
  const Worker& w = b.records.workers[0];
  EXPECT_EQ(w.id, "W1");
  EXPECT_EQ(w.staff_id, "S001");
  EXPECT_EQ(w.name, "Sam Worker");
  EXPECT_EQ(w.registration_no, "SW12345");
  EXPECT_EQ(w.job_title, "Social Worker");
  EXPECT_EQ(w.fte, 0.8);
  EXPECT_EQ(w.agency, false);
  auto carried = contribution(b, "ssd_professionals")->carried.at("workers");
  EXPECT_EQ(carried.count("role"), 0u);
  EXPECT_EQ(carried.count("in_post_from"), 0u);
}

TEST(SsdInvolvements, MapToAllocations) {
  auto b = read_ssd(
      {two_children(), departments(),
       ssd_file("ssd_professionals", {{{"prof_professional_id", "W1"}}}),
       ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                      {"cine_person_id", "C1"},
                                      {"cine_referral_date", "2024-01-10"}}}),
       ssd_file("ssd_involvements", {{{"invo_involvements_id", "I1"},
                                      {"invo_professional_id", "W1"},
                                      {"invo_professional_role_id", "Allocated Social Worker"},
                                      {"invo_professional_team", "T1"},
                                      {"invo_involvement_start_date", "2024-01-11"},
                                      {"invo_involvement_end_date", "2024-04-01"},
                                      {"invo_worker_change_reason", "Case closed"},
                                      {"invo_person_id", "C1"},
                                      {"invo_referral_id", "R1"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.allocations.size(), 1u);
  const Allocation& a = b.records.allocations[0];
  EXPECT_EQ(a.child_id, "C1");
  EXPECT_EQ(a.worker_id, "W1");
  EXPECT_EQ(a.start.iso(), "2024-01-11");
  EXPECT_EQ(a.end->iso(), "2024-04-01");
  EXPECT_EQ(a.team_id, "T1");
  EXPECT_EQ(a.role, "social_worker");
  EXPECT_EQ(a.referral_id, "R1");
  EXPECT_EQ(a.involvement_id, "I1");
  EXPECT_EQ(a.change_reason, "Case closed");
}

TEST(SsdInvolvements, AWorkerIsRequired) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_involvements", {{{"invo_involvements_id", "I1"},
                                                      {"invo_involvement_start_date", "2024-01-11"},
                                                      {"invo_person_id", "C1"}}})});
  EXPECT_THAT(errors(b), ElementsAre("ssd_involvements.csv:2: invo_professional_id: is blank; "
                                     "every row needs one [value.blank-id]"));
}

TEST(SsdPreProceedings, MapTheirDates) {
  auto b = read_ssd({two_children(), ssd_file("ssd_pre_proceedings",
                                              {{{"prep_table_id", "PP1"},
                                                {"prep_person_id", "C2"},
                                                {"prep_plo_family_id", "F1"},
                                                {"prep_pre_pro_decision_date", "2024-01-05"},
                                                {"prep_initial_pre_pro_meeting_date", "2024-01-20"},
                                                {"prep_pre_pro_outcome", "Step down"},
                                                {"prep_agree_stepdown_issue_date", "2024-04-01"},
                                                {"prep_pre_pro_letter_date", "2024-01-08"},
                                                {"prep_care_pro_letter_date", ""},
                                                {"prep_pre_pro_meetings_num", "3"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.pre_proceedings.size(), 1u);
  const PreProceedings& p = b.records.pre_proceedings[0];
  EXPECT_EQ(p.child_id, "C2");
  EXPECT_EQ(p.start.iso(), "2024-01-05");
  EXPECT_EQ(p.initial_meeting->iso(), "2024-01-20");
  EXPECT_EQ(p.step_decision->iso(), "2024-04-01");
  EXPECT_EQ(p.letter_before_proceedings->iso(), "2024-01-08");
  EXPECT_FALSE(p.letter_issue_care_proceedings);
  EXPECT_EQ(p.review_meetings, 3);
  EXPECT_EQ(p.outcome, "Step down");
}

}  // namespace
}  // namespace beacon
