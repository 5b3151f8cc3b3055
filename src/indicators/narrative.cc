#include "indicators/narrative.h"

#include <cmath>
#include <cstdio>

#include "indicators/engine.h"

namespace beacon {
namespace {

std::string one_decimal(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  return s == "-0.0" ? "0.0" : s;
}

std::string with_commas(double v) {
  if (std::fabs(v - std::round(v)) > 1e-9) return one_decimal(v);
  auto n = static_cast<long long>(std::llround(v));
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return (n < 0 ? "-" : "") + out;
}

bool is_percent(const IndicatorDef& def) { return std::string_view(def.measure) == "%"; }

// "1.0 points" for percentages, "12.0 days" otherwise.
std::string gap(const IndicatorDef& def, double d) {
  return one_decimal(std::fabs(d)) + (is_percent(def) ? " points" : " " + std::string(def.measure));
}

}  // namespace

std::string month_year(int year, int month) {
  static const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November",
                                 "December"};
  return std::string(kNames[(month - 1) % 12]) + " " + std::to_string(year);
}

std::string format_value(const IndicatorDef& def, std::optional<double> value) {
  if (!value) return "no value";
  if (is_percent(def)) return one_decimal(*value) + "%";
  if (def.value_kind == ValueKind::kCount) return with_commas(*value);
  return one_decimal(*value) + " " + def.measure;
}

std::string write_narrative(const Figure& f, const std::vector<SeriesPoint>& series) {
  const IndicatorDef& def = *f.def;
  std::string out;
  // 1. Where it stands.
  if (!f.value) {
    out = "No value for " + f.period.describe() + ": nothing in the denominator.";
  } else {
    out = format_value(def, f.value);
    if (def.value_kind != ValueKind::kCount)
      out += " (" + with_commas(f.total.numerator) + " of " + with_commas(f.total.denominator) + ")";
    out += f.def->kind == IndicatorKind::kSnapshot ? " at " + f.period.to.iso()
                                                   : " for " + f.period.describe();
    if (f.rag != Rag::kNone && f.settings.target)
      out += std::string("; ") + rag_name(f.rag) + " against a target of " +
             format_value(def, f.settings.target);
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
             month_year(last_miss->to.year(), last_miss->to.month()) + " by " +
             gap(def, *last_miss->value - target);
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
