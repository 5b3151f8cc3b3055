#include "indicators/targets.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace beacon {
namespace {

struct Default {
  const char* id;
  double target, low, high;
};

// domain.md §3: the contract KPIs' targets and tolerances as published for 2018/19.
constexpr Default kDefaults[] = {
    {"KPI1", 85, 75, 95},  {"KPI2", 21, 17, 24},   {"KPI3", 85, 80, 90},   {"KPI4", 30, 24, 36},
    {"KPI5", 80, 75, 85},  {"KPI6", 12, 9, 14},    {"KPI7", 65, 62, 69},   {"KPI8", 96, 86, 100},
    {"KPI9", 55, 50, 80},  {"KPI10", 240, 220, 260}, {"KPI11", 45, 30, 60}, {"KPI12", 13, 10, 15},
    {"KPI13", 25, 20, 30}, {"KPI14", 15, 12, 20},  {"KPI15", 86, 80, 90},
};

std::optional<Polarity> parse_polarity(const std::string& s) {
  if (s == "high") return Polarity::kHigh;
  if (s == "low") return Polarity::kLow;
  if (s == "band") return Polarity::kBand;
  if (s == "none") return Polarity::kNone;
  return std::nullopt;
}

}  // namespace

TargetSettings targets_for(const IndicatorDef& def, int financial_year,
                           const std::vector<IndicatorTarget>& loaded) {
  TargetSettings s;
  s.polarity = def.polarity;
  for (const auto& d : kDefaults)
    if (std::strcmp(d.id, def.id) == 0) {
      s.target = d.target;
      s.tolerance_low = d.low;
      s.tolerance_high = d.high;
    }
  // domain.md §3: children looked after per 10,000 — statistical neighbours 87, region 88, England 70.
  if (std::strcmp(def.id, "CLA_RATE") == 0) {
    s.england = 70;
    s.statistical_neighbours = 87;
    s.region = 88;
  }
  for (const auto& t : loaded) {
    if (t.financial_year != financial_year || t.indicator_id != def.id) continue;
    if (auto p = parse_polarity(t.polarity)) s.polarity = *p;
    if (t.target) s.target = t.target;
    if (t.tolerance_low) s.tolerance_low = t.tolerance_low;
    if (t.tolerance_high) s.tolerance_high = t.tolerance_high;
    if (t.england) s.england = t.england;
    if (t.statistical_neighbours) s.statistical_neighbours = t.statistical_neighbours;
    if (t.region) s.region = t.region;
  }
  return s;
}

const char* rag_name(Rag r) {
  switch (r) {
    case Rag::kGreen: return "green";
    case Rag::kAmber: return "amber";
    case Rag::kRed: return "red";
    case Rag::kNone: return "none";
  }
  return "none";
}

const char* rag_label(Rag r) {
  switch (r) {
    case Rag::kGreen: return "Green";
    case Rag::kAmber: return "Amber";
    case Rag::kRed: return "Red";
    case Rag::kNone: return "Not rated";
  }
  return "Not rated";
}

namespace {

// Values are compared unrounded (indicators.md), but a share worked out in
// floating point can land a hair's breadth off a value that is exactly on
// the target (17 of 20 FTE made of 0.1s): equal within one part in 10^9
// counts as equal, so a figure exactly on target is never judged below it.
bool at_least(double v, double edge) { return v >= edge - 1e-9 * std::max(1.0, std::fabs(edge)); }
bool at_most(double v, double edge) { return v <= edge + 1e-9 * std::max(1.0, std::fabs(edge)); }

}  // namespace

Rag rag_for(std::optional<double> value, const TargetSettings& s) {
  if (!value) return Rag::kNone;
  const double v = *value;
  switch (s.polarity) {
    case Polarity::kHigh:
      if (!s.target) return Rag::kNone;
      if (at_least(v, *s.target)) return Rag::kGreen;
      return s.tolerance_low && at_least(v, *s.tolerance_low) ? Rag::kAmber : Rag::kRed;
    case Polarity::kLow:
      if (!s.target) return Rag::kNone;
      if (at_most(v, *s.target)) return Rag::kGreen;
      return s.tolerance_high && at_most(v, *s.tolerance_high) ? Rag::kAmber : Rag::kRed;
    case Polarity::kBand:
      if (!s.tolerance_low || !s.tolerance_high) return Rag::kNone;
      return at_least(v, *s.tolerance_low) && at_most(v, *s.tolerance_high) ? Rag::kGreen
                                                                             : Rag::kRed;
    case Polarity::kNone: return Rag::kNone;
  }
  return Rag::kNone;
}

}  // namespace beacon
