// The smaller local tables: the youth-justice cohort, population estimates,
// and targets and tolerances for the contract KPIs.
#ifndef BEACON_SYNTH_EXTRAS_H_
#define BEACON_SYNTH_EXTRAS_H_

#include "synth/rng.h"
#include "synth/world.h"

namespace beacon::synth {

// Disposals for young people aged 10–17 drawn from the children already in
// the output; about 36% re-offend within a year.
void build_youth_justice(World& w, Rng& rng);
// ONS-style mid-year estimates: about 250,000 children aged 0–17 at scale 1.
void build_population(World& w);
// The published 2018/19 targets and tolerances (domain.md §3) for every year.
void build_targets(World& w);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_EXTRAS_H_
