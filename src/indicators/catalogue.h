// Every indicator Beacon computes: the 15 contract KPIs (KPI1 … KPI15 and
// KPI6E) and the wider catalogue of indicators.md, as data.
#ifndef BEACON_INDICATORS_CATALOGUE_H_
#define BEACON_INDICATORS_CATALOGUE_H_

#include <string_view>
#include <vector>

#include "indicators/indicator.h"

namespace beacon {

// In display order: the contract KPIs first.
const std::vector<IndicatorDef>& indicator_catalogue();
// nullptr for an unknown id (compared case-insensitively).
const IndicatorDef* find_indicator(std::string_view id);
// True for a figure whose records are workers or established posts, not
// children (the workforce family: KPI12, KPI14, KPI15, …).
bool counts_workers(const IndicatorDef& def);

}  // namespace beacon

#endif  // BEACON_INDICATORS_CATALOGUE_H_
