#include "qa/assignment.h"

#include <algorithm>

namespace beacon::qa {

std::vector<std::string> own_managers(const LineManagement& lm, const std::string& practitioner_id,
                                      const std::string& team_id) {
  std::vector<std::string> out;
  if (practitioner_id.empty()) return out;
  if (auto it = lm.line_manager.find(practitioner_id);
      it != lm.line_manager.end() && !it->second.empty())
    out.push_back(it->second);
  // The team the child's work sits in, and the practitioner's own team if it differs.
  std::vector<std::string> teams;
  if (!team_id.empty()) teams.push_back(team_id);
  if (auto it = lm.team_of.find(practitioner_id); it != lm.team_of.end() && !it->second.empty())
    teams.push_back(it->second);
  for (const std::string& t : teams)
    if (auto it = lm.team_manager.find(t); it != lm.team_manager.end() && !it->second.empty())
      out.push_back(it->second);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool may_evaluate(const LineManagement& lm, const std::string& evaluator_id,
                  const std::string& practitioner_id, const std::string& team_id) {
  if (evaluator_id.empty()) return false;
  if (evaluator_id == practitioner_id) return false;
  auto managers = own_managers(lm, practitioner_id, team_id);
  return std::find(managers.begin(), managers.end(), evaluator_id) == managers.end();
}

AssignmentPlan assign_evaluators(const std::vector<SampledChild>& sample,
                                 const std::vector<Evaluator>& evaluators,
                                 const LineManagement& lm) {
  AssignmentPlan plan;
  std::vector<Evaluator> pool = evaluators;
  std::sort(pool.begin(), pool.end(),
            [](const Evaluator& a, const Evaluator& b) { return a.id < b.id; });
  for (const Evaluator& e : pool) plan.load[e.id] = e.load;
  for (const SampledChild& s : sample) {
    const Evaluator* best = nullptr;
    bool any_eligible = false;
    for (const Evaluator& e : pool) {
      if (!may_evaluate(lm, e.id, s.child.practitioner_id, s.child.team_id)) continue;
      any_eligible = true;
      if (e.capacity > 0 && plan.load[e.id] >= e.capacity) continue;
      if (!best || plan.load[e.id] < plan.load[best->id]) best = &e;
    }
    if (!best) {
      plan.unassigned.push_back(
          {s.child.child_id, any_eligible
                                 ? "every eligible evaluator is at capacity"
                                 : "no evaluator other than the practitioner's own managers"});
      continue;
    }
    ++plan.load[best->id];
    plan.assigned.push_back({s.child.child_id, best->id});
  }
  return plan;
}

}  // namespace beacon::qa
