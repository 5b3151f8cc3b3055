// What `beacon generate` is asked for: the knobs of the synthetic organisation.
#ifndef BEACON_SYNTH_OPTIONS_H_
#define BEACON_SYNTH_OPTIONS_H_

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/result.h"

namespace beacon::synth {

struct Options {
  // 1.0 is the reference trust: about 7,100 children in need, 2,200 looked
  // after, 800 social workers. Children and workers scale linearly.
  double scale = 1.0;
  uint64_t seed = 1;
  // Collection years of history (CIN census and SSDA903 returns) ending at as_at.
  int years = 5;
  // The day the extract is taken. A fixed default, so output never depends on the clock.
  Date as_at = *Date::from_ymd(2026, 3, 31);
  // Share of eligible records given a data-quality defect; 0 gives clean data.
  double defect_rate = 0.01;
};

// Refuses options the generator cannot honour (scale out of range, …).
Status check_options(const Options& o);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_OPTIONS_H_
