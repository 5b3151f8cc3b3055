// Pen portraits: one page per cohort (children in need, on CIN plans, on CP
// plans, looked after, care leavers) with the measures of domain.md §4, at
// any date and for any unit.
#ifndef BEACON_PORTRAITS_PEN_PORTRAIT_H_
#define BEACON_PORTRAITS_PEN_PORTRAIT_H_

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "indicators/engine.h"

namespace beacon {

enum class Cohort { kChildrenInNeed, kCinPlan, kChildProtection, kLookedAfter, kCareLeavers };
// "cin", "cin-plan", "cp", "cla", "care-leavers".
const char* cohort_id(Cohort c);
const char* cohort_title(Cohort c);  // "Children in need", …
std::optional<Cohort> parse_cohort(std::string_view id);

struct PortraitItem {
  std::string label;
  std::optional<double> count;  // children (or records) with this characteristic
  std::optional<double> share;  // percentage of the section's base
  std::optional<double> value;  // for averages and medians
  std::string unit;             // "days", "years" for values
};

struct PortraitSection {
  std::string title;
  std::vector<PortraitItem> items;
};

struct PenPortrait {
  Cohort cohort = Cohort::kChildrenInNeed;
  Date at;
  std::string unit_id;
  std::string unit_name;
  int64_t count = 0;
  std::vector<PortraitSection> sections;
};

// Fails (not found) for an unknown unit.
Result<PenPortrait> build_pen_portrait(const IndicatorEngine& engine, Cohort cohort, Date at,
                                       std::string_view unit_id);

}  // namespace beacon

#endif  // BEACON_PORTRAITS_PEN_PORTRAIT_H_
