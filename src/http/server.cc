#include "http/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <chrono>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>

namespace beacon::http {
namespace {

Request convert(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  out.path = in.path;
  out.remote_addr = in.remote_addr;
  size_t q = in.target.find('?');
  if (q != std::string::npos) {
    out.query = in.target.substr(q + 1);
    parse_query(out.query, out.params);
  }
  for (size_t i = 1; i < in.matches.size(); ++i)
    out.path_params.push_back(url_decode(in.matches[i].str(), false));
  for (const auto& [name, value] : in.headers) {
    std::string key = name;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(std::move(key), value);
  }
  if (in.is_multipart_form_data()) {
    for (const auto& [name, part] : in.files) {
      if (part.filename.empty())
        out.params.emplace(name, part.content);
      else
        out.files.push_back({name, part.filename, part.content_type, part.content});
    }
  } else {
    out.body = in.body;
    if (in.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
      parse_query(in.body, out.params);
  }
  return out;
}

void apply(Response& in, httplib::Response& out) {
  out.status = in.status;
  for (auto& [name, value] : in.headers) out.set_header(name, value);
  out.set_content(std::move(in.body), in.content_type);
}

// The address and port of a socket's peer (remote) or its own end (local).
void address_of(int sock, bool remote, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = remote ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                  : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  ip.clear();
  port = 0;
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

// Closes a connection gently: our side's end is sent first, then what the
// client is still sending is read and dropped for a moment, so a response
// written before the request's body was read (413) is not lost to a reset.
void close_gently(int sock) {
  ::shutdown(sock, SHUT_WR);
  char scratch[4096];
  for (int rounds = 0; rounds < 16; ++rounds) {  // at most about a third of a second
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) break;
    if (::recv(sock, scratch, sizeof scratch, MSG_DONTWAIT) <= 0) break;
  }
  ::close(sock);
}

// One connection as httplib reads it, with the deadlines that keep a slow
// client from holding a thread: the request line and headers must all
// arrive by a deadline counted from the request's start; the body must keep
// up a minimum rate; a Content-Length over the limit ends the reading at
// once (httplib then answers 413). Reads are buffered, as httplib reads the
// headers a byte at a time.
class GuardedStream final : public httplib::Stream {
 public:
  GuardedStream(int sock, const ServerOptions& o, const std::function<int64_t()>& clock)
      : sock_(sock), o_(o), clock_(clock) {}

  // A new request starts: its headers are due by now + header timeout.
  void start_request() {
    in_headers_ = true;
    line_length_ = 0;
    lines_ = 0;
    headers_.clear();
    too_large_ = false;
    malformed_ = false;
    deadline_ = clock_() + o_.header_timeout_ms;
  }
  bool has_buffered() const { return begin_ < end_; }
  // The request's Content-Length was refused: the connection must end.
  bool refused() const { return too_large_ || malformed_; }

  bool is_readable() const override { return has_buffered() || wait(POLLIN) > 0; }
  bool is_writable() const override {
    pollfd p{sock_, POLLOUT, 0};
    return ::poll(&p, 1, o_.write_timeout_seconds * 1000) > 0 && !(p.revents & (POLLERR | POLLHUP | POLLNVAL));
  }

  ssize_t read(char* ptr, size_t size) override {
    if (size == 0) return 0;
    if (!in_headers_ && too_large_) return -1;  // refused: nothing of the body is read
    if (!has_buffered()) {
      if (wait(POLLIN) <= 0) return -1;  // the deadline passed, or the client went
      ssize_t n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      if (n <= 0) return n < 0 ? -1 : 0;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, end_ - begin_);
    if (in_headers_) n = take_header_bytes(n);
    if (malformed_) return -1;  // httplib answers 400 to headers it cannot read
    std::copy(buffer_ + begin_, buffer_ + begin_ + n, ptr);
    begin_ += n;
    if (!in_headers_) {
      body_bytes_ += n;
      deadline_ = body_start_ + o_.body_timeout_ms +
                  static_cast<int64_t>(body_bytes_ * 1000 /
                                       static_cast<size_t>(std::max(1, o_.min_body_bytes_per_second)));
    }
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // Waits for `events` until the deadline (and at most the read timeout).
  int wait(short events) const {
    int64_t left = deadline_ - clock_();
    if (left <= 0) return 0;
    left = std::min<int64_t>(left, int64_t{o_.read_timeout_seconds} * 1000);
    pollfd p{sock_, events, 0};
    int rc;
    do rc = ::poll(&p, 1, static_cast<int>(left));
    while (rc < 0 && errno == EINTR);
    return rc;
  }

  // Hands over header bytes up to and including the blank line that ends
  // them (so the body's bytes are counted as body), noting the headers.
  size_t take_header_bytes(size_t n) {
    for (size_t i = 0; i < n; ++i) {
      char c = buffer_[begin_ + i];
      if (headers_.size() < 65536) headers_ += c;
      if (c == '\r') continue;
      if (c != '\n') {
        ++line_length_;
        continue;
      }
      bool blank = line_length_ == 0;
      line_length_ = 0;
      if (!blank || lines_ == 0) {  // a blank line before the request line is skipped, as httplib does
        lines_ += !blank;
        continue;
      }
      end_headers();
      return i + 1;
    }
    return n;
  }

  void end_headers() {
    in_headers_ = false;
    body_start_ = clock_();
    body_bytes_ = 0;
    deadline_ = body_start_ + o_.body_timeout_ms;
    // Content-Length, when given: a body larger than the limit is refused
    // (413) before any of it is read; a length that is not one plain number
    // (or two that differ) makes the headers unreadable (400).
    std::string lower = headers_;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::optional<uint64_t> first;
    for (size_t at = lower.find("\ncontent-length:"); at != std::string::npos;
         at = lower.find("\ncontent-length:", at + 1)) {
      size_t i = at + 16;
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
      size_t digits = 0;
      uint64_t length = 0;
      for (; i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i])); ++i, ++digits)
        length = digits < 19 ? length * 10 + static_cast<uint64_t>(lower[i] - '0') : UINT64_MAX;
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
      bool plain = digits > 0 && i < lower.size() && (lower[i] == '\r' || lower[i] == '\n');
      if (!plain || (first && *first != length)) malformed_ = true;
      else if (length > o_.max_body_bytes) too_large_ = true;
      if (!first) first = length;
    }
  }

  int sock_;
  const ServerOptions& o_;
  const std::function<int64_t()>& clock_;
  char buffer_[4096];
  size_t begin_ = 0, end_ = 0;
  bool in_headers_ = true;
  size_t line_length_ = 0, lines_ = 0;
  std::string headers_;
  bool too_large_ = false;
  bool malformed_ = false;
  int64_t deadline_ = 0;
  int64_t body_start_ = 0;
  size_t body_bytes_ = 0;
};

// httplib's server, serving each connection through a GuardedStream and
// capping the connections from one address.
class GuardedServer final : public httplib::Server {
 public:
  explicit GuardedServer(const ServerOptions& o) : o_(o) {
    clock_ = o.clock_ms ? o.clock_ms : [] {
      return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now().time_since_epoch())
                                      .count());
    };
  }

  int connections_from(const std::string& address) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = open_.find(address);
    return it == open_.end() ? 0 : it->second;
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    std::string address;
    int port = 0;
    address_of(sock, true, address, port);
    bool ok = false;
    if (admit(address)) {
      ok = serve_connection(sock);
      leave(address);
    } else {
      static const char kBusy[] =
          "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
          "Retry-After: 5\r\nConnection: close\r\nContent-Length: 50\r\n\r\n"
          "Too many connections from your address. Try again.";
      (void)::send(sock, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    close_gently(sock);
    return ok;
  }

  bool serve_connection(int sock) {
    GuardedStream stream(sock, o_, clock_);
    bool ok = false;
    int left = std::max(1, o_.keep_alive_max_requests);
    // The first request's deadline runs from the connection's start; later
    // ones from when their first byte arrives after an idle wait.
    stream.start_request();
    for (bool first = true; svr_sock_ != INVALID_SOCKET && left > 0; first = false, --left) {
      if (!first) {
        if (!stream.has_buffered()) {
          pollfd p{sock, POLLIN, 0};
          int rc;
          do rc = ::poll(&p, 1, o_.keep_alive_timeout_seconds * 1000);
          while (rc < 0 && errno == EINTR);
          if (rc <= 0) break;
        }
        stream.start_request();
      }
      bool closed = false;
      ok = process_request(stream, left == 1, closed, nullptr);
      if (!ok || closed || stream.refused()) break;
    }
    return ok;
  }

  bool admit(const std::string& address) {
    std::lock_guard<std::mutex> lock(mutex_);
    int& n = open_[address];
    bool capped = o_.max_connections_per_address > 0 &&
                  std::find(o_.uncapped_addresses.begin(), o_.uncapped_addresses.end(), address) ==
                      o_.uncapped_addresses.end();
    if (capped && n >= o_.max_connections_per_address) {
      if (n == 0) open_.erase(address);
      return false;
    }
    ++n;
    return true;
  }
  void leave(const std::string& address) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--open_[address] <= 0) open_.erase(address);
  }

  const ServerOptions& o_;
  std::function<int64_t()> clock_;
  mutable std::mutex mutex_;
  std::map<std::string, int> open_;  // connections open now, by client address
};

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions o) : options(std::move(o)), server(options) {}
  ServerOptions options;
  GuardedServer server;
  Handler error_page;
  httplib::Headers default_headers;
  std::mutex mutex;
  bool bound = false;
  int listen_socket = -1;  // the last socket httplib set up to listen on
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  auto& s = impl_->server;
  const ServerOptions& o = impl_->options;
  size_t threads = o.threads > 0 ? static_cast<size_t>(o.threads) : 8;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_keep_alive_timeout(o.keep_alive_timeout_seconds);
  s.set_keep_alive_max_count(static_cast<size_t>(o.keep_alive_max_requests));
  s.set_read_timeout(o.read_timeout_seconds, 0);
  s.set_write_timeout(o.write_timeout_seconds, 0);
  s.set_payload_max_length(o.max_body_bytes);
  s.set_tcp_nodelay(true);
  // Replaces httplib's SO_REUSEPORT, which would let a second server share
  // the port silently, and notes the socket so bind() can widen its backlog.
  s.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl->listen_socket = sock;
  });
  s.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          std::cerr << "beacon serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
        } catch (...) {
          std::cerr << "beacon serve: " << req.method << " " << req.path << ": unknown error\n";
        }
        res.status = 500;
        res.set_content("Something went wrong on the server. The error has been logged.\n",
                        "text/plain; charset=utf-8");
      });
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty() || !impl_->error_page) return httplib::Server::HandlerResponse::Unhandled;
    Request r = convert(req);
    Response page;
    page.status = res.status;
    impl_->error_page(r, page);
    page.status = res.status;  // the page explains the status; it never changes it
    apply(page, res);
    return httplib::Server::HandlerResponse::Handled;
  }));
}

Server::~Server() { stop(); }

void Server::get(const std::string& pattern, Handler handler) {
  impl_->server.Get(pattern, [h = std::move(handler)](const httplib::Request& req,
                                                      httplib::Response& res) {
    Request r = convert(req);
    Response out;
    h(r, out);
    apply(out, res);
  });
}

void Server::post(const std::string& pattern, Handler handler) {
  impl_->server.Post(pattern, [h = std::move(handler)](const httplib::Request& req,
                                                       httplib::Response& res) {
    Request r = convert(req);
    Response out;
    h(r, out);
    apply(out, res);
  });
}

Status Server::serve_static(const std::string& prefix, const std::string& dir) {
  httplib::Headers headers{{"Cache-Control", "public, max-age=86400"}};
  if (!impl_->server.set_mount_point(prefix, dir, headers))
    return Status::not_found("the assets folder " + dir + " does not exist");
  impl_->server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  impl_->server.set_file_extension_and_mimetype_mapping("woff2", "font/woff2");
  return Status::ok();
}

void Server::set_error_page(Handler handler) { impl_->error_page = std::move(handler); }

void Server::set_default_header(const std::string& name, const std::string& value) {
  impl_->default_headers.emplace(name, value);
  impl_->server.set_default_headers(impl_->default_headers);
}

Result<int> Server::bind() {
  const ServerOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->server.bind_to_any_port(o.host);
    if (port < 0) return Status::io_error("cannot listen on " + o.host);
  } else if (!impl_->server.bind_to_port(o.host, port)) {
    return Status::io_error("cannot listen on " + o.host + ":" + std::to_string(port) +
                            " (is another program using the port?)");
  }
  // httplib listens with a backlog of 5: 50 clients reconnecting after their
  // keep-alive limit overflowed it, and each dropped handshake waited for
  // TCP's 200 ms, 400 ms, 800 ms… retransmissions. Listening again on the
  // same socket only changes the backlog (the kernel caps it at somaxconn).
  if (impl_->listen_socket >= 0) (void)::listen(impl_->listen_socket, 1024);
  impl_->bound = true;
  return port;
}

Status Server::run() {
  if (!impl_->bound) return Status::internal("Server::run() before bind()");
  if (!impl_->server.listen_after_bind()) return Status::io_error("the server stopped with an error");
  return Status::ok();
}

void Server::stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

bool Server::running() const { return impl_->server.is_running(); }

int Server::connections_from(const std::string& address) const {
  return impl_->server.connections_from(address);
}

}  // namespace beacon::http
