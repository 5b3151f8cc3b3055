#include "web/auth/users.h"

#include "web/auth/password.h"

namespace beacon::web {

Result<std::optional<UserAccount>> MemoryUserDirectory::find(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& u : users_)
    if (u.name == name) return std::optional<UserAccount>(u);
  return std::optional<UserAccount>();
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
  account.role = "administrator";
  account.password_hash = *hash;
  if (auto id = users.add(account); !id) return id.status();
  return std::optional<FirstAdministrator>(admin);
}

}  // namespace beacon::web
