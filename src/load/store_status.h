// What a store holds, for `beacon status`: per table of the effective case
// history its record count and the range of its main date; the stored
// contributions with their years; the load history.
#ifndef BEACON_LOAD_STORE_STATUS_H_
#define BEACON_LOAD_STORE_STATUS_H_

#include <string>
#include <vector>

#include "store/store.h"

namespace beacon {

struct TableStatus {
  std::string table;
  int64_t records = 0;
  std::string date_field;  // the table's main date; empty when it has none
  std::string earliest;    // ISO dates; empty when no record has one
  std::string latest;
};

struct StoreStatus {
  std::vector<TableStatus> tables;  // non-empty tables, in CaseHistory order
  std::vector<Contribution> contributions;
  std::vector<LoadRecord> loads;  // newest first
  int64_t withdrawn = 0;          // records withdrawn by later returns

  std::string to_text() const;
  std::string to_json() const;
};

Result<StoreStatus> store_status(Store& store);

// The field whose range `status` shows for a table ("referral_date" for
// cin_episodes), or "" for tables without one.
const char* main_date_field(const std::string& table);

}  // namespace beacon

#endif  // BEACON_LOAD_STORE_STATUS_H_
