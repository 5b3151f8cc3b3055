// The effective case history held in memory and indexed for reading: the
// one immutable snapshot that indicators, pen portraits and worklists read.
// Built once after each load and shared read-only between threads.
#ifndef BEACON_SNAPSHOT_CASE_INDEX_H_
#define BEACON_SNAPSHOT_CASE_INDEX_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_map.h"
#include "core/working_days.h"
#include "model/case_history.h"
#include "snapshot/open_spans.h"
#include "snapshot/organisation_tree.h"
#include "snapshot/periods_of_care.h"

namespace beacon {

// An allocation with what attribution asks of it for every record of every
// figure, worked out once when the index is built.
struct AllocationView {
  const Allocation* allocation;
  bool social_worker;     // the allocated social worker's role
  std::string_view team;  // the worker's team, else the allocation's own
};

// An allocation to a role that holds cases, with its worker and child as
// numbers: a caseload on any date is counted without touching a string.
struct CaseholdingAllocation {
  int32_t start;    // day serials (core/date.h)
  int32_t end;      // the day it ended; INT32_MAX while open
  uint32_t worker;  // into caseholding_workers()
  uint32_t child;   // the same number for the same child id
};

// A child who was ever looked after, with what every looked-after figure
// reads of them found once: a snapshot figure visits each of them on each of
// 24 dates, and the look-ups by id cost more than the rules.
struct ChildInCare {
  std::string_view child_id;
  const Child* child;  // null when the children table does not hold them
  std::span<const PeriodOfCare> periods;
  std::span<const AllocationView> allocations;
};

class CaseIndex {
 public:
  explicit CaseIndex(CaseHistory history);
  CaseIndex(const CaseIndex&) = delete;
  CaseIndex& operator=(const CaseIndex&) = delete;

  const CaseHistory& history() const { return history_; }
  // Working days: the shipped England and Wales table plus loaded holidays.
  const WorkingDayCalendar& calendar() const { return calendar_; }
  const OrganisationTree& organisation() const { return organisation_; }

  const Child* child(std::string_view id) const;
  // Per-child lists, each in date order (then ordinal). Empty for an unknown child.
  std::span<const CinEpisode* const> referrals(std::string_view child_id) const;
  std::span<const CpPlan* const> cp_plans(std::string_view child_id) const;
  std::span<const PeriodOfCare> periods_of_care(std::string_view child_id) const;
  std::span<const Allocation* const> allocations(std::string_view child_id) const;
  // The same allocations, in the same order, as attribution reads them.
  std::span<const AllocationView> allocation_views(std::string_view child_id) const;
  std::span<const Adoption* const> adoptions(std::string_view child_id) const;
  std::span<const Assessment* const> assessments(std::string_view child_id) const;
  std::span<const LaReview* const> la_reviews(std::string_view child_id) const;

  // Every child's periods of care, children in id order.
  const std::vector<const PeriodOfCare*>& all_periods_of_care() const { return all_periods_; }
  // Supervision dates per worker, sorted.
  std::span<const Date> supervisions(std::string_view worker_id) const;

  // Records open at the end of day d, in the table's order (as a loop over
  // the table would meet them), found from compact spans (open_spans.h).
  std::vector<const CinEpisode*> cin_episodes_open_at(Date d) const;  // referral <= d < closure
  std::vector<const CinPlan*> cin_plans_open_at(Date d) const;        // start <= d < end
  std::vector<const CpPlan*> cp_plans_open_at(Date d) const;          // start <= d < end
  std::vector<const Assessment*> assessments_open_at(Date d) const;   // start <= d < authorised

  // Every child with a period of care, in child id order.
  const std::vector<ChildInCare>& children_in_care() const { return children_in_care_; }

  // Every case-holding allocation, and the worker id each worker number names.
  std::span<const CaseholdingAllocation> caseholding_allocations() const { return caseholding_; }
  std::span<const std::string_view> caseholding_workers() const { return caseholding_workers_; }

  // The latest date anywhere in the case history (for "as at" defaults).
  OptDate latest_date() const { return latest_date_; }

 private:
  template <class R>
  using ByChild = StringMap<std::vector<const R*>>;

  CaseHistory history_;
  WorkingDayCalendar calendar_;
  OrganisationTree organisation_;
  StringMap<const Child*> children_;
  ByChild<CinEpisode> referrals_;
  ByChild<CpPlan> cp_plans_;
  ByChild<Allocation> allocations_;
  StringMap<std::vector<AllocationView>> allocation_views_;
  ByChild<Adoption> adoptions_;
  ByChild<Assessment> assessments_;
  ByChild<LaReview> la_reviews_;
  StringMap<std::vector<PeriodOfCare>> periods_;
  std::vector<const PeriodOfCare*> all_periods_;
  std::vector<ChildInCare> children_in_care_;
  StringMap<std::vector<Date>> supervisions_;
  OpenSpans cin_episode_spans_, cin_plan_spans_, cp_plan_spans_, assessment_spans_;
  std::vector<CaseholdingAllocation> caseholding_;
  std::vector<std::string_view> caseholding_workers_;
  OptDate latest_date_;
};

}  // namespace beacon

#endif  // BEACON_SNAPSHOT_CASE_INDEX_H_
