// The second half of a load, shared by load_files() and load_batch(): check
// the batch, merge it with the store, report, commit.
#ifndef BEACON_LOAD_COMPLETE_LOAD_H_
#define BEACON_LOAD_COMPLETE_LOAD_H_

#include <chrono>
#include <string>

#include "load/load.h"
#include "load/stored_state.h"

namespace beacon {

// `report` arrives with the files, read counts, notes and problems filled in.
// `stored`, when given, holds every stored contribution and record (already
// read for the readers) and is consumed; otherwise only the tables the batch
// touches are read.
LoadReport complete_load(Store& store, const Batch& batch, LoadReport report,
                         const LoadOptions& options, StoredState* stored);

// For progress lines: "1,204 rows in 0.8 s (1,505 rows/s)", timed from `start`.
std::string timing(std::chrono::steady_clock::time_point start, int64_t rows);

}  // namespace beacon

#endif  // BEACON_LOAD_COMPLETE_LOAD_H_
