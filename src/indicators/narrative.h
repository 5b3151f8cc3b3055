// Sentences a report writer would write from an indicator's series — built
// only from the figures, never invented, and deterministic.
#ifndef BEACON_INDICATORS_NARRATIVE_H_
#define BEACON_INDICATORS_NARRATIVE_H_

#include <optional>
#include <string>
#include <vector>

namespace beacon {

struct Figure;
struct SeriesPoint;
struct IndicatorDef;

// `series`: monthly points, oldest first (may be longer than figure.series).
std::string write_narrative(const Figure& figure, const std::vector<SeriesPoint>& series);

// A value as the pages show it: one decimal place, with its unit
// ("91.2%", "168.0 days", "15.9 children per FTE"), or "no value".
std::string format_value(const IndicatorDef& def, std::optional<double> value);
// "May 2023".
std::string month_year(int year, int month);

}  // namespace beacon

#endif  // BEACON_INDICATORS_NARRATIVE_H_
