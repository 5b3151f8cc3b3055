#include "snapshot/periods_of_care.h"

#include <algorithm>
#include <tuple>

namespace beacon {

bool is_temporary_placement(const std::string& place) {
  return place.size() == 2 && place[0] == 'T' && place[1] >= '0' && place[1] <= '4';
}

bool is_adoption_placement(const std::string& place) {
  return place == "A3" || place == "A4" || place == "A5" || place == "A6";
}

bool is_short_break(const std::string& legal_status) {
  return legal_status == "V3" || legal_status == "V4";
}

bool open_at(const LaEpisode& e, Date d) { return e.start <= d && (!e.end || *e.end > d); }

OptDate PeriodOfCare::end() const {
  const auto& last = last_episode();
  if (last.reason_ceased == "X1") return std::nullopt;  // continues beyond the data
  return last.end;
}

bool PeriodOfCare::short_breaks_only() const {
  return std::all_of(episodes.begin(), episodes.end(),
                     [](const LaEpisode* e) { return is_short_break(e->legal_status); });
}

bool PeriodOfCare::ended_in_adoption() const {
  const auto& rec = last_episode().reason_ceased;
  return last_episode().end && (rec == "E11" || rec == "E12");
}

const LaEpisode* PeriodOfCare::episode_open_at(Date d) const {
  const LaEpisode* found = nullptr;
  for (const auto* e : episodes)
    if (open_at(*e, d)) found = e;  // the latest-starting if the data overlap
  return found;
}

size_t PeriodOfCare::spell_of(size_t episode_index) const {
  for (size_t s = 0; s < spells.size(); ++s)
    if (episode_index >= spells[s].first && episode_index <= spells[s].last) return s;
  return spells.empty() ? 0 : spells.size() - 1;
}

namespace {

// Carer spells within one period (indicators.md, "Carer spell (KPI7)").
std::vector<CarerSpell> build_spells(const std::vector<const LaEpisode*>& eps) {
  std::vector<CarerSpell> spells;
  if (eps.empty()) return spells;
  spells.push_back({0, 0});
  // The last non-temporary episode seen, for recognising a return.
  const LaEpisode* last_settled = is_temporary_placement(eps[0]->place) ? nullptr : eps[0];
  bool after_temporary = is_temporary_placement(eps[0]->place);
  for (size_t i = 1; i < eps.size(); ++i) {
    const LaEpisode& e = *eps[i];
    bool temporary = is_temporary_placement(e.place);
    bool same_carer = e.rne == "L" || e.rne == "T" || e.rne == "U";
    bool is_return = after_temporary && last_settled && e.place == last_settled->place &&
                     e.placement_postcode == last_settled->placement_postcode &&
                     e.urn == last_settled->urn;
    if (same_carer || temporary || is_return) {
      spells.back().last = i;
    } else {
      spells.push_back({i, i});
    }
    if (temporary) {
      after_temporary = true;
    } else {
      after_temporary = false;
      last_settled = &e;
    }
  }
  return spells;
}

}  // namespace

std::vector<PeriodOfCare> build_periods_of_care(std::vector<const LaEpisode*> episodes) {
  std::stable_sort(episodes.begin(), episodes.end(), [](const LaEpisode* a, const LaEpisode* b) {
    return std::tie(a->start, a->ordinal) < std::tie(b->start, b->ordinal);
  });
  std::vector<PeriodOfCare> periods;
  bool open = false;  // the last period has not met its ending episode
  for (const LaEpisode* e : episodes) {
    if (!open || e->rne == "S") {
      periods.push_back({e->child_id, {}, {}});
    }
    periods.back().episodes.push_back(e);
    // The first episode whose REC is not X1 ends the period (an open episode
    // has no REC yet and leaves the period open).
    open = !e->end || e->reason_ceased == "X1";
  }
  for (auto& p : periods) p.spells = build_spells(p.episodes);
  return periods;
}

}  // namespace beacon
