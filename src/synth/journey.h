// A child's journey through children's social care: contact → referral →
// assessment → no further action, early help, a CIN plan or a section 47
// enquiry → ICPC → CP plan → looked after → leaving care or permanence, and
// re-referrals after closure. Dates only; workers are added by casework.
#ifndef BEACON_SYNTH_JOURNEY_H_
#define BEACON_SYNTH_JOURNEY_H_

#include "synth/people.h"
#include "synth/rng.h"
#include "synth/world.h"

namespace beacon::synth {

// Runs the child's referrals from `first_referral`, stopping at `horizon`
// (nothing starts after it).
void simulate_journey(Child& c, ChildKind kind, Date first_referral, Date horizon, Rng& rng);

// Cuts the child's records at the as-at date: nothing starting after it
// exists, and what ends after it is still open.
void clip_to(Child& c, Date as_at);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_JOURNEY_H_
