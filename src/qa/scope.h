// Which units' QA records a user may see. The practice hub and
// administrators see everything; other roles (branch `access`, src/access)
// see a set of units. Every QA query takes a scope, so scoping is one call.
#ifndef BEACON_QA_SCOPE_H_
#define BEACON_QA_SCOPE_H_

#include <set>
#include <string>

namespace beacon::qa {

struct UnitScope {
  bool everything = true;
  std::set<std::string> units;  // team (or other unit) ids, when not everything

  static UnitScope all() { return {}; }
  static UnitScope only(std::set<std::string> units) { return {false, std::move(units)}; }
  // A record with no unit (organisation-wide) is seen only by `everything`.
  bool allows(const std::string& unit_id) const { return everything || units.count(unit_id) > 0; }
};

}  // namespace beacon::qa

#endif  // BEACON_QA_SCOPE_H_
