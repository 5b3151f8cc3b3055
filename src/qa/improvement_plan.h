// Improvement plans (domain.md §6): a development plan or an Ofsted action
// plan with strategic priorities (each with a sponsoring director), numbered
// actions with leads, due dates, monthly progress updates, a RAG status and
// evidence, and the indicators each action should move, so leaders can see
// whether it worked.
#ifndef BEACON_QA_IMPROVEMENT_PLAN_H_
#define BEACON_QA_IMPROVEMENT_PLAN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace beacon::qa {

struct Priority {
  std::string number;  // "1"
  std::string title;
  std::string sponsor;  // a director
};

struct ImprovementPlan {
  int64_t id = 0;
  std::string name;
  std::string kind = "development";  // development | ofsted
  Date start;
  std::vector<Priority> priorities;
};

// development | ofsted
const std::vector<std::string>& plan_kinds();
// Checks a plan as started: a name, a known kind, and at least one priority,
// each with a number of its own, a title and a sponsor.
Status check_plan(const ImprovementPlan& p);

// green | amber | red | complete
const std::vector<std::string>& rag_values();

struct ProgressUpdate {
  YearMonth month;
  std::string rag;
  std::string text;
  std::string evidence;
  std::string by;
};

struct PlanAction {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string number;  // "1.3": priority 1, action 3
  std::string title;
  std::string leads;    // names, comma separated
  std::string team_id;  // the unit it is about ("" = organisation-wide)
  Date start;
  Date due;
  OptDate completed;
  std::vector<std::string> indicator_ids;  // KPI3, …
  std::vector<ProgressUpdate> updates;     // oldest first, one a month
};

// The priority number of an action number ("1.3" → "1").
std::string priority_of(const std::string& action_number);
// Checks an action as recorded: "P.N" number, title, due not before start.
Status check_action(const PlanAction& a);
// Checks an action being added to `plan` beside its `existing` actions: as
// check_action, and its priority is one of the plan's, its number is free,
// someone leads it and every linked indicator is `known`.
Status check_new_action(const ImprovementPlan& plan, const std::vector<PlanAction>& existing,
                        const PlanAction& a,
                        const std::function<bool(const std::string&)>& known_indicator);
// The next free action number in a priority: "1.4" after 1.1 to 1.3.
std::string next_action_number(const std::vector<PlanAction>& existing,
                               const std::string& priority);
// Adds (or replaces) the month's update; refuses an unknown RAG or a blank update.
Result<PlanAction> add_progress(const PlanAction& a, const ProgressUpdate& u);

// The action's RAG as at a date: complete once completed; otherwise the
// latest update's RAG, except that an action past its due date is red.
std::string current_rag(const PlanAction& a, Date as_at);
// True when no update is recorded for the month before `as_at` or later:
// the monthly review missed it.
bool update_missing(const PlanAction& a, Date as_at);

}  // namespace beacon::qa

#endif  // BEACON_QA_IMPROVEMENT_PLAN_H_
