// A figure's value from its numerator and denominator, and RAG at the band
// edges (indicators.md: unrounded values, inclusive edges).
#include <gtest/gtest.h>

#include <cmath>

#include "indicators/engine.h"

namespace beacon {
namespace {

// Dividing once gives the correctly rounded value: a share that is exactly a
// whole percentage is that number, so it meets a target set at it.
TEST(ValueOf, ExactSharesAreExact) {
  for (double d = 1; d <= 200; ++d)
    for (double n = 0; n <= d; ++n) {
      auto v = value_of(ValueKind::kPercent, {n, d, 1});
      ASSERT_TRUE(v);
      const double scaled = n * 100;
      if (std::fmod(scaled, d) == 0) {
        EXPECT_EQ(*v, scaled / d) << n << " of " << d;
      }
    }
  EXPECT_EQ(*value_of(ValueKind::kPercent, {57, 100, 1}), 57.0);
  EXPECT_EQ(*value_of(ValueKind::kPercent, {29, 50, 1}), 58.0);
  EXPECT_EQ(*value_of(ValueKind::kRatePer10k, {7, 50000, 1}), 1.4);
  EXPECT_FALSE(value_of(ValueKind::kPercent, {0, 0, 0}));
}

TEST(ValueOf, AFigureOnItsTargetIsGreen) {
  TargetSettings high{Polarity::kHigh, 58.0, 50.0, 80.0, {}, {}, {}};
  EXPECT_EQ(rag_for(value_of(ValueKind::kPercent, {29, 50, 1}), high), Rag::kGreen);
  TargetSettings low{Polarity::kLow, 28.0, 24.0, 36.0, {}, {}, {}};
  EXPECT_EQ(rag_for(value_of(ValueKind::kPercent, {7, 25, 1}), low), Rag::kGreen);
  EXPECT_EQ(rag_for(value_of(ValueKind::kPercent, {9, 25, 1}), low), Rag::kAmber);  // 36: the edge
}

}  // namespace
}  // namespace beacon
