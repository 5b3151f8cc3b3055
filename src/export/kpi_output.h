// The `beacon kpi` outputs (docs/cli.md): JSON, CSV and XLSX of a scorecard.
// Other tools script against the JSON: keep its shape stable.
#ifndef BEACON_EXPORT_KPI_OUTPUT_H_
#define BEACON_EXPORT_KPI_OUTPUT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "indicators/engine.h"

namespace beacon {

// {"from", "to", "unit", "indicators": [ … ]} — numbers unrounded, value null
// for an empty denominator.
nlohmann::json kpi_json(const Period& period, const std::string& unit_id,
                        const std::vector<Figure>& figures);
nlohmann::json figure_json(const Figure& f);

// One row per indicator.
std::string kpi_csv(const std::vector<Figure>& figures);

// A JSON number for a double: an integer when the value is whole.
nlohmann::json json_number(double v);
nlohmann::json json_optional(const std::optional<double>& v);

}  // namespace beacon

#endif  // BEACON_EXPORT_KPI_OUTPUT_H_
