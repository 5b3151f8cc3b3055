// Pen-portrait measures as indicators.md defines them.
#include "portraits/pen_portrait.h"

#include <gtest/gtest.h>

#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

CinEpisode referral(std::string child, Date referred, OptDate closed = std::nullopt) {
  CinEpisode e;
  e.child_id = std::move(child);
  e.referral_date = referred;
  e.closure_date = closed;
  e.primary_need = "N1";
  return e;
}

const PortraitItem* item(const PenPortrait& p, const std::string& label) {
  for (const auto& s : p.sections)
    for (const auto& i : s.items)
      if (i.label == label) return &i;
  return nullptr;
}

// "Average days open" = mean of (date − referral date) over open episodes: a
// child with two open episodes contributes both; closed ones none.
TEST(PenPortrait, AverageDaysOpenIsOverOpenEpisodes) {
  CaseHistory h;
  h.children = {child("A", D(2015, 1, 1)), child("B", D(2014, 1, 1))};
  h.cin_episodes.push_back(referral("A", D(2024, 4, 1)));                 // 364 days
  h.cin_episodes.push_back(referral("B", D(2024, 10, 1)));                // 181
  h.cin_episodes.push_back(referral("B", D(2024, 11, 1)));                // 150
  h.cin_episodes.push_back(referral("B", D(2023, 1, 1), D(2023, 6, 1)));  // closed
  IndicatorEngine engine(std::make_shared<CaseIndex>(std::move(h)));
  auto p = build_pen_portrait(engine, Cohort::kChildrenInNeed, D(2025, 3, 31), "");
  ASSERT_TRUE(p.is_ok());
  EXPECT_EQ(p->count, 2);  // children
  const PortraitItem* days = item(*p, "Average days open");
  ASSERT_NE(days, nullptr);
  ASSERT_TRUE(days->value);
  EXPECT_DOUBLE_EQ(*days->value, (364.0 + 181 + 150) / 3);
}

}  // namespace
}  // namespace beacon
