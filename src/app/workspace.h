// The running application's state: the store, and the current snapshot of
// the effective case history with its indicator engine. Readers take a
// shared pointer to the snapshot; a load builds a new one and swaps it in, so
// figures reflect a load without a restart and no reader sees half of one.
#ifndef BEACON_APP_WORKSPACE_H_
#define BEACON_APP_WORKSPACE_H_

#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"
#include "indicators/engine.h"
#include "store/store.h"

namespace beacon {

class Workspace {
 public:
  // Opens the store at `db_path` (creating it if needed) and builds the snapshot.
  static Result<std::unique_ptr<Workspace>> open(const std::string& db_path);

  Store& store() { return *store_; }
  // The current snapshot's engine; never null after open().
  std::shared_ptr<const IndicatorEngine> engine() const;
  // Re-reads the store and swaps in a new snapshot.
  Status reload();

  // The indicator parameters saved in the store (setting "indicator_parameters").
  Result<Parameters> saved_parameters();

 private:
  explicit Workspace(std::unique_ptr<Store> store) : store_(std::move(store)) {}

  std::unique_ptr<Store> store_;
  mutable std::mutex mutex_;
  std::shared_ptr<const IndicatorEngine> engine_;
};

// Builds a snapshot from a store without a workspace (CLI commands).
Result<std::shared_ptr<const CaseIndex>> read_snapshot(Store& store);

}  // namespace beacon

#endif  // BEACON_APP_WORKSPACE_H_
