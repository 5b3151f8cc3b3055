// The case history: every record Beacon holds, one vector per table.
//
// The same container carries one file's records on their way in (a batch) and
// the merged, effective history that indicators read. for_each_table() is the
// one list of tables; code that must treat every table alike (store, merge,
// status) goes through it.
#ifndef BEACON_MODEL_CASE_HISTORY_H_
#define BEACON_MODEL_CASE_HISTORY_H_

#include <cstddef>
#include <type_traits>
#include <vector>

#include "model/adoption.h"
#include "model/care_leavers.h"
#include "model/child_protection.h"
#include "model/children_in_need.h"
#include "model/local_tables.h"
#include "model/looked_after.h"
#include "model/organisation.h"
#include "model/person.h"

namespace beacon {

struct CaseHistory {
  std::vector<Child> children;
  std::vector<Contact> contacts;
  std::vector<CinEpisode> cin_episodes;
  std::vector<Assessment> assessments;
  std::vector<CinPlan> cin_plans;
  std::vector<Section47> section47s;
  std::vector<CpPlan> cp_plans;
  std::vector<CpReview> cp_reviews;
  std::vector<Visit> visits;
  std::vector<PreProceedings> pre_proceedings;
  std::vector<LaEpisode> la_episodes;
  std::vector<LaReview> la_reviews;
  std::vector<MissingEpisode> missing_episodes;
  std::vector<Oc2Outcome> oc2_outcomes;
  std::vector<PreviousPermanence> previous_permanence;
  std::vector<DeprivationOfLiberty> deprivation_of_liberty;
  std::vector<CareLeaverReturn> care_leaver_returns;
  std::vector<CareLeaver> care_leavers;
  std::vector<Adoption> adoptions;
  std::vector<PlacementDecision> placement_decisions;
  std::vector<OrgUnit> org_units;
  std::vector<Worker> workers;
  std::vector<Allocation> allocations;
  std::vector<Supervision> supervisions;
  std::vector<EstablishedPost> established_posts;
  std::vector<PopulationEstimate> population_estimates;
  std::vector<YouthJusticeDisposal> youth_justice;
  std::vector<IndicatorTarget> indicator_targets;
  std::vector<ExtraBankHoliday> bank_holidays;

  // Calls f(std::vector<R>&) for every table, in a fixed order (parents first).
  template <class F>
  void for_each_table(F&& f) {
    for_each_table_impl(*this, f);
  }
  template <class F>
  void for_each_table(F&& f) const {
    for_each_table_impl(*this, f);
  }

  // The table holding records of type R.
  template <class R>
  std::vector<R>& table() {
    std::vector<R>* out = nullptr;
    for_each_table([&out](auto& t) {
      if constexpr (std::is_same_v<std::decay_t<decltype(t)>, std::vector<R>>) out = &t;
    });
    return *out;
  }
  template <class R>
  const std::vector<R>& table() const {
    return const_cast<CaseHistory*>(this)->table<R>();
  }

  size_t total_records() const;

 private:
  template <class Self, class F>
  static void for_each_table_impl(Self& h, F& f) {
    f(h.org_units);
    f(h.workers);
    f(h.children);
    f(h.contacts);
    f(h.cin_episodes);
    f(h.assessments);
    f(h.cin_plans);
    f(h.section47s);
    f(h.cp_plans);
    f(h.cp_reviews);
    f(h.visits);
    f(h.pre_proceedings);
    f(h.la_episodes);
    f(h.la_reviews);
    f(h.missing_episodes);
    f(h.oc2_outcomes);
    f(h.previous_permanence);
    f(h.deprivation_of_liberty);
    f(h.care_leaver_returns);
    f(h.care_leavers);
    f(h.adoptions);
    f(h.placement_decisions);
    f(h.allocations);
    f(h.supervisions);
    f(h.established_posts);
    f(h.population_estimates);
    f(h.youth_justice);
    f(h.indicator_targets);
    f(h.bank_holidays);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_CASE_HISTORY_H_
