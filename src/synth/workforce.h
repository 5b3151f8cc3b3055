// The organisation's structure and workforce: organisation → locality →
// service → team, posts filled over time by employed and agency staff with
// turnover and vacancies, line management, established posts and supervision.
#ifndef BEACON_SYNTH_WORKFORCE_H_
#define BEACON_SYNTH_WORKFORCE_H_

#include <vector>

#include "synth/rng.h"
#include "synth/world.h"

namespace beacon::synth {

// Builds units, workers and established posts for the world's window and scale.
void build_organisation(World& w, Rng& rng);
// Supervision records for every worker, month by month through the window.
void build_supervisions(World& w, Rng& rng);

// Who is in post where, and when: the questions casework asks of the workforce.
class Roster {
 public:
  explicit Roster(const World& w);

  // Teams of a kind in a locality (citywide kinds: locality kCitywide).
  const std::vector<int>& teams(TeamKind kind, int locality) const;
  // A case-holding worker of `team` in post on `d` (and, when possible, until
  // at least `until`), other than `exclude`; -1 when the team has none.
  int pick_case_worker(int team, Date d, Rng& rng, int exclude = -1) const;
  // Any worker of the unit in post on d (front door, IROs, adoption); -1 if none.
  int pick_any_worker(int unit, Date d, Rng& rng) const;
  // The unit's manager in post on d, else the parent unit's; -1 if none.
  int manager_at(int unit, Date d) const;

 private:
  const World& w_;
  std::vector<std::vector<int>> teams_;  // [kind * kLocalities + locality]
  std::vector<std::vector<int>> managers_;  // per unit: workers managing it over time
};

bool in_post(const Worker& k, Date d);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_WORKFORCE_H_
