#include "indicators/narrative.h"

#include <cctype>

#include "indicators/engine.h"
#include "indicators/figure_text.h"

namespace beacon {
namespace {

// "; amber against a target of 85.0%" — and, where the value rounds to the
// target but is not on it, "just below" or "just above", so a page never
// shows 85.0% marked amber against 85 without saying why.
std::string against_target(const Figure& f) {
  const IndicatorDef& def = *f.def;
  const double v = *f.value, t = *f.settings.target;
  std::string rag = rag_label(f.rag);
  rag[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(rag[0])));
  if (format_value(def, v) == format_value(def, t) && v != t && f.rag != Rag::kGreen)
    return "; " + rag + ": just " + (v < t ? "below" : "above") + " the target of " +
           format_value(def, t) + " (by " + gap_text(def, v - t) + ")";
  return "; " + rag + " against a target of " + format_value(def, t);
}

}  // namespace

std::string write_narrative(const Figure& f, const std::vector<SeriesPoint>& series) {
  const IndicatorDef& def = *f.def;
  std::string out;
  // 1. Where it stands.
  if (!f.value) {
    out = (f.no_value.empty() ? "No value for " + f.period.describe() + ": nothing in the denominator"
                              : f.no_value) +
          ".";
  } else {
    out = figure_text(def, f.value, f.total, f.no_value);
    out += f.def->kind == IndicatorKind::kSnapshot ? " at " + f.period.to.text()
                                                   : " for " + f.period.describe();
    if (f.rag != Rag::kNone && f.settings.target) out += against_target(f);
    out += ".";
  }
  // 2. The last 12 months against target and tolerance.
  std::vector<const SeriesPoint*> recent;
  for (size_t i = series.size() > 12 ? series.size() - 12 : 0; i < series.size(); ++i)
    if (series[i].value) recent.push_back(&series[i]);
  if (!recent.empty() && f.settings.target && f.settings.polarity != Polarity::kNone) {
    int green = 0, amber = 0;
    const SeriesPoint* last_miss = nullptr;
    for (const auto* p : recent) {
      if (p->rag == Rag::kGreen) ++green;
      if (p->rag == Rag::kAmber) ++amber;
      if (p->rag == Rag::kAmber || p->rag == Rag::kRed) last_miss = p;
    }
    const int n = static_cast<int>(recent.size());
    const std::string of = " of the last " + std::to_string(n) + (n == 1 ? " month" : " months");
    if (f.settings.polarity == Polarity::kBand) {
      out += " Within the tolerance band for " + std::to_string(green) + of;
    } else {
      out += " On target for " + std::to_string(green) + of;
      if (amber) out += ", within tolerance for " + std::to_string(green + amber);
    }
    if (last_miss) {
      const double target = *f.settings.target;
      const bool above = *last_miss->value > target;
      out += "; " + std::string(above ? "above" : "below") + " target in " +
             last_miss->to.month_text() + " by " + gap_text(def, *last_miss->value - target);
    }
    out += ".";
  }
  // 3. Direction of travel.
  if (f.trend.trend != Trend::kNone && f.trend.recent_mean && f.trend.previous_mean) {
    std::string t = trend_name(f.trend.trend);
    t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    out += " " + t + ": the last three months average " +
           format_value(def, f.trend.recent_mean) + " against " +
           format_value(def, f.trend.previous_mean) + " for the three before.";
  }
  // 4. Benchmarks.
  if (f.settings.england)
    out += " England " + format_value(def, f.settings.england) + ".";
  return out;
}

}  // namespace beacon
