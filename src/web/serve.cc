#include "web/serve.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "web/warm_up.h"

namespace beacon::web {

namespace fs = std::filesystem;

std::string find_assets_dir(const std::string& given) {
  if (!given.empty()) return fs::is_directory(given) ? given : "";
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (fs::path candidate : {exe.parent_path() / "assets", exe.parent_path() / ".." / "share" / "beacon" / "assets"})
    if (fs::is_directory(candidate)) return candidate.lexically_normal().string();
  return "";
}

Status serve(Backend& backend, const ServeOptions& options, std::ostream& out) {
  // Signals go to one waiting thread, not to whichever thread is running.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto first = ensure_first_administrator(backend.users(), options.web.fast_password_hash);
  if (!first) return first.status();
  if (*first)
    (void)backend.audit({0, "", "beacon serve", "user-add", "user " + (*first)->name,
                         "the first administrator (administrator, performance analyst)", "server"});

  WebOptions web = options.web;
  web.assets_dir = find_assets_dir(web.assets_dir);
  if (web.assets_dir.empty())
    out << "beacon serve: no assets folder found; pages will be unstyled (see docs/web.md)\n";
  std::error_code ec;
  fs::create_directories(web.uploads_dir, ec);
  if (ec) return Status::io_error("cannot create the uploads folder " + web.uploads_dir + ": " + ec.message());
  fs::permissions(web.uploads_dir, fs::perms::owner_all, fs::perm_options::replace, ec);

  WebApp app(backend, web);
  http::Server server(options.server);
  if (auto st = app.install(server); !st) return st;
  auto port = server.bind();
  if (!port) return port.status();

  std::thread warm([&backend] { warm_up(backend); });
  std::string host = options.server.host == "0.0.0.0" ? "127.0.0.1" : options.server.host;
  out << "Beacon is serving at http://" << host << ":" << *port << "/\n";
  if (*first)
    out << "First administrator (administrator, performance analyst and practice hub; shown once, keep it safe):\n  user name: " << (*first)->name
        << "\n  password:  " << (*first)->password << "\n";
  out << "Press Ctrl-C to stop.\n" << std::flush;

  std::thread waiter([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  Status st = server.run();
  // Stopped by a signal, or failed: wake the waiter if it still waits.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  warm.join();
  return st;
}

}  // namespace beacon::web
