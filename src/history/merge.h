// Combining contributions into the effective case history — pure logic, no I/O.
//
// Rules (../shared/README.md "How loads combine"):
//  - records are matched by natural key (each record's kKey fields) plus
//    ordinal (position among equal keys within one contribution);
//  - for each field, the newest contribution (by as_of, then id) that lists
//    the record and carries the field supplies it;
//  - a record a return showed as still open at its 31 March, that the next
//    year's return of the same source (carrying that table) does not list, is
//    withdrawn — unless a newer contribution of another source lists it;
//  - finished records missing from later returns are kept.
#ifndef BEACON_HISTORY_MERGE_H_
#define BEACON_HISTORY_MERGE_H_

#include <map>
#include <string>
#include <vector>

#include "core/problem.h"
#include "model/case_history.h"
#include "model/contribution.h"

namespace beacon {

struct WithdrawnRecord {
  std::string table;       // CaseHistory table
  std::string key;         // natural key, readable: "child C123, referral 2023-05-02"
  std::string listed_by;   // contribution key that last listed it as open
  std::string missing_from;  // contribution key of the next year that does not list it
};

struct MergeResult {
  CaseHistory history;
  std::vector<WithdrawnRecord> withdrawn;
  Problems findings;  // e.g. two records sharing a natural key in one file
};

// `records` hold records of all `contributions`, each tagged with its
// contribution id. Deterministic: the same inputs give the same output order.
MergeResult merge_contributions(const std::vector<Contribution>& contributions,
                                const CaseHistory& records);

// Per table: records added, changed and removed between two effective histories.
struct TableDiff {
  int64_t added = 0;
  int64_t changed = 0;
  int64_t removed = 0;
};
std::map<std::string, TableDiff> diff_histories(const CaseHistory& before,
                                                const CaseHistory& after);

}  // namespace beacon

#endif  // BEACON_HISTORY_MERGE_H_
