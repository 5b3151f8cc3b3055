#include "qa/improvement_plan.h"

#include <algorithm>
#include <cctype>

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
