// The store's contributions and records held in memory for a load: merged
// before and after the batch to report the difference, and given to the
// readers that resolve references against what is already loaded.
#ifndef BEACON_LOAD_STORED_STATE_H_
#define BEACON_LOAD_STORED_STATE_H_

#include <set>
#include <string>
#include <vector>

#include "ingest/batch.h"
#include "store/store.h"

namespace beacon {

struct StoredState {
  std::vector<Contribution> contributions;
  CaseHistory records;  // each tagged with its contribution's id
};

// With `tables`, only those CaseHistory tables' records are read.
Result<StoredState> read_stored_state(Store& store, const std::set<std::string>* tables);

// The CaseHistory tables a batch can change: those its contributions (and the
// stored ones they replace) carry or list, and the tables of records that
// belong to records in them (assessments of CIN episodes, …).
std::set<std::string> tables_touched(const std::vector<Contribution>& stored, const Batch& batch);

// `state` as it will be once `batch` is stored: contributions the batch
// replaces (same key) and their records dropped, the batch's added with
// identifiers above every stored one.
void apply_batch(StoredState& state, const Batch& batch);

}  // namespace beacon

#endif  // BEACON_LOAD_STORED_STATE_H_
