// Looked-after episodes from episodes + placements + legal statuses, and
// looked-after reviews found through the CLA ID.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MemoryCsv episodes(std::vector<Row> rows) { return ssd_file("ssd_cla_episodes", rows); }

Row episode(std::string id, std::string child, std::string start, std::string cla,
            std::string placement) {
  return {{"clae_cla_episode_id", id},
          {"clae_person_id", child},
          {"clae_cla_episode_start_date", start},
          {"clae_cla_id", cla},
          {"clae_cla_placement_id", placement},
          {"clae_cla_episode_start_reason", "S"},
          {"clae_cla_primary_need_code", "n4"}};
}

MemoryCsv placements() {
  return ssd_file("ssd_cla_placement", {{{"clap_cla_placement_id", "PL1"},
                                         {"clap_cla_placement_start_date", "2023-04-01"},
                                         {"clap_cla_placement_type", "u4"},
                                         {"clap_cla_placement_urn", "SC123456"},
                                         {"clap_cla_placement_distance", "3.2"},
                                         {"clap_cla_id", "LA1"},
                                         {"clap_cla_placement_provider", "PR1"},
                                         {"clap_cla_placement_postcode", "ab1 2cd"},
                                         {"clap_cla_placement_end_date", "2023-09-01"},
                                         {"clap_cla_placement_change_reason", "CARPL"},
                                         {"clap_person_id", "C1"}},
                                        {{"clap_cla_placement_id", "PL2"},
                                         {"clap_cla_placement_start_date", "2023-09-01"},
                                         {"clap_cla_placement_type", "K2"},
                                         {"clap_cla_id", "LA1"},
                                         {"clap_person_id", "C1"}}});
}

MemoryCsv legal_statuses() {
  return ssd_file("ssd_legal_status", {{{"lega_legal_status_id", "L1"},
                                        {"lega_person_id", "C1"},
                                        {"lega_legal_status", "V2"},
                                        {"lega_legal_status_start_date", "2023-04-01"},
                                        {"lega_legal_status_end_date", "2023-06-15"}},
                                       {{"lega_legal_status_id", "L2"},
                                        {"lega_person_id", "C1"},
                                        {"lega_legal_status", "c1"},
                                        {"lega_legal_status_start_date", "2023-06-15"}}});
}

TEST(SsdLookedAfter, EpisodeTakesItsPlacementAndTheLegalStatusInForce) {
  auto first = episode("E1", "C1", "2023-04-01", "LA1", "PL1");
  first["clae_cla_episode_ceased_date"] = "2023-06-15";
  first["clae_cla_episode_ceased_reason"] = "x1";
  auto second = episode("E2", "C1", "2023-06-15", "LA1", "PL1");
  second["clae_cla_episode_start_reason"] = "L";
  auto b = read_ssd({two_children(), placements(), legal_statuses(), episodes({first, second})});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), IsEmpty());
  ASSERT_EQ(b.records.la_episodes.size(), 2u);
  const LaEpisode& e = b.records.la_episodes[0];
  EXPECT_EQ(e.child_id, "C1");
  EXPECT_EQ(e.start.iso(), "2023-04-01");
  EXPECT_EQ(e.episode_id, "E1");
  EXPECT_EQ(e.cla_id, "LA1");
  EXPECT_EQ(e.placement_id, "PL1");
  EXPECT_EQ(e.rne, "S");
  EXPECT_EQ(e.need, "N4");
  EXPECT_EQ(e.end->iso(), "2023-06-15");
  EXPECT_EQ(e.reason_ceased, "X1");
  EXPECT_EQ(e.legal_status, "V2");
  EXPECT_EQ(e.place, "U4");
  EXPECT_EQ(e.provider, "PR1");
  EXPECT_EQ(e.placement_postcode, "AB1 2CD");
  EXPECT_EQ(e.urn, "SC123456");
  EXPECT_EQ(e.reason_place_change, "CARPL");
  // On 15 June V2 ends and C1 starts: the later-starting status is in force.
  EXPECT_EQ(b.records.la_episodes[1].legal_status, "C1");
  EXPECT_EQ(b.records.la_episodes[1].rne, "L");

  auto carried = contribution(b, "ssd_cla_episodes")->carried.at("la_episodes");
  for (auto field : {"legal_status", "place", "provider", "placement_postcode", "urn",
                     "reason_place_change", "rne", "need", "end", "reason_ceased", "cla_id"})
    EXPECT_EQ(carried.count(field), 1u) << field;
  EXPECT_EQ(carried.count("home_postcode"), 0u);
  EXPECT_TRUE(contribution(b, "ssd_cla_placement")->carried.empty());
  EXPECT_TRUE(contribution(b, "ssd_legal_status")->carried.empty());
}

TEST(SsdLookedAfter, AnEpisodeNamingNoPlacementTakesThePlacementUnderWayOnItsStart) {
  auto b = read_ssd({two_children(), placements(), legal_statuses(),
                     episodes({episode("E3", "C1", "2023-10-01", "LA1", "")})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].place, "K2");
  EXPECT_EQ(b.records.la_episodes[0].legal_status, "C1");
}

TEST(SsdLookedAfter, APlacementNamedButMissingIsAnError) {
  auto b = read_ssd({two_children(), placements(), legal_statuses(),
                     episodes({episode("E1", "C1", "2023-04-01", "LA1", "PL9")})});
  EXPECT_THAT(errors(b), ElementsAre("ssd_cla_episodes.csv:2: clae_cla_placement_id: placement "
                                     "'PL9' is neither in ssd_cla_placement in this load nor "
                                     "already loaded [ref.dangling]"));
  EXPECT_TRUE(b.records.la_episodes.empty());
}

TEST(SsdLookedAfter, WithoutThePlacementAndLegalStatusTablesStoredValuesAreKept) {
  CaseHistory stored;
  stored.children.push_back({});
  stored.children[0].id = "C1";
  LaEpisode before;
  before.child_id = "C1";
  before.start = *Date::from_ymd(2023, 4, 1);
  before.episode_id = "E1";
  before.placement_id = "PL1";
  before.cla_id = "LA1";
  before.place = "U6";
  before.provider = "PR4";
  before.legal_status = "C2";
  stored.la_episodes.push_back(before);
  auto b = read_ssd({episodes({episode("E1", "C1", "2023-04-01", "LA1", "PL1")})}, stored);
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].place, "U6");
  EXPECT_EQ(b.records.la_episodes[0].provider, "PR4");
  EXPECT_EQ(b.records.la_episodes[0].legal_status, "C2");
  EXPECT_TRUE(has_note(b, "ssd_legal_status is not in this extract"));
}

TEST(SsdLookedAfter, NoLegalStatusInForceIsAFinding) {
  auto b = read_ssd({two_children(), placements(), legal_statuses(),
                     episodes({episode("E1", "C1", "2023-01-01", "LA1", "PL1")})});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), ElementsAre(HasSubstr("no legal status in ssd_legal_status is in force "
                                                 "on 2023-01-01")));
  EXPECT_EQ(b.records.la_episodes[0].legal_status, "");
}

TEST(SsdLookedAfter, OneClaIdForTwoChildrenIsAnError) {
  auto b = read_ssd({two_children(), placements(), legal_statuses(),
                     episodes({episode("E1", "C1", "2023-04-01", "LA1", "PL1"),
                               episode("E2", "C2", "2023-04-01", "LA1", "")})});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("ssd_cla_episodes.csv:3: clae_cla_id: 'LA1' "
                                               "belongs to child 'C1' at line 2")));
}

TEST(SsdClaReviews, FindTheirChildThroughTheClaId) {
  auto reviews = ssd_file("ssd_cla_reviews", {{{"clar_cla_review_id", "RV1"},
                                               {"clar_cla_id", "LA1"},
                                               {"clar_cla_review_due_date", "2023-05-01"},
                                               {"clar_cla_review_date", "2023-04-28"},
                                               {"clar_cla_review_cancelled", "N"},
                                               {"clar_cla_review_participation", "pn1"}},
                                              {{"clar_cla_review_id", "RV2"},
                                               {"clar_cla_id", "LA1"},
                                               {"clar_cla_review_due_date", "2023-10-28"}},
                                              {{"clar_cla_review_id", "RV3"},
                                               {"clar_cla_id", "LA7"},
                                               {"clar_cla_review_date", "2023-04-28"}}});
  auto b = read_ssd({two_children(), placements(), legal_statuses(),
                     episodes({episode("E1", "C1", "2023-04-01", "LA1", "PL1")}), reviews});
  EXPECT_THAT(errors(b), ElementsAre("ssd_cla_reviews.csv:4: clar_cla_id: period of care (CLA "
                                     "ID) 'LA7' is neither in ssd_cla_episodes in this load nor "
                                     "already loaded [ref.dangling]"));
  ASSERT_EQ(b.records.la_reviews.size(), 1u);
  const LaReview& v = b.records.la_reviews[0];
  EXPECT_EQ(v.child_id, "C1");
  EXPECT_EQ(v.date.iso(), "2023-04-28");
  EXPECT_EQ(v.due->iso(), "2023-05-01");
  EXPECT_EQ(v.cancelled, false);
  EXPECT_EQ(v.participation, "PN1");
  EXPECT_EQ(v.review_id, "RV1");
  EXPECT_TRUE(has_note(b, "ssd_cla_reviews: 1 reviews have no review date"));
}

TEST(SsdClaReviews, AClaIdStoredEarlierIsFound) {
  CaseHistory stored;
  LaEpisode before;
  before.child_id = "C3";
  before.cla_id = "LA3";
  stored.la_episodes.push_back(before);
  auto b = read_ssd({ssd_file("ssd_cla_reviews", {{{"clar_cla_review_id", "RV1"},
                                                   {"clar_cla_id", "LA3"},
                                                   {"clar_cla_review_date", "2023-04-28"}}})},
                    stored);
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_EQ(b.records.la_reviews[0].child_id, "C3");
}

}  // namespace
}  // namespace beacon
