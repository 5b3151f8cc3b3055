// Targets, tolerance bands, polarity and benchmarks per indicator per
// financial year — data the user edits (local table indicator_targets), with
// the published 2018/19 values (domain.md §3) as every year's default.
#ifndef BEACON_INDICATORS_TARGETS_H_
#define BEACON_INDICATORS_TARGETS_H_

#include <optional>
#include <string>
#include <vector>

#include "indicators/indicator.h"
#include "model/local_tables.h"

namespace beacon {

struct TargetSettings {
  Polarity polarity = Polarity::kNone;
  std::optional<double> target;
  std::optional<double> tolerance_low;
  std::optional<double> tolerance_high;
  std::optional<double> england;
  std::optional<double> statistical_neighbours;
  std::optional<double> region;
};

// The settings for `def` in financial year `year` (2024 = 2024-25): the
// defaults, overridden field by field by a loaded record for that year.
TargetSettings targets_for(const IndicatorDef& def, int financial_year,
                           const std::vector<IndicatorTarget>& loaded);

enum class Rag { kNone, kGreen, kAmber, kRed };
const char* rag_name(Rag r);  // "none", "green", "amber", "red"
const char* rag_label(Rag r);  // "Not rated", "Green", "Amber", "Red"

// RAG from the unrounded value, band edges inclusive (indicators.md).
Rag rag_for(std::optional<double> value, const TargetSettings& s);

}  // namespace beacon

#endif  // BEACON_INDICATORS_TARGETS_H_
