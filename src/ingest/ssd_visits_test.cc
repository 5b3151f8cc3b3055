// CIN, CP and CLA visits.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(SsdVisits, EachVisitTableMapsToVisitsOfItsKind) {
  CaseHistory stored;
  CpPlan plan;
  plan.child_id = "C2";
  plan.plan_id = "CP1";
  stored.cp_plans.push_back(plan);
  LaEpisode episode;
  episode.child_id = "C1";
  episode.cla_id = "LA1";
  stored.la_episodes.push_back(episode);
  auto b = read_ssd({two_children(),
                     ssd_file("ssd_cin_visits", {{{"cinv_cin_visit_id", "V1"},
                                                  {"cinv_person_id", "C1"},
                                                  {"cinv_cin_visit_date", "2024-03-01 16:30"},
                                                  {"cinv_cin_visit_seen", "Y"},
                                                  {"cinv_cin_visit_seen_alone", "N"},
                                                  {"cinv_cin_visit_bedroom", "true"}}}),
                     ssd_file("ssd_cp_visits", {{{"cppv_cp_visit_id", "V1"},
                                                 {"cppv_person_id", "C2"},
                                                 {"cppv_cp_plan_id", "CP1"},
                                                 {"cppv_cp_visit_date", "02/03/2024"},
                                                 {"cppv_cp_visit_seen", "1"}}}),
                     ssd_file("ssd_cla_visits", {{{"clav_cla_visit_id", "V3"},
                                                  {"clav_cla_id", "LA1"},
                                                  {"clav_person_id", "C1"},
                                                  {"clav_cla_visit_date", "2024-03-03"},
                                                  {"clav_cla_visit_seen", "yes"},
                                                  {"clav_cla_visit_seen_alone", "YES"}}})},
                    stored);
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.visits.size(), 3u);
  const Visit& cin = b.records.visits[0];
  EXPECT_EQ(cin.kind, "cin");
  EXPECT_EQ(cin.visit_id, "V1");
  EXPECT_EQ(cin.child_id, "C1");
  EXPECT_EQ(cin.date.iso(), "2024-03-01T16:30:00");
  EXPECT_EQ(cin.seen, true);
  EXPECT_EQ(cin.seen_alone, false);
  EXPECT_EQ(cin.bedroom_seen, true);
  // The same visit id in another visit table is another visit.
  EXPECT_EQ(b.records.visits[1].kind, "cp");
  EXPECT_EQ(b.records.visits[1].visit_id, "V1");
  EXPECT_EQ(b.records.visits[1].date.iso(), "2024-03-02");
  EXPECT_EQ(b.records.visits[2].kind, "cla");
  EXPECT_EQ(b.records.visits[2].seen_alone, true);
  EXPECT_EQ(contribution(b, "ssd_cla_visits")->carried.at("visits").count("bedroom_seen"), 0u);
  EXPECT_EQ(contribution(b, "ssd_cin_visits")->carried.at("visits").count("bedroom_seen"), 1u);
  EXPECT_EQ(contribution(b, "ssd_cin_visits")->carried.at("visits").count("status"), 0u);
}

TEST(SsdVisits, AVisitNeedsItsDateAndAKnownPlan) {
  auto b = read_ssd({two_children(), ssd_file("ssd_cp_visits", {{{"cppv_cp_visit_id", "V1"},
                                                                 {"cppv_person_id", "C2"},
                                                                 {"cppv_cp_plan_id", "CP9"}}})});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("ssd_cp_visits.csv:2: cppv_cp_plan_id: CP plan 'CP9'"),
                          "ssd_cp_visits.csv:2: cppv_cp_visit_date: is blank; a date is required "
                          "[date.empty]"));
}

}  // namespace
}  // namespace beacon
