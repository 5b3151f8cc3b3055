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
  // When `by_child`, a record about a child is seen exactly when the child
  // is in `children` (access::qa_reach decides who they are), or when it is
  // an evaluation assigned to `evaluator`; `units` then only decides records
  // with no child.
  bool by_child = false;
  std::set<std::string, std::less<>> children;
  std::string evaluator;

  static UnitScope all() { return {}; }
  static UnitScope only(std::set<std::string> units) { return {false, std::move(units)}; }
  // A record with no unit (organisation-wide) is seen only by `everything`.
  bool allows(const std::string& unit_id) const { return everything || units.count(unit_id) > 0; }
  // A record about `child_id` (may be empty) in `unit_id`, evaluated by
  // `evaluator_id` (may be empty).
  bool allows_record(const std::string& unit_id, const std::string& child_id,
                     const std::string& evaluator_id = "") const {
    if (everything) return true;
    if (!evaluator.empty() && evaluator_id == evaluator) return true;
    if (by_child && !child_id.empty()) return children.count(child_id) > 0;
    return units.count(unit_id) > 0;
  }
};

}  // namespace beacon::qa

#endif  // BEACON_QA_SCOPE_H_
