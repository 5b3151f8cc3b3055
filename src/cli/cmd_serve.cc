// `beacon serve`: the web application over a store, in the foreground.
#include <iostream>

#include "cli/commands.h"
#include "web/serve.h"
#include "app/web_backend.h"

namespace beacon::cli {

void add_serve_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("serve", "Serve the web application and its JSON API");
  struct Options {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;
    int threads = 256;
    std::string assets;
    std::string uploads;
    int max_upload_mb = 200;
    bool insecure_cookies = false;
    std::string trusted_header;
    std::string trusted_proxy;
    int max_per_address = 64;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("--db", o->db, "The store (SQLite file)")->required();
  cmd->add_option("--port", o->port, "Port to listen on")->capture_default_str();
  cmd->add_option("--host", o->host, "Address to listen on (127.0.0.1: this machine only)")->capture_default_str();
  cmd->add_option("--threads", o->threads,
                  "Connection threads: each open keep-alive connection holds one")->capture_default_str();
  cmd->add_option("--assets", o->assets, "Folder of web assets (default: assets beside the binary)");
  cmd->add_option("--uploads", o->uploads, "Folder for uploaded files (default: uploads beside the store)");
  cmd->add_option("--max-upload-mb", o->max_upload_mb, "Largest file accepted")->capture_default_str();
  cmd->add_flag("--insecure-cookies", o->insecure_cookies,
                "Allow the session cookie over plain HTTP to a host other than this machine (testing only)");
  cmd->add_option("--trusted-header", o->trusted_header,
                  "Sign in as the user this header names, on requests from --trusted-proxy only (docs/access.md)");
  cmd->add_option("--trusted-proxy", o->trusted_proxy, "The reverse proxy's address for --trusted-header");
  cmd->add_option("--max-connections-per-address", o->max_per_address,
                  "Connections one client address may hold open at once (0: no cap; --trusted-proxy has none)")
      ->capture_default_str();
  cmd->callback([o, &exit_code] {
    if (o->trusted_header.empty() != o->trusted_proxy.empty()) {
      std::cerr << "beacon serve: give --trusted-header and --trusted-proxy together\n";
      exit_code = 2;
      return;
    }
    auto backend = open_web_backend(o->db);
    if (!backend) {
      std::cerr << "beacon serve: cannot open the store " << o->db << ": " << backend.status().message() << "\n";
      exit_code = 1;
      return;
    }
    web::ServeOptions s;
    s.server.host = o->host;
    s.server.port = o->port;
    s.server.threads = o->threads;
    s.server.max_body_bytes = static_cast<size_t>(o->max_upload_mb + 8) << 20;
    s.server.max_connections_per_address = o->max_per_address;
    if (!o->trusted_proxy.empty()) s.server.uncapped_addresses.push_back(o->trusted_proxy);
    s.web.assets_dir = o->assets;
    s.web.uploads_dir = o->uploads.empty() ? o->db + "-uploads" : o->uploads;
    s.web.max_upload_bytes = static_cast<size_t>(o->max_upload_mb) << 20;
    s.web.secure_cookies = !o->insecure_cookies;
    s.web.trusted_header = o->trusted_header;
    s.web.trusted_proxy = o->trusted_proxy;
    if (auto st = web::serve(**backend, s, std::cout); !st) {
      std::cerr << "beacon serve: " << st.message() << "\n";
      exit_code = 1;
    }
  });
}

}  // namespace beacon::cli
