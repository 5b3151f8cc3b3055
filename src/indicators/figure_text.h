// How a figure reads, on every page, report and export: counts as whole
// numbers with thousands separators, values to one decimal place with their
// unit, the numbers behind a value in words ("9,187 of 9,966 contacts",
// "173.4 days (71 children)"), and — for a figure with no value — why.
//
// One place, so a count never prints as "9187.0" on one page and "9,187"
// on another.
#ifndef BEACON_INDICATORS_FIGURE_TEXT_H_
#define BEACON_INDICATORS_FIGURE_TEXT_H_

#include <optional>
#include <string>

#include "indicators/engine.h"

namespace beacon {

// "9,187" (rounded to the nearest whole number).
std::string whole_number(double v);
// "173.4" (never "-0.0").
std::string one_decimal_text(double v);

// What an indicator's numerator and denominator count, in words, and where
// its records come from (to say "not loaded" when they are missing).
struct CountedAs {
  const char* records;         // what the denominator counts: "contacts", "FTE"
  const char* numerator;       // means, ratios and rates: what the numerator counts
  bool records_fte = false;    // the denominator is in FTE (shown to one decimal)
  bool numerator_fte = false;  // the numerator is in FTE
  const char* source = "";     // the records it reads, as a reader would name them
  // How many of those records the case history holds (0: not loaded).
  size_t (*loaded)(const CaseHistory&) = nullptr;
};
const CountedAs& counted_as(const IndicatorDef& def);

// A value with its unit: "91.2%", "168.0 days", "15.9 children per FTE",
// "1,234"; "no value" when there is none.
std::string format_value(const IndicatorDef& def, std::optional<double> value);

// The numbers behind a value: "9,187 of 9,966 contacts" (shares),
// "71 children" (means), "6,889 children; 465.0 FTE" (ratios),
// "1,234 referrals; 45,678 children aged 0 to 17" (rates).
std::string records_text(const IndicatorDef& def, const Aggregate& total);

// The value and the numbers behind it: "92.2% (9,187 of 9,966 contacts)",
// "173.4 days (71 children)", "14.8 children per FTE (6,889 children;
// 465.0 FTE)". For no value, why (see no_value_reason).
std::string figure_text(const IndicatorDef& def, std::optional<double> value,
                        const Aggregate& total, const std::string& why_no_value);

// A difference from a target: "1.2 points", "3.0 days"; one that rounds to
// nothing reads "less than 0.1 points", never "0.0 points".
std::string gap_text(const IndicatorDef& def, double difference);

// True when small-number suppression has hidden the totals (the web layer
// blanks them as NaN).
bool is_suppressed(const Aggregate& total);

// Why a figure has no value, in words a reader can act on: the records it
// needs are not loaded (naming them), or there were none in the period.
// (Suppression is the web layer's: suppressed_text.)
std::string no_value_reason(const IndicatorDef& def, const Period& period, const Aggregate& total,
                            const CaseHistory& history);

// The reader-facing text for a figure hidden because it counts fewer than
// `below` children or records: "Not shown (fewer than 5 children or records)".
std::string suppressed_text(int below);

}  // namespace beacon

#endif  // BEACON_INDICATORS_FIGURE_TEXT_H_
