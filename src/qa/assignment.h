// Who evaluates which child. The practice evaluation pairs a practitioner with
// a manager *other than their own* (domain.md §5), so an evaluator is never
// the practitioner, nor the practitioner's line manager, nor the manager of
// the practitioner's team; within that rule children go to the evaluator with
// the lightest load.
#ifndef BEACON_QA_ASSIGNMENT_H_
#define BEACON_QA_ASSIGNMENT_H_

#include <map>
#include <string>
#include <vector>

#include "qa/sampling.h"

namespace beacon::qa {

struct Evaluator {
  std::string id;
  std::string name;
  int capacity = 0;  // most evaluations in the cycle; 0 = no limit
  int load = 0;      // evaluations already assigned in the cycle
};

// Line management as the workforce records show it.
struct LineManagement {
  std::map<std::string, std::string> line_manager;  // worker → their line manager
  std::map<std::string, std::string> team_manager;  // team → its manager
  std::map<std::string, std::string> team_of;       // worker → their team
};

// The managers a practitioner may not be evaluated by: their line manager and
// their team's manager (either may be recorded without the other).
std::vector<std::string> own_managers(const LineManagement& lm, const std::string& practitioner_id,
                                      const std::string& team_id);
// The rule itself. An empty practitioner (the child is unallocated) has no
// manager to avoid.
bool may_evaluate(const LineManagement& lm, const std::string& evaluator_id,
                  const std::string& practitioner_id, const std::string& team_id);

struct Assignment {
  std::string child_id;
  std::string evaluator_id;
};

struct AssignmentPlan {
  std::vector<Assignment> assigned;  // in the sample's order
  // Children no eligible evaluator with room could take, with why.
  std::vector<std::pair<std::string, std::string>> unassigned;
  std::map<std::string, int> load;  // evaluator → load after assignment
};

// Gives each sampled child the eligible evaluator with the least load
// (ties to the lowest id), respecting capacities. Deterministic.
AssignmentPlan assign_evaluators(const std::vector<SampledChild>& sample,
                                 const std::vector<Evaluator>& evaluators,
                                 const LineManagement& lm);

}  // namespace beacon::qa

#endif  // BEACON_QA_ASSIGNMENT_H_
