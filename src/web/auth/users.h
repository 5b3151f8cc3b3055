// Who may sign in: accounts with their roles and scope (access/policy.h), and
// the lock-out after repeated failures. The directory is an interface: the
// service keeps users in the store's `users` table (app/web_backend.cc);
// tests use the in-memory one.
#ifndef BEACON_WEB_AUTH_USERS_H_
#define BEACON_WEB_AUTH_USERS_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "core/result.h"

namespace beacon::web {

struct UserAccount {
  int64_t id = 0;
  std::string name;  // what they sign in with
  std::string display_name;
  std::vector<access::Role> roles;
  std::string scope;          // worker id, or team / service / locality id
  std::string password_hash;  // Argon2id (crypto_pwhash_str)
  bool disabled = false;
  int64_t failed_sign_ins = 0;  // consecutive
  int64_t locked_until = 0;     // Unix seconds
  std::string created_at;

  access::Principal principal() const { return {name, roles, scope}; }
};

// A change to one account: only the fields set are written, atomically, so
// an administrator's change and a sign-in's count never undo each other.
struct AccountChange {
  std::optional<std::string> display_name;
  std::optional<std::vector<access::Role>> roles;
  std::optional<std::string> scope;
  std::optional<std::string> password_hash;
  std::optional<bool> disabled;
  bool clear_sign_in_failures = false;  // failed count to 0, lock lifted
};

// What counting a sign-in attempt found (UserDirectory::count_sign_in_attempt).
struct SignInCount {
  enum class Outcome { kNoSuchUser, kDisabled, kLocked, kCounted };
  Outcome outcome = Outcome::kNoSuchUser;
  UserAccount account;  // as it stands after the count
};

class UserDirectory {
 public:
  virtual ~UserDirectory() = default;
  // Case-sensitive name; nullopt when there is no such user.
  virtual Result<std::optional<UserAccount>> find(const std::string& name) = 0;
  virtual Result<std::optional<UserAccount>> find_id(int64_t id) = 0;
  // Every user, by name.
  virtual Result<std::vector<UserAccount>> list() = 0;
  virtual Result<int64_t> count() = 0;
  // Fails (conflict) when the name is taken. Returns the new id.
  virtual Result<int64_t> add(const UserAccount& user) = 0;
  // Writes only what `change` sets; not_found when there is no such user.
  virtual Status change(int64_t id, const AccountChange& change) = 0;
  // Sign-in, before the password is checked: counts one attempt against the
  // lock-out atomically (kLockAfterFailures attempts lock the account for
  // kLockSeconds; a served lock starts the count again) and returns the
  // account as it now stands. Disabled and locked accounts count nothing.
  virtual Result<SignInCount> count_sign_in_attempt(const std::string& name, int64_t now_seconds) = 0;
  // Sign-in, after the right password: clears the count, only while the
  // account is still enabled and still has `password_hash`. False when
  // either changed meanwhile: the sign-in must be refused.
  virtual Result<bool> confirm_sign_in(int64_t id, const std::string& password_hash) = 0;
};

class MemoryUserDirectory final : public UserDirectory {
 public:
  Result<std::optional<UserAccount>> find(const std::string& name) override;
  Result<std::optional<UserAccount>> find_id(int64_t id) override;
  Result<std::vector<UserAccount>> list() override;
  Result<int64_t> count() override;
  Result<int64_t> add(const UserAccount& user) override;
  Status change(int64_t id, const AccountChange& change) override;
  Result<SignInCount> count_sign_in_attempt(const std::string& name, int64_t now_seconds) override;
  Result<bool> confirm_sign_in(int64_t id, const std::string& password_hash) override;

 private:
  std::mutex mutex_;
  std::vector<UserAccount> users_;
};

// Lock-out: after kLockAfterFailures consecutive failed sign-ins an account
// is locked for kLockSeconds (docs/access.md); a success resets the count.
inline constexpr int kLockAfterFailures = 5;
inline constexpr int64_t kLockSeconds = 15 * 60;

bool is_locked(const UserAccount& user, int64_t now_seconds);
// The account after one more counted attempt (locked when it reaches the
// limit); the store applies the same rule in SQL (store/account_tables.cc).
UserAccount after_counted_attempt(UserAccount user, int64_t now_seconds);

// The roles the first administrator gets: administrator and performance
// analyst, so the person setting Beacon up can load data and see it.
std::vector<access::Role> first_administrator_roles();

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
