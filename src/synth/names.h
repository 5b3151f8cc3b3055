// Invented names built from short syllable lists, so every name is plainly
// synthetic (and never a real person's): "Talvo Brenmarsh", "Isaline Corwick".
#ifndef BEACON_SYNTH_NAMES_H_
#define BEACON_SYNTH_NAMES_H_

#include <string>

#include "synth/rng.h"

namespace beacon::synth {

std::string invent_forename(Rng& rng, char sex);
std::string invent_surname(Rng& rng);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_NAMES_H_
