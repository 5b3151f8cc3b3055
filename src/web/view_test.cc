#include "web/view.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace beacon::web
