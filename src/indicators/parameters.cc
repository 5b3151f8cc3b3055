#include "indicators/parameters.h"

namespace beacon {

const std::vector<ParameterInfo>& parameter_catalogue() {
  static const std::vector<ParameterInfo> params = {
      {"assessment_working_days", 45, "KPI3: an assessment is on time within this many working days"},
      {"icpc_working_days", 15, "KPI5: an ICPC is on time within this many working days of the S47 start"},
      {"repeat_cp_years", 2, "KPI6: a previous CP plan that ended within this many years makes a repeat"},
      {"care_leaver_min_age", 19, "KPI9: youngest birthday in the care-leaver cohort"},
      {"care_leaver_max_age", 21, "KPI9: oldest birthday in the care-leaver cohort"},
      {"cin_plan_working_days", 20, "CIN plans should start within this many working days of the assessment"},
      {"cin_visit_working_days", 20, "CIN-plan visits at most this many working days apart"},
      {"cp_visit_working_days", 10, "CP visits at most this many working days apart"},
      {"caseload_threshold", 20, "Workers holding more than this many children are flagged"},
      {"trend_points", 3, "Trend compares the mean of the last N monthly values with the N before"},
      {"trend_stable_points", 1, "Stable when percentages differ by at most this many points"},
      {"trend_stable_percent", 2, "Stable when other measures differ by at most this % of the earlier mean"},
      {"scrutiny_suppress_below", 5, "Counts below this are suppressed for scrutiny members"},
      {"assessment_warning_working_days", 5, "Worklists flag assessments with this many working days or fewer left"},
  };
  return params;
}

double Parameters::get(std::string_view name) const {
  if (auto it = overrides_.find(name); it != overrides_.end()) return it->second;
  for (const auto& p : parameter_catalogue())
    if (name == p.name) return p.default_value;
  return 0;
}

}  // namespace beacon
