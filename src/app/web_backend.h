// The web application's backend for `beacon serve`: the workspace (store +
// current snapshot), users kept in the store, and loads through the `load`
// workflow, after which the snapshot is rebuilt and swapped in.
#ifndef BEACON_APP_WEB_BACKEND_H_
#define BEACON_APP_WEB_BACKEND_H_

#include <memory>
#include <string>

#include "app/workspace.h"
#include "web/backend.h"

namespace beacon {

// Opens (creating if needed) the store at `db_path`.
Result<std::unique_ptr<web::Backend>> open_web_backend(const std::string& db_path);

}  // namespace beacon

#endif  // BEACON_APP_WEB_BACKEND_H_
