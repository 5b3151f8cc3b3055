// The world model's distributions, checked at small scale with wide bounds
// that still fail when a mechanism breaks (a rate off by half, say).
#include "synth/world.h"

#include <gtest/gtest.h>

#include "synth/dates.h"
#include "synth/figures.h"

namespace beacon::synth {
namespace {

class WorldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options o;
    o.scale = 0.05;
    o.seed = 3;
    world_ = new World(build_world(o));
    figures_ = new std::vector<Figure>(headline_figures(*world_));
  }
  static void TearDownTestSuite() {
    delete world_;
    delete figures_;
  }
  static double f(const std::string& name) { return figure(*figures_, name); }
  static World* world_;
  static std::vector<Figure>* figures_;
};
World* WorldTest::world_ = nullptr;
std::vector<Figure>* WorldTest::figures_ = nullptr;

TEST_F(WorldTest, ScaleGivesItsShareOfTheReferenceTrust) {
  // Reference trust (domain.md §4): 7,115 children in need, 2,216 looked after.
  EXPECT_GT(f("cin_open"), 0.05 * 7115 * 0.75);
  EXPECT_LT(f("cin_open"), 0.05 * 7115 * 1.25);
  EXPECT_GT(f("looked_after"), 0.05 * 2216 * 0.7);
  EXPECT_LT(f("looked_after"), 0.05 * 2216 * 1.3);
  EXPECT_GT(f("cp_plans_open"), 0.05 * 1346 * 0.6);
  EXPECT_LT(f("cp_plans_open"), 0.05 * 1346 * 1.4);
  EXPECT_GT(f("care_leavers"), 0.05 * 973 * 0.6);
  EXPECT_LT(f("care_leavers"), 0.05 * 973 * 1.4);
}

TEST_F(WorldTest, KpisLandNearThePublishedFigures) {
  EXPECT_GE(f("kpi3_assessments_45wd_pct"), 80);
  EXPECT_LE(f("kpi3_assessments_45wd_pct"), 97);
  EXPECT_GE(f("kpi1_contacts_24h_pct"), 78);
  EXPECT_LE(f("kpi1_contacts_24h_pct"), 92);
  EXPECT_GE(f("kpi2_rereferral_pct"), 14);
  EXPECT_LE(f("kpi2_rereferral_pct"), 34);
  EXPECT_GE(f("kpi4_cin_over_2y_pct"), 15);
  EXPECT_LE(f("kpi4_cin_over_2y_pct"), 40);
  EXPECT_GE(f("kpi5_icpc_15wd_pct"), 82);
  EXPECT_LE(f("kpi5_icpc_15wd_pct"), 99.5);
  EXPECT_GE(f("kpi8_reviews_on_time_pct"), 88);
  EXPECT_LE(f("kpi8_reviews_on_time_pct"), 100);
  EXPECT_GE(f("kpi12_agency_pct"), 5);
  EXPECT_LE(f("kpi12_agency_pct"), 25);
  EXPECT_GE(f("kpi15_supervised_pct"), 78);
  EXPECT_LE(f("kpi15_supervised_pct"), 98);
}

TEST_F(WorldTest, EveryOpenChildIsAllocatedMostOfTheTime) {
  const Date to = world_->window.as_at;
  int open = 0, allocated = 0;
  for (const auto& c : world_->children)
    for (const auto& r : c.referrals)
      if (!r.nfa && !r.withdrawn_in_year && r.date <= to && !r.closure) {
        ++open;
        bool any = false;
        for (const auto& a : c.allocations)
          any = any || (a.role == "social_worker" && a.start <= to && !a.end);
        allocated += any;
      }
  ASSERT_GT(open, 100);
  EXPECT_GT(static_cast<double>(allocated) / open, 0.85);
}

TEST_F(WorldTest, RecordsHangTogether) {
  const Date to = world_->window.as_at;
  for (const auto& c : world_->children) {
    Date last_closure = Date::from_serial(-100000);
    for (const auto& r : c.referrals) {
      if (r.withdrawn_in_year) continue;
      ASSERT_LE(r.date, to);
      // Episodes of one child do not overlap (CIN rule 8820).
      EXPECT_GT(r.date, last_closure) << c.id;
      if (r.closure) {
        EXPECT_GE(*r.closure, r.date);
        last_closure = *r.closure;
      } else {
        last_closure = to;
      }
      for (const auto& a : r.assessments) {
        EXPECT_GE(a.start, r.date);
        if (a.authorised && r.closure) {
          EXPECT_LE(*a.authorised, *r.closure);
        }
      }
      for (const auto& p : r.cp_plans) {
        if (p.end) {
          EXPECT_GT(*p.end, p.start);
        }
        for (const auto& v : p.reviews) EXPECT_GT(v.date, p.start);
      }
      // No open CP plan alongside an open CIN plan in one episode (rule 4001).
      int open_cp = 0, open_cin = 0;
      for (const auto& p : r.cp_plans) open_cp += !p.end;
      for (const auto& p : r.cin_plans) open_cin += !p.end;
      EXPECT_FALSE(open_cp > 0 && open_cin > 0) << c.id;
    }
    for (const auto& p : c.care) {
      ASSERT_FALSE(p.episodes.empty());
      EXPECT_EQ(p.episodes.front().rne, "S");
      for (size_t i = 0; i < p.episodes.size(); ++i) {
        const auto& e = p.episodes[i];
        if (e.end) {
          EXPECT_GT(*e.end, e.start) << c.id;  // rule 355
        }
        if (i + 1 < p.episodes.size()) {
          EXPECT_EQ(e.rec, "X1");
          EXPECT_EQ(*e.end, p.episodes[i + 1].start);  // rule 433
        }
        const auto& place = p.placements[static_cast<size_t>(e.placement)].type;
        const auto& provider = p.placements[static_cast<size_t>(e.placement)].provider;
        if (place == "P1") {
          EXPECT_EQ(provider, "PR0");
        }
        if (place[0] == 'T') {
          EXPECT_EQ(provider, "");
        }
      }
      // A period neither starts nor ends on a temporary placement (rules 380/381).
      EXPECT_NE(p.placements.front().type[0], 'T');
      if (p.end) {
        EXPECT_NE(p.placements.back().type[0], 'T') << c.id;
      }
    }
  }
}

}  // namespace
}  // namespace beacon::synth
