// Worklists: what is due or overdue for each child, for a worker ("my
// children"), a team or any unit — assessments nearing 45 working days,
// statutory visits, CP review conferences, looked-after reviews, pathway-plan
// reviews, plans not started, and visits left in draft.
#ifndef BEACON_WORKLISTS_WORKLIST_H_
#define BEACON_WORKLISTS_WORKLIST_H_

#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "indicators/engine.h"
#include "indicators/parameters.h"
#include "snapshot/case_index.h"

namespace beacon {

enum class WorkStatus { kDueSoon, kOverdue, kDraft, kUpcoming };
const char* work_status_name(WorkStatus s);   // "due-soon", "overdue", "draft", "upcoming"
const char* work_status_label(WorkStatus s);  // "Due soon", "Overdue", "Draft", "Upcoming"

struct WorkItem;
// How long is left, naming the unit: "12 working days overdue", "72 calendar
// days overdue", "3 working days left", "Due today"; "–" with no due date.
std::string time_left_text(const WorkItem& w);

struct WorkItem {
  std::string kind;   // "assessment", "cin-visit", "cp-visit", "cla-visit", "cp-review",
                      // "cla-review", "pathway-plan-review", "plan-not-started", "draft-visit"
  std::string title;  // "Assessment due", "CP visit due", …
  std::string child_id;
  std::string child_name;
  std::string worker_id;
  std::string team_id;
  OptDate since;  // what the due date runs from (start, last visit, last review)
  OptDate due;
  int days_left = 0;  // working days for assessments, else calendar days; negative = overdue
  bool working_days = false;
  WorkStatus status = WorkStatus::kUpcoming;

  // Past its due date: overdue, or a visit left in draft beyond its 48 hours.
  bool past_due() const { return status == WorkStatus::kOverdue || status == WorkStatus::kDraft; }
};

struct WorklistOptions {
  Date as_at;
  std::string unit_id;  // worker id, team/unit id, or empty for everything
  int horizon_days = 14;  // include items due within this many days (plus all overdue)
  bool include_upcoming = true;
};

// Items sorted: those past their due date first (overdue and visits left in
// draft), the earliest due date — the most overdue — first; then the rest by
// due date; then child.
Result<std::vector<WorkItem>> build_worklist(const CaseIndex& index, const Parameters& params,
                                             const WorklistOptions& options);
// The same list from the engine's snapshot: the whole organisation's items
// for a day are built once and kept with the snapshot, and each request
// takes its unit's share (pages ask for many units and the same few days).
Result<std::vector<WorkItem>> build_worklist(const IndicatorEngine& engine,
                                             const WorklistOptions& options);

// The same unit's share without copying: pointers into the day's list, which
// `owner` keeps alive. What pages and the API walk on every request.
struct WorklistView {
  std::shared_ptr<const std::vector<WorkItem>> owner;
  std::vector<const WorkItem*> items;
};
Result<WorklistView> worklist_view(const IndicatorEngine& engine, const WorklistOptions& options);

}  // namespace beacon

#endif  // BEACON_WORKLISTS_WORKLIST_H_
