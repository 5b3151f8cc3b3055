// How figures read: counts whole with separators, a mean with the children it
// is over, a ratio with both its parts, a gap never "0.0", an empty figure
// with its reason — and RAG exactly at each edge for each polarity.
#include "indicators/figure_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "indicators/catalogue.h"
#include "indicators/narrative.h"

namespace beacon {
namespace {

const IndicatorDef& def(const char* id) { return *find_indicator(id); }

TEST(FigureText, CountsAreWholeWithThousandsSeparators) {
  struct Case {
    double in;
    const char* out;
  } cases[] = {{0, "0"},          {7, "7"},          {999, "999"},           {1000, "1,000"},
               {9187, "9,187"},   {12309, "12,309"}, {1234567, "1,234,567"}, {-4321, "-4,321"},
               {9187.0, "9,187"}, {41.6, "42"}};
  for (const auto& c : cases) EXPECT_EQ(whole_number(c.in), c.out) << c.in;
  EXPECT_EQ(whole_number(std::numeric_limits<double>::quiet_NaN()), "–");
}

TEST(FigureText, OneDecimalNeverShowsMinusZero) {
  EXPECT_EQ(one_decimal_text(173.44), "173.4");
  EXPECT_EQ(one_decimal_text(-0.04), "0.0");
  EXPECT_EQ(one_decimal_text(465), "465.0");
  EXPECT_EQ(one_decimal_text(12309.56), "12,309.6");
  EXPECT_EQ(one_decimal_text(-1234.5), "-1,234.5");
}

TEST(FigureText, ValuesCarryTheirUnit) {
  EXPECT_EQ(format_value(def("KPI1"), 92.1826), "92.2%");
  EXPECT_EQ(format_value(def("KPI10"), 173.36), "173.4 days");
  EXPECT_EQ(format_value(def("KPI14"), 14.81), "14.8 children per FTE");
  EXPECT_EQ(format_value(def("KPI1"), std::nullopt), "no value");
}

TEST(FigureText, TheNumbersBehindAValueReadAsPeopleCountThem) {
  // A share: "9,187 of 9,966 contacts", never "9187.0 of 9966.0".
  EXPECT_EQ(records_text(def("KPI1"), {9187, 9966, 9966}), "9,187 of 9,966 contacts");
  EXPECT_EQ(figure_text(def("KPI1"), 92.18, {9187, 9966, 9966}, ""),
            "92.2% (9,187 of 9,966 contacts)");
  // A mean: the value and the children it is over, never "12,309 of 71".
  EXPECT_EQ(figure_text(def("KPI10"), 12309.0 / 71, {12309, 71, 71}, ""),
            "173.4 days (71 children)");
  // A ratio: both parts, FTE to one decimal.
  EXPECT_EQ(figure_text(def("KPI14"), 6889 / 465.0, {6889, 465, 300}, ""),
            "14.8 children per FTE (6,889 children; 465.0 FTE)");
  // FTE shares keep their decimals.
  EXPECT_EQ(records_text(def("KPI12"), {90.5, 759, 800}), "90.5 of 759.0 FTE");
  // A rate names the population.
  EXPECT_EQ(records_text(def("REFERRAL_RATE"), {1234, 45678, 1}),
            "1,234 referrals; 45,678 children aged 0 to 17");
}

TEST(FigureText, AGapThatRoundsToNothingIsNeverShownAsZero) {
  EXPECT_EQ(gap_text(def("KPI1"), -0.03), "less than 0.1 points");
  EXPECT_EQ(gap_text(def("KPI1"), 0.049), "less than 0.1 points");
  EXPECT_EQ(gap_text(def("KPI1"), -0.05), "0.1 points");
  EXPECT_EQ(gap_text(def("KPI1"), 1.24), "1.2 points");
  EXPECT_EQ(gap_text(def("KPI10"), -12), "12.0 days");
}

TEST(FigureText, AnEmptyFigureSaysWhy) {
  CaseHistory empty;
  const Period year = Period::rolling_months(*Date::from_ymd(2026, 3, 31));
  EXPECT_EQ(no_value_reason(def("KPI9"), year, {0, 0, 0}, empty),
            "Not loaded: no care leavers' records (SSDA903 OC3) in the data");
  CaseHistory with_assessments;
  with_assessments.assessments.emplace_back();
  EXPECT_EQ(no_value_reason(def("KPI3"), year, {0, 0, 0}, with_assessments),
            "No assessments in 12 months to 31 March 2026");
  CaseHistory with_referrals;
  with_referrals.cin_episodes.emplace_back();
  EXPECT_EQ(no_value_reason(def("KPI4"), year, {0, 0, 0}, with_referrals),
            "No open CIN episodes at 31 March 2026");
  EXPECT_EQ(suppressed_text(5), "Not shown (fewer than 5 children or records)");
  EXPECT_TRUE(is_suppressed({std::numeric_limits<double>::quiet_NaN(), 3, 3}));
  EXPECT_FALSE(is_suppressed({0, 0, 0}));
}

TEST(FigureText, EveryIndicatorNamesWhatItCounts) {
  for (const IndicatorDef& d : indicator_catalogue())
    EXPECT_STRNE(counted_as(d).records, "records") << d.id << " has no entry in figure_text.cc";
}

// RAG exactly at each edge, by polarity (indicators.md: unrounded, inclusive).
TEST(Rag, AtTheEdgesForEachPolarity) {
  TargetSettings high{Polarity::kHigh, 85.0, 75.0, 95.0, {}, {}, {}};
  EXPECT_EQ(rag_for(85.0, high), Rag::kGreen);
  EXPECT_EQ(rag_for(84.96, high), Rag::kAmber);  // shows as 85.0%, but below
  EXPECT_EQ(rag_for(75.0, high), Rag::kAmber);
  EXPECT_EQ(rag_for(74.99, high), Rag::kRed);
  TargetSettings low{Polarity::kLow, 21.0, 17.0, 24.0, {}, {}, {}};
  EXPECT_EQ(rag_for(21.0, low), Rag::kGreen);
  EXPECT_EQ(rag_for(21.01, low), Rag::kAmber);
  EXPECT_EQ(rag_for(24.0, low), Rag::kAmber);
  EXPECT_EQ(rag_for(24.01, low), Rag::kRed);
  TargetSettings band{Polarity::kBand, 15.0, 12.0, 20.0, {}, {}, {}};
  EXPECT_EQ(rag_for(12.0, band), Rag::kGreen);
  EXPECT_EQ(rag_for(20.0, band), Rag::kGreen);
  EXPECT_EQ(rag_for(11.99, band), Rag::kRed);
  EXPECT_EQ(rag_for(20.01, band), Rag::kRed);
  TargetSettings none{Polarity::kNone, 15.0, 12.0, 20.0, {}, {}, {}};
  EXPECT_EQ(rag_for(15.0, none), Rag::kNone);
}

// A value summed from FTEs in floating point (0.1 + 0.2 ≠ 0.3) that is
// exactly on its target, or exactly on a band edge, is judged on it.
TEST(Rag, FloatingPointSumsOnTheTargetAreOnIt) {
  double fte = 0;
  for (int i = 0; i < 130; ++i) fte += 0.1;  // 13.000000000000002 or so
  ASSERT_NE(fte, 13.0);
  TargetSettings low{Polarity::kLow, 13.0, 10.0, 15.0, {}, {}, {}};
  EXPECT_EQ(rag_for(fte, low), Rag::kGreen);
  TargetSettings high{Polarity::kHigh, 13.0, 10.0, 15.0, {}, {}, {}};
  double under = 0;
  for (int i = 0; i < 10; ++i) under += 1.3;  // 12.999999999999998
  EXPECT_EQ(rag_for(under, high), Rag::kGreen);
}

TEST(Narrative, AValueThatRoundsToItsTargetSaysJustBelow) {
  Figure f;
  f.def = &def("KPI1");
  f.period = Period::rolling_months(*Date::from_ymd(2026, 3, 31));
  f.total = {8496, 10000, 10000};
  f.value = 84.96;
  f.settings = {Polarity::kHigh, 85.0, 75.0, 95.0, {}, {}, {}};
  f.rag = rag_for(f.value, f.settings);
  ASSERT_EQ(f.rag, Rag::kAmber);
  const std::string text = write_narrative(f, {});
  EXPECT_NE(text.find("85.0% (8,496 of 10,000 contacts) for 12 months to 31 March 2026; amber: "
                      "just below the target of 85.0% (by less than 0.1 points)."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("0.0 points"), std::string::npos) << text;
}

TEST(Narrative, AnEmptyFigureGivesItsReason) {
  Figure f;
  f.def = &def("KPI9");
  f.period = Period::rolling_months(*Date::from_ymd(2026, 3, 31));
  f.no_value = "Not loaded: no care leavers' records (SSDA903 OC3) in the data";
  EXPECT_EQ(write_narrative(f, {}),
            "Not loaded: no care leavers' records (SSDA903 OC3) in the data.");
}

}  // namespace
}  // namespace beacon
