// A child's own characteristics: sex, ethnicity, age, disability, identifiers,
// drawn to the reference trust's pen-portrait shares (domain.md §4).
#ifndef BEACON_SYNTH_PEOPLE_H_
#define BEACON_SYNTH_PEOPLE_H_

#include <string>

#include "synth/rng.h"
#include "synth/world.h"

namespace beacon::synth {

enum class ChildKind : uint8_t {
  kOrdinary,      // referred for abuse, neglect, family stress, …
  kDisabled,      // the child's own disability is the main need (N2)
  kUasc,          // unaccompanied asylum-seeking child
  kContactOnly,   // known to the front door only (contacts that led nowhere)
};

// A new child first referred (or first contacted) on `first_seen`.
Child make_child(Rng& rng, ChildKind kind, Date first_seen);

// Identifiers with valid check characters: a UPN (check letter, LA code
// "999" which no authority has) and an NHS number in the 999 test range.
std::string make_upn(Rng& rng);
std::string make_nhs_number(Rng& rng);

// A synthetic postcode in the city (areas ZZ1–ZZ30, ten per locality) or
// outside it (ZY1–ZY40). ZZ/ZY are not real postcode areas.
std::string city_postcode(Rng& rng, int locality);
std::string out_of_area_postcode(Rng& rng);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_PEOPLE_H_
