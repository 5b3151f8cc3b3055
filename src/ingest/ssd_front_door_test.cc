// Contacts, referrals (CIN episodes), assessments and their factors, and how
// their references resolve.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MemoryCsv one_referral() {
  return ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                        {"cine_person_id", "C1"},
                                        {"cine_referral_date", "2024-01-10"}}});
}

TEST(SsdContacts, MapToContactsWithReceiptTime) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_contacts", {{{"cont_contact_id", "K1"},
                                                  {"cont_person_id", "C1"},
                                                  {"cont_contact_date", "2024-02-03 14:05:09"},
                                                  {"cont_contact_source_code", "3a"},
                                                  {"cont_contact_source_desc", "GP"},
                                                  {"cont_contact_outcome_json", R"(["NFA"])"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.contacts.size(), 1u);
  const Contact& c = b.records.contacts[0];
  EXPECT_EQ(c.id, "K1");
  EXPECT_EQ(c.child_id, "C1");
  EXPECT_EQ(c.received.iso(), "2024-02-03T14:05:09");
  EXPECT_EQ(c.source, "3A");
  EXPECT_EQ(c.outcome, "NFA");
  EXPECT_FALSE(c.decided);
  auto carried = contribution(b, "ssd_contacts")->carried.at("contacts");
  EXPECT_EQ(carried.count("decided"), 0u);
  EXPECT_EQ(carried.count("received"), 1u);
}

TEST(SsdCinEpisodes, MapEveryFieldAndCheckTeamAndWorker) {
  auto b = read_ssd(
      {two_children(),
       ssd_file("ssd_department", {{{"dept_team_id", "T1"}, {"dept_team_name", "Assessment 1"}}}),
       ssd_file("ssd_professionals", {{{"prof_professional_id", "W1"}}}),
       ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                      {"cine_person_id", "C1"},
                                      {"cine_referral_date", "10/01/2024"},
                                      {"cine_cin_primary_need_code", "n1"},
                                      {"cine_referral_source_code", "6"},
                                      {"cine_referral_nfa", "No"},
                                      {"cine_close_reason", "RC8"},
                                      {"cine_close_date", "2024-03-01"},
                                      {"cine_referral_team", "T1"},
                                      {"cine_referral_worker_id", "W1"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.cin_episodes.size(), 1u);
  const CinEpisode& e = b.records.cin_episodes[0];
  EXPECT_EQ(e.child_id, "C1");
  EXPECT_EQ(e.referral_date.iso(), "2024-01-10");
  EXPECT_EQ(e.referral_id, "R1");
  EXPECT_EQ(e.primary_need, "N1");
  EXPECT_EQ(e.referral_source, "6");
  EXPECT_EQ(e.nfa, false);
  EXPECT_EQ(e.closure_reason, "RC8");
  EXPECT_EQ(e.closure_date->iso(), "2024-03-01");
  EXPECT_EQ(e.team_id, "T1");
  EXPECT_EQ(e.worker_id, "W1");
}

TEST(SsdCinEpisodes, DanglingTeamAndWorkerAreErrorsNamingFileLineAndColumn) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                                      {"cine_person_id", "C1"},
                                                      {"cine_referral_date", "2024-01-10"},
                                                      {"cine_referral_team", "T9"},
                                                      {"cine_referral_worker_id", "W9"}}})});
  EXPECT_THAT(errors(b),
              ElementsAre("ssd_cin_episodes.csv:2: cine_referral_team: team 'T9' is neither in "
                          "ssd_department in this load nor already loaded [ref.dangling]",
                          "ssd_cin_episodes.csv:2: cine_referral_worker_id: worker 'W9' is "
                          "neither in ssd_professionals in this load nor already loaded "
                          "[ref.dangling]"));
  EXPECT_TRUE(b.records.cin_episodes.empty());
}

TEST(SsdCinEpisodes, TwoReferralsOnOneDayAreBothKeptByPositionWithAFinding) {
  auto b =
      read_ssd({two_children(),
                ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                               {"cine_person_id", "C1"},
                                               {"cine_referral_date", "2024-01-10"}},
                                              {{"cine_referral_id", "R2"},
                                               {"cine_person_id", "C1"},
                                               {"cine_referral_date", "2024-01-10"}}}),
                ssd_file("ssd_cin_assessments", {{{"cina_assessment_id", "A2"},
                                                  {"cina_person_id", "C1"},
                                                  {"cina_referral_id", "R2"},
                                                  {"cina_assessment_start_date", "2024-01-11"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.cin_episodes.size(), 2u);
  EXPECT_EQ(b.records.cin_episodes[0].ordinal, 1);
  EXPECT_EQ(b.records.cin_episodes[1].ordinal, 2);
  EXPECT_THAT(findings(b),
              ElementsAre("finding: ssd_cin_episodes.csv:3: shares its natural key (child_id C1, "
                          "referral_date 2024-01-10) with the row at line 2; both are kept, told "
                          "apart by their order in the file [dq.duplicate-key]"));
  // The assessment under the second referral hangs from it, not the first.
  ASSERT_EQ(b.records.assessments.size(), 1u);
  EXPECT_EQ(b.records.assessments[0].episode.ordinal, 2);
}

TEST(SsdAssessments, HangFromTheirReferralInTheExtract) {
  auto b = read_ssd({two_children(), one_referral(),
                     ssd_file("ssd_professionals", {{{"prof_professional_id", "W1"}}}),
                     ssd_file("ssd_cin_assessments", {{{"cina_assessment_id", "A1"},
                                                       {"cina_person_id", "C1"},
                                                       {"cina_referral_id", "R1"},
                                                       {"cina_assessment_start_date", "2024-01-11"},
                                                       {"cina_assessment_child_seen", "Y"},
                                                       {"cina_assessment_auth_date", "2024-02-20"},
                                                       {"cina_assessment_outcome_nfa", "0"},
                                                       {"cina_assessment_worker_id", "W1"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.assessments.size(), 1u);
  const Assessment& a = b.records.assessments[0];
  EXPECT_EQ(a.episode.child_id, "C1");
  EXPECT_EQ(a.episode.referral_date->iso(), "2024-01-10");
  EXPECT_EQ(a.start.iso(), "2024-01-11");
  EXPECT_EQ(a.assessment_id, "A1");
  EXPECT_EQ(a.authorised->iso(), "2024-02-20");
  EXPECT_EQ(a.child_seen, true);
  EXPECT_EQ(a.outcome_nfa, false);
  EXPECT_EQ(a.worker_id, "W1");
  EXPECT_EQ(contribution(b, "ssd_cin_assessments")->carried.at("assessments").count("factors"), 0u);
}

TEST(SsdAssessments, ResolveTheirReferralAmongStoredRecords) {
  CaseHistory stored;
  stored.children.push_back({});
  stored.children[0].id = "C5";
  CinEpisode e;
  e.child_id = "C5";
  e.referral_date = *Date::from_ymd(2023, 5, 2);
  e.referral_id = "R50";
  e.ordinal = 2;
  stored.cin_episodes.push_back(e);
  auto b =
      read_ssd({ssd_file("ssd_cin_assessments", {{{"cina_assessment_id", "A1"},
                                                  {"cina_person_id", "C5"},
                                                  {"cina_referral_id", "R50"},
                                                  {"cina_assessment_start_date", "2023-05-03"}}})},
               stored);
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.assessments.size(), 1u);
  EXPECT_EQ(b.records.assessments[0].episode, (EpisodeRef{"C5", *Date::from_ymd(2023, 5, 2), 2}));
}

TEST(SsdAssessments, ReferralProblemsAreErrors) {
  auto referrals = ssd_file(
      "ssd_cin_episodes",
      {{{"cine_referral_id", "R1"}, {"cine_person_id", "C1"}, {"cine_referral_date", "2024-01-10"}},
       {{"cine_referral_id", "R2"},
        {"cine_person_id", "C2"},
        {"cine_referral_date", "2024-13-10"}}});
  auto b =
      read_ssd({two_children(), referrals,
                ssd_file("ssd_cin_assessments", {{{"cina_assessment_id", "A1"},
                                                  {"cina_person_id", "C2"},
                                                  {"cina_referral_id", "R1"},
                                                  {"cina_assessment_start_date", "2024-01-11"}},
                                                 {{"cina_assessment_id", "A2"},
                                                  {"cina_person_id", "C2"},
                                                  {"cina_referral_id", "R2"},
                                                  {"cina_assessment_start_date", "2024-01-11"}},
                                                 {{"cina_assessment_id", "A3"},
                                                  {"cina_person_id", "C2"},
                                                  {"cina_referral_id", "R3"},
                                                  {"cina_assessment_start_date", "2024-01-11"}}})});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("ssd_cin_episodes.csv:3: cine_referral_date"),
                          "ssd_cin_assessments.csv:2: cina_referral_id: referral 'R1' belongs to "
                          "child 'C1', not to child 'C2' [ref.other-child]",
                          "ssd_cin_assessments.csv:3: cina_referral_id: referral 'R2' was refused "
                          "at ssd_cin_episodes.csv:3, so this row cannot be loaded either "
                          "[ref.refused]",
                          "ssd_cin_assessments.csv:4: cina_referral_id: referral 'R3' is neither "
                          "in ssd_cin_episodes in this load nor already loaded [ref.dangling]"));
  EXPECT_TRUE(b.records.assessments.empty());
  EXPECT_EQ(b.counts.at("ssd_cin_assessments").rejected, 3);
}

TEST(SsdAssessmentFactors, AddFactorsInAContributionOfTheirOwn) {
  auto assessments =
      ssd_file("ssd_cin_assessments", {{{"cina_assessment_id", "A1"},
                                        {"cina_person_id", "C1"},
                                        {"cina_referral_id", "R1"},
                                        {"cina_assessment_start_date", "2024-01-11"}}});
  auto factors =
      ssd_file("ssd_assessment_factors", {{{"cinf_table_id", "F1"},
                                           {"cinf_assessment_id", "A1"},
                                           {"cinf_assessment_factors_json", R"(["1a","3B"])"}},
                                          {{"cinf_table_id", "F2"},
                                           {"cinf_assessment_id", "A1"},
                                           {"cinf_assessment_factors_json", "3B, 21, 99Z"}},
                                          {{"cinf_table_id", "F3"},
                                           {"cinf_assessment_id", "A1"},
                                           {"cinf_assessment_factors_json", "{broken"}}});
  auto b = read_ssd({two_children(), one_referral(), assessments, factors});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr(
                             "ssd_assessment_factors.csv:4: cinf_assessment_factors_json: is not "
                             "a list of factor codes")));
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr("'99Z' is not a known assessment factor code")));
  ASSERT_EQ(b.records.assessments.size(), 2u);
  const Assessment& a = b.records.assessments[1];
  EXPECT_EQ(a.contribution, contribution(b, "ssd_assessment_factors")->id);
  EXPECT_EQ(a.episode.referral_date->iso(), "2024-01-10");
  EXPECT_EQ(a.start.iso(), "2024-01-11");
  EXPECT_EQ(a.factors, (Codes{"1A", "3B", "21", "99Z"}));
  EXPECT_EQ(
      contribution(b, "ssd_assessment_factors")->carried.at("assessments"),
      (std::set<std::string>{"child_id", "referral_date", "episode_ordinal", "start", "factors"}));
}

TEST(SsdAssessmentFactors, AnAssessmentMissingEverywhereIsAnError) {
  auto b =
      read_ssd({ssd_file("ssd_assessment_factors", {{{"cinf_table_id", "F1"},
                                                     {"cinf_assessment_id", "A9"},
                                                     {"cinf_assessment_factors_json", "1A"}}})});
  EXPECT_THAT(
      errors(b),
      ElementsAre(HasSubstr("ssd_assessment_factors.csv:2: cinf_assessment_id: assessment 'A9'")));
}

}  // namespace
}  // namespace beacon
