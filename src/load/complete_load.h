// The second half of a load, shared by load_files() and load_batch(): check
// the batch, merge it with the store, report, commit.
#ifndef BEACON_LOAD_COMPLETE_LOAD_H_
#define BEACON_LOAD_COMPLETE_LOAD_H_

#include "load/load.h"
#include "load/stored_state.h"

namespace beacon {

// `report` arrives with the files, read counts, notes and problems filled in.
// `stored`, when given, holds every stored contribution and record (already
// read for the readers) and is consumed; otherwise only the tables the batch
// touches are read.
LoadReport complete_load(Store& store, const Batch& batch, LoadReport report,
                         const LoadOptions& options, StoredState* stored);

// Seconds since `start`, and a rate, for progress lines.
std::string timing(double seconds, int64_t rows);

}  // namespace beacon

#endif  // BEACON_LOAD_COMPLETE_LOAD_H_
