// Which records a return shows as still open at its 31 March, and which
// records belong to a parent record (so they go when it is withdrawn).
//
// A record a return listed as open, that the next year's return of the same
// source omits, has been corrected or removed in the case system; a finished
// one has merely dropped out of scope and is kept (history/merge.h).
#ifndef BEACON_HISTORY_OPEN_RECORDS_H_
#define BEACON_HISTORY_OPEN_RECORDS_H_

#include <optional>
#include <string>

#include "model/case_history.h"

namespace beacon {

// Records of other tables are never open: they describe an event, not a span.
template <class R>
bool open_at_year_end(const R&) {
  return false;
}
inline bool open_at_year_end(const CinEpisode& r) { return !r.closure_date; }
inline bool open_at_year_end(const Assessment& r) { return !r.authorised; }
inline bool open_at_year_end(const CinPlan& r) { return !r.end; }
inline bool open_at_year_end(const Section47& r) {
  return !r.icpc_date && r.icpc_not_required != true;
}
inline bool open_at_year_end(const CpPlan& r) { return !r.end; }
inline bool open_at_year_end(const LaEpisode& r) { return !r.end; }
inline bool open_at_year_end(const MissingEpisode& r) { return !r.end; }

// The natural key (as natural_key() spells it) of the record a referral or a
// plan reference points at.
std::string referenced_key(const EpisodeRef& e);
std::string referenced_key(const PlanRef& p);

// The parent a record cannot outlive: its table and natural key. Assessments,
// CIN plans and section 47 enquiries belong to their CIN episode; CP reviews
// to their CP plan. Other records stand alone.
struct ParentKey {
  const char* table;
  std::string key;
};
template <class R>
std::optional<ParentKey> parent_of(const R&) {
  return std::nullopt;
}
inline std::optional<ParentKey> parent_of(const Assessment& r) {
  return ParentKey{CinEpisode::kTable, referenced_key(r.episode)};
}
inline std::optional<ParentKey> parent_of(const CinPlan& r) {
  return ParentKey{CinEpisode::kTable, referenced_key(r.episode)};
}
inline std::optional<ParentKey> parent_of(const Section47& r) {
  return ParentKey{CinEpisode::kTable, referenced_key(r.episode)};
}
inline std::optional<ParentKey> parent_of(const CpReview& r) {
  return ParentKey{CpPlan::kTable, referenced_key(r.plan)};
}

}  // namespace beacon

#endif  // BEACON_HISTORY_OPEN_RECORDS_H_
