#include "snapshot/organisation_tree.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace beacon {

OrganisationTree::OrganisationTree(const std::vector<OrgUnit>& units,
                                   const std::vector<Worker>& workers,
                                   const std::vector<Allocation>& allocations)
    : units_(units) {
  for (size_t i = 0; i < units_.size(); ++i) unit_index_.emplace(units_[i].id, i);
  // The root: the unit of kind "organisation", else the first unit without a
  // (known) parent, else a synthetic one.
  for (const auto& u : units_)
    if (u.kind == "organisation" && root_id_.empty()) root_id_ = u.id;
  if (root_id_.empty())
    for (const auto& u : units_)
      if (u.parent_id.empty() || !unit_index_.count(u.parent_id)) {
        root_id_ = u.id;
        break;
      }
  if (root_id_.empty()) {
    OrgUnit root;
    root.id = kDefaultRoot;
    root.name = "Whole organisation";
    root.kind = "organisation";
    units_.push_back(root);
    unit_index_.emplace(root.id, units_.size() - 1);
    root_id_ = root.id;
  }
  for (const auto& u : units_) {
    if (u.id == root_id_) continue;
    std::string parent = unit_index_.count(u.parent_id) ? u.parent_id : root_id_;
    children_[parent].push_back(&u);
  }
  for (auto& [id, list] : children_)
    std::sort(list.begin(), list.end(), [](const OrgUnit* a, const OrgUnit* b) {
      return std::tie(a->name, a->id) < std::tie(b->name, b->id);
    });
  std::map<std::string_view, std::pair<Date, std::string_view>> latest_allocation_team;
  for (const auto& a : allocations) {
    if (a.team_id.empty()) continue;
    auto& l = latest_allocation_team[a.worker_id];
    if (l.second.empty() || a.start >= l.first) l = {a.start, a.team_id};
  }
  for (const auto& w : workers) {
    workers_.emplace(w.id, &w);
    std::string team = w.team_id;
    if (team.empty())
      if (auto it = latest_allocation_team.find(w.id); it != latest_allocation_team.end())
        team = it->second.second;
    if (team.empty()) continue;
    worker_teams_.emplace(w.id, team);
    team_workers_[team].push_back(&w);
  }
  for (auto& [id, list] : team_workers_)
    std::sort(list.begin(), list.end(), [](const Worker* a, const Worker* b) {
      return std::tie(a->name, a->id) < std::tie(b->name, b->id);
    });
}

const OrgUnit* OrganisationTree::unit(std::string_view id) const {
  auto it = unit_index_.find(id);
  return it == unit_index_.end() ? nullptr : &units_[it->second];
}

const Worker* OrganisationTree::worker(std::string_view id) const {
  auto it = workers_.find(id);
  return it == workers_.end() ? nullptr : it->second;
}

std::string_view OrganisationTree::team_of(std::string_view worker_id) const {
  auto it = worker_teams_.find(worker_id);
  return it == worker_teams_.end() ? std::string_view() : std::string_view(it->second);
}

const std::vector<const OrgUnit*>& OrganisationTree::children(std::string_view unit_id) const {
  static const std::vector<const OrgUnit*> none;
  auto it = children_.find(unit_id);
  return it == children_.end() ? none : it->second;
}

const std::vector<const Worker*>& OrganisationTree::workers_in(std::string_view unit_id) const {
  static const std::vector<const Worker*> none;
  auto it = team_workers_.find(unit_id);
  return it == team_workers_.end() ? none : it->second;
}

std::vector<std::string> OrganisationTree::chain(std::string_view unit_id) const {
  std::vector<std::string> out;
  const OrgUnit* u = unit(unit_id);
  // Bounded walk: a cycle in loaded data must not hang.
  for (size_t steps = 0; u && steps <= units_.size(); ++steps) {
    out.push_back(u->id);
    if (u->id == root_id_) return out;
    u = unit(u->parent_id);
  }
  if (out.empty() || out.back() != root_id_) out.push_back(root_id_);
  return out;
}

bool OrganisationTree::within(std::string_view unit_id, std::string_view ancestor_id) const {
  if (ancestor_id == root_id_) return true;
  for (const auto& id : chain(unit_id))
    if (id == ancestor_id) return true;
  return false;
}

std::string OrganisationTree::locality_of(std::string_view unit_id) const {
  for (const auto& id : chain(unit_id)) {
    const OrgUnit* u = unit(id);
    if (u && u->kind == "locality") return u->id;
  }
  return {};
}

std::string OrganisationTree::name_of(std::string_view id) const {
  if (const OrgUnit* u = unit(id)) return u->name.empty() ? u->id : u->name;
  if (const Worker* w = worker(id)) return w->name.empty() ? w->id : w->name;
  return std::string(id);
}

}  // namespace beacon
