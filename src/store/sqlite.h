// A small RAII wrapper over the SQLite C API: a connection and prepared
// statements, failures as Status values. Only what the store needs.
#ifndef BEACON_STORE_SQLITE_H_
#define BEACON_STORE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace beacon::sqlite {

class Statement;

class Database {
 public:
  // Opens (creating if missing) the database file at `path`; ":memory:" for
  // a private in-memory database.
  static Result<Database> open(const std::string& path);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // Runs one or more statements that return no rows.
  Status exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  // The first column of the first row of a query, as an integer (0 if none).
  Result<int64_t> query_int(std::string_view sql);
  int64_t last_insert_rowid() const;
  std::string error_message() const;
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  // Bindings are 1-based. Text bound with bind_static must outlive step().
  void bind(int index, int64_t value);
  void bind_text(int index, std::string_view text);
  void bind_static(int index, std::string_view text);
  void bind_null(int index);

  // True when a row is ready, false when the statement is done.
  Result<bool> step();
  // Runs a statement that returns no rows, then resets it (bindings kept,
  // for a caller that binds every parameter each time).
  Status run();
  // Ready to run again; bindings cleared.
  void reset();

  int column_count() const;
  bool is_null(int column) const;
  int64_t int64(int column) const;
  std::string_view text(int column) const;  // valid until the next step()

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// A transaction that rolls back unless committed.
class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock at once, so the transaction cannot
  // fail half-way for want of it.
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // null once committed or rolled back
};

// "name" with embedded quotes doubled: for identifiers from the model.
std::string quote_identifier(std::string_view name);

}  // namespace beacon::sqlite

#endif  // BEACON_STORE_SQLITE_H_
