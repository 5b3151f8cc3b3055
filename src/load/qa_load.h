// Loading the QA history (qa_*.csv local tables) into the QA store: all or
// nothing, replacing the QA records held (each set of tables is the whole
// current picture, as with the other local tables). With case records in the
// same load, `beacon load` reads them here and commits them with the records
// (LoadOptions::qa_history).
#ifndef BEACON_LOAD_QA_LOAD_H_
#define BEACON_LOAD_QA_LOAD_H_

#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "qa/qa_store.h"

namespace beacon {

struct QaLoadReport {
  bool ok = false;
  Problems problems;    // file, line, column
  std::string summary;  // "3 cycles, 312 evaluations, …"
  std::string to_text() const;
};

// Reads and checks `files` (paths of qa_*.csv) without writing anything: the
// history, or nullopt with the problems in `report`. `report.summary` says
// what they hold; `report.ok` is left for the caller to set once written.
std::optional<qa::QaHistory> read_qa_history(const std::vector<std::string>& files, bool dry_run,
                                             QaLoadReport& report);

// Reads `files` (paths of qa_*.csv); unless `dry_run`, replaces the QA records
// in the store at `db` with them. Nothing is written when any row has an error.
QaLoadReport load_qa_tables(const std::vector<std::string>& files, const std::string& db,
                            bool dry_run);

}  // namespace beacon

#endif  // BEACON_LOAD_QA_LOAD_H_
