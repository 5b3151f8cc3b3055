#include "qa/sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace beacon::qa {
namespace {

// 40 children: teams T1–T4 (10 each), localities EAST (T1, T2) and WEST (T3,
// T4), cohorts alternating cin / cp.
std::vector<Candidate> caseload() {
  std::vector<Candidate> out;
  for (int i = 0; i < 40; ++i) {
    std::string id = "C" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    std::string team = "T" + std::to_string(i / 10 + 1);
    out.push_back({id, "Child " + id, "W" + std::to_string(i / 5), team, i < 20 ? "EAST" : "WEST",
                   i % 2 ? "cp" : "cin"});
  }
  return out;
}

std::vector<std::string> ids(const Sample& s) {
  std::vector<std::string> out;
  for (const auto& c : s.children) out.push_back(c.child.child_id);
  return out;
}

TEST(SamplingTest, RandomDrawTakesTheSizeWithoutRepeats) {
  SamplingRules r;
  r.size = 12;
  auto s = draw_sample(caseload(), r, {});
  ASSERT_TRUE(s.is_ok());
  auto got = ids(*s);
  EXPECT_EQ(got.size(), 12u);
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()).size(), 12u);
}

TEST(SamplingTest, SameSeedSameChildrenWhateverTheInputOrder) {
  SamplingRules r;
  r.size = 10;
  r.seed = 42;
  auto pool = caseload();
  auto a = draw_sample(pool, r, {});
  std::reverse(pool.begin(), pool.end());
  auto b = draw_sample(pool, r, {});
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_EQ(ids(*a), ids(*b));
  r.seed = 43;
  auto c = draw_sample(pool, r, {});
  EXPECT_NE(ids(*a), ids(*c));
}

TEST(SamplingTest, PerTeamTakesTheSameNumberFromEachTeam) {
  SamplingRules r;
  r.mode = SampleMode::kPerTeam;
  r.per_group = 3;
  auto s = draw_sample(caseload(), r, {});
  ASSERT_TRUE(s.is_ok());
  std::map<std::string, int> per_team;
  for (const auto& c : s->children) ++per_team[c.child.team_id];
  EXPECT_EQ(per_team, (std::map<std::string, int>{{"T1", 3}, {"T2", 3}, {"T3", 3}, {"T4", 3}}));
}

TEST(SamplingTest, PerCohortRespectsTheCohortFilter) {
  SamplingRules r;
  r.mode = SampleMode::kPerCohort;
  r.per_group = 4;
  r.cohorts = {"cp"};
  auto s = draw_sample(caseload(), r, {});
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->children.size(), 4u);
  for (const auto& c : s->children) EXPECT_EQ(c.child.cohort, "cp");
}

TEST(SamplingTest, StratifiedSharesFollowTheCaseload) {
  auto pool = caseload();
  // WEST twice EAST's size: drop 10 of EAST's 20 children. 8 × 10/30 = 2.67
  // and 8 × 20/30 = 5.33; the larger remainder takes the eighth place.
  std::erase_if(pool, [](const Candidate& c) { return c.team_id == "T1"; });
  SamplingRules r;
  r.mode = SampleMode::kStratified;
  r.stratify_by = Stratum::kLocality;
  r.size = 8;
  auto s = draw_sample(pool, r, {});
  ASSERT_TRUE(s.is_ok());
  std::map<std::string, int> per_locality;
  for (const auto& c : s->children) ++per_locality[c.child.locality_id];
  EXPECT_EQ(per_locality["EAST"], 3);
  EXPECT_EQ(per_locality["WEST"], 5);
}

TEST(SamplingTest, RevisitsAQuarterOfThePreviousCycleStillOpen) {
  std::vector<std::string> previous;
  for (int i = 0; i < 10; ++i) previous.push_back("C0" + std::to_string(i));
  previous.push_back("GONE1");  // closed since: cannot be revisited
  SamplingRules r;
  r.size = 20;
  auto s = draw_sample(caseload(), r, previous);
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->revisits_wanted, 3);  // ceil(25% of 11)
  int revisits = 0;
  for (const auto& c : s->children) {
    if (!c.revisit) continue;
    ++revisits;
    EXPECT_EQ(c.child.child_id.substr(0, 2), "C0");
  }
  EXPECT_EQ(revisits, 3);
  EXPECT_EQ(s->children.size(), 20u);  // revisits count towards the size
  auto got = ids(*s);
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()).size(), 20u);
}

TEST(SamplingTest, RevisitShortfallIsReportedNotHidden) {
  SamplingRules r;
  r.size = 5;
  r.revisit_share = 1.0;
  auto s = draw_sample(caseload(), r, {"C01", "GONE1", "GONE2"});
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->revisits_wanted, 3);
  EXPECT_EQ(s->revisits_not_open, (std::vector<std::string>{"GONE1", "GONE2"}));
  EXPECT_TRUE(s->children.front().revisit);
  EXPECT_EQ(s->children.front().child.child_id, "C01");
}

TEST(SamplingTest, RefusesNonsenseRules) {
  SamplingRules r;
  r.revisit_share = 1.5;
  EXPECT_FALSE(draw_sample(caseload(), r, {}).is_ok());
  r.revisit_share = 0.25;
  r.size = -1;
  EXPECT_FALSE(draw_sample(caseload(), r, {}).is_ok());
}

TEST(SamplingTest, SizeLargerThanTheCaseloadTakesEveryone) {
  SamplingRules r;
  r.size = 500;
  auto s = draw_sample(caseload(), r, {});
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->children.size(), 40u);
}

TEST(SeededRandomTest, BelowStaysInRangeAndIsRepeatable) {
  SeededRandom a(7), b(7);
  for (int i = 0; i < 1000; ++i) {
    uint64_t x = a.below(13);
    EXPECT_LT(x, 13u);
    EXPECT_EQ(x, b.below(13));
  }
}

}  // namespace
}  // namespace beacon::qa
