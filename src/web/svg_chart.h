// Charts as inline SVG drawn on the server: no JavaScript, magnifiable,
// printable. Each has role="img" and a text summary; the page always shows
// the same numbers in a table beside it, and lines differ by dash pattern as
// well as colour.
#ifndef BEACON_WEB_SVG_CHART_H_
#define BEACON_WEB_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace beacon::web {

// A small trend line of monthly values (oldest first) with the target as a
// dashed line and the latest value marked. `label` is the accessible name.
std::string sparkline(const std::vector<std::optional<double>>& values,
                      std::optional<double> target, const std::string& label);

struct ChartBenchmark {
  std::string name;  // "England"
  double value = 0;
};

struct SeriesChart {
  std::string title;  // accessible name
  std::vector<Date> months;  // month ends, oldest first
  std::vector<std::optional<double>> values;
  std::optional<double> target;
  std::optional<double> tolerance_low;
  std::optional<double> tolerance_high;
  std::vector<ChartBenchmark> benchmarks;
  bool percentage = false;  // fixes the axis at 0–100
};

std::string series_chart(const SeriesChart& chart);

}  // namespace beacon::web

#endif  // BEACON_WEB_SVG_CHART_H_
