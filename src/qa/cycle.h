// A practice-evaluation cycle (quarterly) or a thematic dip sample, with the
// rules and seed its sample was drawn by, so the draw can be repeated.
#ifndef BEACON_QA_CYCLE_H_
#define BEACON_QA_CYCLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "qa/sampling.h"

namespace beacon::qa {

enum class CycleKind { kQuarterly, kThematic };
std::string_view cycle_kind_name(CycleKind k);  // quarterly | thematic
std::optional<CycleKind> parse_cycle_kind(std::string_view name);

struct Cycle {
  int64_t id = 0;
  std::string name;  // "2024-25 Q3", "Joint visits dip sample"
  CycleKind kind = CycleKind::kQuarterly;
  Date start;
  Date end;
  std::string question_set_id = "practice-evaluation";
  int64_t previous_cycle_id = 0;  // the cycle whose children are revisited; 0 = none
  SamplingRules rules;
  std::string status = "open";  // open | closed
};

// The quarter (financial-year quarters: Q1 = April–June) holding `d`:
// its name ("2024-25 Q3"), first and last day.
Cycle quarterly_cycle_for(Date d);

}  // namespace beacon::qa

#endif  // BEACON_QA_CYCLE_H_
