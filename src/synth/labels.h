// Labels for the codes the generated files describe in words.
#ifndef BEACON_SYNTH_LABELS_H_
#define BEACON_SYNTH_LABELS_H_

#include <string>

namespace beacon::synth {

// CIN referral source (also the contact source): "Police" for 6, …
std::string referral_source_label(const std::string& code);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_LABELS_H_
