// CIN plans, section 47 enquiries and their initial conferences.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MemoryCsv referrals() {
  return ssd_file("ssd_cin_episodes", {{{"cine_referral_id", "R1"},
                                        {"cine_person_id", "C1"},
                                        {"cine_referral_date", "2024-01-10"}}});
}

MemoryCsv enquiries() {
  return ssd_file("ssd_s47_enquiry", {{{"s47e_s47_enquiry_id", "S1"},
                                       {"s47e_referral_id", "R1"},
                                       {"s47e_person_id", "C1"},
                                       {"s47e_s47_start_date", "2024-01-12"},
                                       {"s47e_s47_end_date", "2024-01-30"}}});
}

TEST(SsdCinPlans, MapToCinPlansUnderTheirReferral) {
  auto b = read_ssd({two_children(), referrals(),
                     ssd_file("ssd_cin_plans", {{{"cinp_cin_plan_id", "P1"},
                                                 {"cinp_referral_id", "R1"},
                                                 {"cinp_person_id", "C1"},
                                                 {"cinp_cin_plan_start_date", "2024-02-01"},
                                                 {"cinp_cin_plan_end_date", "2024-08-01"}},
                                                {{"cinp_cin_plan_id", "P2"},
                                                 {"cinp_person_id", "C2"},
                                                 {"cinp_cin_plan_start_date", "2024-02-01"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.cin_plans.size(), 2u);
  EXPECT_EQ(b.records.cin_plans[0].episode.referral_date->iso(), "2024-01-10");
  EXPECT_EQ(b.records.cin_plans[0].plan_id, "P1");
  EXPECT_EQ(b.records.cin_plans[0].end->iso(), "2024-08-01");
  // No referral named: the plan hangs from the child alone.
  EXPECT_EQ(b.records.cin_plans[1].episode, (EpisodeRef{"C2", std::nullopt, 1}));
}

TEST(SsdSection47, EnquiryAndConferenceMakeOneSection47FromTwoContributions) {
  auto conference = ssd_file("ssd_initial_cp_conference", {{{"icpc_icpc_id", "IC1"},
                                                            {"icpc_s47_enquiry_id", "S1"},
                                                            {"icpc_person_id", "C1"},
                                                            {"icpc_referral_id", "R1"},
                                                            {"icpc_icpc_target_date", "2024-02-05"},
                                                            {"icpc_icpc_date", "2024-02-02"}}});
  auto b = read_ssd({two_children(), referrals(), enquiries(), conference});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.section47s.size(), 2u);
  const Section47& s = b.records.section47s[0];
  EXPECT_EQ(s.s47_id, "S1");
  EXPECT_EQ(s.start.iso(), "2024-01-12");
  EXPECT_EQ(s.end->iso(), "2024-01-30");
  const Section47& c = b.records.section47s[1];
  EXPECT_EQ(c.episode, s.episode);
  EXPECT_EQ(c.start, s.start);
  EXPECT_EQ(c.ordinal, s.ordinal);
  EXPECT_EQ(c.icpc_id, "IC1");
  EXPECT_EQ(c.icpc_date->iso(), "2024-02-02");
  EXPECT_EQ(c.icpc_target->iso(), "2024-02-05");
  EXPECT_EQ(contribution(b, "ssd_initial_cp_conference")->carried.at("section47s"),
            (std::set<std::string>{"child_id", "referral_date", "episode_ordinal", "start",
                                   "icpc_id", "icpc_date", "icpc_target"}));
  EXPECT_EQ(contribution(b, "ssd_s47_enquiry")->carried.at("section47s").count("icpc_date"), 0u);
}

TEST(SsdSection47, AConferenceOnAStoredEnquiryLoads) {
  CaseHistory stored;
  Section47 s;
  s.episode = {"C1", *Date::from_ymd(2023, 3, 1), 1};
  s.start = *Date::from_ymd(2023, 3, 2);
  s.s47_id = "S77";
  stored.section47s.push_back(s);
  stored.children.push_back({});
  stored.children[0].id = "C1";
  auto b = read_ssd({ssd_file("ssd_initial_cp_conference", {{{"icpc_icpc_id", "IC1"},
                                                             {"icpc_s47_enquiry_id", "S77"},
                                                             {"icpc_person_id", "C1"},
                                                             {"icpc_icpc_date", "2023-03-20"}}})},
                    stored);
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.section47s.size(), 1u);
  EXPECT_EQ(b.records.section47s[0].start.iso(), "2023-03-02");
  EXPECT_EQ(b.records.section47s[0].icpc_date->iso(), "2023-03-20");
}

TEST(SsdSection47, AConferenceWhoseEnquiryIsNowhereIsAnError) {
  auto b = read_ssd({two_children(),
                     ssd_file("ssd_initial_cp_conference", {{{"icpc_icpc_id", "IC1"},
                                                             {"icpc_s47_enquiry_id", "S9"},
                                                             {"icpc_person_id", "C1"},
                                                             {"icpc_icpc_date", "2024-02-02"}}})});
  EXPECT_THAT(errors(b), ElementsAre("ssd_initial_cp_conference.csv:2: icpc_s47_enquiry_id: "
                                     "section 47 enquiry 'S9' is neither in ssd_s47_enquiry in "
                                     "this load nor already loaded [ref.dangling]"));
  EXPECT_TRUE(b.records.section47s.empty());
}

TEST(SsdSection47, AConferenceWithoutEnquiryIsNotedAndASecondOneIsAFinding) {
  auto conference = ssd_file(
      "ssd_initial_cp_conference",
      {{{"icpc_icpc_id", "IC1"},
        {"icpc_s47_enquiry_id", "S1"},
        {"icpc_person_id", "C1"},
        {"icpc_icpc_date", "2024-02-02"}},
       {{"icpc_icpc_id", "IC2"},
        {"icpc_s47_enquiry_id", "S1"},
        {"icpc_person_id", "C1"},
        {"icpc_icpc_date", "2024-02-09"}},
       {{"icpc_icpc_id", "IC3"}, {"icpc_person_id", "C2"}, {"icpc_icpc_date", "2024-02-09"}}});
  auto b = read_ssd({two_children(), referrals(), enquiries(), conference});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr(
                               "ssd_initial_cp_conference.csv:3: icpc_s47_enquiry_id: section 47 "
                               "enquiry 'S1' already has its conference at line 2")));
  EXPECT_TRUE(has_note(b, "ssd_initial_cp_conference: 1 conferences name no section 47 enquiry"));
  ASSERT_EQ(b.records.section47s.size(), 2u);
  EXPECT_EQ(b.records.section47s[1].icpc_id, "IC1");
}

TEST(SsdSection47, AnEnquiryForAnotherChildsReferralIsAnError) {
  auto b = read_ssd({two_children(), referrals(),
                     ssd_file("ssd_s47_enquiry", {{{"s47e_s47_enquiry_id", "S1"},
                                                   {"s47e_referral_id", "R1"},
                                                   {"s47e_person_id", "C2"},
                                                   {"s47e_s47_start_date", "2024-01-12"}}})});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("s47e_referral_id: referral 'R1' belongs to child "
                                               "'C1', not to child 'C2'")));
}

}  // namespace
}  // namespace beacon
