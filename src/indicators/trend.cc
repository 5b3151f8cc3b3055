#include "indicators/trend.h"

#include <cmath>

namespace beacon {

const char* trend_name(Trend t) {
  switch (t) {
    case Trend::kImproving: return "improving";
    case Trend::kStable: return "stable";
    case Trend::kDeclining: return "declining";
    case Trend::kNone: return "none";
  }
  return "none";
}

const char* trend_arrow(Trend t) {
  switch (t) {
    case Trend::kImproving: return "\u2191";
    case Trend::kStable: return "\u2192";
    case Trend::kDeclining: return "\u2193";
    case Trend::kNone: return "";
  }
  return "";
}

TrendResult trend_of(const std::vector<std::optional<double>>& values, bool percentage,
                     const TargetSettings& settings, const Parameters& params) {
  TrendResult out;
  const size_t n = static_cast<size_t>(params.get_int("trend_points"));
  if (n == 0 || values.size() < 2 * n) return out;
  double recent = 0, previous = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto& r = values[values.size() - 1 - i];
    const auto& p = values[values.size() - 1 - n - i];
    if (!r || !p) return out;
    recent += *r;
    previous += *p;
  }
  recent /= static_cast<double>(n);
  previous /= static_cast<double>(n);
  out.recent_mean = recent;
  out.previous_mean = previous;
  const double threshold = percentage
                               ? params.get("trend_stable_points")
                               : std::fabs(previous) * params.get("trend_stable_percent") / 100.0;
  if (std::fabs(recent - previous) <= threshold) {
    out.trend = Trend::kStable;
    return out;
  }
  bool better = false;
  switch (settings.polarity) {
    case Polarity::kHigh: better = recent > previous; break;
    case Polarity::kLow: better = recent < previous; break;
    case Polarity::kBand: {
      // Toward the target (or the band's middle) is better.
      double centre = settings.target ? *settings.target
                      : settings.tolerance_low && settings.tolerance_high
                          ? (*settings.tolerance_low + *settings.tolerance_high) / 2
                          : previous;
      better = std::fabs(recent - centre) < std::fabs(previous - centre);
      break;
    }
    case Polarity::kNone: return out;  // no direction is better
  }
  out.trend = better ? Trend::kImproving : Trend::kDeclining;
  return out;
}

}  // namespace beacon
