// What a reader makes of its input: records, the contributions they belong
// to, and every problem found. Readers never touch the store.
#ifndef BEACON_INGEST_BATCH_H_
#define BEACON_INGEST_BATCH_H_

#include <map>
#include <string>
#include <vector>

#include "core/problem.h"
#include "model/case_history.h"
#include "model/contribution.h"

namespace beacon {

// Rows (or XML child elements) read and rejected, per source table.
struct ReadCounts {
  int64_t read = 0;
  int64_t rejected = 0;  // rows with an error; excluded from records
};

struct Batch {
  // The contributions this batch makes. Each record's `contribution` field is
  // an index into this vector until the store assigns real identifiers.
  std::vector<Contribution> contributions;
  CaseHistory records;
  Problems problems;  // errors and data-quality findings, in file order
  std::map<std::string, ReadCounts> counts;  // by source table name
  // Notes for the load report, e.g. "collection year 2024-25 taken from the
  // folder name 903_2024_25".
  std::vector<std::string> notes;

  // Appends another batch, re-basing its contribution indices.
  void append(Batch&& other);
};

}  // namespace beacon

#endif  // BEACON_INGEST_BATCH_H_
