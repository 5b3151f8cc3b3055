// The `load` workflow: read → check → merge → diff → commit, all or nothing.
//
// Files are recognised by content and read together by format (all SSDA903
// CSVs at once, all SSD tables at once, all local tables at once). Any error
// refuses the whole load and writes nothing, unless set_aside_bad_rows: then
// the good rows are loaded and the bad ones listed. The report says what the
// load added, changed and withdrew in the effective case history
// (history/merge.h) and is kept in the store's load history.
#ifndef BEACON_LOAD_LOAD_H_
#define BEACON_LOAD_LOAD_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "ingest/batch.h"
#include "load/load_report.h"
#include "store/store.h"

namespace beacon {

struct LoadOptions {
  std::optional<int> year;  // --year: SSDA903 CSV collection year (2024 = 2024-25)
  bool dry_run = false;     // report only; write nothing
  bool set_aside_bad_rows = false;
  std::string user;  // for the load history
  Date today;        // the load date: the as-of date of local tables
  // Called with one line per file or step of a long load; null for quiet.
  std::function<void(const std::string&)> progress;
  // The QA tables given with the files (already read and checked): they
  // replace the QA records in the same transaction as the case records, so
  // a failure in either leaves the store as it was.
  const qa::QaHistory* qa_history = nullptr;
  // When set, a file inside this folder is named in the report, its
  // problems and the load history by its path below the folder. The web
  // sets it to an upload's folder: people see the names they uploaded,
  // never where the server keeps the files.
  std::string names_below;
};

// Loads files and folders (expanded recursively) into `store`.
LoadReport load_files(Store& store, const std::vector<std::string>& paths,
                      const LoadOptions& options);

// The part after reading: checks `batch`, merges it with what is stored,
// reports the difference and (unless a dry run or refused) commits it.
// `files` names the inputs for the report and the load history.
LoadReport load_batch(Store& store, const Batch& batch, const std::vector<std::string>& files,
                      const LoadOptions& options);

}  // namespace beacon

#endif  // BEACON_LOAD_LOAD_H_
