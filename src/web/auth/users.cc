#include "web/auth/users.h"

#include <algorithm>

#include "web/auth/password.h"

namespace beacon::web {

Result<std::optional<UserAccount>> MemoryUserDirectory::find(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& u : users_)
    if (u.name == name) return std::optional<UserAccount>(u);
  return std::optional<UserAccount>();
}

Result<std::optional<UserAccount>> MemoryUserDirectory::find_id(int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& u : users_)
    if (u.id == id) return std::optional<UserAccount>(u);
  return std::optional<UserAccount>();
}

Result<std::vector<UserAccount>> MemoryUserDirectory::list() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<UserAccount> out = users_;
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

Result<int64_t> MemoryUserDirectory::count() {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int64_t>(users_.size());
}

Result<int64_t> MemoryUserDirectory::add(const UserAccount& user) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& u : users_)
    if (u.name == user.name) return Status::conflict("the user name " + user.name + " is taken");
  users_.push_back(user);
  users_.back().id = static_cast<int64_t>(users_.size());
  return users_.back().id;
}

Status MemoryUserDirectory::change(int64_t id, const AccountChange& c) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& u : users_)
    if (u.id == id) {
      if (c.display_name) u.display_name = *c.display_name;
      if (c.roles) u.roles = *c.roles;
      if (c.scope) u.scope = *c.scope;
      if (c.password_hash) u.password_hash = *c.password_hash;
      if (c.disabled) u.disabled = *c.disabled;
      if (c.clear_sign_in_failures) {
        u.failed_sign_ins = 0;
        u.locked_until = 0;
      }
      return Status::ok();
    }
  return Status::not_found("there is no user " + std::to_string(id));
}

Result<SignInCount> MemoryUserDirectory::count_sign_in_attempt(const std::string& name,
                                                               int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  SignInCount out;
  for (auto& u : users_) {
    if (u.name != name) continue;
    if (u.disabled) out.outcome = SignInCount::Outcome::kDisabled;
    else if (is_locked(u, now)) out.outcome = SignInCount::Outcome::kLocked;
    else {
      u = after_counted_attempt(u, now);
      out.outcome = SignInCount::Outcome::kCounted;
    }
    out.account = u;
    break;
  }
  return out;
}

Result<bool> MemoryUserDirectory::confirm_sign_in(int64_t id, const std::string& password_hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& u : users_)
    if (u.id == id) {
      if (u.disabled || u.password_hash != password_hash) return false;
      u.failed_sign_ins = 0;
      u.locked_until = 0;
      return true;
    }
  return false;
}

bool is_locked(const UserAccount& user, int64_t now) { return user.locked_until > now; }

UserAccount after_counted_attempt(UserAccount user, int64_t now) {
  if (user.locked_until != 0 && user.locked_until <= now) user.failed_sign_ins = 0;  // a lock served
  user.failed_sign_ins += 1;
  user.locked_until = user.failed_sign_ins >= kLockAfterFailures ? now + kLockSeconds : 0;
  return user;
}

std::vector<access::Role> first_administrator_roles() {
  // The demo's one user must show every page, QA included (docs/access.md).
  return {access::Role::kPerformanceAnalyst, access::Role::kPracticeHub, access::Role::kAdministrator};
}

Result<std::optional<FirstAdministrator>> ensure_first_administrator(UserDirectory& users,
                                                                     bool fast_hash) {
  auto n = users.count();
  if (!n) return n.status();
  if (*n > 0) return std::optional<FirstAdministrator>();
  FirstAdministrator admin{"admin", generate_password()};
  auto hash = hash_password(admin.password, fast_hash ? HashCost::kMinimal : HashCost::kInteractive);
  if (!hash) return hash.status();
  UserAccount account;
  account.name = admin.name;
  account.display_name = "Administrator";
  account.roles = first_administrator_roles();
  account.password_hash = *hash;
  if (auto id = users.add(account); !id) return id.status();
  return std::optional<FirstAdministrator>(admin);
}

}  // namespace beacon::web
