// The store's schema history: a numbered list of forward migrations. A file's
// `PRAGMA user_version` says how many it has had; opening it applies the rest,
// each in its own transaction. Record tables follow the model instead
// (record_tables.h). Migration 3 adds users and the append-only audit trail;
// QA records come next.
#ifndef BEACON_STORE_MIGRATIONS_H_
#define BEACON_STORE_MIGRATIONS_H_

#include "store/sqlite.h"

namespace beacon::store {

// `PRAGMA application_id` of a Beacon store ("BCN1"): tells a Beacon store
// from any other SQLite file.
inline constexpr int32_t kApplicationId = 0x42434e31;

int latest_schema_version();

// Applies the migrations after the file's version, up to `target`. Refuses a
// file newer than this Beacon knows, or one that is not a Beacon store.
Status migrate(sqlite::Database& db, int target = latest_schema_version());

}  // namespace beacon::store

#endif  // BEACON_STORE_MIGRATIONS_H_
