// Missing episodes, care leavers, adoption and previous permanence.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(SsdMissing, MapsTypeAndReturnInterviews) {
  auto b =
      read_ssd({two_children(),
                ssd_file("ssd_missing", {{{"miss_table_id", "M1"},
                                          {"miss_person_id", "C1"},
                                          {"miss_missing_episode_start_date", "2024-01-05 22:00"},
                                          {"miss_missing_episode_type", "Missing"},
                                          {"miss_missing_episode_end_date", "2024-01-06"},
                                          {"miss_missing_rhi_offered", "Yes"},
                                          {"miss_missing_rhi_accepted", "Refused"}},
                                         {{"miss_table_id", "M2"},
                                          {"miss_person_id", "C1"},
                                          {"miss_missing_episode_start_date", "2024-01-05"},
                                          {"miss_missing_episode_type", "a"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.missing_episodes.size(), 2u);
  const MissingEpisode& m = b.records.missing_episodes[0];
  EXPECT_EQ(m.child_id, "C1");
  EXPECT_EQ(m.start.iso(), "2024-01-05");
  EXPECT_EQ(m.type, "M");
  EXPECT_EQ(m.end->iso(), "2024-01-06");
  EXPECT_EQ(m.rhi_offered, true);
  EXPECT_FALSE(m.rhi_accepted);
  EXPECT_EQ(b.records.missing_episodes[1].type, "A");
  EXPECT_EQ(b.records.missing_episodes[1].ordinal, 2);
  EXPECT_THAT(findings(b),
              ElementsAre(HasSubstr("miss_missing_rhi_accepted: 'Refused' is not a yes/no value"),
                          HasSubstr("ssd_missing.csv:3: shares its natural key")));
}

TEST(SsdCareLeavers, MapEveryField) {
  auto b =
      read_ssd({two_children(), ssd_file("ssd_department", {{{"dept_team_id", "T9"}}}),
                ssd_file("ssd_professionals", {{{"prof_professional_id", "W9"}}}),
                ssd_file("ssd_care_leavers", {{{"clea_table_id", "L1"},
                                               {"clea_person_id", "C2"},
                                               {"clea_care_leaver_eligibility", "Relevant"},
                                               {"clea_care_leaver_in_touch", "yes"},
                                               {"clea_care_leaver_latest_contact", "2024-02-01"},
                                               {"clea_care_leaver_accommodation", "u"},
                                               {"clea_care_leaver_accom_suitable", "1"},
                                               {"clea_care_leaver_activity", "f2"},
                                               {"clea_pathway_plan_review_date", "2024-01-15"},
                                               {"clea_care_leaver_personal_advisor", "Pat Adviser"},
                                               {"clea_care_leaver_allocated_team", "T9"},
                                               {"clea_care_leaver_worker_id", "W9"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.care_leavers.size(), 1u);
  const CareLeaver& c = b.records.care_leavers[0];
  EXPECT_EQ(c.child_id, "C2");
  EXPECT_EQ(c.eligibility, "Relevant");
  EXPECT_EQ(c.in_touch, "YES");
  EXPECT_EQ(c.latest_contact->iso(), "2024-02-01");
  EXPECT_EQ(c.accommodation, "U");
  EXPECT_EQ(c.accommodation_suitable, "1");
  EXPECT_EQ(c.activity, "F2");
  EXPECT_EQ(c.pathway_plan_review->iso(), "2024-01-15");
  EXPECT_EQ(c.personal_adviser, "Pat Adviser");
  EXPECT_EQ(c.team_id, "T9");
  EXPECT_EQ(c.worker_id, "W9");
}

TEST(SsdPermanence, AdoptionMilestonesMapAndOtherOrdersAreNoted) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_permanence", {{{"perm_table_id", "P1"},
                                                    {"perm_person_id", "C1"},
                                                    {"perm_adm_decision_date", "2023-01-10"},
                                                    {"perm_placement_order_date", "2023-03-01"},
                                                    {"perm_matched_date", "2023-06-01"},
                                                    {"perm_placed_for_adoption_date", "2023-06-20"},
                                                    {"perm_placed_foster_carer_date", "2022-11-01"},
                                                    {"perm_adopted_by_carer_flag", "Y"},
                                                    {"perm_number_of_adopters", "2.0"},
                                                    {"perm_adopter_sex", "mf"},
                                                    {"perm_adopter_legal_status", "L11"}},
                                                   {{"perm_table_id", "P2"},
                                                    {"perm_person_id", "C2"},
                                                    {"perm_permanence_order_date", "2023-03-01"},
                                                    {"perm_permanence_order_type", "SGO"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.adoptions.size(), 1u);
  const Adoption& a = b.records.adoptions[0];
  EXPECT_EQ(a.child_id, "C1");
  EXPECT_EQ(a.decision_date->iso(), "2023-01-10");
  EXPECT_EQ(a.placement_order_date->iso(), "2023-03-01");
  EXPECT_EQ(a.match_date->iso(), "2023-06-01");
  EXPECT_EQ(a.placed_date->iso(), "2023-06-20");
  EXPECT_EQ(a.placed_with_foster_carer_date->iso(), "2022-11-01");
  EXPECT_EQ(a.by_foster_carer, true);
  EXPECT_EQ(a.number_of_adopters, 2);
  EXPECT_EQ(a.adopters_sex, "MF");
  EXPECT_EQ(a.adopters_legal_status, "L11");
  EXPECT_TRUE(has_note(b, "ssd_permanence: 1 rows record no adoption decision"));
}

TEST(SsdPermanence, ThreeAdoptersIsAnError) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_permanence", {{{"perm_table_id", "P1"},
                                                    {"perm_person_id", "C1"},
                                                    {"perm_adm_decision_date", "2023-01-10"},
                                                    {"perm_number_of_adopters", "3"}}})});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("perm_number_of_adopters: '3' is outside 1–2")));
}

TEST(SsdPreviousPermanence, KeepsTheDateAsGiven) {
  auto b =
      read_ssd({two_children(), ssd_file("ssd_cla_previous_permanence",
                                         {{{"lapp_table_id", "X1"},
                                           {"lapp_person_id", "C2"},
                                           {"lapp_previous_permanence_order_date", "zz/05/2019"},
                                           {"lapp_previous_permanence_option", "p2"},
                                           {"lapp_previous_permanence_la", "e09000001"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.previous_permanence.size(), 1u);
  EXPECT_EQ(b.records.previous_permanence[0].option, "P2");
  EXPECT_EQ(b.records.previous_permanence[0].la, "E09000001");
  EXPECT_EQ(b.records.previous_permanence[0].date, "zz/05/2019");
}

}  // namespace
}  // namespace beacon
