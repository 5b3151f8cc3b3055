// The organisation's structure as the figures drill through it:
// organisation → locality → service → team → worker.
#ifndef BEACON_SNAPSHOT_ORGANISATION_TREE_H_
#define BEACON_SNAPSHOT_ORGANISATION_TREE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/string_map.h"
#include "model/organisation.h"

namespace beacon {

class OrganisationTree {
 public:
  // The identifier of the root when no organisation unit is loaded.
  static constexpr const char* kDefaultRoot = "ORG";

  // `allocations` supply the team of workers whose record gives none (the SSD
  // gives professionals a department name only): their latest allocation's team.
  OrganisationTree(const std::vector<OrgUnit>& units, const std::vector<Worker>& workers,
                   const std::vector<Allocation>& allocations);

  const std::string& root_id() const { return root_id_; }
  const OrgUnit* unit(std::string_view id) const;
  const Worker* worker(std::string_view id) const;
  // The team a worker's figures roll up to, or empty.
  std::string_view team_of(std::string_view worker_id) const;
  // The unit's direct sub-units, by name.
  const std::vector<const OrgUnit*>& children(std::string_view unit_id) const;
  // Workers whose team is this unit, by name.
  const std::vector<const Worker*>& workers_in(std::string_view unit_id) const;
  // The unit and each unit above it, nearest first, ending at the root.
  std::vector<std::string> chain(std::string_view unit_id) const;
  // True when `unit_id` is `ancestor_id` or lies below it. Every unit lies
  // below the root; an unknown unit lies below the root only.
  bool within(std::string_view unit_id, std::string_view ancestor_id) const;
  // The locality above a unit (kind "locality"), or empty.
  std::string locality_of(std::string_view unit_id) const;
  // Display name of a unit or worker id.
  std::string name_of(std::string_view id) const;
  const std::vector<OrgUnit>& units() const { return units_; }

 private:
  std::vector<OrgUnit> units_;
  StringMap<size_t> unit_index_;
  StringMap<const Worker*> workers_;
  StringMap<std::string> worker_teams_;
  StringMap<std::vector<const OrgUnit*>> children_;
  StringMap<std::vector<const Worker*>> team_workers_;
  std::string root_id_;
};

}  // namespace beacon

#endif  // BEACON_SNAPSHOT_ORGANISATION_TREE_H_
