// The access rules, in one place: what a signed-in person (a Principal: their
// roles and scope) may see and do. Pure functions of the principal and the
// snapshot; the web layer, exports and the QA module ask them and never
// decide for themselves (docs/access.md).
//
// Scope: social workers are scoped to their worker id; team managers to a
// team; heads of service and assistant directors to a service or locality.
// Executives, performance analysts, the practice hub and scrutiny members see
// the whole organisation whatever their scope says. With several roles the
// widest reach wins.
#ifndef BEACON_ACCESS_POLICY_H_
#define BEACON_ACCESS_POLICY_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "access/role.h"
#include "core/date.h"
#include "snapshot/case_index.h"
#include "snapshot/organisation_tree.h"

namespace beacon::access {

struct Principal {
  std::string user;
  std::vector<Role> roles;
  std::string scope;  // worker id, or team / service / locality id; empty = none given

  bool has(Role role) const;
};

// A yes or no with the reason in plain English (shown on a 403 page).
struct Decision {
  bool allowed = false;
  std::string reason;

  static Decision allow() { return {true, ""}; }
  static Decision deny(std::string why) { return {false, std::move(why)}; }
  explicit operator bool() const { return allowed; }
};

// Counts below this are suppressed for scrutiny members.
inline constexpr int kSuppressBelow = 5;

// --- What kind of thing a principal may see or do (no data needed) ---------
// Figures, breakdowns and pen portraits: every role but administrator alone.
Decision can_view_aggregates(const Principal& p);
// Lists of children, child summaries, worklists, drill-through and its
// exports: every role but scrutiny and administrator alone.
Decision can_view_child_level(const Principal& p);
Decision can_load_data(const Principal& p);     // performance analyst
Decision can_edit_targets(const Principal& p);  // performance analyst
Decision can_manage_users(const Principal& p);  // administrator (and settings)
Decision can_view_audit(const Principal& p);    // administrator
Decision can_read_qa(const Principal& p);       // anyone who sees child-level data (in scope)
Decision can_record_qa(const Principal& p);     // practice hub
// True when the principal's reach is the whole organisation.
bool whole_organisation(const Principal& p);
// The smallest count shown as a number: kSuppressBelow for a principal whose
// only reach to figures is a scrutiny role, else 0 (nothing suppressed).
int suppress_below(const Principal& p);
// True when `count` must not be shown to `p` (0 < count < threshold).
bool suppressed(const Principal& p, double count);

// --- Where -------------------------------------------------------------------
// The unit (or worker id) a principal's pages open on: the root for the whole
// organisation, else their scope.
std::string home_unit(const Principal& p, const OrganisationTree& org);
// A unit, or a worker's own figures, inside the principal's reach.
Decision can_view_unit(const Principal& p, const OrganisationTree& org, std::string_view unit_id);

// The children a principal may see at child level for a period: those
// allocated within their scope at any time from `from` to `to`, or on `now`
// (the data's current date). Everyone for whole-organisation roles; no one
// for principals without child-level access.
class ChildScope {
 public:
  static ChildScope everyone();
  static ChildScope none();
  static ChildScope only(std::set<std::string, std::less<>> ids);

  bool contains(std::string_view child_id) const;
  bool is_everyone() const { return everyone_; }
  size_t size() const { return ids_.size(); }
  const std::set<std::string, std::less<>>& ids() const { return ids_; }

 private:
  bool everyone_ = false;
  std::set<std::string, std::less<>> ids_;
};

ChildScope visible_children(const Principal& p, const CaseIndex& index, Date from, Date to,
                            Date now);
Decision can_view_child(const Principal& p, const CaseIndex& index, std::string_view child_id,
                        Date from, Date to, Date now);

// Which quality-assurance records a principal may read. One rule with the
// child pages: a record about a child exactly when the principal may see that
// child (allocated within their scope at any time in the data), or when the
// record is an evaluation they are assigned (`evaluator`, a social worker's
// worker id); a record about a unit but no child (a survey return, a plan
// action) when the unit is within their reach (a social worker: their team).
// Whole-organisation roles read everything; roles without child-level access
// nothing.
struct QaReach {
  bool everything = false;
  std::set<std::string> units;  // for records with no child
  ChildScope children;          // for records about a child
  std::string evaluator;        // evaluations assigned to this worker id
};
QaReach qa_reach(const Principal& p, const CaseIndex& index);

// Whether `scope` suits `roles` in this organisation, in plain English; empty
// when it does (social worker: a worker; team manager: a team; head of service
// or assistant director: a service or locality).
std::string scope_problem(const std::vector<Role>& roles, std::string_view scope,
                          const OrganisationTree& org);

}  // namespace beacon::access

#endif  // BEACON_ACCESS_POLICY_H_
