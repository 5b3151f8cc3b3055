// The generator's own pseudo-random numbers: xoshiro256** seeded through
// splitmix64, so a seed gives the same sequence on every platform and every
// standard library (std::mt19937 is portable but its distributions are not).
// Nothing here reads the clock or std::random_device.
#ifndef BEACON_SYNTH_RNG_H_
#define BEACON_SYNTH_RNG_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace beacon::synth {

// splitmix64: one step. Also a good 64-bit mixer for deriving stream seeds.
uint64_t splitmix64(uint64_t& state);
// Mixes a seed with a stream number and an index into one well-spread seed.
uint64_t derive_seed(uint64_t seed, uint64_t stream, uint64_t index = 0);

class Rng {
 public:
  explicit Rng(uint64_t seed);

  uint64_t next();
  // Uniform in [0, 1).
  double uniform();
  // Uniform integer in [lo, hi] (inclusive).
  int range(int lo, int hi);
  bool chance(double p) { return uniform() < p; }
  // Exponential with the given mean.
  double exponential(double mean);
  // Standard normal (Box–Muller, no cached second value: simpler to reason about).
  double normal();
  // Log-normal with the given median and shape sigma.
  double lognormal(double median, double sigma);
  // Poisson count with the given mean (Knuth for small means, normal approximation above 60).
  int poisson(double mean);
  // Index drawn with probability proportional to weights[i].
  std::size_t weighted(const double* weights, size_t n);
  std::size_t weighted(std::initializer_list<double> weights);
  std::size_t weighted(const std::vector<double>& weights) {
    return weighted(weights.data(), weights.size());
  }

 private:
  uint64_t s_[4];
};

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_RNG_H_
