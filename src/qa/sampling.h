// Drawing a cycle's sample from the children open to the service: by rule
// (random, a set number per team or per cohort, or stratified in proportion
// to the open caseload), with a recorded seed so the same inputs always draw
// the same children, and always revisiting a set share (25% by default) of
// the previous cycle's children to check the impact of its recommendations.
#ifndef BEACON_QA_SAMPLING_H_
#define BEACON_QA_SAMPLING_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace beacon::qa {

// A child who could be sampled, as the case history shows them on the day.
struct Candidate {
  std::string child_id;
  std::string child_name;
  std::string practitioner_id;  // allocated worker
  std::string team_id;
  std::string locality_id;
  std::string cohort;  // cin | cp | cla | care-leaver | assessment
};

enum class SampleMode {
  kRandom,      // `size` children from everyone eligible
  kPerTeam,     // `per_group` from each team
  kPerCohort,   // `per_group` from each cohort
  kStratified,  // `size` children shared across strata in proportion to their size
};
std::string_view sample_mode_name(SampleMode m);  // random | per-team | per-cohort | stratified
std::optional<SampleMode> parse_sample_mode(std::string_view name);

enum class Stratum { kTeam, kLocality, kCohort };

struct SamplingRules {
  SampleMode mode = SampleMode::kRandom;
  int size = 100;     // random, stratified: children to draw (revisits included)
  int per_group = 5;  // per team, per cohort: children from each group (revisits not counted)
  Stratum stratify_by = Stratum::kLocality;
  std::set<std::string> teams;    // when given, only these teams
  std::set<std::string> cohorts;  // when given, only these cohorts
  double revisit_share = 0.25;    // of the previous cycle's children
  uint64_t seed = 1;
};

struct SampledChild {
  Candidate child;
  bool revisit = false;
  std::string group;  // the team, cohort or stratum it was drawn for
};

struct Sample {
  std::vector<SampledChild> children;  // revisits first, then by group and draw order
  // Previous children due a revisit who are no longer open (so not drawn).
  std::vector<std::string> revisits_not_open;
  int revisits_wanted = 0;  // ceil(share × previous cycle's children)
};

// Children in `previous` are revisited: ceil(share × |previous|) of them,
// drawn at random from those still among the candidates. Input order does
// not matter (candidates are sorted by child id first); each child appears
// once. Refuses nonsense rules (negative sizes, share outside 0–1).
Result<Sample> draw_sample(const std::vector<Candidate>& candidates, const SamplingRules& rules,
                           const std::vector<std::string>& previous);

// A small, portable, seeded generator (SplitMix64): the same seed gives the
// same numbers on every platform, unlike std:: distributions.
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}
  uint64_t next();
  // Uniform in [0, n); n > 0.
  uint64_t below(uint64_t n);
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace beacon::qa

#endif  // BEACON_QA_SAMPLING_H_
