// The QA store (qa/qa_store.h) over the same SQLite file as the Store: its
// own connection, so QA writes never wait on a load's connection mutex
// (SQLite's busy timeout orders the two writers).
#ifndef BEACON_STORE_QA_SQLITE_H_
#define BEACON_STORE_QA_SQLITE_H_

#include <memory>
#include <string>

#include "core/result.h"
#include "qa/qa_store.h"

namespace beacon {

// Opens the QA tables of the Beacon store at `path` (creating and migrating
// it if needed, as open_sqlite_store does); ":memory:" for a private store.
Result<std::unique_ptr<qa::QaStore>> open_sqlite_qa_store(const std::string& path);

}  // namespace beacon

#endif  // BEACON_STORE_QA_SQLITE_H_
