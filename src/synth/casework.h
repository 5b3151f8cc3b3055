// Who does the work, and the work that leaves records day to day: allocations
// of every open child to a worker over time (changing when workers leave or
// cases transfer), the workers named on assessments and plans, statutory
// visits with their form status, and front-door contacts.
#ifndef BEACON_SYNTH_CASEWORK_H_
#define BEACON_SYNTH_CASEWORK_H_

#include "synth/rng.h"
#include "synth/workforce.h"
#include "synth/world.h"

namespace beacon::synth {

// Allocations, record workers and visits for one child (window only).
void add_casework(Child& c, const World& w, const Roster& roster, Rng& rng);

// Front-door contacts for one child: the contact behind each referral, and
// contacts about known children that led to no referral.
void add_contacts(Child& c, const World& w, const Roster& roster, Rng& rng);

// A contact-only child: one or two contacts in the window, no referral.
void add_contact_only(Child& c, Date first, const World& w, const Roster& roster, Rng& rng);

// Care-leaver status: eligibility, the OC3 record for each birthday from the
// 17th to the 21st in a collection year, and the picture at the as-at date.
void assess_care_leaver(Child& c, const World& w, Rng& rng);

// The allocated worker (role social_worker or personal_adviser) on d, or -1.
int allocated_on(const Child& c, Date d);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_CASEWORK_H_
