#include "web/app.h"

#include <filesystem>
#include <algorithm>
#include <chrono>
#include <map>
#include <fstream>
#include <sstream>

#include "web/auth/password.h"
#include "web/auth/sessions.h"
#include "web/qa/workflow.h"
#include "web/view.h"

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

access::Principal Ctx::principal() const {
  return session ? session->principal() : access::Principal{};
}

namespace {

// Behind the trusted proxy, the address it forwards for (recorded, never trusted for access).
std::string client_address(const http::Request& req, const WebOptions& o) {
  std::string forwarded = req.header("x-forwarded-for");
  if (!o.trusted_proxy.empty() && req.remote_addr == o.trusted_proxy && !forwarded.empty())
    return forwarded + " via " + req.remote_addr;
  return req.remote_addr;
}

}  // namespace

std::string Ctx::client() const { return client_address(req, app.options()); }

Status Ctx::audit(const std::string& action, const std::string& object, const std::string& detail) {
  AuditEntry e;
  e.user = session ? session->user_name : "-";
  e.action = action;
  e.object = object;
  e.detail = detail;
  e.client = client();
  auto id = app.backend().audit(e);
  return id ? Status::ok() : id.status();
}

access::Decision allows(Need need, const access::Principal& p) {
  switch (need) {
    case Need::kSignedIn: return access::Decision::allow();
    case Need::kAggregates: return access::can_view_aggregates(p);
    case Need::kChildLevel: return access::can_view_child_level(p);
    case Need::kLoadData: return access::can_load_data(p);
    case Need::kManageUsers: return access::can_manage_users(p);
    case Need::kAudit: return access::can_view_audit(p);
    case Need::kReadQa: return access::can_read_qa(p);
    case Need::kRecordQa: return access::can_record_qa(p);
  }
  return access::Decision::deny("Unknown permission");
}

bool Ctx::is_api() const { return req.path.rfind("/api/", 0) == 0; }

void Ctx::page(const PageChrome& chrome, const std::string& main_html, int status) {
  PageChrome c = chrome;
  if (!c.session) c.session = session;
  if (c.data_date.empty() && engine)
    if (OptDate d = engine->index().latest_date()) c.data_date = d->text();
  res.status = status;
  res.content_type = "text/html; charset=utf-8";
  res.body = render_page(c, main_html);
  if (capture) answer = CachedAnswer{true, chrome, main_html, res.content_type, "", "", ""};
}

void Ctx::json(const nlohmann::json& body, int status) {
  json_text(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
}

void Ctx::json_text(std::string body, int status) {
  res.status = status;
  res.content_type = "application/json";
  res.body = std::move(body);
  if (capture) answer = CachedAnswer{false, {}, "", res.content_type, res.body, "", ""};
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
           esc(message) + "</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to your home page</a></p>",
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
      routes_(all_routes()),
      csrf_stand_in_(random_token(32)),
      stand_in_hash_([this] {
        auto h = hash_password(random_token(16), hash_cost());
        return h ? *h : std::string();
      }()) {
  if (options_.session_check_seconds > 0)
    watcher_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(watch_mutex_);
      while (!watch_wake_.wait_for(lock, std::chrono::seconds(options_.session_check_seconds),
                                   [this] { return watch_stopping_; })) {
        lock.unlock();
        end_stale_sessions();
        lock.lock();
      }
    });
}

WebApp::~WebApp() {
  {
    std::lock_guard<std::mutex> lock(watch_mutex_);
    watch_stopping_ = true;
  }
  watch_wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void WebApp::end_stale_sessions() {
  auto users = backend_.users().list();
  if (!users) return;  // try again next time; nothing is ended on a read error
  std::map<int64_t, const UserAccount*> by_id;
  for (const UserAccount& u : *users) by_id[u.id] = &u;
  sessions_.end_if([&](const Session& s) {
    auto it = by_id.find(s.user_id);
    if (it == by_id.end()) return true;
    const UserAccount& u = *it->second;
    return u.disabled || u.name != s.user_name || u.roles != s.roles || u.scope != s.scope;
  });
}

HashCost WebApp::hash_cost() const {
  return options_.fast_password_hash ? HashCost::kMinimal : HashCost::kInteractive;
}

bool WebApp::same_origin(const http::Request& req) const {
  // Browsers send Origin on cross-site posts; when present it must be ours.
  std::string origin = req.header("origin");
  if (origin.empty() || origin == "null") return origin.empty();
  std::string host = req.header("host");
  size_t scheme = origin.find("://");
  return scheme != std::string::npos && origin.substr(scheme + 3) == host;
}

std::optional<Session> WebApp::session_of(const http::Request& req, http::Response& res) {
  std::optional<Session> session;
  std::string token = req.cookie(kSessionCookie);
  if (!token.empty()) session = sessions_.find(token);
  if (options_.trusted_header.empty() || options_.trusted_proxy.empty() ||
      req.remote_addr != options_.trusted_proxy)
    return session;
  std::string name = req.header(options_.trusted_header);
  if (name.empty() || (session && session->user_name == name)) return session;
  if (session) sessions_.end(token);
  auto user = backend_.users().find(name);
  if (!user || !*user || (*user)->disabled) return std::nullopt;
  Session s;
  s.user_id = (*user)->id;
  s.user_name = (*user)->name;
  s.display_name = (*user)->display_name;
  s.roles = (*user)->roles;
  s.scope = (*user)->scope;
  std::string fresh = sessions_.start(s);
  http::CookieOptions o;
  o.secure = options_.secure_cookies;
  res.set_cookie(kSessionCookie, fresh, o);
  (void)backend_.audit({0, "", s.user_name, "sign-in", "user " + s.user_name,
                        "trusted header " + options_.trusted_header, client_address(req, options_)});
  return sessions_.find(fresh);
}

void WebApp::dispatch(const Route& route, const http::Request& req, http::Response& res) {
  std::optional<Session> session = session_of(req, res);
  Ctx ctx{req, res, session ? &*session : nullptr, *this, backend_.engine(), "", "", ""};
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
  ctx.audit_action = route.audit;
  ctx.audit_object = req.path + (req.query.empty() ? "" : "?" + req.query);
  if (auto allowed = allows(route.need, ctx.principal()); route.access == Access::kSignedIn && !allowed)
    ctx.fail(403, allowed.reason);
  else if (route.keep != Keep::kNo)
    answer_from_cache(route, ctx);
  else
    route.handler(ctx);
  if (ctx.audit_action.empty()) return;
  std::string detail = ctx.audit_detail;
  if (res.status >= 400) detail += (detail.empty() ? "" : "; ") + std::string("status ") + std::to_string(res.status);
  // No record, no data: a view that cannot be accounted for is not shown.
  if (auto st = ctx.audit(ctx.audit_action, ctx.audit_object, detail); !st) {
    res.headers.erase(std::remove_if(res.headers.begin(), res.headers.end(),
                                     [](const auto& h) { return h.first == "Content-Disposition"; }),
                      res.headers.end());
    ctx.audit_action.clear();
    ctx.fail(500, "The audit trail cannot be written, so nothing is shown: " + st.message());
  }
}

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

void WebApp::answer_from_cache(const Route& route, Ctx& ctx) {
  // The default date is the snapshot's latest, or today for an empty store.
  std::string key = ResponseCache::key(ctx.req.path, ctx.req.query, ctx.principal()) + '\x1f' +
                    default_date(*ctx.engine).iso();
  if (route.keep != Keep::kPerSnapshot) {
    qa::QaStore* qa = backend_.qa_store();
    auto version = !qa ? Result<int64_t>(int64_t{0})
                   : route.keep == Keep::kPerSnapshotAndQa ? qa->version()
                                                           : qa->recommendations_version();
    if (!version) return route.handler(ctx);  // computed afresh, never kept
    key += '\x1f' + std::to_string(*version);
  }
  // A page with a form carries the asker's CSRF token, which is theirs
  // alone: it is kept with a stand-in that no one else knows, and each asker
  // gets their own token put back.
  const std::string token = ctx.session ? ctx.session->csrf_token : std::string();
  // Fifty people opening the same new view at once: one computes it.
  auto lookup = answers_.find_or_lead(ctx.engine, key, std::chrono::seconds(5));
  struct Finish {
    ResponseCache* cache;
    const std::string* key;
    ~Finish() {
      if (cache) cache->finished(*key);
    }
  } finish{lookup.leads ? &answers_ : nullptr, &key};
  if (auto& kept = lookup.answer) {
    ctx.audit_action = kept->audit_action;
    ctx.audit_detail = kept->audit_detail;
    if (!token.empty()) {
      replace_all(kept->main_html, csrf_stand_in_, token);
      replace_all(kept->body, csrf_stand_in_, token);
    }
    if (kept->is_page) return ctx.page(kept->chrome, kept->main_html);
    ctx.res.status = 200;
    ctx.res.content_type = kept->content_type;
    ctx.res.body = std::move(kept->body);
    return;
  }
  ctx.capture = true;
  route.handler(ctx);
  ctx.capture = false;
  // Only successful answers are kept.
  if (!ctx.answer || ctx.res.status != 200) return;
  if (!token.empty()) {
    replace_all(ctx.answer->main_html, token, csrf_stand_in_);
    replace_all(ctx.answer->body, token, csrf_stand_in_);
  }
  ctx.answer->audit_action = ctx.audit_action;
  ctx.answer->audit_detail = ctx.audit_detail;
  answers_.keep(ctx.engine, key, std::move(*ctx.answer));
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
    Ctx ctx{req, res, session ? &*session : nullptr, *this, backend_.engine(), "", "", ""};
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
