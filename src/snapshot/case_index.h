// The effective case history held in memory and indexed for reading: the
// one immutable snapshot that indicators, pen portraits and worklists read.
// Built once after each load and shared read-only between threads.
#ifndef BEACON_SNAPSHOT_CASE_INDEX_H_
#define BEACON_SNAPSHOT_CASE_INDEX_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/working_days.h"
#include "model/case_history.h"
#include "snapshot/organisation_tree.h"
#include "snapshot/periods_of_care.h"

namespace beacon {

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
  std::span<const Adoption* const> adoptions(std::string_view child_id) const;
  std::span<const Assessment* const> assessments(std::string_view child_id) const;
  std::span<const LaReview* const> la_reviews(std::string_view child_id) const;

  // Every child's periods of care, children in id order.
  const std::vector<const PeriodOfCare*>& all_periods_of_care() const { return all_periods_; }
  // Supervision dates per worker, sorted.
  std::span<const Date> supervisions(std::string_view worker_id) const;

  // The latest date anywhere in the case history (for "as at" defaults).
  OptDate latest_date() const { return latest_date_; }

 private:
  template <class R>
  using ByChild = std::map<std::string, std::vector<const R*>, std::less<>>;

  CaseHistory history_;
  WorkingDayCalendar calendar_;
  OrganisationTree organisation_;
  std::map<std::string, const Child*, std::less<>> children_;
  ByChild<CinEpisode> referrals_;
  ByChild<CpPlan> cp_plans_;
  ByChild<Allocation> allocations_;
  ByChild<Adoption> adoptions_;
  ByChild<Assessment> assessments_;
  ByChild<LaReview> la_reviews_;
  std::map<std::string, std::vector<PeriodOfCare>, std::less<>> periods_;
  std::vector<const PeriodOfCare*> all_periods_;
  std::map<std::string, std::vector<Date>, std::less<>> supervisions_;
  OptDate latest_date_;
};

}  // namespace beacon

#endif  // BEACON_SNAPSHOT_CASE_INDEX_H_
