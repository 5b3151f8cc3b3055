// The scorecard and breakdowns: many figures at once, for pages and exports.
#ifndef BEACON_INDICATORS_SCORECARD_H_
#define BEACON_INDICATORS_SCORECARD_H_

#include <string>
#include <vector>

#include "indicators/engine.h"

namespace beacon {

// Figures for every indicator (or only the contract KPIs) for one unit.
std::vector<Figure> build_scorecard(const IndicatorEngine& engine, const Period& period,
                                    std::string_view unit, int series_points,
                                    bool contract_only);

struct BreakdownRow {
  std::string id;    // unit or worker id
  std::string name;
  std::string kind;  // locality, service, team, worker
  Aggregate total;
  std::optional<double> value;
  Rag rag = Rag::kNone;
  bool has_children = false;  // can be drilled into
};

// One indicator by the units directly below `unit` (and, for a team, its
// workers), plus rows for records no sub-unit holds ("Not allocated").
std::vector<BreakdownRow> build_breakdown(const IndicatorEngine& engine, const IndicatorDef& def,
                                          const Period& period, std::string_view unit);

}  // namespace beacon

#endif  // BEACON_INDICATORS_SCORECARD_H_
