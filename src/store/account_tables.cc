#include "store/account_tables.h"

#include <algorithm>

namespace beacon::store {

Result<int64_t> insert_user(sqlite::Database& db, const UserRecord& u, const std::string& now) {
  auto taken = db.prepare("SELECT count(*) FROM users WHERE name = ?");
  if (!taken) return taken.status();
  taken->bind_text(1, u.name);
  auto row = taken->step();
  if (!row) return row.status();
  if (*row && taken->int64(0) > 0) return Status::conflict("the user name " + u.name + " is taken");
  auto stmt = db.prepare(
      "INSERT INTO users (name, display_name, roles, scope, password_hash, disabled, "
      "failed_sign_ins, "
      "locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return stmt.status();
  stmt->bind_text(1, u.name);
  stmt->bind_text(2, u.display_name);
  stmt->bind_text(3, u.roles);
  stmt->bind_text(4, u.scope);
  stmt->bind_text(5, u.password_hash);
  stmt->bind(6, u.disabled ? 1 : 0);
  stmt->bind(7, u.failed_sign_ins);
  stmt->bind(8, u.locked_until);
  stmt->bind_text(9, u.created_at.empty() ? now : u.created_at);
  if (auto s = stmt->run(); !s) return s;
  return db.last_insert_rowid();
}

namespace {

UserRecord user_from_row(sqlite::Statement& stmt) {
  UserRecord u;
  u.id = stmt.int64(0);
  u.name = stmt.text(1);
  u.display_name = stmt.text(2);
  u.roles = stmt.text(3);
  u.scope = stmt.text(4);
  u.password_hash = stmt.text(5);
  u.disabled = stmt.int64(6) != 0;
  u.failed_sign_ins = stmt.int64(7);
  u.locked_until = stmt.int64(8);
  u.created_at = stmt.text(9);
  return u;
}

constexpr const char* kUserColumns =
    "SELECT id, name, display_name, roles, scope, password_hash, disabled, failed_sign_ins, "
    "locked_until, created_at FROM users";

}  // namespace

Result<std::vector<UserRecord>> read_users(sqlite::Database& db) {
  auto stmt = db.prepare(std::string(kUserColumns) + " ORDER BY name");
  if (!stmt) return stmt.status();
  std::vector<UserRecord> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.status();
    if (!*row) return out;
    out.push_back(user_from_row(*stmt));
  }
}

Status change_user(sqlite::Database& db, int64_t id, const UserChange& c) {
  std::string sql = "UPDATE users SET id = id";
  std::vector<const std::string*> texts;
  auto text = [&](const std::optional<std::string>& v, const char* column) {
    if (!v) return;
    sql += std::string(", ") + column + " = ?";
    texts.push_back(&*v);
  };
  text(c.display_name, "display_name");
  text(c.roles, "roles");
  text(c.scope, "scope");
  text(c.password_hash, "password_hash");
  if (c.disabled) sql += *c.disabled ? ", disabled = 1" : ", disabled = 0";
  if (c.clear_sign_in_failures) sql += ", failed_sign_ins = 0, locked_until = 0";
  sql += " WHERE id = ?";
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.status();
  int at = 1;
  for (const std::string* t : texts) stmt->bind_text(at++, *t);
  stmt->bind(at, id);
  if (auto s = stmt->run(); !s) return s;
  auto changed = db.query_int("SELECT changes()");
  if (!changed) return changed.status();
  if (*changed == 0) return Status::not_found("there is no user " + std::to_string(id));
  return Status::ok();
}

Result<SignInAttempt> count_sign_in_attempt(sqlite::Database& db, const std::string& name,
                                            const LockOutRule& rule) {
  auto tx = sqlite::Transaction::begin(db);
  if (!tx) return tx.status();
  // The count and the lock in one statement, on the row's current values: a
  // served lock (locked_until in the past) starts the count again at 1.
  auto count = db.prepare(
      "UPDATE users SET "
      "failed_sign_ins = CASE WHEN locked_until != 0 THEN 1 ELSE failed_sign_ins + 1 END, "
      "locked_until = CASE WHEN (CASE WHEN locked_until != 0 THEN 1 ELSE failed_sign_ins + 1 END) "
      ">= ?1 THEN ?2 + ?3 ELSE 0 END "
      "WHERE name = ?4 AND disabled = 0 AND locked_until <= ?2");
  if (!count) return count.status();
  count->bind(1, rule.limit);
  count->bind(2, rule.now);
  count->bind(3, rule.lock_seconds);
  count->bind_text(4, name);
  if (auto s = count->run(); !s) return s;
  auto counted = db.query_int("SELECT changes()");
  if (!counted) return counted.status();
  auto read = db.prepare(std::string(kUserColumns) + " WHERE name = ?");
  if (!read) return read.status();
  read->bind_text(1, name);
  auto row = read->step();
  if (!row) return row.status();
  SignInAttempt out;
  if (*row) {
    out.user = user_from_row(*read);
    out.outcome = *counted > 0       ? SignInAttempt::Outcome::kCounted
                  : out.user.disabled ? SignInAttempt::Outcome::kDisabled
                                      : SignInAttempt::Outcome::kLocked;
  }
  read->reset();
  if (auto s = tx->commit(); !s) return s;
  return out;
}

Result<bool> confirm_sign_in(sqlite::Database& db, int64_t id, const std::string& password_hash) {
  auto stmt = db.prepare(
      "UPDATE users SET failed_sign_ins = 0, locked_until = 0 "
      "WHERE id = ? AND password_hash = ? AND disabled = 0");
  if (!stmt) return stmt.status();
  stmt->bind(1, id);
  stmt->bind_text(2, password_hash);
  if (auto s = stmt->run(); !s) return s;
  auto changed = db.query_int("SELECT changes()");
  if (!changed) return changed.status();
  return *changed > 0;
}

Result<std::vector<int64_t>> insert_audit(sqlite::Database& db, std::span<const AuditEntry> lines,
                                          const std::string& now) {
  auto tx = sqlite::Transaction::begin(db);
  if (!tx) return tx.status();
  auto stmt = db.prepare(
      "INSERT INTO audit_log (at, user, action, object, detail, client) VALUES (?, ?, ?, ?, ?, ?)");
  if (!stmt) return stmt.status();
  std::vector<int64_t> ids;
  ids.reserve(lines.size());
  for (const AuditEntry& e : lines) {
    stmt->bind_text(1, e.at.empty() ? now : e.at);
    stmt->bind_text(2, e.user.empty() ? "-" : e.user);
    stmt->bind_text(3, e.action);
    stmt->bind_text(4, e.object);
    stmt->bind_text(5, e.detail);
    stmt->bind_text(6, e.client);
    if (auto s = stmt->run(); !s) return s;
    stmt->reset();
    ids.push_back(db.last_insert_rowid());
  }
  if (auto s = tx->commit(); !s) return s;
  return ids;
}

Result<std::vector<AuditEntry>> read_audit(sqlite::Database& db, const AuditQuery& q) {
  // Only the conditions asked for are in the SQL, so each can use its index
  // (migration 7); every value is bound, never spliced in.
  std::string sql = "SELECT id, at, user, action, object, detail, client FROM audit_log WHERE 1";
  std::vector<const std::string*> texts;
  auto when = [&](const std::string& value, const char* condition) {
    if (value.empty()) return;
    sql += condition;
    texts.push_back(&value);
  };
  when(q.user, " AND user = ?");
  when(q.action, " AND action = ?");
  when(q.from, " AND at >= ?");
  when(q.to, " AND at < ? || 'T99'");
  if (q.before > 0) sql += " AND id < ?";
  sql += " ORDER BY id DESC LIMIT ?";
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.status();
  int at = 1;
  for (const std::string* t : texts) stmt->bind_text(at++, *t);
  if (q.before > 0) stmt->bind(at++, q.before);
  stmt->bind(at, std::max<int64_t>(0, q.limit));
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.status();
    if (!*row) return out;
    AuditEntry e;
    e.id = stmt->int64(0);
    e.at = stmt->text(1);
    e.user = stmt->text(2);
    e.action = stmt->text(3);
    e.object = stmt->text(4);
    e.detail = stmt->text(5);
    e.client = stmt->text(6);
    out.push_back(std::move(e));
  }
}

}  // namespace beacon::store
