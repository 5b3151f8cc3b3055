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
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace beacon::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  int threads = 256;
  int keep_alive_timeout_seconds = 5;
  int keep_alive_max_requests = 1000;
  int read_timeout_seconds = 30;  // the longest wait for any one read
  int write_timeout_seconds = 30;
  // A slow client must not hold a thread (docs/web.md, "Slow clients"):
  // a request's line and headers must all arrive within this time of its
  // first byte (of the connection, for the first request) ...
  int header_timeout_ms = 10'000;
  // ... and its body within body_timeout_ms plus one second for every
  // min_body_bytes_per_second bytes received.
  int body_timeout_ms = 10'000;
  int min_body_bytes_per_second = 1024;
  // A body larger than this is refused (413) as soon as its Content-Length
  // says so, without reading it.
  size_t max_body_bytes = size_t{256} << 20;
  // Connections open at once from one client address; more are answered
  // 503 and closed, so one address cannot take every thread. 0: no cap.
  int max_connections_per_address = 64;
  // Addresses the cap does not apply to (a reverse proxy in front, whose
  // connections carry everyone's requests).
  std::vector<std::string> uncapped_addresses;
  // Milliseconds on a monotonic clock, for the deadlines above; tests may
  // give their own. Null: std::chrono::steady_clock.
  std::function<int64_t()> clock_ms;
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
  // Connections open now from `address` (tests of the per-address cap).
  int connections_from(const std::string& address) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace beacon::http

#endif  // BEACON_HTTP_SERVER_H_
