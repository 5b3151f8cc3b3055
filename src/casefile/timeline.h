// One child's case file as a chronology: referrals, assessments, CIN plans,
// section 47 enquiries and initial conferences, CP plans and reviews,
// looked-after episodes and reviews, missing episodes, visits, allocations
// and adoption milestones. Pure: reads the snapshot, computes nothing that an
// indicator owns. What drill-through rows and worklist rows open.
#ifndef BEACON_CASEFILE_TIMELINE_H_
#define BEACON_CASEFILE_TIMELINE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "snapshot/case_index.h"

namespace beacon {

struct TimelineEvent {
  Date date;
  std::string kind;   // referral, assessment, cin-plan, section-47, icpc, cp-plan,
                      // cp-review, episode, la-review, missing, visit, allocation,
                      // adoption, care-leaver
  std::string title;  // "Referral received", "Assessment authorised", …
  std::string detail; // plain-English facts: codes spelt out where known
  OptDate end;        // for spans (plans, episodes, allocations)
  std::string worker_id;
  std::string worker_name;
};

struct ChildSummary {
  std::string id;
  std::string name;  // forename surname where the SSD gave them, else empty
  std::string sex;   // "Male", "Female", "Not recorded"
  OptDate birth_date;
  std::optional<int> age;  // completed years at `as_at`
  std::string ethnicity;
  std::vector<std::string> disabilities;
  bool uasc = false;
  // Open at `as_at`: "Referral open", "CIN plan", "CP plan", "Looked after".
  std::vector<std::string> open_involvements;
  std::string allocated_worker_id;  // the allocated social worker at `as_at`
  std::string allocated_worker;
  std::string team;
  // Newest first; events on the same day in journey order.
  std::vector<TimelineEvent> events;
};

// Not found for an unknown child.
Result<ChildSummary> child_summary(const CaseIndex& index, std::string_view child_id, Date as_at);

}  // namespace beacon

#endif  // BEACON_CASEFILE_TIMELINE_H_
