#include "history/open_records.h"

#include "model/field_text.h"

namespace beacon {

// Must match natural_key(CinEpisode): child_id, referral_date, then ordinal.
std::string referenced_key(const EpisodeRef& e) {
  return e.child_id + '\x1f' + field_text(e.referral_date) + '\x1f' + std::to_string(e.ordinal);
}

// Must match natural_key(CpPlan): child_id, start, then ordinal.
std::string referenced_key(const PlanRef& p) {
  return p.child_id + '\x1f' + field_text(p.start) + '\x1f' + std::to_string(p.ordinal);
}

}  // namespace beacon
