#include "qa/improvement_plan.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace beacon::qa {

const std::vector<std::string>& rag_values() {
  static const std::vector<std::string> v = {"green", "amber", "red", "complete"};
  return v;
}

std::string priority_of(const std::string& action_number) {
  return action_number.substr(0, action_number.find('.'));
}

Status check_action(const PlanAction& a) {
  size_t dot = a.number.find('.');
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  if (dot == std::string::npos || !digits(std::string_view(a.number).substr(0, dot)) ||
      !digits(std::string_view(a.number).substr(dot + 1)))
    return Status::invalid_input("number: \"" + a.number +
                                 "\" is not a priority and action number like 1.3");
  if (a.title.find_first_not_of(" \t") == std::string::npos)
    return Status::invalid_input("title: blank");
  if (a.due < a.start) return Status::invalid_input("due: before the action starts");
  return Status::ok();
}

const std::vector<std::string>& plan_kinds() {
  static const std::vector<std::string> v = {"development", "ofsted"};
  return v;
}

Status check_plan(const ImprovementPlan& p) {
  if (p.name.find_first_not_of(" \t") == std::string::npos)
    return Status::invalid_input("name: give the plan a name");
  const auto& kinds = plan_kinds();
  if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end())
    return Status::invalid_input("kind: must be development or ofsted");
  if (p.priorities.empty())
    return Status::invalid_input("priorities: give at least one priority and its sponsor");
  std::set<std::string> numbers;
  for (const Priority& pr : p.priorities) {
    std::string which = "priority " + pr.number;
    if (pr.number.empty() || !numbers.insert(pr.number).second)
      return Status::invalid_input("priorities: each priority needs a number of its own");
    if (pr.title.find_first_not_of(" \t") == std::string::npos)
      return Status::invalid_input("priorities: " + which + " has no title");
    if (pr.sponsor.find_first_not_of(" \t") == std::string::npos)
      return Status::invalid_input("priorities: " + which + " has no sponsor");
  }
  return Status::ok();
}

Status check_new_action(const ImprovementPlan& plan, const std::vector<PlanAction>& existing,
                        const PlanAction& a,
                        const std::function<bool(const std::string&)>& known_indicator) {
  if (auto st = check_action(a); !st) return st;
  std::string priority = priority_of(a.number);
  if (std::none_of(plan.priorities.begin(), plan.priorities.end(),
                   [&](const Priority& p) { return p.number == priority; }))
    return Status::invalid_input("number: the plan has no priority " + priority);
  if (std::any_of(existing.begin(), existing.end(), [&](const PlanAction& x) {
        return x.plan_id == plan.id && x.number == a.number;
      }))
    return Status::invalid_input("number: the plan already has an action " + a.number);
  if (a.leads.find_first_not_of(" \t,") == std::string::npos)
    return Status::invalid_input("leads: name who leads the action");
  for (const std::string& id : a.indicator_ids)
    if (!known_indicator(id))
      return Status::invalid_input("indicators: there is no indicator " + id);
  return Status::ok();
}

std::string next_action_number(const std::vector<PlanAction>& existing,
                               const std::string& priority) {
  int last = 0;
  for (const PlanAction& a : existing) {
    if (priority_of(a.number) != priority) continue;
    std::string n = a.number.substr(a.number.find('.') + 1);
    if (!n.empty() && n.size() < 6 && n.find_first_not_of("0123456789") == std::string::npos)
      last = std::max(last, std::stoi(n));
  }
  return priority + "." + std::to_string(last + 1);
}

Result<PlanAction> add_progress(const PlanAction& a, const ProgressUpdate& u) {
  const auto& rags = rag_values();
  if (std::find(rags.begin(), rags.end(), u.rag) == rags.end())
    return Status::invalid_input("rag: must be green, amber, red or complete");
  if (u.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::invalid_input("progress: say what has happened this month");
  PlanAction out = a;
  std::erase_if(out.updates, [&](const ProgressUpdate& x) { return x.month == u.month; });
  out.updates.push_back(u);
  std::sort(out.updates.begin(), out.updates.end(),
            [](const ProgressUpdate& x, const ProgressUpdate& y) { return x.month < y.month; });
  return out;
}

std::string current_rag(const PlanAction& a, Date as_at) {
  if (a.completed && *a.completed <= as_at) return "complete";
  std::string rag;
  for (const ProgressUpdate& u : a.updates)
    if (u.month <= YearMonth::of(as_at)) rag = u.rag;
  if (a.due < as_at) return "red";
  return rag.empty() ? "amber" : rag;
}

bool update_missing(const PlanAction& a, Date as_at) {
  if (a.completed || as_at < a.start) return false;
  YearMonth last_month = YearMonth::of(as_at).plus(-1);
  if (YearMonth::of(a.start) > last_month) return false;
  for (const ProgressUpdate& u : a.updates)
    if (u.month >= last_month) return false;
  return true;
}

}  // namespace beacon::qa
