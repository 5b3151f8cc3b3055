// The system of record. Beacon keeps every contribution (each return year,
// SSD table and local table as loaded) so that loads can combine record by
// record and a resubmitted return can replace its own contribution; the
// effective case history is derived from them (history/merge.h).
//
// SqliteStore (one file, WAL) is the embedded implementation; a PostgreSQL
// implementation of the same interface comes next.
#ifndef BEACON_STORE_STORE_H_
#define BEACON_STORE_STORE_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "ingest/batch.h"
#include "model/case_history.h"
#include "model/contribution.h"

namespace beacon {

namespace qa {
struct QaHistory;  // qa/qa_store.h
}

// One call of `load` (or an upload), as the load history shows it.
struct LoadRecord {
  int64_t id = 0;
  std::string at;        // ISO date-time (UTC) the load was committed
  std::string user;      // who loaded it
  std::string files;     // file names, comma separated
  std::string summary;   // one line: "added 1,204, changed 17, withdrawn 2, rejected 0"
  std::string report_json;  // the whole load report
};

// A person who signs in to the web application (docs/access.md). Only the
// Argon2id hash of the password is kept.
struct UserRecord {
  int64_t id = 0;
  std::string name;          // what they sign in with; unique
  std::string display_name;
  std::string roles;         // comma-separated role ids (access/role.h)
  std::string scope;         // worker id or team / service / locality id; may be empty
  std::string password_hash;
  bool disabled = false;
  int64_t failed_sign_ins = 0;  // consecutive failures since the last success
  int64_t locked_until = 0;     // Unix seconds; 0 = not locked
  std::string created_at;       // ISO date-time, UTC (set by the store)
};

// A change to one user: only the fields set are written, in one statement,
// so two writers (an administrator and a sign-in) never undo each other.
struct UserChange {
  std::optional<std::string> display_name;
  std::optional<std::string> roles;
  std::optional<std::string> scope;
  std::optional<std::string> password_hash;
  std::optional<bool> disabled;
  bool clear_sign_in_failures = false;  // failed count to 0, lock lifted
};

// The lock-out rule the store applies (docs/access.md).
struct LockOutRule {
  int64_t now = 0;            // Unix seconds
  int64_t limit = 5;          // attempts counted before the account locks
  int64_t lock_seconds = 900;
};

// What counting a sign-in attempt found.
struct SignInAttempt {
  enum class Outcome { kNoSuchUser, kDisabled, kLocked, kCounted };
  Outcome outcome = Outcome::kNoSuchUser;
  UserRecord user;  // as it stands after the count (empty for kNoSuchUser)
};

// One line of the audit trail: who did or saw what, when, from where. The
// trail is append-only: the store has no way to change or remove a line.
struct AuditEntry {
  int64_t id = 0;
  std::string at;      // ISO date-time, UTC (set by the store when empty)
  std::string user;    // user name; "-" when nobody was signed in
  std::string action;  // sign-in, sign-in-failed, view-child, export-drill, load, user-add, …
  std::string object;  // what it was about: "child C1", "KPI3 drill for T1", "user sam"
  std::string detail;
  std::string client;  // the client's address
};

// Which lines to read: all conditions must hold; empty ones are ignored.
struct AuditQuery {
  std::string user;
  std::string action;
  std::string from;  // ISO date: lines on or after it
  std::string to;    // ISO date: lines on or before it (the whole day)
  int64_t limit = 1000;
  int64_t before = 0;  // only lines older than this id (the next page); 0: from the newest
};

class Store {
 public:
  virtual ~Store() = default;

  // Every stored contribution, ordered by id.
  virtual Result<std::vector<Contribution>> contributions() = 0;

  // The records of every stored contribution, each with `contribution` set to
  // the contribution's id. With `tables`, only those CaseHistory tables
  // (by kTable name) are read.
  virtual Result<CaseHistory> read_records(const std::set<std::string>* tables = nullptr) = 0;

  // In one transaction: removes the stored contributions whose key() equals a
  // key in `batch.contributions` (a resubmission replaces its predecessor),
  // stores the batch's contributions and records, appends `load` to the load
  // history and, with `qa`, replaces every QA record with it (the QA tables
  // given with the same load). On any failure nothing changes. Returns the
  // load's id.
  virtual Result<int64_t> commit_load(const Batch& batch, const LoadRecord& load,
                                      const qa::QaHistory* qa) = 0;
  Result<int64_t> commit_load(const Batch& batch, const LoadRecord& load) {
    return commit_load(batch, load, nullptr);
  }

  // The load history, newest first.
  virtual Result<std::vector<LoadRecord>> loads() = 0;

  // Free-form settings (JSON or text values) by key.
  virtual Result<std::optional<std::string>> setting(const std::string& key) = 0;
  virtual Status put_setting(const std::string& key, const std::string& value) = 0;

  // Users, by name.
  virtual Result<std::vector<UserRecord>> users() = 0;
  // Fails (conflict) when the name is taken. Returns the new id.
  virtual Result<int64_t> add_user(const UserRecord& user) = 0;
  // Writes only the fields `change` sets; not_found when there is no such user.
  virtual Status change_user(int64_t id, const UserChange& change) = 0;
  // Sign-in, step 1, before the password is checked: atomically counts one
  // attempt against the lock-out (a served lock starts the count again) and
  // returns the user as it now stands (kCounted). A disabled or locked
  // user is reported as such, and nothing is counted.
  virtual Result<SignInAttempt> count_sign_in_attempt(const std::string& name,
                                                      const LockOutRule& rule) = 0;
  // Sign-in, step 2, after the right password: clears the count, but only
  // while the user is still enabled and still has `password_hash`. False
  // when either changed meanwhile: the sign-in must then be refused.
  virtual Result<bool> confirm_sign_in(int64_t id, const std::string& password_hash) = 0;

  // Appends a line to the audit trail; returns its id.
  virtual Result<int64_t> append_audit(const AuditEntry& entry) = 0;
  // Matching lines, newest first.
  virtual Result<std::vector<AuditEntry>> audit_entries(const AuditQuery& query) = 0;
};

// Opens (creating if needed, owner-only permissions) the SQLite store at
// `path`, applying any pending schema migrations.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);

}  // namespace beacon

#endif  // BEACON_STORE_STORE_H_
