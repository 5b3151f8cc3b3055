// The learning briefing after each cycle: grades by pillar, by service and
// locality, the change from the previous cycles, the recurring themes of the
// findings, and the actions (recommendations) the cycle made. Figures only;
// the web page, PDF and workbook render them.
#ifndef BEACON_QA_BRIEFING_H_
#define BEACON_QA_BRIEFING_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "qa/cycle.h"
#include "qa/evaluation.h"
#include "qa/recommendation.h"

namespace beacon::qa {

// Counts by grade_index (outstanding, good with elements of outstanding,
// good, requires improvement, inadequate).
struct GradeCounts {
  std::array<int, 5> n{};
  int total() const;
  int good_or_better() const;
  std::optional<double> share_good_or_better() const;
  void add(Grade g) { ++n[grade_index(g)]; }
};

struct CycleGrades {
  int64_t cycle_id = 0;
  std::string cycle_name;
  int evaluations = 0;                           // submitted
  std::map<std::string, GradeCounts> by_pillar;  // pillar ids and "overall"
};

struct ThemeCount {
  std::string theme;
  int this_cycle = 0;
  int cycles_seen = 0;  // of this and the previous cycles
  bool recurring() const { return cycles_seen >= 2 && this_cycle > 0; }
};

struct Briefing {
  Cycle cycle;
  CycleGrades grades;
  // Overall grade by locality and by service (unit ids → counts).
  std::map<std::string, GradeCounts> overall_by_locality;
  std::map<std::string, GradeCounts> overall_by_service;
  std::vector<CycleGrades> previous;  // oldest first
  std::vector<ThemeCount> themes;     // most frequent first
  RecommendationCounts actions;
  std::vector<Recommendation> recommendations;  // the cycle's, by due date
  int revisits = 0;
  std::map<Impact, int> revisit_impact;  // what revisits found of earlier recommendations
};

CycleGrades cycle_grades(const Cycle& cycle, const std::vector<Evaluation>& evaluations);

// `unit_of(team_id, "locality" | "service")` names the unit above a team.
Briefing learning_briefing(
    const Cycle& cycle, const std::vector<Cycle>& previous_cycles,
    const std::vector<Evaluation>& evaluations,  // of this and the previous cycles
    const std::vector<Recommendation>& recommendations, Date as_at,
    const std::function<std::string(const std::string& team_id, const std::string& kind)>& unit_of);

}  // namespace beacon::qa

#endif  // BEACON_QA_BRIEFING_H_
