// Drill-through lists: the records behind a figure, as CSV, JSON or XLSX.
#ifndef BEACON_EXPORT_DRILL_EXPORT_H_
#define BEACON_EXPORT_DRILL_EXPORT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "indicators/engine.h"

namespace beacon {

// Column headings shared by every format: child, record, in numerator,
// reason, the deciding dates (date 1 label/value …), measure, worker, team.
std::string drill_csv(const IndicatorDef& def, const std::vector<DrillRow>& rows);
nlohmann::json drill_json(const IndicatorDef& def, const Period& period, const std::string& unit,
                          const std::vector<DrillRow>& rows);
Status write_drill_xlsx(const std::string& path, const IndicatorDef& def, const Period& period,
                        const std::vector<DrillRow>& rows);

}  // namespace beacon

#endif  // BEACON_EXPORT_DRILL_EXPORT_H_
