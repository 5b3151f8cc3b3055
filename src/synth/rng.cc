#include "synth/rng.h"

#include <cmath>

namespace beacon::synth {

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t derive_seed(uint64_t seed, uint64_t stream, uint64_t index) {
  uint64_t s = seed;
  uint64_t a = splitmix64(s);
  s = a ^ (stream * 0xD1B54A32D192ED03ull);
  uint64_t b = splitmix64(s);
  s = b ^ (index * 0x8CB92BA72F3D8DD7ull);
  return splitmix64(s);
}

namespace {
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

Rng::Rng(uint64_t seed) {
  uint64_t s = seed;
  for (auto& word : s_) word = splitmix64(s);
}

uint64_t Rng::next() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int Rng::range(int lo, int hi) {
  if (hi <= lo) return lo;
  uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  return lo + static_cast<int>(next() % span);
}

double Rng::exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

double Rng::normal() {
  double u1 = 1.0 - uniform();  // (0, 1]
  double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double Rng::lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

int Rng::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 60) {
    double v = std::round(mean + std::sqrt(mean) * normal());
    return v < 0 ? 0 : static_cast<int>(v);
  }
  double limit = std::exp(-mean), p = 1.0;
  int k = 0;
  do {
    ++k;
    p *= uniform();
  } while (p > limit);
  return k - 1;
}

size_t Rng::weighted(const double* weights, size_t n) {
  double total = 0;
  for (size_t i = 0; i < n; ++i) total += weights[i];
  double x = uniform() * total;
  for (size_t i = 0; i < n; ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return n - 1;
}

size_t Rng::weighted(std::initializer_list<double> weights) {
  return weighted(weights.begin(), weights.size());
}

}  // namespace beacon::synth
