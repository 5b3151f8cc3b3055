// Beacon's web application: every page and JSON API route, the sign-in
// checks in front of them, and the security headers. Handlers are
// presentation only: they ask the indicator engine, portraits, worklists,
// the case file and the exports, and render what they answer.
#ifndef BEACON_WEB_APP_H_
#define BEACON_WEB_APP_H_

#include <condition_variable>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/message.h"
#include "http/server.h"
#include "web/auth/password.h"
#include "web/auth/sessions.h"
#include "web/backend.h"
#include "web/layout.h"
#include "web/response_cache.h"
#include "web/uploads.h"

namespace beacon::web {

struct WebOptions {
  std::string assets_dir;   // GOV.UK Frontend and Beacon's own assets
  std::string uploads_dir;  // uploaded files are saved only below it
  size_t max_upload_bytes = size_t{200} << 20;
  bool secure_cookies = true;
  SessionLimits sessions;
  bool fast_password_hash = false;  // tests only
  // Trusted-header sign-in (off when empty): a request from exactly
  // `trusted_proxy` (its address as the server sees it) carrying the header
  // `trusted_header` is signed in as the user that header names. For sites
  // whose reverse proxy signs people in (docs/access.md).
  std::string trusted_header;
  std::string trusted_proxy;
  // How often the sessions are checked against the user directory (0: never;
  // tests call WebApp::end_stale_sessions() themselves).
  int session_check_seconds = 2;
};

class WebApp;

// One request as a handler sees it.
struct Ctx {
  const http::Request& req;
  http::Response& res;
  const Session* session;  // null on public routes
  WebApp& app;
  std::shared_ptr<const IndicatorEngine> engine;
  // Written to the audit trail after the handler (with the response status)
  // when `audit_action` is set: the route sets it for child-level data, a
  // handler may set or clear it.
  std::string audit_action;
  std::string audit_object;
  std::string audit_detail;
  // On a route marked `cached`: page() and json() keep what they drew here,
  // so the dispatcher can keep it for the next asker.
  bool capture = false;
  std::optional<CachedAnswer> answer;

  // Who is asking (an empty principal on public routes).
  access::Principal principal() const;
  // Appends a line to the audit trail now.
  Status audit(const std::string& action, const std::string& object, const std::string& detail = "");
  // The client's address as recorded in the audit trail.
  std::string client() const;

  void page(const PageChrome& chrome, const std::string& main_html, int status = 200);
  void json(const nlohmann::json& body, int status = 200);
  // JSON already written out: long lists skip building a document first.
  void json_text(std::string body, int status = 200);
  // An error in the form the route speaks: an HTML page or a JSON problem.
  void fail(int status, const std::string& message);
  void download(const std::string& body, const std::string& content_type,
                const std::string& file_name);
  bool is_api() const;
};

enum class Access { kPublic, kSignedIn };

// What a signed-in user's roles must allow for a route (access/policy.h);
// checked before the handler runs. Handlers then narrow to the user's scope.
enum class Need {
  kSignedIn,     // anyone signed in
  kAggregates,   // figures, breakdowns, pen portraits
  kChildLevel,   // children's records, lists of children, drill-through
  kLoadData,     // uploads and the load history
  kManageUsers,  // user administration
  kAudit,        // the audit trail
  kReadQa,       // QA records (within the reader's scope)
  kRecordQa,     // making and changing QA records: the practice hub
};

// Whether a route's answer is kept and served again (response_cache.h).
enum class Keep {
  kNo,
  // It depends only on the snapshot, the URL and the user's roles and scope.
  kPerSnapshot,
  // The same, and the QA recommendations (worklists list the open ones).
  kPerSnapshotAndRecommendations,
  // The same, and every QA record (the QA pages and the QA API's reports,
  // which run to the data's date: a new load is a new snapshot).
  kPerSnapshotAndQa,
};

struct Route {
  std::string method;  // GET | POST
  std::string path;    // template: /api/indicators/{id}
  Access access = Access::kSignedIn;
  std::string summary;
  std::function<void(Ctx&)> handler;
  Need need = Need::kSignedIn;
  std::string audit;  // the audit action recorded for every call; empty: none
  Keep keep = Keep::kNo;
};

// Whether `p` meets `need`.
access::Decision allows(Need need, const access::Principal& p);

class WebApp {
 public:
  WebApp(Backend& backend, WebOptions options);
  ~WebApp();
  WebApp(const WebApp&) = delete;
  WebApp& operator=(const WebApp&) = delete;

  // Registers every route, the asset folder, the error page and headers.
  Status install(http::Server& server);

  const std::vector<Route>& routes() const { return routes_; }
  Backend& backend() { return backend_; }
  SessionTable& sessions() { return sessions_; }
  UploadJobs& uploads() { return *uploads_; }
  const WebOptions& options() const { return options_; }
  // Ends the sessions of users who are now disabled or gone, or whose roles
  // or scope differ from what their session was given, as the user
  // directory says now. A change made outside this server (`beacon user
  // disable` writes the store directly) reaches it this way: the app runs it
  // every `session_check_seconds`.
  void end_stale_sessions();
  // The hashing cost this app uses for new passwords (WebOptions).
  HashCost hash_cost() const;
  // A hash of no one's password at that cost: a sign-in for an unknown,
  // disabled or locked user checks against it, so it costs what a real
  // check costs and timing does not tell which names exist.
  const std::string& stand_in_password_hash() const { return stand_in_hash_; }

  static constexpr const char* kSessionCookie = "beacon_session";
  static constexpr const char* kSignInCookie = "beacon_sign_in";

 private:
  void dispatch(const Route& route, const http::Request& req, http::Response& res);
  // Serves a `cached` route's kept answer, or runs its handler and keeps it.
  void answer_from_cache(const Route& route, Ctx& ctx);
  bool same_origin(const http::Request& req) const;
  // The session a request belongs to: its cookie's, or one started from the
  // trusted header.
  std::optional<Session> session_of(const http::Request& req, http::Response& res);

  Backend& backend_;
  WebOptions options_;
  SessionTable sessions_;
  std::unique_ptr<UploadJobs> uploads_;
  std::vector<Route> routes_;
  ResponseCache answers_{size_t{256} << 20};
  // What a kept page holds in place of the asker's CSRF token.
  const std::string csrf_stand_in_;
  const std::string stand_in_hash_;
  // The thread that runs end_stale_sessions() now and then.
  std::mutex watch_mutex_;
  std::condition_variable watch_wake_;
  bool watch_stopping_ = false;
  std::thread watcher_;
};

// Exports write files: this runs `write` on a private temporary path and
// returns the file's bytes (the file is removed).
Result<std::string> via_temp_file(const std::string& extension,
                                  const std::function<Status(const std::string& path)>& write);

// The anchored regular expression a route template matches.
std::string route_pattern(const std::string& path_template);

// The route table (routes.cc).
std::vector<Route> all_routes();

}  // namespace beacon::web

#endif  // BEACON_WEB_APP_H_
