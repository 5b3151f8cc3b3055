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
  bool percentage = false;  // keeps the axis within 0–100
};

// The value axis is scaled to the values, target, tolerance band and
// benchmarks (not fixed at 0–100); the labels at the right never overlap.
std::string series_chart(const SeriesChart& chart);

// A horizontal bar chart: one bar per unit in the order given (the caller
// sorts), the value written at the bar's end, the target as a dashed line.
struct Bar {
  std::string label;             // "Assessment team 1"
  std::optional<double> value;   // none: no bar, `value_text` says why
  std::string value_text;        // "66.7%", "Not shown"
};
struct BarChart {
  std::string title;  // accessible name
  std::vector<Bar> bars;
  std::optional<double> target;
  bool percentage = false;
};
std::string bar_chart(const BarChart& chart);

// Bars that each add up to 100%: one row per cycle (or team, or month), one
// segment per series (grades, say) with its share written in the segment
// where it fits; a legend names each series, and segments after the second
// are hatched as well as coloured, so colour is never the only signal.
struct StackedRow {
  std::string label;
  std::vector<int> counts;  // one per series
};
struct StackedChart {
  std::string title;  // accessible name
  std::vector<std::string> series;
  std::vector<StackedRow> rows;
};
std::string stacked_bar_chart(const StackedChart& chart);

}  // namespace beacon::web

#endif  // BEACON_WEB_SVG_CHART_H_
