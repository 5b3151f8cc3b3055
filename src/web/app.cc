#include "web/app.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "web/auth/password.h"
#include "web/auth/sessions.h"

namespace beacon::web {

std::string route_pattern(const std::string& t) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '{') {
      size_t close = t.find('}', i);
      out += "([^/]+)";
      i = close;
    } else if (c == '.' || c == '(' || c == ')' || c == '+' || c == '*' || c == '?' || c == '[' ||
               c == ']' || c == '^' || c == '$' || c == '|' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::string> via_temp_file(const std::string& extension,
                                  const std::function<Status(const std::string& path)>& write) {
  namespace fs = std::filesystem;
  fs::path path = fs::temp_directory_path() / ("beacon-" + random_token(12) + extension);
  Status st = write(path.string());
  std::string bytes;
  if (st) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::error_code ec;
  fs::remove(path, ec);
  if (!st) return st;
  return bytes;
}

bool Ctx::is_api() const { return req.path.rfind("/api/", 0) == 0; }

void Ctx::page(const PageChrome& chrome, const std::string& main_html, int status) {
  PageChrome c = chrome;
  if (!c.session) c.session = session;
  res.status = status;
  res.content_type = "text/html; charset=utf-8";
  res.body = render_page(c, main_html);
}

void Ctx::json(const nlohmann::json& body, int status) {
  res.status = status;
  res.content_type = "application/json";
  res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Ctx::fail(int status, const std::string& message) {
  if (is_api()) {
    json({{"status", status}, {"error", message}}, status);
    return;
  }
  const char* title = status == 404 ? "Page not found"
                      : status == 400 ? "There is a problem with the request"
                      : status == 403 ? "You cannot do that"
                                      : "Sorry, there is a problem with the service";
  page({title, "", session, {}, status == 400},
       "<h1 class=\"govuk-heading-l\">" + esc(title) + "</h1><p class=\"govuk-body\">" +
           esc(message) + "</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/scorecard\">Go to the scorecard</a></p>",
       status);
}

void Ctx::download(const std::string& body, const std::string& content_type,
                   const std::string& file_name) {
  res.status = 200;
  res.content_type = content_type;
  res.body = body;
  res.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
}

WebApp::WebApp(Backend& backend, WebOptions options)
    : backend_(backend),
      options_(std::move(options)),
      sessions_(options_.sessions),
      uploads_(std::make_unique<UploadJobs>(backend, options_.uploads_dir, options_.max_upload_bytes)),
      routes_(all_routes()) {}

bool WebApp::same_origin(const http::Request& req) const {
  // Browsers send Origin on cross-site posts; when present it must be ours.
  std::string origin = req.header("origin");
  if (origin.empty() || origin == "null") return origin.empty();
  std::string host = req.header("host");
  size_t scheme = origin.find("://");
  return scheme != std::string::npos && origin.substr(scheme + 3) == host;
}

void WebApp::dispatch(const Route& route, const http::Request& req, http::Response& res) {
  std::optional<Session> session;
  if (auto token = req.cookie(kSessionCookie); !token.empty()) session = sessions_.find(token);
  Ctx ctx{req, res, session ? &*session : nullptr, *this, backend_.engine()};
  res.set_header("Cache-Control", "no-store");
  if (route.access == Access::kSignedIn && !session) {
    if (ctx.is_api()) {
      ctx.json({{"status", 401}, {"error", "Sign in first"}}, 401);
    } else {
      std::string back = req.path + (req.query.empty() ? "" : "?" + req.query);
      res.redirect("/sign-in?next=" + http::url_encode(back), 303);
    }
    return;
  }
  if (req.method == "POST") {
    if (!same_origin(req)) return ctx.fail(403, "The request came from another site.");
    if (route.access == Access::kSignedIn) {
      std::string given = req.param("csrf");
      if (given.empty()) given = req.header("x-csrf-token");
      if (!SessionTable::csrf_matches(*session, given))
        return ctx.fail(403, "The form has expired. Go back, reload the page and try again.");
    }
  }
  route.handler(ctx);
}

Status WebApp::install(http::Server& server) {
  server.set_default_header("X-Content-Type-Options", "nosniff");
  server.set_default_header("X-Frame-Options", "DENY");
  server.set_default_header("Referrer-Policy", "same-origin");
  server.set_default_header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  for (const Route& r : routes_) {
    auto h = [this, &r](const http::Request& req, http::Response& res) { dispatch(r, req, res); };
    if (r.method == "GET")
      server.get(route_pattern(r.path), h);
    else
      server.post(route_pattern(r.path), h);
  }
  server.set_error_page([this](const http::Request& req, http::Response& res) {
    std::optional<Session> session;
    if (auto token = req.cookie(kSessionCookie); !token.empty()) session = sessions_.find(token);
    Ctx ctx{req, res, session ? &*session : nullptr, *this, backend_.engine()};
    int status = res.status;
    std::string message = status == 404 ? "If you typed the web address, check it is correct."
                          : status == 413 ? "The upload is too large."
                                          : "Try again later.";
    ctx.fail(status, message);
  });
  if (!options_.assets_dir.empty()) return server.serve_static("/assets/", options_.assets_dir);
  return Status::ok();
}

}  // namespace beacon::web
