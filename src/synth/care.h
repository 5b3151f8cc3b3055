// Periods of care (SSDA903): legal statuses, placements and the episodes they
// make, reviews, adoption milestones, missing episodes and short breaks.
#ifndef BEACON_SYNTH_CARE_H_
#define BEACON_SYNTH_CARE_H_

#include <string>

#include "synth/rng.h"
#include "synth/world.h"

namespace beacon::synth {

enum class CareRoute : uint8_t {
  kVoluntary,  // s20 accommodation (V2), perhaps care proceedings later
  kCourt,      // interim care order (C1) from the start
  kEmergency,  // police protection or an EPO (L1/L2), then an interim care order
  kUasc,       // unaccompanied asylum-seeking child (V2)
  kRemand,     // remanded to local authority accommodation (J1)
};

// One period of care starting on `start`, run to its end (which may lie past
// the as-at date; the world is clipped afterwards). The period's episodes end
// with the reason it ceased (REC): adoption E11/E12, SGO E45–E48, return home
// E4A/E4B/E13, age 18 E17/E5/E6/E8/E7, transfer E3, and so on.
CarePeriod simulate_care(const Child& c, Date start, CareRoute route, const std::string& need,
                         int referral, Rng& rng);

// Short breaks for a disabled child between `from` and `to`: a series of V3
// periods (or one V4 agreement), each its own period of care.
void simulate_short_breaks(Child& c, Date from, Date to, int referral, Rng& rng);

// Missing and away-from-placement episodes while a child is looked after.
void simulate_missing(Child& c, Rng& rng);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_CARE_H_
