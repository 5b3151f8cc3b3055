// Beacon's HTTP server: routes, static assets and the connection settings,
// over cpp-httplib (kept out of this header).
//
// cpp-httplib serves each connection on one pool thread for the connection's
// whole life, keep-alive idle time included, so the pool must be larger than
// the idle keep-alive connections we expect (style.md B3/B4): 200 idle
// browsers plus workers for the requests that are running.
#ifndef BEACON_HTTP_SERVER_H_
#define BEACON_HTTP_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/message.h"

namespace beacon::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  int threads = 256;
  int keep_alive_timeout_seconds = 5;
  int keep_alive_max_requests = 1000;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  size_t max_body_bytes = size_t{256} << 20;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // `pattern` is an anchored regular expression over the path; its groups
  // become Request::path_params. Register before bind().
  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);
  // Files under `dir` at `prefix` (e.g. "/assets/"), cacheable for a day.
  Status serve_static(const std::string& prefix, const std::string& dir);
  // Called for a request no route matches, and for error statuses a handler
  // left without a body.
  void set_error_page(Handler handler);
  // Headers added to every response (security headers).
  void set_default_header(const std::string& name, const std::string& value);

  // Binds the listening socket; returns the port (useful with port 0).
  Result<int> bind();
  // Serves until stop() is called (from another thread or a signal).
  Status run();
  void stop();
  bool running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace beacon::http

#endif  // BEACON_HTTP_SERVER_H_
