// Small pieces several indicator families share.
#ifndef BEACON_INDICATORS_LOGIC_SUPPORT_H_
#define BEACON_INDICATORS_LOGIC_SUPPORT_H_

#include <optional>

#include "core/string_map.h"
#include "indicators/indicator.h"

namespace beacon::logic {

// The child's CIN episode a record sits in, or nullptr.
const CinEpisode* find_episode(const CaseIndex& index, const EpisodeRef& ref);
// The closure date bounding "the same episode" for attribution.
OptDate episode_end(const CaseIndex& index, const EpisodeRef& ref);
// Where the drill-down rule's "first allocation made after that date within
// the same episode" stops for a record dated `reference`: the end of the CIN
// episode it names, else of the child's episode open at `reference`. A
// record in no episode (a youth-justice disposal, a care leaver's birthday)
// gives `reference` itself: no later allocation is taken.
OptDate containing_episode_end(const CaseIndex& index, const EpisodeRef& ref, Date reference);

// Attributes `row` to a worker and team (snapshot/attribution.h rule).
void attribute_row(const CaseIndex& index, Row& row, Date reference_date,
                   std::string_view own_worker = {}, std::string_view own_team = {},
                   OptDate episode_end = std::nullopt);
// The same for a child looked after, by the allocations found once.
void attribute_row(const CaseIndex& index, Row& row, Date reference_date,
                   const ChildInCare& in_care);

// Each child's recorded visits of one kind ("cin", "cp", "cla"), in date
// order (same-day visits as recorded). A draft is not yet recorded. Grouped by hashing: the visits are the largest table,
// and the children's order does not matter to a figure (drill lists are
// sorted by child afterwards).
StringMap<std::vector<const Visit*>> recorded_visits_by_child(const CaseIndex& index,
                                                              std::string_view kind);

// The ONS mid-year estimate nearest `d` (mid-year = 30 June), if any.
std::optional<int64_t> population_near(const CaseIndex& index, Date d);
// Adds the population row of a rate per 10,000: denominator only, at the
// organisation level (no team), so unit breakdowns show no rate.
void add_population_row(const IndicatorContext& ctx, RowSink& out);

// The child's age in completed years at d (birthdays on or before d), or
// nullopt without a date of birth.
std::optional<int> age_at(const Child* child, Date d);

// Looked after at the end of day d: an episode open at d that is not a short
// break (V3/V4) in a period that is not made only of short breaks.
// Returns that period and episode, or nullptrs.
struct LookedAfter {
  const PeriodOfCare* period = nullptr;
  const LaEpisode* episode = nullptr;
  size_t episode_index = 0;
};
LookedAfter looked_after_at(const CaseIndex& index, std::string_view child_id, Date d);

// Every child looked after at the end of day d, in child id order, with what
// looked_after_at says of each: one pass over the periods of care, where a
// look-up per child who was ever in care cost most of a snapshot figure.
struct ChildLookedAfter {
  std::string_view child_id;
  LookedAfter la;
  const ChildInCare* in_care;  // the child's record and allocations, found once
};
std::vector<ChildLookedAfter> looked_after_children_at(const CaseIndex& index, Date d);

}  // namespace beacon::logic

#endif  // BEACON_INDICATORS_LOGIC_SUPPORT_H_
