// Which worker (and so team → locality → organisation) a record belongs to,
// by the drill-down rule in indicators.md:
//  1. the record's own responsible worker where the source gives one;
//  2. else the child's allocation in force at the reference date (the event
//     date for flow measures, `to` for snapshots) — the allocated social
//     worker role first, then the most recent start;
//  3. else the first allocation made after that date within the same episode;
//  4. failing all, the record's own team if the source gives one, else the
//     organisation only.
#ifndef BEACON_SNAPSHOT_ATTRIBUTION_H_
#define BEACON_SNAPSHOT_ATTRIBUTION_H_

#include <string>
#include <span>
#include <string_view>

#include "core/date.h"

namespace beacon {

class CaseIndex;
struct AllocationView;

struct Attribution {
  std::string_view worker_id;  // empty: no worker
  std::string_view team_id;    // empty: the organisation only
};

// True for the allocated social worker's role ("social_worker", "Social
// Worker", "Allocated Social Worker", "Allocated Case Worker", …).
bool is_social_worker_role(std::string_view role);
// False for roles that hold no case (independent reviewing officers,
// conference chairs): their allocations add to nobody's caseload.
bool is_case_holding_role(std::string_view role);

// `episode_end`: the end of the episode the record sits in (CIN episode or
// period of care), bounding rule 3; empty while it is open.
Attribution attribute(const CaseIndex& index, std::string_view child_id, Date reference_date,
                      std::string_view own_worker = {}, std::string_view own_team = {},
                      OptDate episode_end = std::nullopt);
// The same with the child's allocations already in hand (CaseIndex::allocation_views).
Attribution attribute(const CaseIndex& index, std::span<const AllocationView> allocations,
                      Date reference_date, std::string_view own_worker = {},
                      std::string_view own_team = {}, OptDate episode_end = std::nullopt);

// The worker's team from the workers table, else `fallback`.
std::string_view team_of_worker(const CaseIndex& index, std::string_view worker_id,
                                std::string_view fallback);

}  // namespace beacon

#endif  // BEACON_SNAPSHOT_ATTRIBUTION_H_
