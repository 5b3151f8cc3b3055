// Headline figures of a generated world, computed straight from the world
// model: the pen-portrait counts at the as-at date and approximations of the
// contract KPIs over the last 12 months. Printed by `beacon generate`, kept
// in the manifest, and used by the tests to check the distributions.
#ifndef BEACON_SYNTH_FIGURES_H_
#define BEACON_SYNTH_FIGURES_H_

#include <string>
#include <utility>
#include <vector>

#include "synth/world.h"

namespace beacon::synth {

struct Figure {
  std::string name;
  double value = 0;
  std::string note;
};

// In a fixed order. Percentages are 0–100; "no value" is reported as -1.
std::vector<Figure> headline_figures(const World& w);

// The figure by name, or -1.
double figure(const std::vector<Figure>& figures, const std::string& name);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_FIGURES_H_
