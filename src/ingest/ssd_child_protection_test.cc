// CP plans and their reviews.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MemoryCsv plans() {
  return ssd_file("ssd_cp_plans", {{{"cppl_cp_plan_id", "CP1"},
                                    {"cppl_referral_id", "R1"},
                                    {"cppl_icpc_id", "IC1"},
                                    {"cppl_person_id", "C1"},
                                    {"cppl_cp_plan_start_date", "2024-02-02"},
                                    {"cppl_cp_plan_end_date", ""},
                                    {"cppl_cp_plan_initial_category", "neg"},
                                    {"cppl_cp_plan_latest_category", "EMO"},
                                    {"cppl_cp_plan_ola", "N"}}});
}

std::vector<MemoryCsv> extract_with(MemoryCsv extra) {
  return {two_children(),
          ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                         {"cine_person_id", "C1"},
                                         {"cine_referral_date", "2024-01-10"}}}),
          ssd_file("ssd_s47_enquiry", {{{"s47e_s47_enquiry_id", "S1"},
                                        {"s47e_referral_id", "R1"},
                                        {"s47e_person_id", "C1"},
                                        {"s47e_s47_start_date", "2024-01-12"}}}),
          ssd_file("ssd_initial_cp_conference", {{{"icpc_icpc_id", "IC1"},
                                                  {"icpc_s47_enquiry_id", "S1"},
                                                  {"icpc_cp_plan_id", "CP1"},
                                                  {"icpc_person_id", "C1"},
                                                  {"icpc_icpc_date", "2024-02-02"}}}),
          plans(),
          std::move(extra)};
}

TEST(SsdCpPlans, MapWithTheirReferralAndCategories) {
  auto b = read_ssd(extract_with(ssd_file("ssd_cp_reviews", {})));
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.cp_plans.size(), 1u);
  const CpPlan& p = b.records.cp_plans[0];
  EXPECT_EQ(p.child_id, "C1");
  EXPECT_EQ(p.start.iso(), "2024-02-02");
  EXPECT_EQ(p.plan_id, "CP1");
  EXPECT_EQ(p.referral_date->iso(), "2024-01-10");
  EXPECT_EQ(p.episode_ordinal, 1);
  EXPECT_FALSE(p.end);
  EXPECT_EQ(p.initial_category, "NEG");
  EXPECT_EQ(p.latest_category, "EMO");
  EXPECT_EQ(p.other_la, false);
}

TEST(SsdCpPlans, AConferenceNamedButMissingIsAnError) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_cp_plans", {{{"cppl_cp_plan_id", "CP1"},
                                                  {"cppl_icpc_id", "IC404"},
                                                  {"cppl_person_id", "C1"},
                                                  {"cppl_cp_plan_start_date", "2024-02-02"}}})});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("ssd_cp_plans.csv:2: cppl_icpc_id: initial child protection "
                                    "conference 'IC404' is neither in ssd_initial_cp_conference")));
}

TEST(SsdCpReviews, HangFromTheirPlanAndUnheldReviewsAreNoted) {
  auto reviews = ssd_file("ssd_cp_reviews", {{{"cppr_cp_review_id", "V1"},
                                              {"cppr_person_id", "C1"},
                                              {"cppr_cp_plan_id", "CP1"},
                                              {"cppr_cp_review_due", "2024-05-02"},
                                              {"cppr_cp_review_date", "2024-04-30"},
                                              {"cppr_cp_review_outcome_continue_cp", "Y"}},
                                             {{"cppr_cp_review_id", "V2"},
                                              {"cppr_person_id", "C1"},
                                              {"cppr_cp_plan_id", "CP1"},
                                              {"cppr_cp_review_due", "2024-10-30"}}});
  auto b = read_ssd(extract_with(reviews));
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.cp_reviews.size(), 1u);
  const CpReview& v = b.records.cp_reviews[0];
  EXPECT_EQ(v.plan, (PlanRef{"C1", *Date::from_ymd(2024, 2, 2), 1}));
  EXPECT_EQ(v.date.iso(), "2024-04-30");
  EXPECT_EQ(v.due->iso(), "2024-05-02");
  EXPECT_EQ(v.plan_continues, true);
  EXPECT_EQ(v.review_id, "V1");
  EXPECT_TRUE(has_note(b, "ssd_cp_reviews: 1 reviews have no review date"));
  // The due date of the future review does not date the extract.
  EXPECT_EQ(b.contributions[0].as_of.iso(), "2024-04-30");
}

TEST(SsdCpReviews, APlanMissingEverywhereIsAnError) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_cp_reviews", {{{"cppr_cp_review_id", "V1"},
                                                    {"cppr_person_id", "C1"},
                                                    {"cppr_cp_plan_id", "CP9"},
                                                    {"cppr_cp_review_date", "2024-04-30"}}})});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("cppr_cp_plan_id: CP plan 'CP9' is neither")));
}

TEST(SsdCpReviews, APlanStoredEarlierIsFound) {
  CaseHistory stored;
  stored.children.push_back({});
  stored.children[0].id = "C1";
  CpPlan p;
  p.child_id = "C1";
  p.start = *Date::from_ymd(2022, 6, 1);
  p.plan_id = "CP0";
  stored.cp_plans.push_back(p);
  auto b = read_ssd({ssd_file("ssd_cp_reviews", {{{"cppr_cp_review_id", "V1"},
                                                  {"cppr_person_id", "C1"},
                                                  {"cppr_cp_plan_id", "CP0"},
                                                  {"cppr_cp_review_date", "2022-08-01"}}})},
                    stored);
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_EQ(b.records.cp_reviews[0].plan.start.iso(), "2022-06-01");
}

}  // namespace
}  // namespace beacon
