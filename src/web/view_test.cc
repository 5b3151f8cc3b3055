#include "web/view.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "web/html.h"
#include "web/svg_chart.h"
#include "web/test_support.h"

namespace beacon::web {
namespace {

using testing::D;

http::Request request(const std::string& query) {
  http::Request r;
  http::parse_query(query, r.params);
  return r;
}

TEST(ViewTest, DefaultsAndCanonicalQuery) {
  IndicatorEngine engine(std::make_shared<CaseIndex>(testing::sample_history()));
  auto v = parse_view(request(""), engine);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->unit, "ORG");
  EXPECT_EQ(v->period, "12m");
  auto custom = parse_view(request("to=2025-03-31&period=custom&from=2025-01-01&unit=T1"), engine);
  ASSERT_TRUE(custom);
  EXPECT_EQ(custom->query(), "to=2025-03-31&period=custom&from=2025-01-01&unit=T1");
  EXPECT_EQ(custom->as_period().from, D(2025, 1, 1));
  EXPECT_EQ(parse_view(request("to=2025-03-31&period=fytd"), engine)->as_period().from, D(2024, 4, 1));
}

TEST(ViewTest, RefusesBadInputWithAMessage) {
  IndicatorEngine engine(std::make_shared<CaseIndex>(testing::sample_history()));
  EXPECT_EQ(parse_view(request("to=31/13/2025"), engine).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(parse_view(request("period=forever"), engine).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(parse_view(request("period=custom&to=2025-01-01&from=2025-02-01"), engine).status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(parse_view(request("unit=<script>"), engine).status().code(), StatusCode::kNotFound);
}

TEST(HtmlTest, EscapesAndTags) {
  EXPECT_EQ(esc("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(rag_tag(Rag::kAmber), "<strong class=\"govuk-tag govuk-tag--orange\">Amber</strong>");
  EXPECT_EQ(thousands(1234567), "1,234,567");
  EXPECT_EQ(one_decimal(std::nullopt), "–");
  EXPECT_NE(trend_text(Trend::kImproving).find("Improving"), std::string::npos);
}

TEST(SvgChartTest, SparklineAndChartCarryTheirNames) {
  std::string s = sparkline({1.0, std::nullopt, 3.0}, 2.0, "KPI3 <trend>");
  EXPECT_NE(s.find("aria-label=\"KPI3 &lt;trend&gt;\""), std::string::npos);
  EXPECT_NE(s.find("stroke-dasharray"), std::string::npos);  // the target
  EXPECT_EQ(s.find("style="), std::string::npos);  // the CSP forbids inline styles
  SeriesChart c;
  c.title = "Assessments";
  c.months = {D(2025, 1, 31), D(2025, 2, 28)};
  c.values = {80.0, 90.0};
  c.target = 85;
  c.tolerance_low = 80;
  c.tolerance_high = 90;
  c.benchmarks = {{"England", 82}};
  c.percentage = true;
  std::string svg = series_chart(c);
  EXPECT_NE(svg.find("<title id=\"chart-title\">Assessments</title>"), std::string::npos);
  EXPECT_NE(svg.find("Tolerance band"), std::string::npos);
  EXPECT_NE(svg.find("England 82.0"), std::string::npos);
  EXPECT_NE(svg.find("Feb 2025"), std::string::npos);
  EXPECT_EQ(svg.find("style="), std::string::npos);
}

// The y values of the labels at the right of a series chart (x = 556).
std::vector<double> label_ys(const std::string& svg) {
  std::vector<double> ys;
  for (size_t at = svg.find("<text x=\"556.0\""); at != std::string::npos;
       at = svg.find("<text x=\"556.0\"", at + 1)) {
    size_t y = svg.find("y=\"", at) + 3;
    ys.push_back(std::stod(svg.substr(y, svg.find('"', y) - y)));
  }
  return ys;
}

TEST(SvgChartTest, TheSeriesAxisIsScaledToTheDataAndLabelsNeverOverlap) {
  SeriesChart c;
  c.title = "Assessments";
  c.months = {D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31)};
  c.values = {91.0, 92.0, 93.0};
  c.target = 85;
  c.tolerance_low = 84;
  c.tolerance_high = 86;  // the band's label lands on the target's
  c.benchmarks = {{"England", 85.5}, {"Region", 85.2}};
  c.percentage = true;
  std::string svg = series_chart(c);
  // Not 0 to 100: the axis starts near the data (no "0" tick, no "20").
  EXPECT_EQ(svg.find(">0</text>"), std::string::npos) << svg;
  EXPECT_EQ(svg.find(">20</text>"), std::string::npos);
  EXPECT_NE(svg.find(">90</text>"), std::string::npos);
  // The four labels at the right are at least 15 px apart.
  auto ys = label_ys(svg);
  ASSERT_EQ(ys.size(), 4u) << svg;
  std::sort(ys.begin(), ys.end());
  for (size_t i = 1; i < ys.size(); ++i) EXPECT_GE(ys[i] - ys[i - 1], 15.0 - 1e-9);
}

TEST(SvgChartTest, BarsCarryTheirValuesAndStackedBarsTheirShares) {
  BarChart b;
  b.title = "KPI3 by locality";
  b.percentage = true;
  b.target = 85;
  b.bars = {{"East", 91.7, "91.7%"}, {"South <S>", std::nullopt, "Not shown"}};
  std::string svg = bar_chart(b);
  EXPECT_NE(svg.find("aria-label=\"KPI3 by locality\""), std::string::npos);
  EXPECT_NE(svg.find(">91.7%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Not shown</text>"), std::string::npos);
  EXPECT_NE(svg.find("South &lt;S&gt;"), std::string::npos);
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '<') - std::count(svg.begin(), svg.end(), '>'), 0);
  StackedChart st;
  st.title = "Grades";
  st.series = {"Good", "Requires improvement", "Inadequate"};
  st.rows = {{"Q1", {3, 1, 0}}, {"Q2", {0, 0, 0}}};
  std::string stacked = stacked_bar_chart(st);
  EXPECT_NE(stacked.find(">75%</text>"), std::string::npos);
  EXPECT_NE(stacked.find(">25%</text>"), std::string::npos);
  EXPECT_NE(stacked.find(">None</text>"), std::string::npos);  // a row with no counts
  EXPECT_NE(stacked.find(">Requires improvement</text>"), std::string::npos);  // the legend
  EXPECT_EQ(stacked.find("style="), std::string::npos);
}

}  // namespace
}  // namespace beacon::web
