// What the web application asks of the rest of Beacon: the current snapshot,
// the users, the load history, and loads. `beacon serve` passes the
// workspace-backed implementation (workspace_backend.h); tests pass a small
// one built from hand-made records.
#ifndef BEACON_WEB_BACKEND_H_
#define BEACON_WEB_BACKEND_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/result.h"
#include "indicators/engine.h"
#include "store/store.h"
#include "web/auth/users.h"

namespace beacon::web {

// What a load did, as the data page shows it.
struct LoadOutcome {
  bool ok = false;
  int64_t load_id = 0;   // in the load history; 0 when nothing was written
  std::string summary;   // "added 1,204, changed 17, withdrawn 2, rejected 0"
  std::string refused;   // why nothing was loaded
  std::vector<Problem> errors;
  std::vector<std::string> notes;
  std::string report_text;  // the whole report, for people
  std::string report_json;  // the whole report, for the API
};

class Backend {
 public:
  virtual ~Backend() = default;
  // The current snapshot's engine; never null.
  virtual std::shared_ptr<const IndicatorEngine> engine() const = 0;
  virtual UserDirectory& users() = 0;
  // Newest first.
  virtual Result<std::vector<LoadRecord>> load_history() = 0;
  // Loads files (all or nothing) and, when something was loaded, swaps in
  // the new snapshot. Blocking: the web layer calls it on its load thread.
  virtual LoadOutcome load(const std::vector<std::string>& paths, const std::string& user,
                           const std::function<void(const std::string&)>& progress) = 0;

  // The audit trail: append-only (there is no call to change or remove a line).
  virtual Result<int64_t> audit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> audit_trail(const AuditQuery& query) = 0;
};

}  // namespace beacon::web

#endif  // BEACON_WEB_BACKEND_H_
