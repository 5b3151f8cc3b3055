// Periods of care and carer spells, derived from SSDA903 episodes exactly as
// indicators.md defines them.
//
// A period of care starts with an episode whose RNE is S and runs through the
// following episodes until the first whose REC is not X1. A carer spell is
// the run of episodes with the same carer (RNE L, T or U; temporary
// placements T0–T4; and the return from a temporary placement to the same
// PLACE, PL_POST and URN).
#ifndef BEACON_SNAPSHOT_PERIODS_OF_CARE_H_
#define BEACON_SNAPSHOT_PERIODS_OF_CARE_H_

#include <string>
#include <vector>

#include "model/looked_after.h"

namespace beacon {

struct CarerSpell {
  size_t first = 0;  // index of the spell's first episode in the period
  size_t last = 0;   // index of its last episode
};

struct PeriodOfCare {
  std::string child_id;
  std::vector<const LaEpisode*> episodes;  // in date order
  std::vector<CarerSpell> spells;

  Date start() const { return episodes.front()->start; }
  // The DEC of the episode that ended the period; empty while it is open.
  OptDate end() const;
  const LaEpisode& last_episode() const { return *episodes.back(); }
  // Made only of V3/V4 (short breaks) episodes: ignored by every looked-after measure.
  bool short_breaks_only() const;
  // The period ended in adoption (REC E11 or E12).
  bool ended_in_adoption() const;
  // The episode open at the end of day d, or nullptr.
  const LaEpisode* episode_open_at(Date d) const;
  // Index of the spell holding episode index i.
  size_t spell_of(size_t episode_index) const;
};

bool is_temporary_placement(const std::string& place);  // T0–T4
bool is_adoption_placement(const std::string& place);   // A3–A6
bool is_short_break(const std::string& legal_status);   // V3, V4
// An episode open at the end of day d: started on or before d and not ended by d.
bool open_at(const LaEpisode& e, Date d);

// Splits one child's episodes (any order) into periods of care.
std::vector<PeriodOfCare> build_periods_of_care(std::vector<const LaEpisode*> episodes);

}  // namespace beacon

#endif  // BEACON_SNAPSHOT_PERIODS_OF_CARE_H_
