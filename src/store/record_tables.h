// The store's record tables: one per CaseHistory table, its columns the
// record's fields as visit() lists them (text via field_text(), NULL for no
// value), plus contribution_id, ordinal and line. Generated from the model, so
// a field added to a record type becomes a column with no store change.
#ifndef BEACON_STORE_RECORD_TABLES_H_
#define BEACON_STORE_RECORD_TABLES_H_

#include <string>
#include <vector>

#include "model/case_history.h"
#include "model/field_text.h"
#include "store/sqlite.h"

namespace beacon::store {

struct RecordTable {
  std::string name;                 // CaseHistory table, e.g. "cin_episodes"
  std::vector<std::string> fields;  // in visit() order
};

// Every CaseHistory table, in for_each_table() order (parents first).
const std::vector<RecordTable>& record_tables();

template <class R>
const RecordTable& record_table() {
  static const RecordTable& t = []() -> const RecordTable& {
    for (const auto& t : record_tables())
      if (t.name == R::kTable) return t;
    std::abort();  // every record type is a CaseHistory table
  }();
  return t;
}

// Creates missing record tables and adds missing columns (a field new to the
// model); a no-op, writing nothing, when the file already matches the model.
Status sync_record_tables(sqlite::Database& db);

std::string insert_sql(const RecordTable& t);
std::string select_sql(const RecordTable& t);

// Inserts `rows`; each row's `contribution` indexes `contribution_ids`.
template <class R>
Status insert_records(sqlite::Database& db, const std::vector<R>& rows,
                      const std::vector<int64_t>& contribution_ids) {
  if (rows.empty()) return Status::ok();
  const auto& table = record_table<R>();
  auto stmt = db.prepare(insert_sql(table));
  if (!stmt) return stmt.status();
  std::vector<std::string> texts(table.fields.size());
  for (const auto& r : rows) {
    if (r.contribution < 0 || static_cast<size_t>(r.contribution) >= contribution_ids.size())
      return Status::invalid_input(table.name + ": a record refers to contribution " +
                                   std::to_string(r.contribution) + " of a batch of " +
                                   std::to_string(contribution_ids.size()));
    stmt->bind(1, contribution_ids[r.contribution]);
    stmt->bind(2, r.ordinal);
    stmt->bind(3, r.line);
    int i = 0;
    R::visit(r, [&](const char*, const auto& value, FieldRole) {
      texts[i] = field_text(value);
      if (texts[i].empty())
        stmt->bind_null(4 + i);
      else
        stmt->bind_static(4 + i, texts[i]);
      ++i;
    });
    if (auto s = stmt->run(); !s)
      return Status(s.code(), "storing " + table.name + ": " + s.message());
  }
  return Status::ok();
}

// Appends every stored row of R's table to `out`, in insertion order.
template <class R>
Status read_records(sqlite::Database& db, std::vector<R>& out) {
  const auto& table = record_table<R>();
  auto stmt = db.prepare(select_sql(table));
  if (!stmt) return stmt.status();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.status();
    if (!*row) return Status::ok();
    R r;
    r.contribution = static_cast<int32_t>(stmt->int64(0));
    r.ordinal = static_cast<int>(stmt->int64(1));
    r.line = static_cast<int>(stmt->int64(2));
    int column = 3;
    const char* bad = nullptr;
    std::string bad_text;
    R::visit(r, [&](const char* name, auto& value, FieldRole) {
      // NULL: no value, or a column added after the row was stored.
      if (!bad && !stmt->is_null(column) && !parse_field_text(stmt->text(column), value)) {
        bad = name;
        bad_text = stmt->text(column);
      }
      ++column;
    });
    if (bad)
      return Status::invalid_input("the store's " + table.name + " table holds '" + bad_text +
                                   "' in column " + bad + ", which is not a valid value");
    out.push_back(std::move(r));
  }
}

}  // namespace beacon::store

#endif  // BEACON_STORE_RECORD_TABLES_H_
