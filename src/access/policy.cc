#include "access/policy.h"

#include <algorithm>

namespace beacon::access {
namespace {

bool is_whole_org_role(Role r) {
  return r == Role::kExecutive || r == Role::kPerformanceAnalyst || r == Role::kPracticeHub ||
         r == Role::kScrutiny;
}
bool is_scoped_role(Role r) {
  return r == Role::kSocialWorker || r == Role::kTeamManager || r == Role::kHeadOfService ||
         r == Role::kAssistantDirector;
}
bool gives_child_level(Role r) { return r != Role::kScrutiny && r != Role::kAdministrator; }

// True when a scoped role held with `scope` reaches `unit_id` (a unit or a worker).
bool scoped_role_reaches(Role r, std::string_view scope, const OrganisationTree& org,
                         std::string_view unit_id) {
  if (scope.empty()) return false;
  if (unit_id == scope) return true;
  if (r == Role::kSocialWorker) return false;  // their own figures only
  if (org.unit(unit_id)) return org.unit(scope) && org.within(unit_id, scope);
  if (org.worker(unit_id)) {
    std::string_view team = org.team_of(unit_id);
    return !team.empty() && org.unit(scope) && org.within(team, scope);
  }
  return false;
}

// The team an allocation counts under: its own, else its worker's.
bool allocation_in_scope(Role r, std::string_view scope, const OrganisationTree& org,
                         const Allocation& a) {
  if (scope.empty()) return false;
  if (a.worker_id == scope) return true;
  if (r == Role::kSocialWorker || !org.unit(scope)) return false;
  for (std::string_view team : {std::string_view(a.team_id), org.team_of(a.worker_id)})
    if (!team.empty() && org.within(team, scope) && org.unit(team)) return true;
  return false;
}

const std::string kAdminOnly =
    "Your account is for administration only: it shows no figures or children.";

}  // namespace

bool Principal::has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Decision can_view_aggregates(const Principal& p) {
  for (Role r : p.roles)
    if (r != Role::kAdministrator) return Decision::allow();
  return Decision::deny(p.roles.empty() ? "Your account has no role yet. Ask an administrator."
                                        : kAdminOnly);
}

Decision can_view_child_level(const Principal& p) {
  for (Role r : p.roles)
    if (gives_child_level(r)) return Decision::allow();
  if (p.has(Role::kScrutiny))
    return Decision::deny("Scrutiny members see figures only, not individual children.");
  return can_view_aggregates(p).allowed
             ? Decision::deny("Your role does not show individual children.")
             : can_view_aggregates(p);
}

Decision can_load_data(const Principal& p) {
  if (p.has(Role::kPerformanceAnalyst)) return Decision::allow();
  return Decision::deny("Only performance analysts load data.");
}

Decision can_edit_targets(const Principal& p) {
  if (p.has(Role::kPerformanceAnalyst)) return Decision::allow();
  return Decision::deny("Only performance analysts edit targets.");
}

Decision can_manage_users(const Principal& p) {
  if (p.has(Role::kAdministrator)) return Decision::allow();
  return Decision::deny("Only administrators manage users and settings.");
}

Decision can_view_audit(const Principal& p) {
  if (p.has(Role::kAdministrator)) return Decision::allow();
  return Decision::deny("Only administrators see the audit trail.");
}

Decision can_read_qa(const Principal& p) { return can_view_child_level(p); }

Decision can_record_qa(const Principal& p) {
  if (p.has(Role::kPracticeHub)) return Decision::allow();
  return Decision::deny("Only the practice hub records quality assurance.");
}

bool whole_organisation(const Principal& p) {
  return std::any_of(p.roles.begin(), p.roles.end(), is_whole_org_role);
}

int suppress_below(const Principal& p) {
  for (Role r : p.roles)
    if (r != Role::kScrutiny && r != Role::kAdministrator) return 0;
  return p.has(Role::kScrutiny) ? kSuppressBelow : 0;
}

bool suppressed(const Principal& p, double count) {
  int below = suppress_below(p);
  return below > 0 && count > 0 && count < below;
}

std::string home_unit(const Principal& p, const OrganisationTree& org) {
  if (whole_organisation(p) || p.scope.empty()) return org.root_id();
  return p.scope;
}

Decision can_view_unit(const Principal& p, const OrganisationTree& org, std::string_view unit_id) {
  if (auto d = can_view_aggregates(p); !d) return d;
  if (whole_organisation(p)) return Decision::allow();
  for (Role r : p.roles)
    if (is_scoped_role(r) && scoped_role_reaches(r, p.scope, org, unit_id))
      return Decision::allow();
  return Decision::deny("That unit is outside your area (" +
                        org.name_of(p.scope.empty() ? "none given" : p.scope) + ").");
}

ChildScope ChildScope::everyone() {
  ChildScope s;
  s.everyone_ = true;
  return s;
}
ChildScope ChildScope::none() { return ChildScope(); }
ChildScope ChildScope::only(std::set<std::string, std::less<>> ids) {
  ChildScope s;
  s.ids_ = std::move(ids);
  return s;
}
bool ChildScope::contains(std::string_view child_id) const {
  return everyone_ || ids_.count(child_id) > 0;
}

ChildScope visible_children(const Principal& p, const CaseIndex& index, Date from, Date to,
                            Date now) {
  if (!can_view_child_level(p)) return ChildScope::none();
  for (Role r : p.roles)
    if (is_whole_org_role(r) && gives_child_level(r)) return ChildScope::everyone();
  const OrganisationTree& org = index.organisation();
  std::set<std::string, std::less<>> ids;
  for (const Allocation& a : index.history().allocations) {
    bool in_period = a.start <= to && (!a.end || *a.end >= from);
    bool open_now = a.start <= now && (!a.end || *a.end >= now);
    if (!in_period && !open_now) continue;
    for (Role r : p.roles)
      if (is_scoped_role(r) && allocation_in_scope(r, p.scope, org, a)) {
        ids.insert(a.child_id);
        break;
      }
  }
  return ChildScope::only(std::move(ids));
}

Decision can_view_child(const Principal& p, const CaseIndex& index, std::string_view child_id,
                        Date from, Date to, Date now) {
  if (auto d = can_view_child_level(p); !d) return d;
  if (visible_children(p, index, from, to, now).contains(child_id)) return Decision::allow();
  return Decision::deny(
      "That child was not allocated within your area in the period you are viewing.");
}

QaReach qa_reach(const Principal& p, const CaseIndex& index) {
  QaReach out;
  if (!can_read_qa(p)) return out;
  for (Role r : p.roles)
    if (is_whole_org_role(r) && gives_child_level(r)) {
      out.everything = true;
      return out;
    }
  const OrganisationTree& org = index.organisation();
  // Every child ever allocated within scope: the same children the child
  // pages show for some period the user may choose.
  std::set<std::string, std::less<>> ids;
  for (const Allocation& a : index.history().allocations)
    for (Role r : p.roles)
      if (is_scoped_role(r) && allocation_in_scope(r, p.scope, org, a)) {
        ids.insert(a.child_id);
        break;
      }
  out.children = ChildScope::only(std::move(ids));
  if (p.has(Role::kSocialWorker) && org.worker(p.scope)) out.evaluator = p.scope;
  // Records about a unit alone: a worker's team, or every unit within a
  // manager's reach.
  const std::string reach = org.worker(p.scope) ? std::string(org.team_of(p.scope)) : p.scope;
  for (const OrgUnit& u : org.units())
    if (!reach.empty() && org.within(u.id, reach)) out.units.insert(u.id);
  return out;
}

std::string scope_problem(const std::vector<Role>& roles, std::string_view scope,
                          const OrganisationTree& org) {
  auto has = [&](Role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); };
  bool worker = has(Role::kSocialWorker);
  bool team = has(Role::kTeamManager);
  bool area = has(Role::kHeadOfService) || has(Role::kAssistantDirector);
  if (worker + team + area > 1)
    return "Give one of social worker, team manager, or head of service / assistant director: each "
           "needs a "
           "different scope";
  if (!worker && !team && !area) return "";
  if (scope.empty()) return "Choose the worker, team, service or locality this account covers";
  if (worker)
    return org.worker(scope) ? "" : "A social worker's scope must be their worker identifier";
  const OrgUnit* u = org.unit(scope);
  if (team) return u && u->kind == "team" ? "" : "A team manager's scope must be a team";
  return u && (u->kind == "service" || u->kind == "locality")
             ? ""
             : "A head of service's or assistant director's scope must be a service or locality";
}

}  // namespace beacon::access
