// Running the web application: first administrator, assets folder, the
// listening socket, a warm-up of the default figures, and a clean stop on
// Ctrl-C or SIGTERM. Shared by `beacon serve` and the browser tests' server.
#ifndef BEACON_WEB_SERVE_H_
#define BEACON_WEB_SERVE_H_

#include <ostream>
#include <string>

#include "http/server.h"
#include "web/app.h"
#include "web/backend.h"

namespace beacon::web {

struct ServeOptions {
  http::ServerOptions server;
  WebOptions web;
};

// The assets folder: `given` when set, else "assets" beside the executable,
// else ../share/beacon/assets from it. Empty when none exists.
std::string find_assets_dir(const std::string& given);

// Serves until SIGINT or SIGTERM. Prints the address and, when the store
// had no user, the first administrator's sign-in (once) to `out`.
Status serve(Backend& backend, const ServeOptions& options, std::ostream& out);

}  // namespace beacon::web

#endif  // BEACON_WEB_SERVE_H_
