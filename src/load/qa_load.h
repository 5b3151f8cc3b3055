// Loading the QA history (qa_*.csv local tables) into the QA store: all or
// nothing, replacing the QA records held (each set of tables is the whole
// current picture, as with the other local tables).
#ifndef BEACON_LOAD_QA_LOAD_H_
#define BEACON_LOAD_QA_LOAD_H_

#include <string>
#include <vector>

#include "core/problem.h"

namespace beacon {

struct QaLoadReport {
  bool ok = false;
  Problems problems;    // file, line, column
  std::string summary;  // "3 cycles, 312 evaluations, …"
  std::string to_text() const;
};

// Reads `files` (paths of qa_*.csv); unless `dry_run`, replaces the QA records
// in the store at `db` with them. Nothing is written when any row has an error.
QaLoadReport load_qa_tables(const std::vector<std::string>& files, const std::string& db,
                            bool dry_run);

}  // namespace beacon

#endif  // BEACON_LOAD_QA_LOAD_H_
