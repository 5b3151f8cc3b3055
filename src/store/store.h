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

// One call of `load` (or an upload), as the load history shows it.
struct LoadRecord {
  int64_t id = 0;
  std::string at;        // ISO date-time (UTC) the load was committed
  std::string user;      // who loaded it
  std::string files;     // file names, comma separated
  std::string summary;   // one line: "added 1,204, changed 17, withdrawn 2, rejected 0"
  std::string report_json;  // the whole load report
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
  // stores the batch's contributions and records, and appends `load` to the
  // load history. On any failure nothing changes. Returns the load's id.
  virtual Result<int64_t> commit_load(const Batch& batch, const LoadRecord& load) = 0;

  // The load history, newest first.
  virtual Result<std::vector<LoadRecord>> loads() = 0;

  // Free-form settings (JSON or text values) by key.
  virtual Result<std::optional<std::string>> setting(const std::string& key) = 0;
  virtual Status put_setting(const std::string& key, const std::string& value) = 0;
};

// Opens (creating if needed, owner-only permissions) the SQLite store at
// `path`, applying any pending schema migrations.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);

}  // namespace beacon

#endif  // BEACON_STORE_STORE_H_
