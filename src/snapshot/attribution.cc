#include "snapshot/attribution.h"

#include <algorithm>
#include <cctype>

#include "snapshot/case_index.h"

namespace beacon {

bool is_social_worker_role(std::string_view role) {
  // Called for every allocation of every child a figure counts: normalised
  // in a buffer on the stack. Every accepted role is shorter than the buffer.
  char buffer[32];
  if (role.size() > sizeof buffer) return false;
  for (size_t i = 0; i < role.size(); ++i)
    buffer[i] =
        role[i] == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(role[i])));
  const std::string_view r(buffer, role.size());
  return r == "social worker" || r == "allocated social worker" || r == "allocated case worker" ||
         r == "case worker" || r == "allocated worker" || r == "sw" || r == "key worker" ||
         r == "social worker (allocated)";
}

namespace {
bool contains_word(std::string_view text, std::string_view lower_word) {
  return std::search(text.begin(), text.end(), lower_word.begin(), lower_word.end(),
                     [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                     }) != text.end();
}
}  // namespace

bool is_case_holding_role(std::string_view role) {
  return !contains_word(role, "iro") && !contains_word(role, "reviewing") &&
         !contains_word(role, "chair");
}

std::string_view team_of_worker(const CaseIndex& index, std::string_view worker_id,
                                std::string_view fallback) {
  std::string_view team = index.organisation().team_of(worker_id);
  return team.empty() ? fallback : team;
}

Attribution attribute(const CaseIndex& index, std::string_view child_id, Date reference_date,
                      std::string_view own_worker, std::string_view own_team, OptDate episode_end) {
  if (!own_worker.empty()) return {own_worker, team_of_worker(index, own_worker, own_team)};
  return attribute(index, index.allocation_views(child_id), reference_date, own_worker, own_team,
                   episode_end);
}

Attribution attribute(const CaseIndex& index, std::span<const AllocationView> allocations,
                      Date reference_date, std::string_view own_worker, std::string_view own_team,
                      OptDate episode_end) {
  if (!own_worker.empty()) return {own_worker, team_of_worker(index, own_worker, own_team)};

  const AllocationView* best = nullptr;
  auto better_in_force = [](const AllocationView* a, const AllocationView* b) {
    if (a->social_worker != b->social_worker) return a->social_worker;
    if (a->allocation->start != b->allocation->start)
      return a->allocation->start > b->allocation->start;
    return a->allocation->worker_id < b->allocation->worker_id;
  };
  const AllocationView* first_after = nullptr;
  for (const AllocationView& view : allocations) {
    const Allocation* a = view.allocation;
    bool in_force = a->start <= reference_date && (!a->end || *a->end > reference_date);
    if (in_force) {
      if (!best || better_in_force(&view, best)) best = &view;
    } else if (a->start > reference_date && (!episode_end || a->start <= *episode_end)) {
      // Allocations are sorted by start: the first one after the date wins,
      // the social worker role breaking ties on the same day.
      if (!first_after || (a->start == first_after->allocation->start && view.social_worker &&
                           !first_after->social_worker))
        first_after = &view;
    }
  }
  const AllocationView* chosen = best ? best : first_after;
  if (chosen) return {chosen->allocation->worker_id, chosen->team};
  return {{}, own_team};
}

}  // namespace beacon
