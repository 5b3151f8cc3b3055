#include "access/role.h"

#include <algorithm>

namespace beacon::access {
namespace {

struct RoleName {
  Role role;
  const char* id;
  const char* label;
};

constexpr RoleName kRoles[] = {
    {Role::kSocialWorker, "social-worker", "Social worker"},
    {Role::kTeamManager, "team-manager", "Team manager"},
    {Role::kHeadOfService, "head-of-service", "Head of service"},
    {Role::kAssistantDirector, "assistant-director", "Assistant director"},
    {Role::kExecutive, "executive", "Executive"},
    {Role::kPerformanceAnalyst, "performance-analyst", "Performance analyst"},
    {Role::kPracticeHub, "practice-hub", "Practice hub (quality assurance)"},
    {Role::kScrutiny, "scrutiny", "Scrutiny member"},
    {Role::kAdministrator, "administrator", "Administrator"},
};

}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& r : kRoles) out.push_back(r.role);
    return out;
  }();
  return roles;
}

std::string_view role_id(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.id;
  return "";
}

std::string_view role_label(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.label;
  return "";
}

std::optional<Role> parse_role(std::string_view id) {
  for (const auto& r : kRoles)
    if (id == r.id) return r.role;
  return std::nullopt;
}

std::vector<Role> parse_roles(std::string_view list, std::vector<std::string>* unknown) {
  std::vector<Role> out;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) continue;
    if (auto r = parse_role(item)) {
      if (std::find(out.begin(), out.end(), *r) == out.end()) out.push_back(*r);
    } else if (unknown) {
      unknown->emplace_back(item);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) out += (out.empty() ? "" : ",") + std::string(role_id(r));
  return out;
}

}  // namespace beacon::access
