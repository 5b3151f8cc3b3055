// The roles a Beacon user can hold (docs/access.md). A user may hold several;
// what they may see is the union of what each role allows.
#ifndef BEACON_ACCESS_ROLE_H_
#define BEACON_ACCESS_ROLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beacon::access {

enum class Role {
  kSocialWorker,        // their own children and figures
  kTeamManager,         // their team
  kHeadOfService,       // their service or locality
  kAssistantDirector,   // their service or locality
  kExecutive,           // the whole organisation
  kPerformanceAnalyst,  // the whole organisation; loads data, edits targets
  kPracticeHub,         // quality assurance: the whole organisation, read (QA records)
  kScrutiny,            // aggregate figures only, small counts suppressed
  kAdministrator,       // users, settings and the audit trail; no child data by itself
};

// Every role, in the order forms list them.
const std::vector<Role>& all_roles();
// "social-worker", "team-manager", … (stored, in URLs and on the command line).
std::string_view role_id(Role role);
// "Social worker", "Team manager", … (pages).
std::string_view role_label(Role role);
std::optional<Role> parse_role(std::string_view id);

// "team-manager,scrutiny" ⇄ roles. Unknown names are reported in `unknown`.
std::vector<Role> parse_roles(std::string_view comma_list,
                              std::vector<std::string>* unknown = nullptr);
std::string roles_text(const std::vector<Role>& roles);

}  // namespace beacon::access

#endif  // BEACON_ACCESS_ROLE_H_
