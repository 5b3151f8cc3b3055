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
// for an empty denominator. Each indicator has exactly the contract's fields
// (contract_figure_json; docs/cli.md).
nlohmann::json kpi_json(const Period& period, const std::string& unit_id,
                        const std::vector<Figure>& figures);
// {id, name, kind, measure, value, numerator, denominator, polarity, target,
// tolerance: [lo, hi], rag, trend, benchmarks: {england, statistical_neighbours,
// region}, series: [{to, value}], narrative}; notes are added to the narrative.
nlohmann::json contract_figure_json(const Figure& f);
// One figure with everything the web page shows: the contract's fields plus
// the period used, notes, and each series point's totals and RAG.
nlohmann::json figure_json(const Figure& f);

// One row per indicator.
std::string kpi_csv(const std::vector<Figure>& figures);

// A JSON number for a double: an integer when the value is whole.
nlohmann::json json_number(double v);
nlohmann::json json_optional(const std::optional<double>& v);

}  // namespace beacon

#endif  // BEACON_EXPORT_KPI_OUTPUT_H_
