// Who may sign in. The directory is an interface: the service keeps users in
// the store (a `users` table); tests use the in-memory one.
#ifndef BEACON_WEB_AUTH_USERS_H_
#define BEACON_WEB_AUTH_USERS_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace beacon::web {

struct UserAccount {
  int64_t id = 0;
  std::string name;  // what they sign in with
  std::string display_name;
  // Until the access-control issue defines roles: "administrator" sees and
  // does everything.
  std::string role = "administrator";
  std::string password_hash;  // Argon2id (crypto_pwhash_str)
  bool disabled = false;
};

class UserDirectory {
 public:
  virtual ~UserDirectory() = default;
  // Case-sensitive name; nullopt when there is no such user.
  virtual Result<std::optional<UserAccount>> find(const std::string& name) = 0;
  virtual Result<int64_t> count() = 0;
  // Fails (conflict) when the name is taken. Returns the new id.
  virtual Result<int64_t> add(const UserAccount& user) = 0;
};

class MemoryUserDirectory final : public UserDirectory {
 public:
  Result<std::optional<UserAccount>> find(const std::string& name) override;
  Result<int64_t> count() override;
  Result<int64_t> add(const UserAccount& user) override;

 private:
  std::mutex mutex_;
  std::vector<UserAccount> users_;
};

struct FirstAdministrator {
  std::string name;
  std::string password;  // shown once; only its hash is kept
};

// When the directory has no user, creates the administrator "admin" with a
// generated password and returns the credentials to show; otherwise nullopt.
Result<std::optional<FirstAdministrator>> ensure_first_administrator(UserDirectory& users,
                                                                     bool fast_hash = false);

}  // namespace beacon::web

#endif  // BEACON_WEB_AUTH_USERS_H_
