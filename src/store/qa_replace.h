// Replacing every QA record inside a transaction the caller holds, on its
// connection: the QA store's replace_all, and a load whose files include the
// QA tables (Store::commit_load), so that the case records and the QA
// records of one load are stored together or not at all.
#ifndef BEACON_STORE_QA_REPLACE_H_
#define BEACON_STORE_QA_REPLACE_H_

#include "core/result.h"
#include "qa/qa_store.h"
#include "store/sqlite.h"

namespace beacon::store {

// Deletes every QA record and inserts `h` (ids kept as given). The caller
// commits or rolls back.
Status replace_qa_records(sqlite::Database& db, const qa::QaHistory& h);

}  // namespace beacon::store

#endif  // BEACON_STORE_QA_REPLACE_H_
