#include "synth/rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace beacon::synth {
namespace {

TEST(Rng, SameSeedSameSequence) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs = differs || x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(Rng, KnownFirstValuesPinThePlatformIndependentSequence) {
  // splitmix64 seeding then xoshiro256**: fixed by the algorithm, not the library.
  uint64_t s = 0;
  EXPECT_EQ(splitmix64(s), 0xE220A8397B1DCDAFull);
  Rng r(0);
  const uint64_t first = r.next();
  Rng again(0);
  EXPECT_EQ(first, again.next());
}

TEST(Rng, DerivedSeedsDifferByStreamAndIndex) {
  EXPECT_NE(derive_seed(1, 1, 0), derive_seed(1, 2, 0));
  EXPECT_NE(derive_seed(1, 1, 0), derive_seed(1, 1, 1));
  EXPECT_NE(derive_seed(1, 1, 0), derive_seed(2, 1, 0));
  EXPECT_EQ(derive_seed(7, 3, 9), derive_seed(7, 3, 9));
}

TEST(Rng, RangeStaysInBoundsAndCoversThem) {
  Rng r(5);
  std::vector<int> seen(5, 0);
  for (int i = 0; i < 5000; ++i) {
    int v = r.range(3, 7);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 7);
    ++seen[static_cast<size_t>(v - 3)];
  }
  for (int n : seen) EXPECT_GT(n, 800);
  EXPECT_EQ(r.range(4, 4), 4);
}

TEST(Rng, DistributionsHaveTheirMeans) {
  Rng r(11);
  double u = 0, e = 0, p = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    u += r.uniform();
    e += r.exponential(10);
    p += r.poisson(3.5);
  }
  EXPECT_NEAR(u / n, 0.5, 0.02);
  EXPECT_NEAR(e / n, 10, 0.4);
  EXPECT_NEAR(p / n, 3.5, 0.1);
  std::vector<double> logs;
  for (int i = 0; i < n; ++i) logs.push_back(r.lognormal(30, 0.3));
  std::sort(logs.begin(), logs.end());
  EXPECT_NEAR(logs[n / 2], 30, 1.0);  // the median
}

TEST(Rng, WeightedFollowsTheWeights) {
  Rng r(3);
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) ++counts[r.weighted({1, 2, 0})];
  EXPECT_EQ(counts[2], 0);
  EXPECT_NEAR(static_cast<double>(counts[1]) / counts[0], 2.0, 0.15);
}

}  // namespace
}  // namespace beacon::synth
