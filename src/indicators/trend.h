// Trend (indicators.md): the mean of the last {3} monthly values against the
// mean of the {3} before; stable within {1} percentage point (percentages)
// or {2}% of the earlier mean (other measures); otherwise improving or
// declining in the direction of the polarity (for a band: toward the target).
#ifndef BEACON_INDICATORS_TREND_H_
#define BEACON_INDICATORS_TREND_H_

#include <optional>
#include <vector>

#include "indicators/parameters.h"
#include "indicators/targets.h"

namespace beacon {

enum class Trend { kNone, kImproving, kStable, kDeclining };
const char* trend_name(Trend t);   // "none", "improving", "stable", "declining"
const char* trend_arrow(Trend t);  // "↑", "→", "↓", ""

struct TrendResult {
  Trend trend = Trend::kNone;
  std::optional<double> recent_mean;    // mean of the last N values
  std::optional<double> previous_mean;  // mean of the N before
};

// `values`: the monthly series, oldest first (at least 2N values are used).
TrendResult trend_of(const std::vector<std::optional<double>>& values, bool percentage,
                     const TargetSettings& settings, const Parameters& params);

}  // namespace beacon

#endif  // BEACON_INDICATORS_TREND_H_
