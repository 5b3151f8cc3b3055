#include "store/record_tables.h"

#include <cstdlib>
#include <set>
#include <string_view>
#include <type_traits>

namespace beacon::store {
namespace {

// Book-keeping columns every record table has before its fields.
constexpr const char* kBookkeeping[] = {"contribution_id", "ordinal", "line"};

std::vector<RecordTable> build_tables() {
  std::vector<RecordTable> tables;
  const CaseHistory empty;
  empty.for_each_table([&tables](const auto& table) {
    using R = typename std::decay_t<decltype(table)>::value_type;
    RecordTable t{R::kTable, {}};
    const R r{};
    R::visit(r, [&t](const char* name, const auto&, FieldRole) {
      for (const char* reserved : kBookkeeping)
        if (std::string_view(name) == reserved) std::abort();  // a broken invariant
      t.fields.emplace_back(name);
    });
    tables.push_back(std::move(t));
  });
  return tables;
}

std::string create_sql(const RecordTable& t) {
  const std::string name = sqlite::quote_identifier(t.name);
  std::string sql = "CREATE TABLE " + name +
                    " (contribution_id INTEGER NOT NULL REFERENCES contributions(id) ON DELETE "
                    "CASCADE, ordinal INTEGER NOT NULL, line INTEGER NOT NULL";
  for (const auto& f : t.fields) sql += ", " + sqlite::quote_identifier(f) + " TEXT";
  sql += ");\nCREATE INDEX " + sqlite::quote_identifier(t.name + "_by_contribution") + " ON " +
         name + " (contribution_id);\n";
  return sql;
}

}  // namespace

const std::vector<RecordTable>& record_tables() {
  static const std::vector<RecordTable> tables = build_tables();
  return tables;
}

std::string insert_sql(const RecordTable& t) {
  // Columns are named, not positional: a column added by a later sync sits at
  // the end whatever its place in visit().
  std::string sql =
      "INSERT INTO " + sqlite::quote_identifier(t.name) + " (contribution_id, ordinal, line";
  for (const auto& f : t.fields) sql += ", " + sqlite::quote_identifier(f);
  sql += ") VALUES (?, ?, ?";
  for (size_t i = 0; i < t.fields.size(); ++i) sql += ", ?";
  return sql + ")";
}

std::string select_sql(const RecordTable& t) {
  std::string sql = "SELECT contribution_id, ordinal, line";
  for (const auto& f : t.fields) sql += ", " + sqlite::quote_identifier(f);
  return sql + " FROM " + sqlite::quote_identifier(t.name) + " ORDER BY rowid";
}

Status sync_record_tables(sqlite::Database& db) {
  std::string changes;
  for (const auto& t : record_tables()) {
    auto info = db.prepare("SELECT name FROM pragma_table_info(?)");
    if (!info) return info.status();
    info->bind_text(1, t.name);
    std::set<std::string> have;
    for (;;) {
      auto row = info->step();
      if (!row) return row.status();
      if (!*row) break;
      have.emplace(info->text(0));
    }
    if (have.empty()) {
      changes += create_sql(t);
      continue;
    }
    for (const auto& f : t.fields)
      if (!have.count(f))
        changes += "ALTER TABLE " + sqlite::quote_identifier(t.name) + " ADD COLUMN " +
                   sqlite::quote_identifier(f) + " TEXT;\n";
  }
  if (changes.empty()) return Status::ok();
  auto tx = sqlite::Transaction::begin(db);
  if (!tx) return tx.status();
  if (auto s = db.exec(changes); !s) return s;
  return tx->commit();
}

}  // namespace beacon::store
