// Data-quality defects injected at a settable rate. Every defect is one the
// readers accept as a data-quality finding, never a load error, so a load of
// the generated files succeeds at any rate.
//  - a code not in its list: referral source "2C", assessment factor "25A";
//  - ethnicity left blank;
//  - visits left in draft for more than 48 hours;
//  - an assessment recorded twice on the same day (same episode and start);
//  - a referral withdrawn between years: open at 31 March in one year's CIN
//    census, absent from the next year's return and from the SSD extract.
#ifndef BEACON_SYNTH_DEFECTS_H_
#define BEACON_SYNTH_DEFECTS_H_

#include "synth/rng.h"
#include "synth/world.h"

namespace beacon::synth {

void inject_defects(World& w, Rng& rng);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_DEFECTS_H_
