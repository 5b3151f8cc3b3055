// Sentences a report writer would write from an indicator's series — built
// only from the figures, never invented, and deterministic.
#ifndef BEACON_INDICATORS_NARRATIVE_H_
#define BEACON_INDICATORS_NARRATIVE_H_

#include <optional>
#include <string>
#include <vector>

#include "indicators/figure_text.h"

namespace beacon {

struct Figure;
struct SeriesPoint;
struct IndicatorDef;

// `series`: monthly points, oldest first (may be longer than figure.series).
std::string write_narrative(const Figure& figure, const std::vector<SeriesPoint>& series);


}  // namespace beacon

#endif  // BEACON_INDICATORS_NARRATIVE_H_
