// The users and audit_log tables (migration 3): plain SQL over one
// connection. The caller holds the connection's lock. There is deliberately no
// function that updates or deletes an audit line (triggers refuse it too).
#ifndef BEACON_STORE_ACCOUNT_TABLES_H_
#define BEACON_STORE_ACCOUNT_TABLES_H_

#include <span>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace beacon::store {

Result<std::vector<UserRecord>> read_users(sqlite::Database& db);
Result<int64_t> insert_user(sqlite::Database& db, const UserRecord& user, const std::string& now);
// Only the fields `change` sets, in one statement (store.h).
Status change_user(sqlite::Database& db, int64_t id, const UserChange& change);
// Sign-in's two steps (store.h): each one transaction.
Result<SignInAttempt> count_sign_in_attempt(sqlite::Database& db, const std::string& name,
                                            const LockOutRule& rule);
Result<bool> confirm_sign_in(sqlite::Database& db, int64_t id, const std::string& password_hash);

// Lines without a time get `now`. The batch runs in one transaction and
// returns each line's id in order; on error none of it is kept.
Result<std::vector<int64_t>> insert_audit(sqlite::Database& db, std::span<const AuditEntry> lines,
                                          const std::string& now);
Result<std::vector<AuditEntry>> read_audit(sqlite::Database& db, const AuditQuery& query);

}  // namespace beacon::store

#endif  // BEACON_STORE_ACCOUNT_TABLES_H_
