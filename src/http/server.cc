#include "http/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <exception>
#include <iostream>
#include <mutex>

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

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server server;
  Handler error_page;
  httplib::Headers default_headers;
  std::mutex mutex;
  bool bound = false;
  int listen_socket = -1;  // the last socket httplib set up to listen on
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
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

}  // namespace beacon::http
